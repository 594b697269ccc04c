package db

import (
	"context"
)

// queryAll runs a query and reads every row with dest, which says where
// each column goes. One destination list is reused for all rows and the
// result can be sized up front (hint), which matters when a proposal's log
// runs to tens of thousands of conversations.
func queryAll[T any](ctx context.Context, q querier, dest func(*T) []any, hint int, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]T, 0, hint)
	var cur T
	d := dest(&cur)
	for rows.Next() {
		var zero T
		cur = zero
		if err := rows.Scan(d...); err != nil {
			return nil, err
		}
		out = append(out, cur)
	}
	return out, rows.Err()
}
