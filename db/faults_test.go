//go:build linux

package db

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// mountTmpfs mounts a small RAM file system for a fault test; only root may,
// so anyone else skips.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small file system needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", dir).Run() })
	return dir
}

// fillDisk writes a file until the disk is full and returns it, so the
// test can free the space again.
func fillDisk(t *testing.T, dir string) string {
	t.Helper()
	filler := filepath.Join(dir, "filler")
	f, err := os.Create(filler)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			break
		}
	}
	return filler
}

// Issue 11, finding 5: with the disk full and no -shm file yet, reads still
// work and writes are refused in one sentence that names the full disk;
// with the disk filling while open, a failed write says the disk is full,
// keeps nothing of the action, and works once space is freed.
func TestFullDisk(t *testing.T) {
	dir := mountTmpfs(t, "2m")
	path := filepath.Join(dir, "workbook.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	mustNoErr(t, err)
	_, err = s.CreateContact(ctx, model.Contact{Name: "Ada Lovelace"})
	mustNoErr(t, err)

	// Filling up while open.
	filler := fillDisk(t, dir)
	var many []model.Contact
	for i := range 200 {
		many = append(many, model.Contact{Name: "Person " + strings.Repeat("x", i%7) + string(rune('A'+i%26)) + strings.Repeat("y", i/26),
			Notes: strings.Repeat("n", 19000)})
	}
	// An import the disk clearly cannot hold is refused before it starts.
	_, err = s.ImportContacts(ctx, many)
	if !errors.Is(err, ErrDiskFull) || !strings.HasPrefix(err.Error(), "nothing was changed: importing 200 contacts needs about ") {
		t.Fatalf("an import on a full disk = %v, want ErrDiskFull saying how much it needs", err)
	}
	// A write that meets the full disk itself: the same people in one
	// action that does not look first.
	err = s.WithTx(ctx, func(tx *sql.Tx) error { return addContacts(ctx, tx, s.clock(), many) })
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("a write on a full disk = %v, want ErrDiskFull", err)
	}
	if want := "nothing was changed: the disk holding the workbook is full; free some space and try again (" + path + ")"; err.Error() != want {
		t.Errorf("message %q should say %q", err, want)
	}
	mustNoErr(t, os.Remove(filler))
	_, err = s.CreateContact(ctx, model.Contact{Name: "Grace Hopper"})
	mustNoErr(t, err)
	cs, err := s.ListContacts(ctx, true)
	mustNoErr(t, err)
	if len(cs) != 2 || cs[0].Name != "Ada Lovelace" || cs[1].Name != "Grace Hopper" {
		t.Errorf("contacts after the failed write: %+v, want Ada and Grace only", cs)
	}
	mustNoErr(t, s.Close())

	// Opening on a full disk, with no -shm yet.
	filler = fillDisk(t, dir)
	defer os.Remove(filler)
	s, err = OpenWith(ctx, path, Options{})
	if err != nil {
		t.Fatalf("open on a full disk: %v", err)
	}
	defer s.Close()
	if s.ReadOnly() != "the disk is full" {
		t.Errorf("ReadOnly() = %q, want the disk is full", s.ReadOnly())
	}
	if notes := strings.Join(s.Notes(), "\n"); !strings.Contains(notes, "read-only (the disk is full)") {
		t.Errorf("notes %q should say it is read-only because the disk is full", notes)
	}
	if cs, err := s.ListContacts(ctx, true); err != nil || len(cs) != 2 {
		t.Errorf("reading on a full disk: %v, %v", cs, err)
	}
	_, err = s.CreateContact(ctx, model.Contact{Name: "Nobody"})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "the disk is full") {
		t.Errorf("a write = %v, want ErrReadOnly naming the full disk", err)
	}
}

// Issue 11, finding 5: a workbook on a read-only file system opens for
// reading, and every write is refused in one sentence.
func TestReadOnlyFileSystem(t *testing.T) {
	dir := mountTmpfs(t, "8m")
	path := filepath.Join(dir, "workbook.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	mustNoErr(t, err)
	f := buildFixture(t, s)
	mustNoErr(t, s.Close())
	before, _ := os.ReadFile(path)
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}

	s, err = OpenWith(ctx, path, Options{})
	if err != nil {
		t.Fatalf("open on a read-only file system: %v", err)
	}
	defer s.Close()
	if s.ReadOnly() == "" {
		t.Fatal("ReadOnly() is empty on a read-only file system")
	}
	d, err := s.LoadDossier(ctx, f.proposal.ID)
	if err != nil || len(d.Stakeholders) == 0 {
		t.Fatalf("reading: %v (%d stakeholders)", err, len(d.Stakeholders))
	}
	_, err = s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 20)})
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("a write = %v, want ErrReadOnly", err)
	}
	want := "nothing was changed: the workbook is read-only (it is on a read-only file system)"
	if err.Error() != want {
		t.Errorf("got  %q\nwant %q", err, want)
	}
	// An import is refused the same way, before it plans anything.
	if _, err := s.ImportContacts(ctx, []model.Contact{{Name: "Ines Duarte"}}); err == nil || err.Error() != want {
		t.Errorf("an import on a read-only workbook = %v, want %q", err, want)
	}
	// A backup is how the data gets off a read-only disk: it works.
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(ctx, dest); err != nil {
		t.Errorf("backup of a read-only workbook: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the file changed")
	}
}
