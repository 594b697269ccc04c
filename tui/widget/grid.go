package widget

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// shortText is the width within which a text column counts as short (a
// name, a place, a forum): short texts are completed before long ones grow.
const shortText = 24

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

// measure finds each column's natural width, the widest of its title and
// its cells. It runs when the rows change, never per frame; a cell whose
// byte length is no more than the widest so far cannot be wider (a cell is
// never wider than its bytes), so most cells cost a length check.
func (g *Grid) measure() {
	g.natural = make([]int, len(g.cols))
	for i, c := range g.cols {
		g.natural[i] = ansi.StringWidth(c.Title)
		if len(g.rows) == 0 {
			// An empty list keeps its declared shape above the empty
			// text, not a row of titles packed together.
			g.natural[i] = max(g.natural[i], c.Width, c.Min)
		}
	}
	for _, r := range g.rows {
		for i, s := range r.Cells {
			if i < len(g.natural) && len(s) > g.natural[i] {
				g.natural[i] = max(g.natural[i], cellWidth(s))
			}
		}
	}
}

// cellWidth is the cells s takes. Cells are cleaned (no control or escape
// left), so a text of Latin letters and common punctuation (·, —, “…”)
// takes one cell a character; anything else (combining marks, wide or
// zero-width characters, emoji) is measured by ansi, which segments
// graphemes and costs ten times more on the long lists this runs over.
func cellWidth(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xad || (r >= 0x300 && (r < 0x2010 || r > 0x2027)) {
			return ansi.StringWidth(s)
		}
		n++
	}
	return n
}

// floor is the least width column i is shown at: a fixed column's width, a
// text column's min, either narrower when nothing in it needs that much,
// and never narrower than its title, which would read "How address…".
func (g *Grid) floor(i int) int {
	c := g.cols[i]
	w := c.Min
	if c.Width > 0 {
		w = c.Width
	}
	return max(min(w, g.natural[i]), ansi.StringWidth(c.Title))
}

// layout decides which columns show and how wide each is, once per resize
// or new rows, never per frame. Columns are dropped by priority (highest
// number first, the rightmost of equals first) until the rest fit at their
// floor; a stand-in column joins when a column it summarises was dropped.
// The width left over goes to the text columns in priority order, each up
// to its longest cell. Within one priority the short texts (names, places:
// their longest cell within shortText) are made whole first; then each cell
// goes to the long text with the most still cut, so the longest text grows
// and no column is wider than its longest cell while another is cut. A
// column of lower priority keeps its floor, its declared min, until the
// more important ones are whole. What remains when everything fits pads
// the last column.
func (g *Grid) layout() {
	if len(g.natural) != len(g.cols) {
		g.measure()
	}
	g.shown = g.pick(nil)
	var standIns []int
	for i, c := range g.cols {
		if len(c.StandsIn) > 0 && !c.Hidden && g.dropsAny(c.StandsIn) {
			standIns = append(standIns, i)
		}
	}
	if len(standIns) > 0 {
		g.shown = g.pick(standIns)
	}
	g.widths = make([]int, len(g.shown))
	avail := g.width - max(len(g.shown)-1, 0)
	for j, i := range g.shown {
		g.widths[j] = g.floor(i)
		avail -= g.widths[j]
	}
	// The most important columns grow first. Within one priority, short
	// texts first: a name or a place reads whole before a long text
	// widens; then the long texts, one cell at a time to whichever has the
	// most still cut.
	for p := 0; avail > 0 && p <= g.maxPriority(); p++ {
		for j, i := range g.shown {
			if c := g.cols[i]; c.Width == 0 && c.Priority == p && g.natural[i] <= shortText {
				add := min(avail, g.natural[i]-g.widths[j])
				g.widths[j] += add
				avail -= add
			}
		}
		for avail > 0 {
			best, most := -1, 0
			for j, i := range g.shown {
				if g.cols[i].Width > 0 || g.cols[i].Priority != p {
					continue
				}
				if cut := g.natural[i] - g.widths[j]; cut > most {
					best, most = j, cut
				}
			}
			if best < 0 {
				break
			}
			g.widths[best]++
			avail--
		}
	}
	// Everything fits: the last column takes the rest, so the rows and
	// the selection span the width and the spare cells sit at the end.
	if avail > 0 && len(g.shown) > 0 {
		g.widths[len(g.widths)-1] += avail
	}
}

// maxPriority is the highest priority number any column declares.
func (g *Grid) maxPriority() int {
	n := 0
	for _, c := range g.cols {
		n = max(n, c.Priority)
	}
	return n
}

// pick returns the columns that fit the width at their floor, in order,
// with the given stand-ins among the candidates.
func (g *Grid) pick(standIns []int) []int {
	var cand []int
	for i, c := range g.cols {
		if c.Hidden || (len(c.StandsIn) > 0 && !slices.Contains(standIns, i)) || g.floor(i) == 0 {
			continue // a column with nothing to show takes no gap either
		}
		cand = append(cand, i)
	}
	need := func() int {
		n := max(len(cand)-1, 0)
		for _, i := range cand {
			n += g.floor(i)
		}
		return n
	}
	for need() > g.width {
		drop := -1
		for k, i := range cand {
			if p := g.cols[i].Priority; p > 0 && (drop < 0 || p >= g.cols[cand[drop]].Priority) {
				drop = k
			}
		}
		if drop < 0 {
			break // only essential columns left: they show, cut
		}
		cand = append(cand[:drop], cand[drop+1:]...)
	}
	return cand
}

// dropsAny reports whether any column with one of these titles is neither
// shown nor hidden by the screen: the width dropped it.
func (g *Grid) dropsAny(titles []string) bool {
	for i, c := range g.cols {
		if c.Hidden || !slices.Contains(titles, c.Title) {
			continue
		}
		if !slices.Contains(g.shown, i) {
			return true
		}
	}
	return false
}

// widest is the shown column (its index in shown) with the most cells.
func (g *Grid) widest() int {
	best := 0
	for j := range g.shown {
		if g.widths[j] > g.widths[best] {
			best = j
		}
	}
	return best
}

// Shows reports whether the column with this title is on screen at the
// current width.
func (g *Grid) Shows(title string) bool {
	for _, i := range g.shown {
		if g.cols[i].Title == title {
			return true
		}
	}
	return false
}

// SetHidden hides or shows column i whatever the width.
func (g *Grid) SetHidden(i int, hidden bool) {
	if g.cols[i].Hidden == hidden {
		return
	}
	g.cols[i].Hidden = hidden
	if g.width > 0 {
		g.layout()
		g.clamp()
	}
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
