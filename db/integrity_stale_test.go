package db

import (
	"context"
	"fmt"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// A contact import after a workbook load in the same process (the terminal
// workbook: d loads the demo, then i imports a file) was reported as a
// damaged workbook, "fts5: checksum mismatch for table search", though
// everything was saved and the file was sound: the import's closing check
// ran on a reader that had read the search index before the import rewrote
// it. So was `Check` after a second import.
func TestImportAfterALoadIsNotCalledDamaged(t *testing.T) {
	ctx := context.Background()
	s, _ := demoStore(t)
	for round := range 2 {
		var people []model.Contact
		for i := range 3000 {
			people = append(people, model.Contact{Name: fmt.Sprintf("Person %d-%d", round, i)})
		}
		if _, err := s.ImportContacts(ctx, people); err != nil {
			t.Fatalf("import %d: %v", round+1, err)
		}
		if err := s.Check(ctx); err != nil {
			t.Fatalf("check after import %d: %v", round+1, err)
		}
	}
}
