package tui

import (
	"context"
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
)

// Agenda builds the agenda from the fake's proposals, as the store does.
func (f *fakeStore) Agenda(ctx context.Context, today model.Date, days int) (readiness.Agenda, error) {
	ps, err := f.ListProposals(ctx, false)
	if err != nil {
		return readiness.Agenda{}, err
	}
	var ds []model.Dossier
	for _, p := range ps {
		d, err := f.LoadDossier(ctx, p.ID)
		if err != nil {
			return readiness.Agenda{}, err
		}
		ds = append(ds, d)
	}
	return readiness.BuildAgenda(ds, today, days), nil
}

// Search finds conversations whose words hold the query, case-insensitively:
// enough for screens; the real index is tested in db.
func (f *fakeStore) Search(ctx context.Context, query string, _ int) ([]model.SearchHit, error) {
	terms := model.SearchTerms(query)
	if len(terms) == 0 {
		return nil, model.ErrEmptySearch
	}
	ps, err := f.ListProposals(ctx, true)
	if err != nil {
		return nil, err
	}
	var hits []model.SearchHit
	for _, p := range ps {
		d, err := f.LoadDossier(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		for _, t := range d.Touchpoints {
			low := strings.ToLower(t.Said)
			i := strings.Index(low, terms[0])
			if i < 0 {
				continue
			}
			end := i + len(terms[0])
			hits = append(hits, model.SearchHit{Kind: model.SearchTalk, ID: t.ID, ProposalID: p.ID, ProposalTitle: p.Title,
				StakeholderID: t.StakeholderID, ContactID: t.ContactID, ContactName: d.Contacts[t.ContactID].Name, Date: t.Date,
				Matches: []model.SearchMatch{{Field: "said", Snippet: []model.SearchPart{{Text: t.Said[:i]}, {Text: t.Said[i:end], Match: true}, {Text: t.Said[end:]}}}}})
		}
	}
	return hits, nil
}
