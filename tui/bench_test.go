package tui

import (
	"context"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/readiness"
)

// BenchmarkNavigate measures one frame of the commonest interaction: a down
// key on the Room tab of a proposal with 2,000 stakeholders, Update and View
// together. The budget is 2 ms per operation.
func BenchmarkNavigate(b *testing.B) {
	store := newFakeStore()
	wb := demo.LargeWorkbook(testToday, demo.LargeOptions{Proposals: 1, Stakeholders: 2000, Conversations: 4000, Seed: 1})
	if err := store.Import(context.Background(), wb); err != nil {
		b.Fatal(err)
	}
	d := newDriver(b, store, 120, 40)
	d.press("enter", "2")
	w := d.app.workspace
	if w == nil || w.tab != tabRoom || w.room.Len() != 2000 {
		b.Fatal("the Room tab with 2,000 people did not open")
	}
	down := keyMsg("down")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if w.room.Cursor() == w.room.Len()-1 {
			w.room.SetCursor(0)
		}
		_, cmd := d.app.Update(down)
		if cmd != nil {
			b.Fatal("navigation returned a command; it should be pure state")
		}
		_ = d.app.View()
	}
}

// BenchmarkOpenLargeProposal measures building every tab's rows for 2,000
// stakeholders, which happens once per load, never per frame.
func BenchmarkOpenLargeProposal(b *testing.B) {
	store := newFakeStore()
	wb := demo.LargeWorkbook(testToday, demo.LargeOptions{Proposals: 1, Stakeholders: 2000, Conversations: 4000, Seed: 1})
	if err := store.Import(context.Background(), wb); err != nil {
		b.Fatal(err)
	}
	d, err := store.LoadDossier(context.Background(), wb.Proposals[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	r := readiness.Assess(d, testToday)
	w := newWorkspace(&backend{store: store, ctx: context.Background(), today: func() model.Date { return testToday }}, newStyles(true, false), d.Proposal.ID)
	w.SetSize(120, 36)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w.seq = 1
		w.Update(dossierLoadedMsg{seq: 1, dossier: d, readiness: r})
	}
}
