package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/backchannel/backchannel/model"
)

// proposalTable is where proposals are stored.
var proposalTable = newTable("proposals", "proposal",
	`id, title, ask, kind, forum, decision_date, decision_rule, status, moment, walk_step, created_at, updated_at`,
	proposalDest, proposalArgs)

// proposalArgs lists the stored value of each column.
func proposalArgs(p model.Proposal) []any {
	return []any{nullID(p.ID), p.Title, p.Ask, word(p.Kind), p.Forum, p.DecisionDate.String(), word(p.DecisionRule),
		word(p.Status), word(p.Moment), p.WalkStep, stamp(p.CreatedAt), stamp(p.UpdatedAt)}
}

// proposalDest lists where each column goes.
func proposalDest(p *model.Proposal) []any {
	return []any{&p.ID, &p.Title, &p.Ask, text(&p.Kind), &p.Forum, date(&p.DecisionDate), text(&p.DecisionRule),
		text(&p.Status), text(&p.Moment), integer(&p.WalkStep), timestamp(&p.CreatedAt), timestamp(&p.UpdatedAt)}
}

func normalizeProposal(p *model.Proposal) {
	p.Title = model.Normalize(p.Title, false)
	p.Ask = model.Normalize(p.Ask, true)
	p.Forum = model.Normalize(p.Forum, false)
}

// proposalFields names what history tracks, in a stable order.
func proposalFields(p model.Proposal) []field {
	return []field{
		{"title", p.Title},
		{"ask", p.Ask},
		{"kind", p.Kind.String()},
		{"forum", p.Forum},
		{"decision_date", p.DecisionDate.String()},
		{"decision_rule", p.DecisionRule.String()},
		{"status", p.Status.String()},
		{"moment", p.Moment.String()},
		{"walk_step", itoa(p.WalkStep)},
	}
}

// CreateProposal validates p, stores it with a new ID and timestamps, and
// records its creation in history. p.ID is ignored.
func (s *Store) CreateProposal(ctx context.Context, p model.Proposal) (model.Proposal, error) {
	var out model.Proposal
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.createProposal(ctx, tx, p)
		return err
	})
	if err != nil {
		return model.Proposal{}, wrapf(err, "cannot create proposal %q", p.Title)
	}
	return out, nil
}

// createProposal is CreateProposal inside the caller's transaction.
func (s *Store) createProposal(ctx context.Context, tx *sql.Tx, p model.Proposal) (model.Proposal, error) {
	normalizeProposal(&p)
	if err := p.Validate(); err != nil {
		return model.Proposal{}, invalid(err)
	}
	now := s.clock()
	p.ID, p.CreatedAt, p.UpdatedAt = 0, now, now
	err := func() error {
		var err error
		if p.ID, err = proposalTable.insert(ctx, tx, p); err != nil {
			return err
		}
		return insertHistory(ctx, tx, now, model.HistoryEvent{Entity: model.EntityProposal, EntityID: p.ID, ProposalID: p.ID,
			Action: model.ActionCreate, New: p.Title})
	}()
	return p, err
}

// UpdateProposal stores p over the proposal with p.ID and records one history
// row per changed field (old → new). Nothing is written when nothing changed.
// Setting the status to archived is how a proposal is archived.
func (s *Store) UpdateProposal(ctx context.Context, p model.Proposal) (model.Proposal, error) {
	var out model.Proposal
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.updateProposal(ctx, tx, p)
		return err
	})
	if err != nil {
		return model.Proposal{}, wrapf(err, "cannot update proposal %q", p.Title)
	}
	return out, nil
}

// updateProposal is UpdateProposal inside the caller's transaction.
func (s *Store) updateProposal(ctx context.Context, tx *sql.Tx, p model.Proposal) (model.Proposal, error) {
	normalizeProposal(&p)
	if err := p.Validate(); err != nil {
		return model.Proposal{}, invalid(err)
	}
	err := func() error {
		old, err := proposalTable.get(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		changes := diff(proposalFields(old), proposalFields(p))
		if len(changes) == 0 {
			p = old
			return nil
		}
		now := s.clock()
		p.CreatedAt, p.UpdatedAt = old.CreatedAt, now
		if err := proposalTable.update(ctx, tx, p); err != nil {
			return err
		}
		return insertHistory(ctx, tx, now, updateEvents(model.EntityProposal, p.ID, p.ID, changes, "status", model.StatusArchived.String())...)
	}()
	return p, err
}

// GetProposal returns the proposal with the given ID.
func (s *Store) GetProposal(ctx context.Context, id int64) (model.Proposal, error) {
	return proposalTable.get(ctx, s.r, id)
}

// ListProposals returns open proposals first, then by decision date (unset
// last), then by ID. Archived proposals are left out unless asked for.
func (s *Store) ListProposals(ctx context.Context, includeArchived bool) ([]model.Proposal, error) {
	var open []any
	for _, st := range model.Statuses() {
		if st.Open() {
			open = append(open, word(st))
		}
	}
	var where string
	var args []any
	if !includeArchived {
		where = "WHERE status <> ? "
		args = append(args, word(model.StatusArchived))
	}
	args = append(args, open...)
	ps, err := proposalTable.query(ctx, s.r, where+"ORDER BY status IN ("+placeholders(len(open))+") DESC, decision_date = '', decision_date, id", args...)
	if err != nil {
		return nil, fmt.Errorf("cannot list proposals: %w", err)
	}
	return ps, nil
}

// FindProposal resolves what a person typed: a numeric ID ("42" or "#42"),
// an exact title (any case), or a prefix of one title at least MinPrefix
// characters long. When a prefix fits several, a single one that is not
// archived wins; otherwise, or when the prefix is shorter, the error
// (ErrAmbiguous) lists the candidates.
func (s *Store) FindProposal(ctx context.Context, ref string) (model.Proposal, error) {
	ref = model.Clean(ref)
	if ref == "" {
		return model.Proposal{}, notFoundf("no proposal named; give its id or title")
	}
	if id, ok := parseID(ref); ok {
		p, err := s.GetProposal(ctx, id)
		if !errors.Is(err, ErrNotFound) {
			return p, err
		}
	}
	all, err := proposalTable.query(ctx, s.r, "ORDER BY id")
	if err != nil {
		return model.Proposal{}, fmt.Errorf("cannot search proposals: %w", err)
	}
	m, short := match(all, ref,
		func(p model.Proposal) string { return p.Title },
		func(model.Proposal) string { return "" },
		func(p model.Proposal) bool { return p.Status == model.StatusArchived })
	if short {
		return model.Proposal{}, tooShort("proposals", ref, m, func(p model.Proposal) (int64, string) { return p.ID, p.Title })
	}
	switch len(m) {
	case 0:
		return model.Proposal{}, notFoundf("no proposal matches %q", ref)
	case 1:
		return m[0], nil
	}
	return model.Proposal{}, ambiguous("proposals", ref, m, func(p model.Proposal) (int64, string) { return p.ID, p.Title })
}
