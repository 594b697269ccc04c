package tui

// Which of the global jumps (o, b, c, T) work on the screen on top, and the
// key list entries for those that do. handleKey in app.go asks these first.

import (
	"charm.land/bubbles/v2/key"
)

// agendaKeyAllowed reports whether T may open the Agenda now: not over
// unsaved input, and not onto itself.
func (a *App) agendaKeyAllowed() bool {
	cur, _ := a.current()
	if d, ok := cur.(drafter); ok && d.dirty() {
		return false
	}
	return a.state() != screenAgenda
}

// agendaKeysHelp lists T in the key list wherever it works.
func (a *App) agendaKeysHelp() []key.Binding {
	if a.agendaKeyAllowed() {
		return []key.Binding{a.keys.Agenda}
	}
	return nil
}

// reviewKeyAllowed reports whether the global o or b key may leave the
// screen on top: never with unsaved input, and not onto the same screen.
func (a *App) reviewKeyAllowed(kind reviewKind) bool {
	cur, _ := a.current()
	if d, ok := cur.(drafter); ok && d.dirty() {
		return false
	}
	switch a.state() {
	case screenObjections:
		return kind != reviewObjections
	case screenBlindSpots:
		return kind != reviewBlindSpots
	}
	return true
}

// reviewScope is the proposal a review screen opened now should start on:
// the workspace's, or the other review screen's.
func (a *App) reviewScope() int64 {
	switch a.state() {
	case screenWorkspace:
		if a.workspace != nil {
			return a.workspace.id
		}
	case screenObjections:
		if a.objections != nil {
			return a.objections.scope
		}
	case screenBlindSpots:
		if a.blindSpots != nil {
			return a.blindSpots.scope
		}
	}
	return 0
}

// reviewKeysHelp lists o and b in the key list wherever they work.
func (a *App) reviewKeysHelp() []key.Binding {
	var out []key.Binding
	if a.reviewKeyAllowed(reviewObjections) {
		out = append(out, a.keys.Objections)
	}
	if a.reviewKeyAllowed(reviewBlindSpots) {
		out = append(out, a.keys.BlindSpots)
	}
	if a.contactsKeyAllowed() {
		out = append(out, a.keys.Contacts)
	}
	return out
}

// contactsKeyAllowed says whether c opens the contact directory from here:
// from any screen but the directory itself, as o and b do, unless typed
// input would be lost.
func (a *App) contactsKeyAllowed() bool {
	cur, _ := a.current()
	if d, ok := cur.(drafter); ok && d.dirty() {
		return false
	}
	return a.state() != screenContacts
}
