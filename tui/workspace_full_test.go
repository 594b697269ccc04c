package tui

import (
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// Issue 14: the Room's next step, the Plan's what and the Log's said were
// cut with nowhere to read them whole. enter or space opens the row in
// full, every word wrapped; esc goes back to the list, not the dashboard.
func TestWorkspaceRowsOpenInFull(t *testing.T) {
	for _, tc := range []struct {
		tab, key string
		want     []string
	}{
		// Grace's plan message is cut in the Room and Plan tables at 80.
		{"2", "enter", []string{"Person · in full", "Share the one-page summary and Dana's numbers once Dana is on", "board."}},
		{"3", "space", []string{"Planned talk · in full", "latest safe day"}},
		{"4", "enter", []string{"Conversation · in full", "Said:"}},
	} {
		d := newDriver(t, demoStore(t), 80, 24)
		d.press("enter", tc.tab)
		if tc.tab == "2" {
			d.press("down") // Grace Whitfield
		}
		if tc.tab == "3" {
			d.press("G")
		}
		d.press(tc.key)
		d.mustSee(tc.want...)
		checkFrame(t, d.view(), 80, 24)
		d.press("esc")
		if d.app.state() != screenWorkspace {
			t.Fatalf("tab %s: esc left the workspace instead of closing the page", tc.tab)
		}
		d.mustNotSee("in full")
	}
}

// Every word of a long conversation is on the full page, wrapped.
func TestLogRowInFullHasEveryWord(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	d.press("enter", "4", "enter")
	w := d.app.workspace
	i := w.tpIndex[w.full.id]
	said := strings.Fields(w.d.Touchpoints[i].Said)
	page := strings.Join(strings.Fields(strings.Join(w.fullLines(), " ")), " ")
	if !strings.Contains(page, strings.Join(said, " ")) {
		t.Errorf("the full page does not hold what was said:\n%s", page)
	}
}

// e still edits from the full page; X still asks to remove.
func TestFullPageKeepsTheRowKeys(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("enter", "2", "enter", "X")
	// The fake now names the person as the real store does, so the
	// question wraps at 80 columns: its parts are read one by one.
	d.mustSee("Remove Dana Reyes from", "3 conversations", "deleted with it", "y yes")
}

// Issue 14: c opened the contacts only from the dashboard while o and b
// worked everywhere; now it works from the workspace too, and ? lists it.
func TestContactsKeyFromEverywhere(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("enter", "?")
	d.mustSee("c", "contacts")
	d.press("esc", "c")
	if d.app.state() != screenContacts {
		t.Fatalf("c on the workspace opened screen %d, not the contacts", d.app.state())
	}
	d.press("esc", "o", "c")
	if d.app.state() != screenContacts {
		t.Fatalf("c on the objections opened screen %d, not the contacts", d.app.state())
	}
}

// Issue 14: the Blind spots tab had no count, and at 80 columns the Plan
// hid "Latest safe" while still in that order, so it looked unsorted. The
// column the plan is ordered by now outranks the due phrase and the via,
// so it shows from 80 columns on.
func TestEveryTabCountsAndThePlanSaysItsOrder(t *testing.T) {
	for _, w := range []int{80, 100, 120} {
		d := newDriver(t, demoStore(t), w, 24)
		d.press("enter", "3")
		d.mustSee("Room (10)", "Plan (10)", "Log (15)", "Objections (3)", "Blind spots (2)", "Latest safe")
	}
}

// Issue 14: a decision date in a past year showed without its year ("Wed
// 1 Jan") and the dashboard said "2525d ago".
func TestDatesFromAnotherYearShowTheYear(t *testing.T) {
	store := demoStore(t)
	store.proposals[0].DecisionDate = model.NewDate(2020, 1, 1)
	d := newDriver(t, store, 80, 24)
	d.mustSee("1 Jan 2020")
	d.mustNotSee(itoa(model.NewDate(2020, 1, 1).DaysUntil(testToday)) + "d ago")
	d.press("enter")
	d.mustSee("decision Wed 1 Jan 2020")
}

// Issue 14 (read in tmux): a date in another year still showed without it
// in the Room's next step, on a contact's page (the proposals they are on,
// their conversations) and in the walkthrough's timeline.
func TestDatesFromAnotherYearShowTheYearEverywhere(t *testing.T) {
	store := demoStore(t)
	store.proposals[0].DecisionDate = model.NewDate(2027, 1, 10)
	var dana int64
	for _, c := range store.contacts {
		if c.Name == "Dana Reyes" {
			dana = c.ID
		}
	}
	for i, s := range store.stakeholders {
		if s.ProposalID == store.proposals[0].ID && s.ContactID == dana {
			store.stakeholders[i].Plan.TargetDate = model.NewDate(2027, 1, 5)
		}
	}
	if dana == 0 {
		t.Fatal("the demo's first proposal has no Dana Reyes")
	}
	d := newDriver(t, store, 120, 40)
	d.press("enter", "2")
	d.mustSee("5 Jan 2027 · ask")
	d.press("esc", "c", "/")
	d.typ("Dana")
	d.press("enter", "enter")
	d.mustSee("Sun 10 Jan 2027")
}

// At 80 columns the Objections tab has no room for voice and response;
// like the objections screen it says what each objection still needs.
func TestObjectionsTabSaysWhatEachNeedsAt80(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("enter", "5")
	d.mustSee("Needs", "reply, voice")
	d = newDriver(t, demoStore(t), 120, 40)
	d.press("enter", "5")
	d.mustSee("Voice in room", "Our response")
	d.mustNotSee("Needs")
}
