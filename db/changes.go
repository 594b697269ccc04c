// Long by design: the whole undo engine (steps, undo, redo, conflicts, the list) in one file so its invariants read together; capture.go writes the rows it replays.

package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/backchannel/backchannel/model"
)

// One user action is one transaction and one undo step. changeTx opens a
// row in changes at the start of the transaction; the capture triggers
// (capture.go) file every row the action touches under it; at the end the
// step gets its words and is closed. Undo applies a step's snapshots in
// reverse, inside a new step of its own, so the triggers record the undo
// too and redo is the undo of the undo.

const (
	kindDo   = model.ChangeDo
	kindUndo = model.ChangeUndo
	kindRedo = model.ChangeRedo
)

var (
	// ErrNothingToUndo means no action is left to undo.
	ErrNothingToUndo = errors.New("nothing to undo")
	// ErrNothingToRedo means no undone action can be redone.
	ErrNothingToRedo = errors.New("nothing to redo")
)

// changeSpec says what kind of step a transaction is.
type changeSpec struct {
	kind    string
	target  int64
	summary string
}

// changeTx runs fn in one write transaction recorded as one step; fn gets
// the step's id. A step that changed nothing leaves no trace.
func (s *Store) changeTx(ctx context.Context, spec changeSpec, fn func(tx *sql.Tx, changeID int64) error) (model.Change, error) {
	var ch model.Change
	err := s.rawTx(ctx, func(tx *sql.Tx) error {
		if spec.kind == kindDo {
			if err := refuseDuringLoad(ctx, tx); err != nil {
				return err
			}
		}
		at := s.clock()
		var id int64
		err := tx.QueryRowContext(ctx, `INSERT INTO changes (at, kind, target_id, summary, is_open)
			VALUES (?, ?, ?, ?, 1) RETURNING id`, stamp(at), spec.kind, nullID(spec.target), spec.summary).Scan(&id)
		if err != nil {
			return fmt.Errorf("cannot start an undo step: %w", err)
		}
		if err := fn(tx, id); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM change_rows WHERE change_id = ?", id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			_, err := tx.ExecContext(ctx, "DELETE FROM changes WHERE id = ?", id)
			return err
		}
		var summary string
		if err := tx.QueryRowContext(ctx, "SELECT summary FROM changes WHERE id = ?", id).Scan(&summary); err != nil {
			return err
		}
		if summary == "" {
			if summary, err = describeChange(ctx, tx, id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE changes SET is_open = 0, summary = ? WHERE id = ?", summary, id); err != nil {
			return err
		}
		ch = model.Change{ID: id, At: at, Kind: spec.kind, TargetID: spec.target, Summary: summary}
		return nil
	})
	return ch, err
}

// continueStep runs fn in a write transaction of its own that adds to the
// step id, which an earlier transaction (the first chunk of an import)
// opened and closed: the step is reopened so the capture triggers file fn's
// rows under it, and closed again at the end, so other actions can run in
// between as steps of their own. A step undone in the meantime (another
// process ran undo) is not added to: fn does not run and the error says so.
func (s *Store) continueStep(ctx context.Context, id int64, fn func(tx *sql.Tx) error) error {
	return s.rawTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE changes SET is_open = 1 WHERE id = ? AND is_open = 0 AND undone = 0", id)
		if err != nil {
			return fmt.Errorf("cannot continue an undo step: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return conflictf("it was undone by another command while it ran, so it stopped there")
		}
		if err := fn(tx); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE changes SET is_open = 0 WHERE id = ?", id)
		return err
	})
}

// say sets the words of the open step: what the user did, in the past tense
// and lower case ("added Dana Reyes to Follow-the-sun on-call").
func say(ctx context.Context, tx *sql.Tx, format string, args ...any) error {
	_, err := tx.ExecContext(ctx, "UPDATE changes SET summary = ? WHERE is_open = 1", model.Clean(fmt.Sprintf(format, args...)))
	return err
}

// changeRow is one captured row of a step.
type changeRow struct {
	id            int64
	entity        string
	rowID         int64
	before, after sql.NullString
}

func stepRows(ctx context.Context, q querier, changeID int64, newestFirst bool) ([]changeRow, error) {
	order := "ASC"
	if newestFirst {
		order = "DESC"
	}
	return queryChangeRows(ctx, q, "SELECT id, entity, row_id, before, after FROM change_rows WHERE change_id = ? ORDER BY id "+order, changeID)
}

// queryChangeRows reads captured rows (id, entity, row_id, before, after).
func queryChangeRows(ctx context.Context, q querier, query string, args ...any) ([]changeRow, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []changeRow
	for rows.Next() {
		var r changeRow
		if err := rows.Scan(&r.id, &r.entity, &r.rowID, &r.before, &r.after); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Undo reverses the most recent action (or redo) that is not yet undone, as
// a step of its own, and returns that step. It restores exactly the rows the
// action changed, ids included. If any of them was changed since (by a
// later action, another process or the user elsewhere), nothing is undone
// and the error says why in one sentence.
//
// Undoing a workbook load that a crash cut short also deletes the history
// it wrote, so the file can be loaded again (see ImportFrom).
func (s *Store) Undo(ctx context.Context) (model.Change, error) {
	ch, err := s.reverse(ctx, kindUndo)
	if err == nil {
		err = s.forgetUndoneLoad(ctx, ch)
	}
	return ch, err
}

// Redo re-applies the action most recently undone, as long as no new action
// has been made since the undo.
func (s *Store) Redo(ctx context.Context) (model.Change, error) {
	return s.reverse(ctx, kindRedo)
}

// reverse undoes (kind undo) or redoes (kind redo) one step.
func (s *Store) reverse(ctx context.Context, kind string) (model.Change, error) {
	return s.reverseOne(ctx, kind, 0)
}

// reverseStep undoes the step id, whichever step is the latest (a failed
// import takes back the chunks it wrote, though others may have saved
// something since).
func (s *Store) reverseStep(ctx context.Context, id int64) (model.Change, error) {
	return s.reverseOne(ctx, kindUndo, id)
}

// reverseAtOnce undoes or redoes the step only, or when only is 0 the one
// reverseTarget picks, in one transaction: every step small enough to hold
// the write lock for well under a second takes this path (see
// reverseInChunks for the large ones).
func (s *Store) reverseAtOnce(ctx context.Context, kind string, only int64) (model.Change, error) {
	var done model.Change
	ch, err := s.changeTx(ctx, changeSpec{kind: kind}, func(tx *sql.Tx, id int64) error {
		target, err := reverseTarget(ctx, tx, kind, only)
		if err != nil {
			return err
		}
		// Rows go back one at a time, so in between a reference can point
		// at a row not yet restored (an import's forward references, a
		// merge); the keys are checked when the whole step commits.
		if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
			return err
		}
		if target.Purged {
			return conflictf("cannot %s %q: purge erased its text for good", kind, target.Summary)
		}
		if _, err := tx.ExecContext(ctx, "UPDATE changes SET target_id = ?, summary = ? WHERE id = ?", target.ID, target.Summary, id); err != nil {
			return err
		}
		rows, err := stepRows(ctx, tx, target.ID, true)
		if err != nil {
			return err
		}
		evs, err := restoreRows(ctx, tx, target, kind, rows, wholeStep(len(rows)))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE changes SET undone = 1 WHERE id = ?", target.ID); err != nil {
			return err
		}
		done = target
		return insertHistory(ctx, tx, s.clock(), evs...)
	})
	if err != nil {
		if errors.Is(err, ErrNothingToUndo) || errors.Is(err, ErrNothingToRedo) {
			return model.Change{}, err
		}
		if isConstraint(err) {
			return model.Change{}, conflictf("cannot %s %q: records made since depend on it; undo or remove those first", kind, done.Summary)
		}
		return model.Change{}, wrapf(err, "cannot %s", kind)
	}
	if ch.ID == 0 { // the target changed no row: nothing visible happened
		ch = model.Change{Kind: kind, Summary: done.Summary, TargetID: done.ID}
	}
	return ch, nil
}

// span is the part of a step one transaction reverses: its captured rows
// with ids lo to hi, out of stepRows in the whole step (which decides
// whether the search index's deletes are batched), and whether this
// transaction also merges the index (the last, or only, one).
type span struct {
	lo, hi   int64
	stepRows int
	merge    bool
}

// wholeStep is the span of a step reversed in one transaction.
func wholeStep(n int) span { return span{lo: 0, hi: math.MaxInt64, stepRows: n, merge: true} }

// restoreRows puts the captured rows (newest first) of target back to their
// "before" state, inside tx: the rows a large step inserted or deleted go
// out or back in one statement per table where they can, the rest one at a
// time. It returns the history the restoration writes.
func restoreRows(ctx context.Context, tx *sql.Tx, target model.Change, kind string, rows []changeRow, sp span) ([]model.HistoryEvent, error) {
	bulk, evs, err := undoInsertsAtOnce(ctx, tx, target.ID, rows, sp)
	if err != nil {
		return nil, err
	}
	back, more, err := restoreDeletesAtOnce(ctx, tx, target.ID, rows, sp)
	if err != nil {
		return nil, err
	}
	maps.Copy(bulk, back)
	evs = append(evs, more...)
	for _, r := range rows {
		if bulk[r.id] {
			continue
		}
		ev, err := restoreRow(ctx, tx, r, target, kind)
		if err != nil {
			return nil, err
		}
		evs = append(evs, ev...)
	}
	return evs, nil
}

// reverseTarget finds the step that undo (or redo) would reverse. For undo
// it is the latest action or redo still in effect; for redo, the latest
// undo not yet redone, provided no new action came after it.
func reverseTarget(ctx context.Context, tx *sql.Tx, kind string, only int64) (model.Change, error) {
	var q string
	var none error
	if only != 0 {
		var c model.Change
		err := tx.QueryRowContext(ctx, `SELECT `+changeCols+` FROM changes WHERE id = ? AND kind IN ('do', 'redo') AND undone = 0 AND is_open = 0`,
			only).Scan(changeDest(&c)...)
		if errors.Is(err, sql.ErrNoRows) {
			return c, newError(ErrNothingToUndo, nil, "there is nothing to undo")
		}
		return c, err
	}
	// A step an unfinished undo or redo is reversing (reverseInChunks) is
	// neither undone again nor redone: the unfinished one is finished
	// first (pendingReversal).
	if kind == kindUndo {
		q = `SELECT ` + changeCols + ` FROM changes c WHERE kind IN ('do', 'redo') AND undone = 0 AND is_open = 0
			AND NOT ` + beingReversed + ` AND NOT (kind = 'redo' AND ` + targetInEffect + `)
			ORDER BY id DESC LIMIT 1`
		none = newError(ErrNothingToUndo, nil, "there is nothing to undo")
	} else {
		q = `SELECT ` + changeCols + ` FROM changes c WHERE kind = 'undo' AND undone = 0 AND is_open = 0
			AND NOT ` + beingReversed + ` AND NOT ` + targetInEffect + `
			AND NOT EXISTS (SELECT 1 FROM changes d WHERE d.kind = 'do' AND d.id > c.id AND d.is_open = 0)
			ORDER BY id DESC LIMIT 1`
		none = newError(ErrNothingToRedo, nil, "there is nothing to redo")
	}
	var c model.Change
	err := tx.QueryRowContext(ctx, q).Scan(changeDest(&c)...)
	if errors.Is(err, sql.ErrNoRows) {
		return c, none
	}
	return c, err
}

const changeCols = "id, at, kind, target_id, summary, undone, purged"

func changeDest(c *model.Change) []any {
	return []any{&c.ID, timestamp(&c.At), &c.Kind, optID(&c.TargetID), &c.Summary, &c.Undone, &c.Purged}
}

// restoreRow puts one captured row back to its "before" state, after
// checking that it is still in its "after" state. It returns the history
// the restoration writes.
func restoreRow(ctx context.Context, tx *sql.Tx, r changeRow, target model.Change, kind string) ([]model.HistoryEvent, error) {
	cols, err := tableColumns(ctx, tx, r.entity)
	if err != nil || len(cols) == 0 {
		return nil, fmt.Errorf("the workbook has no table %q to restore", r.entity)
	}
	current, err := currentRow(ctx, tx, r.entity, cols, r.rowID)
	if err != nil {
		return nil, err
	}
	after, err := decodeRow(r.after)
	if err != nil {
		return nil, err
	}
	before, err := decodeRow(r.before)
	if err != nil {
		return nil, err
	}
	if !sameRow(current, after) {
		return nil, changedSince(ctx, tx, r, target, kind)
	}
	name := quoteIdent(r.entity)
	switch {
	case before == nil:
		_, err = tx.ExecContext(ctx, "DELETE FROM "+name+" WHERE id = ?", r.rowID)
	case current == nil:
		keys := rowKeys(before, cols)
		_, err = tx.ExecContext(ctx, "INSERT INTO "+name+" ("+quoteAll(keys)+") SELECT "+extractAll(keys), r.before.String)
	default:
		keys := rowKeys(before, cols)
		_, err = tx.ExecContext(ctx, "UPDATE "+name+" SET ("+quoteAll(keys)+") = (SELECT "+extractAll(keys)+") WHERE id = ?",
			r.before.String, r.rowID)
	}
	if err != nil {
		if isConstraint(err) {
			return nil, conflictf("cannot %s %q: records made since depend on it; undo or remove those first", kind, target.Summary)
		}
		return nil, err
	}
	return restoreHistory(r.entity, r.rowID, current, before), nil
}

// bulkUndo is how many rows of one table a step must have inserted before
// undo takes them out in one statement rather than one by one.
const bulkUndo = 100

// undoInsertsAtOnce takes out, one DELETE per table, the rows a large step
// inserted (an import of thousands of people), when every one of them is
// still exactly as the step left it: one at a time, undoing a 20,000-person
// import took over a minute, each row read, compared and deleted by its own
// statements. A table where any row has changed since is left to restoreRow,
// which says which change stands in the way. It returns the change rows it
// handled and the history of the removals.
func undoInsertsAtOnce(ctx context.Context, tx *sql.Tx, changeID int64, rows []changeRow, sp span) (map[int64]bool, []model.HistoryEvent, error) {
	byTable := map[string][]changeRow{}
	for _, r := range rows {
		if !r.before.Valid && r.after.Valid {
			byTable[r.entity] = append(byTable[r.entity], r)
		}
	}
	done := map[int64]bool{}
	var evs []model.HistoryEvent
	batched := false
	for _, table := range slices.Sorted(maps.Keys(byTable)) {
		inserted := byTable[table]
		if len(inserted) < bulkUndo {
			continue
		}
		cols, err := tableColumns(ctx, tx, table)
		if err != nil || len(cols) == 0 {
			continue // restoreRow says what is wrong
		}
		name := quoteIdent(table)
		var changed int
		err = tx.QueryRowContext(ctx, `SELECT count(*) FROM change_rows cr WHERE cr.change_id = ? AND cr.entity = ? AND cr.before IS NULL
			AND cr.id BETWEEN ? AND ?
			AND NOT EXISTS (SELECT 1 FROM `+name+` t WHERE t.id = cr.row_id AND `+rowJSON("t", cols)+` = cr.after)`, changeID, table, sp.lo, sp.hi).Scan(&changed)
		if err != nil {
			return nil, nil, err
		}
		if changed > 0 {
			continue
		}
		if !batched {
			if batched, err = batchSearchDeletes(ctx, tx, sp.stepRows); err != nil {
				return nil, nil, err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+name+` WHERE id IN
			(SELECT row_id FROM change_rows WHERE change_id = ? AND entity = ? AND before IS NULL AND id BETWEEN ? AND ?)`,
			changeID, table, sp.lo, sp.hi); err != nil {
			if isConstraint(err) {
				return nil, nil, conflictf("records made since depend on what it added; undo or remove those first")
			}
			return nil, nil, err
		}
		for _, r := range inserted {
			after, err := decodeRow(r.after)
			if err != nil {
				return nil, nil, err
			}
			done[r.id] = true
			evs = append(evs, restoreHistory(table, r.rowID, after, nil)...)
		}
	}
	if batched {
		if err := endSearchBatch(ctx, tx, sp.merge); err != nil {
			return nil, nil, err
		}
	}
	return done, evs, nil
}

// restoreDeletesAtOnce puts back, one INSERT per table, the rows a large
// step deleted (the undo of an import, which redo reverses), when none of
// them exists again since: one at a time, redoing a 20,000-person import
// took 8.5 s holding the write lock. A table where any of them is back is
// left to restoreRow, which names the change in the way. It returns the
// change rows it handled and the history of the restorations.
func restoreDeletesAtOnce(ctx context.Context, tx *sql.Tx, changeID int64, rows []changeRow, sp span) (map[int64]bool, []model.HistoryEvent, error) {
	byTable := map[string][]changeRow{}
	for _, r := range rows {
		if r.before.Valid && !r.after.Valid {
			byTable[r.entity] = append(byTable[r.entity], r)
		}
	}
	done := map[int64]bool{}
	var evs []model.HistoryEvent
	for _, table := range slices.Sorted(maps.Keys(byTable)) {
		deleted := byTable[table]
		if len(deleted) < bulkUndo {
			continue
		}
		cols, err := tableColumns(ctx, tx, table)
		if err != nil || len(cols) == 0 {
			continue // restoreRow says what is wrong
		}
		first, err := decodeRow(deleted[0].before)
		if err != nil {
			return nil, nil, err
		}
		// The snapshots of one step come from one trigger, so they share
		// their columns; a later migration's column takes its default.
		keys := rowKeys(first, cols)
		name := quoteIdent(table)
		var back int
		err = tx.QueryRowContext(ctx, `SELECT count(*) FROM change_rows cr WHERE cr.change_id = ? AND cr.entity = ? AND cr.id BETWEEN ? AND ?
			AND cr.before IS NOT NULL AND cr.after IS NULL AND EXISTS (SELECT 1 FROM `+name+` t WHERE t.id = cr.row_id)`, changeID, table, sp.lo, sp.hi).Scan(&back)
		if err != nil {
			return nil, nil, err
		}
		if back > 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+name+` (`+quoteAll(keys)+`) SELECT `+extractFrom("cr.before", keys)+`
			FROM change_rows cr WHERE cr.change_id = ? AND cr.entity = ? AND cr.id BETWEEN ? AND ?
			AND cr.before IS NOT NULL AND cr.after IS NULL ORDER BY cr.id`,
			changeID, table, sp.lo, sp.hi); err != nil {
			if isConstraint(err) {
				return nil, nil, conflictf("records made since stand in the way of what it puts back; undo or remove those first")
			}
			return nil, nil, err
		}
		for _, r := range deleted {
			before, err := decodeRow(r.before)
			if err != nil {
				return nil, nil, err
			}
			done[r.id] = true
			evs = append(evs, restoreHistory(table, r.rowID, nil, before)...)
		}
	}
	return done, evs, nil
}

// batchSearchDeletes turns the full-text index's secure-delete off for the
// rest of the transaction when the step's rows are at least a quarter of
// the index, and reports whether it did; endSearchBatch then merges the
// index into one segment and turns it back on before the commit. With
// secure-delete each deleted row rewrites the index pages holding its words
// (about half of what undoing a large import cost: 20,000 people took
// 5.7 s, 0.7 s batched); without it a delete only files a tombstone, and the
// merge that follows drops the deleted words and the tombstones together, so
// deleted text still does not survive in the index. The merge rewrites the
// whole index, which is why a small step in a large workbook keeps the
// row-by-row secure delete.
func batchSearchDeletes(ctx context.Context, tx *sql.Tx, stepRows int) (bool, error) {
	batch, err := searchBatchSize(ctx, tx, stepRows)
	if err != nil || !batch {
		return false, err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO search (search, rank) VALUES ('secure-delete', 0)")
	return err == nil, err
}

// searchBatchSize reports whether a step of stepRows rows is large enough,
// against the full-text index, for its deletes to be batched.
func searchBatchSize(ctx context.Context, tx *sql.Tx, stepRows int) (bool, error) {
	var indexed int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM search_docsize").Scan(&indexed); err != nil {
		return false, err
	}
	return stepRows*4 >= indexed, nil
}

// endSearchBatch ends what batchSearchDeletes began: the index is merged
// (the deleted words leave it) when merge is set, and secure-delete is on
// again, in the same transaction, so a workbook never commits with it off.
// A chunk of a large undo that is not the last leaves the merge to the
// last one (reverseInChunks): merging rewrites the whole index, once.
func endSearchBatch(ctx context.Context, tx *sql.Tx, merge bool) error {
	if merge {
		if err := mergeSearch(ctx, tx); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO search (search, rank) VALUES ('secure-delete', 1)")
	return err
}

// mergeSearch merges the full-text index into one segment, which drops
// the words of deleted rows that a batched delete left behind.
func mergeSearch(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO search (search) VALUES ('optimize')")
	return err
}

// changedSince explains why a row cannot be restored: a later step changed it.
func changedSince(ctx context.Context, tx *sql.Tx, r changeRow, target model.Change, kind string) error {
	var later string
	err := tx.QueryRowContext(ctx, `SELECT c.summary FROM change_rows cr JOIN changes c ON c.id = cr.change_id
		WHERE cr.entity = ? AND cr.row_id = ? AND cr.change_id > ? AND c.is_open = 0 ORDER BY cr.id DESC LIMIT 1`,
		r.entity, r.rowID, target.ID).Scan(&later)
	if err == nil && later != "" {
		return conflictf("cannot %s %q: what it changed was changed since (%s); %s that first", kind, target.Summary, later, kind)
	}
	return conflictf("cannot %s %q: what it changed was changed since, outside backchannel's record", kind, target.Summary)
}

// currentRow reads a row as the JSON object the triggers write, or nil when
// the row does not exist.
func currentRow(ctx context.Context, tx *sql.Tx, table string, cols []string, id int64) (map[string]any, error) {
	var js string
	err := tx.QueryRowContext(ctx, "SELECT "+rowJSON(quoteIdent(table), cols)+" FROM "+quoteIdent(table)+" WHERE id = ?", id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return decodeRow(sql.NullString{String: js, Valid: true})
}

// decodeRow parses a snapshot; NULL is "no row".
func decodeRow(s sql.NullString) (map[string]any, error) {
	if !s.Valid {
		return nil, nil
	}
	d := json.NewDecoder(strings.NewReader(s.String))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, fmt.Errorf("an undo snapshot is damaged: %w", err)
	}
	return m, nil
}

// sameRow reports whether the stored row matches a snapshot on every column
// the snapshot has: a column added by a later migration does not count.
func sameRow(current, snap map[string]any) bool {
	if current == nil || snap == nil {
		return current == nil && snap == nil
	}
	for k, v := range snap {
		if fmt.Sprint(current[k]) != fmt.Sprint(v) {
			return false
		}
	}
	return true
}

// rowKeys lists the snapshot's columns that the table still has, in table
// order.
func rowKeys(snap map[string]any, cols []string) []string {
	var keys []string
	for _, c := range cols {
		if _, ok := snap[c]; ok {
			keys = append(keys, c)
		}
	}
	return keys
}

func quoteAll(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = quoteIdent(c)
	}
	return strings.Join(q, ", ")
}

// extractAll reads each column back out of the snapshot bound as ?1, with
// SQLite's own JSON types (integers stay integers for STRICT tables).
func extractAll(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = "json_extract(?1, '$." + strings.ReplaceAll(c, "'", "''") + "')"
	}
	return strings.Join(q, ", ")
}

// extractFrom reads each column out of the snapshot in the SQL expression
// src, as extractAll does for a bound one.
func extractFrom(src string, cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = "json_extract(" + src + ", '$." + strings.ReplaceAll(c, "'", "''") + "')"
	}
	return strings.Join(q, ", ")
}

// historyEntity names a table as history does.
func historyEntity(table string) string {
	switch table {
	case "proposals":
		return model.EntityProposal
	case "contacts":
		return model.EntityContact
	case "stakeholders":
		return model.EntityStakeholder
	case "touchpoints":
		return model.EntityTouchpoint
	case "objections":
		return model.EntityObjection
	case "blind_spots":
		return model.EntityBlindSpot
	}
	return strings.TrimSuffix(table, "s")
}

// historyField names a column as history does (stakeholder plan columns are
// "plan.x").
func historyField(table, col string) string {
	if table == "stakeholders" && strings.HasPrefix(col, "plan_") {
		return "plan." + strings.TrimPrefix(col, "plan_")
	}
	return col
}

// restoreHistory is the history an undo or redo writes for one row: the
// same old → new records an edit would, so trends and forum changes stay
// true after an undo.
func restoreHistory(table string, id int64, from, to map[string]any) []model.HistoryEvent {
	proposal := func(m map[string]any) int64 {
		if table == "proposals" {
			return id
		}
		if n, ok := m["proposal_id"].(json.Number); ok {
			v, _ := n.Int64()
			return v
		}
		return 0
	}
	entity := historyEntity(table)
	switch {
	case from == nil:
		return []model.HistoryEvent{{Entity: entity, EntityID: id, ProposalID: proposal(to), Action: model.ActionCreate, New: rowWords(to)}}
	case to == nil:
		return []model.HistoryEvent{{Entity: entity, EntityID: id, ProposalID: proposal(from), Action: model.ActionDelete, Old: rowWords(from)}}
	}
	var evs []model.HistoryEvent
	keys := make([]string, 0, len(to))
	for k := range to {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if k == "updated_at" || k == "created_at" {
			continue
		}
		o, n := valueText(from[k]), valueText(to[k])
		if o != n {
			evs = append(evs, model.HistoryEvent{Entity: entity, EntityID: id, ProposalID: proposal(to),
				Action: model.ActionUpdate, Field: historyField(table, k), Old: o, New: n})
		}
	}
	return evs
}

// rowWords is the short description history keeps of a created or deleted
// row: its name, title or text.
func rowWords(m map[string]any) string {
	for _, k := range []string{"name", "title", "text", "said", "date"} {
		if s, ok := m[k].(string); ok && s != "" {
			return summary(s)
		}
	}
	return ""
}

// valueText is a snapshot value as history text.
func valueText(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// ChangeFilter selects steps of the undo log; zero fields match everything.
type ChangeFilter struct {
	// ProposalID keeps steps that touched the proposal or its records.
	ProposalID int64
	// Limit keeps the most recent Limit steps; 0 means 50.
	Limit int
}

// ListChanges returns the undo log, newest first.
func (s *Store) ListChanges(ctx context.Context, f ChangeFilter) ([]model.Change, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	q := "SELECT " + changeCols + ", kind IN ('undo', 'redo') AND undone = 0 AND " + targetInEffect + " FROM changes c WHERE is_open = 0"
	args := []any{}
	if f.ProposalID != 0 {
		q += ` AND id IN (SELECT change_id FROM change_rows WHERE
			(entity = 'proposals' AND row_id = ?1)
			OR coalesce(json_extract(after, '$.proposal_id'), json_extract(before, '$.proposal_id')) = ?1)`
		args = append(args, f.ProposalID)
	}
	q += fmt.Sprintf(" ORDER BY id DESC LIMIT %d", limit)
	var out []model.Change
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryAll(ctx, tx, func(c *model.Change) []any { return append(changeDest(c), &c.Unfinished) }, 0, q, args...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("cannot read the undo log: %w", err)
	}
	return out, nil
}

// describeChange words a step that did not say what it was, from the first
// row it changed: "deleted the conversation with Dana Reyes on Wed 25 Nov".
func describeChange(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	rows, err := stepRows(ctx, tx, id, false)
	if err != nil || len(rows) == 0 {
		return "changed the workbook", err
	}
	r := rows[0]
	before, _ := decodeRow(r.before)
	after, _ := decodeRow(r.after)
	row, verb := after, "edited"
	switch {
	case before == nil:
		verb = "added"
	case after == nil:
		row, verb = before, "deleted"
	}
	str := func(k string) string { s, _ := row[k].(string); return s }
	num := func(k string) int64 {
		n, _ := row[k].(json.Number)
		v, _ := n.Int64()
		return v
	}
	var what string
	switch r.entity {
	case "touchpoints":
		if verb == "added" {
			verb = "logged"
		}
		what = fmt.Sprintf("the conversation with %s on %s", contactName(ctx, tx, num("contact_id")), humanDate(str("date")))
	case "stakeholders":
		if verb == "deleted" {
			verb = "removed"
		}
		what = fmt.Sprintf("%s on %s", contactName(ctx, tx, num("contact_id")), proposalTitle(ctx, tx, num("proposal_id")))
	case "contacts":
		if verb == "edited" && after["archived"] != before["archived"] {
			verb = map[bool]string{true: "archived", false: "unarchived"}[fmt.Sprint(after["archived"]) == "1"]
		}
		what = "contact " + str("name")
	case "proposals":
		switch {
		case verb == "added":
			verb = "created"
		case verb == "edited" && fmt.Sprint(after["status"]) != fmt.Sprint(before["status"]) &&
			(fmt.Sprint(after["status"]) == "archived" || fmt.Sprint(before["status"]) == "archived"):
			verb = map[bool]string{true: "archived", false: "unarchived"}[fmt.Sprint(after["status"]) == "archived"]
		}
		what = "proposal " + str("title")
	case "objections":
		what = fmt.Sprintf("the objection %q", summary(str("text")))
	case "blind_spots":
		what = fmt.Sprintf("the blind spot %q", summary(str("text")))
	default:
		what = "a " + strings.TrimSuffix(r.entity, "s")
	}
	words := verb + " " + what
	if verb == "edited" {
		if f := changedColumns(before, after); f != "" {
			words += " (" + f + ")"
		}
	}
	if len(rows) > 1 {
		words += fmt.Sprintf(" (%d records)", len(rows))
	}
	return words, nil
}

// changedColumns names the columns an edit changed, in words and table
// order of the snapshot's keys ("forum, decision date"), so the undo log
// says what an edit was, not only that there was one.
func changedColumns(before, after map[string]any) string {
	keys := make([]string, 0, len(after))
	for k := range after {
		if k == "updated_at" || k == "created_at" {
			continue
		}
		if fmt.Sprint(before[k]) != fmt.Sprint(after[k]) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for i, k := range keys {
		k = strings.TrimSuffix(k, "_id")
		k = strings.Replace(k, "plan_", "plan ", 1)
		keys[i] = strings.ReplaceAll(k, "_", " ")
	}
	return strings.Join(keys, ", ")
}

// contactName is a contact's name for a sentence, or "someone".
func contactName(ctx context.Context, q querier, id int64) string {
	var name string
	if err := q.QueryRowContext(ctx, "SELECT name FROM contacts WHERE id = ?", id).Scan(&name); err != nil || name == "" {
		return "someone"
	}
	return name
}

// proposalTitle is a proposal's title for a sentence.
func proposalTitle(ctx context.Context, q querier, id int64) string {
	var title string
	if err := q.QueryRowContext(ctx, "SELECT title FROM proposals WHERE id = ?", id).Scan(&title); err != nil || title == "" {
		return fmt.Sprintf("proposal %d", id)
	}
	return title
}

// humanDate formats a stored date as "Wed 25 Nov".
func humanDate(s string) string {
	y, m, d, ok := parseDate(s)
	if !ok {
		return s
	}
	return model.NewDate(y, time.Month(m), d).Human()
}

// isConstraint reports a failed constraint (a foreign key, most often).
func isConstraint(err error) bool {
	return sqliteCode(err)&0xff == 19 // SQLITE_CONSTRAINT and its extended codes
}
