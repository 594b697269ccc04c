package db

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/backchannel/backchannel/model"
)

// stakeholderTable is where stakeholders are stored.
var stakeholderTable = newTable("stakeholders", "stakeholder",
	`id, proposal_id, contact_id, role, influence, votes, veto, stance, target_stance, spoiler, wants, fears,
	plan_moment, plan_target_date, plan_before_id, plan_approach, plan_message, plan_opener, plan_venue, plan_place,
	plan_via_id, plan_done, acted, created_at, updated_at`,
	stakeholderDest, stakeholderArgs)

// stakeholderArgs lists the stored value of each column.
func stakeholderArgs(st model.Stakeholder) []any {
	p := st.Plan
	return []any{nullID(st.ID), st.ProposalID, st.ContactID, word(st.Role), st.Influence, st.Votes, st.Veto,
		word(st.Stance), word(st.TargetStance), st.Spoiler, st.Wants, st.Fears,
		word(p.Moment), p.TargetDate.String(), nullID(p.BeforeID), word(p.Approach), p.Message, word(p.Opener),
		word(p.Venue), p.Place, nullID(p.ViaID), p.Done, word(st.Acted), stamp(st.CreatedAt), stamp(st.UpdatedAt)}
}

// stakeholderDest lists where each column goes.
func stakeholderDest(st *model.Stakeholder) []any {
	return []any{&st.ID, &st.ProposalID, &st.ContactID, text(&st.Role), integer(&st.Influence), &st.Votes, &st.Veto,
		text(&st.Stance), text(&st.TargetStance), &st.Spoiler, &st.Wants, &st.Fears,
		text(&st.Plan.Moment), date(&st.Plan.TargetDate), optID(&st.Plan.BeforeID), text(&st.Plan.Approach), &st.Plan.Message, text(&st.Plan.Opener),
		text(&st.Plan.Venue), &st.Plan.Place, optID(&st.Plan.ViaID), &st.Plan.Done, text(&st.Acted), timestamp(&st.CreatedAt), timestamp(&st.UpdatedAt)}
}

func normalizeStakeholder(st *model.Stakeholder) {
	st.Wants = model.Normalize(st.Wants, true)
	st.Fears = model.Normalize(st.Fears, true)
	st.Plan.Message = model.Normalize(st.Plan.Message, false)
	st.Plan.Place = model.Normalize(st.Plan.Place, false)
}

func stakeholderFields(st model.Stakeholder) []field {
	p := st.Plan
	return []field{
		{"role", st.Role.String()},
		{"influence", itoa(st.Influence)},
		{"votes", btoa(st.Votes)},
		{"veto", btoa(st.Veto)},
		{"stance", st.Stance.String()},
		{"target_stance", st.TargetStance.String()},
		{"spoiler", btoa(st.Spoiler)},
		{"wants", st.Wants},
		{"fears", st.Fears},
		{"plan.moment", p.Moment.String()},
		{"plan.target_date", p.TargetDate.String()},
		{"plan.before_id", idtoa(p.BeforeID)},
		{"plan.approach", p.Approach.String()},
		{"plan.message", p.Message},
		{"plan.opener", p.Opener.String()},
		{"plan.venue", p.Venue.String()},
		{"plan.place", p.Place},
		{"plan.via_id", idtoa(p.ViaID)},
		{"plan.done", btoa(p.Done)},
		{"acted", st.Acted.String()},
	}
}

// checkPlanRefs makes sure "talk before X" names a stakeholder of the same
// proposal and "via" names another contact.
func checkPlanRefs(ctx context.Context, q querier, st model.Stakeholder) error {
	if b := st.Plan.BeforeID; b != 0 {
		before, err := stakeholderTable.get(ctx, q, b)
		if err != nil {
			return err
		}
		if before.ProposalID != st.ProposalID {
			return invalidf("the talk can only be planned before someone on the same proposal (stakeholder %d is on proposal %d)", b, before.ProposalID)
		}
	}
	if v := st.Plan.ViaID; v != 0 {
		if v == st.ContactID {
			return invalidf("a person cannot be their own intermediary")
		}
		if _, err := contactTable.get(ctx, q, v); err != nil {
			return err
		}
	}
	return nil
}

// AddStakeholder puts a contact on a proposal. It fails with ErrConflict when
// the contact is already on it.
func (s *Store) AddStakeholder(ctx context.Context, st model.Stakeholder) (model.Stakeholder, error) {
	var out model.Stakeholder
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.addStakeholder(ctx, tx, st)
		return err
	})
	if err != nil {
		return model.Stakeholder{}, wrapf(err, "cannot add the stakeholder")
	}
	return out, nil
}

// addStakeholder is AddStakeholder inside the caller's transaction.
func (s *Store) addStakeholder(ctx context.Context, tx *sql.Tx, st model.Stakeholder) (model.Stakeholder, error) {
	normalizeStakeholder(&st)
	st.ID = 0
	if err := st.Validate(); err != nil {
		return model.Stakeholder{}, invalid(err)
	}
	now := s.clock()
	st.CreatedAt, st.UpdatedAt = now, now
	err := func() error {
		p, err := proposalTable.get(ctx, tx, st.ProposalID)
		if err != nil {
			return err
		}
		c, err := contactTable.get(ctx, tx, st.ContactID)
		if err != nil {
			return err
		}
		dup, err := exists(ctx, tx, "SELECT EXISTS (SELECT 1 FROM stakeholders WHERE proposal_id = ? AND contact_id = ?)", p.ID, c.ID)
		if err != nil {
			return err
		}
		if dup {
			return conflictf("%s is already a stakeholder on %q", c.Name, p.Title)
		}
		if err := checkPlanRefs(ctx, tx, st); err != nil {
			return err
		}
		if st.ID, err = stakeholderTable.insert(ctx, tx, st); err != nil {
			return err
		}
		return insertHistory(ctx, tx, now, model.HistoryEvent{Entity: model.EntityStakeholder, EntityID: st.ID,
			ProposalID: st.ProposalID, Action: model.ActionCreate, New: c.Name})
	}()
	return st, err
}

// UpdateStakeholder stores st over the stakeholder with st.ID, recording one
// history row per changed field, plan fields included ("plan.venue"). The
// proposal and contact of a stakeholder never change; zero means "as stored".
func (s *Store) UpdateStakeholder(ctx context.Context, st model.Stakeholder) (model.Stakeholder, error) {
	var out model.Stakeholder
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.updateStakeholder(ctx, tx, st)
		return err
	})
	if err != nil {
		return model.Stakeholder{}, wrapf(err, "cannot update stakeholder %d", st.ID)
	}
	return out, nil
}

// updateStakeholder is UpdateStakeholder inside the caller's transaction.
func (s *Store) updateStakeholder(ctx context.Context, tx *sql.Tx, st model.Stakeholder) (model.Stakeholder, error) {
	normalizeStakeholder(&st)
	if err := st.Validate(); err != nil {
		return model.Stakeholder{}, invalid(err)
	}
	err := func() error {
		old, err := stakeholderTable.get(ctx, tx, st.ID)
		if err != nil {
			return err
		}
		if (st.ProposalID != 0 && st.ProposalID != old.ProposalID) || (st.ContactID != 0 && st.ContactID != old.ContactID) {
			return invalidf("a stakeholder cannot move to another proposal or person; remove it and add a new one")
		}
		st.ProposalID, st.ContactID = old.ProposalID, old.ContactID
		if err := checkPlanRefs(ctx, tx, st); err != nil {
			return err
		}
		changes := diff(stakeholderFields(old), stakeholderFields(st))
		if len(changes) == 0 {
			st = old
			return nil
		}
		now := s.clock()
		st.CreatedAt, st.UpdatedAt = old.CreatedAt, now
		if err := stakeholderTable.update(ctx, tx, st); err != nil {
			return err
		}
		return insertHistory(ctx, tx, now, updateEvents(model.EntityStakeholder, st.ID, st.ProposalID, changes, "", "")...)
	}()
	return st, err
}

// GetStakeholder returns the stakeholder with the given ID.
func (s *Store) GetStakeholder(ctx context.Context, id int64) (model.Stakeholder, error) {
	return stakeholderTable.get(ctx, s.r, id)
}

// ListStakeholders returns a proposal's stakeholders by role (most decisive
// first), then influence (highest first), then ID.
func (s *Store) ListStakeholders(ctx context.Context, proposalID int64) ([]model.Stakeholder, error) {
	sts, err := stakeholderTable.query(ctx, s.r, "WHERE proposal_id = ?", proposalID)
	if err != nil {
		return nil, fmt.Errorf("cannot list stakeholders of proposal %d: %w", proposalID, err)
	}
	sortStakeholders(sts)
	return sts, nil
}

// sortStakeholders orders by role (most decisive first), then influence
// (highest first), then ID. Roles are stored as words, so the model's order
// is applied here rather than in SQL.
func sortStakeholders(sts []model.Stakeholder) {
	slices.SortFunc(sts, func(a, b model.Stakeholder) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(b.Influence, a.Influence), cmp.Compare(a.ID, b.ID))
	})
}
