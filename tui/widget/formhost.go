package widget

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// FormHost runs one huh form inside a screen. It sizes and themes the form,
// leaves ctrl+c and esc to the app (so typed text is never dropped without
// asking), and reports when the form is completed.
type FormHost struct {
	// Form is the form showing, or nil.
	Form   *huh.Form
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

// Start shows f, themed and sized, and returns its init command.
func (h *FormHost) Start(f *huh.Form, theme huh.Theme) tea.Cmd {
	f.WithShowHelp(false).WithKeyMap(huhKeyMap()).WithTheme(theme)
	if h.width > 0 {
		f.WithWidth(h.width)
	}
	if h.height > 0 {
		f.WithHeight(h.height)
	}
	h.Form, h.unsaved = f, false
	return f.Init()
}

// Restart shows f again after saving it failed, with what was typed; the
// screen's dirty check then counts it as unsaved whatever it holds.
func (h *FormHost) Restart(f *huh.Form, theme huh.Theme) tea.Cmd {
	cmd := h.Start(f, theme)
	h.unsaved = true
	return cmd
}

// Unsaved reports whether the form showing was put back after its save
// failed: what it holds is unsaved input whatever it is.
func (h *FormHost) Unsaved() bool { return h.unsaved }

// Width is the width forms are drawn at.
func (h *FormHost) Width() int { return h.width }

// Active reports whether a form is showing.
func (h *FormHost) Active() bool { return h.Form != nil && h.Form.State == huh.StateNormal }

// Stop drops the form.
func (h *FormHost) Stop() { h.Form = nil }

// errorLines is the room kept under a form for huh's validation messages,
// which it adds below the fields without counting them in its height.
const errorLines = 3

// SetSize resizes the form to the space it has.
func (h *FormHost) SetSize(w, ht int) {
	h.width, h.height = max(w, 20), max(ht-errorLines, 4)
	if h.Form != nil {
		h.Form.WithWidth(h.width).WithHeight(h.height)
	}
}

// SetTheme re-themes the form after a background change.
func (h *FormHost) SetTheme(theme huh.Theme) {
	if h.Form != nil {
		h.Form.WithTheme(theme)
	}
}

// Update feeds the form and reports whether it has just been completed.
func (h *FormHost) Update(msg tea.Msg) (completed bool, cmd tea.Cmd) {
	if h.Form == nil {
		return false, nil
	}
	m, cmd := h.Form.Update(msg)
	if f, ok := m.(*huh.Form); ok {
		h.Form = f
	}
	return h.Form.State == huh.StateCompleted, cmd
}

// View renders the form, or nothing when none is showing.
func (h *FormHost) View() string {
	if !h.Active() {
		return ""
	}
	return h.Form.View()
}

// Capturing reports whether the focused field takes typed characters, so that
// q and ? are text there, not commands.
func (h *FormHost) Capturing() bool {
	if !h.Active() {
		return false
	}
	switch f := h.Form.GetFocusedField().(type) {
	case *huh.Input, *huh.Text:
		return true
	case interface{ GetFiltering() bool }:
		return f.GetFiltering()
	}
	return false
}

// WantsEsc reports whether esc means something to the focused field (leaving
// a select's filter) rather than "back".
func (h *FormHost) WantsEsc() bool {
	if !h.Active() {
		return false
	}
	if f, ok := h.Form.GetFocusedField().(interface{ GetFiltering() bool }); ok {
		return f.GetFiltering()
	}
	return false
}

// KeyBinds are the focused field's keys, for the app's help line. Arrow
// pairs are folded into one entry and rarely needed keys dropped, so the
// line still has room for esc and ctrl+c at 80 columns.
func (h *FormHost) KeyBinds() []key.Binding {
	if !h.Active() {
		return nil
	}
	var out []key.Binding
	seen := map[string]bool{}
	for _, b := range h.Form.KeyBinds() {
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
