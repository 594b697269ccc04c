package tui

// The contract between the router and its screens: what every screen does,
// and the abilities the router looks for on the screen on top.

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// screen is the contract every screen meets: a concrete type with Update
// (called by the router with its own type), View, SetSize and its keys.
type screen interface {
	View() string
	SetSize(w, h int)
	help.KeyMap
	// title is the breadcrumb shown in the header.
	title() string
	// setStyles swaps in restyled look after a background change.
	setStyles(st *Styles) tea.Cmd
}

// Optional screen abilities, checked by the router.
type (
	// capturer screens have a focused text field that takes q and ?.
	capturer interface{ capturing() bool }
	// escWanter screens use esc themselves (leaving a filter).
	escWanter interface{ wantsEsc() bool }
	// drafter screens hold typed input that must not be dropped silently.
	drafter interface {
		dirty() bool
		saveDraft() tea.Cmd
	}
	// draftDropper screens keep half-filled forms as drafts in the store;
	// "discard it" drops that draft too.
	draftDropper interface{ discardDraft() tea.Cmd }
	// backer screens handle esc internally before the router pops them.
	backer interface {
		back() (handled bool, cmd tea.Cmd)
	}
	// refresher screens reload their data when they come back into view.
	refresher interface{ refresh() tea.Cmd }
)
