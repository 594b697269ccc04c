package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/backchannel/backchannel/tui/widget"
)

// layout is the frame computed once per resize (and when a screen is
// pushed or popped, since the header names the screen): the header, the
// body and the footer, whose heights are measured from their rendering
// rather than assumed.
type layout struct {
	width  int
	height int
	bodyW  int
	bodyH  int
}

// relayout measures the header and the footer as they are drawn now and
// gives every screen the rest. The footer is measured with an empty status
// line: a status of several lines (a question about a removal) takes its
// extra lines from the bottom of the body when drawn, and the full key list
// replaces the body instead of growing the footer, so the body's size never
// depends on the status or on which keys are enabled.
func (a *App) relayout() {
	if a.width == 0 || a.height == 0 {
		return
	}
	a.help.SetWidth(a.width)
	cur, _ := a.current()
	header := lipgloss.Height(a.headerView(cur))
	footer := lipgloss.Height("\n" + a.helpView(cur))
	a.lay = layout{
		width:  a.width,
		height: a.height,
		bodyW:  a.width,
		bodyH:  max(a.height-header-footer, 1),
	}
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

// formHead is the heading over a form as drawn: its title wrapped to at
// most two lines, so a long name or proposal title is read rather than cut,
// and under it the context line (the stages, a hint; it may be empty),
// wrapped too. The screens draw a gap and the form under it and measure it
// (lipgloss.Height) to give the form what is left.
func formHead(st *Styles, width int, title, sub string) string {
	return styleLines(st.Title, widget.WrapText(title, width, 2)) + "\n" +
		strings.Join(widget.WrapLines([]string{sub}, width), "\n")
}

// styleLines renders each line in style and joins them: a wrapped text
// styled line by line, so no style spans a line break.
func styleLines(style lipgloss.Style, lines []string) string {
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n")
}
