package db

import (
	"cmp"
	"context"
	"database/sql/driver"
	"slices"

	"github.com/backchannel/backchannel/model"
)

// ReviewRecords reads what the objections and blind-spot screens list,
// across every proposal (archived ones too), in one read transaction: the
// proposals in ListProposals' order, every stakeholder (ID, proposal,
// contact, role, influence and stance only) and their contacts' names,
// every objection and blind spot (grouped by proposal in that order, each
// proposal's by id, as the dossiers give them), the conversations they
// were raised in, and the objections' and blind spots' history (their
// status changes), oldest first.
//
// No other conversation is read: the screens show none, and on a long
// log they were nearly every row the screens used to load (a whole
// dossier per proposal). Readiness is not in it; the screens ask for the
// scores separately. The result is a partial model.Workbook, not one to
// export.
func (s *Store) ReviewRecords(ctx context.Context) (model.Workbook, error) {
	var wb model.Workbook
	err := s.readDriver(ctx, func(q driver.QueryerContext) error {
		where, args := listProposalsWhere(true)
		var err error
		if wb.Proposals, err = proposalTable.rawQuery(ctx, q, 0, where, args...); err != nil {
			return err
		}
		order := make(map[int64]int, len(wb.Proposals))
		for i, p := range wb.Proposals {
			order[p.ID] = i
		}
		byProposal := func(a, b int64) int { return cmp.Compare(order[a], order[b]) }

		// Only what the screens show of a person: who they are on which
		// proposal, their role, influence and stance. The plan and interests
		// were most of each row, and every person is read.
		if wb.Stakeholders, err = rawAll(ctx, q, func(st *model.Stakeholder) []any {
			return []any{&st.ID, &st.ProposalID, &st.ContactID, text(&st.Role), integer(&st.Influence), text(&st.Stance)}
		}, 0, "SELECT id, proposal_id, contact_id, role, influence, stance FROM stakeholders"); err != nil {
			return err
		}
		slices.SortStableFunc(wb.Stakeholders, func(a, b model.Stakeholder) int {
			return cmp.Or(byProposal(a.ProposalID, b.ProposalID), cmp.Compare(a.Role, b.Role),
				cmp.Compare(b.Influence, a.Influence), cmp.Compare(a.ID, b.ID))
		})
		// Only the names: the screens name people and show nothing else of
		// a contact.
		if wb.Contacts, err = rawAll(ctx, q, func(c *model.Contact) []any { return []any{&c.ID, &c.Name} }, 0,
			"SELECT id, name FROM contacts WHERE id IN (SELECT contact_id FROM stakeholders) ORDER BY id"); err != nil {
			return err
		}
		if wb.Objections, err = objectionTable.rawQuery(ctx, q, 0, "ORDER BY id"); err != nil {
			return err
		}
		slices.SortStableFunc(wb.Objections, func(a, b model.Objection) int { return byProposal(a.ProposalID, b.ProposalID) })
		if wb.BlindSpots, err = blindSpotTable.rawQuery(ctx, q, 0, "ORDER BY id"); err != nil {
			return err
		}
		slices.SortStableFunc(wb.BlindSpots, func(a, b model.BlindSpot) int { return byProposal(a.ProposalID, b.ProposalID) })
		if wb.Touchpoints, err = touchpointTable.rawQuery(ctx, q, 0, `WHERE id IN (
				SELECT touchpoint_id FROM objections WHERE touchpoint_id IS NOT NULL
				UNION SELECT touchpoint_id FROM blind_spots WHERE touchpoint_id IS NOT NULL) ORDER BY id`); err != nil {
			return err
		}
		wb.History, err = historyTable.rawQuery(ctx, q, 0, "WHERE entity IN (?, ?) ORDER BY id",
			model.EntityObjection, model.EntityBlindSpot)
		return err
	})
	if err != nil {
		return model.Workbook{}, wrapf(err, "cannot read the objections and blind spots")
	}
	return wb, nil
}
