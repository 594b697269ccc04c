package db

import (
	"context"
	"database/sql"
	"sync"
	"time"
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

// begin starts the IMMEDIATE write transaction, which waits (up to the busy
// timeout) for another process holding the write lock. The one who waits
// hears about it after waitNote, and again when the wait is over.
func (s *Store) begin(ctx context.Context) (*sql.Tx, error) {
	fn := s.onWait.Load()
	if fn == nil {
		return s.w.BeginTx(ctx, nil)
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
	tx, err := s.w.BeginTx(ctx, nil)
	t.Stop()
	mu.Lock()
	done = true
	if told {
		(*fn)(false)
	}
	mu.Unlock()
	return tx, err
}
