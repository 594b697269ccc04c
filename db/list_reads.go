package db

import (
	"context"
	"database/sql/driver"

	"github.com/backchannel/backchannel/model"
)

// listReads reads the dossiers of a list of proposals (ListDossiers) in
// one read transaction, sharing what the proposals share: the people's
// nurture ledgers, counted once for the list, and the contacts, each read
// once however many proposals it sits on (with shared contacts, a list
// read the same few hundred people once per proposal).
type listReads struct {
	ledgers  map[int64]model.Ledger
	contacts map[int64]model.Contact
}

func newListReads(ledgers map[int64]model.Ledger) *listReads {
	return &listReads{ledgers: ledgers, contacts: map[int64]model.Contact{}}
}

// latestTalksSQL reads a proposal's conversations as a score needs them
// (readiness.ScoreInputs): each person's latest, by day and then ID, in ID
// order, and of each only the columns a score reads (not its words,
// channel, opener, due day or creation time: readiness'
// TestScoreReadsOnlyTheListColumns). A cold list of a long-kept workbook
// reads one conversation per person instead of every one: the last entry
// of the person's range of touchpoints_stakeholder_date (migration 0006).
// The + keeps the planner off the proposal's date index, which would walk
// all of the proposal's conversations for each person.
const latestTalksSQL = `SELECT id, stakeholder_id, proposal_id, contact_id, date, kind, sentiment,
		heard_via_id, commitment, commitment_done
	FROM touchpoints WHERE id IN (
		SELECT (SELECT t.id FROM touchpoints t WHERE t.stakeholder_id = s.id AND +t.proposal_id = s.proposal_id
			ORDER BY t.date DESC, t.id DESC LIMIT 1)
		FROM stakeholders s WHERE s.proposal_id = ?)
	ORDER BY id`

// scoreTouchpointDest is where each column of latestTalksSQL goes.
func scoreTouchpointDest(t *model.Touchpoint) []any {
	return []any{&t.ID, &t.StakeholderID, &t.ProposalID, &t.ContactID, date(&t.Date), text(&t.Kind),
		integer(&t.Sentiment), optID(&t.HeardViaID), text(&t.Commitment), &t.CommitmentDone}
}

// dossier is loadDossier for a list: see ListDossiers. Its contacts are
// the ones LoadDossier holds (the people, their go-betweens, and everyone a
// conversation was with or heard via), from the shared read.
func (r *listReads) dossier(ctx context.Context, q driver.QueryerContext, p model.Proposal) (model.Dossier, error) {
	d := model.Dossier{Proposal: p}
	var err error
	if d.Stakeholders, err = stakeholderTable.rawQuery(ctx, q, 0, "WHERE proposal_id = ?", p.ID); err != nil {
		return d, err
	}
	sortStakeholders(d.Stakeholders)
	n, err := rawCount(ctx, q, "SELECT count(*) FROM touchpoints WHERE proposal_id = ?", p.ID)
	if err != nil {
		return d, err
	}
	if d.Touchpoints, err = touchpointTable.rawQuery(ctx, q, n, "WHERE proposal_id = ? ORDER BY id", p.ID); err != nil {
		return d, err
	}
	if d.Contacts, err = r.contactsOf(ctx, q, d); err != nil {
		return d, err
	}
	// The people LoadDossier reads conversations for: stakeholders and
	// go-betweens. Anyone else in Contacts (a "heard via" only) has no
	// conversations there, and none here.
	d.Ledgers = make(map[int64]model.Ledger, len(d.Stakeholders))
	for _, st := range d.Stakeholders {
		for _, id := range []int64{st.ContactID, st.Plan.ViaID} {
			if l, ok := r.ledgers[id]; ok && id != 0 {
				d.Ledgers[id] = l
			}
		}
	}
	if d.Objections, err = objectionTable.rawQuery(ctx, q, 0, "WHERE proposal_id = ? ORDER BY id", p.ID); err != nil {
		return d, err
	}
	if d.BlindSpots, err = blindSpotTable.rawQuery(ctx, q, 0, "WHERE proposal_id = ? ORDER BY id", p.ID); err != nil {
		return d, err
	}
	d.History, err = historyTable.rawQuery(ctx, q, 8, "WHERE proposal_id = ? AND entity = ? ORDER BY id", p.ID, model.EntityProposal)
	return d, err
}

// scoreReads reads, for ProposalScores, what a score reads of each
// proposal it assesses again (readiness.ScoreInputs): its people, each
// person's latest conversation, its objections and blind spots. Each
// dossier is dropped before the next is read, so the people and the
// conversations of every proposal are read into the same two arrays.
type scoreReads struct {
	people []model.Stakeholder
	talks  []model.Touchpoint
}

// inputs reads readiness.ScoreInputs of proposal p.
func (r *scoreReads) inputs(ctx context.Context, q driver.QueryerContext, p model.Proposal) (model.Dossier, error) {
	d := model.Dossier{Proposal: p}
	var err error
	d.Stakeholders, err = rawAppend(ctx, q, stakeholderTable.dest, r.people[:0], stakeholderTable.selectSQL+" WHERE proposal_id = ?", p.ID)
	if err != nil {
		return d, err
	}
	r.people = d.Stakeholders
	sortStakeholders(d.Stakeholders)
	if d.Touchpoints, err = rawAppend(ctx, q, scoreTouchpointDest, r.talks[:0], latestTalksSQL, p.ID); err != nil {
		return d, err
	}
	r.talks = d.Touchpoints
	if d.Objections, err = objectionTable.rawQuery(ctx, q, 0, "WHERE proposal_id = ? ORDER BY id", p.ID); err != nil {
		return d, err
	}
	d.BlindSpots, err = blindSpotTable.rawQuery(ctx, q, 0, "WHERE proposal_id = ? ORDER BY id", p.ID)
	return d, err
}

// contactsOf is the dossier's contacts as dossierContacts finds them
// (stakeholders, go-betweens, whoever a conversation was with or heard
// via), reading only the ones no earlier proposal of the list read.
func (r *listReads) contactsOf(ctx context.Context, q driver.QueryerContext, d model.Dossier) (map[int64]model.Contact, error) {
	m := make(map[int64]model.Contact, len(d.Stakeholders)+1)
	var missing []any
	want := func(id int64) {
		if id == 0 {
			return
		}
		if _, ok := m[id]; ok {
			return
		}
		c, ok := r.contacts[id]
		if !ok {
			missing = append(missing, id)
		}
		m[id] = c // a placeholder until read, so it is asked for once
	}
	for _, st := range d.Stakeholders {
		want(st.ContactID)
		want(st.Plan.ViaID)
	}
	for _, t := range d.Touchpoints {
		want(t.ContactID)
		want(t.HeardViaID)
	}
	for _, id := range missing {
		delete(m, id.(int64)) // a contact that is not there is not in the map
	}
	for len(missing) > 0 {
		n := min(len(missing), 500)
		read, err := contactTable.rawQuery(ctx, q, n, "WHERE id IN ("+placeholders(n)+")", missing[:n]...)
		if err != nil {
			return nil, err
		}
		for _, c := range read {
			r.contacts[c.ID] = c
			m[c.ID] = c
		}
		missing = missing[n:]
	}
	return m, nil
}
