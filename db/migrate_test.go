package db

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/backchannel/backchannel/internal/seal"
	"github.com/backchannel/backchannel/model"
)

// An older workbook that holds data is copied aside before its schema
// changes. This build has a single schema version, so the test simulates
// the next release: it opens a real version-1 workbook with the real
// migrations plus a made-up version 2 (a new column). What it exercises is
// the real upgrade path: version check, VACUUM INTO backup, then migration.
func TestBackupBeforeMigratingOlderWorkbook(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "workbook.db")
	clk := newTestClock()
	s, err := OpenWithClock(ctx, path, clk.Now)
	if err != nil {
		t.Fatal(err)
	}
	buildFixture(t, s)
	v1Export := exportJSON(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	migs, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	old := len(migs)
	next := append(migs[:len(migs):len(migs)], migration{version: len(migs) + 1, name: "9999_simulated.sql",
		sql: "ALTER TABLE contacts ADD COLUMN nickname TEXT NOT NULL DEFAULT '';"})
	upgradeAt := time.Date(2027, 1, 2, 3, 4, 5, 0, time.UTC)
	s2, err := openStore(ctx, path, Options{Create: true, Now: func() time.Time { return upgradeAt }}, next)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	if got := pragmaInt(t, s2.w, "user_version"); got != int64(old+1) {
		t.Errorf("user_version after upgrade = %d, want %d", got, old+1)
	}
	var nickname string
	if err := s2.w.QueryRowContext(ctx, "SELECT nickname FROM contacts LIMIT 1").Scan(&nickname); err != nil {
		t.Errorf("the simulated migration did not run: %v", err)
	}
	if err := s2.Close(); err != nil {
		t.Fatal(err)
	}

	backup := path + fmt.Sprintf(".bak-v%d-20270102T030405Z", old)
	fi, err := os.Stat(backup)
	if err != nil {
		entries, _ := os.ReadDir(dir)
		t.Fatalf("no backup at %s (folder holds %v)", backup, entries)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %v, want 0600", fi.Mode().Perm())
	}
	// The backup is the workbook as it was, data and all: today's build
	// opens it as current and exports the same bytes.
	b, err := Open(ctx, backup)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer b.Close()
	if got := pragmaInt(t, b.w, "user_version"); got != int64(old) {
		t.Errorf("backup user_version = %d, want %d", got, old)
	}
	if got := exportJSON(t, b); string(got) != string(v1Export) {
		t.Error("the backup's data differs from the workbook before the upgrade")
	}

	// Opening the upgraded file again migrates nothing and backs up nothing.
	s3, err := openStore(ctx, path, Options{Create: true, Now: func() time.Time { return upgradeAt.Add(time.Hour) }}, next)
	if err != nil {
		t.Fatal(err)
	}
	s3.Close()
	entries, _ := os.ReadDir(dir)
	var backups []string
	for _, e := range entries {
		if n := e.Name(); strings.Contains(n, ".bak-") && !strings.HasSuffix(n, "-wal") && !strings.HasSuffix(n, "-shm") {
			backups = append(backups, e.Name())
		}
	}
	if len(backups) != 1 {
		t.Errorf("backups = %v, want exactly one", backups)
	}
}

// A failing migration leaves the workbook at its old version (the steps run
// in one transaction) and says which migration failed.
func TestFailedMigrationChangesNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workbook.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateContact(ctx, model.Contact{Name: "Ada"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	migs, _ := loadMigrations(migrationFiles)
	bad := append(migs[:len(migs):len(migs)], migration{version: len(migs) + 1, name: "9999_broken.sql",
		sql: "ALTER TABLE contacts ADD COLUMN extra TEXT; CREATE TABLE oops (x INTEGER REFERENCES;"})
	if s, err := openStore(ctx, path, Options{Create: true}, bad); err == nil {
		s.Close()
		t.Fatal("a broken migration succeeded")
	} else if !strings.Contains(err.Error(), "9999_broken.sql") {
		t.Errorf("error %q should name the migration", err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := pragmaInt(t, s.w, "user_version"); got != int64(len(migs)) {
		t.Errorf("user_version = %d, want %d", got, len(migs))
	}
	if _, err := s.w.ExecContext(ctx, "SELECT extra FROM contacts"); err == nil {
		t.Error("half of the failed migration was applied")
	}
}

func TestLoadMigrations(t *testing.T) {
	sql := &fstest.MapFile{Data: []byte("SELECT 1;")}
	cases := []struct {
		name  string
		files fstest.MapFS
		want  string // error substring, "" for success
	}{
		{"embedded", nil, ""},
		{"in order", fstest.MapFS{"migrations/0001_a.sql": sql, "migrations/0002_b.sql": sql, "migrations/README": sql}, ""},
		{"gap", fstest.MapFS{"migrations/0001_a.sql": sql, "migrations/0003_c.sql": sql}, "out of sequence"},
		{"bad name", fstest.MapFS{"migrations/first.sql": sql}, "NNNN_name.sql"},
		{"none", fstest.MapFS{"migrations/README": sql}, "no schema migrations"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var migs []migration
			var err error
			if c.files == nil {
				migs, err = loadMigrations(migrationFiles)
			} else {
				migs, err = loadMigrations(c.files)
			}
			if c.want == "" {
				if err != nil || len(migs) == 0 {
					t.Fatalf("got %d migrations, %v", len(migs), err)
				}
				for i, m := range migs {
					if m.version != i+1 {
						t.Errorf("migration %s has version %d, want %d", m.name, m.version, i+1)
					}
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// plainCopies names the files in dir, other than the workbook itself and
// its -wal and -shm, that are plain SQLite databases.
func plainCopies(t *testing.T, dir, workbook string) []string {
	t.Helper()
	var found []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if p == workbook || p == workbook+"-wal" || p == workbook+"-shm" || e.IsDir() {
			continue
		}
		data, err := os.ReadFile(p)
		if err == nil && bytes.HasPrefix(data, []byte("SQLite format 3\x00")) {
			found = append(found, e.Name())
		}
	}
	return found
}

// watchedFile is a sealed file that, before each page is written, checks
// that no plain copy of the workbook sits in the folder; it can be told to
// fail after some pages, to stand for a full disk midway.
type watchedFile struct {
	t        *testing.T
	inner    SealedFile
	dir, wb  string
	writes   int
	failFrom int
	leaks    []string
}

func (w *watchedFile) Write(p []byte) (int, error) {
	w.writes++
	w.leaks = append(w.leaks, plainCopies(w.t, w.dir, w.wb)...)
	if w.failFrom > 0 && w.writes >= w.failFrom {
		return 0, fmt.Errorf("disk full (simulated)")
	}
	return w.inner.Write(p)
}
func (w *watchedFile) Commit() error { return w.inner.Commit() }
func (w *watchedFile) Abort()        { w.inner.Abort() }

// The copy saved before a migration goes through Options.SealBackup (the
// CLI seals it when sealing is on): a failure to seal stops the open, and a
// hook with no file (sealing off) leaves the plain copy as before.
func TestMigrationBackupIsHandedToSealBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "workbook.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	buildFixture(t, s)
	s.Close()
	migs, _ := loadMigrations(migrationFiles)
	next := append(migs[:len(migs):len(migs)], migration{version: len(migs) + 1, name: "9999_simulated.sql",
		sql: "ALTER TABLE contacts ADD COLUMN nickname TEXT NOT NULL DEFAULT '';"})
	if _, err := openStore(ctx, path, Options{SealBackup: func(string) (SealedFile, error) { return nil, fmt.Errorf("no key") }}, next); err == nil ||
		!strings.Contains(err.Error(), "cannot seal") {
		t.Fatalf("a backup that could not be sealed was accepted: %v", err)
	}
	if got := plainCopies(t, dir, path); len(got) > 0 {
		t.Errorf("a refused seal left plain copies: %v", got)
	}
	var got string
	s2, err := openStore(ctx, path, Options{SealBackup: func(p string) (SealedFile, error) { got = p; return nil, nil }}, next)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if !strings.Contains(got, ".bak-v") || !strings.HasSuffix(got, ".age") {
		t.Errorf("SealBackup got %q, want the migration backup's sealed name", got)
	}
	if copies := plainCopies(t, dir, path); len(copies) != 1 || !strings.Contains(copies[0], ".bak-v") {
		t.Errorf("with sealing off the plain migration backup should be there: %v", copies)
	}
}

// Sealed end to end: the copy saved before a migration is encrypted as it
// is written — no plain copy appears in the folder at any write, nor when
// the disk fills midway — and opens back to the workbook as it was.
func TestMigrationBackupSealedRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "workbook.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	buildFixture(t, s)
	before := exportJSON(t, s)
	s.Close()
	idPath := filepath.Join(dir, "id.txt")
	r, err := seal.NewIdentity(idPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg := seal.Config{Recipients: []string{r}, Identity: idPath}
	migs, _ := loadMigrations(migrationFiles)
	next := append(migs[:len(migs):len(migs)], migration{version: len(migs) + 1, name: "9999_simulated.sql",
		sql: "ALTER TABLE contacts ADD COLUMN nickname TEXT NOT NULL DEFAULT '';"})

	// The disk fills after three pages: the open fails, nothing is left.
	var failing *watchedFile
	_, err = openStore(ctx, path, Options{SealBackup: func(p string) (SealedFile, error) {
		f, err := seal.Create(cfg, seal.Keys{}, p)
		failing = &watchedFile{t: t, inner: f, dir: dir, wb: path, failFrom: 3}
		return failing, err
	}}, next)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("a backup that failed midway was accepted: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n := e.Name(); strings.Contains(n, ".bak-v") || strings.Contains(n, ".tmp") {
			t.Errorf("a failed sealed backup left %s behind", n)
		}
	}
	if len(failing.leaks) > 0 {
		t.Errorf("plain copies appeared while sealing: %v", failing.leaks)
	}

	var sealedPath string
	var watch *watchedFile
	s2, err := openStore(ctx, path, Options{SealBackup: func(p string) (SealedFile, error) {
		sealedPath = p
		f, err := seal.Create(cfg, seal.Keys{}, p)
		watch = &watchedFile{t: t, inner: f, dir: dir, wb: path}
		return watch, err
	}}, next)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if watch.writes < 10 || len(watch.leaks) > 0 {
		t.Errorf("%d pages written; plain copies seen while sealing: %v", watch.writes, watch.leaks)
	}
	if got := plainCopies(t, dir, path); len(got) > 0 {
		t.Errorf("plain copies after sealing: %v", got)
	}
	if fi, err := os.Stat(sealedPath); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the sealed backup: %v %v", fi, err)
	}
	data, err := os.ReadFile(sealedPath)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := seal.Decrypt(cfg, seal.Keys{}, data)
	if err != nil {
		t.Fatal(err)
	}
	back := filepath.Join(t.TempDir(), "back.db")
	if err := os.WriteFile(back, plain, 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := Open(ctx, back)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if got := exportJSON(t, b); !bytes.Equal(got, before) {
		t.Error("the sealed migration backup does not hold the workbook as it was")
	}
}
