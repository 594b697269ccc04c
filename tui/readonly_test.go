//go:build linux

package tui

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model/demo"
)

// readOnlyStore opens the demo workbook on a file system remounted
// read-only (root only; anyone else skips).
func openReadOnlyDemo(t *testing.T) *db.Store {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("remounting a file system read-only needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", dir).Run() })
	ctx := context.Background()
	path := filepath.Join(dir, "workbook.db")
	store, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Import(ctx, demo.Workbook(testToday)); err != nil {
		t.Fatal(err)
	}
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	store, err = db.OpenWith(ctx, path, db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// Issue 11, finding 5: a read-only workbook opens in the TUI with a banner
// on every screen, and a save is refused on the status line in one sentence.
func TestReadOnlyWorkbookBannerAndRefusedSave(t *testing.T) {
	store := openReadOnlyDemo(t)
	d := newDriver(t, store, 80, 24)
	banner := "Read-only (it is on a read-only file system): reading works, saving does not."
	d.mustSee(banner, "Consolidate")
	d.press("o") // another screen: the banner is part of every screen's header
	d.mustSee(banner, "Objections")
	d.press("esc")
	d.press("n")
	d.typ("Move standup to async")
	d.press("enter")
	d.typ("Replace the standup.")
	d.press("enter", "enter")
	d.typ("Eng leads")
	d.press("enter")
	d.typ("+10d")
	d.press("enter", "enter")
	d.mustSee(banner, "Nothing was changed: the workbook is read-only (it is on a read-only file")
}

// Issue 11, finding 2: while a save waits for another process the status
// line says so, and the line goes once the save got its turn.
func TestWaitingForAnotherProcessShowsOnTheStatusLine(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.send(waitingMsg{waiting: true})
	d.mustSee(waitingText)
	d.send(waitingMsg{waiting: false})
	d.mustNotSee(waitingText)
}

// Issue 11, finding 5: when the disk fills while the TUI is open, a save
// fails on the status line in one sentence naming the full disk, and
// nothing of the action is kept.
func TestFullDiskSaveShowsOnTheStatusLine(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small file system needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", dir).Run() })
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(dir, "workbook.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.Import(ctx, demo.Workbook(testToday)); err != nil {
		t.Fatal(err)
	}
	before, err := store.ListProposals(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, store, 80, 24)
	// A reader holding a snapshot keeps SQLite from reusing the log from
	// its start, so the next write needs new space, as on a busy machine.
	reader, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "workbook.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	snap, err := reader.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Rollback()
	var n int
	if err := snap.QueryRowContext(ctx, "SELECT count(*) FROM proposals").Scan(&n); err != nil {
		t.Fatal(err)
	}
	filler, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 4096)
	for {
		if _, err := filler.Write(chunk); err != nil {
			break
		}
	}
	filler.Close()

	d.press("n")
	d.typ("Move standup to async")
	d.press("enter")
	d.typ("Replace the standup.")
	d.press("enter", "enter")
	d.typ("Eng leads")
	d.press("enter")
	d.typ("+10d")
	d.press("enter", "enter")
	d.mustSee("Nothing was changed: the disk holding the workbook is full; free some space")
	after, err := store.ListProposals(ctx, true)
	if err != nil {
		t.Fatalf("reading after the failed save: %v", err)
	}
	if len(after) != len(before) {
		t.Errorf("the failed save kept a proposal: %d before, %d after", len(before), len(after))
	}
}
