package db

import (
	"context"
	"testing"
)

// BenchmarkUndoOfA20000PersonImport measures undoing one 20,000-person
// import, and redoing it: the probe issue 11 uses for the long undo (a
// 200,000-person one holds the write lock for the whole undo).
func BenchmarkUndoOfA20000PersonImport(b *testing.B) {
	ctx := context.Background()
	for _, redo := range []bool{false, true} {
		name := map[bool]string{false: "undo", true: "redo"}[redo]
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				s, file, _ := chunkedImport(b, 20000)
				s.importChunk = 0
				if _, err := s.ImportContacts(ctx, file); err != nil {
					b.Fatal(err)
				}
				if redo {
					if _, err := s.Undo(ctx); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				var err error
				if redo {
					_, err = s.Redo(ctx)
				} else {
					_, err = s.Undo(ctx)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
