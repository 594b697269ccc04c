package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/redact"
)

// Removing and deleting records. Each is one action and one undo step;
// each has a matching ...Impact read so the person is asked once, knowing
// everything that goes with it.

// StakeholderImpact says what removing a person from a proposal takes with it.
func (s *Store) StakeholderImpact(ctx context.Context, id int64) (model.Removal, error) {
	var r model.Removal
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		st, err := stakeholderTable.get(ctx, tx, id)
		if err != nil {
			return err
		}
		r.What = fmt.Sprintf("%s from %s", contactName(ctx, tx, st.ContactID), proposalTitle(ctx, tx, st.ProposalID))
		return tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM touchpoints WHERE stakeholder_id = ?1),
			(SELECT count(*) FROM objections WHERE raised_by_id = ?1 OR voice_id = ?1),
			(SELECT count(*) FROM blind_spots WHERE surfaced_by_id = ?1),
			(SELECT count(*) FROM stakeholders WHERE plan_before_id = ?1)`, id).
			Scan(&r.Conversations, &r.Objections, &r.BlindSpots, &r.PlanRefs)
	})
	return r, err
}

// RemoveStakeholder takes a person off a proposal: their conversations on it
// are deleted; objections and blind spots they raised stay, as anticipated
// or surfaced by me; they stop being anyone's voice in the room or "talk
// before" target. Undo brings all of it back.
func (s *Store) RemoveStakeholder(ctx context.Context, id int64) error {
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		st, err := stakeholderTable.get(ctx, tx, id)
		if err != nil {
			return err
		}
		name, title := contactName(ctx, tx, st.ContactID), proposalTitle(ctx, tx, st.ProposalID)
		now := s.clock()
		ts := stamp(now)
		talks := "(SELECT id FROM touchpoints WHERE stakeholder_id = ?2)"
		for _, q := range []string{
			"UPDATE objections SET touchpoint_id = NULL, updated_at = ?1 WHERE touchpoint_id IN " + talks,
			"UPDATE blind_spots SET touchpoint_id = NULL, updated_at = ?1 WHERE touchpoint_id IN " + talks,
			"UPDATE objections SET raised_by_id = NULL, updated_at = ?1 WHERE raised_by_id = ?2",
			"UPDATE objections SET voice_id = NULL, updated_at = ?1 WHERE voice_id = ?2",
			"UPDATE blind_spots SET surfaced_by_id = NULL, updated_at = ?1 WHERE surfaced_by_id = ?2",
			"UPDATE stakeholders SET plan_before_id = NULL, updated_at = ?1 WHERE plan_before_id = ?2",
			"DELETE FROM touchpoints WHERE stakeholder_id = ?2",
			"DELETE FROM stakeholders WHERE id = ?2",
		} {
			if _, err := tx.ExecContext(ctx, q, ts, id); err != nil {
				return err
			}
		}
		if err := insertHistory(ctx, tx, now, model.HistoryEvent{Entity: model.EntityStakeholder, EntityID: id,
			ProposalID: st.ProposalID, Action: model.ActionDelete, Old: name}); err != nil {
			return err
		}
		return say(ctx, tx, "removed %s from %s", name, title)
	})
	if err != nil {
		return wrapf(err, "cannot remove stakeholder %d", id)
	}
	return nil
}

// TouchpointImpact says what deleting a conversation touches.
func (s *Store) TouchpointImpact(ctx context.Context, id int64) (model.Removal, error) {
	var r model.Removal
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		t, err := touchpointTable.get(ctx, tx, id)
		if err != nil {
			return err
		}
		r.What = fmt.Sprintf("the conversation with %s on %s", contactName(ctx, tx, t.ContactID), t.Date.Human())
		return tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM objections WHERE touchpoint_id = ?1),
			(SELECT count(*) FROM blind_spots WHERE touchpoint_id = ?1)`, id).Scan(&r.Objections, &r.BlindSpots)
	})
	return r, err
}

// DeleteTouchpoint deletes a logged conversation. Objections and blind spots
// raised in it stay, no longer linked to it.
func (s *Store) DeleteTouchpoint(ctx context.Context, id int64) error {
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		t, err := touchpointTable.get(ctx, tx, id)
		if err != nil {
			return err
		}
		now := s.clock()
		for _, q := range []string{
			"UPDATE objections SET touchpoint_id = NULL, updated_at = ?1 WHERE touchpoint_id = ?2",
			"UPDATE blind_spots SET touchpoint_id = NULL, updated_at = ?1 WHERE touchpoint_id = ?2",
			"DELETE FROM touchpoints WHERE id = ?2",
		} {
			if _, err := tx.ExecContext(ctx, q, stamp(now), id); err != nil {
				return err
			}
		}
		if err := insertHistory(ctx, tx, now, model.HistoryEvent{Entity: model.EntityTouchpoint, EntityID: id,
			ProposalID: t.ProposalID, Action: model.ActionDelete, Old: touchpointSummary(t)}); err != nil {
			return err
		}
		return say(ctx, tx, "deleted the conversation with %s on %s", contactName(ctx, tx, t.ContactID), t.Date.Human())
	})
	if err != nil {
		return wrapf(err, "cannot delete conversation %d", id)
	}
	return nil
}

// DeleteObjection deletes an objection (one logged by mistake; a withdrawn
// objection is a status, not a deletion).
func (s *Store) DeleteObjection(ctx context.Context, id int64) error {
	return deleteRow(ctx, s, objectionTable, id, model.EntityObjection, func(o model.Objection) (int64, string) {
		return o.ProposalID, o.Text
	}, "the objection %q")
}

// DeleteBlindSpot deletes a blind spot.
func (s *Store) DeleteBlindSpot(ctx context.Context, id int64) error {
	return deleteRow(ctx, s, blindSpotTable, id, model.EntityBlindSpot, func(b model.BlindSpot) (int64, string) {
		return b.ProposalID, b.Text
	}, "the blind spot %q")
}

// deleteRow deletes a row nothing refers to, with its history and words.
func deleteRow[T any](ctx context.Context, s *Store, t *table[T], id int64, entity string,
	describe func(T) (proposalID int64, text string), words string) error {
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		v, err := t.get(ctx, tx, id)
		if err != nil {
			return err
		}
		proposalID, text := describe(v)
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+t.name+" WHERE id = ?", id); err != nil {
			return err
		}
		now := s.clock()
		if err := insertHistory(ctx, tx, now, model.HistoryEvent{Entity: entity, EntityID: id, ProposalID: proposalID,
			Action: model.ActionDelete, Old: summary(text)}); err != nil {
			return err
		}
		return say(ctx, tx, "deleted "+words, summary(text))
	})
	if err != nil {
		return wrapf(err, "cannot delete %s %d", t.noun, id)
	}
	return nil
}

// ContactImpact says what refers to a contact: a contact on any proposal,
// in any conversation or plan cannot be deleted (archive or merge it).
func (s *Store) ContactImpact(ctx context.Context, id int64) (model.Removal, error) {
	var r model.Removal
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		c, err := contactTable.get(ctx, tx, id)
		if err != nil {
			return err
		}
		r.What = c.Name
		return contactRefs(ctx, tx, id, &r)
	})
	return r, err
}

func contactRefs(ctx context.Context, q querier, id int64, r *model.Removal) error {
	return q.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM stakeholders WHERE contact_id = ?1),
		(SELECT count(*) FROM touchpoints WHERE contact_id = ?1),
		(SELECT count(*) FROM stakeholders WHERE plan_via_id = ?1) +
		(SELECT count(*) FROM touchpoints WHERE heard_via_id = ?1)`, id).Scan(&r.Proposals, &r.Conversations, &r.PlanRefs)
}

// DeleteContact deletes a contact that nothing refers to. One that is on a
// proposal, in a conversation or in a plan is refused in one sentence.
func (s *Store) DeleteContact(ctx context.Context, id int64) error {
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		c, err := contactTable.get(ctx, tx, id)
		if err != nil {
			return err
		}
		var r model.Removal
		if err := contactRefs(ctx, tx, id, &r); err != nil {
			return err
		}
		if r.Proposals+r.Conversations+r.PlanRefs > 0 {
			return conflictf("%s is on %s and in %s; remove them from those proposals first, or archive or merge the contact",
				c.Name, model.Plural(r.Proposals, "proposal", "proposals"), model.Plural(r.Conversations, "conversation", "conversations"))
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM contacts WHERE id = ?", id); err != nil {
			return err
		}
		if err := insertHistory(ctx, tx, s.clock(), model.HistoryEvent{Entity: model.EntityContact, EntityID: id,
			Action: model.ActionDelete, Old: c.Name}); err != nil {
			return err
		}
		return say(ctx, tx, "deleted contact %s", c.Name)
	})
	if err != nil {
		return wrapf(err, "cannot delete contact %d", id)
	}
	return nil
}

// MergeContacts folds contact other into contact keep: keep's empty fields
// take other's values (nothing of keep's is overwritten; notes are joined),
// other's places on proposals, conversations and plan mentions move to keep,
// and other is deleted. Where both were on the same proposal, keep's place
// stays and other's conversations and mentions move onto it.
func (s *Store) MergeContacts(ctx context.Context, keepID, otherID int64) (model.Contact, error) {
	if keepID == otherID {
		return model.Contact{}, invalidf("a contact cannot be merged into itself")
	}
	var out model.Contact
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		keep, err := contactTable.get(ctx, tx, keepID)
		if err != nil {
			return err
		}
		other, err := contactTable.get(ctx, tx, otherID)
		if err != nil {
			return err
		}
		merged := mergedContact(keep, other)
		if out, err = s.updateContact(ctx, tx, merged); err != nil {
			return err
		}
		rows, err := stakeholderTable.query(ctx, tx, "WHERE contact_id = ? ORDER BY id", otherID)
		if err != nil {
			return err
		}
		now := stamp(s.clock())
		for _, st := range rows {
			var keepRow int64
			err := tx.QueryRowContext(ctx, "SELECT id FROM stakeholders WHERE proposal_id = ? AND contact_id = ?", st.ProposalID, keepID).Scan(&keepRow)
			if err == sql.ErrNoRows {
				if _, err := tx.ExecContext(ctx, "UPDATE stakeholders SET contact_id = ?, updated_at = ? WHERE id = ?", keepID, now, st.ID); err != nil {
					return err
				}
				continue
			}
			if err != nil {
				return err
			}
			for _, q := range []string{
				"UPDATE touchpoints SET stakeholder_id = ?1 WHERE stakeholder_id = ?2",
				"UPDATE objections SET raised_by_id = ?1, updated_at = ?3 WHERE raised_by_id = ?2",
				"UPDATE objections SET voice_id = ?1, updated_at = ?3 WHERE voice_id = ?2",
				"UPDATE blind_spots SET surfaced_by_id = ?1, updated_at = ?3 WHERE surfaced_by_id = ?2",
				"UPDATE stakeholders SET plan_before_id = NULLIF(?1, id), updated_at = ?3 WHERE plan_before_id = ?2",
				"DELETE FROM stakeholders WHERE id = ?2",
			} {
				if _, err := tx.ExecContext(ctx, q, keepRow, st.ID, now); err != nil {
					return err
				}
			}
		}
		for _, q := range []string{
			"UPDATE touchpoints SET contact_id = ?1 WHERE contact_id = ?2",
			"UPDATE stakeholders SET plan_via_id = ?1, updated_at = ?3 WHERE plan_via_id = ?2",
			"UPDATE touchpoints SET heard_via_id = NULLIF(?1, contact_id) WHERE heard_via_id = ?2",
			"DELETE FROM contacts WHERE id = ?2",
		} {
			if _, err := tx.ExecContext(ctx, q, keepID, otherID, now); err != nil {
				return err
			}
		}
		if err := insertHistory(ctx, tx, s.clock(), model.HistoryEvent{Entity: model.EntityContact, EntityID: otherID,
			Action: model.ActionDelete, Old: other.Name, New: fmt.Sprintf("merged into contact %d", keepID)}); err != nil {
			return err
		}
		return say(ctx, tx, "merged contact %s (#%d) into %s (#%d)", other.Name, otherID, keep.Name, keepID)
	})
	if err != nil {
		return model.Contact{}, wrapf(err, "cannot merge contact %d into %d", otherID, keepID)
	}
	return out, nil
}

// mergedContact fills keep's empty fields from other; notes are joined.
func mergedContact(keep, other model.Contact) model.Contact {
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&keep.Title, other.Title)
	fill(&keep.Org, other.Org)
	fill(&keep.Email, other.Email)
	fill(&keep.ValueIBring, other.ValueIBring)
	switch {
	case keep.Notes == "":
		keep.Notes = other.Notes
	case other.Notes != "" && other.Notes != keep.Notes:
		keep.Notes += "\n\n" + other.Notes
	}
	if keep.Kind == model.PartnerNone {
		keep.Kind = other.Kind
	}
	if keep.Discretion == model.DiscretionUnknown {
		keep.Discretion = other.Discretion
	}
	if keep.CadenceDays == 0 {
		keep.CadenceDays = other.CadenceDays
	}
	// The other's different name, email and aliases are ways people write
	// this person: kept as aliases, so nothing is lost and redaction still
	// finds them.
	aliases := redact.SplitAliases(keep.Aliases)
	for _, a := range append([]string{other.Name, other.Email}, redact.SplitAliases(other.Aliases)...) {
		if a != "" && !strings.EqualFold(a, keep.Name) && !strings.EqualFold(a, keep.Email) &&
			!slices.ContainsFunc(aliases, func(b string) bool { return strings.EqualFold(a, b) }) {
			aliases = append(aliases, a)
		}
	}
	keep.Aliases = strings.Join(aliases, ", ")
	return keep
}
