package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// formHost runs one huh form inside a screen. It sizes and themes the form,
// leaves ctrl+c and esc to the app (so typed text is never dropped without
// asking), and reports when the form is completed.
type formHost struct {
	form   *huh.Form
	width  int
	height int
	// unsaved is set when the form is shown again because saving it
	// failed: what it holds is unsaved input until the next start, even
	// if it is what the form started with.
	unsaved bool
}

// huhKeyMap is huh's default map without its own quit: the app decides.
func huhKeyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Quit.SetEnabled(false)
	km.Quit.SetKeys()
	return km
}

// start shows f, themed and sized, and returns its init command.
func (h *formHost) start(f *huh.Form, st *Styles) tea.Cmd {
	f.WithShowHelp(false).WithKeyMap(huhKeyMap()).WithTheme(st.huhTheme())
	if h.width > 0 {
		f.WithWidth(h.width)
	}
	if h.height > 0 {
		f.WithHeight(h.height)
	}
	h.form, h.unsaved = f, false
	return f.Init()
}

// restart shows f again after saving it failed, with what was typed; the
// screen's dirty check then counts it as unsaved whatever it holds.
func (h *formHost) restart(f *huh.Form, st *Styles) tea.Cmd {
	cmd := h.start(f, st)
	h.unsaved = true
	return cmd
}

// active reports whether a form is showing.
func (h *formHost) active() bool { return h.form != nil && h.form.State == huh.StateNormal }

// stop drops the form.
func (h *formHost) stop() { h.form = nil }

// errorLines is the room kept under a form for huh's validation messages,
// which it adds below the fields without counting them in its height.
const errorLines = 3

// SetSize resizes the form to the space it has.
func (h *formHost) SetSize(w, ht int) {
	h.width, h.height = max(w, 20), max(ht-errorLines, 4)
	if h.form != nil {
		h.form.WithWidth(h.width).WithHeight(h.height)
	}
}

// setStyles re-themes the form after a background change.
func (h *formHost) setStyles(st *Styles) {
	if h.form != nil {
		h.form.WithTheme(st.huhTheme())
	}
}

// update feeds the form and reports whether it has just been completed.
func (h *formHost) update(msg tea.Msg) (completed bool, cmd tea.Cmd) {
	if h.form == nil {
		return false, nil
	}
	m, cmd := h.form.Update(msg)
	if f, ok := m.(*huh.Form); ok {
		h.form = f
	}
	return h.form.State == huh.StateCompleted, cmd
}

// view renders the form, or nothing when none is showing.
func (h *formHost) view() string {
	if !h.active() {
		return ""
	}
	return h.form.View()
}

// capturing reports whether the focused field takes typed characters, so that
// q and ? are text there, not commands.
func (h *formHost) capturing() bool {
	if !h.active() {
		return false
	}
	switch f := h.form.GetFocusedField().(type) {
	case *huh.Input, *huh.Text:
		return true
	case interface{ GetFiltering() bool }:
		return f.GetFiltering()
	}
	return false
}

// wantsEsc reports whether esc means something to the focused field (leaving
// a select's filter) rather than "back".
func (h *formHost) wantsEsc() bool {
	if !h.active() {
		return false
	}
	if f, ok := h.form.GetFocusedField().(interface{ GetFiltering() bool }); ok {
		return f.GetFiltering()
	}
	return false
}

// keyBinds are the focused field's keys, for the app's help line. Arrow
// pairs are folded into one entry and rarely needed keys dropped, so the
// line still has room for esc and ctrl+c at 80 columns.
func (h *formHost) keyBinds() []key.Binding {
	if !h.active() {
		return nil
	}
	var out []key.Binding
	seen := map[string]bool{}
	for _, b := range h.form.KeyBinds() {
		k := b.Help().Key
		if !b.Enabled() || k == "" {
			continue
		}
		switch k {
		case "←", "→":
			b = key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp("←/→", "change"))
		case "↑", "↓":
			b = key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp("↑/↓", "choose"))
		case "alt+enter / ctrl+j":
			b = key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp("ctrl+j", "new line"))
		case "ctrl+e":
			b = key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp("ctrl+e", "$EDITOR"))
		case "shift+tab":
			b = key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp("shift+tab", "previous field"))
		case "/", "g/home", "G/end", "ctrl+u", "ctrl+d":
			continue
		}
		if seen[b.Help().Key] {
			continue
		}
		seen[b.Help().Key] = true
		out = append(out, b)
	}
	// enter first: when the line is too narrow the last keys give way.
	slices.SortStableFunc(out, func(x, y key.Binding) int {
		return boolRank(x.Help().Key != "enter") - boolRank(y.Help().Key != "enter")
	})
	return out
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
