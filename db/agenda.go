package db

import (
	"context"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
)

// Agenda reads every proposal not archived, in one snapshot (as the
// proposal list does: ListDossiers), and builds the agenda for today
// looking days ahead (see model.BuildAgenda).
func (s *Store) Agenda(ctx context.Context, today model.Date, days int) (readiness.Agenda, error) {
	ds, err := s.ListDossiers(ctx, today, false)
	if err != nil {
		return readiness.Agenda{}, err
	}
	return readiness.BuildAgenda(ds, today, days), nil
}
