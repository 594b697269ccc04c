package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// Finding 5: quitting inside the walkthrough's first step kept a proposal
// marked "step 1 done", and resuming skipped the forum and the date. Now
// the half-filled step is a draft; n offers it back and resumes on the
// first question not answered (the forum).
func TestQuitInsideTheFirstStepKeepsADraftAndResumesAtTheForum(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	d.press("n")
	d.typ("Move standup to async")
	d.press("enter")
	d.typ("Replace the daily standup.")
	d.press("enter", "right", "enter") // operational: the forum group is next
	d.mustSee("The formal forum")
	d.press("ctrl+c", "s")
	if !d.quit {
		t.Fatal("keeping the draft did not quit")
	}
	if len(store.proposals) != 0 {
		t.Fatalf("quitting inside the first step stored a proposal: %+v", store.proposals)
	}

	d2 := newDriver(t, store, 80, 24)
	d2.press("n")
	d2.mustSee("You left this unfinished", "Move standup to async")
	d2.press("enter")
	w := d2.app.walkthrough
	if w.step != walkProposal || w.draft.Title != "Move standup to async" || w.draft.Kind != model.KindOperational {
		t.Fatalf("resumed at step %d with %+v", w.step, *w.draft)
	}
	d2.typ("Eng leads") // the cursor is on the forum
	if w.draft.Forum != "Eng leads" {
		t.Fatalf("typing after resuming went elsewhere: forum %q, title %q", w.draft.Forum, w.draft.Title)
	}
	d2.press("enter")
	d2.typ("+10d")
	d2.press("enter", "enter")
	if len(store.proposals) != 1 || store.proposals[0].WalkStep != int(walkProposal) ||
		!store.proposals[0].DecisionDate.Equal(testToday.AddDays(10)) || store.proposals[0].Forum != "Eng leads" {
		t.Fatalf("the finished first step saved %+v", store.proposals)
	}
	if _, ok, _ := store.GetDraft(t.Context(), walkDraftKey(0)); ok {
		t.Fatal("the draft is still offered after the step was saved")
	}
	d2.mustSee("Which moment are you in?")
}

// Changing a stored proposal's first step and leaving midway keeps the
// change as a draft: the proposal and its progress stay as they were.
func TestLeavingAnEditedStepLeavesTheProposalAsItWas(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	d.press("w")
	w := d.app.walkthrough
	before := w.p
	d.press("1")
	if w.step != walkProposal || !w.host.Active() {
		t.Fatal("1 did not go to the proposal step")
	}
	d.typ(" v2")
	d.press("esc", "s")
	if got := store.storedProposal(t, before.ID); got.Title != before.Title || got.WalkStep != before.WalkStep {
		t.Fatalf("leaving midway changed the proposal: %q step %d", got.Title, got.WalkStep)
	}
	d.press("w")
	d.mustSee("You left this unfinished")
	d.press("enter")
	if w := d.app.walkthrough; w.step != walkProposal || w.draft.Title != before.Title+" v2" {
		t.Fatalf("the kept change was not resumed: step %d, title %q", w.step, w.draft.Title)
	}
}

// Finding 3: the When step said "shift+tab goes back" and it did not.
// shift+tab on its form goes back to the proposal step, keeping the answer
// on screen; saving the proposal step does not lose the progress made.
func TestShiftTabFromWhenGoesBackToTheProposal(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	d.press("n")
	d.typ("Move standup to async")
	d.press("enter", "enter", "enter", "enter")
	d.typ("+10d")
	d.press("enter", "enter")
	w := d.app.walkthrough
	if w.step != walkWhen {
		t.Fatalf("on step %d, want when", w.step)
	}
	d.press("down") // a moment not yet saved
	d.press("shift+tab")
	if w.step != walkProposal || !w.host.Active() {
		t.Fatalf("shift+tab on the when step went to step %d", w.step)
	}
	d.mustSee("Move standup to async")
	if w.draft.Moment != model.MomentTestBias {
		t.Fatal("going back lost the moment on screen")
	}
	for range 6 {
		d.press("enter")
	}
	if w.step != walkWhen || w.draft.Moment != model.MomentTestBias {
		t.Fatalf("after the proposal step: step %d, moment %s", w.step, w.draft.Moment)
	}
	if p := store.proposals[0]; p.WalkStep != int(walkProposal) {
		t.Fatalf("walk step %d after going back and forth, want 1", p.WalkStep)
	}
}

// Finding 3: any step done so far, or the next one, is one digit away.
func TestDigitsGoToAnyStepDoneSoFar(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	walkToWhom(d)
	w := d.app.walkthrough
	d.press("5")
	if w.step != walkWhom {
		t.Fatal("5 skipped steps not done")
	}
	d.mustSee("Finish step 3 (Whom) before going to Where.")
	d.press("2")
	if w.step != walkWhen || !w.host.Active() {
		t.Fatalf("2 went to step %d", w.step)
	}
	d.press("enter")
	if w.step != walkWhom {
		t.Fatalf("finishing the when step again went to step %d", w.step)
	}
	d.press("1")
	if w.step != walkProposal {
		t.Fatalf("1 went to step %d", w.step)
	}
	d.mustSee("Move standup to async")
}

// Finding 7: keys typed while a step is written go nowhere.
func TestKeysWhileAStepSavesGoNowhere(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	d.press("n")
	d.typ("Budget")
	d.holdIf = func(m tea.Msg) bool { _, ok := m.(proposalSavedMsg); return ok }
	for range 6 {
		d.press("enter")
	}
	d.mustSee("Saving…")
	for _, k := range []string{"o", "b", "q", "c", "esc", "u", "1"} {
		d.press(k)
		if d.quit || d.app.state() != screenWalk || d.app.ask != pendingNone {
			t.Fatalf("%s while saving reached the app (screen %d)", k, d.app.state())
		}
	}
	d.release()
	if !strings.Contains(d.view(), "Which moment are you in?") {
		t.Fatalf("the save did not finish:\n%s", d.view())
	}
}
