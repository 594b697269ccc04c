package db

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backchannel/backchannel/model"
)

// Issue 11, finding 4: a user_version this build never wrote is refused in
// one sentence, without a panic and without a byte changed: negative ones
// panicked in a slice bound, and 0 on a populated workbook failed midway
// with "table proposals already exists".
func TestOpenRefusesUnknownSchemaVersion(t *testing.T) {
	for _, v := range []int64{-1, -2, math.MinInt32, 0} {
		t.Run(fmt.Sprint(v), func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "workbook.db")
			s, err := Open(ctx, path)
			mustNoErr(t, err)
			buildFixture(t, s)
			_, err = s.w.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v))
			mustNoErr(t, err)
			mustNoErr(t, s.Close())
			before, _ := os.ReadFile(path)

			s, err = Open(ctx, path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, ErrNotWorkbook) {
				t.Errorf("Open = %v, want ErrNotWorkbook", err)
			}
			want := fmt.Sprintf("%s has a schema version (%d) that no backchannel writes", path, v)
			if !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "restore it from a backup") {
				t.Errorf("got  %q\nwant %q…restore it from a backup", err, want)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("refusing the workbook changed it")
			}
		})
	}
}

// Issue 11, finding 4: a user_version this build wrote, but lower than the
// schema the file holds (set back by hand or another tool), is refused in
// one sentence too, not with SQLite's "table changes already exists".
func TestOpenRefusesAVersionBehindItsSchema(t *testing.T) {
	migs, err := loadMigrations(migrationFiles)
	mustNoErr(t, err)
	for v := 1; v < len(migs); v++ {
		t.Run(fmt.Sprint(v), func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "workbook.db")
			s, err := Open(ctx, path)
			mustNoErr(t, err)
			buildFixture(t, s)
			_, err = s.w.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v))
			mustNoErr(t, err)
			mustNoErr(t, s.Close())
			before, _ := os.ReadFile(path)

			s, err = Open(ctx, path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			want := fmt.Sprintf("%s says its schema version is %d but already holds part of a later one, so it was altered by another program or damaged; restore it from a backup", path, v)
			if !errors.Is(err, ErrNotWorkbook) || err.Error() != want {
				t.Errorf("got  %q\nwant %q", err, want)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("refusing the workbook changed it")
			}
		})
	}
}

// damageContacts writes a workbook of 300 contacts and scribbles over the
// contacts table's root page: the header and the schema stay readable, so
// only an integrity check or a read of that table can tell.
func damageContacts(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workbook.db")
	s, err := Open(ctx, path)
	mustNoErr(t, err)
	for i := range 300 {
		_, err := s.CreateContact(ctx, model.Contact{Name: fmt.Sprintf("Person %03d", i), Notes: strings.Repeat("note ", 40)})
		mustNoErr(t, err)
	}
	var root int
	mustNoErr(t, s.w.QueryRowContext(ctx, "SELECT rootpage FROM sqlite_schema WHERE name = 'contacts'").Scan(&root))
	var pageSize int
	mustNoErr(t, s.w.QueryRowContext(ctx, "PRAGMA page_size").Scan(&pageSize))
	mustNoErr(t, s.Close())
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	mustNoErr(t, err)
	_, err = f.WriteAt(bytes.Repeat([]byte{0x0d, 0xff, 0x00, 0x07}, 64), int64((root-1)*pageSize)+8)
	mustNoErr(t, err)
	mustNoErr(t, f.Close())
	return path
}

// wholeDamagedSentence checks the one sentence for a damaged workbook.
func wholeDamagedSentence(t *testing.T, path string, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("the damage went unnoticed")
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") {
		t.Errorf("the sentence spans lines: %q", msg)
	}
	if !strings.HasPrefix(msg, path+" is damaged (") || !strings.Contains(msg, "restore it from a backup") || !strings.Contains(msg, "backchannel backup") {
		t.Errorf("got %q, want it to name the file, say it is damaged and how to restore it", msg)
	}
}

// Issue 11, finding 6: the damaged-workbook sentence is whole (SQLite's
// multi-line report folded into it) and says how to restore. Issue 13,
// finding 1: opening no longer reads the whole file to check it, so the
// damage is found by Check (`backchannel check`), by a backup, and by the
// first read that meets it, each in that one sentence.
func TestDamagedWorkbookSentenceIsWhole(t *testing.T) {
	ctx := context.Background()
	path := damageContacts(t)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("opening ran an integrity check over the whole file: %v", err)
	}
	defer s.Close()
	wholeDamagedSentence(t, path, s.Check(ctx))
	_, err = s.ListContacts(ctx, true)
	wholeDamagedSentence(t, path, s.Damaged(err))
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	wholeDamagedSentence(t, path, s.Backup(ctx, copyPath))
	if _, statErr := os.Stat(copyPath); statErr == nil {
		t.Error("a damaged backup was left behind")
	}
	// A sound workbook checks clean.
	good, _ := openTest(t)
	mustNoErr(t, good.Check(ctx))
}

// Issue 8, finding 9: without Create a missing workbook is ErrNoWorkbook and
// neither the file nor its folder is made.
func TestOpenWithoutCreateMakesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "typo")
	path := filepath.Join(dir, "workbook.db")
	_, err := OpenWith(context.Background(), path, Options{})
	if !errors.Is(err, ErrNoWorkbook) {
		t.Fatalf("Open = %v, want ErrNoWorkbook", err)
	}
	if !strings.HasPrefix(err.Error(), "no workbook at "+path+"; create one with `backchannel --db "+path+" init`") {
		t.Errorf("message %q", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the folder was created (%v)", err)
	}
}

// Issue 11, finding 2: a write that finds another process writing waits for
// it instead of failing, and the one waiting hears about it after a second
// and again when its turn comes.
func TestWriteWaitsForAnotherWriterAndSaysSo(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workbook.db")
	holder, err := Open(ctx, path)
	mustNoErr(t, err)
	defer holder.Close()
	f := buildFixture(t, holder)
	waiter, err := Open(ctx, path)
	mustNoErr(t, err)
	defer waiter.Close()

	var mu sync.Mutex
	var heard []bool
	waiter.OnWait(func(waiting bool) {
		mu.Lock()
		heard = append(heard, waiting)
		mu.Unlock()
	})
	locked := make(chan struct{})
	release := make(chan struct{})
	held := make(chan error, 1)
	go func() {
		held <- holder.WithTx(ctx, func(tx *sql.Tx) error {
			close(locked)
			<-release
			return nil
		})
	}()
	<-locked
	time.AfterFunc(1500*time.Millisecond, func() { close(release) })
	_, err = waiter.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 20), Said: "waited"})
	if err != nil {
		t.Fatalf("the waiting write failed: %v", err)
	}
	mustNoErr(t, <-held)
	mu.Lock()
	defer mu.Unlock()
	if len(heard) != 2 || !heard[0] || heard[1] {
		t.Errorf("OnWait heard %v, want [true false]", heard)
	}

	// A quick write says nothing.
	heard = heard[:0]
	mu.Unlock()
	_, err = waiter.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 20)})
	mu.Lock()
	mustNoErr(t, err)
	if len(heard) != 0 {
		t.Errorf("an unhindered write told OnWait %v", heard)
	}
}

// Issue 11, finding 2: a write waits for as long as the process holding the
// workbook makes progress (its log grows), even past the busy timeout, and
// gives up in one sentence only when the holder stands still for a whole
// timeout.
func TestWriteWaitsWhileTheOtherWriterProgresses(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workbook.db")
	holder, err := Open(ctx, path)
	mustNoErr(t, err)
	defer holder.Close()
	f := buildFixture(t, holder)
	waiter, err := OpenWith(ctx, path, Options{BusyWait: 300 * time.Millisecond})
	mustNoErr(t, err)
	defer waiter.Close()

	hold := func(progress bool) error {
		locked := make(chan struct{})
		held := make(chan error, 1)
		go func() {
			held <- holder.WithTx(ctx, func(tx *sql.Tx) error {
				// A tiny page cache makes every insert spill to the log,
				// as a long import's does.
				if _, err := tx.ExecContext(ctx, "PRAGMA cache_size = 1"); err != nil {
					return err
				}
				close(locked)
				until := time.Now().Add(1500 * time.Millisecond)
				for time.Now().Before(until) {
					if progress {
						if _, err := tx.ExecContext(ctx, "INSERT INTO drafts (key, data, updated_at) VALUES (?, ?, '')",
							time.Now().String(), strings.Repeat("x", 8000)); err != nil {
							return err
						}
					}
					time.Sleep(20 * time.Millisecond)
				}
				return errors.New("roll back")
			})
		}()
		<-locked
		_, err := waiter.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 20)})
		<-held
		return err
	}
	if err := hold(true); err != nil {
		t.Errorf("waiting on a writer that makes progress failed: %v", err)
	}
	err = hold(false)
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("waiting on a writer that stands still = %v, want ErrBusy", err)
	}
	if !strings.HasPrefix(err.Error(), "another backchannel process kept the workbook "+path+" busy for over") {
		t.Errorf("message %q", err)
	}
}
