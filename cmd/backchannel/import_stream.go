package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// workbookTables are the export's arrays in the order the store takes them
// (db.ImportFrom): each one's rows refer only to the ones before it.
var workbookTables = []string{"proposals", "contacts", "stakeholders", "touchpoints", "objections", "blind_spots", "history"}

// jsonImport reads an export file for db.ImportFrom token by token, one
// row at a time (a json.Decoder), so that memory stays at a row however
// large the file: decoding the 200,000-conversation export whole took
// 510 MB. It is as strict as decoding the whole file was: invalid UTF-8,
// unknown fields, duplicate or trailing data and truncation are errors,
// each said with the line and, for a row, the array and element
// ("line 9: contacts[3]: created_at …"). An export writes its arrays in
// the store's order, so each streams; an array that comes before one it
// refers to (a file written by another tool) is held until its turn.
type jsonImport struct {
	name    string
	in      *lineReader
	dec     *json.Decoder
	format  string
	version int
	seen    map[string]bool      // keys read so far
	held    map[string][]heldRow // arrays read ahead of their turn
	closed  bool                 // the workbook's closing brace was read
}

// heldRow is one element of an array read ahead of its turn.
type heldRow struct {
	raw  json.RawMessage
	line int
}

// newJSONImport reads the export in r; name is how sentences call the file.
func newJSONImport(name string, r io.Reader) *jsonImport {
	in := &lineReader{r: r, line: 1}
	return &jsonImport{name: name, in: in, dec: json.NewDecoder(in), seen: map[string]bool{}, held: map[string][]heldRow{}}
}

var _ db.ImportSource = (*jsonImport)(nil)

// bad is the one sentence for a file that is not a valid export.
func (j *jsonImport) bad(format string, args ...any) error {
	return fmt.Errorf("%s is not a valid workbook export: %s; nothing was imported", j.name, fmt.Sprintf(format, args...))
}

// problem says what a read or decoding error means for the file.
func (j *jsonImport) problem(err error) error {
	var u *utf8Problem
	var big *tooBigProblem
	switch {
	case errors.As(err, &u):
		// encoding/json would quietly turn the bytes into U+FFFD; text is
		// imported exactly as given or not at all.
		return j.bad("line %d: the text is not valid UTF-8 (at byte %d); save the file as UTF-8", u.line, u.offset)
	case errors.As(err, &big):
		return big
	}
	return j.bad("%s", jsonProblem(j.in.lineAt, "the workbook", err))
}

// Header reads up to the format and version.
func (j *jsonImport) Header() (string, int, error) {
	tok, err := j.dec.Token()
	if err != nil {
		return "", 0, j.problem(err)
	}
	if tok != json.Delim('{') {
		return "", 0, j.bad("the workbook should be an object ({…}), not %s", tokenWord(tok))
	}
	for !(j.seen["format"] && j.seen["version"]) {
		key, line, end, err := j.nextKey()
		if err != nil {
			return "", 0, err
		}
		if end {
			break
		}
		switch {
		case key == "format":
			if err := j.dec.Decode(&j.format); err != nil {
				return "", 0, j.bad("format should be text")
			}
		case key == "version":
			if err := j.dec.Decode(&j.version); err != nil {
				return "", 0, j.bad("version should be a whole number")
			}
		default:
			if err := j.hold(key, line); err != nil {
				return "", 0, err
			}
		}
	}
	if j.format != model.WorkbookFormat {
		return "", 0, fmt.Errorf("%s is not a backchannel workbook export (format %q)", j.name, j.format)
	}
	return j.format, j.version, nil
}

// nextKey reads the next key of the workbook object; end is true at its
// closing brace. An unknown or repeated key is an error.
func (j *jsonImport) nextKey() (key string, line int, end bool, err error) {
	if j.closed {
		return "", 0, true, nil
	}
	tok, err := j.dec.Token()
	if err != nil {
		return "", 0, false, j.problem(err)
	}
	if tok == json.Delim('}') {
		j.closed = true
		return "", 0, true, nil
	}
	key, _ = tok.(string)
	line = j.in.lineAt(j.dec.InputOffset())
	if key != "format" && key != "version" && !slices.Contains(workbookTables, key) {
		return "", 0, false, j.bad("line %d: unknown field %q", line, key)
	}
	if j.seen[key] {
		return "", 0, false, j.bad("line %d: %q appears twice", line, key)
	}
	j.seen[key] = true
	return key, line, false, nil
}

// Table streams the named array, or the rows held for it.
func (j *jsonImport) Table(name string, row func(fill func(dst any) error) error) error {
	if rows, ok := j.held[name]; ok {
		delete(j.held, name)
		for i, r := range rows {
			if err := row(j.filler(name, i, r)); err != nil {
				return err
			}
		}
		return nil
	}
	for {
		key, line, end, err := j.nextKey()
		if err != nil || end {
			return err
		}
		if key == name {
			return j.array(key, line, func(i int, r heldRow) error { return row(j.filler(name, i, r)) })
		}
		if key == "format" || key == "version" {
			return j.bad("line %d: %q appears twice", line, key)
		}
		if err := j.hold(key, line); err != nil {
			return err
		}
	}
}

// hold reads an array that comes before its turn.
func (j *jsonImport) hold(key string, line int) error {
	var rows []heldRow
	err := j.array(key, line, func(_ int, r heldRow) error {
		rows = append(rows, r)
		return nil
	})
	j.held[key] = rows
	return err
}

// array reads the array that is key's value, one element at a time.
func (j *jsonImport) array(key string, line int, each func(int, heldRow) error) error {
	tok, err := j.dec.Token()
	if err != nil {
		return j.problem(err)
	}
	if tok == nil { // null: no rows, as decoding the whole file read it
		return nil
	}
	if tok != json.Delim('[') {
		return j.bad("line %d: %s should be a list ([…])", line, key)
	}
	for i := 0; j.dec.More(); i++ {
		var raw json.RawMessage
		if err := j.dec.Decode(&raw); err != nil {
			return j.problem(err)
		}
		start := j.dec.InputOffset() - int64(len(raw))
		if err := each(i, heldRow{raw: raw, line: j.in.lineAt(start)}); err != nil {
			return err
		}
	}
	if _, err := j.dec.Token(); err != nil {
		return j.problem(err)
	}
	return nil
}

// filler decodes one element strictly into the store's model value.
func (j *jsonImport) filler(key string, i int, r heldRow) func(dst any) error {
	return func(dst any) error {
		if err := strictDecode(r.raw, dst); err != nil {
			return j.bad("line %d: %s[%d]: %s", r.line, key, i, jsonProblem(func(int64) int { return r.line }, "this row", err))
		}
		return nil
	}
}

// End reads what is left: keys no table asked for, and anything after the
// workbook, are errors.
func (j *jsonImport) End() error {
	for {
		key, line, end, err := j.nextKey()
		if err != nil {
			return err
		}
		if end {
			break
		}
		if err := j.hold(key, line); err != nil {
			return err
		}
	}
	if j.dec.More() {
		return j.bad("unexpected data after the workbook")
	}
	if _, err := j.dec.Token(); err != io.EOF {
		var u *utf8Problem
		if errors.As(err, &u) {
			return j.problem(err)
		}
		return j.bad("unexpected data after the workbook")
	}
	return nil
}

// strictDecode decodes one JSON value into v, refusing unknown fields and
// anything after the value.
func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the value")
	}
	return nil
}

// tokenWord names the kind of value a token starts.
func tokenWord(tok json.Token) string {
	switch tok.(type) {
	case json.Delim:
		if tok == json.Delim('[') {
			return "a list"
		}
	case string:
		return "text"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	case nil:
		return "null"
	}
	return "something else"
}

// lineReader passes a file through, refusing bytes that are not UTF-8 and
// telling the line of any offset at or after the last one asked about: it
// keeps only the bytes since then (the decoder's look-ahead and a row).
type lineReader struct {
	r     io.Reader
	read  int64  // bytes passed on
	carry []byte // the start of a character split across reads
	buf   []byte
	// The bytes passed on since offset base, whose line is line.
	kept []byte
	base int64
	line int
	err  error // a refusal, given again to every later read
}

// utf8Problem is a byte that is not UTF-8, by offset and line.
type utf8Problem struct {
	offset int64
	line   int
}

func (u *utf8Problem) Error() string {
	return fmt.Sprintf("line %d: the text is not valid UTF-8 (at byte %d)", u.line, u.offset)
}

func (l *lineReader) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	l.buf = append(append(l.buf[:0], l.carry...), p[:n]...)
	from := l.read - int64(len(l.carry)) // the offset of buf[0]
	l.carry = l.carry[:0]
	for i := 0; i < len(l.buf); {
		if l.buf[i] < utf8.RuneSelf {
			i++
			continue
		}
		if !utf8.FullRune(l.buf[i:]) && err == nil {
			l.carry = append(l.carry, l.buf[i:]...)
			break
		}
		r, size := utf8.DecodeRune(l.buf[i:])
		if r == utf8.RuneError && size == 1 {
			bad := from + int64(i)
			n = int(max(0, bad-l.read))
			l.keep(p[:n])
			l.err = &utf8Problem{offset: bad, line: l.lineAt(bad)}
			return n, l.err
		}
		i += size
	}
	l.keep(p[:n])
	return n, err
}

func (l *lineReader) keep(b []byte) {
	l.kept = append(l.kept, b...)
	l.read += int64(len(b))
}

// lineAt is the line of byte offset off; offsets asked about only go
// forward (an earlier one gives the line last told).
func (l *lineReader) lineAt(off int64) int {
	k := int(min(max(off-l.base, 0), int64(len(l.kept))))
	l.line += bytes.Count(l.kept[:k], []byte("\n"))
	l.base += int64(k)
	l.kept = l.kept[k:]
	if cap(l.kept) > 1<<20 && len(l.kept) < cap(l.kept)/4 {
		l.kept = append([]byte(nil), l.kept...)
	}
	return l.line
}

// tooBigProblem is a file larger than import reads.
type tooBigProblem struct{ name string }

func (t *tooBigProblem) Error() string {
	return fmt.Sprintf("%s is larger than %d MiB; too big to import", t.name, maxImportSize>>20)
}

// sizeLimit fails a read once more than maxImportSize bytes have come, so
// that a wrong file cannot run on forever.
type sizeLimit struct {
	r    io.Reader
	n    int64
	name string
}

func (s *sizeLimit) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.n += int64(n)
	if s.n > maxImportSize {
		return 0, &tooBigProblem{name: s.name} // the refusal, again on every read
	}
	return n, err
}
