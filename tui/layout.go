package tui

import (
	tea "charm.land/bubbletea/v2"
)

// layout is the frame computed once per resize: a header line, the body,
// a status line and a help line.
type layout struct {
	width  int
	height int
	bodyW  int
	bodyH  int
}

// Fixed frame heights. The footer is one status line and one help line; the
// full key list replaces the body instead of growing the footer, so the body
// size never depends on which keys are enabled.
const (
	headerLines = 2
	footerLines = 2
)

// relayout recomputes the frame and resizes every screen.
func (a *App) relayout() {
	if a.width == 0 || a.height == 0 {
		return
	}
	a.lay = layout{
		width:  a.width,
		height: a.height,
		bodyW:  a.width,
		bodyH:  max(a.height-headerLines-footerLines, 1),
	}
	a.help.SetWidth(a.width)
	for _, s := range a.screens() {
		s.SetSize(a.lay.bodyW, a.lay.bodyH)
	}
}

// rerender starts the work a new size needs beyond laying out: the
// workspace's brief is rendered by glamour for one width at a time, so a
// width it has not seen yet needs a rendering, or the Summary tab would say
// "Rendering…" until something else asked for one.
func (a *App) rerender() tea.Cmd {
	if a.workspace == nil {
		return nil
	}
	return a.workspace.briefCmd()
}
