package contactfile

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Regression tests for the findings of issue 12, one per finding, each
// failing against the importer that came before this package.

func readOne(t *testing.T, name, data string, opt Options) Entry {
	t.Helper()
	f, err := Read(name, []byte(data), opt)
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	if len(f.Entries) != 1 {
		t.Fatalf("%d entries, want 1", len(f.Entries))
	}
	return f.Entries[0]
}

func refused(t *testing.T, name, data string, opt Options, want string) *Error {
	t.Helper()
	_, err := Read(name, []byte(data), opt)
	var fe *Error
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), want) {
		t.Fatalf("want a refusal containing %q, got %v", want, err)
	}
	for _, r := range err.Error() {
		if unicode.IsControl(r) {
			t.Fatalf("the refusal holds control character %U: %q", r, err.Error())
		}
	}
	return fe
}

func TestPREFChoosesTheEmailNotTheFirstOne(t *testing.T) {
	for _, card := range []string{
		"BEGIN:VCARD\nVERSION:2.1\nFN:A\nEMAIL;INTERNET:first@x.example\nEMAIL;PREF;INTERNET:chosen@x.example\nEND:VCARD\n",
		"BEGIN:VCARD\nVERSION:3.0\nFN:A\nEMAIL;TYPE=INTERNET:first@x.example\nEMAIL;TYPE=INTERNET,PREF:chosen@x.example\nEND:VCARD\n",
		"BEGIN:VCARD\nVERSION:4.0\nFN:A\nEMAIL;PREF=2:first@x.example\nEMAIL;PREF=1:chosen@x.example\nEND:VCARD\n",
		"BEGIN:VCARD\nVERSION:3.0\nFN:A\nitem1.EMAIL;type=INTERNET:first@x.example\nitem2.EMAIL;type=INTERNET;type=pref:chosen@x.example\nEND:VCARD\n",
	} {
		e := readOne(t, "a.vcf", card, Options{})
		if e.Contact.Email != "chosen@x.example" || e.Contact.Notes != "Other emails: first@x.example" {
			t.Errorf("email %q notes %q from\n%s", e.Contact.Email, e.Contact.Notes, card)
		}
	}
}

func TestColonInsideAQuotedParameterDoesNotCutTheValue(t *testing.T) {
	e := readOne(t, "a.vcf", "BEGIN:VCARD\nVERSION:4.0\nFN:A\nEMAIL;X-LABEL=\"Work: main\";TYPE=work:a@x.example\nEND:VCARD\n", Options{})
	if e.Contact.Email != "a@x.example" {
		t.Errorf("email %q", e.Contact.Email)
	}
}

func TestEscapedSemicolonStaysInTheOrganisation(t *testing.T) {
	e := readOne(t, "a.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:A\nORG:Smith\\; Sons;Accounts\nNOTE:He said \\\"no\\\"\\; then left\\, twice\nEND:VCARD\n", Options{})
	if e.Contact.Org != "Smith; Sons" {
		t.Errorf("org %q", e.Contact.Org)
	}
	if e.Contact.Notes != "He said \"no\"; then left, twice\nDepartment: Accounts" {
		t.Errorf("notes %q", e.Contact.Notes)
	}
}

func TestSingleLineQuotedPrintableIsDecodedInItsCharset(t *testing.T) {
	e := readOne(t, "a.vcf", "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=ISO-8859-2;ENCODING=QUOTED-PRINTABLE:=A3ukasz Iksi=F1ski\nEND:VCARD\n", Options{})
	if e.Contact.Name != "Łukasz Iksiński" {
		t.Errorf("name %q", e.Contact.Name)
	}
	// Without a CHARSET the bytes are not UTF-8: refused, with the line.
	refused(t, "a.vcf", "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:Iksi=F1ski\nEND:VCARD\n", Options{}, "a.vcf, line 3: FN: the quoted-printable value is not UTF-8")
}

func TestRawLegacyBytesWithACharset(t *testing.T) {
	sjis, _ := japanese.ShiftJIS.NewEncoder().String("山田太郎")
	cp, _ := charmap.Windows1252.NewEncoder().String("Zoë Ångström")
	card := "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=SHIFT_JIS:" + sjis + "\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=windows-1252:" + cp + "\r\nEND:VCARD\r\n"
	f, err := Read("a.vcf", []byte(card), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Entries[0].Contact.Name != "山田太郎" || f.Entries[1].Contact.Name != "Zoë Ångström" {
		t.Errorf("names %q, %q", f.Entries[0].Contact.Name, f.Entries[1].Contact.Name)
	}
	// The same bytes without a CHARSET are refused by line, not stored raw.
	refused(t, "a.vcf", "BEGIN:VCARD\nVERSION:2.1\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:2.1\nFN:"+cp+"\nEND:VCARD\n", Options{}, "a.vcf, line 7: FN: the file is not UTF-8")
}

func TestNamelessCardsAreNamedOrSkippedNotFatal(t *testing.T) {
	data := "BEGIN:VCARD\nVERSION:3.0\nEMAIL:only@x.example\nEND:VCARD\n" +
		"BEGIN:VCARD\nVERSION:3.0\nN:Ng;Ana;;;\nEND:VCARD\n" +
		"BEGIN:VCARD\nVERSION:3.0\nORG:Northwind\nEND:VCARD\n" +
		"BEGIN:VCARD\nVERSION:3.0\nTEL:+1 555 0100\nEND:VCARD\n"
	f, err := Read("a.vcf", []byte(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, f.Entries, []want{
		{line: 1, name: "only@x.example", email: "only@x.example", howHas: "named from its email address"},
		{line: 5, name: "Ana Ng", howHas: "named from its N"},
		{line: 9, name: "Northwind", org: "Northwind", howHas: "named from its organisation"},
		{line: 13, skipped: true},
	})
	if f.Entries[3].Skip != "no name, organisation or email" {
		t.Errorf("skip reason %q", f.Entries[3].Skip)
	}
	if got := len(f.Importable()); got != 3 {
		t.Errorf("%d importable, want 3", got)
	}
}

func utf16(t *testing.T, s string, order xunicode.Endianness, bom xunicode.BOMPolicy) string {
	t.Helper()
	out, err := xunicode.UTF16(order, bom).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestOtherEncodingsAreDecoded(t *testing.T) {
	card := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ångström\r\nEMAIL:zoe@x.example\r\nEND:VCARD\r\n"
	sheet := "Name,Email\r\nZoë Ångström,zoe@x.example\r\n"
	cases := []struct{ name, data, enc string }{
		{"bom.vcf", "\ufeff" + card, "UTF-8 with BOM"},
		{"le.vcf", utf16(t, card, xunicode.LittleEndian, xunicode.UseBOM), "UTF-16LE"},
		{"be.vcf", utf16(t, card, xunicode.BigEndian, xunicode.UseBOM), "UTF-16BE"},
		{"le-nobom.vcf", utf16(t, card, xunicode.LittleEndian, xunicode.IgnoreBOM), "UTF-16LE (no BOM)"},
		{"be-nobom.csv", utf16(t, sheet, xunicode.BigEndian, xunicode.IgnoreBOM), "UTF-16BE (no BOM)"},
		{"le.csv", utf16(t, sheet, xunicode.LittleEndian, xunicode.UseBOM), "UTF-16LE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Read(c.name, []byte(c.data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if f.Encoding != c.enc || len(f.Entries) != 1 || f.Entries[0].Contact.Name != "Zoë Ångström" || f.Entries[0].Contact.Email != "zoe@x.example" {
				t.Errorf("encoding %q entries %+v", f.Encoding, f.Entries)
			}
		})
	}
}

func TestWindows1251OutlookImportsWithItsEncodingNamed(t *testing.T) {
	row, _ := charmap.Windows1251.NewEncoder().String("First Name,Last Name,E-mail Address,Company,Job Title\r\nИван,Петров,ivan@x.example,ООО Ромашка,Директор\r\n")
	refused(t, "ru.csv", row, Options{}, "ru.csv, line 2: byte 1 of the line is not UTF-8")
	e := readOne(t, "ru.csv", row, Options{Encoding: "cp1251"})
	if e.Contact.Name != "Иван Петров" || e.Contact.Org != "ООО Ромашка" || e.Contact.Title != "Директор" {
		t.Errorf("%+v", e.Contact)
	}
}

func TestRefusalsNeverPrintNULsOrEscapes(t *testing.T) {
	// A damaged UTF-16 file: a lone surrogate in the second line.
	bad := utf16(t, "Name,Email\r\nA,a@x\r\n", xunicode.LittleEndian, xunicode.UseBOM)
	bad = bad[:len(bad)-4] + "\x00\xd8" + bad[len(bad)-2:]
	refused(t, "bad.csv", bad, Options{}, "bad.csv, line 2: the file is UTF-16LE but the line holds an invalid code unit")
	// An escape sequence in a line that is not a property.
	fe := refused(t, "evil.vcf", "BEGIN:VCARD\nhello \x1b[31mred\x1b]0;title\x07\nEND:VCARD\n", Options{}, "evil.vcf, line 2: expected a property")
	if strings.Contains(fe.Msg, "\x1b") || strings.Contains(fe.Msg, "[31m") {
		t.Errorf("escape reached the message: %q", fe.Msg)
	}
}

func TestCSVHeadersOfRealExportsAreNotRefused(t *testing.T) {
	// One unknown column used to refuse the whole file.
	e := readOne(t, "a.csv", "Name,Shoe Size,Email\nA B,42,a@x.example\n", Options{})
	if e.Contact.Name != "A B" || e.Contact.Email != "a@x.example" {
		t.Errorf("%+v", e.Contact)
	}
}

func TestTabDelimitedSheet(t *testing.T) {
	e := readOne(t, "a.tsv", "First Name\tLast Name\tE-mail Address\tJob Title\nDana\tReyes\tdana@x.example\tCFO\n", Options{})
	if e.Contact.Name != "Dana Reyes" || e.Contact.Email != "dana@x.example" || e.Contact.Title != "CFO" {
		t.Errorf("%+v", e.Contact)
	}
}

func TestHonorificNeverBecomesTheJobTitle(t *testing.T) {
	// No Job Title column, so "Title" is read as the job title, but "Mr."
	// is an honorific and is left out.
	f, err := Read("a.csv", []byte("Title,First Name,Last Name\nMr.,Dana,Reyes\nCFO,Ana,Ng\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Entries[0].Contact.Title != "" || f.Entries[1].Contact.Title != "CFO" {
		t.Errorf("titles %q, %q", f.Entries[0].Contact.Title, f.Entries[1].Contact.Title)
	}
}

func TestBrokenFilesAreRefusedByLine(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"t.vcf", "BEGIN:VCARD\nFN:A\n", "t.vcf, line 1: the card that begins here is never closed"},
		{"s.vcf", "END:VCARD\n", "s.vcf, line 1: END:VCARD without a BEGIN:VCARD"},
		{"n.vcf", "BEGIN:VCARD\nFN:A\nBEGIN:VCARD\n", "n.vcf, line 3: BEGIN:VCARD inside the card that begins on line 1"},
		{"o.vcf", "FN:A\n", `o.vcf, line 1: "FN" outside`},
		{"e.vcf", "\n\n", "e.vcf: the file is empty"},
		{"q.csv", "Name,Email\nA,\"a@x\n", "q.csv, line 2:"},
		{"b.csv", "Name,Email\nA \"B\",a@x\n", `b.csv, line 2: a cell that is not quoted holds a "`},
		{"h.csv", "Name,Email\n", "h.csv, line 1: the file has a header row but no contacts"},
		{"k.csv", "name,kind\nA,lateral\nB,frenemy\n", `k.csv, line 3: unknown partner kind "frenemy"`},
		{"x.csv", "1,2,3\n4,5,6\n", "x.csv, line 1: no header row was recognised"},
		{"z.csv", "Name,Email\nA,a@x\x00\n", "z.csv, line 2: the line holds a NUL byte"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			refused(t, c.name, c.data, Options{}, c.want)
		})
	}
}

func TestDetectTellsVCardFromCSV(t *testing.T) {
	cases := []struct {
		name, data string
		want       Format
	}{
		{"x.vcf", "", FormatVCard},
		{"x.CSV", "", FormatCSV},
		{"-", "\ufeff  BEGIN:VCARD\r\n", FormatVCard},
		{"-", "begin:vcard\n", FormatVCard},
		{"-", "Name,Email\n", FormatCSV},
		{"-", "{\"format\":1}", FormatAuto},
		{"-", string(bytes.Repeat([]byte{0xff, 0xfe}, 1)) + utf16(t, "BEGIN:VCARD\r\n", xunicode.LittleEndian, xunicode.IgnoreBOM), FormatVCard},
	}
	for _, c := range cases {
		if got := Detect(c.name, []byte(c.data)); got != c.want {
			t.Errorf("Detect(%q, %q) = %v, want %v", c.name, c.data, got, c.want)
		}
	}
}

func TestAHeaderWithOneKnownColumnIsStillAHeader(t *testing.T) {
	f, err := Read("a.csv", []byte("Full Name,Phone\nDana Reyes,+1 555 0100\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, f.Entries, []want{{line: 2, name: "Dana Reyes", notesEmpty: true}})
	// A single "Notes" line is a preamble, not a header.
	f, err = Read("b.csv", []byte("Notes\nName,Email\nAna Ng,ana@x.example\n"), Options{})
	if err != nil || f.Header != 2 {
		t.Fatalf("header %d (%v)", f.Header, err)
	}
}

func TestOutlookExchangePathIsNotAnEmail(t *testing.T) {
	e := readOne(t, "o.csv", "\"First Name\",\"Last Name\",\"E-mail Address\",\"E-mail Type\",\"E-mail 2 Address\",\"Job Title\"\r\n"+
		"\"Dana\",\"Reyes\",\"/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=dana\",\"EX\",\"dana@x.example\",\"CFO\"\r\n", Options{})
	if e.Contact.Email != "dana@x.example" || e.Contact.Notes != "" || len(e.Notes) != 1 {
		t.Errorf("%+v, preview notes %q", e.Contact, e.Notes)
	}
}
