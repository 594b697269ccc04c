package tui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/tui/widget"
)

// agendaStore is what the Agenda and search screens read; Store includes it.
type agendaStore interface {
	// Agenda builds what to do today and the next days across proposals.
	Agenda(ctx context.Context, today model.Date, days int) (readiness.Agenda, error)
	// Search finds every record whose text holds all the words, best first.
	Search(ctx context.Context, query string, limit int) ([]model.SearchHit, error)
}

// agendaKeys are the Agenda screen's own keys.
type agendaKeys struct {
	keyMap
	// Done marks the selected talk as held, or the commitment as kept.
	Done key.Binding
	// Plan opens the person's plan; Workspace opens the proposal.
	Plan      key.Binding
	Workspace key.Binding
	// Longer looks further ahead, Shorter less far.
	Longer  key.Binding
	Shorter key.Binding
}

func newAgendaKeys() agendaKeys {
	k := agendaKeys{keyMap: newKeyMap()}
	k.Open.SetHelp("enter", "log / open")
	k.Done = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "mark done"))
	k.Plan = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "plan"))
	k.Workspace = key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "proposal"))
	k.Longer = key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "more days"))
	k.Shorter = key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "fewer days"))
	return k
}

// agendaScreen is "what do I do today": the agenda across every open
// proposal, one line per thing to do, with the selected line in full below.
type agendaScreen struct {
	b       *backend
	st      *Styles
	keys    agendaKeys
	list    widget.Grid
	ag      readiness.Agenda
	days    int
	loaded  bool
	loading bool
	seq     int
	width   int
	height  int
}

// agendaLoadedMsg carries a freshly built agenda.
type agendaLoadedMsg struct {
	seq    int
	agenda readiness.Agenda
	err    error
}

// agendaChangedMsg reports a line marked done from the agenda.
type agendaChangedMsg struct {
	status string
	err    error
}

func newAgendaScreen(b *backend, st *Styles) *agendaScreen {
	s := &agendaScreen{b: b, st: st, keys: newAgendaKeys(), days: readiness.DefaultAgendaDays}
	s.list = widget.NewGrid([]widget.Column{
		{Title: "When", Width: 10, Sorted: true},
		{Title: "Why", Width: 11, Priority: 1},
		{Title: "Who", Min: 15},
		{Title: "What", Min: 14},
		{Title: "Proposal", Min: 20, Priority: 2},
	}, "Nothing due. Plan talks with dates to see them here.")
	s.syncKeys()
	return s
}

// title is the breadcrumb.
func (s *agendaScreen) title() string { return "Agenda" }

// refresh rebuilds the agenda (after a talk is logged, an undo, a return).
func (s *agendaScreen) refresh() tea.Cmd {
	s.seq++
	s.loading = true
	return s.b.loadAgenda(s.seq, s.days)
}

// Init loads the agenda.
func (s *agendaScreen) Init() tea.Cmd { return s.refresh() }

// detailLines is how many lines the selected line's detail takes below the list.
const agendaDetailLines = 5

// SetSize lays out the list above the detail.
func (s *agendaScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	// The head (a line), a gap, the list, a gap, the detail pane.
	s.list.SetSize(w, max(h-lipgloss.Height(s.head())-1-agendaDetailLines-1, 2))
}

// setStyles swaps in new styles.
func (s *agendaScreen) setStyles(st *Styles) tea.Cmd { s.st = st; return nil }

// Update handles loads, results of marking done, and keys.
func (s *agendaScreen) Update(msg tea.Msg) (*agendaScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case agendaLoadedMsg:
		if msg.seq != s.seq {
			return s, nil
		}
		s.loading = false
		if msg.err != nil {
			return s, reportErr(msg.err)
		}
		s.loaded, s.ag = true, msg.agenda
		sel, _ := s.list.Selected()
		s.list.SetRows(s.buildRows())
		s.list.SetCursor(min(s.list.Cursor(), max(s.list.Len()-1, 0)))
		if sel.ID != 0 {
			s.list.SelectID(sel.ID)
		}
		s.syncKeys()
		return s, nil
	case agendaChangedMsg:
		if msg.err != nil {
			return s, reportErr(msg.err)
		}
		return s, tea.Batch(s.refresh(), navigate(statusMsg{text: msg.status}))
	case tea.KeyPressMsg:
		cmd := s.handleKey(msg)
		s.syncKeys()
		return s, cmd
	}
	return s, nil
}

// selected is the agenda line under the cursor.
func (s *agendaScreen) selected() (readiness.AgendaItem, bool) {
	if s.list.Len() == 0 {
		return readiness.AgendaItem{}, false
	}
	i := s.list.Cursor()
	if i < 0 || i >= len(s.ag.Items) {
		return readiness.AgendaItem{}, false
	}
	return s.ag.Items[i], true
}

func (s *agendaScreen) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if s.list.MoveKey(s.keys.keyMap.moves(), k) {
		return nil
	}
	it, ok := s.selected()
	switch {
	case key.Matches(k, s.keys.Longer):
		s.days = min(s.days*2, 56)
		return s.refresh()
	case key.Matches(k, s.keys.Shorter):
		s.days = max(s.days/2, 1)
		return s.refresh()
	case key.Matches(k, s.keys.Refresh):
		return s.refresh()
	case !ok:
		return nil
	case key.Matches(k, s.keys.Open):
		return s.open(it)
	case key.Matches(k, s.keys.Done):
		return s.b.markAgendaDone(it)
	case key.Matches(k, s.keys.Plan) && it.StakeholderID != 0:
		return s.b.openFromAgenda(it.ProposalID, it.StakeholderID, false)
	case key.Matches(k, s.keys.Workspace):
		return navigate(jumpMsg{proposalID: it.ProposalID, stakeholderID: it.StakeholderID, tab: tabSummary})
	}
	return nil
}

// open acts on a line: a talk or a reconnect is logged, a commitment
// opens the conversation it was made in, an objection the objections
// review, a decision the proposal.
func (s *agendaScreen) open(it readiness.AgendaItem) tea.Cmd {
	switch {
	case it.Kind.IsTalk(), it.Kind == readiness.AgendaReconnect:
		return s.b.openFromAgenda(it.ProposalID, it.StakeholderID, true)
	case it.Kind == readiness.AgendaVoice:
		return navigate(openReviewMsg{kind: reviewObjections, proposalID: it.ProposalID, selectID: it.ObjectionID})
	}
	if it.Kind == readiness.AgendaCommitment {
		return navigate(jumpMsg{proposalID: it.ProposalID, tab: tabLog, talkID: it.TouchpointID})
	}
	return navigate(jumpMsg{proposalID: it.ProposalID, tab: tabSummary})
}

// syncKeys enables what applies to the selected line.
func (s *agendaScreen) syncKeys() {
	it, ok := s.selected()
	has := ok
	s.keys.Open.SetEnabled(has)
	s.keys.Workspace.SetEnabled(has)
	s.keys.Plan.SetEnabled(has && it.StakeholderID != 0)
	s.keys.Done.SetEnabled(has && (it.Kind.IsTalk() || it.Kind == readiness.AgendaCommitment))
	switch {
	case it.Kind.IsTalk() || it.Kind == readiness.AgendaReconnect:
		s.keys.Open.SetHelp("enter", "log the talk")
	case it.Kind == readiness.AgendaVoice:
		s.keys.Open.SetHelp("enter", "objection")
	default:
		s.keys.Open.SetHelp("enter", "open")
	}
	if it.Kind == readiness.AgendaCommitment {
		s.keys.Done.SetHelp("x", "kept")
	} else {
		s.keys.Done.SetHelp("x", "held")
	}
	for _, b := range []*key.Binding{&s.keys.Up, &s.keys.Down, &s.keys.PageUp, &s.keys.PageDown, &s.keys.Top, &s.keys.Bottom} {
		b.SetEnabled(s.list.Len() > 0)
	}
}

// agendaLabel is the short "why" column for a line.
func agendaLabel(it readiness.AgendaItem) string {
	switch it.Kind {
	case readiness.AgendaOverdueTalk:
		return "overdue"
	case readiness.AgendaCriticalTalk:
		return "critical"
	case readiness.AgendaPlannedTalk:
		return "planned"
	case readiness.AgendaCommitment:
		if it.Commitment == model.CommitmentTheirs {
			return "they owe"
		}
		return "I owe"
	case readiness.AgendaReconnect:
		return "reconnect"
	case readiness.AgendaVoice:
		return "needs voice"
	case readiness.AgendaDecision:
		return "decision"
	}
	return ""
}

// buildRows turns the agenda into rows once per load, never per frame.
// A row's id is its position, since lines of different kinds share ids.
func (s *agendaScreen) buildRows() []widget.Row {
	today := s.b.today()
	rows := make([]widget.Row, 0, len(s.ag.Items))
	for i, it := range s.ag.Items {
		t := widget.ToneNormal
		switch {
		case it.Kind == readiness.AgendaOverdueTalk || (!it.Due.IsZero() && it.Due.Before(today)):
			t = widget.ToneWarn
		case it.Kind == readiness.AgendaDecision:
			t = widget.ToneMuted
		}
		who := clean(it.Who)
		if who == "" {
			who = "—"
		}
		rows = append(rows, widget.Row{ID: int64(i + 1), Tone: t, Cells: []string{
			it.Due.Relative(today, true), agendaLabel(it), who, clean(it.What), clean(it.ProposalTitle),
		}})
	}
	return rows
}

// View shows the heading, the list and the selected line in full.
func (s *agendaScreen) View() string {
	st := s.st
	if !s.loaded {
		if s.loading {
			return st.Muted.Render("Building the agenda…")
		}
		return ""
	}
	body := s.head() + "\n\n" + s.list.View(st.grid())
	if it, ok := s.selected(); ok {
		body += "\n\n" + s.detail(it)
	}
	return widget.Clip(body, s.width, max(s.height, 1))
}

// head is the day and how much there is to do, on one line.
func (s *agendaScreen) head() string {
	st := s.st
	return ansi.Truncate(st.Title.Render("Today, "+s.ag.Today.Human())+
		st.Muted.Render(" · the next "+plural(s.ag.Days, "day", "days")+" · "+plural(len(s.ag.Items), "thing", "things")+" to do"), s.width, "…")
}

// detail is the selected line in full: nothing is cut without a way to read it.
func (s *agendaScreen) detail(it readiness.AgendaItem) string {
	st := s.st
	w := max(s.width-2, 10)
	var lines []string
	add := func(label, text string) {
		if text = clean(text); text == "" {
			return
		}
		for i, l := range widget.WrapText(label+text, w, 2) {
			if i == 0 {
				lines = append(lines, st.Accent.Render(label)+st.Text.Render(strings.TrimPrefix(l, label)))
				continue
			}
			lines = append(lines, st.Text.Render("  "+l))
		}
	}
	who := clean(it.Who)
	if who != "" {
		who += " · "
	}
	lines = append(lines, st.Heading.Render(ansi.Truncate(who+clean(it.ProposalTitle), w, "…")))
	add("What: ", it.What)
	add("Where: ", it.Where)
	add("Why now: ", it.Why)
	if len(lines) > agendaDetailLines {
		lines = lines[:agendaDetailLines]
	}
	return strings.Join(lines, "\n")
}

// ShortHelp implements help.KeyMap.
func (s *agendaScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.Open, s.keys.Done, s.keys.Plan, s.keys.Workspace}
}

// FullHelp implements help.KeyMap.
func (s *agendaScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{s.keys.Open, s.keys.Done, s.keys.Plan, s.keys.Workspace, s.keys.Longer, s.keys.Shorter, s.keys.Refresh},
		s.keys.navKeys(),
	}
}

// loadAgenda builds the agenda for today.
func (b *backend) loadAgenda(seq, days int) tea.Cmd {
	store, ctx, today := b.store, b.ctx, b.today()
	return func() tea.Msg {
		ag, err := store.Agenda(ctx, today, days)
		return agendaLoadedMsg{seq: seq, agenda: ag, err: err}
	}
}

// markAgendaDone marks a planned talk as held (without logging it) or a
// commitment as kept: one store call, one undo step.
func (b *backend) markAgendaDone(it readiness.AgendaItem) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		switch {
		case it.Kind == readiness.AgendaCommitment:
			_, err := store.EditTouchpoint(ctx, it.TouchpointID, func(t *model.Touchpoint) error {
				t.CommitmentDone = true
				return nil
			})
			return agendaChangedMsg{status: "Kept: " + clean(it.What) + " (u undoes).", err: err}
		case it.Kind.IsTalk():
			_, err := store.EditStakeholder(ctx, it.StakeholderID, func(s *model.Stakeholder) error {
				s.Plan.Done = true
				return nil
			})
			return agendaChangedMsg{status: "Marked the talk with " + clean(it.Who) + " as held, without logging it (u undoes; l logs it from the proposal).", err: err}
		}
		return nil
	}
}

// openFromAgenda loads the proposal and opens "log a conversation" with
// the person (log) or the person's plan.
func (b *backend) openFromAgenda(proposalID, stakeholderID int64, log bool) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		d, err := store.LoadDossier(ctx, proposalID)
		if err != nil {
			return errMsg{err: err}
		}
		if log {
			return openLogMsg{dossier: d, stakeholderID: stakeholderID}
		}
		return openPersonMsg{dossier: d, stakeholderID: stakeholderID, stages: []personStage{stageWhen, stageWhat, stageWhere}}
	}
}
