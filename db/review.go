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
// proposals in ListProposals' order, every stakeholder and their contacts,
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

		if wb.Stakeholders, err = stakeholderTable.rawQuery(ctx, q, 0, ""); err != nil {
			return err
		}
		slices.SortStableFunc(wb.Stakeholders, func(a, b model.Stakeholder) int {
			return cmp.Or(byProposal(a.ProposalID, b.ProposalID), cmp.Compare(a.Role, b.Role),
				cmp.Compare(b.Influence, a.Influence), cmp.Compare(a.ID, b.ID))
		})
		if wb.Contacts, err = contactTable.rawQuery(ctx, q, 0, `WHERE id IN (
				SELECT contact_id FROM stakeholders
				UNION SELECT plan_via_id FROM stakeholders WHERE plan_via_id IS NOT NULL) ORDER BY id`); err != nil {
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
