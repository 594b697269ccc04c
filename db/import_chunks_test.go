package db

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// chunkedImport is a file of n new people and one known person (Dana, by
// email) whose empty title the file fills, on a workbook where every batch
// of an import is a chunk of its own.
func chunkedImport(t testing.TB, n int) (*Store, []model.Contact, model.Contact) {
	t.Helper()
	s, _ := openTest(t)
	s.importChunk = 1 // one batch per chunk
	dana, err := s.CreateContact(context.Background(), model.Contact{Name: "Dana Reyes", Email: "dana@x.example"})
	mustNoErr(t, err)
	file := []model.Contact{{Name: "Dana", Email: "dana@x.example", Title: "CFO"}}
	for i := range n {
		file = append(file, model.Contact{Name: fmt.Sprintf("Person %d", i), Email: fmt.Sprintf("p%d@x.example", i)})
	}
	return s, file, dana
}

func countContacts(t *testing.T, s *Store) int {
	t.Helper()
	cs, err := s.ListContacts(context.Background(), true)
	mustNoErr(t, err)
	return len(cs)
}

// Issue 11, finding 2 (the store side): a large import commits in chunks,
// so another process's write goes in between them instead of waiting for
// the whole import, and the import is still one undo step.
func TestImportIsChunkedYetOneUndoStep(t *testing.T) {
	ctx := context.Background()
	s, file, dana := chunkedImport(t, 3*importBatch)
	other, err := OpenWith(ctx, s.Path(), Options{}) // another process
	mustNoErr(t, err)
	defer other.Close()
	var between []int
	s.importHook = func(done int) error {
		between = append(between, countContacts(t, other)-1) // imported so far, as the other process sees them
		if done == 2 {
			_, err := other.CreateContact(ctx, model.Contact{Name: "Written between chunks"})
			return err
		}
		return nil
	}
	res, err := s.ImportContacts(ctx, file)
	mustNoErr(t, err)
	if len(res.Added) != 3*importBatch || len(res.Merged) != 1 {
		t.Fatalf("added %d, merged %d", len(res.Added), len(res.Merged))
	}
	// Chunks of one batch each: the new people in three, the last of which
	// also fills in Dana (a chunk always makes some progress).
	if want := []int{importBatch, 2 * importBatch}; fmt.Sprint(between) != fmt.Sprint(want) {
		t.Errorf("people another process saw between chunks: %v, want %v", between, want)
	}
	if got := countContacts(t, s); got != 1+3*importBatch+1 {
		t.Errorf("%d contacts after the import, want %d", got, 1+3*importBatch+1)
	}
	steps, err := s.ListChanges(ctx, ChangeFilter{})
	mustNoErr(t, err)
	var words []string
	for _, c := range steps {
		words = append(words, c.Summary)
	}
	want := []string{"added contact Written between chunks", "imported 1500 new contacts and filled in 1 known one", "added contact Dana Reyes"}
	if strings.Join(words, " | ") != strings.Join(want, " | ") {
		t.Errorf("steps, newest first:\n%q\nwant\n%q", words, want)
	}

	// One undo takes the other process's contact, the next the whole import.
	_, err = s.Undo(ctx)
	mustNoErr(t, err)
	ch, err := s.Undo(ctx)
	mustNoErr(t, err)
	if !strings.Contains(ch.Summary, "imported 1500 new contacts") {
		t.Errorf("second undo: %q", ch.Summary)
	}
	all, err := s.ListContacts(ctx, true)
	mustNoErr(t, err)
	if len(all) != 1 || all[0].ID != dana.ID || all[0].Title != "" {
		t.Errorf("after undoing the import: %+v, want Dana alone without a title", all)
	}
}

// A chunk that fails, or ctrl+c between chunks, leaves nothing of the
// import: the chunks already written are undone before the error returns.
func TestFailedImportUndoesItsChunks(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		stop func(cancel context.CancelFunc) error
		want string
	}{
		{"a chunk fails", func(context.CancelFunc) error { return errors.New("the disk went away") }, "the disk went away"},
		{"ctrl+c", func(cancel context.CancelFunc) error { cancel(); return nil }, "context canceled"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, file, dana := chunkedImport(t, 3*importBatch)
			cctx, cancel := context.WithCancel(ctx)
			defer cancel()
			s.importHook = func(done int) error {
				if done == 2 {
					return tc.stop(cancel)
				}
				return nil
			}
			_, err := s.ImportContacts(cctx, file)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "cannot import contacts") {
				t.Fatalf("import = %v, want cannot import contacts … %s", err, tc.want)
			}
			all, err := s.ListContacts(ctx, true)
			mustNoErr(t, err)
			if len(all) != 1 || all[0].ID != dana.ID {
				t.Errorf("a failed import left %d contacts, want Dana alone", len(all))
			}
			// Nothing of it is left to undo: the last action is Dana's creation.
			ch, err := s.Undo(ctx)
			mustNoErr(t, err)
			if ch.Summary != "added contact Dana Reyes" {
				t.Errorf("the next undo takes %q, want Dana's creation", ch.Summary)
			}
		})
	}
}

// If the process dies between chunks, what was written is one step whose
// words say the import is unfinished, and one undo takes all of it out.
func TestInterruptedImportIsOneLabelledStep(t *testing.T) {
	ctx := context.Background()
	s, file, _ := chunkedImport(t, 3*importBatch)
	// Stand in for a crash: the hook stops the import, and abandonImport is
	// not reached because the step is looked at from another process
	// before the import goes on.
	var seen []model.Change
	s.importHook = func(done int) error {
		if done == 2 {
			other, err := OpenWith(ctx, s.Path(), Options{})
			mustNoErr(t, err)
			defer other.Close()
			seen, err = other.ListChanges(ctx, ChangeFilter{Limit: 1})
			mustNoErr(t, err)
			if n := countContacts(t, other); n != 1+2*importBatch {
				t.Errorf("another process sees %d contacts mid-import, want %d", n, 1+2*importBatch)
			}
			ch, err := other.Undo(ctx)
			mustNoErr(t, err)
			if n := countContacts(t, other); n != 1 {
				t.Errorf("after one undo of the unfinished import another process sees %d contacts, want Dana alone", n)
			}
			if !strings.Contains(ch.Summary, "(unfinished)") {
				t.Errorf("undo took %q", ch.Summary)
			}
		}
		return nil
	}
	_, err := s.ImportContacts(ctx, file)
	if err == nil || !strings.Contains(err.Error(), "undone by another command while it ran") {
		t.Fatalf("an import undone from elsewhere mid-way = %v", err)
	}
	if len(seen) != 1 || seen[0].Summary != "imported 1000 of 1501 contacts (unfinished)" {
		t.Errorf("the step mid-import reads %+v", seen)
	}
	if n := countContacts(t, s); n != 1 {
		t.Errorf("%d contacts after an import undone mid-way, want Dana alone", n)
	}
}

// Undoing an import of more people than one INSERT can carry history rows
// for (32,766 values at 9 a row) used to fail with "too many SQL
// variables"; the history of an undo is written in batches too. The people
// go out in one statement (undoInsertsAtOnce), Dana's filled-in title row
// by row, and redo brings all of it back.
func TestUndoOfALargeImport(t *testing.T) {
	ctx := context.Background()
	s, file, dana := chunkedImport(t, 4000)
	s.importChunk = 0 // the usual chunks
	_, err := s.ImportContacts(ctx, file)
	mustNoErr(t, err)
	_, err = s.Undo(ctx)
	mustNoErr(t, err)
	all, err := s.ListContacts(ctx, true)
	mustNoErr(t, err)
	if len(all) != 1 || all[0].ID != dana.ID || all[0].Title != "" {
		t.Errorf("after undoing a 4,000-person import: %d contacts (%+v), want Dana alone, without a title", len(all), all[0])
	}
	var removed int
	mustNoErr(t, s.r.QueryRowContext(ctx, "SELECT count(*) FROM history WHERE entity = 'contact' AND action = ?", model.ActionDelete).Scan(&removed))
	if removed != 4000 {
		t.Errorf("the undo recorded %d removals in the history, want 4000", removed)
	}
	_, err = s.Redo(ctx)
	mustNoErr(t, err)
	if n := countContacts(t, s); n != 4001 {
		t.Errorf("after redo: %d contacts, want 4001", n)
	}
}

// When one of the imported people was changed after the import, undo does
// not take the import out at once: it stops and says which change stands in
// the way, and nothing is changed.
func TestUndoOfALargeImportChangedSince(t *testing.T) {
	ctx := context.Background()
	s, file, _ := chunkedImport(t, 400)
	s.importChunk = 0
	res, err := s.ImportContacts(ctx, file)
	mustNoErr(t, err)
	other, err := OpenWith(ctx, s.Path(), Options{}) // another process edits one of the imported people
	mustNoErr(t, err)
	defer other.Close()
	_, err = other.EditContact(ctx, res.Added[200].ID, func(c *model.Contact) error { c.Title = "CTO"; return nil })
	mustNoErr(t, err)
	// Undo the import itself, not the edit (the latest step).
	_, err = s.reverseStep(ctx, firstImportStep(t, s))
	if err == nil || !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "was changed since") {
		t.Fatalf("undo of an import one of whose people was edited since = %v, want a conflict naming the change", err)
	}
	if n := countContacts(t, s); n != 1+400 {
		t.Errorf("a refused undo left %d contacts, want 401", n)
	}
}

// firstImportStep is the id of the import's undo step.
func firstImportStep(t *testing.T, s *Store) int64 {
	t.Helper()
	var id int64
	mustNoErr(t, s.r.QueryRowContext(context.Background(), "SELECT id FROM changes WHERE summary LIKE 'imported %' ORDER BY id LIMIT 1").Scan(&id))
	return id
}

// A disk that fills in the middle of a chunked import (here SQLite's own
// page limit stands in for the disk, so the test needs no root and no small
// file system) is named as a full disk. Taking the chunks already written
// out again needs room too, which a full disk refuses: the error then says
// exactly what is kept, and once there is room one undo takes it all out.
// (Before the import starts, checkImportSpace refuses one the disk clearly
// cannot hold, so this is the rare case.)
func TestDiskFullMidImportSaysWhatIsKept(t *testing.T) {
	ctx := context.Background()
	s, file, dana := chunkedImport(t, 3*importBatch)
	s.importHook = func(done int) error {
		if done == 1 {
			var pages int64
			if err := s.w.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
				return err
			}
			_, err := s.w.ExecContext(ctx, fmt.Sprintf("PRAGMA max_page_count = %d", pages))
			return err
		}
		return nil
	}
	_, err := s.ImportContacts(ctx, file)
	want := "the import stopped after 500 of 1501 contacts (the disk holding the workbook is full) and they could not be taken out again"
	if !errors.Is(err, ErrDiskFull) || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "`backchannel undo` takes them out") {
		t.Fatalf("import on a disk that fills = %v\nwant ErrDiskFull, %q…", err, want)
	}
	if n := countContacts(t, s); n != 1+500 {
		t.Errorf("%d contacts after the failed import, want Dana and the 500 the error names", n)
	}
	_, err = s.w.ExecContext(ctx, "PRAGMA max_page_count = 1073741823") // room again
	mustNoErr(t, err)
	ch, err := s.Undo(ctx)
	mustNoErr(t, err)
	if ch.Summary != "imported 500 of 1501 contacts (unfinished)" {
		t.Errorf("undo took %q", ch.Summary)
	}
	all, err := s.ListContacts(ctx, true)
	mustNoErr(t, err)
	if len(all) != 1 || all[0].ID != dana.ID {
		t.Errorf("after the undo: %d contacts, want Dana alone", len(all))
	}
}
