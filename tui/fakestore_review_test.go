package tui

import (
	"context"
	"fmt"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
)

// The Get and Update methods for objections and blind spots live with the
// rest of the fake; these are the review tests' views into its state.

// storedObjection returns the objection the fake holds now.
func (f *fakeStore) storedObjection(t testing.TB, id int64) model.Objection {
	t.Helper()
	return storedWhere(t, f, &f.objections, func(o model.Objection) bool { return o.ID == id }, fmt.Sprintf("objection %d", id))
}

// storedBlindSpot returns the blind spot the fake holds now.
func (f *fakeStore) storedBlindSpot(t testing.TB, id int64) model.BlindSpot {
	t.Helper()
	return storedWhere(t, f, &f.blindSpots, func(b model.BlindSpot) bool { return b.ID == id }, fmt.Sprintf("blind spot %d", id))
}

// setProposalStatus changes a proposal's status behind the UI's back.
func (f *fakeStore) setProposalStatus(id int64, s model.Status) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.proposals {
		if f.proposals[i].ID == id {
			f.proposals[i].Status = s
		}
	}
}

// countWrites counts the calls to one write method since the given index.
func (f *fakeStore) countWrites(name string, since int) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls[since:] {
		if c == name {
			n++
		}
	}
	return n
}

// callCount is how many writes the fake has seen.
func (f *fakeStore) callCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.calls)
}

// ProposalScores assesses each proposal's whole dossier: the fake has no
// cache, and the scores are the same (db's readiness cache tests).
func (f *fakeStore) ProposalScores(ctx context.Context, today model.Date, includeArchived bool) ([]readiness.ProposalScore, error) {
	ps, err := f.ListProposals(ctx, includeArchived)
	if err != nil {
		return nil, err
	}
	out := make([]readiness.ProposalScore, 0, len(ps))
	for _, p := range ps {
		d, err := f.LoadDossier(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		r := readiness.Assess(d, today)
		out = append(out, readiness.ProposalScore{Proposal: p, Score: r.Score, Verdict: r.Verdict})
	}
	return out, nil
}

// ReviewRecords is db.Store.ReviewRecords on the fake's rows, built from its
// dossiers in the list's order (the fake keeps no history).
func (f *fakeStore) ReviewRecords(ctx context.Context) (model.Workbook, error) {
	ps, err := f.ListProposals(ctx, true)
	if err != nil {
		return model.Workbook{}, err
	}
	wb := model.Workbook{Proposals: ps}
	contacts := map[int64]model.Contact{}
	raisedIn := map[int64]bool{}
	var talks []model.Touchpoint
	for _, p := range ps {
		d, err := f.LoadDossier(ctx, p.ID)
		if err != nil {
			return model.Workbook{}, err
		}
		wb.Stakeholders = append(wb.Stakeholders, d.Stakeholders...)
		for id, c := range d.Contacts {
			contacts[id] = c
		}
		wb.Objections = append(wb.Objections, d.Objections...)
		wb.BlindSpots = append(wb.BlindSpots, d.BlindSpots...)
		for _, o := range d.Objections {
			raisedIn[o.TouchpointID] = true
		}
		for _, b := range d.BlindSpots {
			raisedIn[b.TouchpointID] = true
		}
		talks = append(talks, d.Touchpoints...)
	}
	for _, t := range talks {
		if raisedIn[t.ID] {
			wb.Touchpoints = append(wb.Touchpoints, t)
		}
	}
	for _, c := range contacts {
		wb.Contacts = append(wb.Contacts, c)
	}
	return wb, nil
}
