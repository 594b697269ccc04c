package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/backchannel/backchannel/tui/widget"
	"github.com/charmbracelet/x/ansi"
)

// View draws the frame around the active screen. It only reads state: no
// store access, no rendering of markdown.
func (a *App) View() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	v.WindowTitle = "backchannel"
	if a.width == 0 || a.height == 0 {
		v.SetContent("Opening the workbook…")
		return v
	}
	cur, _ := a.current()
	var body string
	if a.showKeys {
		body = a.keysView(cur)
	} else {
		body = cur.View()
	}
	// A status that does not fit one line (a question saying what goes
	// with a removal) takes up to three, from the bottom of the body: it
	// must be read whole before it is answered.
	status := a.statusView()
	extra := min(strings.Count(status, "\n"), max(a.lay.bodyH-1, 0))
	var b strings.Builder
	b.WriteString(a.headerView(cur))
	b.WriteByte('\n')
	b.WriteString(widget.Clip(body, a.lay.bodyW, a.lay.bodyH-extra))
	b.WriteByte('\n')
	b.WriteString(status)
	b.WriteByte('\n')
	b.WriteString(a.helpView(cur))
	v.SetContent(b.String())
	return v
}

// headerView is the brand, the breadcrumb and today's date, over a rule.
func (a *App) headerView(cur screen) string {
	st := a.styles
	left := st.Brand.Render("backchannel")
	if t := cur.title(); t != "" {
		left += st.Muted.Render(" › ") + st.Crumb.Render(t)
	}
	right := st.HeaderDim.Render(a.b.today().Time().Format("Mon 2 Jan 2006"))
	gap := a.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	var line string
	if gap >= 2 {
		line = left + strings.Repeat(" ", gap) + right
	} else {
		line = ansi.Truncate(left, a.width, "…")
	}
	return line + "\n" + a.bannerView()
}

// statusView is the one-line status: the question being asked, an error, or
// a message, in that order.
func (a *App) statusView() string {
	st := a.styles
	switch {
	case a.confirm != nil && a.confirm.typing():
		return a.statusLines(st.Warn, a.confirm.prompt())
	case a.confirm != nil:
		return a.statusLines(st.Warn, a.confirm.question)
	case a.ask != pendingNone:
		what := "leave"
		if a.ask == pendingQuit {
			what = "quit"
		}
		return ansi.Truncate(st.Warn.Render("You have unsaved input. Save it before you "+what+"?"), a.width, "…")
	case a.status == "":
		return ""
	case a.statusErr:
		return a.statusLines(st.StatusErr, "✗ "+a.status)
	}
	return a.statusLines(st.Status, a.status)
}

// statusLines wraps a status to the width, in up to three lines.
func (a *App) statusLines(style lipgloss.Style, text string) string {
	lines := widget.WrapText(text, a.width, 3)
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n")
}

// helpView is the short help: the screen's keys, then the global ones. When
// the line is too long the screen's last keys give way, never back or quit.
func (a *App) helpView(cur screen) string {
	h := a.help
	h.SetWidth(0)
	var line string
	switch {
	case a.confirm != nil && a.confirm.typing():
		line = h.ShortHelpView(a.confirm.keys())
	case a.confirm != nil:
		keys := newConfirmKeys()
		line = h.ShortHelpView([]key.Binding{keys.Yes, keys.No})
	case a.ask != pendingNone:
		line = h.ShortHelpView([]key.Binding{a.keys.Save, a.keys.Discard, a.keys.Keep, a.keys.SaveQuit})
	case a.showKeys:
		line = h.ShortHelpView([]key.Binding{key.NewBinding(key.WithKeys("any"), key.WithHelp("any key", "close"))})
	default:
		var own []key.Binding
		for _, b := range cur.ShortHelp() {
			if b.Enabled() {
				own = append(own, b)
			}
		}
		global := a.globalKeys(cur)
		if _, isForm := cur.(drafter); !isForm && len(a.stack) > 1 {
			// Outside forms esc is the usual way back; it gives way first.
			own = append(own, global[0])
			global = global[1:]
		}
		for {
			line = h.ShortHelpView(append(own[:len(own):len(own)], global...))
			if ansi.StringWidth(line) <= a.width || len(own) == 0 {
				break
			}
			own = own[:len(own)-1]
		}
	}
	return ansi.Truncate(line, a.width, "…")
}

// globalKeys are back, help and quit as they apply now.
func (a *App) globalKeys(cur screen) []key.Binding {
	capt := false
	if c, ok := cur.(capturer); ok {
		capt = c.capturing()
	}
	var out []key.Binding
	if len(a.stack) > 1 {
		out = append(out, a.keys.Back)
	}
	if capt {
		return append(out, a.keys.ForceQuit)
	}
	return append(out, a.keys.Help, a.keys.Quit)
}

// keysView lists every key of the active screen and the global ones.
func (a *App) keysView(cur screen) string {
	groups := cur.FullHelp()
	global := append(append(a.globalKeys(cur), a.reviewKeysHelp()...), a.agendaKeysHelp()...)
	if a.undoAllowed(cur) {
		global = append(global, a.keys.Undo, a.keys.Redo)
	}
	h := a.help
	h.ShowAll = true
	h.SetWidth(0)
	out := a.keyBlocks(h, append(groups, global))
	if lipgloss.Height(out) > a.lay.bodyH {
		// Too tall for the terminal (the workspace at 80×24 lost "U redo"
		// below the fold): the keys that work everywhere go in wrapped
		// lines under the screen's own columns instead of a column.
		out = a.keyBlocks(h, groups) + "\n\n" + a.keyLines(global)
	}
	return out
}

// keyBlocks lays groups of keys out as columns; columns that do not fit
// beside each other go below, so no key is cut off at 80 columns.
func (a *App) keyBlocks(h help.Model, groups [][]key.Binding) string {
	var blocks []string
	var row [][]key.Binding
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		try := append(row[:len(row):len(row)], g)
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(try)) > a.width {
			blocks = append(blocks, h.FullHelpView(row))
			row = [][]key.Binding{g}
			continue
		}
		row = try
	}
	if len(row) > 0 {
		blocks = append(blocks, h.FullHelpView(row))
	}
	return a.styles.Heading.Render("All keys") + "\n\n" + strings.Join(blocks, "\n\n")
}

// keyLines lists keys as the help line does ("esc back • ? all keys"),
// wrapped to the width between keys, never inside one.
func (a *App) keyLines(keys []key.Binding) string {
	h := a.help
	h.SetWidth(0)
	var lines []string
	var cur []key.Binding
	for _, k := range keys {
		try := append(cur[:len(cur):len(cur)], k)
		if len(cur) > 0 && ansi.StringWidth(h.ShortHelpView(try)) > a.width {
			lines = append(lines, h.ShortHelpView(cur))
			try = []key.Binding{k}
		}
		cur = try
	}
	if len(cur) > 0 {
		lines = append(lines, h.ShortHelpView(cur))
	}
	return strings.Join(lines, "\n")
}
