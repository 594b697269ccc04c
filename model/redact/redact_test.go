package redact

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
)

// redactCase is one way of writing a person, from the audit in issue 10.
type redactCase struct {
	category, in, want string
}

// Each category the audit found leaking, as a person would type it. The
// workbook has the fixture's people plus others not on the proposal.
func TestRedactorFindsPeopleAsTheyAreWritten(t *testing.T) {
	d := sample.FixtureDossier()
	workbook := []model.Contact{
		{ID: 50, Name: "Al Wu", Archived: true},
		{ID: 51, Name: "José Weiß", Aliases: "Pepe, @jweiss"},
		{ID: 52, Name: "Łukasz Søndergaard"},
		{ID: 53, Name: "王伟"},
		{ID: 54, Name: "Will Grant", Title: "Chief Financial Officer"},
		{ID: 55, Name: "Mary Jane Watson", Title: "Engineer"},
		{ID: 56, Name: "Lena Fischer", Title: "Engineer"},
		{ID: 57, Name: "Jürgen Müller"},
	}
	rd := NewWorkbookRedactor(d, workbook)
	for _, c := range []redactCase{
		{"off the proposal", "Ask Lena first", "Ask Other person G first"},
		{"archived contact, short parts", "Al and Wu agreed; al fresco", "Other person A and Other person A agreed; al fresco"},
		{"initials", "DR said no; D.R. too", "Decision-maker A said no; Decision-maker A. too"},
		{"short forms", "Dana R. and D. Reyes", "Decision-maker A. and Decision-maker A"},
		{"doctor is not DR", "Dr. Who", "Dr. Who"},
		{"accents dropped", "Jose Weiss called", "Other person B called"},
		{"decomposed", "Jose\u0301 called", "Other person B called"},
		{"transliteration", "Lukasz Sondergaard and Juergen Mueller", "Other person C and Other person H"},
		{"Chinese without spaces", "我和王伟说了", "我和Other person D说了"},
		{"zero width", "Da\u200bna and Da\u00adna", "Decision-maker A and Decision-maker A"},
		{"look-alike letters", "Dаna (Cyrillic a)", "Decision-maker A (Cyrillic a)"},
		{"markdown inside", "**Da**na and Da<!-- x -->na", "**Decision-maker A and Decision-maker A"},
		{"word endings", "the Reyeses and Danas plan", "the Decision-maker A and Decision-maker A plan"},
		{"joined parts", "DanaReyes and MaryJane", "Decision-maker A and Other person F"},
		{"url encoded", "%44ana", "Decision-maker A"},
		{"email and handle", "dana.reyes@example.com or @jweiss", "Decision-maker A or @Other person B"},
		{"alias", "Pepe knows", "Other person B knows"},
		{"unique title", "the Chief Financial Officer agreed", "the Other person E agreed"},
		{"shared title stays", "the Engineer agreed", "the Engineer agreed"},
		{"common word in lower case", "we will grant it; Will said", "we will grant it; Other person E said"},
		{"possessive", "Tom's team; tomorrow", "In the room D's team; tomorrow"},
	} {
		if got := rd.Text(c.in); got != c.want {
			t.Errorf("%s: Text(%q) = %q, want %q", c.category, c.in, got, c.want)
		}
	}
}

// The guard reads the finished text too: a name that only the rendering
// puts together is caught as "the output".
func TestLeakGuardReadsTheOutput(t *testing.T) {
	d := sample.FixtureDossier()
	rd := NewWorkbookRedactor(d, nil)
	err := rd.Check(struct{ A, B string }{"Da", "na"}, "ask Dana now", false)
	var leak *LeakError
	if !errors.As(err, &leak) || leak.Field != "the output" || leak.Label != "Decision-maker A" {
		t.Fatalf("got %v", err)
	}
}

// FuzzRedactor: whatever the text, redaction does not panic, keeps text
// valid, and leaves nothing the independent guard recognises (where the
// two disagree, a brief would refuse to print: safe, but a bug).
func FuzzRedactor(f *testing.F) {
	for _, s := range []string{"Dana said no", "DR and D. Reyes", "**Da**na", "Da\u200bna", "%44ana", "我和王伟说了",
		"Jose\u0301", "Tom's", "dana.reyes@example.com", "<!-- -->", "&#68;ana", "DanaReyes", ""} {
		f.Add(s)
	}
	d := sample.FixtureDossier()
	rd := NewWorkbookRedactor(d, []model.Contact{{ID: 53, Name: "王伟"}, {ID: 54, Name: "Al Wu", Aliases: "Ally"}})
	f.Fuzz(func(t *testing.T, s string) {
		out := rd.Text(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("Text(%q) = %q is not valid UTF-8", s, out)
		}
		if l, ok := rd.guard().find(out); ok {
			t.Fatalf("Text(%q) = %q still names %s", s, out, l)
		}
	})
}

func TestRedactionLabels(t *testing.T) {
	d := sample.FixtureDossier()
	rd := NewRedactor(d)
	got := map[string]string{}
	for id, c := range d.Contacts {
		got[c.Name] = rd.Label(id)
	}
	want := map[string]string{
		"Dana Reyes":      "Decision-maker A",
		"Marcus Oyelaran": "Decision-maker B",
		"Priya Natarajan": "In the room C",
		"Tom Becker":      "In the room D",
		"Hiroshi Tanaka":  "Influencer E",
		"Sam Ortiz":       "Intermediary A",
	}
	for name, label := range want {
		if got[name] != label {
			t.Errorf("%s is labelled %q, want %q", name, got[name], label)
		}
	}
	cases := []struct{ in, want string }{
		{"Dana said no", "Decision-maker A said no"},
		{"ask DANA REYES, or dana", "ask Decision-maker A, or Decision-maker A"},
		{"Tom's team; tomorrow", "In the room D's team; tomorrow"},
		{"mail dana.reyes@example.com today", "mail Decision-maker A today"},
		{"Dana\nReyes", "Decision-maker A"},
		{"Danacorp and the Oyelarans stay", "Danacorp and the Decision-maker B stay"},
		{"nothing to hide", "nothing to hide"},
	}
	for _, c := range cases {
		if got := rd.Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if letters(0) != "A" || letters(25) != "Z" || letters(26) != "AA" || letters(27) != "AB" {
		t.Errorf("letters: %s %s %s %s", letters(0), letters(25), letters(26), letters(27))
	}
}
