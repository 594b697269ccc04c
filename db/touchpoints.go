package db

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/backchannel/backchannel/model"
)

// touchpointTable is where conversations are stored.
var touchpointTable = newTable("touchpoints", "conversation",
	`id, stakeholder_id, proposal_id, contact_id, date, channel, kind, opener, sentiment, said, subtext, follow_up, created_at, heard_via_id, commitment, commitment_due, commitment_done`,
	touchpointDest, touchpointArgs)

// touchpointArgs lists the stored value of each column.
func touchpointArgs(t model.Touchpoint) []any {
	return []any{nullID(t.ID), t.StakeholderID, t.ProposalID, t.ContactID, t.Date.String(), word(t.Channel), word(t.Kind),
		word(t.Opener), t.Sentiment, t.Said, t.Subtext, t.FollowUp, stamp(t.CreatedAt), nullID(t.HeardViaID),
		word(t.Commitment), t.CommitmentDue.String(), t.CommitmentDone}
}

// touchpointDest lists where each column goes.
func touchpointDest(t *model.Touchpoint) []any {
	return []any{&t.ID, &t.StakeholderID, &t.ProposalID, &t.ContactID, date(&t.Date), text(&t.Channel), text(&t.Kind),
		text(&t.Opener), integer(&t.Sentiment), &t.Said, &t.Subtext, &t.FollowUp, timestamp(&t.CreatedAt), optID(&t.HeardViaID),
		text(&t.Commitment), date(&t.CommitmentDue), &t.CommitmentDone}
}

func normalizeTouchpoint(t *model.Touchpoint) {
	t.Said = model.Normalize(t.Said, true)
	t.Subtext = model.Normalize(t.Subtext, true)
	t.FollowUp = model.Normalize(t.FollowUp, true)
}

func touchpointFields(t model.Touchpoint) []field {
	return []field{
		{"date", t.Date.String()},
		{"channel", t.Channel.String()},
		{"kind", t.Kind.String()},
		{"opener", t.Opener.String()},
		{"sentiment", itoa(t.Sentiment)},
		{"said", t.Said},
		{"subtext", t.Subtext},
		{"follow_up", t.FollowUp},
		{"heard_via_id", idtoa(t.HeardViaID)},
		{"commitment", t.Commitment.String()},
		{"commitment_due", t.CommitmentDue.String()},
		{"commitment_done", btoa(t.CommitmentDone)},
	}
}

// touchpointSummary is the history description of a conversation.
func touchpointSummary(t model.Touchpoint) string { return fmt.Sprintf("%s on %s", t.Kind, t.Date) }

// LogTouchpoint records a conversation with a stakeholder. The proposal and
// contact come from the stakeholder, and the stakeholder's planned talk is
// marked done (with its own history row) in the same transaction.
func (s *Store) LogTouchpoint(ctx context.Context, t model.Touchpoint) (model.Touchpoint, error) {
	var out model.Touchpoint
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.logTouchpoint(ctx, tx, t)
		return err
	})
	if err != nil {
		return model.Touchpoint{}, wrapf(err, "cannot log the conversation")
	}
	return out, nil
}

// logTouchpoint is LogTouchpoint inside the caller's transaction.
func (s *Store) logTouchpoint(ctx context.Context, tx *sql.Tx, t model.Touchpoint) (model.Touchpoint, error) {
	normalizeTouchpoint(&t)
	if err := t.Validate(); err != nil {
		return model.Touchpoint{}, invalid(err)
	}
	now := s.clock()
	t.ID, t.CreatedAt = 0, now
	err := func() error {
		st, err := stakeholderTable.get(ctx, tx, t.StakeholderID)
		if err != nil {
			return err
		}
		if (t.ProposalID != 0 && t.ProposalID != st.ProposalID) || (t.ContactID != 0 && t.ContactID != st.ContactID) {
			return invalidf("the conversation's proposal and contact must be those of stakeholder %d", st.ID)
		}
		t.ProposalID, t.ContactID = st.ProposalID, st.ContactID
		if t.ID, err = touchpointTable.insert(ctx, tx, t); err != nil {
			return err
		}
		evs := []model.HistoryEvent{{Entity: model.EntityTouchpoint, EntityID: t.ID, ProposalID: t.ProposalID,
			Action: model.ActionCreate, New: touchpointSummary(t)}}
		if !st.Plan.Done {
			if _, err := tx.ExecContext(ctx, "UPDATE stakeholders SET plan_done = 1, updated_at = ? WHERE id = ?", stamp(now), st.ID); err != nil {
				return err
			}
			evs = append(evs, model.HistoryEvent{Entity: model.EntityStakeholder, EntityID: st.ID, ProposalID: st.ProposalID,
				Action: model.ActionUpdate, Field: "plan.done", Old: btoa(false), New: btoa(true)})
		}
		return insertHistory(ctx, tx, now, evs...)
	}()
	return t, err
}

// UpdateTouchpoint corrects a logged conversation, one history row per
// changed field. Its stakeholder, proposal and contact never change.
func (s *Store) UpdateTouchpoint(ctx context.Context, t model.Touchpoint) (model.Touchpoint, error) {
	var out model.Touchpoint
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.updateTouchpoint(ctx, tx, t)
		return err
	})
	if err != nil {
		return model.Touchpoint{}, wrapf(err, "cannot update conversation %d", t.ID)
	}
	return out, nil
}

// updateTouchpoint is UpdateTouchpoint inside the caller's transaction.
func (s *Store) updateTouchpoint(ctx context.Context, tx *sql.Tx, t model.Touchpoint) (model.Touchpoint, error) {
	normalizeTouchpoint(&t)
	if err := t.Validate(); err != nil {
		return model.Touchpoint{}, invalid(err)
	}
	err := func() error {
		old, err := touchpointTable.get(ctx, tx, t.ID)
		if err != nil {
			return err
		}
		if (t.StakeholderID != 0 && t.StakeholderID != old.StakeholderID) ||
			(t.ProposalID != 0 && t.ProposalID != old.ProposalID) || (t.ContactID != 0 && t.ContactID != old.ContactID) {
			return invalidf("a logged conversation cannot move to another stakeholder")
		}
		t.StakeholderID, t.ProposalID, t.ContactID, t.CreatedAt = old.StakeholderID, old.ProposalID, old.ContactID, old.CreatedAt
		changes := diff(touchpointFields(old), touchpointFields(t))
		if len(changes) == 0 {
			t = old
			return nil
		}
		if err := touchpointTable.update(ctx, tx, t); err != nil {
			return err
		}
		return insertHistory(ctx, tx, s.clock(), updateEvents(model.EntityTouchpoint, t.ID, t.ProposalID, changes, "", "")...)
	}()
	return t, err
}

// GetTouchpoint returns the logged conversation with the given ID.
func (s *Store) GetTouchpoint(ctx context.Context, id int64) (model.Touchpoint, error) {
	return touchpointTable.get(ctx, s.r, id)
}

// ListTouchpoints returns a proposal's conversations by date, then ID.
func (s *Store) ListTouchpoints(ctx context.Context, proposalID int64) ([]model.Touchpoint, error) {
	ts, err := touchpointTable.query(ctx, s.r, "WHERE proposal_id = ? ORDER BY date, id", proposalID)
	if err != nil {
		return nil, fmt.Errorf("cannot list the conversations of proposal %d: %w", proposalID, err)
	}
	return ts, nil
}

// ListContactTouchpoints returns every conversation with a contact, across
// proposals, by date, then ID.
func (s *Store) ListContactTouchpoints(ctx context.Context, contactID int64) ([]model.Touchpoint, error) {
	ts, err := touchpointTable.query(ctx, s.r, "WHERE contact_id = ? ORDER BY date, id", contactID)
	if err != nil {
		return nil, fmt.Errorf("cannot list the conversations with contact %d: %w", contactID, err)
	}
	return ts, nil
}
