package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// Undo and redo work from every list screen: u takes back the last change
// in the workbook (made here, on another screen, or by the command line in
// another process), U puts it back. The status line says what, in words.

// undoneMsg reports an undo or redo.
type undoneMsg struct {
	change model.Change
	err    error
}

// undo reverses the last change.
func (b *backend) undo() tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		ch, err := store.Undo(ctx)
		return undoneMsg{change: ch, err: err}
	}
}

// redo re-applies the last undone change.
func (b *backend) redo() tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		ch, err := store.Redo(ctx)
		return undoneMsg{change: ch, err: err}
	}
}

// undoAllowed reports whether u and U mean undo and redo here: not while a
// form is being filled in (the change to take back would be a surprise) and
// not while typed input waits to be saved.
func (a *App) undoAllowed(cur screen) bool {
	switch a.state() {
	case screenWalk, screenPerson, screenLog:
		return false
	}
	if d, ok := cur.(drafter); ok && d.dirty() {
		return false
	}
	if f, ok := cur.(interface{ formShowing() bool }); ok && f.formShowing() {
		return false
	}
	return true
}

// undone shows what was undone or redone and reloads what is on screen.
func (a *App) undone(m undoneMsg) tea.Cmd {
	if m.err != nil {
		a.setStatus(humanError(m.err), true)
		return nil
	}
	a.setStatus(m.change.Sentence(), false)
	cur, _ := a.current()
	if r, ok := cur.(refresher); ok {
		return r.refresh()
	}
	return nil
}

// formShowing reports an open form, or a save or delete still on its way:
// undo waits until it is closed or done, so u never takes back the change
// before the one being written.
func (r *reviewBase) formShowing() bool { return r.host.Active() || r.waiting }

// formShowing reports an open form or import, or a save, archive, merge or
// delete still on its way: undo waits until it is closed or done.
func (s *contactsScreen) formShowing() bool { return s.host.Active() || s.imp != nil || s.waiting }
