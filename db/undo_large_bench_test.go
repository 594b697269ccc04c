package db

import (
	"context"
	"testing"
)

// BenchmarkUndoOfA20000PersonImport measures undoing one 20,000-person
// import, and redoing it: the probe issue 11 uses for the long undo. "at
// once" is one transaction (how every undo ran before chunks, and how a
// small step still runs); "chunks" is the path a step this large takes,
// pauses between chunks included (one pause of importYield at 20,000).
func BenchmarkUndoOfA20000PersonImport(b *testing.B) {
	ctx := context.Background()
	for _, redo := range []bool{false, true} {
		for _, chunked := range []bool{false, true} {
			name := map[bool]string{false: "undo", true: "redo"}[redo] + "/" + map[bool]string{false: "at_once", true: "chunks"}[chunked]
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					s, file, _ := chunkedImport(b, 20000)
					s.importChunk = 0
					if _, err := s.ImportContacts(ctx, file); err != nil {
						b.Fatal(err)
					}
					if !chunked {
						s.undoChunkRows = 1 << 30
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
}
