package db

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"io"
)

// A sealed backup must never exist in plain on disk, not even for a moment
// in a temporary file: the folder may be synced, backed up by another tool,
// or left behind by a crash. So its bytes are read from the workbook page
// by page (SQLite's sqlite_dbpage table, inside one read transaction: a
// consistent snapshot, WAL included, that blocks no writer) and handed to a
// writer that encrypts them as they come. Nothing is held in memory beyond
// a page. (VACUUM INTO an in-memory database was tried first: it held the
// workbook up to three times over while memdb grew, 145 MB for a 38 MB
// workbook.) Unlike VACUUM INTO the pages are not repacked: whole free
// pages, which may still hold deleted text, are written as zeros, but what
// a deletion left inside a page still in use stays, as it does in the
// workbook file itself (purge rewrites the file without it).

// SealedFile is a file being written encrypted as it goes (internal/seal's
// File): Commit finishes it and puts it in place; Abort removes what was
// written.
type SealedFile interface {
	io.Writer
	Commit() error
	Abort()
}

// BackupTo writes a consistent, checked copy of the workbook into w, as the
// bytes of a SQLite file with its free pages zeroed, without the copy ever
// touching the disk. Restore reads it back like a copy made by Backup.
func (s *Store) BackupTo(ctx context.Context, w io.Writer) error {
	err := s.readTx(ctx, func(tx *sql.Tx) error { return streamPages(ctx, tx, w) })
	if isNotDatabase(err) {
		return s.Damaged(err)
	}
	if err != nil {
		return fmt.Errorf("cannot back up the workbook: %w", err)
	}
	return nil
}

// snapshotTo copies the database behind db into w in one read transaction.
func snapshotTo(ctx context.Context, db *sql.DB, w io.Writer) error {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return streamPages(ctx, tx, w)
}

// streamPages checks the snapshot q reads (quick_check: what is copied
// reads whole), then writes every page in order, free pages zeroed.
func streamPages(ctx context.Context, q querier, w io.Writer) error {
	var report string
	if err := q.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&report); err != nil {
		return err
	}
	if report != "ok" {
		return fmt.Errorf("the workbook does not read whole: %s", report)
	}
	free, err := freePages(ctx, q)
	if err != nil {
		return err
	}
	rows, err := q.QueryContext(ctx, "SELECT pgno, data FROM sqlite_dbpage('main') ORDER BY pgno")
	if err != nil {
		return err
	}
	defer rows.Close()
	var zero []byte
	for rows.Next() {
		var pgno int64
		var page sql.RawBytes
		if err := rows.Scan(&pgno, &page); err != nil {
			return err
		}
		keep, isFree := free[pgno]
		if !isFree {
			keep = len(page)
		}
		if _, err := w.Write(page[:keep]); err != nil {
			return err
		}
		if keep < len(page) {
			// A trunk page keeps its list of free pages (the first keep
			// bytes); a leaf page holds nothing SQLite reads.
			if len(zero) != len(page) {
				zero = make([]byte, len(page))
			}
			if _, err := w.Write(zero[keep:]); err != nil {
				return err
			}
		}
	}
	return rows.Err()
}

// freePages maps each page on the freelist to how many of its leading bytes
// SQLite reads: 0 for a leaf page, the pointer, count and list for a trunk
// page. The freelist is described in https://sqlite.org/fileformat.html:
// page 1 names the first trunk page (offset 32) and the number of free
// pages (offset 36); each trunk page starts with the next trunk's number,
// its count of leaves, then the leaves' numbers. A list that does not add
// up is left whole (nothing is zeroed): a wrong guess would lose data.
func freePages(ctx context.Context, q querier) (map[int64]int, error) {
	page := func(n int64) ([]byte, error) {
		var b []byte
		err := q.QueryRowContext(ctx, "SELECT data FROM sqlite_dbpage('main') WHERE pgno = ?", n).Scan(&b)
		return b, err
	}
	first, err := page(1)
	if err != nil {
		return nil, err
	}
	if len(first) < 100 {
		return nil, nil
	}
	trunk := int64(binary.BigEndian.Uint32(first[32:]))
	total := int(binary.BigEndian.Uint32(first[36:]))
	free := map[int64]int{}
	for trunk != 0 && len(free) <= total {
		if _, seen := free[trunk]; seen {
			return nil, nil // a loop: leave the copy whole
		}
		t, err := page(trunk)
		if err != nil {
			return nil, err
		}
		leaves := int(binary.BigEndian.Uint32(t[4:]))
		if 8+4*leaves > len(t) {
			return nil, nil
		}
		free[trunk] = 8 + 4*leaves
		for i := range leaves {
			free[int64(binary.BigEndian.Uint32(t[8+4*i:]))] = 0
		}
		trunk = int64(binary.BigEndian.Uint32(t[0:]))
	}
	if len(free) != total {
		return nil, nil
	}
	return free, nil
}
