package tui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// openBlindSpots opens the blind-spot screen from the dashboard.
func openBlindSpots(t *testing.T, store Store) *driver {
	t.Helper()
	d := newDriver(t, store, 100, 30)
	d.press("b")
	if d.app.state() != screenBlindSpots {
		t.Fatalf("b opened screen %d, want the blind spots", d.app.state())
	}
	return d
}

func TestBListsBlindSpotsOpenFirstAndFilters(t *testing.T) {
	store := demoStore(t)
	d := openBlindSpots(t, store)
	s := d.app.blindSpots
	if len(s.rows) != len(store.blindSpots) {
		t.Fatalf("%d blind spots listed, the workbook has %d", len(s.rows), len(store.blindSpots))
	}
	open := 0
	for _, b := range store.blindSpots {
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
	if len(s.rows) != len(store.blindSpots) {
		t.Fatal("s did not cycle back to every status")
	}
	d.press("g", "down")
	d.mustSee("still open", "you noted it yourself")
}

func TestMTogglesABlindSpotWithItsDate(t *testing.T) {
	ctx := context.Background()
	store := demoDB(t)
	d := openBlindSpots(t, store)
	s := d.app.blindSpots
	row := s.rows[0]
	if row.Status != model.BlindSpotOpen {
		t.Fatal("the first blind spot should be open")
	}
	d.press("m")
	got, err := store.GetBlindSpot(ctx, row.ID)
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
	if got, _ = store.GetBlindSpot(ctx, row.ID); got.Status != model.BlindSpotOpen || !got.AddressedOn.IsZero() {
		t.Fatalf("reopened as %s on %q", got.Status, got.AddressedOn)
	}
	d.mustSee("Reopened.")
}

func TestRSaysHowABlindSpotWasAddressed(t *testing.T) {
	store := demoStore(t)
	d := openBlindSpots(t, store)
	s := d.app.blindSpots
	row := s.rows[0]
	d.press("r")
	d.typ("Ran a listening session with the analytics team.")
	d.press("enter")
	if got := store.storedBlindSpot(t, row.ID).HowAddressed; got != "Ran a listening session with the analytics team." {
		t.Fatalf("how addressed stored as %q", got)
	}
	d.mustSee("Saved how it was addressed.", "Under way: Ran a listening session")
}

// e edits every field of a blind spot, its words included, in one
// read-modify-write store call; the status line says what changed.
func TestEEditsABlindSpotsTextAndStatus(t *testing.T) {
	store := demoStore(t)
	d := openBlindSpots(t, store)
	s := d.app.blindSpots
	row := s.rows[0]
	before := store.callCount()
	d.press("e")
	if !s.host.Active() || s.dirty() {
		t.Fatal("e did not open the edit form, or opening it alone counts as unsaved input")
	}
	// Empty words are refused, not saved.
	for range len([]rune(row.Text)) {
		d.press("backspace")
	}
	d.press("enter")
	if store.countWrites("EditBlindSpot", before) != 0 || !s.host.Active() {
		t.Fatal("a blind spot with no words was saved")
	}
	d.typ("Analytics depends on the nightly export.")
	d.press("enter", "right", "enter")
	d.typ("Checked with the board chair.")
	d.press("enter")
	got := store.storedBlindSpot(t, row.ID)
	if got.Text != "Analytics depends on the nightly export." || got.Status != model.BlindSpotAddressed ||
		got.HowAddressed != "Checked with the board chair." {
		t.Fatalf("stored %+v", got)
	}
	if store.countWrites("EditBlindSpot", before) != 1 || store.countWrites("UpdateBlindSpot", before) != 0 {
		t.Fatalf("the save was not one EditBlindSpot call: %v", store.calls[before:])
	}
	d.mustSee("Reworded. Marked addressed. Saved how it was addressed.")
}

// enter (or space) reads a blind spot in full: the list and the pane cut a
// long one, the full page shows every word; esc goes back to the list.
func TestEnterReadsABlindSpotInFull(t *testing.T) {
	store := demoStore(t)
	long := strings.Repeat("the nightly export feeds three teams ", 12) + "ENDOFTEXT"
	store.blindSpots[0].Text = long
	store.blindSpots[0].Status = model.BlindSpotOpen
	d := newDriver(t, store, 80, 24)
	d.press("b")
	s := d.app.blindSpots
	s.list.SelectID(store.blindSpots[0].ID)
	d.mustNotSee("ENDOFTEXT")
	d.press("space")
	if !s.full {
		t.Fatal("space did not open the blind spot in full")
	}
	d.mustSee("Blind spot · in full", "ENDOFTEXT")
	d.press("esc")
	if s.full || d.app.state() != screenBlindSpots {
		t.Fatal("esc did not go back to the list")
	}
	d.press("enter")
	d.mustSee("ENDOFTEXT")
}

// X deletes a blind spot after one question; u brings it back.
func TestXDeletesABlindSpotAndUUndoesIt(t *testing.T) {
	ctx := context.Background()
	store := demoDB(t)
	d := openBlindSpots(t, store)
	s := d.app.blindSpots
	row := s.rows[0]
	d.press("X")
	d.mustSee("Delete the blind spot “", "? u undoes it.")
	d.press("n")
	if _, err := store.GetBlindSpot(ctx, row.ID); err != nil {
		t.Fatal("n deleted the blind spot")
	}
	d.press("X", "y")
	if _, err := store.GetBlindSpot(ctx, row.ID); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("y did not delete the blind spot: %v", err)
	}
	for _, r := range s.rows {
		if r.ID == row.ID {
			t.Fatal("the deleted blind spot is still listed")
		}
	}
	d.mustSee("Deleted the blind spot; u undoes it.")
	d.press("u")
	d.mustSee("Undid: deleted the blind spot")
	if _, err := store.GetBlindSpot(ctx, row.ID); err != nil {
		t.Fatalf("u did not bring the blind spot back: %v", err)
	}
	found := false
	for _, r := range s.rows {
		found = found || r.ID == row.ID
	}
	if !found {
		t.Fatal("the blind spot undone is not listed again")
	}
}

func TestAddABlindSpotSurfacedByMe(t *testing.T) {
	store := demoStore(t)
	d := openBlindSpots(t, store)
	pid := d.app.blindSpots.rows[0].ProposalID
	before := store.callCount()
	d.press("a", "enter")
	d.typ("Am I sure the vendors will agree to a joint cut-over?")
	d.press("enter", "enter")
	if store.countWrites("AddBlindSpot", before) != 1 {
		t.Fatal("the blind spot was not added")
	}
	b := store.blindSpots[len(store.blindSpots)-1]
	if b.ProposalID != pid || b.SurfacedByID != 0 || b.Status != model.BlindSpotOpen {
		t.Fatalf("added %+v", b)
	}
	d.mustSee("Added the blind spot.")
}

func TestBFromObjectionsKeepsTheProposal(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 100, 30)
	d.press("enter", "o")
	pid := d.app.objections.scope
	d.press("b")
	if d.app.state() != screenBlindSpots || d.app.blindSpots.scope != pid {
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
