package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// BenchmarkImportContacts times one all-or-nothing import of 20,000 people:
// the write lock is held for all of it, so it bounds how long another
// process's write waits.
func BenchmarkImportContacts(b *testing.B) {
	cs := make([]model.Contact, importBenchSize)
	for i := range cs {
		cs[i] = model.Contact{Name: fmt.Sprintf("Person %d", i), Title: "Engineer", Org: "Acme", Email: fmt.Sprintf("p%d@example.com", i)}
	}
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s, err := Open(ctx, filepath.Join(b.TempDir(), "w.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.ImportContacts(ctx, cs); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// importBenchSize is the number of people BenchmarkImportContacts imports;
// BACKCHANNEL_BENCH_PEOPLE changes it (200000 for the figure).
var importBenchSize = func() int {
	if n, err := strconv.Atoi(os.Getenv("BACKCHANNEL_BENCH_PEOPLE")); err == nil && n > 0 {
		return n
	}
	return 20000
}()
