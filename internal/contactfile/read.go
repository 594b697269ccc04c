package contactfile

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// Format is the kind of address-book file.
type Format int

// The formats Read understands. FormatAuto decides from the file's name,
// then from its first bytes.
const (
	FormatAuto Format = iota
	FormatVCard
	FormatCSV
)

// String names the format as the preview shows it.
func (f Format) String() string {
	switch f {
	case FormatVCard:
		return "vCard"
	case FormatCSV:
		return "CSV"
	}
	return "auto"
}

// Options says how to read a file when its content does not.
type Options struct {
	// Format is FormatAuto unless the user named one.
	Format Format
	// Encoding is the character set the user named ("" detects it).
	Encoding string
}

// File is what Read found in an address book.
type File struct {
	Format Format
	// Dialect names the exporter recognised ("Google Contacts (current)",
	// "Outlook (German)", "vCard 2.1", …).
	Dialect string
	// Encoding names the character set the text was decoded from.
	Encoding string
	// Columns are a CSV file's columns and what each became, in file order.
	Columns []Column
	// Header is the line of a CSV file's header row; 0 when it has none.
	Header int
	// Preamble says which lines before the header were passed over.
	Preamble string
	// Entries are the cards or rows, in file order.
	Entries []Entry
}

// Column is one CSV column and the contact field it feeds.
type Column struct {
	// Header is the column's title, or "column N" in a file without a header.
	Header string
	// Field is what the column became ("name", "email", "first name", …),
	// or "" when it is not imported.
	Field string
}

// Entry is one card or row of the file.
type Entry struct {
	// Line is where the card or row begins.
	Line int
	// Contact is what the card or row holds, tidied and checked.
	Contact model.Contact
	// Skip says why the entry cannot be imported; "" when it can.
	Skip string
	// Notes say how the entry was read where a reader would want to know
	// ("named from the email address", "2 more emails kept in notes").
	Notes []string
}

// Importable returns the contacts that can be imported, in file order.
func (f File) Importable() []model.Contact {
	var out []model.Contact
	for _, e := range f.Entries {
		if e.Skip == "" {
			out = append(out, e.Contact)
		}
	}
	return out
}

// Error refuses a whole file: it names the file and, when it is known, the
// line. Msg is already safe to print.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error reads "FILE, line N: what is wrong".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s, line %d: %s", model.Clean(e.File), e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", model.Clean(e.File), e.Msg)
}

// Read reads the address book in data. name is the file's name, for
// messages and to guess the format; nothing is read from disk.
func Read(name string, data []byte, opt Options) (File, error) {
	format := opt.Format
	if format == FormatAuto {
		format = Detect(name, data)
	}
	if format == FormatAuto {
		return File{}, &Error{File: name, Msg: "cannot tell whether this is a vCard or a CSV file; name it .vcf or .csv, or pass --format"}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return File{}, &Error{File: name, Msg: "the file is empty"}
	}
	t, err := decodeFile(name, data, opt.Encoding)
	if err != nil {
		return File{}, err
	}
	var f File
	if format == FormatVCard {
		f, err = readVCards(name, t)
	} else {
		f, err = readCSV(name, t)
	}
	if err != nil {
		return File{}, err
	}
	f.Format = format
	if f.Encoding == "" {
		f.Encoding = t.encoding
	}
	return f, nil
}

// Detect tells a vCard from a CSV file by its extension, then by whether
// its first text is BEGIN:VCARD. FormatAuto means it cannot tell.
func Detect(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".vcf", ".vcard":
		return FormatVCard
	case ".csv", ".tsv", ".txt":
		return FormatCSV
	}
	head := data[:min(len(data), 512)]
	if t, err := decodeFile(name, head, ""); err == nil {
		head = []byte(t.s)
	}
	head = bytes.TrimSpace(head)
	switch {
	case len(head) == 0:
		return FormatAuto
	case bytes.HasPrefix(bytes.ToUpper(head[:min(len(head), 11)]), []byte("BEGIN:VCARD")):
		return FormatVCard
	case head[0] == '{' || head[0] == '[':
		return FormatAuto
	}
	return FormatCSV
}

// quote shows a piece of a file in a message: cleaned of control
// characters and escape sequences, shortened, in quotes.
func quote(s string) string {
	s = model.Clean(s)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
