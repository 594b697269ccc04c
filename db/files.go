package db

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	sqlite3 "modernc.org/sqlite/lib"
)

// prepared is what prepareFile found: notes for the user, and why the
// workbook can only be read, if it can only be read.
type prepared struct {
	notes    []string
	readOnly string
}

// prepareFile makes sure the folder (0700) and the file (0600) exist before
// SQLite sees them: SQLite gives the -wal and -shm files the main file's
// mode, so creating it ourselves keeps all three private whatever the umask.
// A missing file is created only when create is set. An existing file must
// look like a SQLite database; it is only read. A workbook found more open
// than that is tightened, with a note; one that cannot be written is marked
// read-only.
func prepareFile(abs string, create bool) (prepared, error) {
	var p prepared
	dir := filepath.Dir(abs)
	_, statErr := os.Stat(abs)
	if errors.Is(statErr, fs.ErrNotExist) || errors.Is(statErr, syscall.ENOTDIR) {
		if !create {
			return p, noWorkbook(abs)
		}
		if err := makeFolder(dir); err != nil {
			return p, err
		}
		err := createPrivate(abs)
		switch {
		case err == nil:
			p.notes = tighten(abs)
			return p, nil
		case !errors.Is(err, fs.ErrExist): // made by another process meanwhile
			return p, createError(dir, err)
		}
	}
	if err := checkHeader(abs); err != nil {
		return p, err
	}
	p.notes = tighten(abs)
	p.readOnly = whyReadOnly(abs)
	return p, nil
}

// makeFolder creates dir, and any missing parents, for a new workbook.
func makeFolder(dir string) error {
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
		return nil
	case err != nil:
		return createError(dir, err)
	case !fi.IsDir():
		return fmt.Errorf("cannot create workbook in %s: it is a file, not a folder", dir)
	}
	return nil
}

// tighten makes a workbook that others can read private again: the file and
// its -wal and -shm become 0600, and its folder 0700 when the folder is the
// workbook's own (it holds nothing but workbooks and backups). A shared
// folder (a home, /tmp, a project) is never changed: that would break other
// things; the note says so instead. Nothing here is ever silent.
func tighten(abs string) []string {
	var notes []string
	for _, p := range []string{abs, abs + "-wal", abs + "-shm"} {
		if n := tightenOne(p, fileMode); n != "" {
			notes = append(notes, n)
		}
	}
	dir := filepath.Dir(abs)
	fi, err := os.Stat(dir)
	if err != nil || fi.Mode().Perm()&^dirMode == 0 {
		return notes
	}
	if !ownFolder(dir) || fi.Mode()&fs.ModeSticky != 0 {
		return append(notes, fmt.Sprintf("the folder %s can be read by other users (%04o); it holds other files too, so it was left as it is: keep the workbook in a private folder",
			dir, fi.Mode().Perm()))
	}
	if n := tightenOne(dir, dirMode); n != "" {
		notes = append(notes, n)
	}
	return notes
}

// tightenOne narrows path to want when it is more open, and returns the
// note that says what was done (or that it could not be done).
func tightenOne(path string, want fs.FileMode) string {
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	got := fi.Mode().Perm()
	if got&^want == 0 {
		return ""
	}
	what := "the workbook file"
	if fi.IsDir() {
		what = "the workbook's folder"
	}
	if err := os.Chmod(path, got&want); err != nil {
		return fmt.Sprintf("%s %s can be read by other users (%04o) and could not be made private: %v", what, path, got, unwrapPath(err))
	}
	return fmt.Sprintf("made %s %s private (%04o → %04o): the notes in it are sensitive", what, path, got, got&want)
}

// ownFolder reports whether dir holds only the workbook's own files: the
// workbooks, their -wal/-shm, backups, seal settings, the backups folder and
// backchannel's temporary files.
func ownFolder(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == "backups" && e.IsDir():
		case strings.HasSuffix(name, ".db"), strings.HasSuffix(name, ".db-wal"), strings.HasSuffix(name, ".db-shm"),
			strings.Contains(name, ".db."), // backups (.db.bak-…), the seal settings (.db.seal)
			strings.HasPrefix(name, ".backchannel-"), strings.HasPrefix(name, ".backup-"), strings.HasPrefix(name, ".restore-"):
		default:
			return false
		}
	}
	return true
}

// whyReadOnly says why the workbook cannot be written, or "" when it can:
// the file itself is read-only, or its folder is, so SQLite could not make
// its -wal and -shm files beside it.
func whyReadOnly(abs string) string {
	if f, err := os.OpenFile(abs, os.O_RDWR, 0); err != nil {
		switch {
		case isReadOnlyFS(err):
			return "it is on a read-only file system"
		case errors.Is(err, fs.ErrPermission):
			return "the file is read-only"
		}
	} else {
		_ = f.Close()
	}
	if err := probeDir(filepath.Dir(abs)); err != nil {
		switch {
		case isReadOnlyFS(err):
			return "it is on a read-only file system"
		case errors.Is(err, fs.ErrPermission):
			return "its folder cannot be written to"
		}
	}
	return ""
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

// IsWorkbookFile reports whether path is an existing SQLite database file
// (a backchannel workbook or any other), which an output must never replace.
func IsWorkbookFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var hdr [len(sqliteHeader)]byte
	_, err = io.ReadFull(f, hdr[:])
	return err == nil && string(hdr[:]) == sqliteHeader
}

func foreignDatabase(abs string) error {
	return newError(ErrNotWorkbook, nil, "%s is not a backchannel workbook (it is another program's SQLite database)", abs)
}

func notWorkbook(abs string) error {
	return newError(ErrNotWorkbook, nil, "%s is not a backchannel workbook (not a SQLite database)", abs)
}

func noWorkbook(abs string) error {
	return newError(ErrNoWorkbook, nil,
		"no workbook at %s; create one with `backchannel --db %s init` (or load the sample with `demo`, or import an export with `import`), or check the --db path",
		abs, abs)
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
		return newError(ErrNotWorkbook, err, "%s is not a backchannel workbook (not a SQLite database, or damaged); restore it from a backup", abs)
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
