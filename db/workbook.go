package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// Empty reports whether the workbook has no proposals and no contacts.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	empty, err := exists(ctx, s.r, "SELECT NOT EXISTS (SELECT 1 FROM proposals) AND NOT EXISTS (SELECT 1 FROM contacts)")
	if err != nil {
		return false, fmt.Errorf("cannot read the workbook: %w", err)
	}
	return empty, nil
}

// Backup writes a consistent copy of the workbook to dest (mode 0600). It
// refuses to overwrite an existing file.
func (s *Store) Backup(ctx context.Context, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("cannot resolve backup path %q: %w", dest, err)
	}
	err = vacuumInto(ctx, s.w, abs)
	if err == nil {
		// The copy is what a restore will rely on: prove it reads whole.
		if err = checkCopy(ctx, abs); err != nil {
			_ = os.Remove(abs)
			return err
		}
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return conflictf("%s already exists; choose a new name for the backup", abs)
	case errors.Is(err, ErrNotWorkbook):
		return err
	case isNotDatabase(err):
		return s.Damaged(err)
	case err != nil:
		return fmt.Errorf("cannot back up the workbook to %s: %w", abs, unwrapPath(err))
	}
	return nil
}

// Export returns the whole workbook, every table ordered by ID, read in one
// transaction.
func (s *Store) Export(ctx context.Context) (model.Workbook, error) {
	wb := model.Workbook{Format: model.WorkbookFormat, Version: model.WorkbookVersion}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		if wb.Proposals, err = proposalTable.query(ctx, tx, "ORDER BY id"); err != nil {
			return err
		}
		if wb.Contacts, err = contactTable.query(ctx, tx, "ORDER BY id"); err != nil {
			return err
		}
		if wb.Stakeholders, err = stakeholderTable.query(ctx, tx, "ORDER BY id"); err != nil {
			return err
		}
		if wb.Touchpoints, err = touchpointTable.query(ctx, tx, "ORDER BY id"); err != nil {
			return err
		}
		if wb.Objections, err = objectionTable.query(ctx, tx, "ORDER BY id"); err != nil {
			return err
		}
		if wb.BlindSpots, err = blindSpotTable.query(ctx, tx, "ORDER BY id"); err != nil {
			return err
		}
		wb.History, err = historyTable.query(ctx, tx, "ORDER BY id")
		return err
	})
	if err != nil {
		return model.Workbook{}, fmt.Errorf("cannot export the workbook: %w", err)
	}
	// Empty tables export as [] rather than null, which reads better.
	wb.Proposals = nonNil(wb.Proposals)
	wb.Contacts = nonNil(wb.Contacts)
	wb.Stakeholders = nonNil(wb.Stakeholders)
	wb.Touchpoints = nonNil(wb.Touchpoints)
	wb.Objections = nonNil(wb.Objections)
	wb.BlindSpots = nonNil(wb.BlindSpots)
	wb.History = nonNil(wb.History)
	return wb, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Import loads a whole exported workbook, held in memory, into this one:
// ImportFrom with the workbook as its source.
func (s *Store) Import(ctx context.Context, wb model.Workbook) error {
	_, err := s.ImportFrom(ctx, WorkbookSource(wb))
	return err
}

// insertRowsAt writes one table's rows, many to a statement: each statement
// that fires the search triggers makes FTS5 flush its pending terms, so a
// row a statement made a whole-workbook load spend a third of its time
// flushing tiny index segments. An error names the row as the export file
// does ("stakeholders[3]"): a failed batch changed nothing (a statement is
// atomic) and is written again row by row to find it.
//
// The rows start at element first of the file's array, so that an error
// names the element as the file does.
func insertRowsAt[T any](ctx context.Context, tx *sql.Tx, t *table[T], rows []T, first int) error {
	if len(rows) == 0 {
		return nil
	}
	ncols := strings.Count(t.cols, ",") + 1
	per := max(1, min(insertBatch, maxBindings/ncols))
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	for start := 0; start < len(rows); start += per {
		batch := rows[start:min(start+per, len(rows))]
		if len(batch) == per && full == nil && per > 1 {
			stmt, err := tx.PrepareContext(ctx, batchInsertSQL(t, ncols, per))
			if err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
			full = stmt
		}
		args := make([]any, 0, len(batch)*ncols)
		for _, r := range batch {
			args = append(args, t.args(r)...)
		}
		var err error
		if len(batch) == per && per > 1 {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, batchInsertSQL(t, ncols, len(batch)), args...)
		}
		if err == nil {
			continue
		}
		for i, r := range batch {
			if _, err := tx.ExecContext(ctx, t.insertSQL, t.args(r)...); err != nil {
				return fmt.Errorf("%s[%d]: %w", t.name, first+start+i, err)
			}
		}
		return fmt.Errorf("%s[%d…%d]: %w", t.name, first+start, first+start+len(batch)-1, err)
	}
	return nil
}

// Batches of rows per INSERT: large enough that the per-statement costs
// (a savepoint, an FTS5 flush, a trip through database/sql) are shared, and
// within SQLite's limit on bound parameters.
const (
	insertBatch = 200
	maxBindings = 32000
)

// batchInsertSQL is t's INSERT with n rows of values.
func batchInsertSQL[T any](t *table[T], ncols, n int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + t.name + " (" + t.cols + ") VALUES ")
	row := "(" + placeholders(ncols) + ")"
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(row)
	}
	return b.String()
}

var (
	historyEntities = []string{model.EntityProposal, model.EntityContact, model.EntityStakeholder,
		model.EntityTouchpoint, model.EntityObjection, model.EntityBlindSpot}
	historyActions = []string{model.ActionCreate, model.ActionUpdate, model.ActionArchive, model.ActionDelete}
)

// labelled prefixes a reference error with the field it is about.
func labelled(field string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", field, err)
}

func rowError(table string, i int, err error) error { return fmt.Errorf("%s[%d]: %w", table, i, err) }

func firstOf(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func uniqueID(seen map[int64]bool, id int64) error {
	if id <= 0 {
		return fmt.Errorf("id must be a positive number, got %d", id)
	}
	if seen[id] {
		return fmt.Errorf("id %d appears twice", id)
	}
	seen[id] = true
	return nil
}

func refTo(what string, id int64, ids map[int64]bool) error {
	if !ids[id] {
		return fmt.Errorf("no %s with id %d", what, id)
	}
	return nil
}

func optRefTo(what string, id int64, ids map[int64]bool) error {
	if id == 0 {
		return nil
	}
	return refTo(what, id, ids)
}

// onProposal checks an optional stakeholder reference that must stay within
// one proposal.
func onProposal(what string, id, proposalID int64, stakes map[int64]stakeRef) error {
	if id == 0 {
		return nil
	}
	st, ok := stakes[id]
	if !ok {
		return fmt.Errorf("%s: no stakeholder with id %d", what, id)
	}
	if st.proposalID != proposalID {
		return fmt.Errorf("%s: stakeholder %d is on proposal %d, not %d", what, id, st.proposalID, proposalID)
	}
	return nil
}

func talkOnProposal(id, proposalID int64, talks map[int64]int64) error {
	if id == 0 {
		return nil
	}
	about, ok := talks[id]
	if !ok {
		return fmt.Errorf("touchpoint_id: no conversation with id %d", id)
	}
	if about != proposalID {
		return fmt.Errorf("touchpoint_id: conversation %d is about proposal %d, not %d", id, about, proposalID)
	}
	return nil
}

func oneOf(what, v string, valid []string) error {
	if !slices.Contains(valid, v) {
		return fmt.Errorf("unknown %s %q", what, v)
	}
	return nil
}
