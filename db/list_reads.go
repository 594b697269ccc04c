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

// scorePeopleSQL reads the people of a list's proposals as a score reads
// them (readiness.ScoreInputs): not their wants and fears, nor when their
// row was made or changed (a timestamp each, parsed per row); and, of their
// conversations, the day each was last spoken to on the proposal, ” for
// never: one seek to the end of their range of touchpoints_stakeholder_day
// (migration 0006), which reads no table row. A cold list of a long-kept
// workbook reads a day per person instead of every conversation.
const scorePeopleSQL = `SELECT s.id, s.proposal_id, s.contact_id, s.role, s.influence, s.votes, s.veto, s.stance,
	s.target_stance, s.spoiler, s.plan_moment, s.plan_target_date, s.plan_before_id, s.plan_approach, s.plan_message,
	s.plan_opener, s.plan_venue, s.plan_place, s.plan_via_id, s.plan_done, s.acted,
	coalesce((SELECT max(l.date) FROM touchpoints l WHERE l.stakeholder_id = s.id AND l.proposal_id = s.proposal_id), '')
	FROM stakeholders s`

// scorePerson is a row of scorePeopleSQL.
type scorePerson struct {
	model.Stakeholder
	last model.Date // the last day spoken to on the proposal; zero for never
}

// scorePersonDest is where each column of scorePeopleSQL goes.
func scorePersonDest(p *scorePerson) []any {
	st := &p.Stakeholder
	return []any{&st.ID, &st.ProposalID, &st.ContactID, text(&st.Role), integer(&st.Influence), &st.Votes, &st.Veto,
		text(&st.Stance), text(&st.TargetStance), &st.Spoiler,
		text(&st.Plan.Moment), date(&st.Plan.TargetDate), optID(&st.Plan.BeforeID), text(&st.Plan.Approach), &st.Plan.Message, text(&st.Plan.Opener),
		text(&st.Plan.Venue), &st.Plan.Place, optID(&st.Plan.ViaID), &st.Plan.Done, text(&st.Acted), date(&p.last)}
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

// scoreInputs holds readiness.ScoreInputs of the proposals a list scores
// again, by proposal: their people, one stand-in conversation per person
// dated the last day they were spoken to, their objections and blind
// spots, each in ID order. They are read in one statement per table for
// all of those proposals (a few rows per person, so even a large
// workbook's are a few MB): with a hundred proposals, a statement per
// proposal and table was a fifth of a cold list.
type scoreInputs struct {
	people     map[int64][]model.Stakeholder
	talks      map[int64][]model.Touchpoint
	objections map[int64][]model.Objection
	blindSpots map[int64][]model.BlindSpot
}

// readScoreInputs reads the score inputs of the proposals ids, or of every
// proposal when all (cheaper than naming most of them).
func readScoreInputs(ctx context.Context, q driver.QueryerContext, ids []int64, all bool) (scoreInputs, error) {
	in := scoreInputs{people: map[int64][]model.Stakeholder{}, talks: map[int64][]model.Touchpoint{},
		objections: map[int64][]model.Objection{}, blindSpots: map[int64][]model.BlindSpot{}}
	// read reads the rows of the proposals ids names ("IN (?, …)"), or of
	// every proposal when ids is "".
	read := func(ids string, args []any) error {
		whereS, where := "", ""
		if ids != "" {
			whereS, where = " WHERE s.proposal_id "+ids, " WHERE proposal_id "+ids
		}
		// Thousands of people: counted first and read into one array.
		n, err := rawCount(ctx, q, "SELECT count(*) FROM stakeholders s"+whereS, args...)
		if err != nil {
			return err
		}
		rows, err := rawAll(ctx, q, scorePersonDest, n, scorePeopleSQL+whereS+" ORDER BY s.id", args...)
		if err != nil {
			return err
		}
		talks := make([]model.Touchpoint, 0, len(rows))
		for _, p := range rows {
			if !p.last.IsZero() {
				talks = append(talks, model.Touchpoint{ID: p.ID, StakeholderID: p.ID, ProposalID: p.ProposalID, ContactID: p.ContactID, Date: p.last})
			}
		}
		// Filed by proposal straight from the rows: one copy of each
		// person, as fileByProposal makes of other rows.
		counts := map[int64]int{}
		for _, p := range rows {
			counts[p.ProposalID]++
		}
		filed := make([]model.Stakeholder, 0, len(rows))
		for id, c := range counts {
			in.people[id] = filed[len(filed) : len(filed) : len(filed)+c]
			filed = filed[:len(filed)+c]
		}
		for _, p := range rows {
			in.people[p.ProposalID] = append(in.people[p.ProposalID], p.Stakeholder)
		}
		fileByProposal(talks, func(t model.Touchpoint) int64 { return t.ProposalID }, in.talks)
		err = byProposal(ctx, q, objectionTable.dest, objectionTable.selectSQL+where+" ORDER BY id", args,
			func(o model.Objection) int64 { return o.ProposalID }, in.objections)
		if err == nil {
			err = byProposal(ctx, q, blindSpotTable.dest, blindSpotTable.selectSQL+where+" ORDER BY id", args,
				func(b model.BlindSpot) int64 { return b.ProposalID }, in.blindSpots)
		}
		return err
	}
	if all {
		return in, read("", nil)
	}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for k, id := range ids[:n] {
			args[k] = id
		}
		if err := read("IN ("+placeholders(n)+")", args); err != nil {
			return in, err
		}
		ids = ids[n:]
	}
	return in, nil
}

// byProposal reads the rows query selects and files each under its
// proposal, keeping their order.
func byProposal[T any](ctx context.Context, q driver.QueryerContext, dest func(*T) []any, query string, args []any,
	proposal func(T) int64, into map[int64][]T) error {
	rows, err := rawAll(ctx, q, dest, 0, query, args...)
	fileByProposal(rows, proposal, into)
	return err
}

// fileByProposal files rows under their proposals, keeping their order,
// in one array that each proposal's rows are a part of.
func fileByProposal[T any](rows []T, proposal func(T) int64, into map[int64][]T) {
	counts := map[int64]int{}
	for _, r := range rows {
		counts[proposal(r)]++
	}
	all := make([]T, 0, len(rows))
	for id, c := range counts {
		into[id] = all[len(all) : len(all) : len(all)+c]
		all = all[:len(all)+c]
	}
	for _, r := range rows {
		into[proposal(r)] = append(into[proposal(r)], r)
	}
}

// dossier is proposal p's score inputs: what readiness.ScoreInputs keeps
// of its dossier, its people in ID order (a score orders them itself).
func (in scoreInputs) dossier(p model.Proposal) model.Dossier {
	return model.Dossier{Proposal: p, Stakeholders: in.people[p.ID], Touchpoints: in.talks[p.ID],
		Objections: in.objections[p.ID], BlindSpots: in.blindSpots[p.ID]}
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
