package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/tui/widget"
)

// hireID is the demo's decided proposal, "Hire a VP of Security".
const hireID = 3

// stakeOn finds a person's part in a proposal of the fake by their name.
func (f *fakeStore) stakeOn(t testing.TB, proposalID int64, name string) model.Stakeholder {
	t.Helper()
	c := f.contactNamed(t, name)
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.stakeholders {
		if s.ProposalID == proposalID && s.ContactID == c.ID {
			return s
		}
	}
	t.Fatalf("%s is not on proposal %d", name, proposalID)
	return model.Stakeholder{}
}

// openHireDebrief opens the demo's decided proposal and its debrief.
func openHireDebrief(d *driver) {
	d.t.Helper()
	d.press("down", "down", "enter", "D")
	if d.app.state() != screenDebrief {
		d.t.Fatal("D on the workspace did not open the debrief")
	}
}

func TestDebriefShowsWhatEachPersonSaidBesideWhatTheyDid(t *testing.T) {
	d := newDriver(t, demoStore(t), 120, 40)
	openHireDebrief(d)
	d.mustSee(
		"Debrief: Hire a VP of Security",
		"[y approved]",
		"= Grace Whitfield",
		"≠ Tom Becker",
		"gap: stayed silent",
		"3 of 3 in the room recorded",
		"1 gap between word and deed: Tom Becker",
	)
}

func TestDebriefChoiceIsSavedAndTheGapShown(t *testing.T) {
	store := demoStore(t)
	dana := store.stakeOn(t, hireID, "Dana Reyes")
	d := newDriver(t, store, 120, 40)
	openHireDebrief(d)
	d.press("down", "2")

	if got := store.storedStakeholder(t, dana.ID).Acted; got != model.ActedSpokeAgainst {
		t.Fatalf("Dana's debrief saved as %q, want spoke against", got)
	}
	d.mustSee("Saved: Dana Reyes spoke against it.", "gap: spoke against it",
		"2 gaps between word and deed: Dana Reyes, Tom Becker")
	r, _ := d.app.debrief.list.Selected()
	if r.Tone != widget.ToneBad || r.Cells[0] != "≠" {
		t.Fatalf("a supporter who spoke against is shown with tone %d and mark %q", r.Tone, r.Cells[0])
	}

	// ←/→ step through the readings; each is saved.
	d.press("right")
	if got := store.storedStakeholder(t, dana.ID).Acted; got != model.ActedSilent {
		t.Fatalf("→ saved %q, want silent", got)
	}
	d.press("left", "left")
	if got := store.storedStakeholder(t, dana.ID).Acted; got != model.ActedSpokeFor {
		t.Fatalf("← ← saved %q, want spoke for", got)
	}
	d.press("0")
	if got := store.storedStakeholder(t, dana.ID).Acted; got != model.ActedUnknown {
		t.Fatalf("0 saved %q, want not recorded", got)
	}
	d.mustSee("2 of 3 in the room recorded")

	// Pressing the reading already there writes nothing.
	before := store.countWrites("EditStakeholder", 0)
	d.press("0")
	if store.countWrites("EditStakeholder", 0) != before {
		t.Fatal("choosing the same reading again wrote to the store")
	}
}

func TestDebriefOutcomeIsSavedAndTheDashboardShowsIt(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	openHireDebrief(d)
	d.press("r")
	if got := store.storedProposal(t, hireID).Status; got != model.StatusRejected {
		t.Fatalf("outcome saved as %s, want rejected", got)
	}
	d.mustSee("[r rejected]", "Saved: outcome rejected.")

	d.press("p")
	if got := store.storedProposal(t, hireID).Status; got != model.StatusPitched {
		t.Fatalf("“not decided yet” saved %s, want pitched", got)
	}
	d.press("d")
	if got := store.storedProposal(t, hireID).Status; got != model.StatusDeferred {
		t.Fatalf("outcome saved as %s, want deferred", got)
	}

	d.press("esc")
	if d.app.state() != screenWorkspace {
		t.Fatal("esc on the debrief did not go back to the workspace")
	}
	// The header gives the outcome where the verdict was.
	if head := strings.Split(d.view(), "\n")[2]; !strings.HasSuffix(head, "deferred · 94/100") {
		t.Fatalf("the workspace header reads %q", head)
	}
	d.press("esc")
	d.mustSee("Hire a VP of Security")
	for _, l := range strings.Split(d.view(), "\n") {
		if strings.Contains(l, "Hire a VP of Security") && !strings.Contains(l, "deferred") {
			t.Fatalf("the dashboard row does not give the outcome: %q", l)
		}
	}
}

func TestNotDecidedYetReturnsAnOpenProposalToItsStatus(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	d.press("enter", "D", "y")
	if got := store.storedProposal(t, 1).Status; got != model.StatusApproved {
		t.Fatalf("outcome saved as %s, want approved", got)
	}
	d.press("p")
	if got := store.storedProposal(t, 1).Status; got != model.StatusPrewiring {
		t.Fatalf("“not decided yet” saved %s, want prewiring as it was", got)
	}
}

func TestWorkspaceOffersTheDebriefOncePastTheMeeting(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	d.press("enter")
	d.mustNotSee("D debrief", "press D")

	d.press("esc")
	store.setProposalStatus(1, model.StatusPitched)
	d.press("enter")
	d.mustSee("Pitched: press D to record the outcome and how each person acted", "D debrief")

	// A decision date gone by while still prewiring is offered too.
	d.press("esc")
	store.setProposalStatus(1, model.StatusPrewiring)
	d.app.b.today = func() model.Date { return testToday.AddDays(10) }
	d.press("enter")
	d.mustSee("The decision date has passed: press D")

	// A decided proposal with someone in the room not recorded.
	d.press("esc")
	store.mu.Lock()
	for i := range store.stakeholders {
		if store.stakeholders[i].ProposalID == hireID && store.stakeholders[i].Role == model.RoleInRoom {
			store.stakeholders[i].Acted = model.ActedUnknown
		}
	}
	store.mu.Unlock()
	d.press("down", "down", "enter")
	d.mustSee("Decided (approved): press D to record how 2 people in the room acted.")
}

func TestChoicesMadeWhileAWriteIsUnderWayFollowInOrder(t *testing.T) {
	store := demoStore(t)
	tom := store.stakeOn(t, hireID, "Tom Becker")
	d := newDriver(t, store, 120, 40)
	openHireDebrief(d)
	d.press("down", "down")
	since := store.callCount()

	// Three readings before the first write has run: the first is sent, the
	// others wait, and only the last of them is written next.
	_, first := d.app.Update(keyMsg("1"))
	_, second := d.app.Update(keyMsg("2"))
	_, third := d.app.Update(keyMsg("4"))
	if first == nil || second != nil || third != nil {
		t.Fatal("a second write was sent while the first was under way")
	}
	d.mustSee("absent")
	d.run(first)
	if got := store.storedStakeholder(t, tom.ID).Acted; got != model.ActedAbsent {
		t.Fatalf("the last choice saved as %q, want absent", got)
	}
	if n := store.countWrites("EditStakeholder", since); n != 2 {
		t.Fatalf("%d writes for three quick choices, want 2 (the first, then the latest)", n)
	}
}

func TestQuitRightAfterAChoiceWaitsForItsWrite(t *testing.T) {
	store := demoStore(t)
	tom := store.stakeOn(t, hireID, "Tom Becker")
	d := newDriver(t, store, 80, 24)
	openHireDebrief(d)
	d.press("down", "down")
	_, write := d.app.Update(keyMsg("1"))
	d.press("q")
	if d.quit || d.app.ask != pendingQuit {
		t.Fatal("q with a write under way did not ask")
	}
	d.press("s")
	if d.quit {
		t.Fatal("quit before the write landed")
	}
	d.run(write)
	if !d.quit {
		t.Fatal("save-and-quit did not quit once the write landed")
	}
	if got := store.storedStakeholder(t, tom.ID).Acted; got != model.ActedSpokeFor {
		t.Fatalf("saved %q, want spoke for", got)
	}
}

func TestDebriefWriteFailureShowsWhatTheStoreHolds(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	openHireDebrief(d)
	store.fail = errBoom
	d.press("down", "down", "1")
	d.mustSee("✗ The disk is full.", "gap: stayed silent")
	if got := store.stakeOn(t, hireID, "Tom Becker").Acted; got != model.ActedSilent {
		t.Fatalf("store holds %q after a failed write", got)
	}
}

func TestSayDoReading(t *testing.T) {
	cases := []struct {
		stance model.Stance
		acted  model.Acted
		gap    bool
		tone   widget.Tone
		phrase string
	}{
		{model.StanceSupporter, model.ActedSpokeFor, false, widget.ToneGood, "said supporter, spoke for it"},
		{model.StanceSupporter, model.ActedSilent, true, widget.ToneWarn, "said supporter, stayed silent"},
		{model.StanceChampion, model.ActedAbsent, true, widget.ToneWarn, "said champion, was absent"},
		{model.StanceSupporter, model.ActedSpokeAgainst, true, widget.ToneBad, "said supporter, spoke against it"},
		{model.StanceSkeptic, model.ActedSpokeFor, true, widget.ToneGood, "said skeptic, spoke for it"},
		{model.StanceSkeptic, model.ActedSpokeAgainst, false, widget.ToneNormal, "said skeptic, spoke against it"},
		{model.StanceOpponent, model.ActedSilent, false, widget.ToneNormal, "said opponent, stayed silent"},
		{model.StanceNeutral, model.ActedSpokeAgainst, true, widget.ToneBad, "said neutral, spoke against it"},
		{model.StanceNeutral, model.ActedSpokeFor, true, widget.ToneGood, "said neutral, spoke for it"},
		{model.StanceNeutral, model.ActedAbsent, false, widget.ToneNormal, "said neutral, was absent"},
		{model.StanceUnknown, model.ActedSpokeAgainst, false, widget.ToneNormal, "stance never read, spoke against it"},
		{model.StanceSupporter, model.ActedUnknown, false, widget.ToneMuted, "not recorded"},
	}
	for _, c := range cases {
		r := readSayDo(model.Stakeholder{Role: model.RoleInRoom, Stance: c.stance, Acted: c.acted})
		if r.gap != c.gap || r.tone != c.tone || r.phrase != c.phrase || r.recorded != (c.acted != model.ActedUnknown) {
			t.Errorf("%s / %s: got %+v, want gap %v tone %d %q", c.stance, c.acted, r, c.gap, c.tone, c.phrase)
		}
	}
	// Issue 14: "gap: was absent" for an influencer who was never in the
	// room. Absence is a gap only for someone who sits in the room.
	for _, role := range []model.Role{model.RoleInfluencer, model.RoleImplementer, model.RoleAffected} {
		r := readSayDo(model.Stakeholder{Role: role, Stance: model.StanceChampion, Acted: model.ActedAbsent})
		if r.gap || !r.recorded {
			t.Errorf("%s absent: got %+v, want no gap", role, r)
		}
	}
	if r := readSayDo(model.Stakeholder{Role: model.RoleDecisionMaker, Stance: model.StanceChampion, Acted: model.ActedAbsent}); !r.gap {
		t.Error("a decision-maker who said champion and was absent is no gap")
	}
}

// TestDebriefThenContactsOnARealStore drives the real program against a
// SQLite workbook holding the demo: record in the debrief of the approved
// hire that Dana, a supporter, spoke against it, then find the gap on her
// page in the contact directory.
func TestDebriefThenContactsOnARealStore(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the whole program with pauses between keys")
	}
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(t.TempDir(), "workbook.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.Import(ctx, demo.Workbook(model.NewDate(2026, time.November, 21))); err != nil {
		t.Fatal(err)
	}
	var dana model.Stakeholder
	sts, err := store.ListStakeholders(ctx, hireID)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sts {
		if c, _ := store.GetContact(ctx, s.ContactID); c.Name == "Dana Reyes" {
			dana = s
		}
	}
	if dana.ID == 0 || dana.Stance != model.StanceSupporter || dana.Acted != model.ActedSpokeFor {
		t.Fatalf("the demo's hire should have Dana as a supporter who spoke for it: %+v", dana)
	}
	acted := func() model.Acted {
		s, err := store.GetStakeholder(ctx, dana.ID)
		if err != nil {
			t.Fatal(err)
		}
		return s.Acted
	}

	p := startProgram(t, store)
	p.keys("down", "down", "enter")
	p.shows("Hire a VP of Security", "Room")
	p.keys("D")
	p.shows("Debrief: Hire a VP of Security", "Dana Reyes")
	p.keys("down", "2")
	p.shows("Saved: Dana Reyes spoke against it.")
	eventually(t, "Dana's debrief to be saved", func() bool { return acted() == model.ActedSpokeAgainst })
	p.keys("r")
	eventually(t, "the outcome to be saved", func() bool {
		pr, err := store.GetProposal(ctx, hireID)
		return err == nil && pr.Status == model.StatusRejected
	})
	hist, err := store.ListHistory(ctx, db.HistoryFilter{Entity: model.EntityStakeholder, EntityID: dana.ID})
	if err != nil {
		t.Fatal(err)
	}
	if last := hist[len(hist)-1]; last.Field != "acted" || last.Old != "spoke for" || last.New != "spoke against" {
		t.Fatalf("the last history row of Dana's part is %+v, want acted spoke for → spoke against", last)
	}

	// Back to the dashboard, into the contacts, find Dana, open her page.
	p.keys("esc", "esc", "c", "/")
	p.typ("dana")
	p.keys("enter", "enter")
	if err := p.tm.Quit(); err != nil {
		t.Fatal(err)
	}
	app := p.finalApp()
	if app.state() != screenContacts || app.contacts.mode != contactsDetail {
		t.Fatalf("the program ended on screen %d, not Dana's page", app.state())
	}
	screen := ansi.Strip(app.View().Content)
	for _, want := range []string{
		"Dana Reyes",
		"≠ Last time, on “Hire a VP of Security”: said supporter, spoke against it.",
		"• Hire a VP of Security · rejected",
		"≠ said supporter, spoke against it",
	} {
		if !strings.Contains(screen, want) {
			t.Fatalf("Dana's page does not show %q:\n%s", want, screen)
		}
	}
}

// With nothing recorded the footer makes no claim about gaps; once someone
// acted as they said, it says there is none.
func TestDebriefClaimsNoGapOnlyOnceSomethingIsRecorded(t *testing.T) {
	d := newDriver(t, demoStore(t), 120, 40)
	d.press("enter", "D") // the first demo proposal: nobody recorded yet
	if d.app.state() != screenDebrief {
		t.Fatal("D did not open the debrief")
	}
	d.mustSee("0 of 5 in the room recorded", "gaps between word and deed show once recorded")
	d.mustNotSee("no gap between")
	d.press("down", "down", "1") // Marcus, a supporter, spoke for it
	d.mustSee("1 of 5 in the room recorded", "no gap between what anyone said and did")
}
