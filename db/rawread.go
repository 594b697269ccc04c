package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
)

// LoadDossier reads tens of thousands of rows on every screen that shows a
// proposal. Going through database/sql costs about as much again as SQLite
// itself (a lock and a conversion per column), so LoadDossier talks to the
// driver connection directly, still inside one read-only transaction. These
// helpers are that path; everything else uses database/sql.

// readDriver runs fn in one read-only transaction on a reader connection,
// handing it the driver connection to query.
func (s *Store) readDriver(ctx context.Context, fn func(q driver.QueryerContext) error) error {
	conn, err := s.r.Conn(ctx)
	if err != nil {
		return fmt.Errorf("cannot read the workbook: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		q, ok := dc.(driver.QueryerContext)
		b, ok2 := dc.(driver.ConnBeginTx)
		if !ok || !ok2 {
			return errors.New("the SQLite driver cannot run queries directly")
		}
		tx, err := b.BeginTx(ctx, driver.TxOptions{ReadOnly: true})
		if err != nil {
			return fmt.Errorf("cannot read the workbook: %w", err)
		}
		if err := fn(q); err != nil {
			if rbErr := tx.Rollback(); rbErr != nil {
				// A connection stuck in a transaction must not go back
				// to the pool.
				return errors.Join(err, driver.ErrBadConn)
			}
			return err
		}
		return tx.Commit()
	})
}

// rawAll is queryAll on a driver connection.
func rawAll[T any](ctx context.Context, q driver.QueryerContext, dest func(*T) []any, hint int, query string, args ...any) ([]T, error) {
	return rawAppend(ctx, q, dest, make([]T, 0, hint), query, args...)
}

// rawAppend is rawAll appending to out, so a caller that reads many lists
// one after another and drops each before the next (a score-only list)
// can use one array for all of them.
func rawAppend[T any](ctx context.Context, q driver.QueryerContext, dest func(*T) []any, out []T, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, namedValues(args))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cur T
	d := dest(&cur)
	if n := len(rows.Columns()); n != len(d) {
		return nil, fmt.Errorf("query returns %d columns for %d destinations", n, len(d))
	}
	set := make([]func(any) error, len(d))
	for i, dst := range d {
		if set[i] = setterOf(dst); set[i] == nil {
			return nil, fmt.Errorf("column %s: cannot store into %T", rows.Columns()[i], dst)
		}
	}
	if direct, ok := directOf(ctx, rows); ok && directRead {
		return directAppend(&direct, &cur, d, set, rows.Columns(), out)
	}
	vals := make([]driver.Value, len(d))
	for {
		err := rows.Next(vals)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		var zero T
		cur = zero
		for i, v := range vals {
			if err := set[i](v); err != nil {
				return nil, fmt.Errorf("column %s: %w", rows.Columns()[i], err)
			}
		}
		out = append(out, cur)
	}
}

// directAppend is rawAppend's loop on the direct read: each row into cur
// (whose columns' destinations are d), appended to out.
func directAppend[T any](r *directRows, cur *T, d []any, set []func(any) error, cols []string, out []T) ([]T, error) {
	get := make([]func(*directRows, int32) error, len(d))
	for i, dst := range d {
		get[i] = directSetterOf(dst, set[i])
	}
	for {
		more, err := r.next()
		if err != nil {
			return nil, err
		}
		if !more {
			return out, nil
		}
		var zero T
		*cur = zero
		for i, g := range get {
			if err := g(r, int32(i)); err != nil {
				return nil, fmt.Errorf("column %s: %w", cols[i], err)
			}
		}
		out = append(out, *cur)
	}
}

// rawCount is countRows on a driver connection.
func rawCount(ctx context.Context, q driver.QueryerContext, query string, args ...any) (int, error) {
	var n int64
	counts, err := rawAll(ctx, q, func(p *int64) []any { return []any{p} }, 1, query, args...)
	if err == nil && len(counts) == 1 {
		n = counts[0]
	}
	return int(n), err
}

func namedValues(args []any) []driver.NamedValue {
	nv := make([]driver.NamedValue, len(args))
	for i, a := range args {
		nv[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return nv
}

// setterOf returns what stores a driver value into dst, for exactly the
// destination kinds the *Dest functions use (nil for any other). It is
// decided once per query, not per value: LoadDossier stores hundreds of
// thousands of values, and asking each destination its kind again (an
// interface conversion for the scanners) was a measurable share of that.
func setterOf(dst any) func(any) error {
	switch d := dst.(type) {
	case *string:
		return func(v any) error {
			switch s := v.(type) {
			case string:
				*d = s
			case []byte:
				*d = string(s)
			case nil:
				*d = ""
			default:
				return fmt.Errorf("expected text, got %T", v)
			}
			return nil
		}
	case *int64:
		return func(v any) error {
			n, ok := v.(int64)
			if !ok {
				return fmt.Errorf("expected an integer, got %T", v)
			}
			*d = n
			return nil
		}
	case *bool:
		return func(v any) error {
			n, ok := v.(int64)
			if !ok {
				return fmt.Errorf("expected 0 or 1, got %T", v)
			}
			*d = n != 0
			return nil
		}
	case sql.Scanner:
		return d.Scan
	}
	return nil
}
