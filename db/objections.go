package db

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/backchannel/backchannel/model"
)

// objectionTable is where objections are stored.
var objectionTable = newTable("objections", "objection",
	`id, proposal_id, raised_by_id, touchpoint_id, text, severity, status, response, voice_id, raised_on, resolved_on, created_at, updated_at`,
	objectionDest, objectionArgs)

// objectionArgs lists the stored value of each column.
func objectionArgs(o model.Objection) []any {
	return []any{nullID(o.ID), o.ProposalID, nullID(o.RaisedByID), nullID(o.TouchpointID), o.Text, word(o.Severity),
		word(o.Status), o.Response, nullID(o.VoiceID), o.RaisedOn.String(), o.ResolvedOn.String(), stamp(o.CreatedAt), stamp(o.UpdatedAt)}
}

// objectionDest lists where each column goes.
func objectionDest(o *model.Objection) []any {
	return []any{&o.ID, &o.ProposalID, optID(&o.RaisedByID), optID(&o.TouchpointID), &o.Text, text(&o.Severity),
		text(&o.Status), &o.Response, optID(&o.VoiceID), date(&o.RaisedOn), date(&o.ResolvedOn), timestamp(&o.CreatedAt), timestamp(&o.UpdatedAt)}
}

func normalizeObjection(o *model.Objection) {
	o.Text = model.Normalize(o.Text, true)
	o.Response = model.Normalize(o.Response, true)
}

func objectionFields(o model.Objection) []field {
	return []field{
		{"text", o.Text},
		{"severity", o.Severity.String()},
		{"status", o.Status.String()},
		{"response", o.Response},
		{"raised_by_id", idtoa(o.RaisedByID)},
		{"touchpoint_id", idtoa(o.TouchpointID)},
		{"voice_id", idtoa(o.VoiceID)},
		{"raised_on", o.RaisedOn.String()},
		{"resolved_on", o.ResolvedOn.String()},
	}
}

func objectionRefs(o model.Objection) []ref {
	return []ref{{"raised by", o.RaisedByID}, {"voice in the room", o.VoiceID}}
}

// AddObjection records an objection to a proposal. RaisedOn defaults to
// today; an objection added already settled gets ResolvedOn today too.
func (s *Store) AddObjection(ctx context.Context, o model.Objection) (model.Objection, error) {
	var out model.Objection
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.addObjection(ctx, tx, o)
		return err
	})
	if err != nil {
		return model.Objection{}, wrapf(err, "cannot add the objection")
	}
	return out, nil
}

// addObjection is AddObjection inside the caller's transaction.
func (s *Store) addObjection(ctx context.Context, tx *sql.Tx, o model.Objection) (model.Objection, error) {
	normalizeObjection(&o)
	if err := o.Validate(); err != nil {
		return model.Objection{}, invalid(err)
	}
	today := s.today()
	if o.RaisedOn.IsZero() {
		o.RaisedOn = today
	}
	if o.Status.Live() {
		o.ResolvedOn = model.Date{}
	} else if o.ResolvedOn.IsZero() {
		o.ResolvedOn = today
	}
	now := s.clock()
	o.ID, o.CreatedAt, o.UpdatedAt = 0, now, now
	err := func() error {
		if err := checkSameProposal(ctx, tx, o.ProposalID, o.TouchpointID, objectionRefs(o)...); err != nil {
			return err
		}
		var err error
		if o.ID, err = objectionTable.insert(ctx, tx, o); err != nil {
			return err
		}
		return insertHistory(ctx, tx, now, model.HistoryEvent{Entity: model.EntityObjection, EntityID: o.ID,
			ProposalID: o.ProposalID, Action: model.ActionCreate, New: summary(o.Text)})
	}()
	return o, err
}

// UpdateObjection stores o over the objection with o.ID, one history row per
// changed field (status changes included). Moving to resolved, accepted or
// withdrawn sets ResolvedOn to today when unset; reopening clears it.
func (s *Store) UpdateObjection(ctx context.Context, o model.Objection) (model.Objection, error) {
	var out model.Objection
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.updateObjection(ctx, tx, o)
		return err
	})
	if err != nil {
		return model.Objection{}, wrapf(err, "cannot update objection %d", o.ID)
	}
	return out, nil
}

// updateObjection is UpdateObjection inside the caller's transaction.
func (s *Store) updateObjection(ctx context.Context, tx *sql.Tx, o model.Objection) (model.Objection, error) {
	normalizeObjection(&o)
	if err := o.Validate(); err != nil {
		return model.Objection{}, invalid(err)
	}
	err := func() error {
		old, err := objectionTable.get(ctx, tx, o.ID)
		if err != nil {
			return err
		}
		if o.ProposalID != 0 && o.ProposalID != old.ProposalID {
			return invalidf("an objection cannot move to another proposal")
		}
		o.ProposalID, o.CreatedAt = old.ProposalID, old.CreatedAt
		if o.Status != old.Status {
			switch {
			case !o.Status.Live() && o.ResolvedOn.IsZero():
				o.ResolvedOn = s.today()
			case o.Status.Live():
				o.ResolvedOn = model.Date{}
			}
		}
		if err := checkSameProposal(ctx, tx, o.ProposalID, o.TouchpointID, objectionRefs(o)...); err != nil {
			return err
		}
		changes := diff(objectionFields(old), objectionFields(o))
		if len(changes) == 0 {
			o = old
			return nil
		}
		now := s.clock()
		o.UpdatedAt = now
		if err := objectionTable.update(ctx, tx, o); err != nil {
			return err
		}
		return insertHistory(ctx, tx, now, updateEvents(model.EntityObjection, o.ID, o.ProposalID, changes, "", "")...)
	}()
	return o, err
}

// GetObjection returns the objection with the given ID.
func (s *Store) GetObjection(ctx context.Context, id int64) (model.Objection, error) {
	return objectionTable.get(ctx, s.r, id)
}

// ListObjections returns a proposal's objections by ID; proposalID 0 lists
// every proposal's.
func (s *Store) ListObjections(ctx context.Context, proposalID int64) ([]model.Objection, error) {
	rest, args := ofProposal(proposalID)
	list, err := objectionTable.query(ctx, s.r, rest, args...)
	if err != nil {
		return nil, fmt.Errorf("cannot list objections: %w", err)
	}
	return list, nil
}
