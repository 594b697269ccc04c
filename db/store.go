package db

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/backchannel/backchannel/model"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// File permissions: the notes are sensitive (who objects, who is a likely
// spoiler), so only the owner may read the workbook or its folder.
const (
	dirMode  fs.FileMode = 0o700
	fileMode fs.FileMode = 0o600
)

// readConns sizes the query-only pool; readers never block each other in WAL.
const readConns = 4

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// Store is an open workbook. It is safe for concurrent use.
type Store struct {
	path string
	w    *sql.DB // exactly one connection: every write queues here
	r    *sql.DB // query-only connections for reads
	now  func() time.Time
}

// Open opens the workbook at path, creating it (and its folder) when missing
// and migrating it to the current schema, after a backup, when it is older.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWithClock(ctx, path, time.Now)
}

// OpenWithClock is Open with the clock that stamps created/updated times and
// history, so tests get reproducible timestamps.
func OpenWithClock(ctx context.Context, path string, now func() time.Time) (*Store, error) {
	migs, err := loadMigrations(migrationFiles)
	if err != nil {
		return nil, err
	}
	return openStore(ctx, path, now, migs)
}

// openStore does the work of Open with an explicit migration list, so tests
// can stand in for a future schema.
func openStore(ctx context.Context, path string, now func() time.Time, migs []migration) (*Store, error) {
	if now == nil {
		now = time.Now
	}
	if strings.TrimSpace(path) == "" {
		return nil, errors.New("no workbook path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("cannot resolve workbook path %q: %w", path, err)
	}
	if err := prepareFile(abs); err != nil {
		return nil, err
	}

	w, err := openPool(abs, false, 1)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, w, abs, migs, now); err != nil {
		_ = w.Close()
		return nil, openError(abs, err)
	}
	r, err := openPool(abs, true, readConns)
	if err != nil {
		_ = w.Close()
		return nil, err
	}
	if err := r.PingContext(ctx); err != nil {
		_ = r.Close()
		_ = w.Close()
		return nil, openError(abs, err)
	}
	return &Store{path: abs, w: w, r: r, now: now}, nil
}

// openPool makes a pool of up to conns connections to the workbook, kept
// open for the Store's life (no lifetime or idle limit is set). Nothing is
// dialled until first use, where any error shows.
func openPool(abs string, readOnly bool, conns int) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn(abs, readOnly))
	if err != nil {
		return nil, fmt.Errorf("cannot open workbook %s: %w", abs, err)
	}
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	return db, nil
}

// dsn builds the connection string. Every connection gets the same pragmas
// (busy_timeout first, which the driver guarantees), mode=rw so SQLite never
// creates the file itself with its default permissions, and IMMEDIATE write
// transactions so a writer takes the lock up front and waits for it rather
// than failing midway. Readers add query_only as a guard.
func dsn(abs string, readOnly bool) string {
	u := url.URL{Path: filepath.ToSlash(abs)}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive paths
	}
	q := "?mode=rw&_txlock=immediate" +
		"&_pragma=busy_timeout(5000)" +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(FULL)" +
		"&_pragma=foreign_keys(ON)"
	if readOnly {
		q += "&_pragma=query_only(ON)"
	}
	return "file:" + p + q
}

// prepareFile makes sure the folder (0700) and the file (0600) exist before
// SQLite sees them: SQLite gives the -wal and -shm files the main file's
// mode, so creating it ourselves keeps all three private whatever the umask.
// An existing file must look like a SQLite database; it is only read.
func prepareFile(abs string) error {
	dir := filepath.Dir(abs)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, dirMode); err != nil {
			return createError(dir, err)
		}
		// MkdirAll honours the umask; say exactly what we mean.
		if err := os.Chmod(dir, dirMode); err != nil {
			return createError(dir, err)
		}
	case err != nil:
		return createError(dir, err)
	case !fi.IsDir():
		return fmt.Errorf("cannot create workbook in %s: it is a file, not a folder", dir)
	}

	err = createPrivate(abs)
	switch {
	case err == nil:
		return nil
	case !errors.Is(err, fs.ErrExist):
		return createError(dir, err)
	}
	return checkHeader(abs)
}

// createPrivate creates the empty file path with mode 0600 whatever the
// umask, failing with fs.ErrExist when it is already there. The workbook
// and its backups are made this way.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, fileMode)
	if err != nil {
		return err
	}
	if err := errors.Join(f.Chmod(fileMode), f.Close()); err != nil {
		_ = os.Remove(path)
		return err
	}
	return nil
}

// checkHeader refuses, without writing a byte, a file that is not a SQLite
// database or is another program's: opening it through SQLite would already
// switch it to WAL. An empty file is a new workbook, and so is a SQLite
// database that never had a schema. The header fields are documented at
// https://www.sqlite.org/fileformat.html#the_database_header.
func checkHeader(abs string) error {
	f, err := os.Open(abs)
	if err != nil {
		return fmt.Errorf("cannot read workbook %s: %w", abs, unwrapPath(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("cannot read workbook %s: %w", abs, unwrapPath(err))
	}
	if fi.IsDir() {
		return fmt.Errorf("%s is a folder, not a workbook file", abs)
	}
	var hdr [100]byte
	n, err := io.ReadFull(f, hdr[:])
	if n == 0 && errors.Is(err, io.EOF) {
		return nil
	}
	if n < len(hdr) || string(hdr[:len(sqliteHeader)]) != sqliteHeader {
		return notWorkbook(abs)
	}
	schemaCookie := binary.BigEndian.Uint32(hdr[40:])
	userVersion := binary.BigEndian.Uint32(hdr[60:])
	appID := binary.BigEndian.Uint32(hdr[68:])
	if appID == applicationID || (appID == 0 && userVersion == 0 && schemaCookie == 0) {
		return nil
	}
	return foreignDatabase(abs)
}

func foreignDatabase(abs string) error {
	return newError(ErrNotWorkbook, nil, "%s is not a backchannel workbook (it is another program's SQLite database)", abs)
}

func notWorkbook(abs string) error {
	return newError(ErrNotWorkbook, nil, "%s is not a backchannel workbook (not a SQLite database)", abs)
}

// createError says why the workbook could not be made in dir, in one line:
// "cannot create workbook in /x: permission denied".
func createError(dir string, err error) error {
	return fmt.Errorf("cannot create workbook in %s: %w", dir, unwrapPath(err))
}

// unwrapPath drops the operation and path from an *fs.PathError, which the
// caller's sentence already names; errors.Is still sees the errno.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// openError turns what went wrong while opening into one sentence.
func openError(abs string, err error) error {
	var se *storeError
	switch {
	case errors.As(err, &se):
		return err
	case isNotDatabase(err):
		return newError(ErrNotWorkbook, err, "%s is not a backchannel workbook (not a SQLite database, or damaged)", abs)
	case sqliteCode(err) == sqlite3.SQLITE_CANTOPEN || sqliteCode(err) == sqlite3.SQLITE_READONLY:
		// SQLite cannot say which file failed; the usual cause is a folder
		// where the -wal and -shm files cannot be created.
		if perr := probeDir(filepath.Dir(abs)); perr != nil {
			return perr
		}
	}
	return fmt.Errorf("cannot open workbook %s: %w", abs, err)
}

// probeDir reports whether files can be created in dir.
func probeDir(dir string) error {
	f, err := os.CreateTemp(dir, ".backchannel-probe-*")
	if err != nil {
		return createError(dir, err)
	}
	name := f.Name()
	_ = f.Close()
	_ = os.Remove(name)
	return nil
}

// Close closes the workbook. SQLite checkpoints the WAL into the main file
// when the last connection closes.
func (s *Store) Close() error {
	return errors.Join(s.r.Close(), s.w.Close())
}

// Path returns the absolute path of the workbook file.
func (s *Store) Path() string { return s.path }

// clock returns the store's current time in UTC, the form it is stored in.
func (s *Store) clock() time.Time { return s.now().UTC() }

// today returns the store's current calendar day, in the clock's own zone:
// a person's "today".
func (s *Store) today() model.Date { return model.DateOf(s.now()) }
