package db

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// indexHolds reports whether a word is anywhere in the full-text index's
// stored pages, found or not by a search: what secure-delete is there to
// prevent.
func indexHolds(t *testing.T, s *Store, word string) bool {
	t.Helper()
	var n int
	mustNoErr(t, s.r.QueryRowContext(context.Background(),
		"SELECT count(*) FROM search_data WHERE instr(block, CAST(? AS BLOB)) > 0", word).Scan(&n))
	return n > 0
}

func secureDeleteSetting(t *testing.T, s *Store) string {
	t.Helper()
	var v string
	mustNoErr(t, s.r.QueryRowContext(context.Background(), "SELECT v FROM search_config WHERE k = 'secure-delete'").Scan(&v))
	return v
}

// Undoing a large import batches the full-text index's deletes, yet the
// words of the people it takes out do not survive in the index, and the
// index deletes securely again afterwards: a contact deleted after the undo
// leaves no word behind either.
func TestUndoOfALargeImportLeavesNoWordInTheIndex(t *testing.T) {
	ctx := context.Background()
	s, file, _ := chunkedImport(t, 400)
	s.importChunk = 0
	file[7].Notes = "zebraquokka was fired in March"
	_, err := s.ImportContacts(ctx, file)
	mustNoErr(t, err)
	if !indexHolds(t, s, "zebraquokka") {
		t.Fatal("the imported note is not in the index: the probe cannot see the index")
	}
	_, err = s.Undo(ctx)
	mustNoErr(t, err)
	if indexHolds(t, s, "zebraquokka") {
		t.Error("an undone import's note is still in the full-text index's pages")
	}
	if v := secureDeleteSetting(t, s); v != "1" {
		t.Errorf("secure-delete after the undo = %q, want 1", v)
	}
	later, err := s.CreateContact(ctx, model.Contact{Name: "Wombatsecret Jones"})
	mustNoErr(t, err)
	mustNoErr(t, s.DeleteContact(ctx, later.ID))
	if indexHolds(t, s, "wombatsecret") {
		t.Error("a contact deleted after the undo left its name in the full-text index's pages")
	}
}

// A transaction that turned secure-delete off and then failed leaves it on
// for the next delete on the same connection.
func TestSearchBatchRolledBackDeletesSecurelyAfter(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	c, err := s.CreateContact(ctx, model.Contact{Name: "Wombatsecret Jones"})
	mustNoErr(t, err)
	failed := errors.New("stop")
	err = s.rawTx(ctx, func(tx *sql.Tx) error {
		batched, err := batchSearchDeletes(ctx, tx, 1)
		mustNoErr(t, err)
		if !batched {
			t.Fatal("a one-row step in a one-row index was not batched")
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("rawTx = %v", err)
	}
	mustNoErr(t, s.DeleteContact(ctx, c.ID))
	if indexHolds(t, s, "wombatsecret") {
		t.Error("after a rolled-back batch a deleted contact's name stayed in the full-text index's pages")
	}
}

// Redo of a large import's undo puts every person back as they were, ids
// and words included, found again by search, with a history record each.
func TestRedoOfALargeImportPutsEveryoneBack(t *testing.T) {
	ctx := context.Background()
	s, file, _ := chunkedImport(t, 400)
	s.importChunk = 0
	file[7].Notes = "zebraquokka was fired in March"
	_, err := s.ImportContacts(ctx, file)
	mustNoErr(t, err)
	want, err := s.ListContacts(ctx, true)
	mustNoErr(t, err)
	_, err = s.Undo(ctx)
	mustNoErr(t, err)
	_, err = s.Redo(ctx)
	mustNoErr(t, err)
	got, err := s.ListContacts(ctx, true)
	mustNoErr(t, err)
	if len(got) != len(want) {
		t.Fatalf("after redo: %d contacts, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("after redo contact %d = %+v, want %+v", i, got[i], want[i])
			break
		}
	}
	hits, err := s.Search(ctx, "zebraquokka", 10)
	mustNoErr(t, err)
	if len(hits) != 1 {
		t.Errorf("search after redo found %d, want the one person whose note it is", len(hits))
	}
	var created int
	mustNoErr(t, s.r.QueryRowContext(ctx, "SELECT count(*) FROM history WHERE entity = 'contact' AND action = ?", model.ActionCreate).Scan(&created))
	if created < 2*400 {
		t.Errorf("history holds %d contact creations after import and redo, want at least 800", created)
	}
}
