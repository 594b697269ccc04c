// Long by design: one table of cases per guarantee of chunked undo (same result as one transaction, cut short, finished, refused, a writer between chunks).

package db

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// atOnce and inChunks are the two ways the same large step is reversed in
// these tests: every step in one transaction, as before chunks existed, or
// in chunks of chunkRows.
const chunkRows = 300

func atOnce(s *Store)   { s.undoChunkRows = 1 << 30 }
func inChunks(s *Store) { s.undoChunkRows = chunkRows }

// importedPair is two workbooks made by the same actions on the same clock
// (so byte for byte the same): 2,000 people imported as one step, and Dana,
// known before, whose title the import filled in. a undoes at once, b in
// chunks.
func importedPair(t *testing.T) (a, b *Store) {
	t.Helper()
	var s [2]*Store
	for i := range s {
		var file []model.Contact
		s[i], file, _ = chunkedImport(t, 2000)
		s[i].importChunk = 0
		_, err := s[i].ImportContacts(context.Background(), file)
		mustNoErr(t, err)
	}
	atOnce(s[0])
	inChunks(s[1])
	return s[0], s[1]
}

// reversalRecord is what an undo or redo leaves besides the workbook's facts:
// the rows its step captured (what redo replays) and the history it wrote,
// each without ids and times, in a fixed order.
func reversalRecord(t *testing.T, s *Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	var step int64
	mustNoErr(t, s.r.QueryRowContext(ctx, "SELECT max(id) FROM changes WHERE kind != 'do'").Scan(&step))
	rows, err := queryColumn[string](ctx, s.r, `SELECT entity || ' ' || row_id || ' ' || coalesce(before, '-') || ' ' || coalesce(after, '-')
		FROM change_rows WHERE change_id = ?`, step)
	mustNoErr(t, err)
	hist, err := queryColumn[string](ctx, s.r, `SELECT entity || ' ' || entity_id || ' ' || coalesce(proposal_id, '-') || ' ' || action || ' ' || field || ' ' || old || ' ' || new
		FROM history WHERE change_id = ?`, step)
	mustNoErr(t, err)
	var words, kind string
	mustNoErr(t, s.r.QueryRowContext(ctx, "SELECT summary, kind FROM changes WHERE id = ?", step).Scan(&words, &kind))
	slices.Sort(rows)
	slices.Sort(hist)
	fmt.Fprintf(&b, "%s %q: %d rows, %d history\n%s\n%s", kind, words, len(rows), len(hist), strings.Join(rows, "\n"), strings.Join(hist, "\n"))
	return b.String()
}

// sameAfter checks that two workbooks hold the same facts, and that the
// last undo or redo in each captured the same rows and wrote the same
// history.
func sameAfter(t *testing.T, what string, a, b *Store) {
	t.Helper()
	if fa, fb := recordJSON(t, a), recordJSON(t, b); !bytes.Equal(fa, fb) {
		t.Errorf("%s: the workbook differs between an undo at once and one in chunks (%d vs %d bytes)", what, len(fa), len(fb))
	}
	if ra, rb := reversalRecord(t, a), reversalRecord(t, b); ra != rb {
		t.Errorf("%s: the undo log differs between at once and in chunks:\n%.600s\n…\nvs\n%.600s", what, ra, rb)
	}
	checkSound(t, b)
}

// checkSound fails on a broken foreign key or a damaged file. It reads
// through a connection of its own: a reader that had the search index open
// before a merge of it rewrote it reports "fts5: corruption found" from
// integrity_check until it next reads the index (SQLite keeps the index's
// structure per connection), though the file is sound and searches work.
func checkSound(t *testing.T, s *Store) {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+s.Path()+"?mode=ro")
	mustNoErr(t, err)
	defer conn.Close()
	var n int
	mustNoErr(t, conn.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&n))
	if n != 0 {
		t.Errorf("%d broken references", n)
	}
	var ok string
	mustNoErr(t, conn.QueryRow("PRAGMA integrity_check").Scan(&ok))
	if ok != "ok" {
		t.Errorf("integrity_check: %s", ok)
	}
}

// Issue 11: undoing a large step in chunks leaves exactly what undoing it in
// one transaction leaves: the same facts, and the same rows for redo and
// history; and so do its redo and the undo of that redo.
func TestChunkedUndoMatchesUndoAtOnce(t *testing.T) {
	ctx := context.Background()
	a, b := importedPair(t)
	var chunks int
	b.undoHook = func(int) error { chunks++; return nil }
	// 2,001 rows (2,000 people and Dana's title), 300 at a time: 7 chunks;
	// an undo, which deletes the people, merges the search index in one
	// more transaction at the end.
	for i, op := range []struct {
		name   string
		do     func(*Store, context.Context) (model.Change, error)
		pauses int
	}{{"undo", (*Store).Undo, 7}, {"redo", (*Store).Redo, 6}, {"undo of the redo", (*Store).Undo, 7}} {
		before := chunks
		ca, err := op.do(a, ctx)
		mustNoErr(t, err)
		cb, err := op.do(b, ctx)
		mustNoErr(t, err)
		if ca.Sentence() != cb.Sentence() || cb.Unfinished {
			t.Errorf("%s: at once %q, in chunks %q", op.name, ca.Sentence(), cb.Sentence())
		}
		if got := chunks - before; got != op.pauses {
			t.Errorf("%s: %d pauses between chunks, want %d", op.name, got, op.pauses)
		}
		sameAfter(t, op.name, a, b)
		if i == 0 && countContacts(t, b) != 1 {
			t.Errorf("after the chunked undo %d contacts, want Dana alone", countContacts(t, b))
		}
	}
}

// A loaded workbook's rows refer to one another, some forward ("talk to X
// before Y"): a chunk that would commit with a reference left dangling is
// done again larger, and the result is still that of an undo at once.
func TestChunkedUndoOfALoadedWorkbook(t *testing.T) {
	ctx := context.Background()
	a, _ := demoStore(t)
	b, _ := demoStore(t)
	atOnce(a)
	b.undoChunkRows = 7 // a chunk boundary between nearly every pair of related rows
	loaded := recordJSON(t, b)
	for _, op := range []func(*Store, context.Context) (model.Change, error){(*Store).Undo, (*Store).Redo} {
		_, err := op(a, ctx)
		mustNoErr(t, err)
		_, err = op(b, ctx)
		mustNoErr(t, err)
		sameAfter(t, "loaded workbook", a, b)
	}
	if !bytes.Equal(loaded, recordJSON(t, b)) {
		t.Error("after undo and redo in chunks the workbook differs from the one loaded")
	}
}

// Small steps keep the one transaction: a step of exactly the chunk size is
// reversed without a pause.
func TestSmallStepIsUndoneAtOnce(t *testing.T) {
	ctx := context.Background()
	s, file, _ := chunkedImport(t, chunkRows-1) // chunkRows rows with Dana's title
	s.importChunk = 0
	_, err := s.ImportContacts(ctx, file)
	mustNoErr(t, err)
	inChunks(s)
	s.undoHook = func(int) error { t.Error("a small step was undone in chunks"); return nil }
	ch, err := s.Undo(ctx)
	mustNoErr(t, err)
	if countContacts(t, s) != 1 || ch.Unfinished {
		t.Errorf("after undo: %d contacts, %+v", countContacts(t, s), ch)
	}
}

// Another process writes between two chunks of a large undo (it is not
// held for the whole undo), sees the undo marked unfinished meanwhile, and
// the undo still completes around its write.
func TestWriteBetweenUndoChunks(t *testing.T) {
	ctx := context.Background()
	a, b := importedPair(t)
	other, err := OpenWith(ctx, b.Path(), Options{})
	mustNoErr(t, err)
	defer other.Close()
	var seen []model.Change
	b.undoHook = func(done int) error {
		if done == 2 {
			seen, err = other.ListChanges(ctx, ChangeFilter{Limit: 2})
			mustNoErr(t, err)
			_, err := other.CreateContact(ctx, model.Contact{Name: "Written between chunks"})
			return err
		}
		return nil
	}
	_, err = b.Undo(ctx)
	mustNoErr(t, err)
	if len(seen) != 2 || !seen[0].Unfinished || seen[0].Sentence() != "Undoing: imported 2000 new contacts and filled in 1 known one (unfinished)" {
		t.Errorf("the undo log mid-undo, as another process reads it: %+v", seen)
	}
	cs, err := b.ListContacts(ctx, true)
	mustNoErr(t, err)
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	slices.Sort(names)
	if strings.Join(names, ", ") != "Dana Reyes, Written between chunks" {
		t.Errorf("after the undo: %v, want Dana and the contact written between chunks", names)
	}
	// Without the other write, the undo leaves what an undo at once does.
	_, err = other.Undo(ctx)
	mustNoErr(t, err)
	_, err = a.Undo(ctx)
	mustNoErr(t, err)
	if !bytes.Equal(recordJSON(t, a), recordJSON(t, b)) {
		t.Error("the workbook differs from one undone at once")
	}
}

// An undo stopped midway (here ctrl+c between chunks; a killed process is
// TestKillDuringUndo) is kept as one unfinished step: history says so, redo
// refuses and says how to finish it, and the next undo finishes it, leaving
// what an undo at once leaves. A redo stopped midway is finished by redo.
func TestStoppedUndoIsFinishedByTheNextUndo(t *testing.T) {
	ctx := context.Background()
	a, b := importedPair(t)
	for _, tc := range []struct {
		kind           string
		do, other      func(*Store, context.Context) (model.Change, error)
		left, sentence string
	}{
		{"undo", (*Store).Undo, (*Store).Redo, "cannot redo now: undoing \"imported 2000 new contacts and filled in 1 known one\" was interrupted and is unfinished; undo again to finish it first",
			"Undoing: imported 2000 new contacts and filled in 1 known one (unfinished)"},
		{"redo", (*Store).Redo, (*Store).Undo, "cannot undo now: redoing \"imported 2000 new contacts and filled in 1 known one\" was interrupted and is unfinished; redo again to finish it first",
			"Redoing: imported 2000 new contacts and filled in 1 known one (unfinished)"},
	} {
		cctx, cancel := context.WithCancel(ctx)
		b.undoHook = func(done int) error {
			if done == 3 {
				cancel()
			}
			return nil
		}
		_, err := tc.do(b, cctx)
		cancel()
		want := reversing(tc.kind) + ` "imported 2000 new contacts and filled in 1 known one" stopped after 900 of 2001 records (interrupted); what it did is kept as an unfinished ` + tc.kind + `, and ` + tc.kind + ` again finishes it`
		if err == nil || err.Error() != want || !errors.Is(err, context.Canceled) || !errors.Is(err, ErrUnfinished) {
			t.Fatalf("%s stopped midway = %v\nwant %s", tc.kind, err, want)
		}
		b.undoHook = nil
		steps, err := b.ListChanges(ctx, ChangeFilter{Limit: 1})
		mustNoErr(t, err)
		if len(steps) != 1 || steps[0].Sentence() != tc.sentence {
			t.Errorf("history after a %s stopped midway: %+v", tc.kind, steps)
		}
		checkSound(t, b)
		if _, err := tc.other(b, ctx); err == nil || err.Error() != tc.left || !errors.Is(err, ErrConflict) {
			t.Errorf("the other command while the %s is unfinished = %v\nwant %s", tc.kind, err, tc.left)
		}
		ch, err := tc.do(b, ctx)
		mustNoErr(t, err)
		if ch.Unfinished || !strings.HasPrefix(ch.Sentence(), map[string]string{"undo": "Undid: ", "redo": "Redid: "}[tc.kind]) {
			t.Errorf("finishing the %s: %q", tc.kind, ch.Sentence())
		}
		_, err = tc.do(a, ctx)
		mustNoErr(t, err)
		sameAfter(t, "finished "+tc.kind, a, b)
	}
}

// A change made midway to a row the undo has yet to restore stops it there,
// naming the change; what was undone is kept as unfinished. Undo then takes
// back the change first (it is the newer action), and the next undo
// finishes the first.
func TestUndoMeetsAChangeMidway(t *testing.T) {
	ctx := context.Background()
	_, b := importedPair(t)
	other, err := OpenWith(ctx, b.Path(), Options{})
	mustNoErr(t, err)
	defer other.Close()
	first := firstImportStep(t, b)
	var person int64 // imported first, so restored last
	mustNoErr(t, b.r.QueryRowContext(ctx, "SELECT row_id FROM change_rows WHERE change_id = ? AND before IS NULL ORDER BY id LIMIT 1", first).Scan(&person))
	b.undoHook = func(done int) error {
		if done == 1 {
			_, err := other.EditContact(ctx, person, func(c *model.Contact) error { c.Title = "CTO"; return nil })
			return err
		}
		return nil
	}
	_, err = b.Undo(ctx)
	if err == nil || !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "was changed since (edited contact Person 0 (title))") ||
		!strings.Contains(err.Error(), "kept as an unfinished undo") {
		t.Fatalf("undo meeting a change midway = %v", err)
	}
	b.undoHook = nil
	ch, err := b.Undo(ctx)
	mustNoErr(t, err)
	if ch.Summary != "edited contact Person 0 (title)" {
		t.Errorf("the first undo after took %q, want the edit", ch.Summary)
	}
	ch, err = b.Undo(ctx)
	mustNoErr(t, err)
	if !strings.HasPrefix(ch.Summary, "imported 2000") || countContacts(t, b) != 1 {
		t.Errorf("the second undo after took %q and left %d contacts", ch.Summary, countContacts(t, b))
	}
	checkSound(t, b)
}

// A large step changed since is refused before anything is undone (the
// check runs on a snapshot before the first chunk), as at once.
func TestLargeUndoChangedSinceIsRefusedWhole(t *testing.T) {
	ctx := context.Background()
	_, b := importedPair(t)
	var person int64
	mustNoErr(t, b.r.QueryRowContext(ctx, "SELECT row_id FROM change_rows WHERE change_id = ? AND before IS NULL ORDER BY id LIMIT 1", firstImportStep(t, b)).Scan(&person))
	_, err := b.EditContact(ctx, person, func(c *model.Contact) error { c.Title = "CTO"; return nil })
	mustNoErr(t, err)
	_, err = b.reverseStep(ctx, firstImportStep(t, b))
	if err == nil || !errors.Is(err, ErrConflict) || strings.Contains(err.Error(), "unfinished") {
		t.Fatalf("undo of a large step changed since = %v, want a conflict with nothing undone", err)
	}
	if n := countContacts(t, b); n != 2001 {
		t.Errorf("a refused undo left %d contacts, want 2001", n)
	}
}

// OnReverseProgress is told, before the first chunk and after each but the
// last, which step is being reversed and how far it has got.
func TestReverseProgress(t *testing.T) {
	ctx := context.Background()
	_, b := importedPair(t)
	var got []string
	b.OnReverseProgress(func(step model.Change, done, total int) {
		got = append(got, fmt.Sprintf("%s %d/%d", step.Sentence(), done, total))
	})
	_, err := b.Undo(ctx)
	mustNoErr(t, err)
	var want []string
	for done := 0; done < 2001; done += chunkRows {
		want = append(want, fmt.Sprintf("Undoing: imported 2000 new contacts and filled in 1 known one (unfinished) %d/2001", done))
	}
	// Every row is restored; the search index's merge is still to come.
	want = append(want, "Undoing: imported 2000 new contacts and filled in 1 known one (unfinished) 2001/2001")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("progress told:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A large step that rows made since refer to (a person imported, then put
// on a proposal) is refused before anything is undone, as one transaction
// refuses it at its commit.
func TestLargeUndoWithReferencesMadeSinceIsRefusedWhole(t *testing.T) {
	ctx := context.Background()
	_, b := importedPair(t)
	f := buildFixture(t, b)
	var person int64
	mustNoErr(t, b.r.QueryRowContext(ctx, "SELECT row_id FROM change_rows WHERE change_id = ? AND before IS NULL ORDER BY id LIMIT 1", firstImportStep(t, b)).Scan(&person))
	_, err := b.AddPerson(ctx, model.Contact{ID: person}, model.Stakeholder{ProposalID: f.proposal.ID, Role: model.RoleInRoom, Influence: 2})
	mustNoErr(t, err)
	var chunks int
	b.undoHook = func(int) error { chunks++; return nil }
	before := countContacts(t, b)
	_, err = b.reverseStep(ctx, firstImportStep(t, b))
	want := `cannot undo "imported 2000 new contacts and filled in 1 known one": records made since depend on it; undo or remove those first`
	if err == nil || err.Error() != want || !errors.Is(err, ErrConflict) || chunks != 0 {
		t.Fatalf("undo of a large step others refer to = %v (after %d chunks)\nwant %s, before any chunk", err, chunks, want)
	}
	if n := countContacts(t, b); n != before {
		t.Errorf("a refused undo left %d contacts", n)
	}
}

// Two processes finishing the same unfinished undo at once take turns at
// its chunks (each reads how far it has got under the write lock): both
// report it undone, no row is restored twice, and the result is that of an
// undo at once.
func TestTwoProcessesFinishOneUndo(t *testing.T) {
	ctx := context.Background()
	a, b := importedPair(t)
	cctx, cancel := context.WithCancel(ctx)
	b.undoHook = func(done int) error {
		if done == 1 {
			cancel()
		}
		return nil
	}
	_, err := b.Undo(cctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("undo stopped midway = %v", err)
	}
	b.undoHook = nil
	other, err := OpenWith(ctx, b.Path(), Options{})
	mustNoErr(t, err)
	defer other.Close()
	inChunks(other)
	errs := make(chan error, 2)
	for _, s := range []*Store{b, other} {
		go func() {
			ch, err := s.Undo(ctx)
			if err == nil && !strings.HasPrefix(ch.Sentence(), "Undid: imported 2000") {
				err = fmt.Errorf("undo said %q", ch.Sentence())
			}
			errs <- err
		}()
	}
	for range 2 {
		mustNoErr(t, <-errs)
	}
	_, err = a.Undo(ctx)
	mustNoErr(t, err)
	sameAfter(t, "finished by two", a, b)
}

// An undo in chunks leaves none of the step's words in the search index's
// pages, as one at once does, and commits every chunk with secure-delete
// on; the merge that drops the words is the last transaction, and an undo
// cut short just before it is finished, merge included, by the next undo.
func TestChunkedUndoLeavesNoWordInTheIndex(t *testing.T) {
	ctx := context.Background()
	s, file, _ := chunkedImport(t, 2000)
	s.importChunk = 0
	file[7].Notes = "zebraquokka was fired in March"
	_, err := s.ImportContacts(ctx, file)
	mustNoErr(t, err)
	inChunks(s)
	if !indexHolds(t, s, "zebraquokka") {
		t.Fatal("the imported note is not in the index: the probe cannot see the index")
	}
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.undoHook = func(done int) error {
		if v := secureDeleteSetting(t, s); v != "1" {
			t.Errorf("secure-delete between chunks = %q, want 1", v)
		}
		if done == 7 { // every row restored, the merge to come
			cancel()
		}
		return nil
	}
	_, err = s.Undo(cctx)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "stopped after 2001 of 2001 records") {
		t.Fatalf("undo stopped before the merge = %v", err)
	}
	steps, err := s.ListChanges(ctx, ChangeFilter{Limit: 1})
	mustNoErr(t, err)
	if len(steps) != 1 || !steps[0].Unfinished {
		t.Errorf("an undo stopped before its merge is not unfinished: %+v", steps)
	}
	s.undoHook = nil
	_, err = s.Undo(ctx)
	mustNoErr(t, err)
	if indexHolds(t, s, "zebraquokka") {
		t.Error("an undone import's note is still in the full-text index's pages")
	}
	if countContacts(t, s) != 1 {
		t.Errorf("%d contacts after the undo, want Dana alone", countContacts(t, s))
	}
}
