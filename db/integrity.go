package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Integrity checks run where a fault can enter or must not spread: after a
// schema migration, on the copy a backup writes, after a whole-workbook or
// contacts import, and when the user asks (`backchannel check`). They used
// to run on every open, where PRAGMA quick_check read the whole file (about
// 2.7 ms per MB): 85% of a brief and 90% of a logged conversation on a
// workbook of 200,000 conversations. A fault met by an ordinary read is
// still one sentence (Damaged).

// Check verifies the whole workbook: SQLite's integrity_check (every page,
// every index against its table) and every foreign key. It returns nil, or
// the one sentence that says the workbook is damaged and how to restore it.
func (s *Store) Check(ctx context.Context) error {
	conn, err := s.r.Conn(ctx)
	if err != nil {
		return s.Damaged(fmt.Errorf("cannot check the workbook: %w", err))
	}
	defer conn.Close()
	report, err := pragmaReport(ctx, conn, "PRAGMA integrity_check(3)")
	if err != nil {
		return s.Damaged(fmt.Errorf("cannot check the workbook: %w", err))
	}
	if report != "ok" {
		return damaged(s.path, report)
	}
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM pragma_foreign_key_check").Scan(&n); err != nil {
		return s.Damaged(fmt.Errorf("cannot check the workbook's references: %w", err))
	}
	if n > 0 {
		return damaged(s.path, fmt.Sprintf("%d rows refer to records that do not exist", n))
	}
	return nil
}

// Damaged turns an error from SQLite finding the file corrupt, met by any
// read or write, into the one sentence for a damaged workbook; any other
// error is returned as it is.
func (s *Store) Damaged(err error) error {
	if err == nil || !isNotDatabase(err) {
		return err
	}
	var se *storeError
	if errors.As(err, &se) && errors.Is(err, ErrNotWorkbook) {
		return err
	}
	return damaged(s.path, sqliteWords(err))
}

// sqliteWords is SQLite's own words for a fault, on one line.
func sqliteWords(err error) string {
	var words []string
	for e := err; e != nil; e = errors.Unwrap(e) {
		if sqliteCode(e) != 0 && errors.Unwrap(e) == nil {
			words = strings.Fields(e.Error())
		}
	}
	if words == nil {
		words = strings.Fields(err.Error())
	}
	return strings.Join(words, " ")
}

// quickCheck asks SQLite to verify the file's structure (PRAGMA
// quick_check: every page, not the indexes' content). SQLite's report can
// span lines; it is folded into the one sentence, which ends by saying what
// to do.
func quickCheck(ctx context.Context, db *sql.DB, abs string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	report, err := pragmaReport(ctx, conn, "PRAGMA quick_check(3)")
	if err != nil {
		if isNotDatabase(err) {
			return damaged(abs, sqliteWords(err))
		}
		return err
	}
	if report != "ok" {
		return damaged(abs, report)
	}
	return nil
}

// pragmaReport runs a checking pragma on one connection and folds its
// lines into one. It first reads the full-text index through that
// connection: FTS5 keeps the index's structure per connection, and the
// check of a connection that last read the index before another one
// rewrote it (an import's writer; a second import in the terminal
// workbook) compares the pages against the old structure and reports
// "fts5: checksum mismatch" on a sound file. Reading it reloads the
// structure. (A workbook from before the index has no table to read.)
func pragmaReport(ctx context.Context, conn *sql.Conn, pragma string) (string, error) {
	// One read transaction: the structure read is the one checked.
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM pragma_table_list WHERE name = 'search'").Scan(&n); err != nil {
		return "", err
	}
	if n > 0 {
		_ = tx.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT rowid FROM search LIMIT 1)").Scan(&n)
	}
	rows, err := tx.QueryContext(ctx, pragma)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", err
		}
		lines = append(lines, strings.Fields(line)...)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return strings.Join(lines, " "), nil
}

// checkCopy quick-checks a file the store has just written (a backup), on a
// connection of its own that only reads it.
func checkCopy(ctx context.Context, path string) error {
	c, err := openPool(dsn(path, connReadOnly, DefaultBusyWait), 1)
	if err != nil {
		return err
	}
	defer c.Close()
	return quickCheck(ctx, c, path)
}
