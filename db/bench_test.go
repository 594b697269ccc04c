package db

import (
	"context"
	"fmt"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// largeStore imports a generated workbook with two proposals of the given
// size (stakeholders and conversations each), so the queries have rows of
// another proposal to skip. Import is direct inserts in one transaction.
// withTalkHistory keeps the history row each logged conversation writes;
// without it the history holds only the other changes (creates, stance
// moves), as when conversations are inserted directly.
func largeStore(b *testing.B, stakeholders, conversations int, withTalkHistory bool) (*Store, int64) {
	b.Helper()
	key := fmt.Sprintf("large-%d-%d-%t", stakeholders, conversations, withTalkHistory)
	return openFromTemplate(b, key, func(s *Store) (int64, error) {
		wb := demo.LargeWorkbook(model.NewDate(2026, 11, 21), demo.LargeOptions{Proposals: 2, Stakeholders: stakeholders,
			Conversations: conversations, Seed: 1})
		if !withTalkHistory {
			kept := wb.History[:0]
			for _, h := range wb.History {
				if h.Entity != model.EntityTouchpoint {
					kept = append(kept, h)
				}
			}
			wb.History = kept
		}
		if err := s.Import(context.Background(), wb); err != nil {
			return 0, err
		}
		return wb.Proposals[0].ID, nil
	})
}

func benchLoadDossier(b *testing.B, withTalkHistory bool) {
	s, id := largeStore(b, 300, 20000, withTalkHistory)
	ctx := context.Background()
	d, err := s.LoadDossier(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	if len(d.Stakeholders) != 300 || len(d.Touchpoints) != 20000 {
		b.Fatalf("dossier has %d stakeholders and %d conversations", len(d.Stakeholders), len(d.Touchpoints))
	}
	b.ReportMetric(float64(len(d.History)), "history-rows")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.LoadDossier(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDossier is issue 2's budget: a proposal with 300
// stakeholders and 20,000 conversations, inserted directly (so the history
// holds the other changes but not one row per conversation). The proposal
// holds half the conversations, so its log is read by walking the table
// (logPlan).
func BenchmarkLoadDossier(b *testing.B) { benchLoadDossier(b, false) }

// BenchmarkLoadDossierShowing is the same proposal read as `brief` reads
// it: the free text and creation time of ten conversations only (the
// recent log's; here the ten latest IDs). benchstat against
// BenchmarkLoadDossier shows what leaving the rest out saves.
func BenchmarkLoadDossierShowing(b *testing.B) {
	s, id := largeStore(b, 300, 20000, false)
	ctx := context.Background()
	lastTen := func(d model.Dossier) []int64 {
		var ids []int64
		for _, t := range d.Touchpoints[max(0, len(d.Touchpoints)-10):] {
			ids = append(ids, t.ID)
		}
		return ids
	}
	b.ReportAllocs()
	for b.Loop() {
		d, err := s.LoadDossierShowing(ctx, id, lastTen)
		if err != nil || len(d.Touchpoints) != 20000 || d.Touchpoints[len(d.Touchpoints)-1].Said == "" {
			b.Fatalf("dossier of %d conversations, the last without its text: %v", len(d.Touchpoints), err)
		}
	}
}

// BenchmarkLoadDossierIndexed is the same read with the log read through
// the proposal index, a seek per row, as every proposal's was before
// logPlan (and a proposal with a small share of the table's still is):
// benchstat against BenchmarkLoadDossier shows what the walk saves.
func BenchmarkLoadDossierIndexed(b *testing.B) {
	index := false
	forcedLogPlan = &index
	b.Cleanup(func() { forcedLogPlan = nil })
	benchLoadDossier(b, false)
}

// BenchmarkLoadDossierFullHistory is the same proposal as if every
// conversation had been logged through LogTouchpoint: 20,000 more history
// rows in the table, which LoadDossier skips since issue 13.
func BenchmarkLoadDossierFullHistory(b *testing.B) { benchLoadDossier(b, true) }

// BenchmarkLogTouchpoint is one conversation logged: one IMMEDIATE
// transaction with its history, fsynced (synchronous=FULL).
func BenchmarkLogTouchpoint(b *testing.B) {
	s, _ := openTest(b)
	f := buildFixture(b, s)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 20),
			Said: "A short note."}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen is the cost of opening an existing workbook of the issue's
// size (two such proposals), as every CLI command pays it; since issue 13
// opening runs no integrity check over the file.
func BenchmarkOpen(b *testing.B) {
	s, _ := largeStore(b, 300, 20000, true)
	path := s.Path()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		o, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if err := o.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
