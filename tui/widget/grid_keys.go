package widget

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// MoveKeys are the list movement keys MoveKey applies.
type MoveKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// MoveKey applies one of the list movement keys (up, down, page, first,
// last) to g and reports whether k was one. Every screen with a grid moves
// through it the same way, so the keys cannot drift apart between screens.
func (g *Grid) MoveKey(km MoveKeys, k tea.KeyPressMsg) bool {
	switch {
	case key.Matches(k, km.Up):
		g.Move(-1)
	case key.Matches(k, km.Down):
		g.Move(1)
	case key.Matches(k, km.PageUp):
		g.Move(-g.Page())
	case key.Matches(k, km.PageDown):
		g.Move(g.Page())
	case key.Matches(k, km.Top):
		g.SetCursor(0)
	case key.Matches(k, km.Bottom):
		g.SetCursor(g.Len() - 1)
	default:
		return false
	}
	return true
}
