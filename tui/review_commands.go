package tui

import (
	"charm.land/bubbles/v2/key"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// reviewData is everything the objections and blind-spot screens list,
// across every proposal (archived ones too, so the archived toggle needs no
// reload): the objections and blind spots, the people and the talks they
// name, their change logs, and each proposal's readiness once scored. It
// holds no conversation log: the screens show none, and holding every
// proposal's whole dossier was most of their memory (issue 13). It is built
// in a command and never changed afterwards (withScores makes a copy), so
// screens can share it without copying.
type reviewData struct {
	proposals []model.Proposal
	// stakes is each proposal's people in the dossier's order.
	stakes map[int64][]model.Stakeholder
	// readiness is each proposal's score and verdict; nil until the scores
	// have been read (loadReviewScores), which the rows do not wait for.
	readiness  map[int64]model.Readiness
	dir        model.Directory
	objections []model.Objection
	blindSpots []model.BlindSpot
	// talks are the conversations objections and blind spots were raised in.
	talks map[int64]model.Touchpoint
	// objHistory and spotHistory are each row's change log, oldest first.
	objHistory  map[int64][]model.HistoryEvent
	spotHistory map[int64][]model.HistoryEvent
}

// newReviewData indexes what db.Store.ReviewRecords read.
func newReviewData(wb model.Workbook) *reviewData {
	d := &reviewData{
		proposals:   wb.Proposals,
		stakes:      make(map[int64][]model.Stakeholder, len(wb.Proposals)),
		objections:  wb.Objections,
		blindSpots:  wb.BlindSpots,
		talks:       make(map[int64]model.Touchpoint, len(wb.Touchpoints)),
		objHistory:  map[int64][]model.HistoryEvent{},
		spotHistory: map[int64][]model.HistoryEvent{},
	}
	for _, s := range wb.Stakeholders {
		d.stakes[s.ProposalID] = append(d.stakes[s.ProposalID], s)
	}
	for _, t := range wb.Touchpoints {
		d.talks[t.ID] = t
	}
	for _, h := range wb.History {
		switch h.Entity {
		case model.EntityObjection:
			d.objHistory[h.EntityID] = append(d.objHistory[h.EntityID], h)
		case model.EntityBlindSpot:
			d.spotHistory[h.EntityID] = append(d.spotHistory[h.EntityID], h)
		}
	}
	d.dir = model.NewDirectory(wb.Proposals, wb.Stakeholders, wb.Contacts)
	return d
}

// withScores is a copy of d with each proposal's readiness.
func (d *reviewData) withScores(scores map[int64]model.Readiness) *reviewData {
	c := *d
	c.readiness = scores
	return &c
}

// stakeholder returns a stakeholder of any proposal.
func (d *reviewData) stakeholder(id int64) (model.Stakeholder, bool) {
	s, ok := d.dir.Stakeholders[id]
	return s, ok
}

// name is a stakeholder's cleaned name, or fallback for nobody.
func (d *reviewData) name(id int64, fallback string) string {
	return clean(d.dir.PersonName(id, fallback))
}

// supporters are the people on a proposal who could voice an answer in the
// room: supporters and champions, those in the room first, then by influence.
func (d *reviewData) supporters(proposalID int64) []model.Stakeholder {
	var out []model.Stakeholder
	for _, s := range d.stakes[proposalID] {
		if s.Stance.For() {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Stakeholder) int {
		if a.Role.InRoom() != b.Role.InRoom() {
			if a.Role.InRoom() {
				return -1
			}
			return 1
		}
		return b.Influence - a.Influence
	})
	return out
}

// reviewLoadedMsg carries the records of every proposal for the review
// screens, without readiness (reviewScoredMsg follows).
type reviewLoadedMsg struct {
	seq  int
	data *reviewData
	err  error
}

// loadReview reads the objections, blind spots and what they name, across
// every proposal, archived included, in one snapshot.
func (b *backend) loadReview(seq int) tea.Cmd {
	st, ctx := b.st, b.ctx
	return func() tea.Msg {
		wb, err := st.ReviewRecords(ctx)
		if err != nil {
			return reviewLoadedMsg{seq: seq, err: err}
		}
		return reviewLoadedMsg{seq: seq, data: newReviewData(wb)}
	}
}

// reviewScoredMsg carries every proposal's readiness for the review screens.
type reviewScoredMsg struct {
	seq       int
	readiness map[int64]model.Readiness
	err       error
}

// loadReviewScores reads every proposal's score and verdict, archived
// included, after the rows are on screen: the scores take the longest to
// read, and the list does not need them.
func (b *backend) loadReviewScores(seq int) tea.Cmd {
	scores := b.scores(true)
	return func() tea.Msg {
		m, err := scores()
		return reviewScoredMsg{seq: seq, readiness: m, err: err}
	}
}

// objectionSavedMsg reports an objection written from the review screen.
type objectionSavedMsg struct {
	seq       int
	objection model.Objection
	err       error
}

func (m objectionSavedMsg) saveErr() error { return m.err }

// saveObjection adds a new objection, or applies the edited fields to the
// objection as it is stored now, read and written in one transaction (the
// command line may have changed the rest while the screen was open). The
// store keeps every status change in history; the save is one undo step.
func (b *backend) saveObjection(seq int, id int64, d, was objectionDraft) tea.Cmd {
	st, ctx := b.st, b.ctx
	return func() tea.Msg {
		if id == 0 {
			o, err := st.AddObjection(ctx, model.Objection{ProposalID: d.ProposalID, Text: model.Normalize(d.Text, true),
				Severity: d.Severity, Status: model.ObjectionOpen, Response: model.Normalize(d.Response, true)})
			return objectionSavedMsg{seq: seq, objection: o, err: err}
		}
		o, err := st.EditObjection(ctx, id, func(o *model.Objection) error {
			d.applyTo(o, was)
			return nil
		})
		return objectionSavedMsg{seq: seq, objection: o, err: err}
	}
}

// deleteObjection deletes an objection; the answer carries no objection.
func (b *backend) deleteObjection(seq int, id int64) tea.Cmd {
	st, ctx := b.st, b.ctx
	return func() tea.Msg {
		return objectionSavedMsg{seq: seq, err: st.DeleteObjection(ctx, id)}
	}
}

// blindSpotSavedMsg reports a blind spot written from the review screen.
type blindSpotSavedMsg struct {
	seq  int
	spot model.BlindSpot
	err  error
}

func (m blindSpotSavedMsg) saveErr() error { return m.err }

// saveBlindSpot adds a new blind spot, or applies the edited fields to the
// blind spot as it is stored now, in one transaction.
func (b *backend) saveBlindSpot(seq int, id int64, d, was blindSpotDraft) tea.Cmd {
	st, ctx := b.st, b.ctx
	return func() tea.Msg {
		if id == 0 {
			s, err := st.AddBlindSpot(ctx, model.BlindSpot{ProposalID: d.ProposalID, SurfacedByID: d.SurfacedByID,
				Text: model.Normalize(d.Text, true), Status: model.BlindSpotOpen})
			return blindSpotSavedMsg{seq: seq, spot: s, err: err}
		}
		s, err := st.EditBlindSpot(ctx, id, func(s *model.BlindSpot) error {
			d.applyTo(s, was)
			return nil
		})
		return blindSpotSavedMsg{seq: seq, spot: s, err: err}
	}
}

// deleteBlindSpot deletes a blind spot; the answer carries none.
func (b *backend) deleteBlindSpot(seq int, id int64) tea.Cmd {
	st, ctx := b.st, b.ctx
	return func() tea.Msg {
		return blindSpotSavedMsg{seq: seq, err: st.DeleteBlindSpot(ctx, id)}
	}
}

// reviewDeleteMsg is the yes to "delete this row?": the screen that asked
// deletes row id.
type reviewDeleteMsg struct {
	kind reviewKind
	id   int64
}

// reviewNav is a navigation message of the review screens; the app routes
// every one of them to handleReviewNav.
type reviewNav interface{ reviewNav() }

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

func (openReviewMsg) reviewNav()      {}
func (openWorkspaceAtMsg) reviewNav() {}
func (workspaceFocusMsg) reviewNav()  {}

// handleReviewNav carries out a review navigation message.
func (a *App) handleReviewNav(msg reviewNav) tea.Cmd {
	switch m := msg.(type) {
	case openReviewMsg:
		return a.openReview(m)
	case openWorkspaceAtMsg:
		return a.openWorkspaceAt(m)
	case workspaceFocusMsg:
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

// reviewTab reports whether the workspace shows its objections or blind spots,
// where enter opens the review screen on this proposal.
func (w *workspace) reviewTab() bool { return w.tab == tabObjections || w.tab == tabBlindSpots }

// review opens the review screen for the workspace's tab, on this proposal,
// with the row under the cursor selected.
func (w *workspace) review() tea.Cmd {
	m := openReviewMsg{kind: reviewObjections, proposalID: w.id}
	if r, ok := w.objs.Selected(); ok {
		m.selectID = r.id
	}
	if w.tab == tabBlindSpots {
		m = openReviewMsg{kind: reviewBlindSpots, proposalID: w.id}
		if r, ok := w.spots.Selected(); ok {
			m.selectID = r.id
		}
	}
	return navigate(m)
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
