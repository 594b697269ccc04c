package widget

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// A huh select wraps around: up on the first option lands on the last, so
// three presses of down from "0 neutral" once logged a hostile executive as
// "+2 enthusiastic". huh v2 has no option to stop that (Select.Update moves
// the cursor to the other end itself), so every select in the app is wrapped
// in StopAtEnds, which undoes a move that went round the end.

// EndStop is a huh select that stops at its first and last options.
type EndStop[T comparable] struct {
	*huh.Select[T]
	// options lists the select's options in order (read on each key, for
	// selects whose options change); filtering keeps the order, so a move
	// backwards that lands later in the list went round the end.
	options func() []huh.Option[T]
	keys    huh.SelectKeyMap
}

// StopAtEnds returns s (already given its options, opts) as a select that
// does not wrap around. opts must be the options s was given.
func StopAtEnds[T comparable](s *huh.Select[T], opts []huh.Option[T]) *EndStop[T] {
	return StopAtEndsFunc(s, func() []huh.Option[T] { return opts })
}

// StopAtEndsFunc is stopAtEnds for a select given OptionsFunc: opts must
// return the options it shows.
func StopAtEndsFunc[T comparable](s *huh.Select[T], opts func() []huh.Option[T]) *EndStop[T] {
	return &EndStop[T]{Select: s, options: opts, keys: huh.NewDefaultKeyMap().Select}
}

// place is v's position among the options, or -1.
func (e *EndStop[T]) place(opts []huh.Option[T], v T) int {
	for i, o := range opts {
		if o.Value == v {
			return i
		}
	}
	return -1
}

// Update passes msg to the select and takes back a move that went round
// an end, by the opposite move (which goes round back to where it was).
func (e *EndStop[T]) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	k, isKey := msg.(tea.KeyPressMsg)
	before, had := e.Hovered()
	_, cmd := e.Select.Update(msg)
	if !isKey || !had {
		return e, cmd
	}
	after, _ := e.Hovered()
	opts := e.options()
	from, to := e.place(opts, before), e.place(opts, after)
	// The undoing key is the opposite arrow on the same axis: an inline
	// select moves with ←/→ only, a list with ↑/↓ only.
	var undo rune
	switch {
	case key.Matches(k, e.keys.Up) && to > from:
		undo = tea.KeyDown
	case key.Matches(k, e.keys.Left) && to > from:
		undo = tea.KeyRight
	case key.Matches(k, e.keys.Down) && to < from:
		undo = tea.KeyUp
	case key.Matches(k, e.keys.Right) && to < from:
		undo = tea.KeyLeft
	}
	if undo != 0 {
		_, _ = e.Select.Update(tea.KeyPressMsg{Code: undo})
	}
	return e, cmd
}

// WithKeyMap keeps the keys the form gives the select, to tell moves apart.
func (e *EndStop[T]) WithKeyMap(k *huh.KeyMap) huh.Field {
	e.Select.WithKeyMap(k)
	e.keys = k.Select
	// huh enables ←/→ only on its own copy, for inline selects; where they
	// are off they move nothing, so matching them here is harmless.
	e.keys.Left.SetEnabled(true)
	e.keys.Right.SetEnabled(true)
	return e
}

// WithTheme themes the select and keeps the wrapper in the form.
func (e *EndStop[T]) WithTheme(t huh.Theme) huh.Field { e.Select.WithTheme(t); return e }

// WithWidth sizes the select and keeps the wrapper in the form.
func (e *EndStop[T]) WithWidth(w int) huh.Field { e.Select.WithWidth(w); return e }

// WithHeight sizes the select and keeps the wrapper in the form.
func (e *EndStop[T]) WithHeight(h int) huh.Field { e.Select.WithHeight(h); return e }

// WithPosition places the select and keeps the wrapper in the form.
func (e *EndStop[T]) WithPosition(p huh.FieldPosition) huh.Field { e.Select.WithPosition(p); return e }

// StartFirst puts v, where a new record starts ("none yet", "unknown",
// "other"), at the front of vals: choices stop at their ends, so → moves on
// from it to the answers rather than stopping there.
func StartFirst[T comparable](vals []T, v T) []T {
	out := make([]T, 0, len(vals))
	out = append(out, v)
	for _, x := range vals {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}
