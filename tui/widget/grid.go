package widget

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Column declares one grid column. A screen says what each column needs and
// how much it matters; the grid decides from the width which columns show
// and how wide each is (see layout), so no screen hard-codes a breakpoint.
type Column struct {
	Title string
	// Width makes a fixed column: short known cells (dates, states,
	// scores) shown at exactly this width, or narrower when no cell and
	// not the title need all of it.
	Width int
	// Min is a text column's least readable width (width 0); a text
	// column grows towards its longest cell when there is room.
	Min   int
	Right bool
	// Priority says what goes first when the width runs out: 0 always
	// stays, and among the rest the highest number is dropped first.
	Priority int
	// Hidden drops the column whatever the width (a list scoped to one
	// proposal has no use for its Proposal column).
	Hidden bool
	// Sorted marks the column the rows are ordered by, so the header can
	// say so when the column itself does not fit.
	Sorted bool
	// StandsIn names columns this one summarises: it shows only when one
	// of them has been dropped ("Needs" for voice and response).
	StandsIn []string
	// Shorten fits a too-long cell into w cells its own way ("a +2")
	// instead of the plain cut with "…".
	Shorten func(s string, w int) string
}

// Row is one row of already-cleaned cell text with its tone.
type Row struct {
	Cells []string
	Tone  Tone
	// ID is the entity the row stands for (a stakeholder, a proposal…).
	ID int64
}

// Grid is a windowed table: it renders only the rows on screen, so a list of
// thousands costs the same per frame as a list of ten. bubbles' table renders
// every cell the same way and has fixed column widths; the grid adds per-row
// tones (overdue, swing), columns chosen by priority and sized by their text,
// and a "+N more" line when the list scrolls.
type Grid struct {
	cols    []Column
	natural []int // per column: the widest of its title and cells
	shown   []int // indexes of visible columns
	widths  []int // widths of visible columns
	rows    []Row
	cursor  int
	offset  int
	width   int
	height  int // lines including the header (and the "+N more" line)
	empty   string
}

// NewGrid returns a grid with the given columns and the text shown when empty.
func NewGrid(cols []Column, empty string) Grid {
	g := Grid{cols: cols, empty: empty}
	g.measure()
	return g
}

// SetSize lays the columns out for a new width and height.
func (g *Grid) SetSize(w, h int) {
	g.width, g.height = max(w, 10), max(h, 2)
	g.layout()
	g.clamp()
}

// SetRows replaces the rows, keeping the cursor on the same index if
// possible, and sizes the columns for their new text.
func (g *Grid) SetRows(rows []Row) {
	g.rows = rows
	g.measure()
	if g.width > 0 {
		g.layout()
	}
	g.clamp()
}

// Rows are the rows as last set, in order; the caller must not change them.
func (g *Grid) Rows() []Row { return g.rows }

// Len is the number of rows.
func (g *Grid) Len() int { return len(g.rows) }

// Cursor is the selected row index.
func (g *Grid) Cursor() int { return g.cursor }

// Selected returns the selected row, if any.
func (g *Grid) Selected() (Row, bool) {
	if g.cursor < 0 || g.cursor >= len(g.rows) {
		return Row{}, false
	}
	return g.rows[g.cursor], true
}

// SelectID moves the cursor to the row with the given id, if present.
func (g *Grid) SelectID(id int64) {
	for i, r := range g.rows {
		if r.ID == id {
			g.cursor = i
			g.clamp()
			return
		}
	}
}

// SetCursor moves the cursor to row i.
func (g *Grid) SetCursor(i int) {
	g.cursor = i
	g.clamp()
}

// Move shifts the cursor by n rows.
func (g *Grid) Move(n int) {
	g.cursor += n
	g.clamp()
}

// scrolls reports whether the rows are more than the lines under the
// header, so one line goes to saying how many more there are.
func (g *Grid) scrolls() bool { return len(g.rows) > max(g.height-1, 1) }

// Page is the number of rows visible at once.
func (g *Grid) Page() int {
	if g.scrolls() {
		return max(g.height-2, 1)
	}
	return max(g.height-1, 1)
}

// clamp keeps the cursor on a row and the window around the cursor.
func (g *Grid) clamp() {
	if g.cursor >= len(g.rows) {
		g.cursor = len(g.rows) - 1
	}
	if g.cursor < 0 {
		g.cursor = 0
	}
	page := g.Page()
	if g.cursor < g.offset {
		g.offset = g.cursor
	}
	if g.cursor >= g.offset+page {
		g.offset = g.cursor - page + 1
	}
	if maxOff := max(len(g.rows)-page, 0); g.offset > maxOff {
		g.offset = maxOff
	}
	if g.offset < 0 {
		g.offset = 0
	}
}

// GridStyles are the looks of a grid: its header line, the selected row,
// the empty note and the "+N more" line, and a row's tone.
type GridStyles struct {
	Header, Selected, Muted lipgloss.Style
	Tone                    func(Tone) lipgloss.Style
}

// View renders the header, the visible rows only, and when the list
// scrolls a line saying how many rows are out of sight.
func (g *Grid) View(st GridStyles) string {
	if len(g.widths) == 0 {
		g.layout()
	}
	var b strings.Builder
	b.WriteString(st.Header.Render(g.header()))
	if len(g.rows) == 0 {
		b.WriteByte('\n')
		b.WriteString(st.Muted.Render(ansi.Truncate(g.empty, g.width, "…")))
		return b.String()
	}
	cells := make([]string, len(g.shown))
	end := min(g.offset+g.Page(), len(g.rows))
	for r := g.offset; r < end; r++ {
		row := g.rows[r]
		for j, i := range g.shown {
			text := ""
			if i < len(row.Cells) {
				text = row.Cells[i]
			}
			if sh := g.cols[i].Shorten; sh != nil && ansi.StringWidth(text) > g.widths[j] {
				text = sh(text, g.widths[j])
			}
			cells[j] = Fit(text, g.widths[j], g.cols[i].Right)
		}
		line := strings.Join(cells, " ")
		b.WriteByte('\n')
		if r == g.cursor {
			b.WriteString(st.Selected.Render(line))
		} else {
			b.WriteString(st.Tone(row.Tone).Render(line))
		}
	}
	if h := g.moreHint(); h != "" {
		b.WriteByte('\n')
		b.WriteString(st.Muted.Render(ansi.Truncate(h, g.width, "…")))
	}
	return b.String()
}

// header is the column titles. When the rows are ordered by a column the
// width dropped, the widest text column's title says by what, or the order
// would look random ("What (by latest safe)"). The note goes in the widest
// column's title, which has the most room for it.
func (g *Grid) header() string {
	cells := make([]string, len(g.shown))
	for j, i := range g.shown {
		cells[j] = g.cols[i].Title
	}
	if by := g.hiddenSort(); by != "" && len(g.shown) > 0 {
		j := g.widest()
		note := "by " + strings.ToLower(by)
		if cells[j] == "" {
			cells[j] = "(" + note + ")"
		} else {
			cells[j] += " (" + note + ")"
		}
	}
	for j, i := range g.shown {
		cells[j] = Fit(cells[j], g.widths[j], g.cols[i].Right)
	}
	return strings.Join(cells, " ")
}

// hiddenSort is the title of the column the rows are ordered by when the
// width dropped it, or "".
func (g *Grid) hiddenSort() string {
	for i, c := range g.cols {
		if c.Sorted && !c.Hidden && !slices.Contains(g.shown, i) {
			return c.Title
		}
	}
	return ""
}

// moreHint says how many rows are out of sight when the list scrolls:
// "+12 more ↓ · 1–18 of 30", or "12 above ↑ · 13–30 of 30" at the end.
func (g *Grid) moreHint() string {
	if !g.scrolls() {
		return ""
	}
	end := min(g.offset+g.Page(), len(g.rows))
	where := strconv.Itoa(g.offset+1) + "–" + strconv.Itoa(end) + " of " + strconv.Itoa(len(g.rows))
	if below := len(g.rows) - end; below > 0 {
		return "+" + strconv.Itoa(below) + " more ↓ · " + where
	}
	return strconv.Itoa(g.offset) + " above ↑ · " + where
}

// Fit truncates or pads s to exactly w cells.
func Fit(s string, w int, right bool) string {
	if w <= 0 {
		return ""
	}
	n := ansi.StringWidth(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = ansi.StringWidth(s)
	}
	pad := strings.Repeat(" ", w-n)
	if right {
		return pad + s
	}
	return s + pad
}
