// Long by design: chunked undo and redo (the snapshot checks, the high-water mark, the chunk loop, finishing an unfinished step) in one file, since each chunk's correctness rests on the invariants the others keep.

package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/backchannel/backchannel/model"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Undo and redo of a large step, in chunks (issue 11: no other writer is
// held for more than a second or two, yet undo stays one user action).
//
// A step of more than importChunkRows (10,000) captured rows (a
// 200,000-person import, a whole workbook loaded) is reversed by several
// short transactions, each restoring the next stretch of the step's rows,
// newest first, with a pause in between in which a waiting writer gets the
// workbook; the last one merges the search index (see reverseChunk). The undo (or
// redo) is one step in the undo log all along: the first chunk opens it and
// each later one adds to it, as an import's chunks do (continueStep).
//
// Unfinished, and how far. Nothing new is stored for either:
//   - an undo or redo whose target is not yet marked undone is unfinished:
//     a reversal done at once marks its target in the same transaction, and
//     a chunked one only in its last chunk;
//   - the high-water mark is the number of rows the reversal has captured
//     so far. Restoring one of the target's rows writes exactly one row of
//     a captured table (no trigger or cascade writes another: every foreign
//     key is ON DELETE RESTRICT), so after n captured rows the target's n
//     newest rows are done, and the next chunk starts below them. Each chunk
//     reads the mark inside its own transaction, so a crash, or two
//     processes finishing the same reversal, can neither skip a row nor do
//     one twice.
//
// What reads show meanwhile: the workbook as committed, part of the step
// reversed. Hiding the part would mean every read knowing about the step in
// flight, and every chunk commits a sound workbook (its foreign keys hold:
// a chunk whose commit would leave a reference dangling is done again
// larger, see below). What keeps it from passing for final is the undo
// log: the step reads "Undoing: … (unfinished)" in `history` (Change.
// Unfinished), the undo and redo commands and the terminal workbook say
// so when one stops, and the next undo (or redo) finishes it rather than
// reversing anything else. A crash (SIGKILL) between or inside chunks
// leaves exactly such a state; it is finished by the next `undo` (of an
// unfinished undo; `redo` of a redo), not by opening the workbook, since
// a read-only command should not start seconds of writing.
//
// Rows of one step may refer to each other in ways only the whole step
// satisfies (a loaded workbook's "talk to X before Y" refers forward). A
// chunk whose commit fails on a foreign key is rolled back and done again
// with twice the rows, up to the rest of the step in one transaction, which
// is what a one-transaction undo does; only then is the failure a conflict.

const (
	// beingReversed holds for a step c that an unfinished undo or redo is
	// reversing (only an unfinished one targets a step still in effect).
	beingReversed = `EXISTS (SELECT 1 FROM changes p WHERE p.target_id = c.id AND p.kind IN ('undo', 'redo')
		AND p.undone = 0 AND p.is_open = 0)`
	// targetInEffect holds for an undo or redo c that has not yet marked its
	// target undone: c is unfinished.
	targetInEffect = `EXISTS (SELECT 1 FROM changes t WHERE t.id = c.target_id AND t.undone = 0)`
)

// undoChunkMin is the fewest rows a chunk of a large undo restores,
// however slow the machine; undoChunkStart is how many the first chunk
// restores, from which the chunks are sized to take about importChunk
// (up to importChunkRows): on a busy 2-core machine a first chunk of
// 10,000 took 0.9–1.3 s.
const (
	undoChunkMin   = 500
	undoChunkStart = 2000
)

// ErrUnfinished means an undo or redo done in chunks stopped midway (a
// conflict met, the disk full, ctrl+c): what it did is kept as an
// unfinished step, which undoing (redoing) again finishes. The cause (a
// conflict, a full disk, context.Canceled) is found by errors.Is too.
var ErrUnfinished = errors.New("undo or redo unfinished")

// errReplan says the step to reverse changed between the plan and the
// write lock (another process undid or did something): plan again.
var errReplan = errors.New("the step to reverse changed; plan again")

// errFinishedElsewhere says another process finished the reversal between
// two of this one's chunks.
var errFinishedElsewhere = errors.New("finished by another process")

// undoChunkLimit is the most rows a step may have and still be reversed in
// one transaction, and the most a chunk restores at first.
func (s *Store) undoChunkLimit() int {
	if s.undoChunkRows > 0 {
		return s.undoChunkRows
	}
	return importChunkRows
}

// reverseOne undoes or redoes the step only, or when only is 0 the next one
// in the undo log, finishing first an unfinished undo (redo) that is newer
// than it. A small step is reversed in one transaction (reverseAtOnce),
// exactly as before chunks existed; a large one in chunks.
func (s *Store) reverseOne(ctx context.Context, kind string, only int64) (model.Change, error) {
	for range 3 {
		p, err := s.planReversal(ctx, kind, only)
		if err != nil {
			return model.Change{}, err
		}
		if !p.chunked {
			return s.reverseAtOnce(ctx, kind, only)
		}
		ch, err := s.reverseInChunks(ctx, kind, only, p)
		if !errors.Is(err, errReplan) {
			return ch, err
		}
	}
	return s.reverseAtOnce(ctx, kind, only)
}

// reversalPlan is what reverseOne found on a snapshot of the workbook.
type reversalPlan struct {
	chunked bool
	// resume is the unfinished undo or redo to finish; ID 0 starts a new one.
	resume model.Change
	target model.Change
	rows   int // the target's captured rows
	done   int // of which a resumed reversal has restored so far
}

// planReversal decides, on a snapshot and without the write lock, what
// reverseOne does: finish an unfinished reversal, reverse a large step in
// chunks, or leave it to reverseAtOnce (a small step, or nothing to
// reverse: it says so).
func (s *Store) planReversal(ctx context.Context, kind string, only int64) (reversalPlan, error) {
	var p reversalPlan
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		target, err := reverseTarget(ctx, tx, kind, only)
		if err != nil && !errors.Is(err, ErrNothingToUndo) && !errors.Is(err, ErrNothingToRedo) {
			return err
		}
		if only == 0 {
			pending, ok, perr := pendingReversal(ctx, tx)
			if perr != nil {
				return perr
			}
			if ok && (err != nil || pending.ID > target.ID) {
				if pending.Kind != kind {
					return conflictf("cannot %s now: %s %q was interrupted and is unfinished; %s again to finish it first",
						kind, reversing(pending.Kind), pending.Summary, pending.Kind)
				}
				p.resume, p.chunked = pending, true
				if err := tx.QueryRowContext(ctx, "SELECT "+changeCols+" FROM changes WHERE id = ?", pending.TargetID).
					Scan(changeDest(&p.target)...); err != nil {
					return err
				}
				return tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM change_rows WHERE change_id = ?),
					(SELECT count(*) FROM change_rows WHERE change_id = ?)`, p.target.ID, pending.ID).Scan(&p.rows, &p.done)
			}
		}
		if err != nil {
			return nil // nothing to reverse: reverseAtOnce says so
		}
		p.target = target
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM change_rows WHERE change_id = ?", target.ID).Scan(&p.rows); err != nil {
			return err
		}
		p.chunked = p.rows > s.undoChunkLimit() && !target.Purged
		return nil
	})
	if err != nil {
		return reversalPlan{}, wrapf(err, "cannot %s", kind)
	}
	return p, nil
}

// reversing is the -ing form of undo or redo, for sentences.
func reversing(kind string) string {
	if kind == kindRedo {
		return "redoing"
	}
	return "undoing"
}

// pendingReversal is the newest unfinished undo or redo, if any.
func pendingReversal(ctx context.Context, q querier) (model.Change, bool, error) {
	var c model.Change
	err := q.QueryRowContext(ctx, `SELECT `+changeCols+` FROM changes c WHERE kind IN ('undo', 'redo') AND undone = 0 AND is_open = 0
		AND `+targetInEffect+` ORDER BY id DESC LIMIT 1`).Scan(changeDest(&c)...)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	return c, err == nil, err
}

// UnfinishedReversal returns the newest undo or redo of a large step that
// was cut short (the process killed or quit midway), marked Unfinished, and
// whether there is one: the terminal workbook says so when it opens, since
// what it shows is then part reversed. Undo (Redo, for a redo) finishes it.
func (s *Store) UnfinishedReversal(ctx context.Context) (model.Change, bool, error) {
	ch, ok, err := pendingReversal(ctx, s.r)
	if err != nil {
		return model.Change{}, false, fmt.Errorf("cannot read the undo log: %w", err)
	}
	ch.Unfinished = ok
	return ch, ok, nil
}

// checkStillInEffect checks that every row the target changed is still as
// the target left it (its last snapshot of each row), the check restoreRow
// makes row by row, for the whole step at once. Rows whose stored form
// differs from the snapshot as text (a column added since by a migration)
// are compared as restoreRow compares them.
func checkStillInEffect(ctx context.Context, tx *sql.Tx, target model.Change, kind string) error {
	tables, err := queryColumn[string](ctx, tx, "SELECT DISTINCT entity FROM change_rows WHERE change_id = ?", target.ID)
	if err != nil {
		return err
	}
	for _, table := range tables {
		cols, err := tableColumns(ctx, tx, table)
		if err != nil || len(cols) == 0 {
			return fmt.Errorf("the workbook has no table %q to restore", table)
		}
		name := quoteIdent(table)
		suspects, err := tx.QueryContext(ctx, `SELECT cr.id, cr.entity, cr.row_id, cr.before, cr.after FROM change_rows cr
			WHERE cr.change_id = ?1 AND cr.entity = ?2
			AND cr.id = (SELECT max(c2.id) FROM change_rows c2 WHERE c2.entity = cr.entity AND c2.row_id = cr.row_id AND c2.change_id = ?1)
			AND CASE WHEN cr.after IS NULL THEN EXISTS (SELECT 1 FROM `+name+` t WHERE t.id = cr.row_id)
				ELSE NOT EXISTS (SELECT 1 FROM `+name+` t WHERE t.id = cr.row_id AND `+rowJSON("t", cols)+` = cr.after) END`,
			target.ID, table)
		if err != nil {
			return err
		}
		var odd []changeRow
		for suspects.Next() {
			var r changeRow
			if err := suspects.Scan(&r.id, &r.entity, &r.rowID, &r.before, &r.after); err != nil {
				suspects.Close()
				return err
			}
			odd = append(odd, r)
		}
		if err := errors.Join(suspects.Err(), suspects.Close()); err != nil {
			return err
		}
		for _, r := range odd {
			current, err := currentRow(ctx, tx, table, cols, r.rowID)
			if err != nil {
				return err
			}
			after, err := decodeRow(r.after)
			if err != nil {
				return err
			}
			if !sameRow(current, after) {
				return changedSince(ctx, tx, r, target, kind)
			}
		}
	}
	return nil
}

// checkReferences refuses, before anything is written, a reversal whose
// end would leave a reference dangling, which one transaction would refuse
// at its commit: a row the step added (which goes) that a row made since
// refers to (a conversation logged with an imported person), or a row the
// step removed (which comes back) that refers to a row removed since. Left
// to the chunks, it would stop the reversal midway, after the chunks
// before it, with the step half reversed.
func checkReferences(ctx context.Context, tx *sql.Tx, target model.Change, kind string) error {
	tables, err := queryColumn[string](ctx, tx, "SELECT DISTINCT entity FROM change_rows WHERE change_id = ?", target.ID)
	if err != nil {
		return err
	}
	all, err := capturedTables(ctx, tx)
	if err != nil {
		return err
	}
	for _, child := range all {
		fks, err := foreignKeys(ctx, tx, child.name)
		if err != nil {
			return err
		}
		for _, fk := range fks {
			parent, col := quoteIdent(fk.parent), quoteIdent(fk.col)
			if slices.Contains(tables, fk.parent) {
				// A row the step added, referred to by a row the step
				// did not touch (a row it touched goes back to how it was).
				var dangling bool
				err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+quoteIdent(child.name)+` c
					WHERE c.`+col+` IN (SELECT row_id FROM change_rows WHERE change_id = ?1 AND entity = ?2 AND before IS NULL)
					AND NOT EXISTS (SELECT 1 FROM change_rows x WHERE x.entity = ?3 AND x.row_id = c.id AND x.change_id = ?1))`,
					target.ID, fk.parent, child.name).Scan(&dangling)
				if err != nil {
					return err
				}
				if dangling {
					return conflictf("cannot %s %q: records made since depend on it; undo or remove those first", kind, target.Summary)
				}
			}
			if slices.Contains(tables, child.name) {
				// A row the step removed, coming back, that refers to a row
				// neither there now nor coming back with it.
				var dangling bool
				ref := "json_extract(cr.before, '$." + strings.ReplaceAll(fk.col, "'", "''") + "')"
				err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM change_rows cr
					WHERE cr.change_id = ?1 AND cr.entity = ?2 AND cr.before IS NOT NULL AND cr.after IS NULL AND `+ref+` IS NOT NULL
					AND NOT EXISTS (SELECT 1 FROM `+parent+` p WHERE p.id = `+ref+`)
					AND NOT EXISTS (SELECT 1 FROM change_rows y WHERE y.entity = ?3 AND y.row_id = `+ref+` AND y.change_id = ?1))`,
					target.ID, child.name, fk.parent).Scan(&dangling)
				if err != nil {
					return err
				}
				if dangling {
					return conflictf("cannot %s %q: what it puts back refers to records removed since; undo their removal first", kind, target.Summary)
				}
			}
		}
	}
	return nil
}

// foreignKey is one column of a table that refers to another table's id.
type foreignKey struct{ col, parent string }

// foreignKeys lists a table's references.
func foreignKeys(ctx context.Context, q querier, table string) ([]foreignKey, error) {
	rows, err := q.QueryContext(ctx, `SELECT "from", "table" FROM pragma_foreign_key_list(?)`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []foreignKey
	for rows.Next() {
		var fk foreignKey
		if err := rows.Scan(&fk.col, &fk.parent); err != nil {
			return nil, err
		}
		out = append(out, fk)
	}
	return out, rows.Err()
}

// queryColumn runs a query of one column and returns its values in order.
func queryColumn[T any](ctx context.Context, q querier, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// chunkResult is what one chunk of a large undo did.
type chunkResult struct {
	done bool // the last chunk: the target is marked undone
	left int  // the target's rows still to restore after this chunk
	took time.Duration
}

// reverseInChunks undoes (or redoes) the large step p.target, or finishes
// the unfinished reversal p.resume, in chunks; see the top of this file.
// When it stops before the end (ctrl+c, a conflict met midway, a full
// disk), what is done stays as the unfinished step, and the error says so
// and that undoing (redoing) again finishes it.
func (s *Store) reverseInChunks(ctx context.Context, kind string, only int64, p reversalPlan) (model.Change, error) {
	// As for an import: a checkpoint at every commit would copy the growing
	// log into the workbook again and again; one at the end instead.
	if _, err := s.w.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err == nil {
		defer func() {
			_, _ = s.w.ExecContext(context.WithoutCancel(ctx), "PRAGMA wal_autocheckpoint = 1000")
			_, _ = s.w.ExecContext(context.WithoutCancel(ctx), "PRAGMA wal_checkpoint(PASSIVE)")
		}()
	}
	target, step := p.target, p.resume
	if step.ID == 0 {
		step.Kind = kind
	}
	s.tellProgress(step, target, p.done, p.rows)
	if step.ID == 0 {
		// Every row still as the step left it? Checked on a snapshot, with
		// no lock held, so that a conflict is found before anything is
		// written (each chunk checks its own rows again under the lock).
		err := s.readTx(ctx, func(tx *sql.Tx) error {
			if err := checkStillInEffect(ctx, tx, target, kind); err != nil {
				return err
			}
			return checkReferences(ctx, tx, target, kind)
		})
		if err != nil {
			return model.Change{}, wrapf(err, "cannot %s", kind)
		}
	}
	limit := s.undoChunkLimit()
	if s.undoChunkRows == 0 {
		limit = undoChunkStart
	}
	verify := step.ID != 0 // a reversal resumed checks its record once
	for chunk := 0; ; chunk++ {
		if chunk > 0 {
			if err := s.betweenUndoChunks(ctx, chunk); err != nil {
				return model.Change{}, s.stoppedReversal(ctx, step, target, err)
			}
		}
		var res chunkResult
		work := func(tx *sql.Tx, id int64) error {
			var err error
			res, err = reverseChunk(ctx, tx, id, target, kind, limit, verify)
			return err
		}
		var err error
		if step.ID == 0 {
			var ch model.Change
			ch, err = s.changeTx(ctx, changeSpec{kind: kind}, func(tx *sql.Tx, id int64) error {
				t, err := reverseTarget(ctx, tx, kind, only)
				if err != nil {
					return err
				}
				if t.ID != target.ID || t.Purged {
					return errReplan
				}
				if _, err := tx.ExecContext(ctx, "UPDATE changes SET target_id = ?, summary = ? WHERE id = ?", t.ID, t.Summary, id); err != nil {
					return err
				}
				return work(tx, id)
			})
			if err == nil {
				step = ch
			}
		} else {
			err = s.continueReversal(ctx, step.ID, target.ID, func(tx *sql.Tx) error { return work(tx, step.ID) })
		}
		switch {
		case errors.Is(err, errFinishedElsewhere):
			return finishedReversal(step, target), nil
		case isForeignKeyCommit(err) && res.left > 0:
			// The chunk ended between rows that refer to each other: do it
			// again with more of the step (nothing of it was kept).
			limit *= 2
			continue
		case err != nil && step.ID == 0:
			// Nothing was written: the error is that of an undo at once.
			if errors.Is(err, errReplan) || errors.Is(err, ErrNothingToUndo) || errors.Is(err, ErrNothingToRedo) {
				return model.Change{}, err
			}
			if isConstraint(err) {
				return model.Change{}, conflictf("cannot %s %q: records made since depend on it; undo or remove those first", kind, target.Summary)
			}
			return model.Change{}, wrapf(err, "cannot %s", kind)
		case err != nil:
			if isConstraint(err) {
				err = conflictf("records made since depend on what it restores; undo or remove those first")
			}
			return model.Change{}, s.stoppedReversal(ctx, step, target, err)
		}
		verify = false
		if res.done {
			return finishedReversal(step, target), nil
		}
		s.tellProgress(step, target, p.rows-res.left, p.rows)
		if s.undoChunkRows == 0 && res.took > 0 {
			// Aim each chunk at the import's budget: the machine and the
			// tables the step touched set how many rows that is.
			next := int(float64(limit) * float64(importChunk) / float64(res.took))
			limit = max(undoChunkMin, min(next, 2*limit, importChunkRows))
		}
	}
}

// OnReverseProgress sets fn to be told, after each chunk of an undo or redo
// done in chunks, which step it is (Unfinished, with the words of the step
// it reverses) and how many of that step's records are restored so far,
// out of total; the terminal workbook shows it on its status line. fn runs
// on the goroutine of the undo and must not call the Store.
func (s *Store) OnReverseProgress(fn func(step model.Change, done, total int)) {
	s.onReverse.Store(&fn)
}

// tellProgress tells OnReverseProgress's function, if any, that the
// reversal step of target has restored done of its total rows.
func (s *Store) tellProgress(step, target model.Change, done, total int) {
	if fn := s.onReverse.Load(); fn != nil {
		now := finishedReversal(step, target)
		now.Unfinished = true
		(*fn)(now, done, total)
	}
}

// finishedReversal is what Undo and Redo return for a reversal done in
// chunks: the step, with the words of the step it reversed.
func finishedReversal(step, target model.Change) model.Change {
	return model.Change{ID: step.ID, At: step.At, Kind: step.Kind, TargetID: target.ID, Summary: target.Summary}
}

// continueReversal runs fn in a transaction of its own that adds to the
// unfinished reversal id of target, as continueStep does for an import. A
// reversal that is no longer unfinished (another process finished it) is
// not added to: fn does not run and the error is errFinishedElsewhere.
func (s *Store) continueReversal(ctx context.Context, id, target int64, fn func(tx *sql.Tx) error) error {
	return s.rawTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE changes SET is_open = 1 WHERE id = ?1 AND is_open = 0 AND undone = 0
			AND EXISTS (SELECT 1 FROM changes t WHERE t.id = ?2 AND t.undone = 0)`, id, target)
		if err != nil {
			return fmt.Errorf("cannot continue an undo step: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errFinishedElsewhere
		}
		if err := fn(tx); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE changes SET is_open = 0 WHERE id = ?", id)
		return err
	})
}

// reverseChunk restores, inside tx, the next limit rows of target (newest
// first, below the ones the reversal step has already restored) and, when
// they are the last, marks the target undone and merges the search index.
// With verify it first checks that the rows the step holds are those of
// the target's newest (a reversal resumed after a crash).
func reverseChunk(ctx context.Context, tx *sql.Tx, step int64, target model.Change, kind string, limit int, verify bool) (chunkResult, error) {
	began := time.Now()
	var res chunkResult
	var done, total int
	var at time.Time
	err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM change_rows WHERE change_id = ?1),
		(SELECT count(*) FROM change_rows WHERE change_id = ?2), (SELECT at FROM changes WHERE id = ?1)`, step, target.ID).
		Scan(&done, &total, timestamp(&at))
	if err != nil {
		return res, err
	}
	if verify && done > 0 {
		var odd int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (
			SELECT entity, row_id FROM (SELECT entity, row_id FROM change_rows WHERE change_id = ?1 ORDER BY id DESC LIMIT ?2)
			EXCEPT SELECT entity, row_id FROM change_rows WHERE change_id = ?3)`, target.ID, done, step).Scan(&odd)
		if err != nil {
			return res, err
		}
		if odd > 0 || done > total {
			return res, fmt.Errorf("its record does not match the rows it has restored (%d of %d)", done, total)
		}
	}
	rows, err := stepRowsBelow(ctx, tx, target.ID, done, limit)
	if err != nil {
		return res, err
	}
	res.left = total - done - len(rows)
	// As in an undo at once: rows go back one statement at a time, and the
	// keys are checked when the chunk commits.
	if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
		return res, err
	}
	if len(rows) > 0 {
		sp := span{lo: rows[len(rows)-1].id, hi: rows[0].id, stepRows: total}
		evs, err := restoreRows(ctx, tx, target, kind, rows, sp)
		if err != nil {
			return res, err
		}
		// Every chunk's history carries the time the undo began, as an undo
		// at once writes all of it at one time.
		if err := insertHistory(ctx, tx, at, evs...); err != nil {
			return res, err
		}
	}
	if res.left == 0 {
		// The chunks that deleted with the index's secure-delete off left
		// the words in it; the merge drops them, once, at the end, in a
		// transaction of its own after the last rows (it rewrites the
		// whole index: 0.7–0.9 s on 200,000 people), which also marks the
		// step done, so a crash between the two leaves the step
		// unfinished and the next undo merges. A reversal that deletes
		// nothing (the redo of an undone import) has nothing to merge.
		merge, err := mergeDue(ctx, tx, target.ID, total)
		if err != nil {
			return res, err
		}
		if merge && len(rows) > 0 {
			res.took = time.Since(began)
			return res, nil
		}
		if merge {
			if err := mergeSearch(ctx, tx); err != nil {
				return res, err
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE changes SET undone = 1 WHERE id = ?", target.ID); err != nil {
			return res, err
		}
		res.done = true
	}
	res.took = time.Since(began)
	return res, nil
}

// mergeDue reports whether reversing the step (of total rows) deleted
// rows with the search index's secure-delete off, so that the index needs
// a merge at the end.
func mergeDue(ctx context.Context, tx *sql.Tx, target int64, total int) (bool, error) {
	var deletes bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM change_rows WHERE change_id = ? AND before IS NULL)", target).Scan(&deletes); err != nil {
		return false, err
	}
	if !deletes {
		return false, nil
	}
	return searchBatchSize(ctx, tx, total)
}

// stepRowsBelow is stepRows, newest first, for the limit rows of a step
// after its skip newest.
func stepRowsBelow(ctx context.Context, q querier, changeID int64, skip, limit int) ([]changeRow, error) {
	return queryChangeRows(ctx, q, `SELECT id, entity, row_id, before, after FROM change_rows WHERE change_id = ?
		ORDER BY id DESC LIMIT ? OFFSET ?`, changeID, limit, skip)
}

// isForeignKeyCommit reports a commit refused because a reference would be
// left dangling (the keys are checked at commit: defer_foreign_keys).
func isForeignKeyCommit(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
}

// betweenUndoChunks pauses between two chunks of a large undo, as between
// two of an import (importYield), or stops when ctx is done. Tests may run
// something in the gap (undoHook).
func (s *Store) betweenUndoChunks(ctx context.Context, done int) error {
	if s.undoHook != nil {
		if err := s.undoHook(done); err != nil {
			return err
		}
	}
	t := time.NewTimer(importYield)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// stoppedReversal says that a chunked undo (redo) stopped before the end,
// why, how far it got, and that what it did is kept as an unfinished step
// which undoing (redoing) again finishes.
func (s *Store) stoppedReversal(ctx context.Context, step, target model.Change, cause error) error {
	cause = s.faultError(cause)
	var done, total int
	_ = s.r.QueryRowContext(context.WithoutCancel(ctx), `SELECT (SELECT count(*) FROM change_rows WHERE change_id = ?),
		(SELECT count(*) FROM change_rows WHERE change_id = ?)`, step.ID, target.ID).Scan(&done, &total)
	why := cause.Error()
	if errors.Is(cause, context.Canceled) {
		why = "interrupted"
	}
	return newError(ErrUnfinished, cause, "%s %q stopped after %d of %d records (%s); what it did is kept as an unfinished %s, and %s again finishes it",
		reversing(step.Kind), target.Summary, done, total, why, step.Kind, step.Kind)
}
