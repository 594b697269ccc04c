package tui

import (
	"context"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// largeReviewStore is 20 proposals of 1,000 people each: 2,000 objections
// and 2,000 blind spots across proposals.
func largeReviewStore(b *testing.B) *fakeStore {
	b.Helper()
	store := newFakeStore()
	wb := demo.LargeWorkbook(testToday, demo.LargeOptions{Proposals: 20, Stakeholders: 1000, Conversations: 500, Seed: 7})
	if err := store.Import(context.Background(), wb); err != nil {
		b.Fatal(err)
	}
	return store
}

// BenchmarkObjectionsNavigate measures one frame of moving down the
// objections of every proposal (2,000 rows): Update and View together.
func BenchmarkObjectionsNavigate(b *testing.B) {
	d := newDriver(b, largeReviewStore(b), 120, 40)
	d.press("o")
	s := d.app.objections
	if s == nil || s.list.Len() != 2000 {
		b.Fatal("the objections screen did not list 2,000 objections")
	}
	down := keyMsg("down")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if s.list.Cursor() == s.list.Len()-1 {
			s.list.SetCursor(0)
		}
		if _, cmd := d.app.Update(down); cmd != nil {
			b.Fatal("moving returned a command; it should be pure state")
		}
		_ = d.app.View()
	}
}

// BenchmarkObjectionsSearchKeystroke measures one key typed into the live
// search over 2,000 objections: filter, order, rows and a frame.
func BenchmarkObjectionsSearchKeystroke(b *testing.B) {
	d := newDriver(b, largeReviewStore(b), 120, 40)
	d.press("o", "/")
	keys := []any{keyMsg("1"), keyMsg("backspace")}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		d.app.Update(keys[i%2])
		_ = d.app.View()
		i++
	}
}

// BenchmarkReviewLoad measures the load behind both review screens, run in
// a command off the UI goroutine: 20 dossiers read, assessed and indexed.
func BenchmarkReviewLoad(b *testing.B) {
	store := largeReviewStore(b)
	be := &backend{store: store, ctx: context.Background(), today: func() model.Date { return testToday }}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if m := be.loadReview(1)().(reviewLoadedMsg); m.err != nil {
			b.Fatal(m.err)
		}
	}
}
