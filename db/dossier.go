package db

import (
	"context"
	"database/sql/driver"

	"github.com/backchannel/backchannel/model"
)

// LoadDossier reads everything readiness and the brief need about one
// proposal, in one read transaction so the parts agree with each other.
//
// It is on the hot path of every screen, so the big reads are shaped for
// SQLite: they go to the driver directly (see rawread.go), the proposal's
// conversations are read in rowid order (sequential pages), and the
// stakeholders' conversations on other proposals are picked out of an index
// before any row is touched.
//
// Every list comes in ID order, the canonical order readiness, the brief
// and redaction index by (model's sortedDossier finds it already sorted and
// copies nothing); each orders the conversations by date itself, once.
func (s *Store) LoadDossier(ctx context.Context, proposalID int64) (model.Dossier, error) {
	var d model.Dossier
	err := s.readDriver(ctx, func(q driver.QueryerContext) error {
		var err error
		d, err = loadDossier(ctx, q, proposalID, everyConversationColumn)
		return err
	})
	if err != nil {
		return model.Dossier{}, wrapf(err, "cannot load proposal %d", proposalID)
	}
	return d, nil
}

// loadDossier is LoadDossier inside the caller's read transaction, reading
// the conversations' columns c.
func loadDossier(ctx context.Context, q driver.QueryerContext, proposalID int64, c conversationColumns) (model.Dossier, error) {
	var d model.Dossier
	err := func() error {
		ps, err := proposalTable.rawQuery(ctx, q, 1, "WHERE id = ?", proposalID)
		if err != nil {
			return err
		}
		if len(ps) == 0 {
			return notFoundf("no proposal with id %d", proposalID)
		}
		d.Proposal = ps[0]
		if d.Stakeholders, err = stakeholderTable.rawQuery(ctx, q, 0, "WHERE proposal_id = ?", proposalID); err != nil {
			return err
		}
		sortStakeholders(d.Stakeholders)

		n, last, err := logShare(ctx, q, proposalID)
		if err != nil {
			return err
		}
		logSQL, logDest := c.query(logPlan(n, last) + "WHERE proposal_id = ? ORDER BY id")
		if d.Touchpoints, err = rawAll(ctx, q, logDest, n, logSQL, proposalID); err != nil {
			return err
		}
		for k := range d.Touchpoints {
			d.Touchpoints[k].ProposalID = proposalID // what the WHERE says, not read again
		}
		// ContactTouchpoints is every conversation, on any proposal, with
		// the people this proposal involves (stakeholders and go-betweens).
		// A conversation carries its stakeholder's proposal and contact
		// (LogTouchpoint and Import see to it), so that is this proposal's
		// log plus the conversations of those people's stakeholder rows on
		// other proposals, found without reading this proposal's rows again.
		elsewhereSQL, elsewhereDest := c.withProposal().query(`WHERE stakeholder_id IN (
				SELECT id FROM stakeholders WHERE proposal_id <> ?1 AND contact_id IN (
					SELECT contact_id FROM stakeholders WHERE proposal_id = ?1
					UNION SELECT plan_via_id FROM stakeholders WHERE proposal_id = ?1 AND plan_via_id IS NOT NULL))
				ORDER BY id`)
		elsewhere, err := rawAll(ctx, q, elsewhereDest, 0, elsewhereSQL, proposalID)
		if err != nil {
			return err
		}
		d.ContactTouchpoints = mergeByID(d.Touchpoints, elsewhere)

		if d.Contacts, err = dossierContacts(ctx, q, proposalID, d.Touchpoints); err != nil {
			return err
		}
		if d.Objections, err = objectionTable.rawQuery(ctx, q, 0, "WHERE proposal_id = ? ORDER BY id", proposalID); err != nil {
			return err
		}
		if d.BlindSpots, err = blindSpotTable.rawQuery(ctx, q, 0, "WHERE proposal_id = ? ORDER BY id", proposalID); err != nil {
			return err
		}
		// The records of logged conversations are left out: nothing that
		// reads a dossier uses them (the log is the conversations
		// themselves), and on a long log they were half the rows read.
		// "entity <> ?" cannot narrow the (proposal_id, entity) index, so
		// SQLite visited every conversation record of the proposal to skip
		// it; the entities before and after the conversations' in the
		// index are two ranges it reads directly, merged in ID order.
		n = len(d.Stakeholders) + len(d.Objections) + len(d.BlindSpots) + 16
		d.History, err = historyTable.rawQuery(ctx, q, n, "WHERE proposal_id = ?1 AND entity < ?2 UNION ALL "+
			historyTable.selectSQL+" WHERE proposal_id = ?1 AND entity > ?2 ORDER BY id", proposalID, model.EntityTouchpoint)
		return err
	}()
	return d, err
}

// logShare counts the proposal's conversations and reads the highest
// conversation ID in the workbook (the table's last row, found without
// reading the others), in one statement.
func logShare(ctx context.Context, q driver.QueryerContext, proposalID int64) (n, last int, err error) {
	type share struct{ n, last int64 }
	rows, err := rawAll(ctx, q, func(s *share) []any { return []any{&s.n, &s.last} }, 1,
		"SELECT (SELECT count(*) FROM touchpoints WHERE proposal_id = ?1), coalesce((SELECT max(id) FROM touchpoints), 0)", proposalID)
	if err != nil || len(rows) != 1 {
		return 0, 0, err
	}
	return int(rows[0].n), int(rows[0].last), nil
}

// logPlan says how to read a proposal's conversations, given how many it
// has (n) and the highest conversation ID (last, at least the number of
// conversations in the workbook). Through the proposal index every row is
// a seek into the table from its root; when the proposal holds at least
// half of the table (one long proposal, as in most workbooks' first years,
// and the peer benchmark's), walking the whole table in ID order is
// cheaper: no seeks, pages in order, and the rows come in ID order as they
// must. SQLite's planner would make the same choice if it knew the
// proposal's share, which an index's averaged statistics cannot tell it.
// Both plans read the same rows in the same order
// (TestLoadDossierSameWhicheverPlan).
func logPlan(n, last int) string {
	scan := n > 0 && 2*n >= last
	if forcedLogPlan != nil {
		scan = *forcedLogPlan
	}
	if scan {
		return "NOT INDEXED "
	}
	return ""
}

// forcedLogPlan, when set, makes logPlan walk the table (true) or use the
// proposal index (false) whatever the share; the test that both plans
// agree sets it.
var forcedLogPlan *bool

// mergeByID merges two lists of conversations, each in ID order and
// sharing no ID, into one in ID order. With nothing to merge it is a, cut
// to its length so an append to one list never writes into the other.
func mergeByID(a, b []model.Touchpoint) []model.Touchpoint {
	if len(b) == 0 {
		return a[:len(a):len(a)]
	}
	out := make([]model.Touchpoint, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].ID < b[0].ID {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

// dossierContacts reads every contact the proposal refers to: its
// stakeholders, their intermediaries, and the people in its conversations
// (talks, already read): who each was with, and who told them about it
// first. The people talked to are always stakeholders too, but a workbook
// edited by hand could disagree, so any stragglers are read as well. The
// conversations are looked through here rather than in SQL: a subquery
// over a long log read every row of it a second time.
func dossierContacts(ctx context.Context, q driver.QueryerContext, proposalID int64, talks []model.Touchpoint) (map[int64]model.Contact, error) {
	list, err := contactTable.rawQuery(ctx, q, 0, `WHERE id IN (
		SELECT contact_id FROM stakeholders WHERE proposal_id = ?1
		UNION SELECT plan_via_id FROM stakeholders WHERE proposal_id = ?1 AND plan_via_id IS NOT NULL)`, proposalID)
	if err != nil {
		return nil, err
	}
	m := make(map[int64]model.Contact, len(list))
	for _, c := range list {
		m[c.ID] = c
	}
	var missing []any
	seen := map[int64]bool{}
	for _, t := range talks {
		for _, id := range []int64{t.ContactID, t.HeardViaID} {
			if id == 0 {
				continue // nobody (most conversations were heard via no one)
			}
			if _, ok := m[id]; !ok && !seen[id] {
				seen[id] = true
				missing = append(missing, id)
			}
		}
	}
	for len(missing) > 0 {
		n := min(len(missing), 500)
		extra, err := contactTable.rawQuery(ctx, q, n, "WHERE id IN ("+placeholders(n)+")", missing[:n]...)
		if err != nil {
			return nil, err
		}
		for _, c := range extra {
			m[c.ID] = c
		}
		missing = missing[n:]
	}
	return m, nil
}
