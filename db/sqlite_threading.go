package db

import (
	"fmt"
	"unsafe"

	"modernc.org/libc"
	"modernc.org/libc/sys/types"
	sqlite3 "modernc.org/sqlite/lib"
)

// SQLite's threading mode: multi-thread, not serialized.
//
// modernc opens every connection SQLITE_OPEN_FULLMUTEX ("serialized"), so
// every call into a connection (a step, and each column of each row read)
// takes and releases the connection's recursive mutex, five atomic
// operations in modernc's libc. On a brief of 10,000 conversations that was
// a fifth of the process's CPU (docs/performance.md, "Peers"). The lock
// protects nothing here: database/sql hands a connection to one goroutine
// at a time, and modernc's driver already requires it (its per-connection
// state is used before SQLite's mutex is reached); the one call it makes
// from another goroutine, sqlite3_interrupt, is an atomic store that takes
// no lock. That is SQLite's multi-thread mode, what SQLITE_OPEN_NOMUTEX
// asks for and what mattn/go-sqlite3's _mutex=no gives; modernc has no
// such option, so the mutex methods are replaced instead:
//
//   - a recursive mutex, which SQLite allocates only for a connection
//     (db->mutex) and for the duration of sqlite3_initialize, is a token
//     that locks nothing;
//   - every other mutex (the static ones guarding the allocator, the page
//     cache, the VFS's open files, and fast mutexes) is SQLite's own, called
//     through.
//
// SQLite takes configuration only while it is not initialized, and has
// chosen its own mutex methods only once it has been: so it is initialized,
// shut down, asked for its methods, given these, and initialized again, all in this package's init, before any connection can
// exist and on one goroutine (so the initialization's own recursive mutex
// has nothing to serialize). If SQLite was already in use, or any step
// fails, connections stay serialized, which is correct and slower;
// TestConnectionsAreMultiThread says which happened.

// mutexDefaults is SQLite's own mutex methods, called through for every
// mutex but a connection's. Written once in init, read after.
var mutexDefaults sqlite3.Tsqlite3_mutex_methods

// connectionMutex is the token a recursive mutex allocation returns: any
// non-zero address no real mutex has (SQLite treats zero as out of memory).
var connectionMutex uintptr

// multiThread records that the methods are installed.
var multiThread bool

func init() {
	if err := installMutexMethods(); err != nil {
		multiThreadErr = err
	}
}

// multiThreadErr says why connections stay serialized, for the test.
var multiThreadErr error

func installMutexMethods() error {
	tls := libc.NewTLS()
	defer tls.Close()
	size := types.Size_t(unsafe.Sizeof(sqlite3.Tsqlite3_mutex_methods{}))
	ours := libc.Xcalloc(tls, 1, size) // SQLite copies it; freed below
	defaults := libc.Xcalloc(tls, 1, size)
	va := libc.Xmalloc(tls, types.Size_t(unsafe.Sizeof(uintptr(0))))
	token := libc.Xmalloc(tls, 8) // lives as long as the process
	if ours == 0 || defaults == 0 || va == 0 || token == 0 {
		return fmt.Errorf("out of memory")
	}
	defer libc.Xfree(tls, ours)
	defer libc.Xfree(tls, defaults)
	defer libc.Xfree(tls, va)

	// Initialized, SQLite has chosen its methods; shut down, it keeps them
	// and takes configuration again.
	if rc := sqlite3.Xsqlite3_initialize(tls); rc != sqlite3.SQLITE_OK {
		return fmt.Errorf("sqlite3_initialize: %d", rc)
	}
	if rc := sqlite3.Xsqlite3_shutdown(tls); rc != sqlite3.SQLITE_OK {
		return fmt.Errorf("sqlite3_shutdown: %d", rc)
	}
	reinitialize := func() {
		if rc := sqlite3.Xsqlite3_initialize(tls); rc != sqlite3.SQLITE_OK {
			panic(fmt.Sprintf("sqlite3_initialize: %d", rc))
		}
	}
	if rc := sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_GETMUTEX, libc.VaList(va, defaults)); rc != sqlite3.SQLITE_OK {
		reinitialize()
		return fmt.Errorf("SQLITE_CONFIG_GETMUTEX: %d", rc)
	}
	got := *inC[sqlite3.Tsqlite3_mutex_methods](defaults)
	if got.FxMutexAlloc == 0 || got.FxMutexEnter == 0 || got.FxMutexLeave == 0 || got.FxMutexTry == 0 ||
		got.FxMutexFree == 0 || got.FxMutexInit == 0 || got.FxMutexEnd == 0 {
		reinitialize()
		return fmt.Errorf("SQLite has no mutex methods to call through to")
	}
	mutexDefaults, connectionMutex = got, token
	m := inC[sqlite3.Tsqlite3_mutex_methods](ours)
	m.FxMutexInit = funcPointer(mutexInit)
	m.FxMutexEnd = funcPointer(mutexEnd)
	m.FxMutexAlloc = funcPointer(mutexAlloc)
	m.FxMutexFree = funcPointer(mutexFree)
	m.FxMutexEnter = funcPointer(mutexEnter)
	m.FxMutexTry = funcPointer(mutexTry)
	m.FxMutexLeave = funcPointer(mutexLeave)
	if got.FxMutexHeld != 0 { // only in SQLite's debug builds, for assert()
		m.FxMutexHeld = funcPointer(mutexHeld)
		m.FxMutexNotheld = funcPointer(mutexNotheld)
	}
	rc := sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_MUTEX, libc.VaList(va, ours))
	reinitialize() // with its own methods if it refused these
	if rc != sqlite3.SQLITE_OK {
		return fmt.Errorf("SQLITE_CONFIG_MUTEX: %d", rc)
	}
	multiThread = true
	return nil
}

// funcPointer is how modernc's transpiled C holds a function: the address
// of a Go func value (https://golang.org/s/go11func; modernc.org/sqlite's
// cFuncPointer). Only for top-level functions, whose func values are
// static.
func funcPointer[T any](f T) uintptr {
	return *(*uintptr)(unsafe.Pointer(&struct{ f T }{f}))
}

// inC is the Go view of a T in C memory at p (libc's allocation, which
// Go's collector neither moves nor frees).
func inC[T any](p uintptr) *T {
	return *(**T)(unsafe.Pointer(&p))
}

// callThrough turns one of SQLite's own method addresses back into a Go
// function of type T.
func callThrough[T any](p uintptr) T {
	return *(*T)(unsafe.Pointer(&struct{ uintptr }{p}))
}

func mutexInit(tls *libc.TLS) int32 {
	return callThrough[func(*libc.TLS) int32](mutexDefaults.FxMutexInit)(tls)
}

func mutexEnd(tls *libc.TLS) int32 {
	return callThrough[func(*libc.TLS) int32](mutexDefaults.FxMutexEnd)(tls)
}

func mutexAlloc(tls *libc.TLS, kind int32) uintptr {
	if kind == sqlite3.SQLITE_MUTEX_RECURSIVE {
		return connectionMutex
	}
	return callThrough[func(*libc.TLS, int32) uintptr](mutexDefaults.FxMutexAlloc)(tls, kind)
}

func mutexFree(tls *libc.TLS, p uintptr) {
	if p != connectionMutex {
		callThrough[func(*libc.TLS, uintptr)](mutexDefaults.FxMutexFree)(tls, p)
	}
}

func mutexEnter(tls *libc.TLS, p uintptr) {
	if p != connectionMutex {
		callThrough[func(*libc.TLS, uintptr)](mutexDefaults.FxMutexEnter)(tls, p)
	}
}

func mutexTry(tls *libc.TLS, p uintptr) int32 {
	if p == connectionMutex {
		return sqlite3.SQLITE_OK
	}
	return callThrough[func(*libc.TLS, uintptr) int32](mutexDefaults.FxMutexTry)(tls, p)
}

func mutexLeave(tls *libc.TLS, p uintptr) {
	if p != connectionMutex {
		callThrough[func(*libc.TLS, uintptr)](mutexDefaults.FxMutexLeave)(tls, p)
	}
}

func mutexHeld(tls *libc.TLS, p uintptr) int32 {
	if p == connectionMutex {
		return 1
	}
	return callThrough[func(*libc.TLS, uintptr) int32](mutexDefaults.FxMutexHeld)(tls, p)
}

func mutexNotheld(tls *libc.TLS, p uintptr) int32 {
	if p == connectionMutex {
		return 1
	}
	return callThrough[func(*libc.TLS, uintptr) int32](mutexDefaults.FxMutexNotheld)(tls, p)
}
