package widget

import (
	"strconv"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// gridLines renders g without styles and splits it into lines.
func gridLines(g *Grid) []string {
	plain := func(Tone) lipgloss.Style { return lipgloss.NewStyle() }
	return strings.Split(ansi.Strip(g.View(GridStyles{Tone: plain})), "\n")
}

// roomLike is a Room-shaped grid: short names, a long next step, and two
// columns that may go.
func roomLike() Grid {
	g := NewGrid([]Column{
		{Title: "Person", Min: 16},
		{Title: "Role", Width: 11},
		{Title: "Infl", Width: 4, Right: true, Priority: 1},
		{Title: "Spoken", Width: 7, Priority: 2},
		{Title: "Next step", Min: 20},
	}, "nobody")
	g.SetRows([]Row{
		{ID: 1, Cells: []string{"Dana Reyes", "decides", "5", "5d ago", "Wed 25 Nov · ask: Walk her through the three-year cost model before the exec sync"}},
		{ID: 2, Cells: []string{"Marcus Oyelaran", "in the room", "4", "7d ago", "Mon 23 Nov · ask: Ask him to answer the staffing objection in the room"}},
	})
	return g
}

// Issue 14: at 200 columns Person grew to 67 cells while Next step was
// still cut. The width left goes to the longest text; a short column is
// never wider than its longest cell while another is cut.
func TestGridGivesTheWidthToTheLongestText(t *testing.T) {
	g := roomLike()
	g.SetSize(200, 10)
	lines := gridLines(&g)
	if !strings.Contains(lines[1], "before the exec sync") {
		t.Errorf("at 200 columns the next step is still cut: %q", lines[1])
	}
	if w := g.widths[0]; w != len("Marcus Oyelaran") {
		t.Errorf("Person is %d cells wide at 200 columns, its longest name %d", w, len("Marcus Oyelaran"))
	}
	g.SetSize(80, 10)
	if w := g.widths[0]; w != len("Marcus Oyelaran") {
		t.Errorf("Person is %d cells wide at 80 columns, its longest name %d", w, len("Marcus Oyelaran"))
	}
	for _, l := range gridLines(&g) {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("line wider than 80 columns: %q", l)
		}
	}
}

// Issue 14 item 3: columns are chosen from the width by their declared
// priority: the highest number goes first, priority 0 never.
func TestGridDropsColumnsByPriority(t *testing.T) {
	for _, tc := range []struct {
		width int
		shows []string
		drops []string
	}{
		{80, []string{"Person", "Role", "Infl", "Spoken", "Next step"}, nil},
		{60, []string{"Person", "Role", "Infl", "Spoken", "Next step"}, nil},
		{59, []string{"Person", "Role", "Infl", "Next step"}, []string{"Spoken"}},
		{52, []string{"Person", "Role", "Next step"}, []string{"Spoken", "Infl"}},
		{30, []string{"Person", "Role", "Next step"}, []string{"Spoken", "Infl"}},
	} {
		g := roomLike()
		g.SetSize(tc.width, 10)
		for _, c := range tc.shows {
			if !g.Shows(c) {
				t.Errorf("at %d columns %q is not shown", tc.width, c)
			}
		}
		for _, c := range tc.drops {
			if g.Shows(c) {
				t.Errorf("at %d columns %q is shown", tc.width, c)
			}
		}
	}
}

// Issue 14: the Plan at 80 columns hid "Latest safe" but stayed sorted by
// it. A list ordered by a column the width dropped says so in its header.
func TestGridHeaderSaysTheOrderWhenItsColumnIsDropped(t *testing.T) {
	g := NewGrid([]Column{
		{Title: "Person", Min: 12},
		{Title: "Latest safe", Width: 11, Priority: 1, Sorted: true},
		{Title: "What", Min: 20},
	}, "")
	g.SetRows([]Row{{ID: 1, Cells: []string{"Omar Haddad", "Fri 27 Nov", "ask: Ask him to pressure-test the savings model"}}})
	g.SetSize(120, 5)
	if h := gridLines(&g)[0]; strings.Contains(h, "by latest safe") || !strings.Contains(h, "Latest safe") {
		t.Errorf("with its column shown the header reads %q", h)
	}
	g.SetSize(40, 5)
	if g.Shows("Latest safe") {
		t.Fatal("at 40 columns the test expects Latest safe dropped")
	}
	if h := gridLines(&g)[0]; !strings.Contains(h, "What (by latest safe)") {
		t.Errorf("with its column dropped the header reads %q", h)
	}
}

// Issue 14 item 3: a list that scrolls says how many rows are out of sight.
func TestGridSaysHowManyMoreRows(t *testing.T) {
	g := NewGrid([]Column{{Title: "Name", Min: 10}}, "")
	rows := make([]Row, 30)
	for i := range rows {
		rows[i] = Row{ID: int64(i + 1), Cells: []string{"person " + strconv.Itoa(i+1)}}
	}
	g.SetRows(rows)
	g.SetSize(40, 10)
	lines := gridLines(&g)
	if len(lines) != 10 {
		t.Fatalf("the grid drew %d lines in a height of 10", len(lines))
	}
	if last := lines[9]; !strings.Contains(last, "+22 more") || !strings.Contains(last, "1–8 of 30") {
		t.Errorf("the last line reads %q, want +22 more and 1–8 of 30", last)
	}
	g.SetCursor(29)
	lines = gridLines(&g)
	if !strings.Contains(lines[8], "person 30") {
		t.Errorf("the last row is not on screen with the cursor on it: %q", lines[8])
	}
	if last := lines[9]; !strings.Contains(last, "22 above") || !strings.Contains(last, "23–30 of 30") {
		t.Errorf("at the end the last line reads %q", last)
	}

	g.SetRows(rows[:9])
	if lines := gridLines(&g); len(lines) != 10 || strings.Contains(strings.Join(lines, "\n"), "more") {
		t.Errorf("nine rows in a height of ten should show whole without a hint:\n%s", strings.Join(lines, "\n"))
	}
}

// A column that summarises others shows only when one of them was dropped.
func TestGridStandInShowsOnlyForDroppedColumns(t *testing.T) {
	g := NewGrid([]Column{
		{Title: "Objection", Min: 30},
		{Title: "Voice in room", Min: 14, Priority: 2},
		{Title: "Our response", Min: 20, Priority: 3},
		{Title: "Needs", Width: 12, Priority: 1, StandsIn: []string{"Voice in room", "Our response"}},
	}, "")
	g.SetRows([]Row{{ID: 1, Cells: []string{"Analytics dashboards will break during the cut-over.", "nobody yet", "—", "voice, reply"}}})
	g.SetSize(120, 5)
	if g.Shows("Needs") || !g.Shows("Our response") {
		t.Errorf("at 120 columns: Needs %v, Our response %v", g.Shows("Needs"), g.Shows("Our response"))
	}
	g.SetSize(50, 5)
	if !g.Shows("Needs") || g.Shows("Our response") {
		t.Errorf("at 50 columns: Needs %v, Our response %v", g.Shows("Needs"), g.Shows("Our response"))
	}
}

// cellWidth's shortcut agrees with ansi on the texts it takes and hands
// everything else to ansi.
func TestCellWidthAgreesWithAnsi(t *testing.T) {
	for _, s := range []string{"", "Dana Reyes", "Chief · Finance", "José Núñez", "said≠did, ask-only", "—", "“quoted” …",
		"e\u0301", "東京", "👩‍👩‍👧", "a\u200bb", "Ω", "\u00ad", "ﬁ", "\u2028", "\u200d", "\x7f"} {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, ansi says %d", s, got, want)
		}
	}
}

// Issue 14 (read in tmux at 80×24): the Blind spots tab's header read
// "How address…": a column is never narrower than its title.
func TestGridNeverCutsATitle(t *testing.T) {
	g := NewGrid([]Column{
		{Title: "Blind spot", Min: 30},
		{Title: "How addressed", Min: 8, Priority: 1},
	}, "")
	g.SetRows([]Row{{ID: 1, Cells: []string{strings.Repeat("long text ", 10), "Job inventory built; owners assigned"}}})
	for _, w := range []int{40, 45, 60, 80} {
		g.SetSize(w, 5)
		if h := gridLines(&g)[0]; g.Shows("How addressed") && !strings.Contains(h, "How addressed") {
			t.Errorf("at %d columns the header reads %q", w, h)
		}
	}
}
