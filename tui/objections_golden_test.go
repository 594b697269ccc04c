package tui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model/demo"
)

// demoDB is a real SQLite workbook in a temporary folder holding the demo,
// on a clock fixed at the test day, so history dates are reproducible.
func demoDB(t testing.TB) *db.Store {
	t.Helper()
	ctx := context.Background()
	store, err := db.OpenWithClock(ctx, filepath.Join(t.TempDir(), "workbook.db"), func() time.Time { return fakeNow })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if err := store.Import(ctx, demo.Workbook(testToday)); err != nil {
		t.Fatal(err)
	}
	return store
}

// realDemo is the demo on a real store, for scenarios that show history.
func realDemo(t testing.TB) Store { return demoDB(t) }

// reviewScenarios cover the objections and blind-spot screens. Run with
// -update to rewrite the golden files, then read them as a user would.
var reviewScenarios = []scenario{
	{"objections_all", realDemo, func(d *driver) { d.press("o") }},
	{"objections_second_row", realDemo, func(d *driver) { d.press("o", "down") }},
	{"objections_from_a_talk", realDemo, func(d *driver) { d.press("o", "down", "down") }},
	{"objections_open_major_or_blocker", realDemo, func(d *driver) { d.press("o", "s", "v", "v") }},
	{"objections_resolved", realDemo, func(d *driver) { d.press("o", "s", "s", "s", "s") }},
	{"objections_from_workspace", realDemo, func(d *driver) { d.press("enter", "o") }},
	{"objections_search", realDemo, func(d *driver) { d.press("o", "/"); d.typ("vendor") }},
	{"objections_no_match", realDemo, func(d *driver) { d.press("o", "/"); d.typ("zebra"); d.press("enter") }},
	{"objections_full", realDemo, func(d *driver) { d.press("o", "down", "down", "enter") }},
	{"objections_edit_form", realDemo, func(d *driver) { d.press("o", "e") }},
	{"objections_edit_form_standing", realDemo, func(d *driver) { d.press("o", "e", "enter", "enter") }},
	{"objections_delete_question", realDemo, func(d *driver) { d.press("o", "X") }},
	{"objections_respond_form", realDemo, func(d *driver) { d.press("o", "down", "r") }},
	{"objections_status_form", realDemo, func(d *driver) { d.press("o", "m") }},
	{"objections_voice_form", realDemo, func(d *driver) { d.press("o", "down", "i") }},
	{"objections_add_form", realDemo, func(d *driver) { d.press("o", "a") }},
	{"objections_filter_form", realDemo, func(d *driver) { d.press("o", "f") }},
	{"objections_keys", realDemo, func(d *driver) { d.press("o", "?") }},
	{"objections_empty", emptyStore, func(d *driver) { d.press("o") }},
	{"blindspots_all", realDemo, func(d *driver) { d.press("b") }},
	{"blindspots_addressed", realDemo, func(d *driver) { d.press("b", "s", "s") }},
	{"blindspots_from_workspace", realDemo, func(d *driver) { d.press("enter", "b") }},
	{"blindspots_full", realDemo, func(d *driver) { d.press("b", "enter") }},
	{"blindspots_edit_form", realDemo, func(d *driver) { d.press("b", "e") }},
	{"blindspots_edit_form_status", realDemo, func(d *driver) { d.press("b", "e", "enter") }},
	{"blindspots_delete_question", realDemo, func(d *driver) { d.press("b", "X") }},
	{"blindspots_add_form", realDemo, func(d *driver) { d.press("b", "a") }},
	{"blindspots_keys", realDemo, func(d *driver) { d.press("b", "?") }},
}

func TestGoldenReview(t *testing.T) { runGolden(t, reviewScenarios) }
