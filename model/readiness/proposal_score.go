package readiness

import "github.com/backchannel/backchannel/model"

// ProposalScore is one row of a list of proposals: the proposal with its
// readiness score and verdict on the day the list is for, as Assess gives
// them (db.Store.ProposalScores reads them from its cache when current).
type ProposalScore struct {
	Proposal model.Proposal
	Score    int
	Verdict  Verdict
}
