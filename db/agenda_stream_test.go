package db

import (
	"context"
	"reflect"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/readiness"
)

// Agenda builds the agenda one proposal at a time (issue 13: it held every
// proposal's dossier at once) and gives exactly what BuildAgenda gives over
// all the dossiers, on a workbook whose people are shared across proposals.
func TestAgendaOneDossierAtATimeIsTheWholeAgenda(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	today := model.NewDate(2026, 11, 21)
	if err := s.Import(ctx, demo.LargeWorkbook(today, demo.LargeOptions{Proposals: 8, Stakeholders: 12, Conversations: 80, Contacts: 40, Seed: 5})); err != nil {
		t.Fatal(err)
	}
	ds, err := s.ListDossiers(ctx, today, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, days := range []int{0, 7, 30} {
		want := readiness.BuildAgenda(ds, today, days)
		got, err := s.Agenda(ctx, today, days)
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Items) == 0 {
			t.Fatalf("%d days: the agenda is empty, nothing was compared", days)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%d days: the agenda differs (%d items, want %d)", days, len(got.Items), len(want.Items))
		}
	}
}
