package db

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// loadFile is a generated workbook large enough for several chunks when
// every batch is a chunk of its own (importChunk 1), on an empty store.
func loadFile(t *testing.T) (*Store, model.Workbook) {
	t.Helper()
	s, _ := openTest(t)
	s.importChunk = 1
	wb := demo.LargeWorkbook(model.NewDate(2026, 11, 21), demo.LargeOptions{Proposals: 6, Stakeholders: 40, Conversations: 700, Seed: 3})
	if len(wb.Touchpoints) < 2*importRowsHeld || len(wb.History) == 0 {
		t.Fatalf("the generated workbook has %d conversations and %d history rows; the test needs more", len(wb.Touchpoints), len(wb.History))
	}
	return s, wb
}

// nothingLoaded fails the test unless the workbook holds no fact, no search
// word, no history row and no undo step: it is as it was before the load.
func nothingLoaded(t *testing.T, s *Store) {
	t.Helper()
	for _, table := range []string{"proposals", "contacts", "stakeholders", "touchpoints", "objections", "blind_spots", "history", "search", "changes", "change_rows"} {
		if n := count(t, s, "SELECT count(*) FROM "+table); n != 0 {
			t.Errorf("%d rows left in %s", n, table)
		}
	}
	empty, err := s.Empty(context.Background())
	if err != nil || !empty {
		t.Errorf("Empty() = %v, %v", empty, err)
	}
}

// Issue 11, build item 2: a whole-workbook import is written in chunks, so
// another process's write gets in while it runs (here the terminal
// workbook saving a draft), and the workbook it loads is still exactly the
// file (export → import → export).
func TestLoadLetsAnotherWriterIn(t *testing.T) {
	ctx := context.Background()
	s, wb := loadFile(t)
	other, err := OpenWith(ctx, s.Path(), Options{}) // another process
	mustNoErr(t, err)
	defer other.Close()

	type seen struct {
		rows  int
		err   error
		added error
	}
	got := make(chan seen, 1)
	loaded := make(chan struct{})
	go func() {
		// Wait for the first rows of the load to be visible, then write.
		for {
			select {
			case <-loaded:
				got <- seen{err: errors.New("the import finished before any of its rows were visible to another process")}
				return
			default:
			}
			var n int
			if err := other.r.QueryRowContext(ctx, "SELECT count(*) FROM proposals").Scan(&n); err != nil {
				got <- seen{err: err}
				return
			}
			if n > 0 {
				break
			}
		}
		err := other.SaveDraft(ctx, model.Draft{Key: "log:1", Title: "a talk half written", Data: "{}"})
		var rows int
		if err == nil {
			err = other.r.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM touchpoints) + (SELECT count(*) FROM history)").Scan(&rows)
		}
		// A record written into a workbook being loaded is refused in one
		// sentence (its ids could be ones the file still holds).
		_, added := other.CreateContact(ctx, model.Contact{Name: "Written during the load"})
		got <- seen{rows: rows, err: err, added: added}
	}()
	n, err := s.ImportFrom(ctx, WorkbookSource(wb))
	close(loaded)
	mustNoErr(t, err)
	w := <-got
	if w.err != nil {
		t.Fatal(w.err)
	}
	if all := len(wb.Touchpoints) + len(wb.History); w.rows >= all {
		t.Errorf("the draft was saved once the import had written all %d conversations and history rows; it should get in while the import runs", all)
	}
	if w.added == nil || !errors.Is(w.added, ErrConflict) || !strings.Contains(w.added.Error(), "being loaded") {
		t.Errorf("a contact added during the load = %v, want a refusal saying the workbook is being loaded", w.added)
	}
	if n.Touchpoints != len(wb.Touchpoints) {
		t.Errorf("imported %d conversations, want %d", n.Touchpoints, len(wb.Touchpoints))
	}
	want := exportOf(t, wb)
	if !bytes.Equal(want, exportJSON(t, s)) {
		t.Error("the workbook loaded in chunks is not the file: export → import → export differs")
	}
	if _, ok, err := s.GetDraft(ctx, "log:1"); err != nil || !ok {
		t.Errorf("the draft saved during the load is gone (%v)", err)
	}
	steps, err := s.ListChanges(ctx, ChangeFilter{})
	mustNoErr(t, err)
	if len(steps) != 1 || !strings.HasPrefix(steps[0].Summary, "loaded a workbook of 6 proposals") {
		t.Errorf("the undo log after a load: %+v, want one step", steps)
	}
	// Records can be written again once the load is done.
	_, err = s.CreateContact(ctx, model.Contact{Name: "After the load"})
	mustNoErr(t, err)
}

func exportOf(t *testing.T, wb model.Workbook) []byte {
	t.Helper()
	s, _ := openTest(t)
	mustNoErr(t, s.Import(context.Background(), wb))
	return exportJSON(t, s)
}

// A bad row late in the file, or ctrl+c midway, leaves the workbook as it
// was, although chunks were committed before: no fact, no search word, no
// history; and the file can be imported afterwards.
func TestFailedLoadTakesItsChunksOut(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		break_ func(*model.Workbook)
		stop   func(done int, cancel context.CancelFunc) error
		want   string
	}{
		{"a bad row late in the file", func(wb *model.Workbook) { wb.History[len(wb.History)-1].Action = "explode" }, nil,
			`unknown action "explode"`},
		{"ctrl+c", nil, func(done int, cancel context.CancelFunc) error {
			if done == 3 {
				cancel()
			}
			return nil
		}, "context canceled; nothing was imported"},
		{"a chunk fails", nil, func(done int, _ context.CancelFunc) error {
			if done == 3 {
				return errors.New("the disk went away")
			}
			return nil
		}, "the disk went away; nothing was imported"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, wb := loadFile(t)
			good := wb
			if tc.break_ != nil {
				wb.History = append([]model.HistoryEvent(nil), wb.History...)
				tc.break_(&wb)
			}
			cctx, cancel := context.WithCancel(ctx)
			defer cancel()
			chunks := 0
			s.importHook = func(done int) error {
				chunks = done
				if tc.stop != nil {
					return tc.stop(done, cancel)
				}
				return nil
			}
			_, err := s.ImportFrom(cctx, WorkbookSource(wb))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("import = %v, want … %s", err, tc.want)
			}
			if chunks < 3 {
				t.Fatalf("the import committed %d chunks before it failed; the test needs several", chunks)
			}
			nothingLoaded(t, s)
			s.importHook = nil
			_, err = s.ImportFrom(ctx, WorkbookSource(good))
			mustNoErr(t, err)
			if !bytes.Equal(exportOf(t, good), exportJSON(t, s)) {
				t.Error("the file imported after a failed load is not the file")
			}
		})
	}
}

// A load cut short (a crash: here another process undoes it between two
// chunks, as the next command after a crash would) is one step whose words
// say it is unfinished; undoing it takes out its rows and its history, and
// the import stops saying so.
func TestUnfinishedLoadIsOneStepThatUndoTakesOut(t *testing.T) {
	ctx := context.Background()
	s, wb := loadFile(t)
	var words string
	var refused error
	s.importHook = func(done int) error {
		if done != 3 {
			return nil
		}
		other, err := OpenWith(ctx, s.Path(), Options{})
		mustNoErr(t, err)
		defer other.Close()
		steps, err := other.ListChanges(ctx, ChangeFilter{Limit: 1})
		mustNoErr(t, err)
		words = steps[0].Summary
		_, refused = other.CreateContact(ctx, model.Contact{Name: "On top of a half-loaded workbook"})
		ch, err := other.Undo(ctx)
		mustNoErr(t, err)
		if !strings.HasPrefix(ch.Summary, "loading a workbook: ") {
			t.Errorf("undo took %q", ch.Summary)
		}
		nothingLoaded(t, other)
		return nil
	}
	_, err := s.ImportFrom(ctx, WorkbookSource(wb))
	if err == nil || !strings.Contains(err.Error(), "undone by another command") {
		t.Fatalf("a load undone from elsewhere midway = %v", err)
	}
	if !strings.HasPrefix(words, "loading a workbook: ") || !strings.HasSuffix(words, "records so far (unfinished)") {
		t.Errorf("the step midway reads %q", words)
	}
	if !errors.Is(refused, ErrConflict) {
		t.Errorf("a contact added on top of an unfinished load = %v, want refused", refused)
	}
	nothingLoaded(t, s)
	s.importHook = nil
	_, err = s.ImportFrom(ctx, WorkbookSource(wb))
	mustNoErr(t, err)
}
