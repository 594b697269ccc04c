package brief

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/model/redact"
)

// The sponsor edition leaves out the back channel's own words; the full
// edition keeps them, redacted.
func TestSponsorEdition(t *testing.T) {
	d := sample.FixtureDossier()
	r := readiness.Assess(d, sample.FixtureToday)
	sponsor, err := Redacted(d, r, Options{Today: sample.FixtureToday}, false)
	if err != nil {
		t.Fatal(err)
	}
	full, err := Redacted(d, r, Options{Today: sample.FixtureToday, Full: true}, false)
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
	js, err := Redacted(d, r, Options{Today: sample.FixtureToday}, true)
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
	d := sample.FixtureDossier()
	var stakes []model.Stakeholder
	var contacts []model.Contact
	stakes = append(stakes, d.Stakeholders...)
	for _, c := range d.Contacts {
		contacts = append(contacts, c)
	}
	dir := model.NewDirectory([]model.Proposal{d.Proposal}, stakes, contacts)
	d.Objections[0].Response = "Marcus will answer it; ask Sam."
	md, err := RedactedObjectionsMarkdown(model.ObjectionRows(d.Objections, dir, model.ObjectionFilter{}, sample.FixtureToday), dir)
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
	bs, err := RedactedBlindSpotsMarkdown(model.BlindSpotRows(d.BlindSpots, dir, model.BlindSpotFilter{}, sample.FixtureToday), dir)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(bs, "Priya") || !strings.Contains(bs, "Person A") {
		t.Errorf("redacted blind spots:\n%s", bs)
	}
}

// The large synthetic workbook names people "Gus Moreau 191": the number is
// not a name, so generated sentences full of numbers ("talked to 191 of
// 191") must not trip the leak guard.
func TestRedactedBriefOnTheLargeWorkbook(t *testing.T) {
	d := sample.LargeDossier()
	for _, full := range []bool{false, true} {
		if _, err := Redacted(d, readiness.Assess(d, sample.PropToday), Options{Today: sample.PropToday, Full: full}, false); err != nil {
			t.Errorf("full %v: %v", full, err)
		}
	}
}

// The second pass fails closed: when the redactor misses a person (here it
// is made to miss everyone), the brief is not printed and the error names
// the field and the label, never the name.
func TestLeakGuardFailsClosed(t *testing.T) {
	d := sample.FixtureDossier()
	r := readiness.Assess(d, sample.FixtureToday)
	for _, asJSON := range []bool{false, true} {
		rd := redact.NewWorkbookRedactor(d, nil).Blind() // a redactor that finds nobody
		out, err := redactedBrief(d, r, Options{Today: sample.FixtureToday, Redact: true}, asJSON, rd)
		var leak *redact.LeakError
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
	// And the real redactor passes the same
	if _, err := Redacted(d, r, Options{Today: sample.FixtureToday}, false); err != nil {
		t.Fatalf("the fixture's redacted brief refused: %v", err)
	}
}
