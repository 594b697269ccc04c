package tui

import (
	"context"
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/backchannel/backchannel/internal/hostile"
)

// hostileStore is the demo workbook with every text field replaced by the
// hostile corpus in turn (escape families, C1 and C0 controls, bidi,
// zero-width, 10,000-character lines, wide and combining text, markdown,
// HTML, formulas), so every screen shows a spread of it.
func hostileStore(t testing.TB) Store {
	t.Helper()
	store := newFakeStore()
	if err := store.Import(context.Background(), hostile.Workbook(testToday)); err != nil {
		t.Fatal(err)
	}
	for _, p := range store.proposals {
		store.nextID = max(store.nextID, p.ID)
	}
	return store
}

// hostileScenarios bring the hostile workbook to every screen and tab, and
// to the full view of a row where the screen has one.
var hostileScenarios = []scenario{
	{"dashboard", hostileStore, func(d *driver) {}},
	{"workspace_summary", hostileStore, func(d *driver) { d.press("enter") }},
	{"workspace_summary_scrolled", hostileStore, func(d *driver) { d.press("enter", "pgdown") }},
	{"workspace_room", hostileStore, func(d *driver) { d.press("enter", "2") }},
	{"workspace_room_full", hostileStore, func(d *driver) { d.press("enter", "2", "enter") }},
	{"workspace_plan", hostileStore, func(d *driver) { d.press("enter", "3") }},
	{"workspace_plan_full", hostileStore, func(d *driver) { d.press("enter", "3", "enter") }},
	{"workspace_log", hostileStore, func(d *driver) { d.press("enter", "4") }},
	{"workspace_log_full", hostileStore, func(d *driver) { d.press("enter", "4", "enter") }},
	{"workspace_objections", hostileStore, func(d *driver) { d.press("enter", "5") }},
	{"workspace_blindspots", hostileStore, func(d *driver) { d.press("enter", "6") }},
	{"person_edit", hostileStore, func(d *driver) { d.press("enter", "2", "e") }},
	{"log_talk", hostileStore, func(d *driver) { d.press("enter", "2", "l") }},
	{"proposal_edit", hostileStore, func(d *driver) { d.press("enter", "E") }},
	{"debrief", hostileStore, func(d *driver) { d.press("enter", "D") }},
	// The first proposal has every step done: w resumes at the review.
	{"walk_review", hostileStore, func(d *driver) { d.press("w") }},
	{"walk_where", hostileStore, func(d *driver) { d.press("w", "shift+tab") }},
	{"walk_what", hostileStore, func(d *driver) { d.press("w", "shift+tab", "shift+tab") }},
	{"walk_whom", hostileStore, func(d *driver) { d.press("w", "shift+tab", "shift+tab", "shift+tab") }},
	{"walk_proposal", hostileStore, func(d *driver) { d.press("w", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab") }},
	{"objections", hostileStore, func(d *driver) { d.press("o") }},
	{"objections_full", hostileStore, func(d *driver) { d.press("o", "enter") }},
	{"blindspots", hostileStore, func(d *driver) { d.press("b") }},
	{"blindspots_full", hostileStore, func(d *driver) { d.press("b", "enter") }},
	{"contacts", hostileStore, func(d *driver) { d.press("c") }},
	{"contacts_detail", hostileStore, func(d *driver) { d.press("c", "enter") }},
	{"agenda", hostileStore, func(d *driver) { d.press("T") }},
	{"agenda_second_row", hostileStore, func(d *driver) { d.press("T", "down") }},
	{"search_results", hostileStore, func(d *driver) { d.press("/"); d.typ("line"); d.press("enter") }},
}

// Issue 14 item 5: a hostile-text golden for every screen, read by a
// person: nothing a terminal would act on gets through (checked on the raw
// frame), and what is left reads as text: escapes gone or shown as ␛,
// bidi and zero-width controls dropped, long words cut with "…" or wrapped,
// markdown shown as typed, never rendered. At 80×24, where cutting and
// wrapping are hardest, and at 120×40.
func TestGoldenHostile(t *testing.T) {
	for _, sc := range hostileScenarios {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				t.Parallel()
				d := newDriver(t, sc.store(t), size[0], size[1])
				sc.steps(d)
				if err := hostile.CheckTerminal(d.app.View().Content); err != nil {
					t.Errorf("the frame carries %v", err)
				}
				v := d.view()
				checkFrame(t, v, size[0], size[1])
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}
