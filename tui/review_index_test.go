package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// The review screens order and clean their rows once per load, not per key
// typed; these hold the list to what a fresh filter over the workbook gives.

// A search typed on a later day than the list was loaded on shows the rows
// aged on that day: the rows made once are remade when the day moves.
func TestReviewSearchAgesRowsOnTheDayItIsTyped(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	d.press("o")
	s := d.app.objections
	first := s.rows[0]
	if first.RaisedOn.IsZero() {
		t.Fatal("the first objection has no date to age")
	}
	later := testToday.AddDays(30)
	d.app.b.today = func() model.Date { return later }
	d.press("/")
	d.typ("e")
	for _, r := range s.rows {
		if r.ID == first.ID && r.AgeDays != first.AgeDays+30 {
			t.Fatalf("a month on, the objection is %d days old, want %d", r.AgeDays, first.AgeDays+30)
		}
	}
	want := model.ObjectionRows(store.objections, s.data.dir, model.ObjectionFilter{Text: "e"}, later)
	if got := rowIDs(s.rows); !slices.Equal(got, rowIDs(want)) {
		t.Fatalf("the search lists %v, a fresh filter on the day %v", got, rowIDs(want))
	}
}

// Each letter typed and taken back lists what ObjectionRows gives for the
// query so far, in its order, with the grid in step.
func TestReviewSearchEachLetterListsWhatAFreshFilterGives(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	d.press("o", "s") // open or addressing
	s := d.app.objections
	check := func(q string) {
		t.Helper()
		want := model.ObjectionRows(store.objections, s.data.dir, model.ObjectionFilter{Text: q,
			Statuses: []model.ObjectionStatus{model.ObjectionOpen, model.ObjectionAddressing}}, testToday)
		if got := rowIDs(s.rows); !slices.Equal(got, rowIDs(want)) {
			t.Fatalf("searching %q lists %v, want %v", q, got, rowIDs(want))
		}
		if s.list.Len() != len(s.rows) {
			t.Fatalf("searching %q: the grid has %d rows for %d objections", q, s.list.Len(), len(s.rows))
		}
		for i, r := range s.list.Rows() {
			if r.ID != s.rows[i].ID {
				t.Fatalf("searching %q: grid row %d is %d, the list says %d", q, i, r.ID, s.rows[i].ID)
			}
		}
	}
	d.press("/")
	narrowed := false
	q := ""
	for _, r := range "the mig" {
		d.typ(string(r))
		q += string(r)
		check(q)
		narrowed = narrowed || (len(s.rows) > 0 && len(s.rows) < len(store.objections))
	}
	for range 3 {
		d.press("backspace")
		q = q[:len(q)-1]
		check(q)
	}
	if !narrowed {
		t.Fatal("no letter narrowed the list: the test proves nothing")
	}
}

// The row selected stays selected while the letters typed keep it listed,
// narrowing and widening, wherever it moves in the list.
func TestReviewSearchKeepsTheSelectedRow(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	d.press("o")
	s := d.app.objections
	// The last row that mentions "the": the letters move it up the list.
	var pick model.ObjectionRow
	for _, r := range s.rows {
		if containsFoldTest(r.Text, "the") || containsFoldTest(r.Response, "the") {
			pick = r
		}
	}
	if pick.ID == 0 {
		t.Fatal("no objection mentions “the”")
	}
	s.list.SelectID(pick.ID)
	d.press("/")
	moved := false
	for _, q := range []string{"t", "h", "e", "backspace", "backspace"} {
		if q == "backspace" {
			d.press(q)
		} else {
			d.typ(q)
		}
		sel, ok := s.selectedRow()
		if !ok || sel.ID != pick.ID {
			t.Fatalf("after %q (search %q) the selection is %d, want %d", q, s.Query, sel.ID, pick.ID)
		}
		moved = moved || s.list.Cursor() != len(s.rows)-1 || len(s.rows) != len(store.objections)
	}
	if !moved {
		t.Fatal("the search never moved the row: the test proves nothing")
	}
}

func containsFoldTest(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
