package db

import (
	"context"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
)

// Agenda reads every proposal not archived, in one snapshot (as the
// proposal list does: EachListDossier), and builds the agenda for today
// looking days ahead (see readiness.BuildAgenda), one dossier at a time: the
// agenda of a large workbook never holds every proposal's log at once.
func (s *Store) Agenda(ctx context.Context, today model.Date, days int) (readiness.Agenda, error) {
	b := readiness.NewAgendaBuilder(today, days)
	err := s.EachListDossier(ctx, today, false, func(d model.Dossier) error {
		b.Add(d)
		return nil
	})
	if err != nil {
		return readiness.Agenda{}, err
	}
	return b.Agenda(), nil
}
