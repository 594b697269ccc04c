// Package tui is the terminal workbook: the dashboard, the when/whom/what/where
// walkthrough, the proposal workspace and the conversation log. It is one
// Bubble Tea model (App) routing to screens; all I/O runs in commands against
// the Store interface declared in this package.
package tui

import (
	"context"
	"time"

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
func Run(ctx context.Context, store Store, opts Options) error {
	app := New(store, opts)
	app.b.ctx = ctx
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	if app.opts.NoColor {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	p := tea.NewProgram(app, popts...)
	listenForWaits(store, p)
	listenForReverseProgress(store, p)
	_, err := p.Run()
	return err
}

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

	// reversing is set while a large undo or redo runs in chunks, and
	// reversingText says how far it has got (the status line shows it);
	// u and U wait until it is done.
	reversing     bool
	reversingText string
	status        string
	statusErr     bool
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
func New(store Store, opts Options) *App {
	if opts.Today == nil {
		opts.Today = func() model.Date { return model.DateOf(time.Now()) }
	}
	b := &backend{store: store, ctx: context.Background(), today: opts.Today}
	a := &App{b: b, opts: opts, keys: newKeyMap(), help: help.New(), readOnly: readOnlyReason(store)}
	a.styles = newStyles(true, opts.NoColor)
	a.help.Styles = a.styles.Help
	a.dashboard = newDashboard(b, a.styles, opts.DBPath)
	a.stack = []screenID{screenDashboard}
	return a
}

// Init asks the terminal for its background and loads the dashboard.
func (a *App) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, a.dashboard.refresh(), a.b.checkUnfinished())
}

// Update routes a message: keys through the global bindings first, sizes and
// colours to every screen, everything else to the active screen.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if a.opts.Debug != nil {
		a.debug(msg)
	}
	if m, ok := msg.(removedMsg); ok && m.purged {
		a.b.briefs.forget()
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
	case reverseProgressMsg:
		a.reverseProgress(msg)
		return a, nil
	case statusMsg:
		if msg.prepend && a.status != "" && !a.statusErr {
			a.setStatus(msg.text+" "+a.status, false)
		} else {
			a.setStatus(msg.text, false)
		}
		return a, nil
	case confirmMsg:
		a.confirm = &msg
		return a, nil
	case undoneMsg:
		return a, a.undone(msg)
	case navMsg:
		return a, a.goTo(msg)
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
		return a.startReverse(a.b.undo)
	case !capt && key.Matches(k, a.keys.Redo) && a.undoAllowed(cur):
		return a.startReverse(a.b.redo)
	case !capt && key.Matches(k, a.keys.Objections) && a.reviewKeyAllowed(reviewObjections):
		return a.openReview(openReviewMsg{kind: reviewObjections, proposalID: a.reviewScope()})
	case !capt && key.Matches(k, a.keys.BlindSpots) && a.reviewKeyAllowed(reviewBlindSpots):
		return a.openReview(openReviewMsg{kind: reviewBlindSpots, proposalID: a.reviewScope()})
	case !capt && key.Matches(k, a.keys.Contacts) && a.contactsKeyAllowed():
		return a.goTo(openContactsMsg{})
	case !capt && key.Matches(k, a.keys.Agenda) && a.agendaKeyAllowed():
		return a.goTo(openAgendaMsg{})
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
		a.setStatus("Discarded what you typed.", false)
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

// reportErr is a command that shows err in the status line.
func reportErr(err error) tea.Cmd {
	return func() tea.Msg { return errMsg{err: err} }
}
