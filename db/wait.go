package db

import (
	"context"
	"database/sql"
	"os"
	"sync"
	"time"

	sqlite3 "modernc.org/sqlite/lib"
)

// waitNote is how long a write waits for the workbook before the user is
// told why nothing is happening yet.
const waitNote = time.Second

// OnWait registers fn to hear when a write has waited waitNote for another
// process's write to finish (waiting true) and when it then got its turn
// (waiting false). The CLI prints a line; the TUI shows it on the status
// line. fn runs on the writing goroutine or a timer's, so it must be quick.
func (s *Store) OnWait(fn func(waiting bool)) {
	if fn == nil {
		s.onWait.Store(nil)
		return
	}
	s.onWait.Store(&fn)
}

// begin starts the IMMEDIATE write transaction, which waits for another
// process holding the write lock. The one who waits hears about it after
// waitNote, and again when the wait is over.
func (s *Store) begin(ctx context.Context) (*sql.Tx, error) {
	fn := s.onWait.Load()
	if fn == nil {
		return s.beginWhileProgressing(ctx)
	}
	var mu sync.Mutex
	done, told := false, false
	t := time.AfterFunc(waitNote, func() {
		mu.Lock()
		defer mu.Unlock()
		if !done {
			told = true
			(*fn)(true)
		}
	})
	tx, err := s.beginWhileProgressing(ctx)
	t.Stop()
	mu.Lock()
	done = true
	if told {
		(*fn)(false)
	}
	mu.Unlock()
	return tx, err
}

// beginWhileProgressing waits for the write lock for as long as the process
// holding it is making progress: each wait lasts the busy timeout, and when
// it runs out while the workbook's files have changed since the last try
// (the other writer's log is growing), it waits again. Only a writer that
// has stood still for a whole timeout makes this one give up (ErrBusy).
func (s *Store) beginWhileProgressing(ctx context.Context) (*sql.Tx, error) {
	last := s.fileState()
	for {
		tx, err := s.w.BeginTx(ctx, nil)
		if err == nil || sqliteCode(err) != sqlite3.SQLITE_BUSY || ctx.Err() != nil {
			return tx, err
		}
		now := s.fileState()
		if now == last {
			return nil, err
		}
		last = now
	}
}

// fileState is what changes while another process writes: the size and
// time of the workbook and its log.
type fileState [4]int64

func (s *Store) fileState() fileState {
	var st fileState
	for i, p := range []string{s.path, s.path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			st[2*i], st[2*i+1] = fi.Size(), fi.ModTime().UnixNano()
		}
	}
	return st
}
