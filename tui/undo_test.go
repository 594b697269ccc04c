package tui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// realStore opens a workbook file holding the demo: undo is the store's, so
// these tests run against the real thing.
func realStore(t *testing.T) *db.Store {
	t.Helper()
	s, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Import(context.Background(), demo.Workbook(testToday)); err != nil {
		t.Fatal(err)
	}
	return s
}

// u takes back the last change in the workbook, even one made by another
// process (the command line), says what in words, and shows the result; U
// puts it back.
func TestUndoRedoFromTheDashboard(t *testing.T) {
	ctx := context.Background()
	s := realStore(t)
	ps, err := s.ListProposals(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	title := ps[0].Title
	if _, err := s.EditProposal(ctx, ps[0].ID, func(p *model.Proposal) error { p.Title = "Renamed by the CLI"; return nil }); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, s, 100, 30)
	d.mustSee("Renamed by the CLI")
	d.press("u")
	d.mustSee("Undid: edited proposal Renamed by the CLI", title)
	d.mustNotSee("Renamed by the CLI •")
	d.press("U")
	d.mustSee("Redid: edited proposal Renamed by the CLI")
	d.press("u", "u")
	d.mustSee("Undid: loaded a workbook of 3 proposals")
	d.press("u")
	d.mustSee("There is nothing to undo.")
}

// A question on the status line holds every key until it is answered; n
// keeps everything.
func TestConfirmationHoldsKeys(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	ran := false
	// Longer than the 80-column status line: it wraps, and is read whole.
	d.send(confirmMsg{question: "Remove Dana Reyes from Consolidate onto one data warehouse? 3 conversations deleted with it; 1 objection kept, no longer linked to it.",
		yes: func() tea.Msg { ran = true; return nil }})
	d.mustSee("Remove Dana Reyes from", "3 conversations", "1 objection kept, no longer linked to it.", "y yes", "n/esc no, keep it")
	d.press("q", "o", "c")
	if d.quit {
		t.Fatal("q quit while a question was open")
	}
	d.mustSee("Remove Dana Reyes from")
	d.press("n")
	d.mustSee("Kept it: nothing was changed.")
	if ran {
		t.Error("n ran the action")
	}
	d.send(confirmMsg{question: "Delete it?", yes: func() tea.Msg { ran = true; return nil }})
	d.press("y")
	if !ran {
		t.Error("y did not run the action")
	}
}

// openFirstProposal opens the first proposal on the dashboard of d.
func openFirstProposal(d *driver) {
	d.t.Helper()
	d.press("enter")
	d.mustSee("1 Summary")
}

// A conversation logged with the wrong reading is put right on the Log tab,
// and the correction is one undo step.
func TestEditAConversation(t *testing.T) {
	ctx := context.Background()
	s := realStore(t)
	d := newDriver(t, s, 100, 30)
	openFirstProposal(d)
	d.press("4")
	row, ok := d.app.workspace.log.Selected()
	if !ok {
		t.Fatal("the Log tab has no conversation selected")
	}
	before, err := s.GetTouchpoint(ctx, row.ID)
	if err != nil {
		t.Fatal(err)
	}
	d.press("e")
	d.mustSee("Edit the conversation with", "How did it go?")
	// When, channel, kind: as they are. The reading: down to the hostile end.
	d.press("enter", "enter", "enter")
	for n := before.Sentiment; n > -2; n-- {
		d.press("down")
	}
	d.press("enter")
	d.press("enter", "enter", "enter") // said, not said, follow-up as they were
	d.mustSee("Saved the conversation with")
	after, err := s.GetTouchpoint(ctx, row.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Sentiment != -2 || after.Said != before.Said || after.Date != before.Date {
		t.Errorf("after the edit: sentiment %d (want −2), said %q, date %v", after.Sentiment, after.Said, after.Date)
	}
	d.press("u")
	d.mustSee("Undid: edited the conversation with")
	if got, _ := s.GetTouchpoint(ctx, row.ID); got.Sentiment != before.Sentiment {
		t.Errorf("undo left sentiment %d, want %d", got.Sentiment, before.Sentiment)
	}
}

// A conversation logged by mistake is deleted after one question that says
// what it touches; n keeps it, y deletes it, u brings it back.
func TestDeleteAConversation(t *testing.T) {
	ctx := context.Background()
	s := realStore(t)
	d := newDriver(t, s, 100, 30)
	openFirstProposal(d)
	d.press("4")
	row, _ := d.app.workspace.log.Selected()
	d.press("X")
	d.mustSee("Delete the conversation with", "y yes")
	d.press("n")
	if _, err := s.GetTouchpoint(ctx, row.ID); err != nil {
		t.Fatalf("n deleted the conversation: %v", err)
	}
	d.press("X", "y")
	d.mustSee("Deleted the conversation with")
	if _, err := s.GetTouchpoint(ctx, row.ID); err == nil {
		t.Fatal("y did not delete the conversation")
	}
	d.press("u")
	d.mustSee("Undid: deleted the conversation with")
	if _, err := s.GetTouchpoint(ctx, row.ID); err != nil {
		t.Errorf("undo did not bring the conversation back with its id: %v", err)
	}
}

// A person added to the wrong proposal comes off it, with their
// conversations there, after one question saying so.
func TestRemoveAPersonFromTheRoom(t *testing.T) {
	ctx := context.Background()
	s := realStore(t)
	d := newDriver(t, s, 100, 30)
	openFirstProposal(d)
	d.press("2")
	row, _ := d.app.workspace.room.Selected()
	imp, err := s.StakeholderImpact(ctx, row.ID)
	if err != nil {
		t.Fatal(err)
	}
	d.press("X")
	d.mustSee("Remove " + imp.What)
	if imp.Conversations > 0 {
		d.mustSee("deleted with it")
	}
	d.press("y")
	d.mustSee("Removed " + imp.What)
	if _, err := s.GetStakeholder(ctx, row.ID); err == nil {
		t.Fatal("the person is still on the proposal")
	}
	d.press("u")
	d.mustSee("Undid: removed")
	if _, err := s.GetStakeholder(ctx, row.ID); err != nil {
		t.Errorf("undo did not put the person back: %v", err)
	}
}

// Every detail of a proposal can be changed from its workspace (E): a typo
// in the title, the forum, the date; archiving hides it from the dashboard
// until archived ones are shown, and it can be brought back.
func TestEditAndArchiveAProposal(t *testing.T) {
	ctx := context.Background()
	s := realStore(t)
	d := newDriver(t, s, 100, 30)
	openFirstProposal(d)
	id := d.app.workspace.id
	d.press("E")
	d.mustSee("Title", "Forum", "Decision date")
	d.typ(" (v2)")
	d.press("enter", "enter", "enter", "enter") // title, forum, date, rule
	d.press("enter", "enter")                   // ask, kind
	p0, err := s.GetProposal(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for i := slices.Index(model.Statuses(), p0.Status); i < slices.Index(model.Statuses(), model.StatusArchived); i++ {
		d.press("right")
	}
	d.press("enter")
	d.mustSee("(v2)")
	p, err := s.GetProposal(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(p.Title, " (v2)") || p.Status != model.StatusArchived {
		t.Fatalf("after the edit: title %q, status %v", p.Title, p.Status)
	}
	d.press("esc")
	d.mustSee("2 proposals")
	d.mustNotSee("Consolidate onto one data warehouse")
	d.press("A")
	d.mustSee("3 proposals, archived ones included", "Consolidate onto one data warehouse")
	// Bring it back: open it, E, status back to prewiring.
	d.app.dashboard.list.SelectID(id)
	d.press("enter", "E", "enter", "enter", "enter", "enter", "enter", "enter")
	for i := slices.Index(model.Statuses(), model.StatusArchived); i > slices.Index(model.Statuses(), model.StatusPrewiring); i-- {
		d.press("left")
	}
	d.press("enter")
	d.mustSee("Saved")
	if p, _ := s.GetProposal(ctx, id); p.Status != model.StatusPrewiring {
		t.Errorf("after unarchiving: status %v", p.Status)
	}
}

// Text imported exactly (a JSON workbook keeps escape sequences as data)
// is shown cleaned in the form; opening and leaving the form is not an
// edit, and changing another field does not put the form's copy of that
// text in its place (the store tidies the record's text on any edit, as it
// tidies everything typed).
func TestEditKeepsTextTheFormCannotShow(t *testing.T) {
	ctx := context.Background()
	s, err := db.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	wb := demo.Workbook(testToday)
	raw := "Said \x1b[31mno\x1b[0m twice"
	last := len(wb.Touchpoints) - 1
	wb.Touchpoints[last].Said = raw
	if err := s.Import(ctx, wb); err != nil {
		t.Fatal(err)
	}
	id := wb.Touchpoints[last].ID
	d := newDriver(t, s, 100, 30)
	d.app.dashboard.list.SelectID(wb.Touchpoints[last].ProposalID)
	d.press("enter", "4")
	d.app.workspace.log.SelectID(id)
	d.press("e")
	d.mustSee("Edit the conversation with")
	d.press("esc")
	d.mustNotSee("unsaved input")
	d.mustSee("1 Summary")
	d.press("e", "enter", "enter", "enter", "up", "enter", "enter", "enter", "enter")
	d.mustSee("Saved the conversation with")
	got, err := s.GetTouchpoint(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if want := model.Normalize(raw, true); got.Said != want || got.Sentiment == wb.Touchpoints[last].Sentiment {
		t.Errorf("after changing only the reading: said %q (want %q), sentiment %d", got.Said, want, got.Sentiment)
	}
}

// While a large undo runs in chunks the status line says how far it has
// got; u then waits for it instead of joining it, and its result replaces
// the progress.
func TestLargeUndoShowsProgress(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	step := model.Change{Kind: model.ChangeUndo, Summary: "imported 200000 new contacts and filled in 0 known ones", Unfinished: true}
	d.send(reverseProgressMsg{step: step, done: 60000, total: 200000})
	d.mustSee("Undoing 30%: imported 200000 new contacts")
	d.press("u")
	d.mustSee("Wait until")
	d.mustNotSee("Undid:", "nothing to undo")
	step.Unfinished = false
	d.send(undoneMsg{change: step})
	d.mustSee("Undid: imported 200000 new contacts")
	d.press("u")
	d.mustNotSee("Wait until")
}

// A large undo cut short last time (the program quit or was killed midway)
// is said on the status line when the workbook opens, since the screens
// then show the step part undone; u finishes it.
func TestOpeningSaysAnUndoWasCutShort(t *testing.T) {
	ctx := context.Background()
	s := realStore(t)
	people := make([]model.Contact, 10001) // more than one transaction undoes
	for i := range people {
		people[i] = model.Contact{Name: fmt.Sprintf("Imported Person %d", i)}
	}
	if _, err := s.ImportContacts(ctx, people); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	s.OnReverseProgress(func(_ model.Change, done, _ int) {
		if done > 0 {
			cancel()
		}
	})
	if _, err := s.Undo(cctx); !errors.Is(err, db.ErrUnfinished) {
		t.Fatalf("undo cut short = %v", err)
	}
	s.OnReverseProgress(func(model.Change, int, int) {})
	d := newDriver(t, s, 80, 24)
	d.mustSee("Undoing: imported 10001 new contacts", "(unfinished),", "cut short; u finishes it.")
	d.press("u")
	d.mustSee("Undid: imported 10001 new contacts")
}
