package model

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// redactCase is one way of writing a person, from the audit in issue 10.
type redactCase struct {
	category, in, want string
}

// Each category the audit found leaking, as a person would type it. The
// workbook has the fixture's people plus others not on the proposal.
func TestRedactorFindsPeopleAsTheyAreWritten(t *testing.T) {
	d := fixtureDossier()
	workbook := []Contact{
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

// The second pass fails closed: when the redactor misses a person (here it
// is made to miss everyone), the brief is not printed and the error names
// the field and the label, never the name.
func TestLeakGuardFailsClosed(t *testing.T) {
	d := fixtureDossier()
	r := Assess(d, fixtureToday)
	for _, asJSON := range []bool{false, true} {
		rd := NewWorkbookRedactor(d, nil)
		rd.terms = map[rune][]*redactTerm{} // a redactor that finds nobody
		out, err := redactedBrief(d, r, BriefOptions{Today: fixtureToday, Redact: true}, asJSON, rd)
		var leak *LeakError
		if !errors.As(err, &leak) {
			t.Fatalf("json %v: a brief with names in it was let through (err %v)", asJSON, err)
		}
		if out != nil {
			t.Errorf("json %v: %d bytes returned with the error", asJSON, len(out))
		}
		if leak.Field == "" || leak.Field == "the output" || !strings.Contains(leak.Label, " ") {
			t.Errorf("json %v: leak %+v: want a field path and a label", asJSON, leak)
		}
		for _, c := range d.Contacts {
			for _, part := range strings.Fields(c.Name) {
				if strings.Contains(err.Error(), part) {
					t.Errorf("the error names %q: %v", part, err)
				}
			}
		}
	}
	// And the real redactor passes the same brief.
	if _, err := RedactedBrief(d, r, BriefOptions{Today: fixtureToday}, false); err != nil {
		t.Fatalf("the fixture's redacted brief refused: %v", err)
	}
}

// The guard reads the finished text too: a name that only the rendering
// puts together is caught as "the output".
func TestLeakGuardReadsTheOutput(t *testing.T) {
	d := fixtureDossier()
	rd := NewWorkbookRedactor(d, nil)
	err := rd.guard().check(struct{ A, B string }{"Da", "na"}, "ask Dana now", false)
	var leak *LeakError
	if !errors.As(err, &leak) || leak.Field != "the output" || leak.Label != "Decision-maker A" {
		t.Fatalf("got %v", err)
	}
}

// The sponsor edition leaves out the back channel's own words; the full
// edition keeps them, redacted.
func TestSponsorEdition(t *testing.T) {
	d := fixtureDossier()
	r := Assess(d, fixtureToday)
	sponsor, err := RedactedBrief(d, r, BriefOptions{Today: fixtureToday}, false)
	if err != nil {
		t.Fatal(err)
	}
	full, err := RedactedBrief(d, r, BriefOptions{Today: fixtureToday, Full: true}, false)
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{"Talks freely at Thursday drinks", "An early read on cloud spend", "had already mentioned it",
		"Sounded like", "discretion high", "Who knows (4)"}
	for _, s := range secrets {
		if strings.Contains(string(sponsor), s) {
			t.Errorf("the sponsor edition shows %q", s)
		}
		if !strings.Contains(string(full), s) {
			t.Errorf("the full edition lacks %q", s)
		}
	}
	// The exposure flag counts low discretion without saying whose.
	if !strings.Contains(string(full), "low discretion: In the room D") {
		t.Error("the full edition does not name who has low discretion: the check below proves nothing")
	}
	if !strings.Contains(string(sponsor), "1 with low discretion. The more people know") || strings.Contains(string(sponsor), "low discretion: ") {
		t.Errorf("the sponsor edition's exposure flag:\n%s", sponsor)
	}
	if !strings.Contains(string(sponsor), "Who knows: 4 people") {
		t.Error("the sponsor edition does not count who knows")
	}
	if !strings.Contains(string(sponsor), "worries them more") || strings.Contains(string(sponsor), " her ") {
		t.Error("the sponsor edition does not write they for she")
	}
	var doc struct {
		Sponsor       bool  `json:"sponsor_edition"`
		WhoKnows      []any `json:"who_knows"`
		WhoKnowsCount int   `json:"who_knows_count"`
	}
	js, err := RedactedBrief(d, r, BriefOptions{Today: fixtureToday}, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	if !doc.Sponsor || len(doc.WhoKnows) != 0 || doc.WhoKnowsCount != 4 {
		t.Errorf("JSON sponsor %v, who knows %d named of %d", doc.Sponsor, len(doc.WhoKnows), doc.WhoKnowsCount)
	}
}

func TestRedactedLists(t *testing.T) {
	d := fixtureDossier()
	var stakes []Stakeholder
	var contacts []Contact
	stakes = append(stakes, d.Stakeholders...)
	for _, c := range d.Contacts {
		contacts = append(contacts, c)
	}
	dir := NewDirectory([]Proposal{d.Proposal}, stakes, contacts)
	d.Objections[0].Response = "Marcus will answer it; ask Sam."
	md, err := RedactedObjectionsMarkdown(ObjectionRows(d.Objections, dir, ObjectionFilter{}, fixtureToday), dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range contacts {
		for _, part := range strings.Fields(c.Name) {
			if strings.Contains(md, part) {
				t.Errorf("the redacted objections show %q:\n%s", part, md)
			}
		}
	}
	if !strings.Contains(md, "Person A") || !strings.Contains(md, "Person B will answer it") {
		t.Errorf("labels missing:\n%s", md)
	}
	bs, err := RedactedBlindSpotsMarkdown(BlindSpotRows(d.BlindSpots, dir, BlindSpotFilter{}, fixtureToday), dir)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(bs, "Priya") || !strings.Contains(bs, "Person A") {
		t.Errorf("redacted blind spots:\n%s", bs)
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
	d := fixtureDossier()
	rd := NewWorkbookRedactor(d, []Contact{{ID: 53, Name: "王伟"}, {ID: 54, Name: "Al Wu", Aliases: "Ally"}})
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

// The large synthetic workbook names people "Gus Moreau 191": the number is
// not a name, so generated sentences full of numbers ("talked to 191 of
// 191") must not trip the leak guard.
func TestRedactedBriefOnTheLargeWorkbook(t *testing.T) {
	d := largeDossier()
	for _, full := range []bool{false, true} {
		if _, err := RedactedBrief(d, Assess(d, propToday), BriefOptions{Today: propToday, Full: full}, false); err != nil {
			t.Errorf("full %v: %v", full, err)
		}
	}
}
