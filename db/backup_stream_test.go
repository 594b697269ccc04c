package db

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// BackupTo streams a copy that opens as the same workbook, passes the
// integrity check, keeps its free list valid, and carries none of the text
// left on free pages by a deletion (here a large draft, discarded), though
// the workbook's own file still holds it.
func TestBackupToCopiesWholeWithFreePagesZeroed(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	buildFixture(t, s)
	const secret = "FREED-DRAFT-wombat"
	mustNoErr(t, s.SaveDraft(ctx, model.Draft{Key: "log:1", Title: "t", Data: strings.Repeat(secret+" ", 20000)}))
	mustNoErr(t, s.DeleteDraft(ctx, "log:1"))
	if got := fileHolds(t, s.Path(), secret); len(got) == 0 {
		t.Fatal("the discarded draft left nothing in the file: the test proves nothing")
	}
	var buf bytes.Buffer
	mustNoErr(t, s.BackupTo(ctx, &buf))
	// The draft's first few kilobytes sat in a table page still in use
	// (what a deletion leaves there stays, as in the file); the rest, on
	// overflow pages now free, must be gone.
	if n := bytes.Count(buf.Bytes(), []byte(secret)); n > 4096/len(secret) {
		t.Errorf("the copy carries the text of free pages: %d copies of the discarded draft's words", n)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("SQLite format 3\x00")) {
		t.Fatal("the copy is not a SQLite file")
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	mustNoErr(t, os.WriteFile(path, buf.Bytes(), 0o600))
	c, err := Open(ctx, path)
	mustNoErr(t, err)
	defer c.Close()
	mustNoErr(t, c.Check(ctx))
	var free int
	mustNoErr(t, c.r.QueryRowContext(ctx, "PRAGMA freelist_count").Scan(&free))
	if free == 0 {
		t.Error("the copy has no free pages: the zeroing was not exercised")
	}
	if !bytes.Equal(exportJSON(t, c), exportJSON(t, s)) {
		t.Error("the copy does not hold the workbook")
	}
	// And it takes new writes: the zeroed free pages are reused cleanly.
	mustNoErr(t, c.SaveDraft(ctx, model.Draft{Key: "k", Title: "t", Data: strings.Repeat("x", 100000)}))
	mustNoErr(t, c.Check(ctx))
}

// writeMidway is a backup target that makes a change to the workbook while
// the copy is being written, as another process might.
type writeMidway struct {
	buf    bytes.Buffer
	writes int
	change func() error
	err    error
}

func (w *writeMidway) Write(p []byte) (int, error) {
	if w.writes++; w.writes == 3 {
		w.err = w.change()
	}
	return w.buf.Write(p)
}

// A change made while the copy is streamed neither waits for it nor tears
// it: the copy is the workbook as it was when the backup began, whole.
func TestBackupToIsOneSnapshot(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	buildFixture(t, s)
	before := exportJSON(t, s)
	w := &writeMidway{change: func() error {
		_, err := s.CreateProposal(ctx, model.Proposal{Title: "Added during the backup", Kind: model.KindOther})
		return err
	}}
	mustNoErr(t, s.BackupTo(ctx, w))
	mustNoErr(t, w.err)
	if w.writes < 3 {
		t.Fatal("the change was never made: the test proves nothing")
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	mustNoErr(t, os.WriteFile(path, w.buf.Bytes(), 0o600))
	c, err := Open(ctx, path)
	mustNoErr(t, err)
	defer c.Close()
	mustNoErr(t, c.Check(ctx))
	if !bytes.Equal(exportJSON(t, c), before) {
		t.Error("the copy is not the workbook as it was when the backup began")
	}
	if bytes.Equal(exportJSON(t, s), before) {
		t.Error("the change made during the backup is not in the workbook")
	}
}
