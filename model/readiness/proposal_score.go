package readiness

import (
	"cmp"
	"slices"
	"time"

	"github.com/backchannel/backchannel/model"
)

// ProposalScore is one row of a list of proposals: the proposal with its
// readiness score and verdict on the day the list is for, as Assess gives
// them (db.Store.ProposalScores reads them from its cache when current).
type ProposalScore struct {
	Proposal model.Proposal
	Score    int
	Verdict  Verdict
}

// ScoreInputs is the part of a dossier a score reads (Score, and the score
// and verdict of Assess): the proposal, its people (but not their wants and
// fears or their rows' timestamps), objections and blind spots, and of its
// conversations only the day each person was last spoken to on it (what
// dates their stance), as one stand-in conversation per person: ID and
// stakeholder the person's stakeholder ID, that day, nothing else. The
// conversations' words, kinds and readings, the people's conversations
// elsewhere and ledgers, the contacts and the proposal's history feed the
// risks and the next actions, never the score. Score(ScoreInputs(d), day)
// is Score(d, day) on every day (TestScoreReadsOnlyItsInputs), so the
// lists read this much of each proposal, not its whole log
// (db.Store.ProposalScores); what changes none of it moves no score.
func ScoreInputs(d model.Dossier) model.Dossier {
	x := newDossierIndex(d, model.Date{})
	talks := make([]model.Touchpoint, 0, len(x.people))
	for i, s := range x.people {
		if t, ok := x.lastTalk(i); ok {
			talks = append(talks, model.Touchpoint{ID: s.ID, StakeholderID: s.ID, ProposalID: s.ProposalID, ContactID: s.ContactID, Date: t.Date})
		}
	}
	slices.SortFunc(talks, func(a, b model.Touchpoint) int { return cmp.Compare(a.ID, b.ID) })
	talks = slices.CompactFunc(talks, func(a, b model.Touchpoint) bool { return a.ID == b.ID })
	people := make([]model.Stakeholder, len(d.Stakeholders))
	for k, s := range d.Stakeholders {
		s.Wants, s.Fears, s.CreatedAt, s.UpdatedAt = "", "", time.Time{}, time.Time{}
		people[k] = s
	}
	return model.Dossier{Proposal: d.Proposal, Stakeholders: people, Touchpoints: talks,
		Objections: d.Objections, BlindSpots: d.BlindSpots, WhatIf: d.WhatIf}
}
