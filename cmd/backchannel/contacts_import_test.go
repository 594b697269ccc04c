package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// corpusFiles are the importer corpus (a byte-for-byte copy of
// ../shared/corpus kept with the reader's tests).
func corpusFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	root := "../../internal/contactfile/testdata"
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".vcf") || strings.HasSuffix(p, ".csv")) {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) < 25 {
		t.Fatalf("found %d corpus files (%v)", len(files), err)
	}
	return files
}

// Every file imports into a fresh workbook or is refused in one sentence
// naming the file and the line, and a refusal imports nothing.
func TestImportEveryCorpusFileIntoAFreshWorkbook(t *testing.T) {
	lineRef := regexp.MustCompile(`^backchannel: [^ ]+\.(csv|vcf), line \d+: `)
	for _, file := range corpusFiles(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "w.db")
			r := cli(t, path, "", "import", file)
			if r.code != 0 {
				oneSentence(t, r, 1, "nothing was imported")
				if !lineRef.MatchString(r.stderr) {
					t.Errorf("the refusal does not name the file and line: %q", r.stderr)
				}
				if _, err := os.Stat(path); err == nil {
					t.Error("a refused import left a workbook behind")
				}
				return
			}
			if !strings.Contains(r.stdout, "Imported ") {
				t.Errorf("stdout %q", r.stdout)
			}
			again := mustOK(t, cli(t, path, "", "import", file)).stdout
			if !strings.Contains(again, "Imported 0 new contacts") {
				t.Errorf("importing the same file twice added people:\n%s", again)
			}
		})
	}
}

func TestImportDryRunPreviewsAndWritesNothing(t *testing.T) {
	path := demoDB(t)
	before := mustOK(t, cli(t, path, "", "export")).stdout
	file := filepath.Join(t.TempDir(), "people.csv")
	os.WriteFile(file, []byte("First Name,Last Name,E-mail Address,Job Title,Company,Title,Shoe Size\n"+
		"Zoë,Park,zoe@x.example,Analyst,Initech,Ms.,38\n"+
		"Dana,Reyes,DANA.REYES@northwind.example,,,,\n"+
		",,,,,,41\n"), 0o600)
	r := mustOK(t, cli(t, path, "", "import", "--dry-run", file))
	for _, want := range []string{
		"people.csv: Outlook, UTF-8, 3 entries",
		"Columns: First Name → first name, Last Name → last name, E-mail Address → email, Job Title → title, Company → organisation, Title → honorific (not imported)",
		"Not imported: 1 column (Shoe Size)",
		"Zoë Park · Analyst · Initech · zoe@x.example",
		"Dry run: 1 new contact, 1 duplicate, 1 skipped; nothing was imported.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("preview lacks %q:\n%s", want, r.stdout)
		}
	}
	if !regexp.MustCompile(`line 2 +new +Zoë Park`).MatchString(r.stdout) || !regexp.MustCompile(`line 3 +duplicate of #\d+ Dana Reyes +Dana Reyes`).MatchString(r.stdout) {
		t.Errorf("rows:\n%s", r.stdout)
	}
	if after := mustOK(t, cli(t, path, "", "export")).stdout; after != before {
		t.Fatal("a dry run changed the workbook")
	}
	// A dry run without a workbook creates none.
	fresh := filepath.Join(t.TempDir(), "none.db")
	mustOK(t, cli(t, fresh, "", "import", "--dry-run", file))
	if _, err := os.Stat(fresh); err == nil {
		t.Fatal("a dry run created a workbook")
	}
}

func TestImportMergesInsteadOfDuplicating(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	dir := t.TempDir()
	first := filepath.Join(dir, "a.vcf")
	os.WriteFile(first, []byte("BEGIN:VCARD\nVERSION:3.0\nFN:Dana Reyes\nORG:Northwind\nEMAIL:dana@x.example\nEND:VCARD\n"), 0o600)
	mustOK(t, cli(t, path, "", "import", first))
	// LinkedIn has no email for her: same name, same company, so merged.
	second := filepath.Join(dir, "Connections.csv")
	os.WriteFile(second, []byte("\ufeffNotes:\n\"A preamble, as LinkedIn writes it.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nDana,Reyes,https://x,,Northwind,CFO,12 Mar 2024\n"), 0o600)
	r := mustOK(t, cli(t, path, "", "import", second))
	if !strings.Contains(r.stdout, "Imported 0 new contacts") || !strings.Contains(r.stdout, "filled in 1 known contact") || !strings.Contains(r.stdout, "same name; fills title") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	list := mustOK(t, cli(t, path, "", "contacts")).stdout
	if strings.Count(list, "Dana Reyes") != 1 || !strings.Contains(list, "CFO") {
		t.Errorf("contacts:\n%s", list)
	}
}

func TestImportEncodingsFromFileAndStdin(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	sjis := "../../internal/contactfile/testdata/corpus/csv/thunderbird/shiftjis_addressbook.csv"
	oneSentence(t, cli(t, path, "", "import", sjis), 1, "shiftjis_addressbook.csv, line 2: byte 1 of the line is not UTF-8")
	r := mustOK(t, cli(t, path, "", "import", "--encoding", "shift_jis", sjis))
	if !strings.Contains(r.stdout, "Imported 1 new contact ") {
		t.Errorf("stdout %q", r.stdout)
	}
	oneSentence(t, cli(t, path, "", "import", "--encoding", "klingon", sjis), 1, `unknown character set "klingon"`)
	// A UTF-16 vCard without a BOM on standard input.
	card, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ångström\r\nEND:VCARD\r\n")
	r = mustOK(t, cli(t, path, card, "import", "-"))
	if !strings.Contains(r.stdout, "standard input: vCard 3.0, UTF-16LE (no BOM), 1 entry") {
		t.Errorf("stdout %q", r.stdout)
	}
	if list := mustOK(t, cli(t, path, "", "contacts")).stdout; !strings.Contains(list, "Zoë Ångström") || !strings.Contains(list, "名無しの権兵衛") {
		t.Errorf("contacts:\n%s", list)
	}
}

func TestImportRefusalIsSanitised(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	file := filepath.Join(t.TempDir(), "evil.vcf")
	os.WriteFile(file, []byte("BEGIN:VCARD\nhello \x1b]0;pwned\x07\x1b[2J\nEND:VCARD\n"), 0o600)
	r := cli(t, path, "", "import", file)
	oneSentence(t, r, 1, "evil.vcf, line 2: expected a property")
	if strings.ContainsAny(r.stderr, "\x1b\x07") {
		t.Errorf("an escape sequence reached the terminal: %q", r.stderr)
	}
}

func TestContactsExportThenImportKeepsEveryField(t *testing.T) {
	path := demoDB(t)
	want := mustOK(t, cli(t, path, "", "contacts", "--json")).stdout
	if n := strings.Count(norm(want), "\n") + 1; n < 5 {
		t.Fatalf("the comparison sees %d contacts of the demo; it would prove nothing", n)
	}
	dir := t.TempDir()
	for _, f := range []string{"people.vcf", "people.csv"} {
		file := filepath.Join(dir, f)
		mustOK(t, cli(t, path, "", "contacts", "export", "-o", file))
		fresh := filepath.Join(dir, f+".db")
		mustOK(t, cli(t, fresh, "", "import", file))
		got := mustOK(t, cli(t, fresh, "", "contacts", "--json")).stdout
		// Only the ids, timestamps and health (no conversations came
		// along) may differ.
		if norm(got) != norm(want) {
			t.Errorf("%s: contacts changed on the way through\n got %s\nwant %s", f, norm(got), norm(want))
		}
	}
	oneSentence(t, cli(t, path, "", "contacts", "export", "--format", "xml"), 2, `unknown --format "xml"`)
}

// norm keeps the fields an export carries, one contact per line, by name.
func norm(js string) string {
	var out []string
	for _, m := range regexp.MustCompile(`(?s)"name": ("[^"]*").*?"title": ("[^"]*").*?"org": ("[^"]*").*?"email": ("[^"]*"),(?:\s*"aliases": ("[^"]*"),)?.*?"partner_kind": ("[^"]*").*?"discretion": ("[^"]*").*?"value_i_bring": ("(?:[^"\\]|\\.)*").*?"notes": ("(?:[^"\\]|\\.)*").*?"cadence_days": (\d+)`).FindAllStringSubmatch(js, -1) {
		out = append(out, strings.Join(m[1:], " | "))
	}
	return strings.Join(out, "\n")
}

func TestContactsExportCSVNeutralisesFormulas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	mustOK(t, cli(t, path, "", "init"))
	mustOK(t, cli(t, path, "", "contacts", "add", "=cmd|' /C calc'!A0"))
	out := mustOK(t, cli(t, path, "", "contacts", "export", "--format", "csv")).stdout
	if !strings.Contains(out, "\"'=cmd|' /C calc'!A0\"") && !strings.Contains(out, "'=cmd|' /C calc'!A0,") {
		t.Errorf("the formula was not neutralised:\n%s", out)
	}
}
