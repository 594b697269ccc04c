package tui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
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
	// stakes is each proposal's people in the dossier's order, with only
	// what the screens show of them: ID, proposal, contact, role, influence
	// and stance (db.Store.ReviewRecords); the directory holds only names.
	stakes map[int64][]model.Stakeholder
	// readiness is each proposal's score and verdict; nil until the scores
	// have been read (loadReviewScores), which the rows do not wait for.
	readiness  map[int64]readiness.Readiness
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
func (d *reviewData) withScores(scores map[int64]readiness.Readiness) *reviewData {
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
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		wb, err := store.ReviewRecords(ctx)
		if err != nil {
			return reviewLoadedMsg{seq: seq, err: err}
		}
		return reviewLoadedMsg{seq: seq, data: newReviewData(wb)}
	}
}

// reviewScoredMsg carries every proposal's readiness for the review screens.
type reviewScoredMsg struct {
	seq       int
	readiness map[int64]readiness.Readiness
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

// reviewTab reports whether the workspace shows its objections or blind spots,
// where enter opens the review screen on this proposal.
func (w *workspace) reviewTab() bool { return w.tab == tabObjections || w.tab == tabBlindSpots }

// review opens the review screen for the workspace's tab, on this proposal,
// with the row under the cursor selected.
func (w *workspace) review() tea.Cmd {
	m := openReviewMsg{kind: reviewObjections, proposalID: w.id}
	if r, ok := w.objs.Selected(); ok {
		m.selectID = r.ID
	}
	if w.tab == tabBlindSpots {
		m = openReviewMsg{kind: reviewBlindSpots, proposalID: w.id}
		if r, ok := w.spots.Selected(); ok {
			m.selectID = r.ID
		}
	}
	return navigate(m)
}
