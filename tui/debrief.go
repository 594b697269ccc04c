package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// debriefKeys are the Debrief screen's keys: the common ones, how each
// person acted, and the outcome.
type debriefKeys struct {
	keyMap
	Acted    key.Binding
	Cycle    key.Binding
	Approved key.Binding
	Rejected key.Binding
	Deferred key.Binding
	Undecide key.Binding
	// Outcome only labels y/r/d/p in the short help.
	Outcome key.Binding
}

// newDebriefKeys returns the Debrief screen's bindings.
func newDebriefKeys() debriefKeys {
	k := debriefKeys{keyMap: newKeyMap()}
	k.Acted = key.NewBinding(key.WithKeys("1", "2", "3", "4", "0"), key.WithHelp("1–4/0", "how they acted"))
	k.Cycle = key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "change"))
	k.Approved = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "approved"))
	k.Rejected = key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rejected"))
	k.Deferred = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "deferred"))
	k.Undecide = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "not decided yet"))
	k.Outcome = key.NewBinding(key.WithKeys("y", "r", "d", "p"), key.WithHelp("y/r/d/p", "outcome"))
	return k
}

// actedKeys maps the digit keys to readings, in the order of the legend.
var actedKeys = map[string]model.Acted{
	"1": model.ActedSpokeFor,
	"2": model.ActedSpokeAgainst,
	"3": model.ActedSilent,
	"4": model.ActedAbsent,
	"0": model.ActedUnknown,
}

// actedCycle is the order ←/→ step through.
var actedCycle = []model.Acted{model.ActedUnknown, model.ActedSpokeFor, model.ActedSpokeAgainst, model.ActedSilent, model.ActedAbsent}

// debriefScreen records, after the forum has met, the outcome and how each
// person acted in the room beside what they had said. Every choice is
// written as it is made; choices made while a write is under way are
// batched into the next one, so writes stay in order.
type debriefScreen struct {
	b    *backend
	st   *Styles
	keys debriefKeys
	id   int64

	width, height int

	seq     int
	loading bool
	loaded  bool
	d       model.Dossier
	list    widget.Grid
	// top (title, meta, outcome) and foot (legend, tally) are drawn above
	// and under the list, built with the list's size by buildFrame.
	top, foot string
	// undecided is the status "not decided yet" returns to: the status the
	// proposal had when opened if it was still open, pitched otherwise.
	undecided model.Status

	// pending holds the choices not yet sent; inflight is set while a batch
	// is being written.
	pending  debriefWrite
	inflight bool
	saveSeq  int
}

// newDebriefScreen builds the Debrief screen for a proposal.
func newDebriefScreen(b *backend, st *Styles, id int64) *debriefScreen {
	s := &debriefScreen{b: b, st: st, keys: newDebriefKeys(), id: id}
	s.list = widget.NewGrid([]widget.Column{
		{Title: "", Width: 1},
		{Title: "Person", Min: 15},
		{Title: "Role", Width: 11, Priority: 1},
		{Title: "Said", Width: 9},
		{Title: "In the room", Width: 13},
		{Title: "Word and deed", Min: 14},
	}, "")
	s.syncKeys()
	return s
}

// Init loads the proposal.
func (s *debriefScreen) Init() tea.Cmd { return s.load() }

// load reads the proposal and its people again.
func (s *debriefScreen) load() tea.Cmd {
	s.seq++
	s.loading = true
	return s.b.loadDebrief(s.seq, s.id)
}

// title is the breadcrumb.
func (s *debriefScreen) title() string { return "Debrief" }

// SetSize lays out the list under the outcome and above the legend.
func (s *debriefScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.buildFrame()
}

// setStyles swaps in new styles.
func (s *debriefScreen) setStyles(st *Styles) tea.Cmd {
	s.st = st
	s.buildFrame()
	return nil
}

// Update handles loads, saves and keys.
func (s *debriefScreen) Update(msg tea.Msg) (*debriefScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case debriefLoadedMsg:
		if msg.seq != s.seq {
			return s, nil
		}
		s.loading = false
		if msg.err != nil {
			return s, reportErr(msg.err)
		}
		s.loaded, s.d = true, msg.dossier
		s.undecided = model.StatusPitched
		if st := s.d.Proposal.Status; st.Open() {
			s.undecided = st
		}
		s.rebuild()
		return s, nil
	case debriefSavedMsg:
		if msg.seq != s.saveSeq {
			return s, nil
		}
		s.inflight = false
		if msg.err != nil {
			// The store holds what it holds: show that, not the choices.
			s.pending = debriefWrite{}
			return s, tea.Batch(reportErr(msg.err), s.load(), navigate(debriefFlushedMsg{err: msg.err}))
		}
		s.merge(msg)
		if next := s.flush(); next != nil {
			return s, next
		}
		return s, tea.Batch(navigate(statusMsg{text: msg.what}), navigate(debriefFlushedMsg{}))
	case tea.KeyPressMsg:
		cmd := s.handleKey(msg)
		s.syncKeys()
		return s, cmd
	}
	return s, nil
}

// merge takes what the store wrote, except fields chosen again since.
func (s *debriefScreen) merge(msg debriefSavedMsg) {
	if msg.proposal.ID != 0 && !s.pending.hasOutcome {
		s.d.Proposal = msg.proposal
	}
	for _, saved := range msg.stakeholders {
		if _, again := s.pending.acted[saved.ID]; again {
			continue
		}
		for i := range s.d.Stakeholders {
			if s.d.Stakeholders[i].ID == saved.ID {
				s.d.Stakeholders[i] = saved
			}
		}
	}
	s.rebuild()
}

// handleKey records choices and moves the cursor.
func (s *debriefScreen) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, s.keys.Refresh) && !s.dirty() {
		return s.load()
	}
	if !s.loaded {
		return nil
	}
	if s.list.MoveKey(s.keys.keyMap.moves(), k) {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Approved):
		return s.setOutcome(model.StatusApproved)
	case key.Matches(k, s.keys.Rejected):
		return s.setOutcome(model.StatusRejected)
	case key.Matches(k, s.keys.Deferred):
		return s.setOutcome(model.StatusDeferred)
	case key.Matches(k, s.keys.Undecide):
		return s.setOutcome(s.undecided)
	case key.Matches(k, s.keys.Acted):
		return s.setActed(actedKeys[k.String()])
	case key.Matches(k, s.keys.Cycle):
		i := s.selected()
		if i < 0 {
			return nil
		}
		step := 1
		if k.Code == tea.KeyLeft {
			step = len(actedCycle) - 1
		}
		cur := 0
		for j, a := range actedCycle {
			if a == s.d.Stakeholders[i].Acted {
				cur = j
			}
		}
		return s.setActed(actedCycle[(cur+step)%len(actedCycle)])
	}
	return nil
}

// selected is the index in the dossier of the person under the cursor, -1
// when none.
func (s *debriefScreen) selected() int {
	r, ok := s.list.Selected()
	if !ok {
		return -1
	}
	for i, p := range s.d.Stakeholders {
		if p.ID == r.ID {
			return i
		}
	}
	return -1
}

// setActed records how the selected person acted, on screen at once and in
// the store as soon as the write before it is done.
func (s *debriefScreen) setActed(a model.Acted) tea.Cmd {
	i := s.selected()
	if i < 0 || s.d.Stakeholders[i].Acted == a {
		return nil
	}
	p := &s.d.Stakeholders[i]
	p.Acted = a
	if s.pending.acted == nil {
		s.pending.acted = map[int64]model.Acted{}
	}
	s.pending.acted[p.ID] = a
	s.rebuild()
	return s.flush()
}

// setOutcome records what the forum decided.
func (s *debriefScreen) setOutcome(status model.Status) tea.Cmd {
	cur := s.d.Proposal.Status
	if cur == status || (status.Open() && cur.Open()) {
		return nil
	}
	s.d.Proposal.Status = status
	s.pending.outcome, s.pending.hasOutcome = status, true
	s.buildFrame()
	return s.flush()
}

// flush sends the pending choices unless a write is under way; its answer
// sends whatever was chosen meanwhile.
func (s *debriefScreen) flush() tea.Cmd {
	if s.inflight || s.pending.empty() {
		return nil
	}
	w := s.pending
	s.pending = debriefWrite{}
	s.inflight = true
	s.saveSeq++
	names := make(map[int64]string, len(w.acted))
	for id := range w.acted {
		for _, p := range s.d.Stakeholders {
			if p.ID == id {
				names[id] = clean(s.d.Contacts[p.ContactID].Name)
			}
		}
	}
	return s.b.saveDebrief(s.saveSeq, s.id, w, names)
}

// rebuild refreshes the rows and the top after a load or a choice.
func (s *debriefScreen) rebuild() {
	s.list.SetRows(s.rows())
	s.buildFrame()
	s.syncKeys()
}

// dirty reports choices not yet in the store, so quitting right after a
// choice waits for its write.
func (s *debriefScreen) dirty() bool { return s.inflight || !s.pending.empty() }

// saveDraft lets a "save and quit" go ahead once the writes under way are
// done: their answer brings debriefFlushedMsg.
func (s *debriefScreen) saveDraft() tea.Cmd {
	if !s.dirty() {
		return navigate(debriefFlushedMsg{})
	}
	return s.flush()
}

// syncKeys enables what applies now.
func (s *debriefScreen) syncKeys() {
	has := s.loaded && s.list.Len() > 0
	for _, b := range []*key.Binding{&s.keys.Acted, &s.keys.Cycle, &s.keys.Up, &s.keys.Down, &s.keys.Move,
		&s.keys.PageUp, &s.keys.PageDown, &s.keys.Top, &s.keys.Bottom} {
		b.SetEnabled(has)
	}
	for _, b := range []*key.Binding{&s.keys.Approved, &s.keys.Rejected, &s.keys.Deferred, &s.keys.Undecide, &s.keys.Outcome} {
		b.SetEnabled(s.loaded)
	}
}

// ShortHelp implements help.KeyMap.
func (s *debriefScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.Acted, s.keys.Outcome, s.keys.Cycle, s.keys.Move}
}

// FullHelp implements help.KeyMap.
func (s *debriefScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{s.keys.Acted, s.keys.Cycle},
		{s.keys.Approved, s.keys.Rejected, s.keys.Deferred, s.keys.Undecide},
		append(s.keys.navKeys(), s.keys.Refresh),
	}
}

// debriefDue reports whether the workspace's proposal is past its meeting:
// pitched or decided, or its decision date has passed.
func (w *workspace) debriefDue() bool {
	p := w.d.Proposal
	if !w.loaded || p.Status == model.StatusArchived {
		return false
	}
	if p.Status == model.StatusPitched || p.Status.Decided() {
		return true
	}
	return !p.DecisionDate.IsZero() && p.DecisionDate.Before(w.b.today())
}

// debriefHelp puts D first in the workspace's key line once the debrief is due.
func (w *workspace) debriefHelp() []key.Binding {
	if w.debriefDue() {
		return []key.Binding{w.keys.Debrief}
	}
	return nil
}

// debriefOffer is the status line offering the debrief when a workspace
// opens past its meeting with the outcome or someone in the room not yet
// recorded.
func (w *workspace) debriefOffer() tea.Cmd {
	if !w.debriefDue() {
		return nil
	}
	p := w.d.Proposal
	missing := 0
	for _, s := range w.d.Stakeholders {
		if s.Role.InRoom() && s.Acted == model.ActedUnknown {
			missing++
		}
	}
	var text string
	switch {
	case !p.Status.Decided() && p.Status == model.StatusPitched:
		text = "Pitched: press D to record the outcome and how each person acted in the room."
	case !p.Status.Decided():
		text = "The decision date has passed: press D to record the outcome and how each person acted."
	case missing > 0:
		text = "Decided (" + p.Status.String() + "): press D to record how " + model.Plural(missing, "person", "people") + " in the room acted."
	default:
		return nil
	}
	return navigate(statusMsg{text: text, prepend: true})
}
