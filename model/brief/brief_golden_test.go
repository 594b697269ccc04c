package brief

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/internal/sample"
	"github.com/backchannel/backchannel/model/readiness"
)

var update = flag.Bool("update", false, "rewrite the golden briefs in testdata/ (then read the diff)")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run `go test ./model -run Golden -update` to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (-update rewrites it):\n%s", name, sample.FirstDiff(string(want), got))
	}
}

// The demo workbook's proposals, plain and redacted, on a fixed day.
func TestGoldenDemoBriefs(t *testing.T) {
	day := model.NewDate(2026, 11, 21)
	wb := demo.Workbook(day)
	for _, p := range wb.Proposals {
		d := model.DossierFromWorkbook(wb, p.ID)
		r := readiness.Assess(d, day)
		for _, redact := range []bool{false, true} {
			name := fmt.Sprintf("brief_demo_%d.md", p.ID)
			if redact {
				name = fmt.Sprintf("brief_demo_%d_redacted.md", p.ID)
			}
			src := Markdown(d, r, Options{Today: day, Redact: redact})
			checkBriefMarkdown(t, src, Data(d, r, Options{Today: day, Redact: redact}))
			golden(t, name, src)
		}
	}
}

// The hand-written fixture, as markdown and as JSON.
func TestGoldenFixtureBrief(t *testing.T) {
	d := sample.FixtureDossier()
	r := readiness.Assess(d, sample.FixtureToday)
	golden(t, "brief_fixture.md", Markdown(d, r, Options{Today: sample.FixtureToday}))
	golden(t, "brief_fixture_redacted.md", Markdown(d, r, Options{Today: sample.FixtureToday, Redact: true}))
	js, err := json.MarshalIndent(Data(d, r, Options{Today: sample.FixtureToday}), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "brief_fixture.json", string(js)+"\n")
}

// The fixture as it would be if Dana (the skeptic with a veto) came round
// and Tom stayed away: the brief a what-if prints, headed by what it assumes.
func TestGoldenWhatIfBrief(t *testing.T) {
	d := sample.FixtureDossier()
	d.WhatIf = []model.WhatIf{{StakeholderID: 11, Stance: model.StanceSupporter}, {StakeholderID: 14, Absent: true}}
	golden(t, "brief_fixture_whatif.md", Markdown(d, readiness.Assess(d, sample.FixtureToday), Options{Today: sample.FixtureToday}))
}

// The fixture with markdown and terminal attacks typed into it: the golden
// file shows what the escaping does, and the parse proves it holds.
func TestGoldenHostileBrief(t *testing.T) {
	d := sample.FixtureDossier()
	d.Proposal.Title = "# Q1 | *budget* <script>alert(1)</script>"
	d.Proposal.Forum = "1. Exec staff"
	d.Proposal.Ask = "- move on-call\n> quoted\n```\nfenced\n```\n[click](http://evil.example) or www.evil.example"
	c := d.Contacts[4]
	c.Name = "Tom [Becker](http://evil)"
	c.Notes = "<img src=x onerror=alert(1)> talks | freely\r\n# at drinks"
	d.Contacts[4] = c
	d.Objections[0].Text = "| Three | regions |\ntriple **cost** ~~now~~"
	d.Touchpoints[0].Said = "\x1b]8;;http://evil\x07click here\x1b]8;;\x07 — \x1b[31mred\x1b[0m, emoji 🎉, שלום, e\u0301"
	d.Stakeholders[0].Plan.Message = "```go\npanic()\n```"
	r := readiness.Assess(d, sample.FixtureToday)
	for _, redact := range []bool{false, true} {
		opt := Options{Today: sample.FixtureToday, Redact: redact}
		src := Markdown(d, r, opt)
		checkBriefMarkdown(t, src, Data(d, r, opt))
		name := "brief_hostile.md"
		if redact {
			name = "brief_hostile_redacted.md"
		}
		golden(t, name, src)
	}
}
