package model

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
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
		t.Errorf("%s differs from the golden file (-update rewrites it):\n%s", name, firstDiff(string(want), got))
	}
}

// The demo workbook's proposals, plain and redacted, on a fixed day.
func TestGoldenDemoBriefs(t *testing.T) {
	day := NewDate(2026, 11, 21)
	wb := DemoWorkbook(day)
	for _, p := range wb.Proposals {
		d := DossierFromWorkbook(wb, p.ID)
		r := Assess(d, day)
		for _, redact := range []bool{false, true} {
			name := fmt.Sprintf("brief_demo_%d.md", p.ID)
			if redact {
				name = fmt.Sprintf("brief_demo_%d_redacted.md", p.ID)
			}
			src := Brief(d, r, BriefOptions{Today: day, Redact: redact})
			checkBriefMarkdown(t, src, BriefData(d, r, BriefOptions{Today: day, Redact: redact}))
			golden(t, name, src)
		}
	}
}

// The hand-written fixture, as markdown and as JSON.
func TestGoldenFixtureBrief(t *testing.T) {
	d := fixtureDossier()
	r := Assess(d, fixtureToday)
	golden(t, "brief_fixture.md", Brief(d, r, BriefOptions{Today: fixtureToday}))
	golden(t, "brief_fixture_redacted.md", Brief(d, r, BriefOptions{Today: fixtureToday, Redact: true}))
	js, err := json.MarshalIndent(BriefData(d, r, BriefOptions{Today: fixtureToday}), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "brief_fixture.json", string(js)+"\n")
}

// The fixture as it would be if Dana (the skeptic with a veto) came round
// and Tom stayed away: the brief a what-if prints, headed by what it assumes.
func TestGoldenWhatIfBrief(t *testing.T) {
	d := fixtureDossier()
	d.WhatIf = []WhatIf{{StakeholderID: 11, Stance: StanceSupporter}, {StakeholderID: 14, Absent: true}}
	golden(t, "brief_fixture_whatif.md", Brief(d, Assess(d, fixtureToday), BriefOptions{Today: fixtureToday}))
}

// The fixture with markdown and terminal attacks typed into it: the golden
// file shows what the escaping does, and the parse proves it holds.
func TestGoldenHostileBrief(t *testing.T) {
	d := fixtureDossier()
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
	r := Assess(d, fixtureToday)
	for _, redact := range []bool{false, true} {
		opt := BriefOptions{Today: fixtureToday, Redact: redact}
		src := Brief(d, r, opt)
		checkBriefMarkdown(t, src, BriefData(d, r, opt))
		name := "brief_hostile.md"
		if redact {
			name = "brief_hostile_redacted.md"
		}
		golden(t, name, src)
	}
}
