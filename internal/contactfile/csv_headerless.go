package contactfile

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// readHeaderless reads a CSV file whose first row is data. It finds the
// email column (values with an @) and the name column (the first column of
// words, preferring full names with a space), shows the choice in the
// preview, and ignores the rest.
func readHeaderless(name, s string) (File, error) {
	first, _, _ := strings.Cut(s, "\n")
	delim := sniff(first)
	r := newCSVReader(s, delim)
	var recs [][]string
	var lines []int
	width := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return File{}, csvError(name, err, 0)
		}
		line, _ := r.FieldPos(0)
		if blankRecord(rec) {
			continue
		}
		if len(recs) == 0 {
			width = len(rec)
		} else if err := mixedDelimiter(rec, width, delim); err != nil {
			return File{}, &Error{File: name, Line: line, Msg: err.Error()}
		}
		recs, lines = append(recs, rec), append(lines, line)
	}
	if len(recs) == 0 {
		return File{}, &Error{File: name, Msg: "the file holds no rows"}
	}
	nameCol, emailCol := guessColumns(recs)
	if nameCol < 0 && emailCol < 0 {
		return File{}, &Error{File: name, Line: lines[0], Msg: "no header row was recognised and no column looks like names or email addresses; add a header row such as name,title,org,email"}
	}
	f := File{Dialect: "CSV without a header row"}
	for i := 0; i < width; i++ {
		c := Column{Header: fmt.Sprintf("column %d", i+1)}
		switch i {
		case nameCol:
			c.Field = fName.label()
		case emailCol:
			c.Field = fEmail.label()
		}
		f.Columns = append(f.Columns, c)
	}
	for i, rec := range recs {
		var p person
		if nameCol >= 0 && nameCol < len(rec) {
			p.display = rec[nameCol]
		}
		if emailCol >= 0 && emailCol < len(rec) {
			p.emails = []string{rec[emailCol]}
		}
		e, err := p.entry(lines[i])
		if err != nil {
			return File{}, &Error{File: name, Line: lines[i], Msg: err.Error()}
		}
		f.Entries = append(f.Entries, e)
	}
	return f, nil
}

// guessColumns picks the email and name columns of headerless rows, -1
// for none: email is the column where most values look like addresses;
// name is the first other column whose every value has letters and no @,
// a column of full names (with spaces) first.
func guessColumns(recs [][]string) (nameCol, emailCol int) {
	width := 0
	for _, r := range recs {
		width = max(width, len(r))
	}
	emailCol, best := -1, 0
	words, full := make([]bool, width), make([]bool, width)
	for c := 0; c < width; c++ {
		nonEmpty, mails, letters, spaced := 0, 0, 0, 0
		for _, r := range recs {
			if c >= len(r) || strings.TrimSpace(r[c]) == "" {
				continue
			}
			v := strings.TrimSpace(r[c])
			nonEmpty++
			if strings.Contains(v, "@") && !strings.ContainsAny(v, " \t") {
				mails++
			}
			if strings.IndexFunc(v, unicode.IsLetter) >= 0 && !strings.Contains(v, "@") {
				letters++
				if strings.Contains(v, " ") {
					spaced++
				}
			}
		}
		if mails > best && mails*2 >= nonEmpty {
			emailCol, best = c, mails
		}
		words[c] = nonEmpty > 0 && letters == nonEmpty
		full[c] = words[c] && spaced > 0
	}
	nameCol = -1
	for _, want := range [][]bool{full, words} {
		for c := 0; c < width && nameCol < 0; c++ {
			if want[c] && c != emailCol {
				nameCol = c
			}
		}
	}
	return nameCol, emailCol
}
