package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/backchannel/backchannel/model"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
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
	busy time.Duration // how long a write waits for another process

	// readOnly, when set, says why the workbook could only be opened for
	// reading; every write is then refused with it.
	readOnly string
	// notes are what opening did or found that the user should hear about.
	notes []string
	// onWait is told when a write starts and stops waiting for another
	// process (see waitNote).
	onWait atomic.Pointer[func(waiting bool)]

	// importChunk, when set, replaces importChunk (tests make every batch
	// a chunk of its own); importHook, when set, runs between two chunks of
	// an import (tests write from another connection there, or fail).
	importChunk time.Duration
	importHook  func(chunksDone int) error
	// undoChunkRows, when set, replaces importChunkRows as the most rows an
	// undo or redo does in one transaction, and fixes every chunk at that
	// size (tests make small steps large); undoHook, when set, runs between
	// two chunks of a large undo or redo.
	undoChunkRows int
	undoHook      func(chunksDone int) error
	// onReverse is told how far a large undo or redo has got after each of
	// its chunks (see OnReverseProgress).
	onReverse atomic.Pointer[func(step model.Change, done, total int)]
	// build names this program in the readiness cache (buildStamp); tests
	// set it to stand in for another build.
	build string
	// assessed counts the proposals ProposalScores had to assess rather
	// than read from the readiness cache, for tests.
	assessed atomic.Int64
	// vacuumHook, when set, runs on the writer just before a purge's
	// VACUUM, for tests.
	vacuumHook func(querier)
}

// Options says how to open a workbook.
type Options struct {
	// Create makes the workbook, and its folder, when the file is missing.
	// Without it a missing file is ErrNoWorkbook and nothing is created, so
	// a mistyped path never becomes a new, empty workbook.
	Create bool
	// Now stamps created/updated times and history; nil means time.Now.
	Now func() time.Time
	// BusyWait is how long a write waits for another process's write that
	// makes no progress before giving up (one that does is waited for as
	// long as it takes); zero means DefaultBusyWait.
	BusyWait time.Duration
	// SealBackup, when set, creates the sealed file (internal/seal) that
	// the copy saved before a schema migration is written into as it is
	// made, so it is never plain on disk; nil (or a nil file, when the
	// workbook is not sealed) leaves the copy as SQLite writes it (0600).
	SealBackup func(path string) (SealedFile, error)
	// ReadCacheKiB sizes the page cache of each reading connection; zero
	// keeps SQLite's (2,000 KiB). A command that reads a proposal's pages
	// once and exits (brief) gains nothing from a large cache and pays for
	// it: each page cached is fresh memory the kernel must hand over, about
	// a sixth of the page faults of a brief on 10,000 conversations.
	ReadCacheKiB int
	// OneConnection reads through the writer's connection instead of a
	// pool of readers beside it, for a command that looks a few rows up
	// and then writes once (log): each connection SQLite opens runs its
	// pragmas and parses the whole schema, 38 triggers, about 1.8 ms, and
	// such a command would otherwise open two. Nothing the command reads
	// may be asked for while it holds the writer in a transaction (WithTx's
	// fn reads through its tx), or the read would wait for it forever.
	OneConnection bool
}

// DefaultBusyWait is how long a write waits for another backchannel process
// that holds the workbook without making progress before it gives up. It is
// long because failing is worse than waiting.
const DefaultBusyWait = 2 * time.Minute

// Open opens the workbook at path, creating it (and its folder) when missing
// and migrating it to the current schema, after a backup, when it is older.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, Options{Create: true})
}

// OpenWithClock is Open with the clock that stamps created/updated times and
// history, so tests get reproducible timestamps.
func OpenWithClock(ctx context.Context, path string, now func() time.Time) (*Store, error) {
	return OpenWith(ctx, path, Options{Create: true, Now: now})
}

// OpenWith opens the workbook at path as o says. A workbook that cannot be
// written (a read-only file or folder, a full disk) opens read-only: reads
// work, every write is refused in one sentence, and ReadOnly says why.
func OpenWith(ctx context.Context, path string, o Options) (*Store, error) {
	migs, err := loadMigrations(migrationFiles)
	if err != nil {
		return nil, err
	}
	return openStore(ctx, path, o, migs)
}

// openStore does the work of OpenWith with an explicit migration list, so
// tests can stand in for a future schema.
func openStore(ctx context.Context, path string, o Options, migs []migration) (*Store, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.BusyWait <= 0 {
		o.BusyWait = DefaultBusyWait
	}
	if strings.TrimSpace(path) == "" {
		return nil, errors.New("no workbook path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("cannot resolve workbook path %q: %w", path, err)
	}
	prep, err := prepareFile(abs, o.Create)
	if err != nil {
		return nil, err
	}
	if prep.readOnly == "" {
		s, err := openWritable(ctx, abs, o, migs)
		if err == nil {
			s.notes = prep.notes
			s.build = buildStamp()
			return s, nil
		}
		// A full disk can fail even a read (SQLite cannot make its -shm
		// file); reading without writing still works.
		if !writeFault(err) || !diskFull(filepath.Dir(abs)) {
			return nil, openError(abs, err)
		}
		prep.readOnly = "the disk is full"
	}
	s, err := openReadOnly(ctx, abs, o, len(migs), prep.readOnly)
	if err != nil {
		return nil, err
	}
	s.notes = append(prep.notes, fmt.Sprintf("%s is open read-only (%s): you can read it, and nothing can be saved", abs, s.readOnly))
	s.build = buildStamp()
	return s, nil
}

// openWritable opens the writer and reader pools and migrates the schema.
//
// A reader looks at the schema first: when the workbook is already at this
// build's schema (every open but the first after an upgrade) there is
// nothing to migrate, and the writer is left undialled until the first
// write. A command that only reads (brief, proposals with the scores
// cached, export) then opens one SQLite connection instead of two, each
// of which runs its pragmas and parses the whole schema. Anything else
// (a new or older file, another program's, an error) goes to migrate on
// the writer as before, which reads the state again and decides.
func openWritable(ctx context.Context, abs string, o Options, migs []migration) (*Store, error) {
	w, err := openPool(dsn(abs, connWriter, o.BusyWait), 1)
	if err != nil {
		return nil, err
	}
	r := w
	if !o.OneConnection {
		if r, err = openPool(withReadCache(dsn(abs, connReader, o.BusyWait), o.ReadCacheKiB), readConns); err != nil {
			_ = w.Close()
			return nil, err
		}
	}
	if !schemaCurrent(ctx, r, abs, len(migs)) {
		if err := migrate(ctx, w, abs, migs, o.Now, o.SealBackup); err != nil {
			_ = r.Close()
			_ = w.Close()
			return nil, err
		}
		if err := r.PingContext(ctx); err != nil {
			_ = r.Close()
			_ = w.Close()
			return nil, err
		}
	}
	return &Store{path: abs, w: w, r: r, now: o.Now, busy: o.BusyWait}, nil
}

// schemaCurrent reports whether the workbook is one of ours at the latest
// schema, read on a reader connection. Any doubt (an error, a check that
// fails) is false: migrate then reads it again on the writer and gives the
// error or does the upgrade.
func schemaCurrent(ctx context.Context, r *sql.DB, abs string, latest int) bool {
	st, err := readState(ctx, r)
	return err == nil && st.version == latest && st.check(abs, latest) == nil
}

// openPool makes a pool of up to conns connections to the workbook, kept
// open for the Store's life (no lifetime or idle limit is set). Nothing is
// dialled until first use, where any error shows.
func openPool(dsn string, conns int) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("cannot open workbook: %w", err)
	}
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	return db, nil
}

// connKind is what a connection is for.
type connKind int

const (
	connWriter    connKind = iota // the one read-write connection
	connReader                    // query-only, beside a writer
	connReadOnly                  // mode=ro: the file or folder cannot be written
	connImmutable                 // mode=ro and immutable: not even a -shm can be made
)

// dsn builds the connection string. Every connection gets the same pragmas
// (busy_timeout first, which the driver guarantees), mode=rw so SQLite never
// creates the file itself with its default permissions, and IMMEDIATE write
// transactions so a writer takes the lock up front and waits for it rather
// than failing midway. Readers add query_only as a guard.
func dsn(abs string, kind connKind, busy time.Duration) string {
	u := url.URL{Path: filepath.ToSlash(abs)}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive paths
	}
	q := fmt.Sprintf("&_pragma=busy_timeout(%d)", busy.Milliseconds())
	switch kind {
	case connWriter, connReader:
		q = "?mode=rw&_txlock=immediate" + q + "&_pragma=journal_mode(WAL)"
	case connReadOnly:
		q = "?mode=ro" + q
	case connImmutable:
		q = "?mode=ro&immutable=1" + q
	}
	q += "&_pragma=synchronous(FULL)&_pragma=foreign_keys(ON)"
	if kind == connWriter {
		// Statement journals (every insert that fires a capture trigger
		// keeps one) stay in memory instead of a temporary file: a third of
		// a large import's time went to writing them.
		q += "&_pragma=temp_store(MEMORY)"
	} else {
		q += "&_pragma=query_only(ON)"
	}
	return "file:" + p + q
}

// withReadCache adds a page cache size, in KiB, to a reader's connection
// string; zero leaves SQLite's default.
func withReadCache(dsn string, kib int) string {
	if kib <= 0 {
		return dsn
	}
	return dsn + fmt.Sprintf("&_pragma=cache_size(-%d)", kib)
}

// Close closes the workbook. SQLite checkpoints the WAL into the main file
// when the last connection closes.
func (s *Store) Close() error {
	return errors.Join(s.r.Close(), s.w.Close())
}

// busyWait is how long a write waits for another process, for messages.
func (s *Store) busyWait() string {
	if s.busy >= time.Minute && s.busy%time.Minute == 0 {
		return fmt.Sprintf("%d minutes", s.busy/time.Minute)
	}
	return s.busy.Round(100 * time.Millisecond).String()
}

func dirOf(path string) string { return filepath.Dir(path) }

// Path returns the absolute path of the workbook file.
func (s *Store) Path() string { return s.path }

// clock returns the store's current time in UTC, the form it is stored in.
func (s *Store) clock() time.Time { return s.now().UTC() }

// today returns the store's current calendar day, in the clock's own zone:
// a person's "today".
func (s *Store) today() model.Date { return model.DateOf(s.now()) }
