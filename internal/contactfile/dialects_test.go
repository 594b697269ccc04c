package contactfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fixtures in testdata/dialects are built on each exporter's published
// header (header_sources.md says where each was found), with the
// non-ASCII names, multi-line quoted notes, BOMs, preambles and several
// emails those exports carry. The expected contacts are written here.
var dialectCases = map[string]corpusCase{
	"google-old.csv": {dialect: "Google Contacts (older export)", enc: "UTF-8 with BOM", want: []want{
		// "* Work" marks E-mail 2 as the primary address; the prefix
		// "Dr." is not the job title (Organization 1 - Title is).
		{line: 2, name: "Zoë Ångström", title: "CFO", org: "Northwind", email: "zoe.angstrom@northwind.example",
			notesHas: []string{"Met at the offsite.\nPrefers memos, not slides.", "Department: Finance", "Other emails: zoe@home.example"}},
		// No display name: the name parts; " ::: " joins two addresses.
		{line: 4, name: "Łukasz Iksiński", email: "lukasz@example.pl", notesHas: []string{"Other emails: l.iksinski@example.pl"}},
	}},
	"google-current.csv": {dialect: "Google Contacts", enc: "UTF-8 with BOM", want: []want{
		{line: 2, name: "José María Núñez", title: "Head of Platform", org: "Contoso Ltd", email: "jose.nunez@contoso.example", aliases: "Pepe",
			notesHas: []string{"Two lines\nof notes", "Department: Engineering", "Other emails: jose@home.example"}},
		{line: 4, name: "only.an.email@example.com", email: "only.an.email@example.com", notesEmpty: true, howHas: "named from its email address"},
	}},
	"outlook.csv": {dialect: "Outlook", want: []want{
		// "Title" is Outlook's honorific ("Mr."), never the job title.
		{line: 2, name: "Dana Reyes", title: "Chief Financial Officer", org: "Northwind Traders", email: "dana.reyes@northwind.example",
			notesHas: []string{"Prefers a memo first.\nAsk about Q3.", "Department: Finance", "Other emails: dana@home.example"}},
		// A ragged row that stops after the company.
		{line: 4, name: "Ana Ng", org: "Fabrikam", notesEmpty: true},
	}},
	"outlook-com.csv": {dialect: "Outlook.com", want: []want{
		{line: 2, name: "Omar Haddad", title: "VP Operations", org: "Tailspin Toys", email: "omar@haddad.example",
			notesHas: []string{"Intermediary to the board", "Other emails: o.haddad@tailspin.example"}},
	}},
	// German Outlook writes the Windows code page without a BOM; its header
	// ("Straße geschäftlich") proves windows-1252.
	"outlook-de-1252.csv": {dialect: "Outlook (German)", enc: "windows-1252 (detected from the Outlook header)", want: []want{
		{line: 2, name: "Jürgen Müller-Lüdenscheidt", title: "Leiterin Einkauf", org: "Straßenbau GmbH", email: "juergen@strassenbau.example",
			notesHas: []string{"Ruft lieber an.", "Department: Einkauf"}},
	}},
	// A BOM, then a "Notes:" paragraph and a blank line before the header;
	// quoted commas in Company and Position; the email mostly empty.
	"linkedin-connections.csv": {dialect: "LinkedIn Connections", enc: "UTF-8 with BOM", want: []want{
		{line: 5, name: "Siobhán O'Brien", title: "Director, Strategy", org: "Acme, Inc.", notesEmpty: true},
		{line: 6, name: "Kenji Watanabe", title: "Engineer", org: "Globex", email: "kenji@example.jp", notesEmpty: true},
	}},
	// Yahoo's "Title" is the job title: there is no Job Title or Suffix.
	"yahoo.csv": {dialect: "Yahoo", want: []want{
		{line: 2, name: "Priya Raman", title: "Product Manager", org: "Initech", email: "priya@yahoo.example",
			notesHas: []string{`Loves a "daydream aloud" opener`, "Other emails: priya.raman@work.example"}},
	}},
	// A spreadsheet saved in a European locale: semicolons, sentence case.
	"spreadsheet-semicolon.csv": {dialect: "CSV with a header row", want: []want{
		{line: 2, name: "Søren Kierkegaard", title: "Philosopher", org: "Hafnia A/S", email: "soren@hafnia.example",
			notesHas: []string{"Semicolons; commas, and\nline breaks"}},
	}},
	// Apple Contacts (iPhone, macOS) exports vCard 3.0 only: grouped
	// properties with type=pref, a trailing ";" in ORG, a padded FN, \: in
	// URLs, a folded base64 PHOTO, and companies as cards without a name.
	"apple-iphone.vcf": {dialect: "vCard 3.0", want: []want{
		{line: 1, name: "Kate Bell", title: "Producer", org: "Creative Consulting", email: "kate-bell@mac.example",
			notesHas: []string{"Met at the Q3 offsite, liked the memo.\nPrefers a call before 10.", "Other emails: kate@home.example"}},
		{line: 18, name: "Ørsted A/S", org: "Ørsted A/S", email: "kontakt@orsted.example", notesEmpty: true, howHas: "named from its organisation"},
	}},
	"backchannel.csv": {dialect: "backchannel", want: []want{
		{line: 2, name: "Yusuf Ali", title: "Staff Engineer", org: "Platform", email: "yusuf@x.example",
			notesHas: []string{"Ask about the migration\nbefore the board"}},
	}},
}

func TestDialectFixturesImportRight(t *testing.T) {
	entries, _ := os.ReadDir("testdata/dialects")
	if len(entries) != len(dialectCases) {
		t.Errorf("%d fixtures, %d cases: every fixture needs its expected contacts", len(entries), len(dialectCases))
	}
	for name, c := range dialectCases {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/dialects", name))
			if err != nil {
				t.Fatal(err)
			}
			f, err := Read(name, data, c.opt)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if f.Dialect != c.dialect {
				t.Errorf("dialect %q, want %q", f.Dialect, c.dialect)
			}
			if c.enc != "" && f.Encoding != c.enc {
				t.Errorf("encoding %q, want %q", f.Encoding, c.enc)
			}
			checkEntries(t, f.Entries, c.want)
		})
	}
}

func TestBackchannelCSVKeepsItsOwnFields(t *testing.T) {
	data, _ := os.ReadFile("testdata/dialects/backchannel.csv")
	f, err := Read("backchannel.csv", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := f.Entries[0].Contact
	if c.Kind.String() != "lateral" || c.Discretion.String() != "high" || c.ValueIBring != "Early look at the roadmap" || c.CadenceDays != 30 {
		t.Errorf("own fields lost: %+v", c)
	}
}

func TestCSVPreviewSaysWhichColumnBecameWhat(t *testing.T) {
	data, _ := os.ReadFile("testdata/dialects/outlook.csv")
	f, err := Read("outlook.csv", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range f.Columns {
		got[c.Header] = c.Field
	}
	for h, w := range map[string]string{"Title": "honorific (not imported)", "Job Title": "title", "E-mail Address": "email",
		"E-mail 2 Address": "email", "Company": "organisation", "Business Phone": "", "Notes": "notes"} {
		if got[h] != w {
			t.Errorf("column %q became %q, want %q", h, got[h], w)
		}
	}
	if !strings.Contains(f.Dialect, "Outlook") {
		t.Errorf("dialect %q", f.Dialect)
	}
}
