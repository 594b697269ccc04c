package db

import (
	"context"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/readiness"
)

// sharedShape is the shared-contacts workbook of issue 13 at a tenth of its
// size, so a benchmark run takes seconds: 50 proposals of 20 people drawn
// from 1,000 contacts, 400 conversations each (20,000 in all).
var sharedShape = demo.LargeOptions{Proposals: 50, Stakeholders: 20, Conversations: 400, Contacts: 1000, Seed: 1}

// BenchmarkImportShared is the generator's load: the whole shared-contacts
// workbook written in one transaction, one undo step.
func BenchmarkImportShared(b *testing.B) {
	wb := demo.LargeWorkbook(model.NewDate(2026, 11, 21), sharedShape)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s, _ := openTest(b)
		b.StartTimer()
		if err := s.Import(ctx, wb); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportSharedNoCapture is the same load with the undo capture
// triggers dropped first: what the per-row JSON snapshots cost.
func BenchmarkImportSharedNoCapture(b *testing.B) {
	wb := demo.LargeWorkbook(model.NewDate(2026, 11, 21), sharedShape)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s, _ := openTest(b)
		rows, err := s.w.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name GLOB 'capture_*'")
		if err != nil {
			b.Fatal(err)
		}
		var names []string
		for rows.Next() {
			var n string
			_ = rows.Scan(&n)
			names = append(names, n)
		}
		rows.Close()
		for _, n := range names {
			if _, err := s.w.ExecContext(ctx, "DROP TRIGGER "+quoteIdent(n)); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		if err := s.Import(ctx, wb); err != nil && len(names) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkListShared is `proposals` on the shared-contacts shape: every
// proposal's score from one snapshot.
func BenchmarkListShared(b *testing.B) {
	s, today := listSharedStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := s.EachListDossier(ctx, today, false, func(d model.Dossier) error {
			n += readiness.Assess(d, today).Score
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
}

// listSharedStore is the shared-contacts workbook of the list benchmarks:
// 100 proposals × 60 people drawn from 300 contacts, 20,000 conversations.
// Each benchmark gets its own copy, its readiness cache empty.
func listSharedStore(b *testing.B) (*Store, model.Date) {
	today := model.NewDate(2026, 11, 21)
	s, _ := openFromTemplate(b, "list-shared", func(s *Store) (int64, error) {
		return 0, s.Import(context.Background(), demo.LargeWorkbook(today, demo.LargeOptions{Proposals: 100, Stakeholders: 60, Conversations: 200, Contacts: 300, Seed: 1}))
	})
	return s, today
}

// BenchmarkProposalScoresCached is `proposals` on the same workbook with
// every score current in the readiness cache: nothing assessed.
func BenchmarkProposalScoresCached(b *testing.B) {
	s, today := listSharedStore(b)
	ctx := context.Background()
	if _, err := s.ProposalScores(ctx, today, false); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.ProposalScores(ctx, today, false); err != nil {
			b.Fatal(err)
		}
	}
	if n := s.assessed.Load(); n != 100 {
		b.Fatalf("%d proposals assessed, want the first list's 100 only", n)
	}
}

// BenchmarkProposalScoresAfterTalk is `proposals` after each logged talk
// with someone on several proposals: those are assessed, the rest read.
func BenchmarkProposalScoresAfterTalk(b *testing.B) {
	s, today := listSharedStore(b)
	ctx := context.Background()
	if _, err := s.ProposalScores(ctx, today, false); err != nil {
		b.Fatal(err)
	}
	sts, err := s.ListStakeholders(ctx, 1)
	if err != nil || len(sts) == 0 {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		if _, err := s.RecordConversation(ctx, model.Conversation{Touchpoint: model.Touchpoint{StakeholderID: sts[0].ID,
			Date: today, Kind: model.TouchShare, Channel: model.VenueCall, Opener: model.OpenerAdvice}}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.ProposalScores(ctx, today, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProposalScoresCold is the first list of a day: every proposal
// assessed and cached.
func BenchmarkProposalScoresCold(b *testing.B) {
	s, today := listSharedStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		if _, err := s.w.ExecContext(ctx, "DELETE FROM readiness_cache"); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.ProposalScores(ctx, today, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProposalScoresNextDay is the first list of each new day with
// nothing changed since yesterday's list: the cache holds yesterday's
// answers, readiness moves with the day, so every proposal is assessed
// again (the case the cache cannot serve; issue 13's "nothing cached").
func BenchmarkProposalScoresNextDay(b *testing.B) {
	s, today := listSharedStore(b)
	ctx := context.Background()
	if _, err := s.ProposalScores(ctx, today, false); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		today = today.AddDays(1)
		if _, err := s.ProposalScores(ctx, today, false); err != nil {
			b.Fatal(err)
		}
	}
	if n := s.assessed.Load(); n != int64(100*(b.N+1)) {
		b.Fatalf("%d proposals assessed in %d lists, want every proposal each day", n, b.N+1)
	}
}

// BenchmarkLedgersShared counts every person's nurture ledger over the
// shared workbook's conversations: the pass a list that assesses many
// proposals makes once.
func BenchmarkLedgersShared(b *testing.B) {
	s, today := listSharedStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.ContactLedgers(ctx, today); err != nil {
			b.Fatal(err)
		}
	}
}
