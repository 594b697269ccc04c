package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// agendaNav is a message that opens the Agenda or search screen, or jumps
// from them to a thing; the App handles all of them in handleAgendaNav.
type agendaNav interface{ agendaNav() }

// jumpMsg opens a proposal's workspace on a tab, with a person or a
// conversation selected once it has loaded.
type jumpMsg struct {
	proposalID    int64
	tab           wsTab
	stakeholderID int64
	talkID        int64
}

func (jumpMsg) agendaNav() {}

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

// handleAgendaNav opens the Agenda or search screen, or jumps to a thing.
func (a *App) handleAgendaNav(m agendaNav) tea.Cmd {
	switch m := m.(type) {
	case openAgendaMsg:
		a.cutTo(screenAgenda)
		a.agenda = newAgendaScreen(a.b, a.styles)
		a.push(screenAgenda)
		return a.agenda.Init()
	case openSearchMsg:
		a.cutTo(screenSearch)
		a.search = newSearchScreen(a.b, a.styles)
		a.push(screenSearch)
		return a.search.Init()
	case openContactMsg:
		for len(a.stack) > 1 {
			a.stack = a.stack[:len(a.stack)-1]
		}
		a.contacts = newContactsScreen(a.b, a.styles)
		a.contacts.query = clean(m.name)
		a.push(screenContacts)
		return a.contacts.Init()
	case jumpMsg:
		cmd := a.openWorkspace(openWorkspaceMsg{id: m.proposalID})
		a.workspace.tab = m.tab
		a.workspace.selectAfterLoad = m.stakeholderID
		a.workspace.selectTalkAfterLoad = m.talkID
		return cmd
	}
	return nil
}

// cutTo takes the stack back to the dashboard or a workspace, dropping any
// screen of kind id already open (and what is above it), so the Agenda and
// search open once, over the list they were called from.
func (a *App) cutTo(id screenID) {
	for i, s := range a.stack {
		if s == id && i > 0 {
			a.stack = a.stack[:i]
			break
		}
	}
	for len(a.stack) > 1 && a.state() != screenDashboard && a.state() != screenWorkspace &&
		a.state() != screenAgenda && a.state() != screenSearch {
		a.stack = a.stack[:len(a.stack)-1]
	}
}
