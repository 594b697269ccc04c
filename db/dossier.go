package db

import (
	"context"
	"database/sql"

	"github.com/backchannel/backchannel/model"
)

// LoadDossier reads everything readiness and the brief need about one
// proposal, in one read transaction so the parts agree with each other.
func (s *Store) LoadDossier(ctx context.Context, proposalID int64) (model.Dossier, error) {
	var d model.Dossier
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		if d.Proposal, err = getProposal(ctx, tx, proposalID); err != nil {
			return err
		}
		if d.Stakeholders, err = listStakeholders(ctx, tx, proposalID); err != nil {
			return err
		}
		// Every conversation of the proposal is with one of its stakeholders,
		// so the proposal's own log is a subset of its stakeholders' whole
		// log: read that once and pick the proposal's rows out of it.
		if d.ContactTouchpoints, err = queryTouchpoints(ctx, tx, "SELECT "+touchpointCols+` FROM touchpoints
			WHERE contact_id IN (SELECT contact_id FROM stakeholders WHERE proposal_id = ?)
			ORDER BY date, id`, proposalID); err != nil {
			return err
		}
		for _, t := range d.ContactTouchpoints {
			if t.ProposalID == proposalID {
				d.Touchpoints = append(d.Touchpoints, t)
			}
		}
		contacts, err := queryContacts(ctx, tx, "SELECT "+contactCols+` FROM contacts WHERE id IN (
			SELECT contact_id FROM stakeholders WHERE proposal_id = ?1
			UNION SELECT plan_via_id FROM stakeholders WHERE proposal_id = ?1 AND plan_via_id IS NOT NULL
			UNION SELECT contact_id FROM touchpoints WHERE proposal_id = ?1)`, proposalID)
		if err != nil {
			return err
		}
		d.Contacts = make(map[int64]model.Contact, len(contacts))
		for _, c := range contacts {
			d.Contacts[c.ID] = c
		}
		if d.Objections, err = queryObjections(ctx, tx, "SELECT "+objectionCols+" FROM objections WHERE proposal_id = ? ORDER BY id", proposalID); err != nil {
			return err
		}
		if d.BlindSpots, err = queryBlindSpots(ctx, tx, "SELECT "+blindSpotCols+" FROM blind_spots WHERE proposal_id = ? ORDER BY id", proposalID); err != nil {
			return err
		}
		d.History, err = queryHistory(ctx, tx, "SELECT "+historyCols+" FROM history WHERE proposal_id = ? ORDER BY id", proposalID)
		return err
	})
	if err != nil {
		return model.Dossier{}, wrapf(err, "cannot load proposal %d", proposalID)
	}
	return d, nil
}
