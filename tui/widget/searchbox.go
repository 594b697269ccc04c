package widget

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/backchannel/backchannel/model"
)

// FilterStyles are the looks of a filter line: Text for a key and typed
// text, Accent for a value that narrows the list, Muted for the rest.
type FilterStyles struct {
	Text, Accent, Muted lipgloss.Style
}

// SearchBox is the one-line search typed after /, on the review and
// contacts screens: the text, and whether it is taking keys.
type SearchBox struct {
	Query string
	// Searching is true while / is taking typed characters.
	Searching bool
}

// SearchKey edits the search while it takes keys. It reports whether the
// text changed, so the rows are filtered again as the user types. done ends
// the search and keeps the text; up and down also move the list, by move.
func (b *SearchBox) SearchKey(k tea.KeyPressMsg, done key.Binding, move func(tea.KeyPressMsg) bool) (changed bool) {
	switch {
	case k.Code == tea.KeyEscape:
		b.Searching = false
		changed = b.Query != ""
		b.Query = ""
	case key.Matches(k, done):
		b.Searching = false
		if k.Code == tea.KeyDown || k.Code == tea.KeyUp {
			move(k)
		}
	case k.Code == tea.KeyBackspace:
		if rs := []rune(b.Query); len(rs) > 0 {
			b.Query = string(rs[:len(rs)-1])
			changed = true
		}
	case k.String() == "ctrl+u":
		changed = b.Query != ""
		b.Query = ""
	case k.String() == "ctrl+w":
		trimmed := strings.TrimRightFunc(b.Query, unicode.IsSpace)
		i := strings.LastIndexFunc(trimmed, unicode.IsSpace)
		b.Query = trimmed[:i+1]
		changed = true
	case k.Text != "":
		b.Query += oneLine(k.Text)
		changed = true
	}
	return changed
}

// PasteSearch adds pasted text to the search, on one line. It reports
// false when the search is not taking keys.
func (b *SearchBox) PasteSearch(p tea.PasteMsg) bool {
	if !b.Searching {
		return false
	}
	b.Query += oneLine(p.Content)
	return true
}

// SearchPart is the search field while typing, the kept search, or else
// "/ " and what the search does (placeholder).
func (b *SearchBox) SearchPart(st FilterStyles, placeholder string) string {
	switch {
	case b.Searching:
		return st.Text.Bold(true).Render("/ ") + st.Text.Render(b.Query) + st.Accent.Render("▏") +
			st.Muted.Render("  enter keeps · esc clears")
	case b.Query != "":
		return FilterPart(st, "/", "“"+b.Query+"”", true)
	}
	return st.Text.Bold(true).Render("/") + st.Muted.Render(" "+placeholder)
}

// oneLine is typed or pasted text made safe for the one-line search field;
// unlike clean it keeps spaces as typed, so "ERP mig" can be searched.
// CleanBlock has already turned tabs and carriage returns into spaces.
func oneLine(s string) string {
	return strings.ReplaceAll(model.CleanBlock(s), "\n", " ")
}

// FilterPart renders one "key value" part of a filter line; the value is
// accented when the filter is narrowing the list.
func FilterPart(st FilterStyles, keyName, value string, active bool) string {
	v := st.Muted.Render(value)
	if active {
		v = st.Accent.Bold(true).Render(value)
	}
	return st.Text.Bold(true).Render(keyName) + " " + v
}
