package contactfile

import (
	"fmt"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// RowKind is what importing does with one entry of a file.
type RowKind int

// The kinds of preview row.
const (
	RowNew RowKind = iota
	RowMerge
	RowSkip
)

// Row is one line of an import preview: an entry of the file and what
// importing it does. The CLI's --dry-run and the TUI show the same rows.
type Row struct {
	Line int
	Kind RowKind
	// Status is "new", "duplicate of #3 Dana Reyes", "duplicate of line 4"
	// or "skipped".
	Status string
	// Who is the contact in one line: name · title · organisation · email.
	Who string
	// Detail says why and what: the match and the fields a merge fills, a
	// skip's reason, and how the entry was read.
	Detail string
}

// Summary counts a preview's rows.
type Summary struct {
	New, Merge, Skipped int
}

// String reads "2 new, 1 duplicate, 1 skipped".
func (s Summary) String() string {
	return fmt.Sprintf("%s, %s, %d skipped", model.Plural(s.New, "new contact", "new contacts"),
		model.Plural(s.Merge, "duplicate", "duplicates"), s.Skipped)
}

// Plan pairs the file's entries with the store's decisions (one per
// importable entry, in order, as from PreviewContactImport) into the rows
// of a preview.
func Plan(f File, decisions []model.ImportDecision) ([]Row, Summary) {
	var rows []Row
	var sum Summary
	lineOf := make([]int, 0, len(decisions)) // importable index → line
	next := 0
	for _, e := range f.Entries {
		r := Row{Line: e.Line, Who: who(e.Contact)}
		how := strings.Join(e.Notes, "; ")
		switch {
		case e.Skip != "":
			r.Kind, r.Status, r.Detail = RowSkip, "skipped", joinDetail(e.Skip, how)
			sum.Skipped++
		case next < len(decisions):
			d := decisions[next]
			lineOf = append(lineOf, e.Line)
			next++
			if d.Action == model.ImportNew {
				r.Kind, r.Status, r.Detail = RowNew, "new", joinDetail(d.Note, how)
				sum.New++
				break
			}
			r.Kind = RowMerge
			sum.Merge++
			if d.OfIndex >= 0 && d.OfIndex < len(lineOf) {
				r.Status = fmt.Sprintf("duplicate of line %d", lineOf[d.OfIndex])
			} else {
				r.Status = fmt.Sprintf("duplicate of #%d %s", d.Of.ID, model.Clean(d.Of.Name))
			}
			detail := d.By
			if len(d.Fills) > 0 {
				detail += "; fills " + strings.Join(d.Fills, ", ")
			} else {
				detail += "; nothing new"
			}
			r.Detail = joinDetail(detail, how)
		}
		rows = append(rows, r)
	}
	return rows, sum
}

func joinDetail(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "; ")
}

// who is a contact in one line.
func who(c model.Contact) string {
	parts := []string{c.Name}
	for _, p := range []string{c.Title, c.Org, c.Email} {
		if p != "" && p != c.Name {
			parts = append(parts, p)
		}
	}
	if s := model.Clean(strings.Join(parts, " · ")); s != "" {
		return s
	}
	return "(empty)"
}

// Describe is the preview's heading: the file, what it was recognised as,
// its encoding, and for CSV which column became what.
func (f File) Describe(name string) []string {
	head := fmt.Sprintf("%s: %s, %s, %s", model.Clean(name), f.Dialect, f.Encoding,
		model.Plural(len(f.Entries), "entry", "entries"))
	if f.Preamble != "" {
		head += "; " + f.Preamble
	}
	out := []string{head}
	var used []string
	for _, c := range f.Columns {
		if c.Field != "" {
			used = append(used, columnName(c)+" → "+c.Field)
		}
	}
	if len(used) > 0 {
		out = append(out, "Columns: "+strings.Join(used, ", "))
	}
	return out
}

// Unused names, in full, the CSV columns that are not imported (phones,
// addresses, …), or is "" when every column is; the preview shows it after
// the contacts, as it can be long (Outlook writes over 90 columns).
func (f File) Unused() string {
	var unused []string
	for _, c := range f.Columns {
		if c.Field == "" {
			unused = append(unused, columnName(c))
		}
	}
	if len(unused) == 0 {
		return ""
	}
	return fmt.Sprintf("Not imported: %s (%s)", model.Plural(len(unused), "column", "columns"), strings.Join(unused, ", "))
}

func columnName(c Column) string {
	if h := model.Clean(c.Header); h != "" {
		return h
	}
	return "(blank)"
}
