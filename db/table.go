package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
)

// table is how one entity is stored. Its column list is the only one: every
// read (through database/sql, or the driver-level path LoadDossier takes),
// every insert and every update of the entity is built from it, so adding a
// column means touching cols, dest and args and nothing else.
type table[T any] struct {
	name string         // the SQL table
	noun string         // the entity in a sentence: "no blind spot with id 3"
	cols string         // every column, id first
	dest func(*T) []any // where each column of cols goes when read
	args func(T) []any  // each column's stored value, in the order of cols

	selectSQL string // SELECT cols FROM name
	insertSQL string // every column; an ID of 0 (NULL) lets SQLite choose
	updateSQL string // every column but id, then the id to update
}

func newTable[T any](name, noun, cols string, dest func(*T) []any, args func(T) []any) *table[T] {
	first, rest, ok := strings.Cut(cols, ",")
	if !ok || strings.TrimSpace(first) != "id" {
		panic("db: the columns of " + name + " must start with id")
	}
	n := strings.Count(cols, ",") + 1
	return &table[T]{
		name: name, noun: noun, cols: cols, dest: dest, args: args,
		selectSQL: "SELECT " + cols + " FROM " + name,
		insertSQL: "INSERT INTO " + name + " (" + cols + ") VALUES (" + placeholders(n) + ")",
		updateSQL: "UPDATE " + name + " SET (" + rest + ") = (" + placeholders(n-1) + ") WHERE id = ?",
	}
}

// get reads the row with the given ID; a missing row is ErrNotFound.
func (t *table[T]) get(ctx context.Context, q querier, id int64) (T, error) {
	var v T
	err := q.QueryRowContext(ctx, t.selectSQL+" WHERE id = ?", id).Scan(t.dest(&v)...)
	if errors.Is(err, sql.ErrNoRows) {
		return v, notFoundf("no %s with id %d", t.noun, id)
	}
	if err != nil {
		return v, fmt.Errorf("cannot read %s %d: %w", t.noun, id, err)
	}
	return v, nil
}

// query reads every row of the table that the rest of the statement (a
// WHERE and ORDER BY, or nothing) selects.
func (t *table[T]) query(ctx context.Context, q querier, rest string, args ...any) ([]T, error) {
	return queryAll(ctx, q, t.dest, 0, t.selectSQL+" "+rest, args...)
}

// rawQuery is query on a driver connection (rawread.go), with room for hint
// rows made up front.
func (t *table[T]) rawQuery(ctx context.Context, q driver.QueryerContext, hint int, rest string, args ...any) ([]T, error) {
	return rawAll(ctx, q, t.dest, hint, t.selectSQL+" "+rest, args...)
}

// ofProposal narrows a query to one proposal's rows, by ID; proposalID 0
// means every proposal's.
func ofProposal(proposalID int64) (rest string, args []any) {
	if proposalID == 0 {
		return "ORDER BY id", nil
	}
	return "WHERE proposal_id = ? ORDER BY id", []any{proposalID}
}

// insert stores v as a new row and returns its ID.
func (t *table[T]) insert(ctx context.Context, q querier, v T) (int64, error) {
	res, err := q.ExecContext(ctx, t.insertSQL, t.args(v)...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// update writes every column of v over the row with v's ID. The caller has
// read that row, so v carries its ID and creation time.
func (t *table[T]) update(ctx context.Context, q querier, v T) error {
	args := t.args(v) // id first; updateSQL wants it last
	_, err := q.ExecContext(ctx, t.updateSQL, append(args[1:], args[0])...)
	return err
}
