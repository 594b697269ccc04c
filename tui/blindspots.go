package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// blindSpotStatusFilters is what s cycles through on the blind-spot screen.
var blindSpotStatusFilters = []struct {
	label    string
	statuses []model.BlindSpotStatus
}{
	{"any", nil},
	{"open", []model.BlindSpotStatus{model.BlindSpotOpen}},
	{"addressed", []model.BlindSpotStatus{model.BlindSpotAddressed}},
}

// blindSpotsScreen lists blind spots across proposals (or one), open first,
// with who surfaced each and how it was addressed; enter reads one in full,
// e edits every field, m toggles the status, r says how it was addressed,
// a adds one and X deletes one.
type blindSpotsScreen struct {
	reviewBase
	statusIdx int
	rows      []model.BlindSpotRow

	edit    blindSpotEdit
	draft   *blindSpotDraft
	started blindSpotDraft
}

// newBlindSpotsScreen builds the screen, scoped to one proposal when
// proposalID is set, with selectID selected once loaded.
func newBlindSpotsScreen(b *backend, st *Styles, proposalID, selectID int64) *blindSpotsScreen {
	s := &blindSpotsScreen{}
	s.b, s.st, s.keys, s.scope, s.focus = b, st, newReviewKeys(), proposalID, selectID
	s.list = widget.NewGrid([]widget.Column{
		{Title: "Status", Width: 9},
		{Title: "Age", Width: 4, Right: true, Priority: 3},
		{Title: "Proposal", Min: 10, Priority: 2},
		{Title: "Blind spot", Min: 30},
		{Title: "Surfaced by", Min: 15, Priority: 1},
		{Title: "How addressed", Min: 12, Priority: 4},
	}, "")
	s.syncKeys()
	return s
}

// spotProposalCol is the index of the Proposal column, hidden when scoped.
const spotProposalCol = 2

// Init loads every proposal.
func (s *blindSpotsScreen) Init() tea.Cmd { return s.load() }

// refresh reloads when the screen comes back into view.
func (s *blindSpotsScreen) refresh() tea.Cmd { return s.load() }

// title is the breadcrumb.
func (s *blindSpotsScreen) title() string { return "Blind spots" }

// SetSize lays out the list, the detail pane and the forms.
func (s *blindSpotsScreen) SetSize(w, h int) { s.sizeParts(w, h) }

// setStyles re-themes the form.
func (s *blindSpotsScreen) setStyles(st *Styles) tea.Cmd {
	s.st = st
	s.host.SetTheme(st.huhTheme())
	return nil
}

// Update handles loads, saves, the forms, the search and the list keys.
func (s *blindSpotsScreen) Update(msg tea.Msg) (*blindSpotsScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case reviewLoadedMsg:
		return s, s.takeLoad(msg, s.rebuild)
	case reviewScoredMsg:
		return s, s.takeScores(msg)
	case blindSpotSavedMsg:
		cmd := s.takeSave(msg.seq, msg.err, msg.spot.ID, s.buildForm)
		s.syncKeys()
		return s, cmd
	case reviewDeleteMsg:
		if msg.kind != reviewBlindSpots || s.waiting {
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
func (s *blindSpotsScreen) handleKey(k tea.KeyPressMsg) tea.Cmd {
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
		s.statusIdx = (s.statusIdx + 1) % len(blindSpotStatusFilters)
		s.rebuild()
		return nil
	case key.Matches(k, s.keys.Clear):
		s.statusIdx = 0
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
		return s.toggleScope(row.ProposalID, ok, "a blind spot", s.rebuild)
	case key.Matches(k, s.keys.Filter):
		return s.openFilterForm()
	case key.Matches(k, s.keys.Add):
		return s.openForm(addBlindSpot)
	case key.Matches(k, s.keys.Open):
		s.openFull()
		return nil
	}
	return s.rowKey(k)
}

// rowKey runs an action on the selected blind spot, from the list or from
// the page that shows it in full.
func (s *blindSpotsScreen) rowKey(k tea.KeyPressMsg) tea.Cmd {
	row, ok := s.selectedRow()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Edit):
		return s.openForm(editBlindSpot)
	case key.Matches(k, s.keys.Respond):
		return s.openForm(editBlindSpotHow)
	case key.Matches(k, s.keys.Mark):
		return s.toggle(row)
	case key.Matches(k, s.keys.Delete):
		return askConfirm("Delete the blind spot “"+ansi.Truncate(clean(row.Text), 40, "…")+"”? u undoes it.",
			navigate(reviewDeleteMsg{kind: reviewBlindSpots, id: row.ID}))
	case key.Matches(k, s.keys.Person):
		return navigate(openWorkspaceAtMsg{proposalID: row.ProposalID, tab: tabRoom, selectID: row.SurfacedByID})
	case key.Matches(k, s.keys.Talk):
		return openTalk(row.ProposalID, row.TouchpointID, "this blind spot")
	}
	return nil
}

// delete deletes a blind spot once the question is answered yes.
func (s *blindSpotsScreen) delete(id int64) tea.Cmd {
	pid := int64(0)
	for _, r := range s.rows {
		if r.ID == id {
			pid = r.ProposalID
		}
	}
	s.host.Stop()
	s.saveSeq++
	s.waiting = true
	s.expectChange(pid, "Deleted the blind spot; u undoes it.")
	return s.b.deleteBlindSpot(s.saveSeq, id)
}

// selectedRow is the blind spot under the cursor.
func (s *blindSpotsScreen) selectedRow() (model.BlindSpotRow, bool) {
	return selectedOf(&s.list, s.rows)
}

// rebuild filters and orders the blind spots again, open first, keeping the
// selection on the same one.
func (s *blindSpotsScreen) rebuild() {
	if s.data == nil {
		return
	}
	f := model.BlindSpotFilter{ProposalID: s.scope, Statuses: blindSpotStatusFilters[s.statusIdx].statuses,
		Person: s.person, Text: s.Query, IncludeArchived: s.includeArchived()}
	s.rows = model.BlindSpotRows(s.data.blindSpots, s.data.dir, f, s.b.today())
	s.showRows(s.gridRows(), spotProposalCol)
	s.syncKeys()
}

// syncKeys enables what applies now.
func (s *blindSpotsScreen) syncKeys() {
	has := s.loaded && s.list.Len() > 0
	for _, b := range []*key.Binding{&s.keys.Open, &s.keys.Edit, &s.keys.Mark, &s.keys.Respond, &s.keys.Person, &s.keys.Delete} {
		b.SetEnabled(has)
	}
	s.keys.Voice.SetEnabled(false)
	s.keys.SeverityFilter.SetEnabled(false)
	s.keys.Talk.SetEnabled(has)
	row, ok := s.selectedRow()
	s.keys.Respond.SetHelp("r", "how addressed")
	s.keys.Mark.SetHelp("m", "mark addressed")
	if ok && row.Status == model.BlindSpotAddressed {
		s.keys.Mark.SetHelp("m", "reopen")
	}
	s.keys.Person.SetHelp("w", "surfaced by")
	if ok && row.SurfacedByID == 0 {
		s.keys.Person.SetHelp("w", "the room")
	}
	s.syncFilterKeys()
}

// ShortHelp implements help.KeyMap.
func (s *blindSpotsScreen) ShortHelp() []key.Binding {
	if keys, ok := s.modeHelp(); ok {
		return keys
	}
	if s.full {
		return []key.Binding{s.keys.Edit, s.keys.Mark, s.keys.Respond, s.keys.Delete, s.scrollHelp(s.fullLen())}
	}
	return []key.Binding{s.keys.Open, s.keys.Edit, s.keys.Mark, s.keys.Respond, s.keys.Add, s.keys.Delete, s.keys.Search, s.keys.StatusFilter, s.keys.Person}
}

// FullHelp implements help.KeyMap.
func (s *blindSpotsScreen) FullHelp() [][]key.Binding {
	if s.host.Active() {
		return [][]key.Binding{s.host.KeyBinds()}
	}
	if s.full {
		return [][]key.Binding{
			{s.keys.Edit, s.keys.Mark, s.keys.Respond, s.keys.Delete, s.keys.Person, s.keys.Talk},
			s.keys.navKeys(),
		}
	}
	return [][]key.Binding{
		{s.keys.Open, s.keys.Edit, s.keys.Mark, s.keys.Respond, s.keys.Add, s.keys.Delete, s.keys.Person, s.keys.Talk},
		{s.keys.Search, s.keys.StatusFilter, s.keys.Scope, s.keys.Filter, s.keys.Archived, s.keys.Clear},
		s.navHelp(),
	}
}
