package contactfile

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/redact"
)

// seed adds every file of testdata with the given extension to the fuzz corpus.
func seed(f *testing.F, ext string) {
	_ = filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ext) {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
		return nil
	})
}

// checkRead is what every input must satisfy: no panic; a refusal is an
// *Error whose message has no control characters; a file that is read gives
// contacts that are valid or skipped with a reason, with text that is clean.
func checkRead(t *testing.T, name string, data []byte) {
	f, err := Read(name, data, Options{})
	if err != nil {
		if _, ok := err.(*Error); !ok {
			t.Fatalf("refusal is %T, not *Error: %v", err, err)
		}
		for _, r := range err.Error() {
			if unicode.IsControl(r) {
				t.Fatalf("refusal holds %U: %q", r, err.Error())
			}
		}
		return
	}
	for _, e := range f.Entries {
		c := e.Contact
		if e.Skip == "" {
			if err := c.Validate(); err != nil {
				t.Fatalf("line %d imports an invalid contact: %v", e.Line, err)
			}
		}
		for _, s := range []string{c.Name, c.Title, c.Org, c.Email} {
			if s != model.Clean(s) {
				t.Fatalf("line %d: unclean text %q", e.Line, s)
			}
		}
		if c.Notes != strings.TrimSpace(model.CleanBlock(c.Notes)) {
			t.Fatalf("line %d: unclean notes %q", e.Line, c.Notes)
		}
	}
}

func FuzzReadVCard(f *testing.F) {
	seed(f, ".vcf")
	f.Add([]byte("BEGIN:VCARD\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=windows-1252:=\n=\nEND:VCARD\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "fuzz.vcf", data) })
}

func FuzzReadCSV(f *testing.F) {
	seed(f, ".csv")
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "fuzz.csv", data) })
}

// FuzzExportImport checks the round trip on arbitrary text: whatever a
// contact holds once tidied, exporting and importing it gives it back.
func FuzzExportImport(f *testing.F) {
	for _, c := range roundTripContacts {
		f.Add(c.Name, c.Title, c.Org, c.Email, c.Notes, c.Aliases)
	}
	f.Fuzz(func(t *testing.T, name, title, org, email, notes, aliases string) {
		c := model.Contact{Name: model.Clean(name), Title: model.Clean(title), Org: model.Clean(org),
			Email: model.Clean(email), Notes: strings.TrimSpace(model.CleanBlock(notes)),
			Aliases: strings.Join(redact.SplitAliases(aliases), ", ")}
		if c.Validate() != nil || strings.ContainsRune(c.Name+c.Title+c.Org+c.Email+c.Notes+c.Aliases, semicolon) {
			return
		}
		for _, w := range []struct {
			name  string
			write func(*bytes.Buffer) error
		}{
			{"x.vcf", func(b *bytes.Buffer) error { return WriteVCard(b, []model.Contact{c}) }},
			{"x.csv", func(b *bytes.Buffer) error { return WriteCSV(b, []model.Contact{c}) }},
		} {
			var b bytes.Buffer
			if err := w.write(&b); err != nil {
				t.Fatal(err)
			}
			got, err := Read(w.name, b.Bytes(), Options{})
			if err != nil {
				t.Fatalf("%s: own export refused: %v\n%q", w.name, err, b.String())
			}
			if len(got.Entries) != 1 || got.Entries[0].Contact != c {
				t.Fatalf("%s: %+v\nwant %+v\n%q", w.name, got.Entries, c, b.String())
			}
		}
	})
}
