package db

import (
	"context"
	"database/sql"
	"fmt"
)

// ExportSink receives the workbook from ExportTo one row at a time, table by
// table in the export's order (proposals, contacts, stakeholders,
// touchpoints, objections, blind_spots, history), each ordered by ID.
type ExportSink interface {
	// Table starts a table; its rows follow.
	Table(name string) error
	// Row is one row of the current table: a model value.
	Row(v any) error
}

// ExportTo streams the whole workbook into sink from one read transaction,
// as Export returns it, holding one row at a time: an export of 200,000
// conversations held every one of them, twice over, before writing a byte.
func (s *Store) ExportTo(ctx context.Context, sink ExportSink) error {
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		for _, step := range []func() error{
			func() error { return exportTable(ctx, tx, sink, proposalTable) },
			func() error { return exportTable(ctx, tx, sink, contactTable) },
			func() error { return exportTable(ctx, tx, sink, stakeholderTable) },
			func() error { return exportTable(ctx, tx, sink, touchpointTable) },
			func() error { return exportTable(ctx, tx, sink, objectionTable) },
			func() error { return exportTable(ctx, tx, sink, blindSpotTable) },
			func() error { return exportTable(ctx, tx, sink, historyTable) },
		} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return s.Damaged(wrapf(err, "cannot export the workbook"))
	}
	return nil
}

// exportTable streams one table.
func exportTable[T any](ctx context.Context, tx *sql.Tx, sink ExportSink, t *table[T]) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := sink.Table(t.name); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, t.selectSQL+" ORDER BY id")
	if err != nil {
		return fmt.Errorf("%s: %w", t.name, err)
	}
	defer rows.Close()
	var cur T
	d := t.dest(&cur)
	for rows.Next() {
		var zero T
		cur = zero
		if err := rows.Scan(d...); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
		if err := sink.Row(cur); err != nil {
			return err
		}
	}
	return rows.Err()
}
