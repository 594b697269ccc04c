package widget

// How a grid picks and sizes its columns: each column's natural width
// measured once per change of rows, then, for the width there is, the columns
// kept by priority and the width shared out (short texts first, then the
// long ones by priority).

import (
	"slices"

	"github.com/charmbracelet/x/ansi"
)

// shortText is the width within which a text column counts as short (a
// name, a place, a forum): short texts are completed before long ones grow.
const shortText = 24

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
