package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/backchannel/backchannel/tui/widget"
	"github.com/charmbracelet/x/ansi"
)

// The review screens' list cuts long text to a line and the detail pane to
// what fits under it. enter or space opens the selected row in full: every
// section of the pane, nothing cut, scrolled with the movement keys. The
// row's actions (edit, delete, status…) work from there too; esc goes back
// to the list.

// openFull shows the selected row in full; false when no row is selected.
func (r *reviewBase) openFull() bool {
	id := r.selectedID()
	if id == 0 {
		return false
	}
	r.full, r.fullID, r.fullOff = true, id, 0
	return true
}

// closeFullIfGone goes back to the list when the row read in full is no
// longer the selected one: deleted, undone, or filtered out by a reload.
func (r *reviewBase) closeFullIfGone() {
	if r.full && r.selectedID() != r.fullID {
		r.full = false
	}
}

// fullWindow is how many lines of the full page show at once: the body less
// the heading and its gap, and a line for the scroll hint when it scrolls.
func (r *reviewBase) fullWindow(lines int) int {
	h := max(r.height-r.fullTop, 1)
	if lines > h {
		h = max(h-1, 1)
	}
	return h
}

// scrollFull moves the full page with the movement keys; it reports whether
// k was one of them.
func (r *reviewBase) scrollFull(k tea.KeyPressMsg, lines int) bool {
	page := r.fullWindow(lines)
	switch {
	case key.Matches(k, r.keys.Up):
		r.fullOff--
	case key.Matches(k, r.keys.Down):
		r.fullOff++
	case key.Matches(k, r.keys.PageUp):
		r.fullOff -= page
	case key.Matches(k, r.keys.PageDown):
		r.fullOff += page
	case key.Matches(k, r.keys.Top):
		r.fullOff = 0
	case key.Matches(k, r.keys.Bottom):
		r.fullOff = lines
	default:
		return false
	}
	r.fullOff = max(min(r.fullOff, lines-page), 0)
	return true
}

// fullPage is the heading over the window of the row's lines, with where
// the window is when the page is longer than the screen.
func (r *reviewBase) fullPage(what string, lines []string) string {
	st := r.st
	win := r.fullWindow(len(lines))
	off := max(min(r.fullOff, len(lines)-win), 0)
	end := min(off+win, len(lines))
	out := r.fullHead(what) + strings.Join(lines[off:end], "\n")
	if len(lines) > win {
		hint := "lines " + itoa(off+1) + "–" + itoa(end) + " of " + itoa(len(lines)) + " · ↑/↓ scroll"
		out += "\n" + st.Muted.Render(ansi.Truncate(hint, r.width, "…"))
	}
	return out
}

// fullHead is the heading over a row in full, and a gap; the row starts
// on its last line.
func (r *reviewBase) fullHead(what string) string {
	head := r.st.Title.Render(what) + r.st.Muted.Render(" · in full · esc back to the list")
	return ansi.Truncate(head, r.width, "…") + "\n\n"
}

// flatten is every line of the sections, for the full page.
func flatten(secs []section) []string {
	var out []string
	for _, s := range secs {
		out = append(out, s.lines...)
	}
	return out
}

// limit is n lines in the detail pane and no limit in full.
func limit(n int, full bool) int {
	if full {
		return 0
	}
	return n
}

// oneLine is text in style: cut to the width in the pane, wrapped in full.
func (r *reviewBase) oneLine(style interface{ Render(...string) string }, text string, full bool) []string {
	if full {
		return styled(style, widget.WrapText(text, r.width, 0))
	}
	return []string{style.Render(ansi.Truncate(text, r.width, "…"))}
}

// metaLines is the proposal's title and readiness: one line in the pane,
// the whole title in full.
func (r *reviewBase) metaLines(proposalID int64, full bool) []string {
	if !full {
		return []string{r.metaLine(proposalID)}
	}
	text := r.proposalTitle(proposalID)
	if rd, ok := r.data.readiness[proposalID]; ok {
		text += " · readiness " + itoa(rd.Score) + "/100 · " + rd.Verdict.String()
	}
	return r.oneLine(r.st.Muted, text, true)
}

// scrollHelp labels the movement keys on a full page of lines that
// scrolls; disabled (so not shown) when the page fits.
func (r *reviewBase) scrollHelp(lines int) key.Binding {
	b := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll"))
	b.SetEnabled(lines > max(r.height-r.fullTop, 1))
	return b
}
