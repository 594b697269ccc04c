package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/glamour/v2/styles"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/backchannel/backchannel/tui/widget"
)

// palette is the small set of semantic colours every style is built from. It
// is the only place in the package with colour literals.
type palette struct {
	text, muted, subtle, accent, accentText, good, warn, bad, selBg, selText color.Color
}

// newPalette picks the light or dark variant of each colour.
func newPalette(isDark bool) palette {
	ld := lipgloss.LightDark(isDark)
	return palette{
		text:       ld(lipgloss.Color("#1F2328"), lipgloss.Color("#E6E6E6")),
		muted:      ld(lipgloss.Color("#656D76"), lipgloss.Color("#8B949E")),
		subtle:     ld(lipgloss.Color("#D0D7DE"), lipgloss.Color("#3A3F47")),
		accent:     ld(lipgloss.Color("#6639BA"), lipgloss.Color("#B392F0")),
		accentText: ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#1B1030")),
		good:       ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#56D364")),
		warn:       ld(lipgloss.Color("#9A6700"), lipgloss.Color("#E3B341")),
		bad:        ld(lipgloss.Color("#CF222E"), lipgloss.Color("#FF7B72")),
		selBg:      ld(lipgloss.Color("#DDF4FF"), lipgloss.Color("#2A2F45")),
		selText:    ld(lipgloss.Color("#0A3069"), lipgloss.Color("#FFFFFF")),
	}
}

// Styles holds every lipgloss style the UI uses. It is rebuilt when the
// terminal reports its background colour, so nothing caches a style elsewhere.
type Styles struct {
	isDark  bool
	noColor bool

	// Brand to Accent style text by meaning: the frame, titles, tones.
	Brand     lipgloss.Style
	Crumb     lipgloss.Style
	HeaderDim lipgloss.Style
	Title     lipgloss.Style
	Heading   lipgloss.Style
	Text      lipgloss.Style
	Muted     lipgloss.Style
	Good      lipgloss.Style
	Warn      lipgloss.Style
	Bad       lipgloss.Style
	Accent    lipgloss.Style

	// Tab to TabGap draw the workspace tab bar and rules.
	Tab       lipgloss.Style
	TabActive lipgloss.Style
	TabGap    lipgloss.Style

	// GridHeader and GridSelected draw the lists.
	GridHeader   lipgloss.Style
	GridSelected lipgloss.Style

	// StepDone to StepTodo mark the walkthrough's progress.
	StepDone    lipgloss.Style
	StepCurrent lipgloss.Style
	StepTodo    lipgloss.Style

	// Status and StatusErr style the status line.
	Status    lipgloss.Style
	StatusErr lipgloss.Style

	// Help styles the key help line.
	Help help.Styles
}

// newStyles builds the styles for a dark or light background. With noColor
// the styles keep only bold, underline and reverse so meaning survives.
func newStyles(isDark, noColor bool) *Styles {
	p := newPalette(isDark)
	s := &Styles{isDark: isDark, noColor: noColor}
	fg := func(c color.Color) lipgloss.Style {
		if noColor {
			return lipgloss.NewStyle()
		}
		return lipgloss.NewStyle().Foreground(c)
	}
	s.Brand = fg(p.accent).Bold(true)
	s.Crumb = fg(p.text).Bold(true)
	s.HeaderDim = fg(p.muted)
	s.Title = fg(p.text).Bold(true)
	s.Heading = fg(p.accent).Bold(true)
	s.Text = fg(p.text)
	s.Muted = fg(p.muted)
	s.Good = fg(p.good)
	s.Warn = fg(p.warn).Bold(noColor)
	s.Bad = fg(p.bad).Bold(true)
	s.Accent = fg(p.accent)

	s.Tab = fg(p.muted)
	s.TabActive = fg(p.accent).Bold(true)
	s.TabGap = fg(p.subtle)

	s.GridHeader = fg(p.muted).Bold(true)
	if noColor {
		s.GridSelected = lipgloss.NewStyle().Reverse(true)
		s.TabActive = s.TabActive.Reverse(true)
	} else {
		s.GridSelected = lipgloss.NewStyle().Background(p.selBg).Foreground(p.selText).Bold(true)
	}

	s.StepDone = fg(p.good)
	s.StepCurrent = fg(p.accent).Bold(true)
	s.StepTodo = fg(p.muted)

	s.Status = fg(p.muted)
	s.StatusErr = fg(p.bad).Bold(true)

	if noColor {
		s.Help = help.Styles{}
		s.Help.Ellipsis = lipgloss.NewStyle()
		s.Help.ShortKey = lipgloss.NewStyle().Bold(true)
		s.Help.ShortDesc = lipgloss.NewStyle()
		s.Help.ShortSeparator = lipgloss.NewStyle()
		s.Help.FullKey = lipgloss.NewStyle().Bold(true)
		s.Help.FullDesc = lipgloss.NewStyle()
		s.Help.FullSeparator = lipgloss.NewStyle()
	} else {
		s.Help = help.DefaultStyles(isDark)
	}
	return s
}

// toneStyle returns the style for a tone.
func (s *Styles) toneStyle(t widget.Tone) lipgloss.Style {
	switch t {
	case widget.ToneMuted:
		return s.Muted
	case widget.ToneGood:
		return s.Good
	case widget.ToneWarn:
		return s.Warn
	case widget.ToneBad:
		return s.Bad
	}
	return s.Text
}

// glamourStyle names the glamour standard style that matches the terminal.
// Without colour the dark or light style is still used: Bubble Tea's ASCII
// colour profile strips its colours but keeps bold and italics, whereas the
// "notty" style would print markdown's asterisks around every bold word.
func (s *Styles) glamourStyle() string {
	if s.isDark {
		return styles.DarkStyle
	}
	return styles.LightStyle
}

// huhTheme is the form theme matching the terminal; huh's own isDark argument
// is ignored because the app already knows the background.
func (s *Styles) huhTheme() huh.Theme {
	var t *huh.Styles
	if s.noColor {
		t = huh.ThemeBase(s.isDark)
		t.Focused.Title = t.Focused.Title.Bold(true)
		t.Focused.SelectSelector = t.Focused.SelectSelector.Bold(true)
		t.Focused.FocusedButton = lipgloss.NewStyle().Reverse(true).Padding(0, 2).MarginRight(1)
		t.Focused.BlurredButton = lipgloss.NewStyle().Padding(0, 2).MarginRight(1)
		t.Blurred.FocusedButton = t.Focused.FocusedButton
		t.Blurred.BlurredButton = t.Focused.BlurredButton
	} else {
		t = huh.ThemeCharm(s.isDark)
	}
	// Built once per background change: huh asks for its theme on every frame.
	return huh.ThemeFunc(func(bool) *huh.Styles { return t })
}

// filters are the looks a filter line and the search box take from these.
func (s *Styles) filters() widget.FilterStyles {
	return widget.FilterStyles{Text: s.Text, Accent: s.Accent, Muted: s.Muted}
}

// grid is the looks of a grid (widget.Grid) in these styles.
func (s *Styles) grid() widget.GridStyles {
	return widget.GridStyles{Header: s.GridHeader, Selected: s.GridSelected, Muted: s.Muted, Tone: s.toneStyle}
}
