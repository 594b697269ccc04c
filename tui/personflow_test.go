package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// addSomeoneNew opens the demo's first proposal and starts adding someone
// new from its Summary tab, typing their name.
func addSomeoneNew(t *testing.T, d *driver, name string) {
	t.Helper()
	d.press("enter", "a")
	if d.app.state() != screenPerson {
		t.Fatal("a did not open the person form")
	}
	d.press("enter") // someone new
	d.typ(name)
}

// Finding 5: a new person's role and influence are not answered for them.
// Enter on the untouched choices does not go on, and nothing is stored.
func TestNewPersonMustChooseRoleAndInfluence(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	addSomeoneNew(t, d, "Zoe Park")
	people := len(store.stakeholders)
	d.press("enter", "enter", "enter", "enter", "enter") // name, title, org, kind, discretion
	d.mustSee("choose one")
	d.press("enter")
	d.mustSee("choose their part")
	if f := d.app.person.flow; f.draft.Role != roleUnset || d.app.person.flow.host.Form.GetFocusedField() != f.roleField {
		t.Fatal("enter on an unchosen role went on")
	}
	d.press("right", "enter") // decision-maker
	d.mustSee("choose 1–5")
	d.press("enter")
	d.mustSee("choose how much they sway the decision")
	if len(store.stakeholders) != people {
		t.Fatal("a person was stored before their role and influence were chosen")
	}
}

// Finding 5: quitting a half-filled new person keeps a draft, never a
// stakeholder; coming back offers it and resumes at the first answer still
// missing (the role), and finishing adds the person once.
func TestHalfFilledNewPersonIsADraftAndResumesAtTheFirstUnanswered(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	addSomeoneNew(t, d, "Zoe Park")
	d.press("enter")
	d.typ("CFO")
	people, contacts, calls := len(store.stakeholders), len(store.contacts), store.callCount()
	d.press("ctrl+c", "s")
	if !d.quit {
		t.Fatal("keeping the draft did not quit")
	}
	if len(store.stakeholders) != people || len(store.contacts) != contacts || store.callCount() != calls {
		t.Fatal("a half-filled person reached the workbook")
	}
	pid := d.app.person.flow.dossier.Proposal.ID
	kept, ok, _ := store.GetDraft(context.Background(), personDraftKey(pid, 0))
	if !ok || !strings.Contains(kept.Data, "Zoe Park") || !strings.Contains(kept.Title, "Zoe Park") {
		t.Fatalf("no draft kept for the new person: %+v", kept)
	}

	d2 := newDriver(t, store, 120, 40)
	d2.press("enter", "a")
	d2.mustSee("You left this unfinished", "adding Zoe Park")
	d2.press("enter")
	f := d2.app.person.flow
	if f.draft.Name != "Zoe Park" || f.draft.Title != "CFO" {
		t.Fatalf("resumed draft holds %+v", *f.draft)
	}
	if f.host.Form.GetFocusedField() != f.roleField {
		t.Fatal("the resumed form is not at the role, the first answer missing")
	}
	calls = store.callCount()
	d2.press("right", "right", "enter")                   // in the room
	d2.press("right", "right", "enter", "enter", "enter") // influence 2, votes, veto
	for range 5 {                                         // stance, target, spoiler, wants, fears
		d2.press("enter")
	}
	d2.mustSee("When to talk to Zoe Park")
	if got := store.calls[calls:]; len(got) != 1 || got[0] != "AddPerson" {
		t.Fatalf("adding the person made the writes %v, want one AddPerson", got)
	}
	s := store.stakeholders[len(store.stakeholders)-1]
	c := store.storedContact(t, s.ContactID)
	if c.Name != "Zoe Park" || c.Title != "CFO" || s.Role != model.RoleInRoom || s.Influence != 2 ||
		s.TargetStance != model.StanceUnknown || s.Plan.Moment != model.MomentUnset {
		t.Fatalf("added as %+v / %+v", c, s)
	}
	if _, ok, _ := store.GetDraft(context.Background(), personDraftKey(pid, 0)); ok {
		t.Fatal("the draft is still offered after the person was added")
	}
	// One action, one undo step: the contact goes with the stakeholder.
	d2.press("esc")
	if d2.app.ask != pendingNone {
		d2.press("d")
	}
	d2.press("u")
	if len(store.stakeholders) != people || len(store.contacts) != contacts {
		t.Fatal("one undo did not take back the person and their new contact")
	}
}

// Finding 5: discarding a resumed person drops the draft.
func TestDiscardingANewPersonDropsTheDraft(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	addSomeoneNew(t, d, "Zoe Park")
	d.press("esc", "s") // keep it
	pid := d.app.workspace.d.Proposal.ID
	if _, ok, _ := store.GetDraft(context.Background(), personDraftKey(pid, 0)); !ok {
		t.Fatal("esc and save did not keep a draft")
	}
	d.press("a", "enter") // resume, at the role
	d.press("right", "esc")
	if d.app.ask != pendingBack {
		t.Fatal("esc after a change did not ask")
	}
	d.press("d")
	if _, ok, _ := store.GetDraft(context.Background(), personDraftKey(pid, 0)); ok {
		t.Fatal("discarding kept the draft")
	}
	d.press("a")
	d.mustNotSee("You left this unfinished")
}

// Finding 8: changing someone already on the proposal edits the stored rows
// with a function (read and write in one transaction), never Get then Update,
// and the contact and the person's part change in one action.
func TestEditingAPersonUsesEdits(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	d.press("enter", "2", "e")
	if d.app.state() != screenPerson {
		t.Fatal("e did not open the person form")
	}
	dana := d.app.person.flow.base
	calls := store.callCount()
	d.press("enter")
	d.typ(" (acting)") // job title
	for range 13 {     // the rest of whom as it is
		d.press("enter")
	}
	got := store.calls[calls:]
	if len(got) != 1 || got[0] != "EditPerson" {
		t.Fatalf("editing made the writes %v, want one EditPerson (contact and part in one action)", got)
	}
	if c := store.storedContact(t, dana.ContactID); !strings.HasSuffix(c.Title, "(acting)") {
		t.Fatalf("title saved as %q", c.Title)
	}
	if s := store.storedStakeholder(t, dana.ID); s.Role != dana.Role || s.Influence != dana.Influence || s.Stance != dana.Stance {
		t.Fatal("editing the contact changed the person's part")
	}
}

// Finding 7: while a person is being written, keys go nowhere.
func TestKeysWhileAPersonSavesGoNowhere(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	addSomeoneNew(t, d, "Zoe Park")
	d.press("enter", "enter", "enter", "enter", "enter")
	d.press("right", "enter", "right", "enter", "enter", "enter")
	for range 4 {
		d.press("enter")
	}
	d.holdIf = func(m tea.Msg) bool { _, ok := m.(personSavedMsg); return ok }
	d.press("enter") // fears: the whom stage is done and written
	d.mustSee("Saving…")
	for _, k := range []string{"o", "b", "q", "c", "esc", "u"} {
		d.press(k)
		if d.quit || d.app.state() != screenPerson || d.app.ask != pendingNone {
			t.Fatalf("%s while saving reached the app (screen %d)", k, d.app.state())
		}
	}
	d.release()
	d.mustSee("When to talk to Zoe Park")
}

// Issue 14: the "Through whom?" list showed three rows with no sign there
// were more; a list that does not fit says how many it holds.
func TestLongPicksSayTheyHoldMore(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("down", "w", "tab", "enter", "enter", "enter", "enter")
	d.mustSee("Through whom? (", "↑/↓ for more)")
	d = newDriver(t, demoStore(t), 80, 24)
	d.press("enter", "2", "l")
	d.mustSee("Who did you talk to? (10, ↑/↓ for more)")
}
