package tui

import (
	"context"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// openBlindSpots opens the blind-spot screen from the dashboard.
func openBlindSpots(t *testing.T, st Store) *driver {
	t.Helper()
	d := newDriver(t, st, 100, 30)
	d.press("b")
	if d.app.state() != screenBlindSpots {
		t.Fatalf("b opened screen %d, want the blind spots", d.app.state())
	}
	return d
}

func TestBListsBlindSpotsOpenFirstAndFilters(t *testing.T) {
	st := demoStore(t)
	d := openBlindSpots(t, st)
	s := d.app.spots
	if len(s.rows) != len(st.blindSpots) {
		t.Fatalf("%d blind spots listed, the workbook has %d", len(s.rows), len(st.blindSpots))
	}
	open := 0
	for _, b := range st.blindSpots {
		if b.Status == model.BlindSpotOpen {
			open++
		}
	}
	for i, r := range s.rows {
		if (i < open) != (r.Status == model.BlindSpotOpen) {
			t.Fatalf("row %d is %s; the %d open ones should come first", i, r.Status, open)
		}
	}
	d.press("s")
	if len(s.rows) != open {
		t.Fatalf("the open filter shows %d, want %d", len(s.rows), open)
	}
	d.press("s")
	for _, r := range s.rows {
		if r.Status != model.BlindSpotAddressed {
			t.Fatalf("the addressed filter shows a %s one", r.Status)
		}
	}
	d.press("s")
	if len(s.rows) != len(st.blindSpots) {
		t.Fatal("s did not cycle back to every status")
	}
	d.press("g", "down")
	d.mustSee("still open", "you noted it yourself")
}

func TestMTogglesABlindSpotWithItsDate(t *testing.T) {
	ctx := context.Background()
	st := demoDB(t)
	d := openBlindSpots(t, st)
	s := d.app.spots
	row := s.rows[0]
	if row.Status != model.BlindSpotOpen {
		t.Fatal("the first blind spot should be open")
	}
	d.press("m")
	got, err := st.GetBlindSpot(ctx, row.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != model.BlindSpotAddressed || !got.AddressedOn.Equal(testToday) {
		t.Fatalf("stored as %s on %q, want addressed today", got.Status, got.AddressedOn)
	}
	d.mustSee("Marked addressed; press r to say how.", "open → addressed on 2026-11-21")
	if sel, ok := s.selectedRow(); !ok || sel.ID != row.ID {
		t.Fatal("the selection did not follow the blind spot")
	}
	d.press("m")
	if got, _ = st.GetBlindSpot(ctx, row.ID); got.Status != model.BlindSpotOpen || !got.AddressedOn.IsZero() {
		t.Fatalf("reopened as %s on %q", got.Status, got.AddressedOn)
	}
	d.mustSee("Reopened.")
}

func TestRSaysHowABlindSpotWasAddressed(t *testing.T) {
	st := demoStore(t)
	d := openBlindSpots(t, st)
	s := d.app.spots
	row := s.rows[0]
	d.press("r")
	d.typ("Ran a listening session with the analytics team.")
	d.press("enter")
	if got := st.storedBlindSpot(t, row.ID).HowAddressed; got != "Ran a listening session with the analytics team." {
		t.Fatalf("how addressed stored as %q", got)
	}
	d.mustSee("Saved how it was addressed.", "Under way: Ran a listening session")
}

func TestEnterOnAnOpenBlindSpotSuggestsAddressedButIsNotUnsaved(t *testing.T) {
	st := demoStore(t)
	d := openBlindSpots(t, st)
	s := d.app.spots
	row := s.rows[0]
	d.press("enter")
	if s.draft.Status != model.BlindSpotAddressed {
		t.Fatal("editing an open blind spot did not suggest addressed")
	}
	if s.dirty() {
		t.Fatal("the suggestion alone counts as unsaved input")
	}
	d.typ("Checked with the board chair.")
	d.press("enter", "enter")
	got := st.storedBlindSpot(t, row.ID)
	if got.Status != model.BlindSpotAddressed || got.HowAddressed != "Checked with the board chair." {
		t.Fatalf("stored %+v", got)
	}
}

func TestAddABlindSpotSurfacedByMe(t *testing.T) {
	st := demoStore(t)
	d := openBlindSpots(t, st)
	pid := d.app.spots.rows[0].ProposalID
	before := st.callCount()
	d.press("a", "enter")
	d.typ("Am I sure the vendors will agree to a joint cut-over?")
	d.press("enter", "enter")
	if st.countWrites("AddBlindSpot", before) != 1 {
		t.Fatal("the blind spot was not added")
	}
	b := st.blindSpots[len(st.blindSpots)-1]
	if b.ProposalID != pid || b.SurfacedByID != 0 || b.Status != model.BlindSpotOpen {
		t.Fatalf("added %+v", b)
	}
	d.mustSee("Added the blind spot.")
}

func TestBFromObjectionsKeepsTheProposal(t *testing.T) {
	st := demoStore(t)
	d := newDriver(t, st, 100, 30)
	d.press("enter", "o")
	pid := d.app.objs.scope
	d.press("b")
	if d.app.state() != screenBlindSpots || d.app.spots.scope != pid {
		t.Fatal("b from the objections of one proposal did not open that proposal's blind spots")
	}
	if len(d.app.stack) != 3 || d.app.stack[1] != screenWorkspace {
		t.Fatalf("stack is %v, want dashboard, workspace, blind spots", d.app.stack)
	}
	d.press("esc")
	if d.app.state() != screenWorkspace {
		t.Fatal("esc from the blind spots did not return to the workspace")
	}
}
