package tui

import (
	"context"
	"fmt"

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

// reverseProgressMsg says how far a large undo or redo, done by the store
// in chunks, has got.
type reverseProgressMsg struct {
	step        model.Change
	done, total int
}

// progressStore tells how far a large undo or redo has got (*db.Store
// does; the test fakes need not).
type progressStore interface {
	OnReverseProgress(func(step model.Change, done, total int))
}

// listenForReverseProgress routes the store's progress of a large undo or
// redo to the program.
func listenForReverseProgress(store Store, p *tea.Program) {
	if ps, ok := store.(progressStore); ok {
		ps.OnReverseProgress(func(step model.Change, done, total int) {
			p.Send(reverseProgressMsg{step: step, done: done, total: total})
		})
	}
}

// unfinishedStore finds an undo or redo of a large step cut short (*db.Store
// does; the test fakes need not).
type unfinishedStore interface {
	UnfinishedReversal(ctx context.Context) (model.Change, bool, error)
}

// checkUnfinished says on the status line, when the workbook opens, that an
// undo (redo) of a large step was cut short last time, so that what the
// screens show, part of that step reversed, is not taken for final; u (U)
// finishes it.
func (b *backend) checkUnfinished() tea.Cmd {
	us, ok := b.store.(unfinishedStore)
	if !ok {
		return nil
	}
	ctx := b.ctx
	return func() tea.Msg {
		ch, found, err := us.UnfinishedReversal(ctx)
		if err != nil || !found {
			return nil
		}
		key := "u"
		if ch.Kind == model.ChangeRedo {
			key = "U"
		}
		return statusMsg{text: model.Clean(ch.Sentence()) + ", cut short; " + key + " finishes it."}
	}
}

// startReverse runs an undo or redo, unless a large one is still running:
// a second u would otherwise join it (the store finishes an unfinished
// undo before any other) rather than take back one more change.
func (a *App) startReverse(run func() tea.Cmd) tea.Cmd {
	if a.reversing {
		a.setStatus(a.reversingText+" Wait until it is done.", false)
		return nil
	}
	return run()
}

// reverseProgress shows how far a large undo or redo has got. The screens
// stay usable meanwhile: the store writes in chunks, and saves made here or
// elsewhere go in between them.
func (a *App) reverseProgress(m reverseProgressMsg) {
	a.reversing = true
	pct := 0
	if m.total > 0 {
		pct = m.done * 100 / m.total
	}
	verb := "Undoing"
	if m.step.Kind == model.ChangeRedo {
		verb = "Redoing"
	}
	a.reversingText = fmt.Sprintf("%s %d%%: %s…", verb, pct, model.Clean(m.step.Summary))
	if a.status == "" || !a.statusErr {
		a.setStatus(a.reversingText, false)
	}
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
	a.reversing, a.reversingText = false, ""
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
