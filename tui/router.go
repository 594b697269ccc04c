package tui

// The router: the table of screens, the stack of open ones, push and pop,
// and every navigation message with the one method, goTo, that carries it
// out. A screen asks to move by returning navigate(someMsg); only this file
// changes the stack. Which global keys work where is in global_keys.go; the
// frame every screen is sized to is computed in layout.go.

import (
	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// screenID names a screen; the router switches on it.
type screenID int

const (
	screenDashboard screenID = iota
	screenWorkspace
	screenWalk
	screenPerson
	screenLog
	screenObjections
	screenBlindSpots
	screenContacts
	screenDebrief
	screenRecord
	screenAgenda
	screenSearch
	// screenCount is the number of screens, for walking them all.
	screenCount
)

// route is one screen's slot in the app: the screen when it is open (nil
// when not), how to update it, and how to close it.
type route struct {
	s      screen
	update func(tea.Msg) tea.Cmd
	close  func()
}

// slot makes the route of the screen held in *p. Screens are pointers, so a
// closed one is the nil pointer.
func slot[S interface {
	comparable
	screen
	Update(tea.Msg) (S, tea.Cmd)
}](p *S) route {
	var none S
	r := route{close: func() { *p = none }}
	if *p != none {
		r.s = *p
		r.update = func(m tea.Msg) (c tea.Cmd) { *p, c = (*p).Update(m); return c }
	}
	return r
}

// route is the one table of screens: current, screens and closing them all
// read it, so adding a screen is one more case here.
func (a *App) route(id screenID) route {
	switch id {
	case screenWorkspace:
		return slot(&a.workspace)
	case screenWalk:
		return slot(&a.walkthrough)
	case screenPerson:
		return slot(&a.person)
	case screenLog:
		return slot(&a.log)
	case screenObjections:
		return slot(&a.objections)
	case screenBlindSpots:
		return slot(&a.blindSpots)
	case screenContacts:
		return slot(&a.contacts)
	case screenDebrief:
		return slot(&a.debrief)
	case screenRecord:
		return slot(&a.record)
	case screenAgenda:
		return slot(&a.agenda)
	case screenSearch:
		return slot(&a.search)
	}
	return slot(&a.dashboard)
}

// state is the screen on top.
func (a *App) state() screenID { return a.stack[len(a.stack)-1] }

// current returns the active screen and a function that updates it.
func (a *App) current() (screen, func(tea.Msg) tea.Cmd) {
	r := a.route(a.state())
	return r.s, r.update
}

// screens lists every open screen, for resizes and restyles.
func (a *App) screens() []screen {
	var out []screen
	for id := range screenCount {
		if r := a.route(id); r.s != nil {
			out = append(out, r.s)
		}
	}
	return out
}

// closeHidden closes every screen that is no longer on the stack, so that
// whatever way the stack changed, only the screens on it stay open to be
// resized, restyled and found by the router.
func (a *App) closeHidden() {
	on := make([]bool, screenCount)
	for _, id := range a.stack {
		on[id] = true
	}
	for id := range screenCount {
		if !on[id] {
			a.route(id).close()
		}
	}
}

// push shows a screen on top of the current one. The callers cut the stack
// back first as they need; push closes what they cut.
func (a *App) push(id screenID) {
	a.stack = append(a.stack, id)
	a.closeHidden()
	a.relayout()
}

// pop returns to the screen underneath and lets it reload.
func (a *App) pop() tea.Cmd {
	if len(a.stack) <= 1 {
		return nil
	}
	a.stack = a.stack[:len(a.stack)-1]
	a.closeHidden()
	a.relayout()
	cur, _ := a.current()
	if r, ok := cur.(refresher); ok {
		return r.refresh()
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

// navigate is a command that delivers a message: a navigation message, or
// one a screen sends itself or the App after a key (a status, a question).
func navigate(msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return msg }
}

// navMsg is a message that changes which screens are open; the App hands
// every one of them to goTo.
type navMsg interface{ navMsg() }

// openWorkspaceMsg opens a proposal's workspace.
type openWorkspaceMsg struct {
	id int64
	// preview is the proposal with its score as the dashboard lists it,
	// shown over the tabs while the dossier is read (nil: none).
	preview *proposalSummary
	// replace drops the screen that asked (the finished walkthrough).
	replace bool
	status  string
}

// openWalkMsg opens the walkthrough; id 0 starts a new proposal.
type openWalkMsg struct{ id int64 }

// openPersonMsg opens the person forms for a stakeholder (0 adds someone).
type openPersonMsg struct {
	dossier       model.Dossier
	stakeholderID int64
	stages        []personStage
}

// openLogMsg opens "log a conversation" with a person preselected.
type openLogMsg struct {
	dossier       model.Dossier
	stakeholderID int64
}

// openRecordMsg opens the record screen for a form.
type openRecordMsg struct{ form recordForm }

// backMsg closes the screen that sent it, with a message for the status line.
// from guards against closing a second screen when a save already left.
type backMsg struct {
	from   screenID
	status string
	// stakeholderID is the person the form was about; the workspace
	// underneath selects them, so l or e next acts on the same person.
	stakeholderID int64
}

// reviewKind names a review screen.
type reviewKind int

const (
	reviewObjections reviewKind = iota
	reviewBlindSpots
)

// openReviewMsg opens the objections or blind-spot screen, on one proposal
// when proposalID is set, with selectID selected once loaded.
type openReviewMsg struct {
	kind       reviewKind
	proposalID int64
	selectID   int64
}

// openWorkspaceAtMsg opens a proposal's workspace over the review screen on a
// tab with a row selected: a person on the Room tab, a talk on the Log tab.
type openWorkspaceAtMsg struct {
	proposalID int64
	tab        wsTab
	selectID   int64
}

// workspaceFocusMsg is the first load of a workspace opened by
// openWorkspaceAtMsg, to be followed by selecting the row.
type workspaceFocusMsg struct {
	work     *workspace
	loaded   tea.Msg
	tab      wsTab
	selectID int64
}

// openContactsMsg opens the contact directory.
type openContactsMsg struct{}

// openContactMsg opens the contact directory found by a name.
type openContactMsg struct{ name string }

// openDebriefMsg opens the debrief of a proposal.
type openDebriefMsg struct{ proposalID int64 }

// openAgendaMsg opens the Agenda screen.
type openAgendaMsg struct{}

// openSearchMsg opens the search screen.
type openSearchMsg struct{}

// jumpMsg opens a proposal's workspace on a tab, with a person or a
// conversation selected once it has loaded.
type jumpMsg struct {
	proposalID    int64
	tab           wsTab
	stakeholderID int64
	talkID        int64
}

func (openWorkspaceMsg) navMsg()   {}
func (openWalkMsg) navMsg()        {}
func (openPersonMsg) navMsg()      {}
func (openLogMsg) navMsg()         {}
func (openRecordMsg) navMsg()      {}
func (backMsg) navMsg()            {}
func (openReviewMsg) navMsg()      {}
func (openWorkspaceAtMsg) navMsg() {}
func (workspaceFocusMsg) navMsg()  {}
func (openContactsMsg) navMsg()    {}
func (openContactMsg) navMsg()     {}
func (openDebriefMsg) navMsg()     {}
func (openAgendaMsg) navMsg()      {}
func (openSearchMsg) navMsg()      {}
func (jumpMsg) navMsg()            {}

// goTo carries out a navigation message.
func (a *App) goTo(msg navMsg) tea.Cmd {
	switch m := msg.(type) {
	case openWorkspaceMsg:
		return a.openWorkspace(m)
	case openWalkMsg:
		a.walkthrough = newWalkthrough(a.b, a.styles, m.id)
		a.push(screenWalk)
		return a.walkthrough.Init()
	case openPersonMsg:
		a.person = newPersonScreen(a.b, a.styles, m.dossier, m.stakeholderID, m.stages)
		a.push(screenPerson)
		return a.person.Init()
	case openLogMsg:
		a.log = newLogScreen(a.b, a.styles, m.dossier, m.stakeholderID)
		a.push(screenLog)
		return a.log.Init()
	case openRecordMsg:
		a.record = newRecordScreen(a.b, a.styles, m.form)
		a.push(screenRecord)
		return a.record.Init()
	case backMsg:
		if m.from != a.state() {
			return nil
		}
		a.setStatus(m.status, false)
		if a.workspace != nil && m.stakeholderID != 0 {
			a.workspace.selectAfterLoad = m.stakeholderID
		}
		return a.pop()
	case openReviewMsg:
		return a.openReview(m)
	case openWorkspaceAtMsg:
		return a.openWorkspaceAt(m)
	case workspaceFocusMsg:
		return a.focusWorkspace(m)
	case openContactsMsg:
		a.contacts = newContactsScreen(a.b, a.styles)
		a.push(screenContacts)
		return a.contacts.Init()
	case openContactMsg:
		for len(a.stack) > 1 {
			a.stack = a.stack[:len(a.stack)-1]
		}
		a.contacts = newContactsScreen(a.b, a.styles)
		a.contacts.Query = clean(m.name)
		a.push(screenContacts)
		return a.contacts.Init()
	case openDebriefMsg:
		a.debrief = newDebriefScreen(a.b, a.styles, m.proposalID)
		a.push(screenDebrief)
		return a.debrief.Init()
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
	case jumpMsg:
		cmd := a.openWorkspace(openWorkspaceMsg{id: m.proposalID})
		a.workspace.tab = m.tab
		a.workspace.selectAfterLoad = m.stakeholderID
		a.workspace.selectTalkAfterLoad = m.talkID
		return cmd
	}
	return nil
}

// openWorkspace shows a proposal's workspace over the dashboard, closing
// whatever else was open: there is one workspace at a time.
func (a *App) openWorkspace(m openWorkspaceMsg) tea.Cmd {
	if m.replace && len(a.stack) > 1 {
		a.stack = a.stack[:len(a.stack)-1]
	}
	for len(a.stack) > 1 && a.state() != screenDashboard {
		a.stack = a.stack[:len(a.stack)-1]
	}
	a.workspace = newWorkspace(a.b, a.styles, m.id)
	if p := m.preview; p != nil && p.Proposal.ID == m.id && !p.Unscored {
		a.workspace.d.Proposal, a.workspace.r, a.workspace.previewing = p.Proposal, p.Readiness, true
	}
	a.push(screenWorkspace)
	a.setStatus(m.status, false)
	return a.workspace.refresh()
}

// openReview shows a review screen over the dashboard or the workspace it
// was opened from. A review screen already open, and anything above it, is
// closed first, so there is only ever one of each.
func (a *App) openReview(m openReviewMsg) tea.Cmd {
	for i, id := range a.stack {
		if id == screenObjections || id == screenBlindSpots {
			a.stack = a.stack[:i]
			break
		}
	}
	for len(a.stack) > 1 && a.state() != screenDashboard && a.state() != screenWorkspace {
		a.stack = a.stack[:len(a.stack)-1]
	}
	if m.kind == reviewBlindSpots {
		a.blindSpots = newBlindSpotsScreen(a.b, a.styles, m.proposalID, m.selectID)
		a.push(screenBlindSpots)
		return a.blindSpots.Init()
	}
	a.objections = newObjectionsScreen(a.b, a.styles, m.proposalID, m.selectID)
	a.push(screenObjections)
	return a.objections.Init()
}

// openWorkspaceAt opens a workspace over the review screen. A workspace under
// the review screen is dropped: there is one workspace at a time.
func (a *App) openWorkspaceAt(m openWorkspaceAtMsg) tea.Cmd {
	keep := a.stack[:0]
	for _, id := range a.stack {
		if id != screenWorkspace {
			keep = append(keep, id)
		}
	}
	a.stack = keep
	w := newWorkspace(a.b, a.styles, m.proposalID)
	w.tab = m.tab
	a.workspace = w
	a.push(screenWorkspace)
	load := w.refresh()
	return func() tea.Msg {
		return workspaceFocusMsg{work: w, loaded: load(), tab: m.tab, selectID: m.selectID}
	}
}

// focusWorkspace hands a workspace opened by openWorkspaceAt its first load
// and selects the row asked for; a workspace closed meanwhile ignores it.
func (a *App) focusWorkspace(m workspaceFocusMsg) tea.Cmd {
	if a.workspace != m.work {
		return nil
	}
	var cmd tea.Cmd
	a.workspace, cmd = a.workspace.Update(m.loaded)
	a.workspace.tab = m.tab
	switch m.tab {
	case tabRoom:
		a.workspace.room.SelectID(m.selectID)
	case tabLog:
		a.workspace.log.SelectID(m.selectID)
	}
	a.workspace.syncKeys()
	return cmd
}
