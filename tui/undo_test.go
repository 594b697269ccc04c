package tui

import (
	"context"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
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
	if err := s.Import(context.Background(), model.DemoWorkbook(testToday)); err != nil {
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
	d.send(confirmMsg{question: "Delete it? 2 conversations go with it.", yes: func() tea.Msg { ran = true; return nil }})
	d.mustSee("Delete it? 2 conversations go with it.", "y yes", "n/esc no, keep it")
	d.press("q", "o", "c")
	if d.quit {
		t.Fatal("q quit while a question was open")
	}
	d.mustSee("Delete it?")
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
