package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// debug writes one line per message to the debug log: its type, the screen
// on top, and for errors the sentence shown. Key presses are logged by key
// name only: what a person types in a field may be sensitive, so printable
// keys are logged as "rune".
func (a *App) debug(msg tea.Msg) {
	screen := a.state()
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		k := m.String()
		if m.Text != "" && len([]rune(k)) == 1 {
			k = "rune"
		}
		a.opts.Debug("screen=%d key=%s", screen, k)
	case errMsg:
		a.opts.Debug("screen=%d error: %s", screen, humanError(m.err))
	case undoneMsg:
		a.opts.Debug("screen=%d undo/redo: %q err=%v", screen, m.change.Sentence(), m.err)
	default:
		a.opts.Debug("screen=%d msg=%s", screen, fmt.Sprintf("%T", msg))
	}
}
