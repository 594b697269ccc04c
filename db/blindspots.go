package db

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/backchannel/backchannel/model"
)

// blindSpotTable is where blind spots are stored.
var blindSpotTable = newTable("blind_spots", "blind spot",
	`id, proposal_id, surfaced_by_id, touchpoint_id, text, status, how_addressed, raised_on, addressed_on, created_at, updated_at`,
	blindSpotDest, blindSpotArgs)

// blindSpotArgs lists the stored value of each column.
func blindSpotArgs(b model.BlindSpot) []any {
	return []any{nullID(b.ID), b.ProposalID, nullID(b.SurfacedByID), nullID(b.TouchpointID), b.Text, word(b.Status),
		b.HowAddressed, b.RaisedOn.String(), b.AddressedOn.String(), stamp(b.CreatedAt), stamp(b.UpdatedAt)}
}

// blindSpotDest lists where each column goes.
func blindSpotDest(b *model.BlindSpot) []any {
	return []any{&b.ID, &b.ProposalID, optID(&b.SurfacedByID), optID(&b.TouchpointID), &b.Text, text(&b.Status),
		&b.HowAddressed, date(&b.RaisedOn), date(&b.AddressedOn), timestamp(&b.CreatedAt), timestamp(&b.UpdatedAt)}
}

func normalizeBlindSpot(b *model.BlindSpot) {
	b.Text = model.Normalize(b.Text, true)
	b.HowAddressed = model.Normalize(b.HowAddressed, true)
}

func blindSpotFields(b model.BlindSpot) []field {
	return []field{
		{"text", b.Text},
		{"status", b.Status.String()},
		{"how_addressed", b.HowAddressed},
		{"surfaced_by_id", idtoa(b.SurfacedByID)},
		{"touchpoint_id", idtoa(b.TouchpointID)},
		{"raised_on", b.RaisedOn.String()},
		{"addressed_on", b.AddressedOn.String()},
	}
}

// AddBlindSpot records something the proposer had not seen. RaisedOn
// defaults to today; one added already addressed gets AddressedOn today too.
func (s *Store) AddBlindSpot(ctx context.Context, b model.BlindSpot) (model.BlindSpot, error) {
	var out model.BlindSpot
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.addBlindSpot(ctx, tx, b)
		return err
	})
	if err != nil {
		return model.BlindSpot{}, wrapf(err, "cannot add the blind spot")
	}
	return out, nil
}

// addBlindSpot is AddBlindSpot inside the caller's transaction.
func (s *Store) addBlindSpot(ctx context.Context, tx *sql.Tx, b model.BlindSpot) (model.BlindSpot, error) {
	normalizeBlindSpot(&b)
	if err := b.Validate(); err != nil {
		return model.BlindSpot{}, invalid(err)
	}
	today := s.today()
	if b.RaisedOn.IsZero() {
		b.RaisedOn = today
	}
	if b.Status != model.BlindSpotAddressed {
		b.AddressedOn = model.Date{}
	} else if b.AddressedOn.IsZero() {
		b.AddressedOn = today
	}
	now := s.clock()
	b.ID, b.CreatedAt, b.UpdatedAt = 0, now, now
	err := func() error {
		if err := checkSameProposal(ctx, tx, b.ProposalID, b.TouchpointID, ref{"surfaced by", b.SurfacedByID}); err != nil {
			return err
		}
		var err error
		if b.ID, err = blindSpotTable.insert(ctx, tx, b); err != nil {
			return err
		}
		return insertHistory(ctx, tx, now, model.HistoryEvent{Entity: model.EntityBlindSpot, EntityID: b.ID,
			ProposalID: b.ProposalID, Action: model.ActionCreate, New: summary(b.Text)})
	}()
	return b, err
}

// UpdateBlindSpot stores b over the blind spot with b.ID, one history row per
// changed field. Becoming addressed sets AddressedOn to today when unset;
// reopening clears it.
func (s *Store) UpdateBlindSpot(ctx context.Context, b model.BlindSpot) (model.BlindSpot, error) {
	var out model.BlindSpot
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.updateBlindSpot(ctx, tx, b)
		return err
	})
	if err != nil {
		return model.BlindSpot{}, wrapf(err, "cannot update blind spot %d", b.ID)
	}
	return out, nil
}

// updateBlindSpot is UpdateBlindSpot inside the caller's transaction.
func (s *Store) updateBlindSpot(ctx context.Context, tx *sql.Tx, b model.BlindSpot) (model.BlindSpot, error) {
	normalizeBlindSpot(&b)
	if err := b.Validate(); err != nil {
		return model.BlindSpot{}, invalid(err)
	}
	err := func() error {
		old, err := blindSpotTable.get(ctx, tx, b.ID)
		if err != nil {
			return err
		}
		if b.ProposalID != 0 && b.ProposalID != old.ProposalID {
			return invalidf("a blind spot cannot move to another proposal")
		}
		b.ProposalID, b.CreatedAt = old.ProposalID, old.CreatedAt
		if b.Status != old.Status {
			switch {
			case b.Status == model.BlindSpotAddressed && b.AddressedOn.IsZero():
				b.AddressedOn = s.today()
			case b.Status != model.BlindSpotAddressed:
				b.AddressedOn = model.Date{}
			}
		}
		if err := checkSameProposal(ctx, tx, b.ProposalID, b.TouchpointID, ref{"surfaced by", b.SurfacedByID}); err != nil {
			return err
		}
		changes := diff(blindSpotFields(old), blindSpotFields(b))
		if len(changes) == 0 {
			b = old
			return nil
		}
		now := s.clock()
		b.UpdatedAt = now
		if err := blindSpotTable.update(ctx, tx, b); err != nil {
			return err
		}
		return insertHistory(ctx, tx, now, updateEvents(model.EntityBlindSpot, b.ID, b.ProposalID, changes, "", "")...)
	}()
	return b, err
}

// GetBlindSpot returns the blind spot with the given ID.
func (s *Store) GetBlindSpot(ctx context.Context, id int64) (model.BlindSpot, error) {
	return blindSpotTable.get(ctx, s.r, id)
}

// ListBlindSpots returns a proposal's blind spots by ID; proposalID 0 lists
// every proposal's.
func (s *Store) ListBlindSpots(ctx context.Context, proposalID int64) ([]model.BlindSpot, error) {
	rest, args := ofProposal(proposalID)
	bs, err := blindSpotTable.query(ctx, s.r, rest, args...)
	if err != nil {
		return nil, fmt.Errorf("cannot list blind spots: %w", err)
	}
	return bs, nil
}
