// Package tui is the terminal workbook: the dashboard, the when/whom/what/where
// walkthrough, the proposal workspace and the conversation log. It is one
// Bubble Tea model (App) routing to screens; all I/O runs in commands against
// the Store interface declared in this package.
package tui

import (
	"context"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/backchannel/backchannel/model"
)

// Options configures the terminal UI.
type Options struct {
	// Today returns the current day; injected so tests are reproducible.
	Today func() model.Date
	// NoColor drops colours (NO_COLOR); bold and reverse still mark meaning.
	NoColor bool
	// DBPath is shown to the user so they know which workbook is open.
	DBPath string
	// Debug, when set, is told every message the app handles and every
	// error it shows (BACKCHANNEL_DEBUG), so "it froze" can be diagnosed.
	Debug func(format string, args ...any)
}

// Run opens the workbook UI on the alternate screen and returns when the
// user quits. Errors from Bubble Tea (tea.ErrInterrupted, tea.ErrProgramKilled)
// are returned unwrapped so the caller can map them to exit codes.
func Run(ctx context.Context, st Store, opts Options) error {
	app := New(st, opts)
	app.b.ctx = ctx
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	if app.opts.NoColor {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	p := tea.NewProgram(app, popts...)
	listenForWaits(st, p)
	_, err := p.Run()
	return err
}

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

// screen is the contract every screen meets: a concrete type with Update
// (called by the router with its own type), View, SetSize and its keys.
type screen interface {
	View() string
	SetSize(w, h int)
	help.KeyMap
	// title is the breadcrumb shown in the header.
	title() string
	// setStyles swaps in restyled look after a background change.
	setStyles(st *Styles) tea.Cmd
}

// Optional screen abilities, checked by the router.
type (
	// capturer screens have a focused text field that takes q and ?.
	capturer interface{ capturing() bool }
	// escWanter screens use esc themselves (leaving a filter).
	escWanter interface{ wantsEsc() bool }
	// drafter screens hold typed input that must not be dropped silently.
	drafter interface {
		dirty() bool
		saveDraft() tea.Cmd
	}
	// draftDropper screens keep half-filled forms as drafts in the store;
	// "discard it" drops that draft too.
	draftDropper interface{ discardDraft() tea.Cmd }
	// backer screens handle esc internally before the router pops them.
	backer interface {
		back() (handled bool, cmd tea.Cmd)
	}
	// refresher screens reload their data when they come back into view.
	refresher interface{ refresh() tea.Cmd }
)

// pendingAction is what happens once the user answers "unsaved input?".
type pendingAction int

const (
	pendingNone pendingAction = iota
	pendingQuit
	pendingBack
)

// App is the root model: the only tea.Model in the package.
type App struct {
	b      *backend
	opts   Options
	styles *Styles
	keys   keyMap
	help   help.Model

	// stack is the screens open, the dashboard at the bottom; each field
	// below is named for its screen and is nil while that screen is closed.
	stack       []screenID
	dashboard   *dashboard
	workspace   *workspace
	walkthrough *walkthrough
	// person adds or edits one person on a proposal; log records a
	// conversation with them.
	person     *personScreen
	log        *logScreen
	objections *objectionsScreen
	blindSpots *blindSpotsScreen
	contacts   *contactsScreen
	debrief    *debriefScreen
	// record edits one record: a proposal's details, a conversation.
	record *recordScreen
	// agenda is today's to-do across proposals (T); search finds any text (/).
	agenda *agendaScreen
	search *searchScreen

	width, height int
	lay           layout

	status    string
	statusErr bool
	// readOnly is why the workbook cannot be written ("" when it can); the
	// header says so on every screen.
	readOnly string
	ask      pendingAction
	pending  pendingAction
	showKeys bool
	// confirm is the yes/no question open on the status line, if any.
	confirm *confirmMsg
}

// New builds the app on a store. Run uses it; tests drive it directly.
func New(st Store, opts Options) *App {
	if opts.Today == nil {
		opts.Today = func() model.Date { return model.DateOf(timeNow()) }
	}
	b := &backend{st: st, ctx: context.Background(), today: opts.Today}
	a := &App{b: b, opts: opts, keys: newKeyMap(), help: help.New(), readOnly: readOnlyReason(st)}
	a.styles = newStyles(true, opts.NoColor)
	a.help.Styles = a.styles.Help
	a.dashboard = newDashboard(b, a.styles, opts.DBPath)
	a.stack = []screenID{screenDashboard}
	return a
}

// Init asks the terminal for its background and loads the dashboard.
func (a *App) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, a.dashboard.refresh())
}

// state is the screen on top.
func (a *App) state() screenID { return a.stack[len(a.stack)-1] }

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

// Update routes a message: keys through the global bindings first, sizes and
// colours to every screen, everything else to the active screen.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if a.opts.Debug != nil {
		a.debug(msg)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.relayout()
		return a, a.rerender()
	case tea.BackgroundColorMsg:
		return a, a.setStyles(newStyles(msg.IsDark(), a.opts.NoColor))
	case tea.KeyPressMsg:
		return a, a.handleKey(msg)
	case errMsg:
		a.setStatus(humanError(msg.err), true)
		return a, nil
	case waitingMsg:
		a.updateWaiting(msg)
		return a, nil
	case statusMsg:
		if msg.prepend && a.status != "" && !a.statusErr {
			a.setStatus(msg.text+" "+a.status, false)
		} else {
			a.setStatus(msg.text, false)
		}
		return a, nil
	case openWorkspaceMsg:
		return a, a.openWorkspace(msg)
	case openWalkMsg:
		return a, a.openWalk(msg)
	case openPersonMsg:
		return a, a.openPerson(msg)
	case openLogMsg:
		return a, a.openLog(msg)
	case openRecordMsg:
		a.record = newRecordScreen(a.b, a.styles, msg.form)
		a.push(screenRecord)
		return a, a.record.Init()
	case confirmMsg:
		a.confirm = &msg
		return a, nil
	case undoneMsg:
		return a, a.undone(msg)
	case reviewNav:
		return a, a.handleReviewNav(msg)
	case peopleNav:
		return a, a.handlePeopleNav(msg)
	case agendaNav:
		return a, a.handleAgendaNav(msg)
	case backMsg:
		if msg.from != a.state() {
			return a, nil
		}
		a.setStatus(msg.status, false)
		if a.workspace != nil && msg.stakeholderID != 0 {
			a.workspace.selectAfterLoad = msg.stakeholderID
		}
		return a, a.pop()
	}
	_, update := a.current()
	cmd := update(msg)
	if r, ok := msg.(saveResult); ok && a.pending != pendingNone {
		action := a.pending
		a.pending = pendingNone
		if r.saveErr() == nil {
			return a, tea.Batch(cmd, a.do(action))
		}
	}
	return a, cmd
}

// handleKey applies the global keys, then hands the key to the screen. A
// focused text field gets every key but ctrl+c and esc.
func (a *App) handleKey(k tea.KeyPressMsg) tea.Cmd {
	a.setStatus("", false)
	if a.confirm != nil {
		return a.answerConfirm(k)
	}
	if a.ask != pendingNone {
		return a.answer(k)
	}
	if a.showKeys {
		a.showKeys = false
		if !key.Matches(k, a.keys.ForceQuit) {
			return nil
		}
	}
	cur, update := a.current()
	capt := false
	if c, ok := cur.(capturer); ok {
		capt = c.capturing()
	}
	switch {
	case key.Matches(k, a.keys.ForceQuit) || (!capt && key.Matches(k, a.keys.Quit)):
		return a.leave(pendingQuit)
	case !capt && key.Matches(k, a.keys.Help):
		a.showKeys = true
		return nil
	case !capt && key.Matches(k, a.keys.Undo) && a.undoAllowed(cur):
		return a.b.undo()
	case !capt && key.Matches(k, a.keys.Redo) && a.undoAllowed(cur):
		return a.b.redo()
	case !capt && key.Matches(k, a.keys.Objections) && a.reviewKeyAllowed(reviewObjections):
		return a.openReview(openReviewMsg{kind: reviewObjections, proposalID: a.reviewScope()})
	case !capt && key.Matches(k, a.keys.BlindSpots) && a.reviewKeyAllowed(reviewBlindSpots):
		return a.openReview(openReviewMsg{kind: reviewBlindSpots, proposalID: a.reviewScope()})
	case !capt && key.Matches(k, a.keys.Contacts) && a.contactsKeyAllowed():
		return a.handlePeopleNav(openContactsMsg{})
	case !capt && key.Matches(k, a.keys.Agenda) && a.agendaKeyAllowed():
		return a.handleAgendaNav(openAgendaMsg{})
	case key.Matches(k, a.keys.Back):
		if w, ok := cur.(escWanter); !ok || !w.wantsEsc() {
			return a.leave(pendingBack)
		}
	}
	return update(k)
}

// leave quits or backs out, asking first when typed input would be lost.
func (a *App) leave(action pendingAction) tea.Cmd {
	cur, _ := a.current()
	if d, ok := cur.(drafter); ok && d.dirty() {
		a.ask = action
		return nil
	}
	return a.do(action)
}

// do carries out a quit or a back.
func (a *App) do(action pendingAction) tea.Cmd {
	switch action {
	case pendingQuit:
		return tea.Quit
	case pendingBack:
		cur, _ := a.current()
		if b, ok := cur.(backer); ok {
			if handled, cmd := b.back(); handled {
				return cmd
			}
		}
		return a.pop()
	}
	return nil
}

// answer handles the "unsaved input" question: save, discard or keep editing.
// A second ctrl+c is someone who wants out now: it saves what was typed, so
// nothing is lost, and quits.
func (a *App) answer(k tea.KeyPressMsg) tea.Cmd {
	action := a.ask
	switch {
	case key.Matches(k, a.keys.ForceQuit):
		action = pendingQuit
		fallthrough
	case key.Matches(k, a.keys.Save):
		a.ask = pendingNone
		cur, _ := a.current()
		if d, ok := cur.(drafter); ok {
			a.pending = action
			return d.saveDraft()
		}
		return a.do(action)
	case key.Matches(k, a.keys.Discard):
		a.ask = pendingNone
		var drop tea.Cmd
		if cur, _ := a.current(); cur != nil {
			if dd, ok := cur.(draftDropper); ok {
				drop = dd.discardDraft()
			}
		}
		return tea.Batch(drop, a.do(action))
	case key.Matches(k, a.keys.Keep):
		a.ask = pendingNone
	}
	return nil
}

// setStatus shows a message (or an error) until the next key.
func (a *App) setStatus(text string, isErr bool) {
	a.status, a.statusErr = text, isErr
}

// setStyles swaps the look of every screen after a background change.
func (a *App) setStyles(st *Styles) tea.Cmd {
	a.styles = st
	a.help.Styles = st.Help
	var cmds []tea.Cmd
	for _, s := range a.screens() {
		cmds = append(cmds, s.setStyles(st))
	}
	return tea.Batch(cmds...)
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

// openWorkspaceMsg opens a proposal's workspace.
type openWorkspaceMsg struct {
	id int64
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

// backMsg closes the screen that sent it, with a message for the status line.
// from guards against closing a second screen when a save already left.
type backMsg struct {
	from   screenID
	status string
	// stakeholderID is the person the form was about; the workspace
	// underneath selects them, so l or e next acts on the same person.
	stakeholderID int64
}

func (a *App) openWorkspace(m openWorkspaceMsg) tea.Cmd {
	if m.replace && len(a.stack) > 1 {
		a.stack = a.stack[:len(a.stack)-1]
	}
	for len(a.stack) > 1 && a.state() != screenDashboard {
		a.stack = a.stack[:len(a.stack)-1]
	}
	a.workspace = newWorkspace(a.b, a.styles, m.id)
	a.push(screenWorkspace)
	a.setStatus(m.status, false)
	return a.workspace.refresh()
}

func (a *App) openWalk(m openWalkMsg) tea.Cmd {
	a.walkthrough = newWalkthrough(a.b, a.styles, m.id)
	a.push(screenWalk)
	return a.walkthrough.Init()
}

func (a *App) openPerson(m openPersonMsg) tea.Cmd {
	a.person = newPersonScreen(a.b, a.styles, m.dossier, m.stakeholderID, m.stages)
	a.push(screenPerson)
	return a.person.Init()
}

func (a *App) openLog(m openLogMsg) tea.Cmd {
	a.log = newLogScreen(a.b, a.styles, m.dossier, m.stakeholderID)
	a.push(screenLog)
	return a.log.Init()
}

// reportErr is a command that shows err in the status line.
func reportErr(err error) tea.Cmd {
	return func() tea.Msg { return errMsg{err: err} }
}

// navigate is a command that delivers a navigation message.
func navigate(msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return msg }
}
