package db

import (
	"context"
	"database/sql"

	"github.com/backchannel/backchannel/model"
)

// Whole user actions: each is one store call, one transaction and one undo
// step, however many rows it writes. The screens and commands call these,
// never a sequence of smaller writes, so a failure halfway leaves nothing
// behind and a retry cannot store anything twice.

// AddPerson puts a person on a proposal: it creates the contact when
// c.ID is 0 (or reuses contact c.ID) and adds the stakeholder st for it, in
// one transaction.
func (s *Store) AddPerson(ctx context.Context, c model.Contact, st model.Stakeholder) (model.Stakeholder, error) {
	var out model.Stakeholder
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		if c.ID == 0 {
			created, err := addContact(ctx, tx, s.clock(), c)
			if err != nil {
				return err
			}
			c = created
		}
		st.ContactID = c.ID
		var err error
		if out, err = s.addStakeholder(ctx, tx, st); err != nil {
			return err
		}
		return say(ctx, tx, "added %s to %s", contactName(ctx, tx, c.ID), proposalTitle(ctx, tx, st.ProposalID))
	})
	if err != nil {
		return model.Stakeholder{}, wrapf(err, "cannot add the person")
	}
	return out, nil
}

// RecordConversation logs a conversation with what was raised in it and the
// updated stance, as one action. The objections and blind spots are tied to
// the talk and to the person, on the talk's day unless they say otherwise.
func (s *Store) RecordConversation(ctx context.Context, c model.Conversation) (model.Conversation, error) {
	out := model.Conversation{Stance: c.Stance}
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		t, err := s.logTouchpoint(ctx, tx, c.Touchpoint)
		if err != nil {
			return err
		}
		out.Touchpoint = t
		for _, o := range c.Objections {
			o.ProposalID, o.TouchpointID = t.ProposalID, t.ID
			if o.RaisedByID == 0 {
				o.RaisedByID = t.StakeholderID
			}
			if o.RaisedOn.IsZero() {
				o.RaisedOn = t.Date
			}
			if o, err = s.addObjection(ctx, tx, o); err != nil {
				return err
			}
			out.Objections = append(out.Objections, o)
		}
		for _, b := range c.BlindSpots {
			b.ProposalID, b.TouchpointID = t.ProposalID, t.ID
			if b.SurfacedByID == 0 {
				b.SurfacedByID = t.StakeholderID
			}
			if b.RaisedOn.IsZero() {
				b.RaisedOn = t.Date
			}
			if b, err = s.addBlindSpot(ctx, tx, b); err != nil {
				return err
			}
			out.BlindSpots = append(out.BlindSpots, b)
		}
		if c.Stance != nil {
			st, err := stakeholderTable.get(ctx, tx, t.StakeholderID)
			if err != nil {
				return err
			}
			st.Stance = *c.Stance
			if _, err := s.updateStakeholder(ctx, tx, st); err != nil {
				return err
			}
		}
		return say(ctx, tx, "logged the conversation with %s on %s", contactName(ctx, tx, t.ContactID), t.Date.Human())
	})
	if err != nil {
		return model.Conversation{}, wrapf(err, "cannot log the conversation")
	}
	return out, nil
}

// edit is the read-modify-write every Edit method shares: read the row in
// the write transaction, let fn change a copy, store it through the entity's
// update (validation, history and all).
func edit[T any](ctx context.Context, s *Store, t *table[T], id int64, fn func(*T) error,
	update func(context.Context, *sql.Tx, T) (T, error)) (T, error) {
	var out T
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		v, err := t.get(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := fn(&v); err != nil {
			return err
		}
		out, err = update(ctx, tx, v)
		return err
	})
	if err != nil {
		var zero T
		return zero, wrapf(err, "cannot change %s %d", t.noun, id)
	}
	return out, nil
}

// EditProposal changes proposal id with fn, in one transaction: read, change,
// validate, write and record history together, so an edit made meanwhile by
// another process is never overwritten with stale values.
func (s *Store) EditProposal(ctx context.Context, id int64, fn func(*model.Proposal) error) (model.Proposal, error) {
	return edit(ctx, s, proposalTable, id, fn, s.updateProposal)
}

// EditContact changes contact id with fn, as EditProposal does.
func (s *Store) EditContact(ctx context.Context, id int64, fn func(*model.Contact) error) (model.Contact, error) {
	return edit(ctx, s, contactTable, id, fn, s.updateContact)
}

// EditStakeholder changes a person's part in a proposal with fn.
func (s *Store) EditStakeholder(ctx context.Context, id int64, fn func(*model.Stakeholder) error) (model.Stakeholder, error) {
	return edit(ctx, s, stakeholderTable, id, fn, s.updateStakeholder)
}

// EditTouchpoint changes a logged conversation with fn.
func (s *Store) EditTouchpoint(ctx context.Context, id int64, fn func(*model.Touchpoint) error) (model.Touchpoint, error) {
	return edit(ctx, s, touchpointTable, id, fn, s.updateTouchpoint)
}

// EditObjection changes an objection with fn (text and severity included).
func (s *Store) EditObjection(ctx context.Context, id int64, fn func(*model.Objection) error) (model.Objection, error) {
	return edit(ctx, s, objectionTable, id, fn, s.updateObjection)
}

// EditBlindSpot changes a blind spot with fn.
func (s *Store) EditBlindSpot(ctx context.Context, id int64, fn func(*model.BlindSpot) error) (model.BlindSpot, error) {
	return edit(ctx, s, blindSpotTable, id, fn, s.updateBlindSpot)
}

// EditPerson changes a person's part in a proposal and their contact
// together, as one action: the whom form edits both (name and title on the
// contact, role and influence on the stakeholder). editContact may be nil.
func (s *Store) EditPerson(ctx context.Context, stakeholderID int64, editContact func(*model.Contact) error,
	editStakeholder func(*model.Stakeholder) error) (model.Contact, model.Stakeholder, error) {
	var c model.Contact
	var st model.Stakeholder
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		if st, err = stakeholderTable.get(ctx, tx, stakeholderID); err != nil {
			return err
		}
		if c, err = contactTable.get(ctx, tx, st.ContactID); err != nil {
			return err
		}
		if editContact != nil {
			if err := editContact(&c); err != nil {
				return err
			}
			if c, err = s.updateContact(ctx, tx, c); err != nil {
				return err
			}
		}
		if err := editStakeholder(&st); err != nil {
			return err
		}
		if st, err = s.updateStakeholder(ctx, tx, st); err != nil {
			return err
		}
		return say(ctx, tx, "edited %s on %s", c.Name, proposalTitle(ctx, tx, st.ProposalID))
	})
	if err != nil {
		return model.Contact{}, model.Stakeholder{}, wrapf(err, "cannot change stakeholder %d", stakeholderID)
	}
	return c, st, nil
}
