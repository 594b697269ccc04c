package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// openHolding opens the app on store at 80×24 like newDriver, with hold
// keeping back the messages it matches from the first load on.
func openHolding(t *testing.T, store Store, hold func(tea.Msg) bool) *driver {
	t.Helper()
	d := &driver{t: t, store: store, holdIf: hold}
	d.app = New(store, Options{Today: func() model.Date { return testToday }, NoColor: true})
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.run(d.app.Init())
	return d
}

// Issue 13: the first open of a day assesses every proposal for its score
// before the dashboard showed anything ("Loading proposals…" for the whole
// assessment). The proposals are listed while the scores are read, marked
// as waiting for them, and the scores fill the same rows in; the cursor a
// person moved meanwhile stays on its proposal.
func TestDashboardListsProposalsWhileTheirScoresAreRead(t *testing.T) {
	store := demoStore(t)
	d := openHolding(t, store, func(m tea.Msg) bool { _, ok := m.(proposalsLoadedMsg); return ok })
	ps, err := store.ListProposals(context.Background(), false)
	if err != nil || len(ps) < 2 {
		t.Fatalf("the demo lists %d proposals (%v), want at least 2", len(ps), err)
	}
	d.mustSee(model.Plural(len(ps), "proposal", "proposals") + " · assessing readiness…")
	d.mustNotSee("Loading proposals", "Not ready", "Getting there", "Ready to pitch")
	if l := dashboardLine(t, d, ps[0].Title); !strings.Contains(l, "…  ") {
		t.Errorf("the row of %q, %q, shows no score waiting (…)", ps[0].Title, l)
	}
	d.press("down")
	d.release()
	d.mustNotSee("assessing readiness")
	scores, err := store.ProposalScores(context.Background(), testToday, false)
	if err != nil {
		t.Fatal(err)
	}
	first := dashboardLine(t, d, scores[0].Proposal.Title)
	if !strings.Contains(first, scores[0].Verdict.String()) || !strings.Contains(first, " "+itoa(scores[0].Score)+" ") {
		t.Errorf("the row of %q, %q, lacks its verdict %s and score %d", scores[0].Proposal.Title, first, scores[0].Verdict, scores[0].Score)
	}
	if r, ok := d.app.dashboard.list.Selected(); !ok || r.ID != ps[1].ID {
		t.Errorf("the cursor is on %v after the scores landed, want the second proposal (%d), where it was moved", r.ID, ps[1].ID)
	}
}

// A list without scores that lands after the scored one (the scores came
// from the cache first) must not blank the scores.
func TestDashboardListLandingAfterTheScoresIsDropped(t *testing.T) {
	store := demoStore(t)
	d := openHolding(t, store, func(m tea.Msg) bool { _, ok := m.(proposalsListedMsg); return ok })
	if len(d.held) != 1 {
		t.Fatalf("%d lists without scores held, want 1", len(d.held))
	}
	scores, err := store.ProposalScores(context.Background(), testToday, false)
	if err != nil {
		t.Fatal(err)
	}
	want := scores[0].Verdict.String() + "  "
	if l := dashboardLine(t, d, scores[0].Proposal.Title); !strings.Contains(l, want) {
		t.Fatalf("the row of %q, %q, lacks its verdict %s", scores[0].Proposal.Title, l, scores[0].Verdict)
	}
	d.release()
	d.mustNotSee("assessing readiness")
	if l := dashboardLine(t, d, scores[0].Proposal.Title); !strings.Contains(l, want) || !strings.Contains(l, " "+itoa(scores[0].Score)+" ") {
		t.Errorf("after a late list the row of %q is %q, want its verdict %s and score %d", scores[0].Proposal.Title, l, scores[0].Verdict, scores[0].Score)
	}
}

// dashboardLine is the dashboard's line naming title.
func dashboardLine(t *testing.T, d *driver, title string) string {
	t.Helper()
	for l := range strings.SplitSeq(d.view(), "\n") {
		if strings.Contains(l, title) {
			return l
		}
	}
	t.Fatalf("no line of the dashboard names %q:\n%s", title, d.view())
	return ""
}

// Opening a proposal reads its whole dossier (a few hundred ms on a long
// log) before anything of it showed. Opened from the dashboard, the
// workspace draws its head at once from the row listed (title, verdict and
// score, decision, the tabs) over "Loading the proposal…", and the
// dossier fills it in.
func TestWorkspaceShowsTheListedHeadWhileTheDossierIsRead(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	scores, err := store.ProposalScores(context.Background(), testToday, false)
	if err != nil {
		t.Fatal(err)
	}
	first := scores[0]
	d.holdIf = func(m tea.Msg) bool { _, ok := m.(dossierLoadedMsg); return ok }
	d.press("enter")
	head := first.Verdict.String() + " · " + itoa(first.Score) + "/100"
	d.mustSee(first.Proposal.Title, head, "1 Summary", "Loading the proposal…")
	d.release()
	d.mustSee(first.Proposal.Title, head, "Verdict: "+first.Verdict.String())
	d.mustNotSee("Loading the proposal…")
}
