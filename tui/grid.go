package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// column describes one grid column. Fixed columns have a width; flexible ones
// share what is left by weight and never go below min. A column whose
// hideBelow exceeds the grid width is dropped, so narrow terminals keep the
// columns that matter.
type column struct {
	title     string
	width     int
	flex      int
	min       int
	right     bool
	hideBelow int
}

// gridRow is one row of already-cleaned cell text with its tone.
type gridRow struct {
	cells []string
	tone  tone
	// id is the entity the row stands for (a stakeholder, a proposal…).
	id int64
}

// grid is a windowed table: it renders only the rows on screen, so a list of
// thousands costs the same per frame as a list of ten. bubbles' table renders
// every cell the same way; the grid adds per-row tones (overdue, swing).
type grid struct {
	cols   []column
	shown  []int // indexes of visible columns
	widths []int // widths of visible columns
	rows   []gridRow
	cursor int
	offset int
	width  int
	height int // lines including the header
	empty  string
}

// newGrid returns a grid with the given columns and the text shown when empty.
func newGrid(cols []column, empty string) grid {
	return grid{cols: cols, empty: empty}
}

// SetSize lays the columns out for a new width and height.
func (g *grid) SetSize(w, h int) {
	g.width, g.height = max(w, 10), max(h, 2)
	g.layout()
	g.clamp()
}

// layout computes column widths once per resize, never per frame.
func (g *grid) layout() {
	g.shown = g.shown[:0]
	for i, c := range g.cols {
		if c.hideBelow > 0 && g.width < c.hideBelow {
			continue
		}
		g.shown = append(g.shown, i)
	}
	g.widths = make([]int, len(g.shown))
	avail := g.width - (len(g.shown) - 1)
	flexTotal := 0
	for j, i := range g.shown {
		c := g.cols[i]
		if c.flex == 0 {
			g.widths[j] = c.width
			avail -= c.width
		} else {
			g.widths[j] = c.min
			avail -= c.min
			flexTotal += c.flex
		}
	}
	if avail > 0 && flexTotal > 0 {
		left := avail
		last := -1
		for j, i := range g.shown {
			c := g.cols[i]
			if c.flex == 0 {
				continue
			}
			add := avail * c.flex / flexTotal
			g.widths[j] += add
			left -= add
			last = j
		}
		if last >= 0 {
			g.widths[last] += left
		}
	}
}

// Shows reports whether the column with this title is on screen at the
// current width.
func (g *grid) Shows(title string) bool {
	for _, i := range g.shown {
		if g.cols[i].title == title {
			return true
		}
	}
	return false
}

// SetRows replaces the rows, keeping the cursor on the same index if possible.
func (g *grid) SetRows(rows []gridRow) {
	g.rows = rows
	g.clamp()
}

// Len is the number of rows.
func (g *grid) Len() int { return len(g.rows) }

// Cursor is the selected row index.
func (g *grid) Cursor() int { return g.cursor }

// Selected returns the selected row, if any.
func (g *grid) Selected() (gridRow, bool) {
	if g.cursor < 0 || g.cursor >= len(g.rows) {
		return gridRow{}, false
	}
	return g.rows[g.cursor], true
}

// SelectID moves the cursor to the row with the given id, if present.
func (g *grid) SelectID(id int64) {
	for i, r := range g.rows {
		if r.id == id {
			g.cursor = i
			g.clamp()
			return
		}
	}
}

// SetCursor moves the cursor to row i.
func (g *grid) SetCursor(i int) {
	g.cursor = i
	g.clamp()
}

// Move shifts the cursor by n rows.
func (g *grid) Move(n int) {
	g.cursor += n
	g.clamp()
}

// Page is the number of rows visible at once.
func (g *grid) Page() int { return max(g.height-1, 1) }

// clamp keeps the cursor on a row and the window around the cursor.
func (g *grid) clamp() {
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

// View renders the header and the visible rows only.
func (g *grid) View(st *Styles) string {
	if len(g.widths) == 0 {
		g.layout()
	}
	var b strings.Builder
	cells := make([]string, len(g.shown))
	for j, i := range g.shown {
		cells[j] = fit(g.cols[i].title, g.widths[j], g.cols[i].right)
	}
	b.WriteString(st.GridHeader.Render(strings.Join(cells, " ")))
	if len(g.rows) == 0 {
		b.WriteByte('\n')
		b.WriteString(st.Muted.Render(ansi.Truncate(g.empty, g.width, "…")))
		return b.String()
	}
	end := min(g.offset+g.Page(), len(g.rows))
	for r := g.offset; r < end; r++ {
		row := g.rows[r]
		for j, i := range g.shown {
			text := ""
			if i < len(row.cells) {
				text = row.cells[i]
			}
			cells[j] = fit(text, g.widths[j], g.cols[i].right)
		}
		line := strings.Join(cells, " ")
		b.WriteByte('\n')
		if r == g.cursor {
			b.WriteString(st.GridSelected.Render(line))
		} else {
			b.WriteString(st.toneStyle(row.tone).Render(line))
		}
	}
	return b.String()
}

// scrollHint says where the window is in a long list ("12–30 of 2000").
func (g *grid) scrollHint() string {
	if len(g.rows) <= g.Page() {
		return ""
	}
	end := min(g.offset+g.Page(), len(g.rows))
	return itoa(g.offset+1) + "–" + itoa(end) + " of " + itoa(len(g.rows))
}

// fit truncates or pads s to exactly w cells.
func fit(s string, w int, right bool) string {
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
