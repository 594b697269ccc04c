package contactfile

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// roundTripContacts exercise everything an export must carry back: every
// field, punctuation the formats escape, line breaks, non-ASCII text long
// enough to fold inside a multi-byte character, and cells a spreadsheet
// would run as formulas.
var roundTripContacts = []model.Contact{
	{Name: "Dana Reyes", Title: "CFO", Org: "Smith; Sons, Ltd", Email: "dana@x.example", Aliases: "DR, Dee, d.reyes", Kind: model.PartnerInfluencer,
		Discretion: model.DiscretionHigh, ValueIBring: "Early numbers\nand a friendly ear", Notes: "Prefers memos, not slides; ask \"why\" twice.\n\nBackslash \\ kept.", CadenceDays: 21},
	{Name: "=HYPERLINK(\"http://evil.example\")", Title: "+1 to everything", Org: "-minus", Email: "@handle", Notes: "@mention first", ValueIBring: "=1+1", Aliases: "-dash, +plus"},
	{Name: "Zoë Ångström-" + strings.Repeat("Ñ", 60), Org: strings.Repeat("名無しの権兵衛", 8), Kind: model.PartnerWilling, Discretion: model.DiscretionLow},
	{Name: "Only Name"},
	// A job title that looks like a French honorific stays a job title
	// where the format says it is one (a fuzz finding).
	{Name: "0", Title: "M", Org: "0", Email: "0", Notes: "0"},
}

func TestExportThenImportKeepsEveryField(t *testing.T) {
	for _, format := range []struct {
		name  string
		write func(*bytes.Buffer, []model.Contact) error
	}{
		{"contacts.vcf", func(b *bytes.Buffer, cs []model.Contact) error { return WriteVCard(b, cs) }},
		{"contacts.csv", func(b *bytes.Buffer, cs []model.Contact) error { return WriteCSV(b, cs) }},
	} {
		t.Run(format.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := format.write(&b, roundTripContacts); err != nil {
				t.Fatal(err)
			}
			f, err := Read(format.name, b.Bytes(), Options{})
			if err != nil {
				t.Fatalf("our own export is refused: %v\n%s", err, b.String())
			}
			if len(f.Entries) != len(roundTripContacts) {
				t.Fatalf("%d entries, want %d", len(f.Entries), len(roundTripContacts))
			}
			for i, e := range f.Entries {
				if e.Skip != "" || len(e.Notes) != 0 {
					t.Errorf("contact %d: skip %q notes %q", i+1, e.Skip, e.Notes)
				}
				if e.Contact != roundTripContacts[i] {
					t.Errorf("contact %d changed:\n got %+v\nwant %+v", i+1, e.Contact, roundTripContacts[i])
				}
			}
		})
	}
}

func TestVCardExportIsFoldedVCard4(t *testing.T) {
	var b bytes.Buffer
	if err := WriteVCard(&b, roundTripContacts); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dana Reyes\r\nORG:Smith\\; Sons\\, Ltd\r\n") {
		t.Errorf("unexpected start:\n%s", out[:120])
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		if !strings.ContainsRune(line, 0xFFFD) && !isValidUTF8(line) {
			t.Errorf("a fold cut a character: %q", line)
		}
	}
}

func isValidUTF8(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func TestCSVExportNeutralisesFormulas(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, roundTripContacts[1:2]); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	row := recs[1]
	for i, want := range map[int]string{0: `'=HYPERLINK("http://evil.example")`, 1: "'+1 to everything", 2: "'-minus", 3: "'@handle", 7: "'=1+1", 8: "'@mention first", 4: "'-dash, +plus"} {
		if row[i] != want {
			t.Errorf("cell %d (%s) = %q, want %q", i, CSVHeader[i], row[i], want)
		}
	}
	if strings.Join(recs[0], ",") != "name,title,org,email,aliases,kind,discretion,value,notes,cadence" {
		t.Errorf("header %q", recs[0])
	}
}

func TestNeutraliseCoversEveryFormulaStart(t *testing.T) {
	for _, v := range []string{"=1", "+1", "-1", "@a", "\tx", "\rx"} {
		if got := neutralise(v); got != "'"+v || unneutralise(got) != v {
			t.Errorf("neutralise(%q) = %q", v, got)
		}
	}
	for _, v := range []string{"", "plain", "'quoted", "1=1"} {
		if got := neutralise(v); got != v {
			t.Errorf("neutralise(%q) = %q, want it unchanged", v, got)
		}
	}
}
