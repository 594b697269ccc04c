package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// scenario brings a fresh app to one screen.
type scenario struct {
	name  string
	store func(t testing.TB) Store
	steps func(d *driver)
}

// emptyStore is a workbook with nothing in it.
func emptyStore(testing.TB) Store { return newFakeStore() }

// demoBook is the demo workbook.
func demoBook(t testing.TB) Store { return demoStore(t) }

// scenarios cover every screen. Run with -update to rewrite the golden files,
// then read the diff as a user would.
var scenarios = []scenario{
	{"dashboard_empty", emptyStore, func(d *driver) {}},
	{"dashboard_demo", demoBook, func(d *driver) {}},
	{"workspace_summary", demoBook, func(d *driver) { d.press("enter") }},
	{"workspace_summary_scrolled", demoBook, func(d *driver) { d.press("enter", "pgdown") }},
	{"workspace_room", demoBook, func(d *driver) { d.press("enter", "2") }},
	{"workspace_room_whatif", demoBook, func(d *driver) { d.press("enter", "2", "f", "right", "right", "down", "right", "right") }},
	{"workspace_plan", demoBook, func(d *driver) { d.press("enter", "3") }},
	{"workspace_log", demoBook, func(d *driver) { d.press("enter", "4") }},
	{"workspace_objections", demoBook, func(d *driver) { d.press("enter", "5") }},
	{"workspace_blindspots", demoBook, func(d *driver) { d.press("enter", "6") }},
	{"workspace_keys", demoBook, func(d *driver) { d.press("enter", "2", "?") }},
	{"walk_proposal", emptyStore, func(d *driver) { d.press("n") }},
	{"walk_proposal_invalid_date", emptyStore, func(d *driver) {
		d.press("n")
		d.typ("Move standup to async")
		d.press("enter", "enter", "enter")
		d.typ("Eng leads")
		d.press("enter")
		d.typ("someday")
		d.press("enter")
	}},
	{"walk_when", emptyStore, func(d *driver) {
		d.press("n")
		d.typ("Move standup to async")
		d.press("enter", "enter", "enter")
		d.typ("Eng leads")
		d.press("enter")
		d.typ("+10d")
		d.press("enter", "enter")
	}},
	{"walk_whom_empty", emptyStore, func(d *driver) { walkToWhom(d) }},
	{"walk_whom_add", emptyStore, func(d *driver) { walkToWhom(d); d.press("a") }},
	// With nobody in the directory, a goes straight to the name.
	{"walk_whom_new_person", emptyStore, func(d *driver) { walkToWhom(d); d.press("a"); d.typ("Quinn Oboe") }},
	// The demo's second proposal has done the whom step: it resumes at what.
	{"walk_when_demo", demoBook, func(d *driver) { d.press("down", "w", "shift+tab", "shift+tab") }},
	{"walk_whom_demo", demoBook, func(d *driver) { d.press("down", "w", "shift+tab") }},
	{"walk_whom_edit", demoBook, func(d *driver) { d.press("down", "w", "shift+tab", "enter") }},
	{"walk_what", demoBook, func(d *driver) { d.press("down", "w") }},
	{"walk_what_form", demoBook, func(d *driver) { d.press("down", "w", "enter") }},
	{"walk_where", demoBook, func(d *driver) { d.press("down", "w", "tab") }},
	{"walk_where_form", demoBook, func(d *driver) { d.press("down", "w", "tab", "enter") }},
	{"walk_review", demoBook, func(d *driver) { d.press("w") }},
	{"person_add", demoBook, func(d *driver) { d.press("enter", "a") }},
	{"person_edit", demoBook, func(d *driver) { d.press("enter", "2", "e") }},
	{"log_talk", demoBook, func(d *driver) { d.press("enter", "2", "l") }},
	{"log_reading", demoBook, func(d *driver) { d.press("enter", "2", "l", "enter", "enter", "enter", "enter", "enter") }},
	{"log_subtext", demoBook, func(d *driver) {
		d.press("enter", "2", "l", "enter", "enter", "enter", "enter", "enter", "up", "enter")
		d.typ("Fine by me")
		d.press("enter")
	}},
	{"log_raised", demoBook, func(d *driver) {
		d.press("enter", "2", "l", "enter", "enter", "enter", "enter", "enter", "up", "enter")
		d.typ("Fine by me")
		d.press("enter", "enter", "enter")
	}},
	{"log_stance", demoBook, func(d *driver) {
		d.press("enter", "2", "l", "enter", "enter", "enter", "enter", "enter", "up", "enter")
		d.typ("Fine by me")
		d.press("enter", "enter", "enter", "enter", "enter", "enter")
	}},
	{"unsaved_quit_question", emptyStore, func(d *driver) {
		d.press("n")
		d.typ("Half a tho")
		d.press("ctrl+c")
	}},
}

// walkToWhom creates a proposal through the first two steps.
func walkToWhom(d *driver) {
	d.press("n")
	d.typ("Move standup to async")
	d.press("enter")
	d.typ("Replace the daily standup with a written check-in.")
	d.press("enter", "right", "enter")
	d.typ("Eng leads")
	d.press("enter")
	d.typ("+10d")
	d.press("enter", "enter", "enter")
}

func TestGolden(t *testing.T) { runGolden(t, scenarios) }

// runGolden brings a fresh app to each scenario's screen at 80×24, 100×30
// and 120×40, checks the frame fills the terminal exactly and compares it with
// testdata/<test>/<scenario>/<size>.golden, so each golden test names its
// own directory.
func runGolden(t *testing.T, scs []scenario) {
	t.Helper()
	for _, sc := range scs {
		for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				t.Parallel()
				d := newDriver(t, sc.store(t), size[0], size[1])
				sc.steps(d)
				v := d.view()
				checkFrame(t, v, size[0], size[1])
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

// checkFrame asserts the screen is exactly the terminal's size: no line too
// wide (it would wrap and push everything down) and no line too many.
func checkFrame(t *testing.T, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("screen has %d lines, the terminal %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide, the terminal %d: %q", i+1, n, w, l)
		}
	}
}
