package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// statusChoice is one step of the status filter cycle.
type statusChoice struct {
	label    string
	statuses []model.ObjectionStatus
}

// objectionStatusFilters is what s cycles through.
var objectionStatusFilters = []statusChoice{
	{"any", nil},
	{"open or addressing", []model.ObjectionStatus{model.ObjectionOpen, model.ObjectionAddressing}},
	{"open", []model.ObjectionStatus{model.ObjectionOpen}},
	{"addressing", []model.ObjectionStatus{model.ObjectionAddressing}},
	{"resolved", []model.ObjectionStatus{model.ObjectionResolved}},
	{"accepted", []model.ObjectionStatus{model.ObjectionAccepted}},
	{"withdrawn", []model.ObjectionStatus{model.ObjectionWithdrawn}},
	{"settled", []model.ObjectionStatus{model.ObjectionResolved, model.ObjectionAccepted, model.ObjectionWithdrawn}},
}

// severityChoice is one step of the severity filter cycle.
type severityChoice struct {
	label      string
	severities []model.Severity
}

// severityFilters is what v cycles through.
var severityFilters = []severityChoice{
	{"any", nil},
	{"blocker", []model.Severity{model.SeverityBlocker}},
	{"major or blocker", []model.Severity{model.SeverityMajor, model.SeverityBlocker}},
	{"major", []model.Severity{model.SeverityMajor}},
	{"minor", []model.Severity{model.SeverityMinor}},
}

// objectionsScreen is the objections log: every objection across proposals
// (or one), most urgent first, with filters, a detail pane and the forms to
// change status, respond, pick the voice in the room and add one.
type objectionsScreen struct {
	reviewBase
	statusIdx   int
	severityIdx int
	rows        []model.ObjectionRow

	edit  objectionEdit
	draft *objectionDraft
	// started is the draft as the form opened, to tell typed input and to
	// say what a save changed; a failed save shows the form again without
	// taking a new one.
	started objectionDraft
}

// newObjectionsScreen builds the screen, scoped to one proposal when
// proposalID is set, with selectID selected once loaded.
func newObjectionsScreen(b *backend, st *Styles, proposalID, selectID int64) *objectionsScreen {
	s := &objectionsScreen{}
	s.b, s.st, s.keys, s.scope, s.focus = b, st, newReviewKeys(), proposalID, selectID
	s.list = widget.NewGrid([]widget.Column{
		{Title: "Severity", Width: 8},
		{Title: "Status", Width: 10},
		{Title: "Age", Width: 4, Right: true, Priority: 5},
		{Title: "Proposal", Min: 10, Priority: 3},
		{Title: "Objection", Min: 30},
		{Title: "Raised by", Min: 15, Priority: 1},
		{Title: "Voice in room", Min: 15, Priority: 4},
		{Title: "Our response", Min: 12, Priority: 6},
		// Needs stands in for the voice and response columns when they do
		// not fit, so a narrow list still shows what each objection lacks.
		{Title: "Needs", Width: 12, Priority: 2, StandsIn: []string{"Voice in room", "Our response"}},
	}, "")
	s.syncKeys()
	return s
}

// objProposalCol is the index of the Proposal column, hidden when scoped.
const objProposalCol = 3

// Init loads every proposal.
func (s *objectionsScreen) Init() tea.Cmd { return s.load() }

// refresh reloads when the screen comes back into view.
func (s *objectionsScreen) refresh() tea.Cmd { return s.load() }

// title is the breadcrumb.
func (s *objectionsScreen) title() string { return "Objections" }

// SetSize lays out the list, the detail pane and the forms.
func (s *objectionsScreen) SetSize(w, h int) {
	s.sizeParts(w, h)
}

// setStyles re-themes the form.
func (s *objectionsScreen) setStyles(st *Styles) tea.Cmd {
	s.st = st
	s.host.SetTheme(st.huhTheme())
	return nil
}

// Update handles loads, saves, the forms, the search and the list keys.
func (s *objectionsScreen) Update(msg tea.Msg) (*objectionsScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case reviewLoadedMsg:
		return s, s.takeLoad(msg, s.rebuild)
	case reviewScoredMsg:
		return s, s.takeScores(msg)
	case objectionSavedMsg:
		cmd := s.takeSave(msg.seq, msg.err, msg.objection.ID, s.buildForm)
		s.syncKeys()
		return s, cmd
	case reviewDeleteMsg:
		if msg.kind != reviewObjections || s.waiting {
			return s, nil
		}
		return s, s.delete(msg.id)
	case tea.PasteMsg:
		if s.PasteSearch(msg) {
			s.rebuild()
			return s, nil
		}
	}
	if ok, cmd := s.updateForm(msg, s.rebuild, s.save); ok {
		return s, cmd
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		cmd := s.handleKey(k)
		s.syncKeys()
		return s, cmd
	}
	return s, nil
}

// handleKey runs the search, the filters, movement and the actions; while
// a row is read in full, the movement keys scroll it instead.
func (s *objectionsScreen) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if s.full {
		switch {
		case key.Matches(k, s.keys.Refresh):
			return s.load()
		case s.waiting || s.scrollFull(k, s.fullLen()):
			return nil
		}
		return s.rowKey(k)
	}
	if ok, cmd := s.commonKey(k, s.rebuild); ok {
		return cmd
	}
	// Like the common filters, these work while the list is still loading.
	switch {
	case key.Matches(k, s.keys.StatusFilter):
		s.statusIdx = (s.statusIdx + 1) % len(objectionStatusFilters)
		s.rebuild()
		return nil
	case key.Matches(k, s.keys.SeverityFilter):
		s.severityIdx = (s.severityIdx + 1) % len(severityFilters)
		s.rebuild()
		return nil
	case key.Matches(k, s.keys.Clear):
		s.statusIdx, s.severityIdx = 0, 0
		s.clearCommon()
		s.rebuild()
		return nil
	}
	if !s.loaded || s.waiting || s.move(k) {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Scope):
		row, ok := s.selectedRow()
		return s.toggleScope(row.ProposalID, ok, "an objection", s.rebuild)
	case key.Matches(k, s.keys.Filter):
		return s.openFilterForm()
	case key.Matches(k, s.keys.Add):
		return s.openForm(addObjection)
	case key.Matches(k, s.keys.Open):
		s.openFull()
		return nil
	}
	return s.rowKey(k)
}

// rowKey runs an action on the selected objection, from the list or from
// the page that shows it in full.
func (s *objectionsScreen) rowKey(k tea.KeyPressMsg) tea.Cmd {
	row, ok := s.selectedRow()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Edit):
		return s.openForm(editObjection)
	case key.Matches(k, s.keys.Mark):
		return s.openForm(editObjectionStatus)
	case key.Matches(k, s.keys.Respond):
		return s.openForm(editObjectionResponse)
	case key.Matches(k, s.keys.Voice):
		return s.openForm(editObjectionVoice)
	case key.Matches(k, s.keys.Delete):
		return askConfirm("Delete the objection “"+ansi.Truncate(clean(row.Text), 40, "…")+"”? u undoes it.",
			navigate(reviewDeleteMsg{kind: reviewObjections, id: row.ID}))
	case key.Matches(k, s.keys.Person):
		who := row.RaisedByID
		if who == 0 {
			who = row.VoiceID
		}
		return navigate(openWorkspaceAtMsg{proposalID: row.ProposalID, tab: tabRoom, selectID: who})
	case key.Matches(k, s.keys.Talk):
		return openTalk(row.ProposalID, row.TouchpointID, "this objection")
	}
	return nil
}

// delete deletes an objection once the question is answered yes, and says
// so with the readiness move once the list has reloaded.
func (s *objectionsScreen) delete(id int64) tea.Cmd {
	pid := int64(0)
	for _, r := range s.rows {
		if r.ID == id {
			pid = r.ProposalID
		}
	}
	s.host.Stop()
	s.saveSeq++
	s.waiting = true
	s.expectChange(pid, "Deleted the objection; u undoes it.")
	return s.b.deleteObjection(s.saveSeq, id)
}

// selectedRow is the objection under the cursor.
func (s *objectionsScreen) selectedRow() (model.ObjectionRow, bool) {
	return selectedOf(&s.list, s.rows)
}

// filter is the model filter for the current choices.
func (s *objectionsScreen) filter() model.ObjectionFilter {
	return model.ObjectionFilter{
		ProposalID:      s.scope,
		Statuses:        objectionStatusFilters[s.statusIdx].statuses,
		Severities:      severityFilters[s.severityIdx].severities,
		Person:          s.person,
		Text:            s.Query,
		IncludeArchived: s.includeArchived(),
	}
}

// rebuild filters and orders the objections again (the model orders them,
// most urgent first) and keeps the selection on the same objection.
func (s *objectionsScreen) rebuild() {
	if s.data == nil {
		return
	}
	s.rows = model.ObjectionRows(s.data.objections, s.data.dir, s.filter(), s.b.today())
	s.showRows(s.gridRows(), objProposalCol)
	s.syncKeys()
}

// syncKeys enables what applies now.
func (s *objectionsScreen) syncKeys() {
	has := s.loaded && s.list.Len() > 0
	for _, b := range []*key.Binding{&s.keys.Open, &s.keys.Edit, &s.keys.Mark, &s.keys.Respond, &s.keys.Voice,
		&s.keys.Person, &s.keys.Delete} {
		b.SetEnabled(has)
	}

	s.keys.Talk.SetEnabled(has)
	row, ok := s.selectedRow()
	s.keys.Person.SetHelp("w", "who raised it")
	if ok && row.RaisedByID == 0 {
		s.keys.Person.SetHelp("w", "the room")
	}
	s.syncFilterKeys()
}

// ShortHelp implements help.KeyMap: the actions first, since the line drops
// keys from the end when the terminal is narrow.
func (s *objectionsScreen) ShortHelp() []key.Binding {
	if keys, ok := s.modeHelp(); ok {
		return keys
	}
	if s.full {
		return []key.Binding{s.keys.Edit, s.keys.Respond, s.keys.Voice, s.keys.Mark, s.keys.Delete, s.scrollHelp(s.fullLen())}
	}
	return []key.Binding{s.keys.Open, s.keys.Edit, s.keys.Respond, s.keys.Voice, s.keys.Mark, s.keys.Add, s.keys.Delete, s.keys.Person}
}

// FullHelp implements help.KeyMap.
func (s *objectionsScreen) FullHelp() [][]key.Binding {
	if s.host.Active() {
		return [][]key.Binding{s.host.KeyBinds()}
	}
	if s.full {
		return [][]key.Binding{
			{s.keys.Edit, s.keys.Mark, s.keys.Respond, s.keys.Voice, s.keys.Delete, s.keys.Person, s.keys.Talk},
			s.keys.navKeys(),
		}
	}
	return [][]key.Binding{
		{s.keys.Open, s.keys.Edit, s.keys.Mark, s.keys.Respond, s.keys.Voice, s.keys.Add, s.keys.Delete, s.keys.Person, s.keys.Talk},
		{s.keys.Search, s.keys.StatusFilter, s.keys.SeverityFilter, s.keys.Scope, s.keys.Filter, s.keys.Archived, s.keys.Clear},
		s.navHelp(),
	}
}
