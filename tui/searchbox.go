package tui

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// searchBox is the one-line search typed after /, on the review and
// contacts screens: the text, and whether it is taking keys.
type searchBox struct {
	query string
	// searching is true while / is taking typed characters.
	searching bool
}

// searchKey edits the search while it takes keys. It reports whether the
// text changed, so the rows are filtered again as the user types. done ends
// the search and keeps the text; up and down also move the list, by move.
func (b *searchBox) searchKey(k tea.KeyPressMsg, done key.Binding, move func(tea.KeyPressMsg) bool) (changed bool) {
	switch {
	case k.Code == tea.KeyEscape:
		b.searching = false
		changed = b.query != ""
		b.query = ""
	case key.Matches(k, done):
		b.searching = false
		if k.Code == tea.KeyDown || k.Code == tea.KeyUp {
			move(k)
		}
	case k.Code == tea.KeyBackspace:
		if rs := []rune(b.query); len(rs) > 0 {
			b.query = string(rs[:len(rs)-1])
			changed = true
		}
	case k.String() == "ctrl+u":
		changed = b.query != ""
		b.query = ""
	case k.String() == "ctrl+w":
		trimmed := strings.TrimRightFunc(b.query, unicode.IsSpace)
		i := strings.LastIndexFunc(trimmed, unicode.IsSpace)
		b.query = trimmed[:i+1]
		changed = true
	case k.Text != "":
		b.query += oneLine(k.Text)
		changed = true
	}
	return changed
}

// pasteSearch adds pasted text to the search, on one line. It reports
// false when the search is not taking keys.
func (b *searchBox) pasteSearch(p tea.PasteMsg) bool {
	if !b.searching {
		return false
	}
	b.query += oneLine(p.Content)
	return true
}

// searchPart is the search field while typing, the kept search, or else
// "/ " and what the search does (placeholder).
func (b *searchBox) searchPart(st *Styles, placeholder string) string {
	switch {
	case b.searching:
		return st.Text.Bold(true).Render("/ ") + st.Text.Render(b.query) + st.Accent.Render("▏") +
			st.Muted.Render("  enter keeps · esc clears")
	case b.query != "":
		return filterPart(st, "/", "“"+b.query+"”", true)
	}
	return st.Text.Bold(true).Render("/") + st.Muted.Render(" "+placeholder)
}

// oneLine is typed or pasted text made safe for the one-line search field;
// unlike clean it keeps spaces as typed, so "ERP mig" can be searched.
// CleanBlock has already turned tabs and carriage returns into spaces.
func oneLine(s string) string {
	return strings.ReplaceAll(model.CleanBlock(s), "\n", " ")
}

// filterPart renders one "key value" part of a filter line; the value is
// accented when the filter is narrowing the list.
func filterPart(st *Styles, keyName, value string, active bool) string {
	v := st.Muted.Render(value)
	if active {
		v = st.Accent.Bold(true).Render(value)
	}
	return st.Text.Bold(true).Render(keyName) + " " + v
}
