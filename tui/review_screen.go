package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// This file holds the one review screen: a list of one kind of row
// (objections, blind spots) across proposals or on one, with filters, a
// detail pane, a page in full and the forms, driven by the kind's value
// (reviewSpec, review_kind.go). What it draws is in review_page.go, its
// forms in review_forms.go; its state and steps that no kind changes are in
// review_base.go and review_flow.go.

// reviewScreen lists the rows of one kind R, edited through drafts D.
type reviewScreen[R any, D comparable] struct {
	reviewBase
	kind *reviewSpec[R, D]
	// cycle is the choice made in each of the kind's filter cycles.
	cycle []int
	// rows are the rows shown, in order; open is how many are still open.
	rows []R
	open int
	// index is every row as loaded, with its grid row, and the filter over
	// them; shown is the positions in it of the rows listed.
	index *reviewIndex[R]
	shown []int

	edit  reviewEdit
	draft *D
	// started is the draft as the form opened, to tell typed input and to
	// say what a save changed; a failed save shows the form again without
	// taking a new one.
	started D
}

// newReviewScreen builds the screen for a kind, scoped to one proposal when
// proposalID is set, with selectID selected once loaded.
func newReviewScreen[R any, D comparable](kind *reviewSpec[R, D], b *backend, st *Styles, proposalID, selectID int64) *reviewScreen[R, D] {
	s := &reviewScreen[R, D]{kind: kind, cycle: make([]int, len(kind.cycles))}
	s.b, s.st, s.keys, s.scope, s.focus = b, st, newReviewKeys(), proposalID, selectID
	// The grid hides and shows its columns in place: each screen has its own.
	s.list = widget.NewGrid(slices.Clone(kind.columns), "")
	s.syncKeys()
	return s
}

// Init loads every proposal.
func (s *reviewScreen[R, D]) Init() tea.Cmd { return s.load() }

// refresh reloads when the screen comes back into view.
func (s *reviewScreen[R, D]) refresh() tea.Cmd { return s.load() }

// title is the breadcrumb.
func (s *reviewScreen[R, D]) title() string { return s.kind.name }

// SetSize lays out the list, the detail pane and the forms.
func (s *reviewScreen[R, D]) SetSize(w, h int) { s.sizeParts(w, h) }

// setStyles re-themes the form.
func (s *reviewScreen[R, D]) setStyles(st *Styles) tea.Cmd {
	s.st = st
	s.host.SetTheme(st.huhTheme())
	return nil
}

// Update handles loads, saves, the forms, the search and the list keys.
func (s *reviewScreen[R, D]) Update(msg tea.Msg) (*reviewScreen[R, D], tea.Cmd) {
	switch msg := msg.(type) {
	case reviewLoadedMsg:
		return s, s.takeLoad(msg)
	case reviewScoredMsg:
		return s, s.takeScores(msg)
	case reviewSavedMsg:
		if msg.kind != s.kind.id {
			return s, nil
		}
		cmd := s.takeSave(msg.seq, msg.err, msg.id)
		s.syncKeys()
		return s, cmd
	case reviewDeleteMsg:
		if msg.kind != s.kind.id || s.waiting {
			return s, nil
		}
		return s, s.delete(msg.id)
	case tea.PasteMsg:
		if s.PasteSearch(msg) {
			s.rebuild()
			return s, nil
		}
	}
	if ok, cmd := s.updateForm(msg); ok {
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
func (s *reviewScreen[R, D]) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if s.full {
		switch {
		case key.Matches(k, s.keys.Refresh):
			return s.load()
		case s.waiting || s.scrollFull(k, s.fullLen()):
			return nil
		}
		return s.rowKey(k)
	}
	if ok, cmd := s.commonKey(k); ok {
		return cmd
	}
	// Like the common filters, the cycles work while the list is still
	// loading: keys typed ahead are not lost.
	for i, c := range s.kind.cycles {
		if key.Matches(k, *c.key(&s.keys)) {
			s.cycle[i] = (s.cycle[i] + 1) % len(c.choices)
			s.rebuild()
			return nil
		}
	}
	if key.Matches(k, s.keys.Clear) {
		clear(s.cycle)
		s.clearCommon()
		s.rebuild()
		return nil
	}
	if !s.loaded || s.waiting || s.move(k) {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Scope):
		return s.toggleScope()
	case key.Matches(k, s.keys.Filter):
		return s.openFilterForm()
	case key.Matches(k, s.keys.Add):
		return s.openForm(editAdd)
	case key.Matches(k, s.keys.Open):
		s.openFull()
		return nil
	}
	return s.rowKey(k)
}

// rowKey runs an action on the selected row, from the list or from the
// page that shows it in full.
func (s *reviewScreen[R, D]) rowKey(k tea.KeyPressMsg) tea.Cmd {
	row, ok := s.selectedRow()
	if !ok {
		return nil
	}
	ref := s.kind.ref(row)
	switch {
	case key.Matches(k, s.keys.Edit):
		return s.openForm(editAll)
	case key.Matches(k, s.keys.Mark):
		if s.kind.mark != nil {
			return s.kind.mark(s, row)
		}
		return s.openForm(editStatus)
	case key.Matches(k, s.keys.Respond):
		return s.openForm(editRespond)
	case key.Matches(k, s.keys.Voice) && s.kind.voice:
		return s.openForm(editVoice)
	case key.Matches(k, s.keys.Delete):
		return askConfirm("Delete the "+s.kind.one+" “"+ansi.Truncate(clean(ref.text), 40, "…")+"”? u undoes it.",
			navigate(reviewDeleteMsg{kind: s.kind.id, id: ref.id}))
	case key.Matches(k, s.keys.Person):
		return navigate(openWorkspaceAtMsg{proposalID: ref.proposalID, tab: tabRoom, selectID: ref.person})
	case key.Matches(k, s.keys.Talk):
		return openTalk(ref.proposalID, ref.touchpointID, "this "+s.kind.one)
	}
	return nil
}

// delete deletes a row once the question is answered yes, and says so with
// the readiness move once the list has reloaded.
func (s *reviewScreen[R, D]) delete(id int64) tea.Cmd {
	pid := int64(0)
	for _, r := range s.rows {
		if ref := s.kind.ref(r); ref.id == id {
			pid = ref.proposalID
		}
	}
	s.host.Stop()
	s.saveSeq++
	s.waiting = true
	s.expectChange(pid, "Deleted the "+s.kind.one+"; u undoes it.")
	return s.kind.remove(s.b, s.saveSeq, id)
}

// filter is the screen's filters as the kind's rows function takes them.
func (s *reviewScreen[R, D]) filter() reviewFilter {
	return reviewFilter{proposalID: s.scope, cycle: s.cycle, person: s.person, text: s.Query, archived: s.includeArchived()}
}

// reviewIndex is a kind's rows as loaded, in the list's order (the model
// orders them), each with its grid row, made once for the day they were
// ordered on: the ages in them, and so the order, move with the day.
type reviewIndex[R any] struct {
	day   model.Date
	all   []R
	cells []widget.Row
	match func(reviewFilter) []int
}

// newReviewIndex orders, joins and cleans the kind's rows once.
func newReviewIndex[R any, D comparable](kind *reviewSpec[R, D], d *reviewData, today model.Date) *reviewIndex[R] {
	all, match := kind.index(d, today)
	x := &reviewIndex[R]{day: today, all: all, cells: make([]widget.Row, len(all)), match: match}
	for i, r := range all {
		x.cells[i] = kind.cells(r)
	}
	return x
}

// rebuild filters the rows again and keeps the selection on the same row.
// It runs on every key typed into the search: the rows are ordered, joined
// and cleaned once per load, so it scans them, and when the same rows are
// kept (a letter that narrows nothing) the list is left as it is.
func (s *reviewScreen[R, D]) rebuild() {
	if s.data == nil {
		return
	}
	if today := s.b.today(); s.index == nil || s.index.day != today {
		s.index, s.shown = newReviewIndex(s.kind, s.data, today), nil
	}
	pos := s.index.match(s.filter())
	if s.shown != nil && slices.Equal(pos, s.shown) {
		s.list.SetHidden(s.kind.proposalCol, s.scope != 0)
		s.syncKeys()
		return
	}
	// The rows are written over the last ones' storage: each key typed
	// would otherwise allocate the whole list again. The grid's rows are
	// new: it still shows the old ones, and showRows asks it which row was
	// selected.
	s.shown = pos
	s.rows = s.rows[:0]
	cells := make([]widget.Row, len(pos))
	s.open = 0
	for i, p := range pos {
		r := s.index.all[p]
		s.rows, cells[i] = append(s.rows, r), s.index.cells[p]
		if s.kind.isOpen(r) {
			s.open++
		}
	}
	s.showRows(cells, s.kind.proposalCol)
	s.syncKeys()
}

// selectedRow is the row under the cursor; false when none is, or the
// list does not show the rows yet.
func (s *reviewScreen[R, D]) selectedRow() (R, bool) {
	i := s.list.Cursor()
	if i < 0 || i >= len(s.rows) || s.list.Len() != len(s.rows) {
		var none R
		return none, false
	}
	return s.rows[i], true
}

// rowByID is the listed row with an id; false when it is not listed.
func (s *reviewScreen[R, D]) rowByID(id int64) (R, bool) {
	for _, r := range s.rows {
		if s.kind.ref(r).id == id {
			return r, true
		}
	}
	var none R
	return none, false
}

// syncKeys enables what applies now and labels the row's keys for it.
func (s *reviewScreen[R, D]) syncKeys() {
	has := s.loaded && s.list.Len() > 0
	for _, b := range []*key.Binding{&s.keys.Open, &s.keys.Edit, &s.keys.Mark, &s.keys.Respond, &s.keys.Voice,
		&s.keys.Person, &s.keys.Delete, &s.keys.Talk} {
		b.SetEnabled(has)
	}
	s.keys.Voice.SetEnabled(has && s.kind.voice)
	// A filter key works when one of the kind's cycles is on it.
	s.keys.StatusFilter.SetEnabled(false)
	s.keys.SeverityFilter.SetEnabled(false)
	for _, c := range s.kind.cycles {
		c.key(&s.keys).SetEnabled(true)
	}
	row, ok := s.selectedRow()
	s.kind.labelKeys(&s.keys, row, ok)
	s.syncFilterKeys()
}

// ShortHelp implements help.KeyMap: the kind's order, actions first, since
// the line drops keys from the end when the terminal is narrow.
func (s *reviewScreen[R, D]) ShortHelp() []key.Binding {
	if keys, ok := s.modeHelp(); ok {
		return keys
	}
	if s.full {
		return append(s.kind.hints.fullShort(&s.keys), s.scrollHelp(s.fullLen()))
	}
	return s.kind.hints.short(&s.keys)
}

// FullHelp implements help.KeyMap: the row's actions, the filters, the
// movement.
func (s *reviewScreen[R, D]) FullHelp() [][]key.Binding {
	if s.host.Active() {
		return [][]key.Binding{s.host.KeyBinds()}
	}
	k := &s.keys
	acts := s.kind.hints.actions(k)
	if s.full {
		return [][]key.Binding{
			append(acts, k.Delete, k.Person, k.Talk),
			k.navKeys(),
		}
	}
	filters := []key.Binding{k.Search}
	for _, c := range s.kind.cycles {
		filters = append(filters, *c.key(k))
	}
	return [][]key.Binding{
		append(append([]key.Binding{k.Open}, acts...), k.Add, k.Delete, k.Person, k.Talk),
		append(filters, k.Scope, k.Filter, k.Archived, k.Clear),
		s.navHelp(),
	}
}
