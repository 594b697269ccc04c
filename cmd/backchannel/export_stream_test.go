package main

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/backchannel/backchannel/db"
)

// Issue 13, finding 4: export streams row by row, and what it writes is
// byte for byte the whole-workbook encoding, on an empty workbook (empty
// tables as []), the demo and the hostile workbook (every escape).
func TestStreamedExportIsTheWholeEncoding(t *testing.T) {
	empty := filepath.Join(privateDir(t), "e.db")
	mustOK(t, cli(t, empty, "", "init"))
	demo := filepath.Join(privateDir(t), "d.db")
	mustOK(t, cli(t, demo, "", "demo"))
	for name, path := range map[string]string{"empty": empty, "demo": demo, "hostile": hostileDB(t)} {
		ctx := context.Background()
		store, err := db.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		wb, err := store.Export(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want, err := marshalWorkbook(wb)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := streamExport(ctx, store, &got, false); err != nil {
			t.Fatal(err)
		}
		store.Close()
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: the streamed export differs from the whole encoding (%d bytes, want %d)", name, got.Len(), len(want))
		}
		out := mustOK(t, cli(t, path, "", "export")).stdout
		if out != string(guardTerminal(want)) {
			t.Errorf("%s: `export` printed %d bytes, want %d", name, len(out), len(want))
		}
	}
}
