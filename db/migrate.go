package db

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// applicationID marks a SQLite file as a backchannel workbook ("bchn"), so
// another program's database is refused rather than written into.
const applicationID = 0x6263686e

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one embedded schema step; version n is applied to a workbook
// at schema n-1 and leaves PRAGMA user_version = n.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads migrations/NNNN_name.sql in order and insists that
// the versions run 1, 2, 3… without gaps.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, "migrations")
	if err != nil {
		return nil, fmt.Errorf("cannot read the embedded schema: %w", err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var migs []migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("schema migration %s is not named NNNN_name.sql", e.Name())
		}
		if v != len(migs)+1 {
			return nil, fmt.Errorf("schema migration %s is out of sequence: expected version %d", e.Name(), len(migs)+1)
		}
		body, err := fs.ReadFile(fsys, path.Join("migrations", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("cannot read schema migration %s: %w", e.Name(), err)
		}
		migs = append(migs, migration{version: v, name: e.Name(), sql: string(body)})
	}
	if len(migs) == 0 {
		return nil, errors.New("no schema migrations are embedded")
	}
	return migs, nil
}

// schemaState is what the file says about itself.
type schemaState struct {
	appID   int64
	version int
	objects int // tables, indexes, triggers and views
}

func readState(ctx context.Context, q querier) (schemaState, error) {
	var st schemaState
	if err := q.QueryRowContext(ctx, "PRAGMA application_id").Scan(&st.appID); err != nil {
		return st, err
	}
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&st.version); err != nil {
		return st, err
	}
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&st.objects); err != nil {
		return st, err
	}
	return st, nil
}

// check refuses files this build must not touch: another program's
// database, a newer schema, and any schema version this build never wrote
// (a negative one, or none on a file that has tables).
func (st schemaState) check(abs string, latest int) error {
	fresh := st.version == 0 && st.objects == 0
	if st.appID != applicationID && !fresh {
		return foreignDatabase(abs)
	}
	switch {
	case st.version > latest:
		return newError(ErrNewerSchema, nil,
			"this workbook was written by a newer version of backchannel (schema %d, this build knows %d); upgrade backchannel to open it",
			st.version, latest)
	case st.version < 0, st.version == 0 && !fresh:
		return newError(ErrNotWorkbook, nil,
			"%s has a schema version (%d) that no backchannel writes, so it was altered by another program or damaged; restore it from a backup",
			abs, st.version)
	}
	return nil
}

// migrate brings the workbook to the latest schema. A workbook that already
// holds data is copied aside first (VACUUM INTO), so a failed or unwanted
// upgrade can be undone by hand. The steps run in one IMMEDIATE transaction
// that re-reads the version, so two processes opening an old file at once
// migrate it exactly once.
func migrate(ctx context.Context, db *sql.DB, abs string, migs []migration, now func() time.Time, seal func(string) (SealedFile, error)) error {
	latest := len(migs)
	st, err := readState(ctx, db)
	if err != nil {
		return err
	}
	if err := st.check(abs, latest); err != nil {
		return err
	}
	if st.version == latest {
		// No integrity check here: it read the whole file on every open
		// (see integrity.go for where the checks run instead).
		return nil
	}
	if st.version > 0 {
		if _, err := backupBeforeMigrate(ctx, db, abs, st.version, now(), seal); err != nil {
			return fmt.Errorf("cannot back up %s before upgrading its schema from version %d: %w", abs, st.version, err)
		}
	}

	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if st, err = readState(ctx, tx); err != nil {
		return err
	}
	if err := st.check(abs, latest); err != nil {
		return err
	}
	for _, m := range migs[st.version:] {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			if laterSchema(err) {
				// The file says it is version N but holds what a later
				// migration makes: its version was changed behind our back.
				return newError(ErrNotWorkbook, nil,
					"%s says its schema version is %d but already holds part of a later one, so it was altered by another program or damaged; restore it from a backup",
					abs, st.version)
			}
			return fmt.Errorf("schema migration %s failed: %w", m.name, err)
		}
	}
	if err := syncCapture(ctx, tx); err != nil {
		return err
	}
	// PRAGMA arguments cannot be bound; both values are our own integers.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", latest)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if st.version == 0 {
		return nil // a new workbook: nothing there to check
	}
	// A migration rewrites tables: check the result once, now.
	return quickCheck(ctx, db, abs)
}

// laterSchema reports whether a migration failed because what it creates is
// already there.
func laterSchema(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "already exists") || strings.Contains(msg, "duplicate column name")
}

// damaged is the one sentence for a workbook SQLite finds broken.
func damaged(abs, report string) error {
	return newError(ErrNotWorkbook, nil,
		"%s is damaged (SQLite reports: %s); restore it from a backup (see `backchannel backup`; copies are kept in %s)",
		abs, report, filepath.Join(filepath.Dir(abs), "backups"))
}

// backupBeforeMigrate writes workbook.db.bak-v<old>-<timestamp> beside the
// workbook and returns its path.
func backupBeforeMigrate(ctx context.Context, db *sql.DB, abs string, old int, at time.Time, seal func(string) (SealedFile, error)) (string, error) {
	base := fmt.Sprintf("%s.bak-v%d-%s", abs, old, at.UTC().Format("20060102T150405Z"))
	if seal != nil {
		dest, sealed, err := sealedBackupBeforeMigrate(ctx, db, base, seal)
		if sealed || err != nil {
			return dest, err
		}
	}
	dest := base
	for i := 2; ; i++ {
		err := vacuumInto(ctx, db, dest)
		if err == nil {
			return dest, nil
		}
		if !errors.Is(err, fs.ErrExist) || i > 99 {
			return "", err
		}
		dest = fmt.Sprintf("%s-%d", base, i)
	}
}

// sealedBackupBeforeMigrate writes the copy saved before a migration
// straight into a sealed file (base.age): it is made in memory and
// encrypted as it is written, never plain on disk. sealed is false when the
// workbook is not sealed (seal returned no file).
func sealedBackupBeforeMigrate(ctx context.Context, db *sql.DB, base string, seal func(string) (SealedFile, error)) (dest string, sealed bool, err error) {
	dest = base + ".age"
	for i := 2; fileExists(dest); i++ {
		if i > 99 {
			return "", true, fmt.Errorf("%s already exists", dest)
		}
		dest = fmt.Sprintf("%s-%d.age", base, i)
	}
	f, err := seal(dest)
	if err != nil {
		return "", true, fmt.Errorf("cannot seal the backup %s: %w", dest, err)
	}
	if f == nil {
		return "", false, nil
	}
	if err := snapshotTo(ctx, db, f); err != nil {
		f.Abort()
		return "", true, err
	}
	if err := f.Commit(); err != nil {
		return "", true, fmt.Errorf("cannot seal the backup %s: %w", dest, err)
	}
	return dest, true, nil
}

// fileExists reports whether anything is at path.
func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// vacuumInto writes a consistent, compacted copy of the workbook to dest,
// which must not exist. The file is created 0600 first (SQLite would use
// 0644) and synced afterwards, since VACUUM INTO itself does not fsync.
func vacuumInto(ctx context.Context, db *sql.DB, dest string) error {
	if err := createPrivate(dest); err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			_ = os.Remove(dest)
		}
	}()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		return err
	}
	f, err := os.OpenFile(dest, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := errors.Join(f.Sync(), f.Close()); err != nil {
		return err
	}
	ok = true
	return nil
}
