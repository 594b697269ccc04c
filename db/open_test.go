package db

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

func latestVersion(t *testing.T) int {
	t.Helper()
	migs, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	return len(migs)
}

func pragmaInt(t *testing.T, q querier, name string) int64 {
	t.Helper()
	var v int64
	if err := q.QueryRowContext(context.Background(), "PRAGMA "+name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

// A new file is created, migrated to the latest schema, and opens again.
func TestOpenMigratesEmptyFileAndReopens(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workbook.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pragmaInt(t, s.w, "user_version"), int64(latestVersion(t)); got != want {
		t.Errorf("user_version = %d, want %d", got, want)
	}
	if got := pragmaInt(t, s.w, "application_id"); got != applicationID {
		t.Errorf("application_id = %#x, want %#x", got, applicationID)
	}
	if _, err := s.CreateContact(ctx, model.Contact{Name: "Ada"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".bak-") {
			t.Errorf("a fresh workbook needs no backup, found %s", e.Name())
		}
	}

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if got, want := pragmaInt(t, s.w, "user_version"), int64(latestVersion(t)); got != want {
		t.Errorf("after reopen user_version = %d, want %d", got, want)
	}
	cs, err := s.ListContacts(ctx, false)
	if err != nil || len(cs) != 1 || cs[0].Name != "Ada" {
		t.Errorf("after reopen contacts = %v, %v; want Ada", cs, err)
	}
}

// Every connection, writer and readers alike, carries the durability pragmas.
func TestOpenConnectionPragmas(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	for name, db := range map[string]*sql.DB{"writer": s.w, "reader": s.r} {
		var mode string
		if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" {
			t.Errorf("%s journal_mode = %q, want wal", name, mode)
		}
		checks := []struct {
			pragma string
			want   int64
		}{
			{"busy_timeout", DefaultBusyWait.Milliseconds()},
			{"synchronous", 2}, // FULL
			{"foreign_keys", 1},
		}
		for _, c := range checks {
			if got := pragmaInt(t, db, c.pragma); got != c.want {
				t.Errorf("%s %s = %d, want %d", name, c.pragma, got, c.want)
			}
		}
	}
	if got := pragmaInt(t, s.r, "query_only"); got != 1 {
		t.Errorf("reader query_only = %d, want 1", got)
	}
	if _, err := s.r.ExecContext(ctx, "DELETE FROM contacts"); err == nil {
		t.Error("a reader connection accepted a write")
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workbook.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, "PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	_, err = Open(ctx, path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open = %v, want ErrNewerSchema", err)
	}
	migs, _ := loadMigrations(migrationFiles)
	want := fmt.Sprintf("this workbook was written by a newer version of backchannel (schema 999, this build knows %d); upgrade backchannel to open it", len(migs))
	if err.Error() != want {
		t.Errorf("message:\n got %q\nwant %q", err.Error(), want)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("refusing a newer workbook changed the file")
	}
}

// Files that are not workbooks are refused without a byte written to them.
func TestOpenNotAWorkbook(t *testing.T) {
	random := make([]byte, 8192)
	if _, err := rand.Read(random); err != nil {
		t.Fatal(err)
	}
	damaged := append([]byte(sqliteHeader), random[:4096]...)

	foreign := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE notes (body TEXT)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	foreignBytes, err := os.ReadFile(foreign)
	if err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name    string
		content []byte
		msg     string
	}{
		{"random bytes", random, "is not a backchannel workbook (not a SQLite database)"},
		{"short text", []byte("hello\n"), "is not a backchannel workbook (not a SQLite database)"},
		{"SQLite header then garbage", damaged, "is not a backchannel workbook"},
		{"another program's database", foreignBytes, "is not a backchannel workbook (it is another program's SQLite database)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "workbook.db")
			if err := os.WriteFile(path, c.content, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(context.Background(), path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, ErrNotWorkbook) {
				t.Fatalf("Open = %v, want ErrNotWorkbook", err)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("message %q should name %s and say %q", err, path, c.msg)
			}
			got, _ := os.ReadFile(path)
			if !bytes.Equal(got, c.content) {
				t.Error("the file was changed")
			}
			for _, suffix := range []string{"-wal", "-shm", "-journal"} {
				if fi, err := os.Stat(path + suffix); err == nil && fi.Size() > 0 {
					t.Errorf("%s%s was written", filepath.Base(path), suffix)
				}
			}
		})
	}
}

func TestOpenCreatesMissingFolders(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "workbook.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	if _, err := os.Stat(path); err != nil {
		t.Error(err)
	}
}

func TestOpenFolderErrors(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "plain-file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path, want string
	}{
		{"parent is a file", filepath.Join(file, "workbook.db"), "cannot create workbook in " + file + ": it is a file, not a folder"},
		{"ancestor is a file", filepath.Join(file, "sub", "workbook.db"), "cannot create workbook in " + filepath.Join(file, "sub") + ": not a directory"},
		{"path is a folder", base, base + " is a folder, not a workbook file"},
		{"empty path", " ", "no workbook path given"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(context.Background(), c.path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if err.Error() != c.want {
				t.Errorf("got  %q\nwant %q", err, c.want)
			}
		})
	}
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	buildFixture(t, s)
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != fileMode {
		t.Errorf("backup mode = %v, want %v", fi.Mode().Perm(), fileMode)
	}
	err = s.Backup(ctx, dest)
	if !errors.Is(err, ErrConflict) {
		t.Errorf("second backup to the same file = %v, want ErrConflict", err)
	}

	b, err := Open(ctx, dest)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer b.Close()
	want, _ := s.Export(ctx)
	got, _ := b.Export(ctx)
	if !equalJSON(t, want, got) {
		t.Error("the backup holds different data")
	}
}

// Paths are passed to SQLite as URIs; characters that mean something in a
// URI must reach the file system unchanged.
func TestOpenPathWithURICharacters(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "my notes #1 ?x=y&z 100%")
	path := filepath.Join(dir, "work book.db")
	for i := 0; i < 2; i++ {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		if _, err := s.CreateContact(ctx, model.Contact{Name: "Ada"}); err != nil {
			t.Fatal(err)
		}
		mustNoErr(t, s.Close())
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 1 || names[0] != "work book.db" {
		t.Errorf("folder holds %q, want just the workbook", names)
	}
}

// Options.ReadCacheKiB sizes every reader's page cache (brief opens with a
// small one); zero leaves SQLite's default.
func TestReadCacheKiB(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.db")
	for _, c := range []struct{ kib, want int }{{0, -2000}, {256, -256}} {
		s, err := OpenWith(ctx, path, Options{Create: true, ReadCacheKiB: c.kib})
		if err != nil {
			t.Fatal(err)
		}
		var got int
		if err := s.r.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("ReadCacheKiB %d: readers' cache_size %d, want %d", c.kib, got, c.want)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
