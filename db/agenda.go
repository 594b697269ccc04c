package db

import (
	"context"
	"database/sql/driver"

	"github.com/backchannel/backchannel/model"
)

// Agenda reads every proposal not archived, in one snapshot, and builds
// the agenda for today looking days ahead (see model.BuildAgenda).
func (s *Store) Agenda(ctx context.Context, today model.Date, days int) (model.Agenda, error) {
	ds, err := s.LoadDossiers(ctx)
	if err != nil {
		return model.Agenda{}, err
	}
	return model.BuildAgenda(ds, today, days), nil
}

// LoadDossiers reads the dossier of every proposal that is not archived,
// in one read transaction so they agree with each other: the input of the
// agenda and the calendar.
func (s *Store) LoadDossiers(ctx context.Context) ([]model.Dossier, error) {
	var out []model.Dossier
	err := s.readDriver(ctx, func(q driver.QueryerContext) error {
		ps, err := proposalTable.rawQuery(ctx, q, 0, "WHERE status <> 'archived' ORDER BY id")
		if err != nil {
			return err
		}
		out = make([]model.Dossier, 0, len(ps))
		for _, p := range ps {
			d, err := loadDossier(ctx, q, p.ID)
			if err != nil {
				return err
			}
			out = append(out, d)
		}
		return nil
	})
	if err != nil {
		return nil, wrapf(err, "cannot read the proposals")
	}
	return out, nil
}
