//go:build unix

package db

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// The folder is 0700 and the workbook and its -wal and -shm files 0600,
// whatever the umask: a loose umask (000) must not widen them and a strict
// one (277, which would leave the owner unable to write) must not narrow them.
func TestFileModesUnderUmask(t *testing.T) {
	for _, umask := range []int{0o022, 0o000, 0o277} {
		t.Run(fmt.Sprintf("umask-%04o", umask), func(t *testing.T) {
			old := syscall.Umask(umask)
			defer syscall.Umask(old)

			dir := filepath.Join(t.TempDir(), "backchannel")
			path := filepath.Join(dir, "workbook.db")
			ctx := context.Background()
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			// A write, so the WAL and shared-memory files certainly exist.
			if _, err := s.CreateContact(ctx, model.Contact{Name: "Ada"}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.ListContacts(ctx, true); err != nil {
				t.Fatal(err)
			}
			want := map[string]os.FileMode{
				dir:           0o700,
				path:          0o600,
				path + "-wal": 0o600,
				path + "-shm": 0o600,
			}
			for p, mode := range want {
				fi, err := os.Stat(p)
				if err != nil {
					t.Errorf("%s: %v", filepath.Base(p), err)
					continue
				}
				if got := fi.Mode().Perm(); got != mode {
					t.Errorf("%s mode = %v, want %v", filepath.Base(p), got, os.FileMode(mode))
				}
			}

			// The backup taken before a migration, and Backup, are private too.
			dest := filepath.Join(dir, "copy.db")
			if err := s.Backup(ctx, dest); err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Stat(dest); err != nil {
				t.Error(err)
			} else if fi.Mode().Perm() != 0o600 {
				t.Errorf("backup mode = %v, want 0600", fi.Mode().Perm())
			}
		})
	}
}

// A folder the user may not write to gives one clear sentence. Root ignores
// permission bits, so when the tests run as root the check runs in a copy
// of the test binary started as the unprivileged user "nobody".
func TestOpenReadOnlyFolder(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "locked")
	if err := os.Mkdir(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	want := "cannot create workbook in " + dir + ": permission denied"
	if os.Geteuid() != 0 {
		_, err := Open(context.Background(), filepath.Join(dir, "workbook.db"))
		if err == nil || err.Error() != want {
			t.Fatalf("got %v, want %q", err, want)
		}
		if !errors.Is(err, fs.ErrPermission) {
			t.Error("errors.Is(err, fs.ErrPermission) is false")
		}
		return
	}
	out, err := runAsNobody(t, base, "^TestHelperOpen$", helperOpenEnv+"="+filepath.Join(dir, "workbook.db"))
	if err != nil {
		t.Skipf("cannot run as nobody here: %v\n%s", err, out)
	}
	if !strings.Contains(out, "OPEN ERROR: "+want+"\n") || !strings.Contains(out, "IS PERMISSION: true") {
		t.Errorf("as nobody, got:\n%s\nwant the sentence %q", out, want)
	}
}

const helperOpenEnv = "BACKCHANNEL_TEST_OPEN"

// TestHelperOpen is not a test on its own: TestOpenReadOnlyFolder runs it
// as an unprivileged user and reads what it prints.
func TestHelperOpen(t *testing.T) {
	path := os.Getenv(helperOpenEnv)
	if path == "" {
		t.Skip("helper process for TestOpenReadOnlyFolder")
	}
	s, err := Open(context.Background(), path)
	if err == nil {
		s.Close()
		fmt.Println("OPEN ERROR: none")
		return
	}
	fmt.Printf("OPEN ERROR: %v\nIS PERMISSION: %v\n", err, errors.Is(err, fs.ErrPermission))
}

// runAsNobody copies the test binary where nobody can run it and runs the
// selected test as that user.
func runAsNobody(t *testing.T, base, run string, env ...string) (string, error) {
	t.Helper()
	for _, d := range []string{filepath.Dir(base), base} {
		if err := os.Chmod(d, 0o755); err != nil {
			return "", err
		}
	}
	bin := filepath.Join(base, "db.test")
	data, err := os.ReadFile(os.Args[0])
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		return "", err
	}
	cmd := exec.Command(bin, "-test.run="+run, "-test.count=1")
	cmd.Dir = base
	cmd.Env = append([]string{"HOME=" + base, "GOCACHE=" + base}, env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Issue 11, finding 3: a workbook found readable by others is made private
// at open (file, -wal and -shm 0600; its own folder 0700), each with a note;
// a folder shared with other files is left alone, and a note says so.
func TestOpenTightensLoosePermissions(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	own := filepath.Join(base, "backchannel")
	path := filepath.Join(own, "workbook.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateContact(ctx, model.Contact{Name: "Ada"}); err != nil {
		t.Fatal(err)
	}
	// While it is open, the -wal and -shm exist: loosen all four.
	for p, mode := range map[string]os.FileMode{own: 0o755, path: 0o644, path + "-wal": 0o644, path + "-shm": 0o644} {
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
	}
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(s2.Notes(), "\n")
	s2.Close()
	s.Close()
	for _, p := range []string{path, path + "-wal", path + "-shm", own} {
		if !strings.Contains(notes, p+" private (0") {
			t.Errorf("no note about %s in:\n%s", p, notes)
		}
	}
	if fi, _ := os.Stat(own); fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", fi.Mode().Perm())
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}

	// A shared folder: the file is tightened, the folder is not.
	shared := filepath.Join(base, "project")
	if err := os.Mkdir(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(shared, "README"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	s3, err := Open(ctx, filepath.Join(shared, "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	notes = strings.Join(s3.Notes(), "\n")
	s3.Close()
	if fi, _ := os.Stat(shared); fi.Mode().Perm() != 0o755 {
		t.Errorf("a shared folder was changed to %v", fi.Mode().Perm())
	}
	if !strings.Contains(notes, "the folder "+shared+" can be read by other users (0755); it holds other files too, so it was left as it is") {
		t.Errorf("no note about the shared folder in:\n%s", notes)
	}
}

const helperReadOnlyEnv = "BACKCHANNEL_TEST_READONLY_OPEN"

// Issue 11, finding 5: a readable workbook in a folder the user cannot
// write to (so SQLite cannot make its -wal and -shm) opens read-only
// instead of failing with "cannot create workbook in DIR"; reads work and a
// write is refused in one sentence. Root ignores permissions, so as root
// the check runs as "nobody".
func TestOpenReadableWorkbookInReadOnlyFolder(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to hand the workbook to another user")
	}
	base := t.TempDir()
	dir := filepath.Join(base, "locked")
	path := filepath.Join(dir, "workbook.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateContact(ctx, model.Contact{Name: "Ada"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil { // root's folder: nobody may read, not write
		t.Fatal(err)
	}
	out, err := runAsNobody(t, base, "^TestHelperReadOnlyOpen$", helperReadOnlyEnv+"="+path)
	if err != nil {
		t.Skipf("cannot run as nobody here: %v\n%s", err, out)
	}
	for _, want := range []string{
		"READ ONLY: its folder cannot be written to\n",
		"CONTACTS: 1 <nil>\n",
		"WRITE: nothing was changed: the workbook is read-only (its folder cannot be written to) true\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("as nobody, want %q in:\n%s", want, out)
		}
	}
}

// TestHelperReadOnlyOpen is not a test on its own: it is run as another
// user by TestOpenReadableWorkbookInReadOnlyFolder.
func TestHelperReadOnlyOpen(t *testing.T) {
	path := os.Getenv(helperReadOnlyEnv)
	if path == "" {
		t.Skip("helper process for TestOpenReadableWorkbookInReadOnlyFolder")
	}
	ctx := context.Background()
	s, err := OpenWith(ctx, path, Options{})
	if err != nil {
		fmt.Printf("OPEN ERROR: %v\n", err)
		return
	}
	defer s.Close()
	fmt.Printf("READ ONLY: %s\n", s.ReadOnly())
	cs, err := s.ListContacts(ctx, true)
	fmt.Printf("CONTACTS: %d %v\n", len(cs), err)
	_, err = s.CreateContact(ctx, model.Contact{Name: "Nobody"})
	fmt.Printf("WRITE: %v %v\n", err, errors.Is(err, ErrReadOnly))
}
