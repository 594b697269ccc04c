package db

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/backchannel/backchannel/model"
)

// Issue 13: connections are in SQLite's multi-thread mode (sqlite_threading.go):
// a connection's mutex is the token that locks nothing, and every other
// mutex is SQLite's own, which still excludes.
func TestConnectionsAreMultiThread(t *testing.T) {
	if !multiThread {
		t.Fatalf("connections are still serialized: %v", multiThreadErr)
	}
	tls := libc.NewTLS()
	defer tls.Close()
	if got := sqlite3.Xsqlite3_mutex_alloc(tls, sqlite3.SQLITE_MUTEX_RECURSIVE); got != connectionMutex {
		t.Errorf("a recursive mutex is %#x, not the connection token %#x", got, connectionMutex)
	}
	fast := sqlite3.Xsqlite3_mutex_alloc(tls, sqlite3.SQLITE_MUTEX_FAST)
	if fast == 0 || fast == connectionMutex {
		t.Fatalf("a fast mutex is %#x: it should be SQLite's own", fast)
	}
	defer sqlite3.Xsqlite3_mutex_free(tls, fast)
	sqlite3.Xsqlite3_mutex_enter(tls, fast)
	other := libc.NewTLS()
	defer other.Close()
	if rc := sqlite3.Xsqlite3_mutex_try(other, fast); rc != sqlite3.SQLITE_BUSY {
		t.Errorf("trying a held fast mutex from another thread gave %d, want SQLITE_BUSY", rc)
	}
	sqlite3.Xsqlite3_mutex_leave(tls, fast)
	if rc := sqlite3.Xsqlite3_mutex_try(other, fast); rc != sqlite3.SQLITE_OK {
		t.Errorf("trying a free fast mutex gave %d, want SQLITE_OK", rc)
	} else {
		sqlite3.Xsqlite3_mutex_leave(other, fast)
	}
	main := sqlite3.Xsqlite3_mutex_alloc(tls, sqlite3.SQLITE_MUTEX_STATIC_MAIN)
	if main == 0 || main == connectionMutex || main != sqlite3.Xsqlite3_mutex_alloc(other, sqlite3.SQLITE_MUTEX_STATIC_MAIN) {
		t.Errorf("the static main mutex is %#x: it should be SQLite's one static mutex", main)
	}
}

// Without the connection mutex, what keeps connections apart is database/sql
// handing each to one goroutine at a time, and SQLite's own mutexes around
// what connections share (the allocator, the page cache, the open files).
// Many goroutines read and write one workbook through one Store at once:
// every write lands, every read sees a whole workbook, and nothing
// crashes. (Run with -race, it also checks that no connection is used by
// two goroutines at once.)
func TestConnectionsWorkInParallel(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	p, sh := f.proposal, f.sDana
	const writers, readers, each = 4, 6, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each+readers*each)
	for w := range writers {
		wg.Go(func() {
			for k := range each {
				_, err := s.LogTouchpoint(ctx, model.Touchpoint{ProposalID: p.ID, StakeholderID: sh.ID, ContactID: sh.ContactID,
					Date: model.NewDate(2026, 11, 1+k%28), Channel: model.VenueCoffee, Kind: model.TouchShare, Opener: model.OpenerAdvice,
					Said: fmt.Sprintf("writer %d, talk %d", w, k)})
				if err != nil {
					errs <- err
				}
			}
		})
	}
	for range readers {
		wg.Go(func() {
			for range each {
				d, err := s.LoadDossier(ctx, p.ID)
				if err != nil {
					errs <- err
					continue
				}
				if len(d.Stakeholders) == 0 || d.Proposal.ID != p.ID {
					errs <- fmt.Errorf("a dossier read in parallel came back partial: %d people", len(d.Stakeholders))
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	d, err := s.LoadDossier(ctx, p.ID)
	mustNoErr(t, err)
	logged := 0
	for _, tp := range d.Touchpoints {
		if tp.StakeholderID == sh.ID && len(tp.Said) > 7 && tp.Said[:7] == "writer " {
			logged++
		}
	}
	if logged != writers*each {
		t.Errorf("%d of the %d conversations logged in parallel are in the workbook", logged, writers*each)
	}
	mustNoErr(t, s.Check(ctx))
}
