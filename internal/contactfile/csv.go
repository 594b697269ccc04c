package contactfile

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// headerSearch is how many lines may precede the header row (LinkedIn
// writes a "Notes:" paragraph and a blank line first).
const headerSearch = 30

// readCSV reads a CSV export: it finds the delimiter and the header row,
// maps the columns, and reads each row into an entry. A file without a
// recognisable header is read by looking at its columns' contents.
func readCSV(name string, t text) (File, error) {
	f := File{}
	if t.raw {
		dt, ok := legacyOutlook(t)
		if !ok {
			line, col := firstInvalid([]byte(t.s))
			return File{}, &Error{File: name, Line: line, Msg: fmt.Sprintf("byte %d of the line is not UTF-8: %s", col, legacyHint)}
		}
		t = dt
		f.Encoding = t.encoding
	}
	lines := strings.SplitAfter(t.s, "\n")
	headerAt, cols, delim := findHeader(lines)
	if headerAt < 0 {
		return readHeaderless(name, t.s)
	}
	f.Header = headerAt + 1
	if headerAt > 0 {
		f.Preamble = fmt.Sprintf("line%s before the header skipped", lineRange(1, headerAt))
	}
	f.Dialect = dialectOf(cols)
	ours := f.Dialect == "backchannel"
	for _, c := range cols {
		f.Columns = append(f.Columns, Column{Header: c.header, Field: c.f.label()})
	}
	r := newCSVReader(strings.Join(lines[headerAt+1:], ""), delim)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line := 0
		if err == nil {
			line, _ = r.FieldPos(0)
		}
		if err != nil {
			return File{}, csvError(name, err, headerAt+1)
		}
		line += headerAt + 1
		if blankRecord(rec) {
			continue
		}
		if err := mixedDelimiter(rec, len(cols), delim); err != nil {
			return File{}, &Error{File: name, Line: line, Msg: err.Error()}
		}
		e, err := rowPerson(rec, cols, ours).entry(line)
		if err != nil {
			return File{}, &Error{File: name, Line: line, Msg: err.Error()}
		}
		if extra := extraCells(rec, len(cols)); extra > 0 {
			e.Notes = append(e.Notes, fmt.Sprintf("%d cell%s past the last column ignored", extra, plural(extra)))
		}
		f.Entries = append(f.Entries, e)
	}
	if len(f.Entries) == 0 {
		return File{}, &Error{File: name, Line: f.Header, Msg: "the file has a header row but no contacts under it"}
	}
	return f, nil
}

func lineRange(a, b int) string {
	if a == b {
		return fmt.Sprintf(" %d", a)
	}
	return fmt.Sprintf("s %d–%d", a, b)
}

// newCSVReader reads RFC 4180 CSV with the given delimiter, rows of any
// length (Outlook's are ragged, Thunderbird's end in a comma).
func newCSVReader(s string, delim rune) *csv.Reader {
	r := csv.NewReader(strings.NewReader(s))
	r.Comma = delim
	r.FieldsPerRecord = -1
	return r
}

// csvError describes a CSV syntax error with its line in the file.
func csvError(name string, err error, offset int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrQuote):
			msg = `a cell has a stray " that does not open or close a quoted cell`
		case errors.Is(pe.Err, csv.ErrBareQuote):
			msg = `a cell that is not quoted holds a " (quote the cell and double the quote)`
		}
		return &Error{File: name, Line: pe.StartLine + offset, Msg: msg}
	}
	return &Error{File: name, Msg: err.Error()}
}

// sniff picks the delimiter of a line: the most frequent of comma,
// semicolon and tab outside quotes; a comma when there is none.
func sniff(line string) rune {
	counts := map[rune]int{}
	inQuote := false
	for _, r := range line {
		switch {
		case r == '"':
			inQuote = !inQuote
		case !inQuote && (r == ',' || r == ';' || r == '\t'):
			counts[r]++
		}
	}
	best := ','
	for _, d := range []rune{';', '\t'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

// findHeader looks for the header row among the first lines: a row with
// two or more columns the map knows, or a first row with one known name or
// email column and no address in it. It returns -1 when there is none.
func findHeader(lines []string) (int, []column, rune) {
	first := true
	for i := 0; i < len(lines) && i < headerSearch; i++ {
		l := strings.TrimRight(lines[i], "\r\n")
		if strings.TrimSpace(l) == "" {
			continue
		}
		delim := sniff(l)
		rec, err := newCSVReader(l, delim).Read()
		if err != nil {
			continue
		}
		cols, known := mapHeader(rec)
		nonEmpty := 0
		for _, c := range rec {
			if strings.TrimSpace(c) != "" {
				nonEmpty++
			}
		}
		if known >= 2 || (known == 1 && first && namesPerson(cols) && !strings.Contains(l, "@")) {
			return i, cols, delim
		}
		first = false
	}
	return -1, nil, ','
}

// namesPerson reports whether a header has a name or email column: a first
// row such as "Full Name,Phone" is a header even though only one of its
// columns is known.
func namesPerson(cols []column) bool {
	for _, c := range cols {
		switch c.f {
		case fName, fFirst, fLast, fEmail:
			return true
		}
	}
	return false
}

// blankRecord reports a row with nothing in it.
func blankRecord(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// extraCells counts the non-empty cells past the header's last column.
func extraCells(rec []string, width int) int {
	n := 0
	for i := width; i < len(rec); i++ {
		if strings.TrimSpace(rec[i]) != "" {
			n++
		}
	}
	return n
}

// mixedDelimiter refuses a row that is one cell holding another delimiter
// when the file has several columns: the row uses a different separator,
// and reading it would put a whole row into one field.
func mixedDelimiter(rec []string, width int, delim rune) error {
	if width < 2 || len(rec) != 1 {
		return nil
	}
	for _, d := range []rune{',', ';', '\t'} {
		if d != delim && strings.ContainsRune(rec[0], d) {
			return fmt.Errorf("this row is separated by %s but the file by %s; save the file with one delimiter", delimName(d), delimName(delim))
		}
	}
	return nil
}

func delimName(d rune) string {
	switch d {
	case ';':
		return "semicolons"
	case '\t':
		return "tabs"
	}
	return "commas"
}

// rowPerson reads one row through the header map.
func rowPerson(rec []string, cols []column, ours bool) person {
	var p person
	type slotted struct {
		slot  int
		pref  bool
		value string
	}
	var emails []slotted
	prefSlot := map[int]bool{}
	for i, c := range cols {
		if i >= len(rec) {
			break
		}
		v := strings.TrimSpace(rec[i])
		if ours {
			v = unneutralise(v)
		}
		if v == "" {
			continue
		}
		switch c.f {
		case fName:
			p.display = v
		case fFirst:
			p.given = v
		case fMiddle:
			p.middle = v
		case fLast:
			p.family = v
		case fTitle:
			if p.title == "" {
				p.title = v
				p.titleMayBeHonorific = !ours && normHeader(c.header) == "title"
			}
		case fAliases:
			p.aliases = append(p.aliases, v)
		case fOrg:
			if p.org == "" {
				p.org = v
			}
		case fDept:
			p.depts = append(p.depts, v)
		case fEmail:
			// Google joins several values in one cell with " ::: "; our own
			// export writes one value, which is taken whole (an email of
			// ":::" came back empty from its own export, found by fuzzing).
			parts := []string{v}
			if !ours {
				parts = strings.Split(v, ":::")
			}
			for _, e := range parts {
				emails = append(emails, slotted{slot: c.slot, value: strings.TrimSpace(e)})
			}
		case fEmailLabel:
			if strings.HasPrefix(v, "*") {
				prefSlot[c.slot] = true
			}
		case fNotes:
			p.notes = append(p.notes, v)
		case fKind:
			p.kind = v
		case fDiscretion:
			p.discretion = v
		case fValue:
			p.value = v
		case fCadence:
			p.cadence = v
		}
	}
	for i := range emails {
		emails[i].pref = prefSlot[emails[i].slot]
	}
	slices.SortStableFunc(emails, func(a, b slotted) int {
		if a.pref != b.pref {
			if a.pref {
				return -1
			}
			return 1
		}
		return a.slot - b.slot
	})
	for _, e := range emails {
		p.emails = append(p.emails, e.value)
	}
	return p
}

// unneutralise undoes what WriteCSV does to a cell a spreadsheet would run
// as a formula, so that backchannel's own export imports unchanged.
func unneutralise(v string) string {
	if strings.HasPrefix(v, "'") && formulaLike(v[1:]) {
		return v[1:]
	}
	return v
}

// legacyOutlook decodes a file that is not UTF-8 as windows-1252 when its
// header row proves it: a German Outlook export (written in the Windows code
// page, without a BOM) whose header, read that way, has the known columns.
func legacyOutlook(t text) (text, bool) {
	first, _, _ := strings.Cut(t.s, "\n")
	if utf8.ValidString(first) {
		return t, false
	}
	h, err := charmap.Windows1252.NewDecoder().String(first)
	if err != nil {
		return t, false
	}
	rec, err := newCSVReader(strings.TrimRight(h, "\r"), sniff(h)).Read()
	if err != nil {
		return t, false
	}
	cols, known := mapHeader(rec)
	if known < 2 || dialectOf(cols) != "Outlook (German)" || !hasNonASCII(h) {
		return t, false
	}
	all, err := charmap.Windows1252.NewDecoder().String(t.s)
	if err != nil {
		return t, false
	}
	return text{s: all, encoding: "windows-1252 (detected from the Outlook header)"}, true
}

func hasNonASCII(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return true
		}
	}
	return false
}
