package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ref is a reference from an objection or blind spot to a stakeholder, with
// the words that name its part ("raised by", "voice in the room").
type ref struct {
	part string
	id   int64
}

// checkSameProposal makes sure the proposal exists and that the stakeholders
// and conversation named belong to it: an objection cannot be voiced in the
// room by someone who is not on the proposal.
func checkSameProposal(ctx context.Context, q querier, proposalID, touchpointID int64, people ...ref) error {
	if _, err := proposalTable.get(ctx, q, proposalID); err != nil {
		return err
	}
	for _, r := range people {
		if r.id == 0 {
			continue
		}
		var pid int64
		err := q.QueryRowContext(ctx, "SELECT proposal_id FROM stakeholders WHERE id = ?", r.id).Scan(&pid)
		if errors.Is(err, sql.ErrNoRows) {
			return notFoundf("%s: no stakeholder with id %d", r.part, r.id)
		}
		if err != nil {
			return fmt.Errorf("cannot read stakeholder %d: %w", r.id, err)
		}
		if pid != proposalID {
			return invalidf("%s: stakeholder %d is on proposal %d, not %d", r.part, r.id, pid, proposalID)
		}
	}
	if touchpointID != 0 {
		t, err := touchpointTable.get(ctx, q, touchpointID)
		if err != nil {
			return err
		}
		if t.ProposalID != proposalID {
			return invalidf("conversation %d is about proposal %d, not %d", touchpointID, t.ProposalID, proposalID)
		}
	}
	return nil
}
