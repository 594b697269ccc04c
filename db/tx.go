package db

import (
	"context"
	"database/sql"
	"fmt"
)

// querier is what *sql.DB and *sql.Tx have in common, so one helper serves
// both a plain read and a read inside a write transaction.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// WithTx runs fn as one user action: one write transaction on the writer
// connection, committed when fn returns nil; any error (or panic) rolls
// everything back. Every row fn inserts, updates or deletes is captured as
// one undo step (see changes.go), whose words fn may set with say; without
// them the step is described from its first row. The transaction begins
// IMMEDIATE, so it waits for another process's write to finish instead of
// failing later with "database is locked".
//
// Changes made through tx write no history unless fn writes it. fn must not
// call the Store's write methods (they would wait for the one writer
// connection fn holds), and the Store's read methods do not see fn's
// uncommitted changes.
//
// On a read-only workbook it refuses at once; a full disk or a workbook kept
// busy too long is said in one sentence (ErrDiskFull, ErrBusy).
func (s *Store) WithTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	_, err := s.changeTx(ctx, changeSpec{kind: kindDo}, func(tx *sql.Tx, _ int64) error { return fn(tx) })
	return err
}

// rawTx runs fn in a write transaction that is not a user action: nothing
// in it is captured for undo (drafts). changeTx builds on it.
func (s *Store) rawTx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	if s.readOnly != "" {
		return s.refuseWrite()
	}
	defer func() { err = s.faultError(err) }()
	tx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("cannot start a change to the workbook: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			_ = tx.Rollback()
		}
	}()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("cannot save the change to the workbook: %w", err)
	}
	committed = true
	return nil
}

// readTx runs fn in one read-only transaction on the reader pool: one
// consistent snapshot, and no write lock held.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("cannot read the workbook: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
