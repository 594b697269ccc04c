package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/brief"
	"github.com/backchannel/backchannel/model/readiness"
)

// briefSection is one "## Heading" section of a brief's markdown.
func briefSection(md, heading string) string {
	_, rest, ok := strings.Cut(md, "## "+heading+"\n")
	if !ok {
		return ""
	}
	if i := strings.Index(rest, "\n## "); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// TestObjectionReviewEndToEndOnARealStore drives the real program against a
// SQLite workbook holding the demo: filter to open blockers, write a
// response, pick the voice in the room, resolve it, and see it leave the
// filter while readiness and the brief follow.
func TestObjectionReviewEndToEndOnARealStore(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the whole program with pauses between keys")
	}
	ctx := context.Background()
	store := demoDB(t)
	objs, err := store.ListObjections(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var target model.Objection
	for _, o := range objs {
		if o.Status == model.ObjectionOpen && o.Severity == model.SeverityBlocker {
			if target.ID != 0 {
				t.Fatal("the demo has more than one open blocker; this test expects one")
			}
			target = o
		}
	}
	if target.ID == 0 {
		t.Fatal("the demo has no open blocker")
	}
	assess := func() (model.Dossier, readiness.Readiness) {
		d, err := store.LoadDossier(ctx, target.ProposalID)
		if err != nil {
			t.Fatal(err)
		}
		return d, readiness.Assess(d, testToday)
	}
	stored := func() model.Objection {
		o, err := store.GetObjection(ctx, target.ID)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	_, before := assess()

	p := startProgram(t, store)

	// Every objection, then only the open blockers: status open, severity blocker.
	p.keys("o")
	p.shows("Objections")
	p.keys("s", "s", "v")

	// Write the response.
	response := "Observers receive redacted board papers; M and A items are taken in closed session."
	p.keys("r")
	p.shows("Write")
	p.typ(response)
	p.keys("enter")
	eventually(t, "the response to be saved", func() bool { return stored().Response == response })

	// Pick the voice in the room: the first supporter offered.
	p.keys("i")
	p.shows("Pick")
	p.keys("down", "enter")
	eventually(t, "the voice to be saved", func() bool { return stored().VoiceID != 0 })
	voice := stored().VoiceID
	if sh, err := store.GetStakeholder(ctx, voice); err != nil || !sh.Stance.For() {
		t.Fatalf("the voice picked (%d) is not a supporter", voice)
	}
	d, mid := assess()
	open := briefSection(brief.Markdown(d, mid, brief.Options{Today: testToday}), brief.HeadingObjections)
	if !strings.Contains(open, "redacted board papers") {
		t.Fatalf("the brief's objections do not show the new response:\n%s", open)
	}

	// Resolve it: open → addressing → resolved in the status picker.
	p.keys("m")
	p.shows("Change")
	p.keys("down", "down", "enter")
	eventually(t, "the objection to be resolved", func() bool { return stored().Status == model.ObjectionResolved })
	p.shows("Marked")
	got := stored()
	if !got.ResolvedOn.Equal(testToday) {
		t.Fatalf("resolved on %q, want today", got.ResolvedOn)
	}
	hist, err := store.ListHistory(ctx, db.HistoryFilter{Entity: model.EntityObjection, EntityID: target.ID})
	if err != nil {
		t.Fatal(err)
	}
	statusRows := 0
	for _, h := range hist {
		if h.Field == "status" && h.Old == "open" && h.New == "resolved" {
			statusRows++
		}
	}
	if statusRows != 1 {
		t.Fatalf("%d history rows for open → resolved, want 1", statusRows)
	}

	d, after := assess()
	if after.Score <= mid.Score || mid.Score < before.Score {
		t.Fatalf("readiness went %d → %d → %d answering then resolving a blocker", before.Score, mid.Score, after.Score)
	}
	if open := briefSection(brief.Markdown(d, after, brief.Options{Today: testToday}), brief.HeadingObjections); strings.Contains(open, "confidential M&A") {
		t.Fatalf("the brief still lists the resolved objection as open:\n%s", open)
	}

	if err := p.tm.Quit(); err != nil {
		t.Fatal(err)
	}
	app := p.finalApp()
	f := app.objections.filter()
	if st, sev := objectionStatusFilters[f.cycle[0]], severityFilters[f.cycle[1]]; len(st) != 1 || st[0] != model.ObjectionOpen ||
		len(sev) != 1 || sev[0] != model.SeverityBlocker {
		t.Fatalf("the screen's filter is %+v, want open blockers", f)
	}
	for _, r := range app.objections.rows {
		if r.ID == target.ID {
			t.Fatal("the resolved objection is still listed under the open filter")
		}
	}
	// Each save reports its own move; the last one was the resolution.
	note := "readiness " + itoa(mid.Score) + " → " + itoa(after.Score)
	if !strings.Contains(app.status, note) {
		t.Fatalf("the status line says %q, want it to include %q", app.status, note)
	}
}
