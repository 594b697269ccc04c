package contactfile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// bigGoogleCSV is a Google Contacts export of n people, each with a
// two-line note.
func bigGoogleCSV(n int) []byte {
	var b strings.Builder
	b.WriteString("\ufeffFirst Name,Middle Name,Last Name,Organization Name,Organization Title,Notes,E-mail 1 - Label,E-mail 1 - Value\n")
	for i := range n {
		fmt.Fprintf(&b, "Person%d,,Núñez,Org %d,Engineer,\"line one\nline two\",* Work,p%d@x.example\n", i, i%300, i)
	}
	return []byte(b.String())
}

// bigVCard is an Android-style vCard 2.1 file of n cards with
// quoted-printable names and soft-broken notes.
func bigVCard(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:N=C3=BA=C3=B1ez;P%d;;;\r\nEMAIL;PREF;INTERNET:p%d@x.example\r\nORG:Org %d;Dept\r\nNOTE;ENCODING=QUOTED-PRINTABLE:one=0D=0A=\r\ntwo\r\nEND:VCARD\r\n", i, i, i%300)
	}
	return []byte(b.String())
}

func BenchmarkReadGoogleCSV10k(b *testing.B) {
	data := bigGoogleCSV(10000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if f, err := Read("big.csv", data, Options{}); err != nil || len(f.Entries) != 10000 {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadVCard10k(b *testing.B) {
	data := bigVCard(10000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if f, err := Read("big.vcf", data, Options{}); err != nil || len(f.Entries) != 10000 {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlan10kAgainst10k(b *testing.B) {
	f, _ := Read("big.csv", bigGoogleCSV(10000), Options{})
	cs := f.Importable()
	existing := make([]model.Contact, len(cs))
	for i, c := range cs {
		c.ID = int64(i + 1)
		existing[i] = c
	}
	for b.Loop() {
		model.PlanContactImport(existing, cs)
	}
}
