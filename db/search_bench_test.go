package db

import (
	"context"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// BenchmarkSearch is one search over two proposals of 300 people and
// 20,000 conversations each: the index query, then each hit described from
// its record (at most DefaultSearchLimit).
func BenchmarkSearch(b *testing.B) {
	s, _ := largeStore(b, 300, 20000, false)
	ctx := context.Background()
	hits, err := s.Search(ctx, "cost", 0)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(hits)), "hits")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Search(ctx, "cost", 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgenda is the agenda over the same workbook: every open
// proposal's dossier read in one snapshot, then built.
func BenchmarkAgenda(b *testing.B) {
	s, _ := largeStore(b, 300, 20000, false)
	ctx := context.Background()
	today := model.NewDate(2026, 11, 21)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Agenda(ctx, today, 7); err != nil {
			b.Fatal(err)
		}
	}
}
