package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/backchannel/backchannel/model"
)

// Loading a whole workbook (ImportFrom) in chunks, as a contact import is
// written (issue 11: no other writer is held for more than a second or two,
// and the load is still all or nothing for the user).
//
// The file is read and checked on one goroutine (readImport, as a dry run
// reads it), which hands each batch of rows to the writer and waits for it
// to be written; the writer puts the batches into short transactions: the
// first opens one undo step (changeTx), each later one adds to it
// (continueStep), with the contact import's pause between them
// (betweenChunks) so a waiting writer gets in. A chunk ends once it has
// taken about importChunk, and not while a stakeholder in it names one not
// yet written ("talk before" a later row), so every commit is a sound
// workbook. Each chunk sets the search index's triggers aside while it
// writes and indexes its own rows before it commits, so no commit ever
// leaves the index behind the tables.
//
// A bad row found midway, ctrl+c, or a chunk that cannot be written (a full
// disk) takes out what the earlier chunks wrote, by undoing the unfinished
// step (reverseStep, as abandonImport does for contacts), and then the
// history rows the load and its undo wrote: the workbook was empty, and is
// again. A crash leaves the step labelled "loading a workbook: … so far
// (unfinished)"; `undo` takes it out (and its history with it), and the next
// import of a file into that workbook does the same first.

// loadWords begins the words of an unfinished load's step, by which a load
// cut short is recognised (isUnfinishedLoad).
const loadWords = "loading a workbook: "

// rowSink takes the rows of a load, a batch at a time.
type rowSink interface {
	write(ctx context.Context, b rowBatch) error
}

// rowBatch is one batch of rows of one table, and how to write them.
type rowBatch struct {
	table string
	ids   []int64
	// hold says a row so far refers forward: the chunk must not commit yet.
	hold  bool
	write func(tx *sql.Tx) error
	reply chan error
}

// rowID is a row's id from its table's column values (the id comes first).
func rowID(args []any) int64 {
	if len(args) > 0 {
		if id, ok := args[0].(int64); ok {
			return id
		}
	}
	return 0
}

// loadFeed hands the reader's batches to the writer, one at a time.
type loadFeed struct{ batches chan rowBatch }

func (f *loadFeed) write(ctx context.Context, b rowBatch) error {
	b.reply = make(chan error, 1)
	select {
	case f.batches <- b:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-b.reply:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

type readDone struct {
	counts ImportCounts
	err    error
}

// ImportFrom loads an exported workbook into this one, which must hold no
// data at all (ErrConflict otherwise), as src reads it: each table's rows
// are validated and their references checked as they come, and written in
// chunks, each a short transaction of about half a second, all of them one
// undo step, so another process waiting to save is let in between two
// chunks. A bad file imports nothing: what earlier chunks wrote is taken
// out again before the error returns. What is held is the ids the
// references need, not the rows. IDs, timestamps and history are kept
// exactly, so export → import → export is byte-identical. An error in the
// file names the first bad row: "stakeholders[3]: influence must be 1 to 5,
// got 7"; an error from src is returned as src gave it.
func (s *Store) ImportFrom(ctx context.Context, src ImportSource) (ImportCounts, error) {
	if s.readOnly != "" {
		return ImportCounts{}, s.refuseWrite()
	}
	// A load cut short by a crash is taken out first: the workbook was
	// empty before it.
	if err := s.takeOutUnfinishedLoad(ctx); err != nil {
		return ImportCounts{}, wrapf(s.Damaged(err), "cannot import the workbook")
	}
	budget := s.importChunk
	if budget <= 0 {
		budget = importChunk
	}
	// As for a contact import: the log is checkpointed once, at the end.
	if _, err := s.w.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err == nil {
		defer func() {
			_, _ = s.w.ExecContext(context.WithoutCancel(ctx), "PRAGMA wal_autocheckpoint = 1000")
			// The log holds the whole load: copied back without blocking
			// anyone (PASSIVE), then emptied, so the disk gets its space
			// back now rather than when the last connection closes.
			_, _ = s.w.ExecContext(context.WithoutCancel(ctx), "PRAGMA wal_checkpoint(PASSIVE)")
			_, _ = s.w.ExecContext(context.WithoutCancel(ctx), "PRAGMA wal_checkpoint(TRUNCATE)")
		}()
	}
	rctx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	feed := &loadFeed{batches: make(chan rowBatch)}
	read := make(chan readDone, 1)
	go func() {
		counts, err := readImport(rctx, feed, src)
		read <- readDone{counts, err}
	}()

	var (
		step    int64
		end     *readDone
		written int
		chunks  int
	)
	chunk := func(tx *sql.Tx, first bool) error {
		began := time.Now()
		if first {
			used, err := exists(ctx, tx, `SELECT EXISTS (SELECT 1 FROM proposals) OR EXISTS (SELECT 1 FROM contacts)
				OR EXISTS (SELECT 1 FROM history)`)
			if err != nil {
				return err
			}
			if used {
				return conflictf("%s already has data; import into a new, empty workbook file", s.path)
			}
		}
		// Within a chunk rows may refer forward; the keys are checked at
		// its commit, which waits until nothing refers forward any more.
		if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
			return err
		}
		defs, err := setSearchTriggersAside(ctx, tx)
		if err != nil {
			return err
		}
		ids := map[string][]int64{}
		n := 0
		for {
			var b rowBatch
			select {
			case b = <-feed.batches:
			case r := <-read:
				end = &r
			}
			if end != nil {
				if end.err != nil {
					return end.err
				}
				break
			}
			err := b.write(tx)
			b.reply <- err
			if err != nil {
				return err
			}
			ids[b.table] = append(ids[b.table], b.ids...)
			n += len(b.ids)
			if !b.hold && (time.Since(began) >= budget || n >= importChunkRows) {
				break
			}
		}
		if err := putSearchTriggersBack(ctx, tx, defs, ids); err != nil {
			return err
		}
		written += n
		chunks++
		if end == nil {
			return say(ctx, tx, "%s%d records so far (unfinished)", loadWords, written)
		}
		return say(ctx, tx, "loaded a workbook of %s and %s", model.Plural(end.counts.Proposals, "proposal", "proposals"),
			model.Plural(end.counts.Contacts, "contact", "contacts"))
	}

	for first := true; end == nil; first = false {
		if !first {
			if err := s.betweenChunks(ctx, chunks); err != nil {
				return ImportCounts{}, s.abandonLoad(ctx, step, written, err)
			}
		}
		var err error
		if step == 0 {
			var ch model.Change
			ch, err = s.changeTx(ctx, changeSpec{kind: kindDo}, func(tx *sql.Tx, _ int64) error { return chunk(tx, first) })
			step = ch.ID
		} else {
			err = s.continueStep(ctx, step, func(tx *sql.Tx) error { return chunk(tx, false) })
		}
		if err != nil {
			stopReading()
			return ImportCounts{}, s.abandonLoad(ctx, step, written, err)
		}
	}
	// A load writes most of the file: check it once, now, rather than on
	// every later open.
	return end.counts, quickCheck(ctx, s.r, s.path)
}

// abandonLoad takes out what the chunks of a load wrote, if any, so a
// failed load leaves the workbook as it was (empty), and says what
// happened in one sentence.
func (s *Store) abandonLoad(ctx context.Context, step int64, written int, cause error) error {
	var refused *importRefusal
	isRefusal := errors.As(cause, &refused)
	if isRefusal {
		cause = refused.err
	} else {
		cause = wrapf(s.Damaged(cause), "cannot import the workbook")
	}
	if step == 0 {
		if errors.Is(cause, ErrConflict) && !isRefusal {
			return cause // "…already has data": nothing was tried
		}
		return fmt.Errorf("%w; nothing was imported", cause)
	}
	// Taking the chunks out must happen even when the load stopped because
	// ctx was cancelled (ctrl+c).
	bg := context.WithoutCancel(ctx)
	_, err := s.reverseStep(bg, step)
	if err == nil || errors.Is(err, ErrNothingToUndo) {
		err = s.forgetLoad(bg, step)
	}
	if err == nil {
		return fmt.Errorf("%w; nothing was imported", cause)
	}
	kind := error(nil)
	if errors.Is(cause, ErrDiskFull) || errors.Is(err, ErrDiskFull) {
		kind = ErrDiskFull
	}
	return newError(kind, cause,
		"the import stopped after %d records (%v) and they could not be taken out again (%v); they are kept as one unfinished step: free the cause, then `backchannel undo` takes them out",
		written, cause, err)
}

// refuseDuringLoad refuses a new action while a workbook load is unfinished
// (running, or cut short by a crash): its rows would take ids the file
// still holds, and would stand in the way of taking the load out. Undo is
// let through (it takes a load cut short out).
func refuseDuringLoad(ctx context.Context, tx *sql.Tx) error {
	var summary string
	var undone bool
	err := tx.QueryRowContext(ctx, "SELECT summary, undone FROM changes WHERE kind = 'do' AND is_open = 0 ORDER BY id DESC LIMIT 1").Scan(&summary, &undone)
	if errors.Is(err, sql.ErrNoRows) || err == nil && (undone || !isUnfinishedLoad(summary)) {
		return nil
	}
	if err != nil {
		return err
	}
	return conflictf("the workbook is being loaded by `backchannel import`, or a load was cut short (`backchannel undo` takes it out); nothing was changed: try again once the import has finished")
}

// isUnfinishedLoad reports whether a step's words are those of a load cut
// short.
func isUnfinishedLoad(summary string) bool {
	return strings.HasPrefix(summary, loadWords) && strings.HasSuffix(summary, "(unfinished)")
}

// takeOutUnfinishedLoad undoes a load a crash cut short, when it is the
// workbook's latest action, and forgets its history, so that the file can
// be imported again. Anything else is left alone (the emptiness check says
// what is in the way).
func (s *Store) takeOutUnfinishedLoad(ctx context.Context) error {
	var id int64
	var summary string
	var undone bool
	err := s.r.QueryRowContext(ctx, `SELECT id, summary, undone FROM changes WHERE kind = 'do' AND is_open = 0 ORDER BY id DESC LIMIT 1`).
		Scan(&id, &summary, &undone)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil || !isUnfinishedLoad(summary) {
		return err
	}
	if !undone {
		if _, err := s.reverseStep(ctx, id); err != nil && !errors.Is(err, ErrNothingToUndo) {
			return err
		}
	}
	return s.forgetLoad(ctx, id)
}

// forgetLoad forgets a load cut short once its undo has taken its rows
// out: the history rows it and its undo wrote (history is not captured for
// undo) and the two steps themselves, so the workbook is as it was before
// the load, empty, with nothing to redo (a redo would bring back part of a
// file without its history). It runs only while the workbook holds no
// proposal or contact (ImportFrom required it empty, history included), in
// transactions of forgetBatch rows with the import's pause between.
func (s *Store) forgetLoad(ctx context.Context, step int64) error {
	for i := 0; ; i++ {
		if i > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(importYield):
			}
		}
		more := false
		err := s.rawTx(ctx, func(tx *sql.Tx) error {
			empty, err := exists(ctx, tx, `SELECT NOT EXISTS (SELECT 1 FROM proposals) AND NOT EXISTS (SELECT 1 FROM contacts)
				AND EXISTS (SELECT 1 FROM changes WHERE id = ? AND undone = 1)`, step)
			if err != nil || !empty {
				return err
			}
			n, err := forgetSome(ctx, tx, step)
			more = n > 0
			return err
		})
		if err != nil || !more {
			return err
		}
	}
}

// forgetSome deletes up to forgetBatch rows of what forgetLoad forgets,
// history first, and says how many it deleted; the steps go once their
// rows are gone.
func forgetSome(ctx context.Context, tx *sql.Tx, step int64) (int64, error) {
	// History is append-only, but for this: its trigger is lifted in this
	// transaction only, as purge does.
	guard, err := queryColumn[string](ctx, tx, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'history_no_delete'")
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, "DROP TRIGGER IF EXISTS history_no_delete"); err != nil {
		return 0, err
	}
	const steps = "(SELECT ?1 UNION ALL SELECT id FROM changes WHERE target_id = ?1 AND kind = 'undo')"
	var n int64
	for _, q := range []string{
		"DELETE FROM history WHERE id IN (SELECT id FROM history ORDER BY id LIMIT ?2)",
		"DELETE FROM change_rows WHERE id IN (SELECT id FROM change_rows WHERE change_id IN " + steps + " LIMIT ?2)",
		"DELETE FROM changes WHERE target_id = ?1 AND kind = 'undo' AND ?2 > 0",
		"DELETE FROM changes WHERE id = ?1 AND ?2 > 0",
	} {
		res, err := tx.ExecContext(ctx, q, step, forgetBatch)
		if err != nil {
			return 0, err
		}
		if n, err = res.RowsAffected(); err != nil {
			return 0, err
		}
		if n > 0 {
			break
		}
	}
	for _, q := range guard {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// forgetBatch is how many rows one transaction of forgetLoad deletes.
const forgetBatch = 50000

// forgetUndoneLoad is forgetLoad after an undo, when the step the undo
// took out was a load cut short.
func (s *Store) forgetUndoneLoad(ctx context.Context, ch model.Change) error {
	if ch.Kind != kindUndo || ch.ID == 0 || !isUnfinishedLoad(ch.Summary) {
		return nil
	}
	var target int64
	if err := s.r.QueryRowContext(ctx, "SELECT coalesce(target_id, 0) FROM changes WHERE id = ?", ch.ID).Scan(&target); err != nil || target == 0 {
		return err
	}
	return s.forgetLoad(ctx, target)
}

// setSearchTriggersAside drops the search index's triggers inside tx and
// returns their definitions: row by row, FTS5 writes its index at every
// statement's savepoint, which more than doubled the time of a load.
// putSearchTriggersBack puts them back in the same transaction, so no
// commit is ever without them.
func setSearchTriggersAside(ctx context.Context, tx *sql.Tx) ([]string, error) {
	names, err := queryColumn[string](ctx, tx, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name GLOB 'search_*' ORDER BY name")
	if err != nil {
		return nil, err
	}
	defs, err := queryColumn[string](ctx, tx, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name GLOB 'search_*' ORDER BY name")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, "DROP TRIGGER "+quoteIdent(n)); err != nil {
			return nil, err
		}
	}
	return defs, nil
}

// putSearchTriggersBack restores the triggers setSearchTriggersAside took
// away and indexes the rows the chunk wrote (ids by table), one statement
// per table.
func putSearchTriggersBack(ctx context.Context, tx *sql.Tx, defs []string, ids map[string][]int64) error {
	for _, d := range defs {
		if _, err := tx.ExecContext(ctx, d); err != nil {
			return fmt.Errorf("cannot put back the search index's triggers: %w", err)
		}
	}
	for table, q := range searchIndexOf {
		if len(ids[table]) == 0 {
			continue
		}
		list, err := json.Marshal(ids[table])
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, q+" WHERE id IN (SELECT value FROM json_each(?))", string(list)); err != nil {
			return fmt.Errorf("cannot index the workbook for search: %w", err)
		}
	}
	return nil
}

// searchIndexOf is searchIndexSQL by table.
var searchIndexOf = func() map[string]string {
	m := map[string]string{}
	for _, q := range searchIndexSQL {
		_, from, _ := strings.Cut(q, " FROM ")
		m[strings.TrimSpace(from)] = q
	}
	return m
}()
