//go:build unix

package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
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
