package db

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// The capture triggers copy every row a user action changes into
// change_rows, as JSON snapshots of the whole row before and after. They are
// generated from the schema itself (not written by hand in a migration), so
// a column or table added by a later migration is captured without anyone
// remembering to: syncCapture runs at the end of every migration.

// uncaptured lists the tables undo does not restore: the logs themselves,
// drafts, and the readiness cache, which are not workbook facts (an undo
// that restored a cached score would restore a stale one).
var uncaptured = []string{"history", "changes", "change_rows", "drafts", "readiness_cache"}

// capturePrefix names every generated trigger, so they can be found and
// replaced as a set.
const capturePrefix = "capture_"

// capturedTable is one table whose rows undo restores.
type capturedTable struct {
	name string
	cols []string // in table order; "id" among them
}

// capturedTables lists the ordinary tables of the workbook that hold
// workbook facts, with their columns. Virtual tables (full-text indexes) and
// their shadow tables are left out: they are maintained from the tables
// that are captured.
func capturedTables(ctx context.Context, q querier) ([]capturedTable, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM pragma_table_list
		WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("cannot list the workbook's tables: %w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		if !slices.Contains(uncaptured, n) {
			names = append(names, n)
		}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	out := make([]capturedTable, 0, len(names))
	for _, n := range names {
		cols, err := tableColumns(ctx, q, n)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(cols, "id") {
			return nil, fmt.Errorf("table %s has no id column, so undo cannot restore its rows", n)
		}
		out = append(out, capturedTable{name: n, cols: cols})
	}
	return out, nil
}

// tableColumns lists a table's columns in order.
func tableColumns(ctx context.Context, q querier, table string) ([]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT name FROM pragma_table_info(?) ORDER BY cid", table)
	if err != nil {
		return nil, fmt.Errorf("cannot read the columns of %s: %w", table, err)
	}
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return nil, err
		}
		cols = append(cols, c)
	}
	return cols, errors.Join(rows.Err(), rows.Close())
}

// rowJSON is the SQL expression that turns a row (NEW, OLD or the table
// itself) into the JSON object change_rows stores.
func rowJSON(alias string, cols []string) string {
	var b strings.Builder
	b.WriteString("json_object(")
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "'%s', %s.%s", c, alias, quoteIdent(c))
	}
	b.WriteString(")")
	return b.String()
}

// quoteIdent quotes an SQL identifier.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// captureTriggers returns the CREATE TRIGGER statements for one table.
func captureTriggers(t capturedTable) []string {
	const open = "(SELECT id FROM changes WHERE is_open = 1)"
	when := "WHEN EXISTS (SELECT 1 FROM changes WHERE is_open = 1)"
	name := quoteIdent(t.name)
	lit := "'" + strings.ReplaceAll(t.name, "'", "''") + "'"
	mk := func(event, rowID, before, after string) string {
		return fmt.Sprintf("CREATE TRIGGER %s AFTER %s ON %s %s\nBEGIN\n"+
			"\tINSERT INTO change_rows (change_id, entity, row_id, before, after) VALUES (%s, %s, %s, %s, %s);\nEND",
			quoteIdent(capturePrefix+t.name+"_"+strings.ToLower(event)), event, name, when, open, lit, rowID, before, after)
	}
	return []string{
		mk("INSERT", "NEW.id", "NULL", rowJSON("NEW", t.cols)),
		mk("UPDATE", "NEW.id", rowJSON("OLD", t.cols), rowJSON("NEW", t.cols)),
		mk("DELETE", "OLD.id", rowJSON("OLD", t.cols), "NULL"),
	}
}

// syncCapture replaces every capture trigger with ones generated from the
// schema as it is now. It runs inside the migration transaction.
func syncCapture(ctx context.Context, q querier) error {
	rows, err := q.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name GLOB ?", capturePrefix+"*")
	if err != nil {
		return err
	}
	var old []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		old = append(old, n)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, n := range old {
		if _, err := q.ExecContext(ctx, "DROP TRIGGER "+quoteIdent(n)); err != nil {
			return err
		}
	}
	tables, err := capturedTables(ctx, q)
	if err != nil {
		return err
	}
	for _, t := range tables {
		for _, stmt := range captureTriggers(t) {
			if _, err := q.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("cannot set up undo for %s: %w", t.name, err)
			}
		}
	}
	return nil
}
