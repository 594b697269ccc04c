package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"

	sqlite3 "modernc.org/sqlite/lib"
)

// openReadOnly opens a workbook that cannot be written (why says why) for
// reading only: no migration, no schema upkeep, no -wal checkpoint. When
// SQLite cannot even make its -shm file (a read-only folder, a full disk)
// and no write-ahead log is waiting to be read, the file is opened as
// immutable, which needs no side files at all.
func openReadOnly(ctx context.Context, abs string, o Options, latest int, why string) (*Store, error) {
	var lastErr error
	for _, kind := range []connKind{connReadOnly, connImmutable} {
		if kind == connImmutable && pendingLog(abs) {
			break
		}
		r, err := openPool(withReadCache(dsn(abs, kind, o.BusyWait), o.ReadCacheKiB), readConns)
		if err != nil {
			return nil, err
		}
		if err := checkReadable(ctx, r, abs, latest); err != nil {
			_ = r.Close()
			var se *storeError
			if errors.As(err, &se) {
				return nil, err
			}
			lastErr = err
			continue
		}
		// Backups (VACUUM INTO another file) are how data gets off a full
		// or read-only disk, so they get their own connection without the
		// query_only guard; mode=ro still keeps the workbook itself as is,
		// and every write through the Store is refused before it starts.
		w, err := openPool(strings.Replace(dsn(abs, kind, o.BusyWait), "&_pragma=query_only(ON)", "", 1), 1)
		if err != nil {
			_ = r.Close()
			return nil, err
		}
		return &Store{path: abs, w: w, r: r, now: o.Now, busy: o.BusyWait, readOnly: why}, nil
	}
	return nil, fmt.Errorf("cannot open workbook %s for reading (%s): %w", abs, why, lastErr)
}

// pendingLog reports whether a write-ahead log with content sits beside the
// workbook: an immutable open would not see what it holds.
func pendingLog(abs string) bool {
	fi, err := os.Stat(abs + "-wal")
	return err == nil && fi.Size() > 0
}

// checkReadable is migrate's check for a workbook that cannot be changed: it
// must already be at this build's schema, since it cannot be upgraded.
func checkReadable(ctx context.Context, db *sql.DB, abs string, latest int) error {
	st, err := readState(ctx, db)
	if err != nil {
		return err
	}
	if err := st.check(abs, latest); err != nil {
		return err
	}
	if st.version == 0 && st.objects == 0 {
		return newError(ErrReadOnly, nil, "%s is an empty file that cannot be written, so it cannot become a workbook", abs)
	}
	if st.version < latest {
		return newError(ErrReadOnly, nil,
			"%s needs its schema upgraded (version %d to %d) and cannot be written; make it and its folder writable once and open it again", abs, st.version, latest)
	}
	// No integrity check on open (see integrity.go), but the first read
	// proves the file is a database at all.
	return nil
}

// ReadOnly says why the workbook was opened read-only ("the disk is full"),
// or "" when it can be written.
func (s *Store) ReadOnly() string { return s.readOnly }

// Notes are one-line messages about what opening the workbook did or found
// (permissions tightened, opened read-only), for the user to see once.
func (s *Store) Notes() []string { return append([]string(nil), s.notes...) }

// refuseWrite is the one sentence every write gets on a read-only workbook.
func (s *Store) refuseWrite() error {
	return newError(ErrReadOnly, nil, "nothing was changed: the workbook is read-only (%s)", s.readOnly)
}

// writeFault reports whether err is SQLite failing to write a file: the
// disk is full, or an I/O error such as a -shm file that cannot grow.
func writeFault(err error) bool {
	c := sqliteCode(err)
	return c == sqlite3.SQLITE_FULL || c == sqlite3.SQLITE_IOERR || c == sqlite3.SQLITE_CANTOPEN ||
		errors.Is(err, syscall.ENOSPC)
}

// isReadOnlyFS reports a file system mounted read-only.
func isReadOnlyFS(err error) bool { return errors.Is(err, syscall.EROFS) }

// faultError turns a failed write into one sentence: a full disk is named
// as such, and the caller's wording is kept for anything else.
func (s *Store) faultError(err error) error {
	if err == nil {
		return nil
	}
	var se *storeError
	if errors.As(err, &se) {
		return err
	}
	switch {
	case sqliteCode(err) == sqlite3.SQLITE_FULL, writeFault(err) && diskFull(dirOf(s.path)):
		return newError(ErrDiskFull, err, "nothing was changed: the disk holding the workbook is full; free some space and try again (%s)", s.path)
	case sqliteCode(err) == sqlite3.SQLITE_BUSY:
		return newError(ErrBusy, err,
			"another backchannel process kept the workbook %s busy for over %s without progress, so nothing was changed; try again when it has finished", s.path, s.busyWait())
	case sqliteCode(err) == sqlite3.SQLITE_READONLY:
		return newError(ErrReadOnly, err, "the workbook %s cannot be written (is the file or its folder read-only?); nothing was changed", s.path)
	}
	return err
}
