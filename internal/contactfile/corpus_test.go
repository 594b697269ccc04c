package contactfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// want is what a test expects of one contact: the fields a person would
// check after importing, and fragments of the notes.
type want struct {
	line                    int
	name, title, org, email string
	aliases                 string
	notesHas                []string
	notesEmpty, skipped     bool
	howHas                  string
}

// corpusCase is one file of ../shared/corpus and what importing it must
// give: the contacts, in file order, or a refusal naming the line.
type corpusCase struct {
	opt     Options
	dialect string
	enc     string
	refused string // a refusal must contain this ("line N: …")
	want    []want
}

// The expected contacts were read off each file by hand (see SOURCES.md in
// testdata/corpus), not copied from the reader's output.
var corpus = map[string]corpusCase{
	"vcard/ez-vcard/John_Doe_GMAIL.vcf": {dialect: "vCard 3.0", want: []want{{
		line: 1, name: "Mr. John Richter, James Doe Sr.", title: "Money Counter", org: "IBM", email: "john.doe@ibm.com",
		// \" unescaped, \, unescaped, the folded NOTE joined, \n kept as a line break.
		notesHas: []string{`CONTRIBUTORS "AS IS" AND ANY EXPRESS`, "WARRANTIES, INCLUDING, BUT NOT LIMITED TO,", "SERVICES; LOSS OF USE", "DAMAGE.\nFavotire Color: Blue"},
	}}},
	"vcard/ez-vcard/John_Doe_EVOLUTION.vcf": {dialect: "vCard 3.0", want: []want{{
		line: 1, name: "Mr. John Richter, James Doe Sr.", title: "Money Counter", org: "IBM", email: "john.doe@ibm.com", aliases: "Johny",
		notesHas: []string{`CONTRIBUTORS "AS IS" AND`, "DAMAGE.\nDepartment: Accounting / Dungeon"},
	}}},
	"vcard/ez-vcard/John_Doe_MS_OUTLOOK.vcf": {dialect: "vCard 2.1", want: []want{{
		line: 1, name: "Mr. John Richter James Doe Sr.", title: "Money Counter", org: "IBM", email: "john.doe@ibm.cm", aliases: "Johny",
		notesHas: []string{"PROVIDED BY GEORGE EL-HADDAD ''AS IS''", "DAMAGE.\nDepartment: Accounting"},
	}}},
	"vcard/ez-vcard/John_Doe_ANDROID.vcf": {dialect: "vCard 2.1", want: []want{
		// Email-only cards are named from the address, not refused.
		{line: 1, name: "john.doe@company.com", email: "john.doe@company.com", notesEmpty: true, howHas: "named from its email address"},
		{line: 6, name: "jane.doe@company.com", email: "jane.doe@company.com", notesEmpty: true, howHas: "named from its email address"},
		// Quoted-printable UTF-8 (=C3=91 is Ñ), with =20 spaces.
		{line: 11, name: "Ñ Ñ Ñ Ñ Ñ", notesEmpty: true},
		// Soft line breaks: the value continues on the next, unindented line.
		{line: 18, name: "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", notesHas: []string{"Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ\nÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ"}},
		// EMAIL;PREF;WORK is the preferred address; the second PREF one goes to notes.
		{line: 36, name: "Ñ Ñ Ñ Ñ", org: "ÑÑÑÑÑÑÑÑÑÑÑÑ", email: "bob@company.com", notesHas: []string{"Other emails: ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ"}},
		// Four soft-broken lines of 11 Ñ each; the second ORG ends in a stray
		// =80 byte and is left out, with a word in the preview.
		{line: 71, name: "ÑÑÑÑ", org: strings.Repeat("Ñ", 44), email: "henry@company.com", notesEmpty: true, howHas: "line 82: another ORG left out"},
	}},
	"vcard/ez-vcard/outlook-2003.vcf": {dialect: "vCard 2.1", want: []want{{
		line: 1, name: "John Doe III", title: "The Job Title", org: "Company, The", email: "jdoe@hotmail.com", aliases: "Joey",
		notesHas: []string{"This is the note field!!\nSecond line\n\nThird line is empty\nDepartment: TheDepartment"},
	}}},
	"vcard/ez-vcard/gmail-list.vcf": {dialect: "vCard 3.0", want: []want{
		{line: 1, name: "Arnold Smith", email: "asmithk@gmail.com", notesEmpty: true},
		{line: 7, name: "Chris Beatle", email: "chrisy55d@yahoo.com", notesEmpty: true},
		{line: 13, name: "Doug White", email: "dwhite@gmail.com", notesEmpty: true},
	}},
	"vcard/ez-vcard/rfc6350-example.vcf": {dialect: "vCard 4.0", want: []want{
		{line: 1, name: "Simon Perreault", org: "Viagenie", email: "simon.perreault@viagenie.ca", notesEmpty: true},
	}},
	"vcard/ez-vcard/rfc2426-example.vcf": {dialect: "vCard 3.0", want: []want{
		// TYPE=INTERNET,PREF marks the preferred address.
		{line: 1, name: "Frank Dawson", org: "Lotus Development Corporation", email: "Frank_Dawson@Lotus.com", notesHas: []string{"Other emails: fdawson@earthlink.net"}},
		{line: 13, name: "Tim Howes", org: "Netscape Communications Corp.", email: "howes@netscape.com", notesEmpty: true},
	}},
	"vcard/ez-vcard/issue114.vcf": {dialect: "vCard 4.0", want: []want{
		// A quoted LABEL parameter full of ^' and : must not cut the line.
		{line: 1, name: "Dummy, Dummy", org: "Dummy GmbH", email: "dummy.dummy@dummy.com", notesEmpty: true},
	}},
	"vcard/thunderbird/dos_vcard_addressbook.vcf": {dialect: "vCard 3.0", want: []want{
		{line: 1, name: "Name Surname", email: "example@gmail.com", notesEmpty: true},
	}},
	"vcard/thunderbird/emptylines_vcard_addressbook.vcf": {dialect: "vCard 2.1", want: []want{
		{line: 3, name: "John Doe", email: "john.doe@genericemail.invalid", notesEmpty: true},
		{line: 11, name: "Jane Doe", email: "jane.doe@genericemail.invalid", notesEmpty: true},
	}},
	"csv/thunderbird/basic_csv_addressbook.csv": {dialect: "Thunderbird", want: []want{
		{line: 2, name: "John Doe", email: "john@doe.invalid", notesEmpty: true},
		{line: 3, name: "Jane Doe", email: "jane@doe.invalid", notesEmpty: true},
	}},
	"csv/thunderbird/csv_semicolon.csv": {dialect: "Thunderbird", want: []want{
		{line: 2, name: "John Doe", email: "john@doe.invalid", notesEmpty: true},
		{line: 3, name: "Jane Doe", email: "jane@doe.invalid", notesEmpty: true},
	}},
	"csv/thunderbird/csv_no_header.csv": {dialect: "CSV without a header row", want: []want{
		{line: 1, name: "John Doe", email: "john@doe.invalid", notesEmpty: true},
		{line: 2, name: "Jane Doe", email: "jane@doe.invalid", notesEmpty: true},
	}},
	// The first row is comma-separated, the others tab-separated: read with
	// one delimiter, a whole row would land in one field.
	"csv/thunderbird/tab_comma_mixed.csv": {refused: "tab_comma_mixed.csv, line 2: this row is separated by tabs but the file by commas"},
	"csv/thunderbird/quote.csv": {dialect: "Thunderbird", want: []want{
		{line: 2, name: "Acer America", org: "Acer America", notesEmpty: true},
	}},
	"csv/thunderbird/shiftjis_addressbook.csv": {refused: "shiftjis_addressbook.csv, line 2: byte 1 of the line is not UTF-8"},
	"csv/thunderbird/utf16_addressbook.csv": {dialect: "Thunderbird", enc: "UTF-16LE", want: []want{
		{line: 2, name: "John Doe", email: "johndoe@host.invalid", notesEmpty: true},
	}},
	"csv/thunderbird/export.csv": {dialect: "Thunderbird", want: []want{
		{line: 2, name: "contact number one", email: "contact1@invalid", notesEmpty: true},
		// """worker""" is the job title "worker" in quotes; the custom
		// columns with a comma, tab, CR and newline inside are not imported.
		{line: 3, name: "contact number two", title: `"worker"`, email: "contact2@invalid", notesHas: []string{"here's some unicode text…"}},
	}},
}

// sharedCorpus finds the shared corpus beside the repository (or beside
// the folder of worktrees), when it is there.
func sharedCorpus() (string, bool) {
	for _, d := range []string{"../../../shared/corpus", "../../../../shared/corpus"} {
		if _, err := os.Stat(d); err == nil {
			return d, true
		}
	}
	return "", false
}

// TestCorpusCopyIsComplete keeps testdata/corpus a byte-for-byte copy of the
// shared corpus and every file in it under test, so a file added there
// fails here until its expected contacts are written down.
func TestCorpusCopyIsComplete(t *testing.T) {
	corpusDir, ok := sharedCorpus()
	if !ok {
		t.Skip("no shared corpus beside the repository; testdata/corpus is tested alone")
	}
	err := filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, p)
		shared, _ := os.ReadFile(p)
		ours, err := os.ReadFile(filepath.Join("testdata/corpus", rel))
		if err != nil || !bytes.Equal(shared, ours) {
			t.Errorf("testdata/corpus/%s is missing or differs from the shared corpus", rel)
		}
		if ext := filepath.Ext(rel); (ext == ".vcf" || ext == ".csv") && !hasCase(rel) {
			t.Errorf("%s has no expected contacts in corpus_test.go", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func hasCase(rel string) bool { _, ok := corpus[filepath.ToSlash(rel)]; return ok }

func TestCorpusFilesImportRightOrAreRefusedByLine(t *testing.T) {
	files := 0
	for rel, c := range corpus {
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/corpus", rel))
			if err != nil {
				t.Fatal(err)
			}
			files++
			f, err := Read(filepath.Base(rel), data, c.opt)
			if c.refused != "" {
				var fe *Error
				if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.refused) {
					t.Fatalf("want a refusal containing %q, got %v (%d entries)", c.refused, err, len(f.Entries))
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !strings.HasPrefix(f.Dialect, c.dialect) {
				t.Errorf("dialect %q, want %q", f.Dialect, c.dialect)
			}
			if c.enc != "" && f.Encoding != c.enc {
				t.Errorf("encoding %q, want %q", f.Encoding, c.enc)
			}
			checkEntries(t, f.Entries, c.want)
		})
	}
	if files != len(corpus) {
		t.Fatalf("read %d of %d corpus files", files, len(corpus))
	}
}

// checkEntries compares what a file gave with what a person expects.
func checkEntries(t *testing.T, got []Entry, want []want) {
	t.Helper()
	if len(got) != len(want) {
		for _, e := range got {
			t.Logf("line %d: %+v skip=%q", e.Line, e.Contact, e.Skip)
		}
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i, w := range want {
		e, c := got[i], got[i].Contact
		if e.Line != w.line || c.Name != w.name || c.Title != w.title || c.Org != w.org || c.Email != w.email {
			t.Errorf("entry %d: line %d name %q title %q org %q email %q\n want: line %d name %q title %q org %q email %q",
				i+1, e.Line, c.Name, c.Title, c.Org, c.Email, w.line, w.name, w.title, w.org, w.email)
		}
		if c.Aliases != w.aliases {
			t.Errorf("entry %d: aliases %q, want %q", i+1, c.Aliases, w.aliases)
		}
		if (e.Skip != "") != w.skipped {
			t.Errorf("entry %d: skip %q, want skipped=%v", i+1, e.Skip, w.skipped)
		}
		if w.notesEmpty && c.Notes != "" {
			t.Errorf("entry %d: notes %q, want none", i+1, c.Notes)
		}
		for _, frag := range w.notesHas {
			if !strings.Contains(c.Notes, frag) {
				t.Errorf("entry %d: notes lack %q:\n%s", i+1, frag, c.Notes)
			}
		}
		if w.howHas != "" && !slices.ContainsFunc(e.Notes, func(n string) bool { return strings.Contains(n, w.howHas) }) {
			t.Errorf("entry %d: preview notes %q lack %q", i+1, e.Notes, w.howHas)
		}
	}
}

func TestShiftJISImportsWhenItsEncodingIsNamed(t *testing.T) {
	data, err := os.ReadFile("testdata/corpus/csv/thunderbird/shiftjis_addressbook.csv")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read("shiftjis_addressbook.csv", data, Options{Encoding: "Shift_JIS"})
	if err != nil {
		t.Fatal(err)
	}
	// 名無しの権兵衛 is Japanese for "John Doe": first 権兵衛, last 名無し.
	checkEntries(t, f.Entries, []want{{line: 2, name: "名無しの権兵衛", email: "名無しの権兵衛@host.invalid", notesEmpty: true}})
	if f.Encoding != "Shift_JIS (as asked)" && !strings.HasPrefix(strings.ToLower(f.Encoding), "shift_jis") {
		t.Errorf("encoding %q", f.Encoding)
	}
}
