package db

import (
	"context"
	"database/sql/driver"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// The direct read. Through the driver, every column of every row is a
// call asking SQLite the column's type, a call for its value, and the value
// boxed in an interface (a heap allocation for any integer over 255, two
// for a text); a brief reads 10,000 rows of twelve columns that way, and
// those per-column costs were a sixth of its time (docs/performance.md,
// "The direct read"). The driver keeps the statement it stepped to itself,
// so the direct read finds it in the driver's rows by name, through
// reflection, and asks SQLite for each column as its destination wants it:
// an integer as an integer, a date parsed where SQLite holds its text, an
// enum's word looked up without a copy. Where the driver is not the one
// this was written against (a field missing or of another type), or a
// column is one the driver converts (a declared DATE, DATETIME or
// TIMESTAMP; the store's connections never ask it to turn other text
// into times), rawAppend reads through the driver as before: the direct
// read is a shortcut, never the only way. TestDirectReadIsTaken says when
// an upgrade of the driver turns it off.

// directRead turns the direct read on; tests compare it with the driver's.
var directRead = true

// rowsLayout is where, in modernc.org/sqlite's rows, the statement, the
// connection and its state are; ok is false when they are not all there
// with the types this reads them as.
type rowsLayout struct {
	ok                         bool
	pstmt, conn, empty, doStep uintptr // offsets in rows
	tls                        uintptr // offset in conn
}

// layouts caches rowsLayout by the rows' type (there is one).
var layouts sync.Map // reflect.Type → rowsLayout

func layoutOf(t reflect.Type) rowsLayout {
	if l, ok := layouts.Load(t); ok {
		return l.(rowsLayout)
	}
	l := readLayout(t)
	layouts.Store(t, l)
	return l
}

func readLayout(t reflect.Type) rowsLayout {
	var l rowsLayout
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct ||
		t.Elem().PkgPath() != "modernc.org/sqlite" || t.Elem().Name() != "rows" {
		return l
	}
	st := t.Elem()
	field := func(t reflect.Type, name string, want reflect.Type) (uintptr, bool) {
		f, ok := t.FieldByName(name)
		return f.Offset, ok && f.Type == want && len(f.Index) == 1
	}
	cf, ok := st.FieldByName("c")
	if !ok || len(cf.Index) != 1 || cf.Type.Kind() != reflect.Pointer || cf.Type.Elem().Kind() != reflect.Struct {
		return l
	}
	var ok1, ok2, ok3, ok4 bool
	l.pstmt, ok1 = field(st, "pstmt", reflect.TypeFor[uintptr]())
	l.empty, ok2 = field(st, "empty", reflect.TypeFor[bool]())
	l.doStep, ok3 = field(st, "doStep", reflect.TypeFor[bool]())
	l.tls, ok4 = field(cf.Type.Elem(), "tls", reflect.TypeFor[*libc.TLS]())
	l.conn = cf.Offset
	l.ok = ok1 && ok2 && ok3 && ok4
	return l
}

// directRows is a statement the driver prepared and stepped once, read
// straight from SQLite.
type directRows struct {
	ctx   context.Context // the query's: a failed step while it is done is its error, as the driver's is
	tls   *libc.TLS
	stmt  uintptr
	first bool // the driver has stepped to the first row already
	empty bool
}

// directOf returns rows as a directRows, or false when the direct read
// does not apply to them.
func directOf(ctx context.Context, rows driver.Rows) (directRows, bool) {
	l := layoutOf(reflect.TypeOf(rows))
	if !l.ok {
		return directRows{}, false
	}
	if ct, ok := rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
		for i := range rows.Columns() {
			switch ct.ColumnTypeDatabaseTypeName(i) {
			case "DATE", "DATETIME", "TIMESTAMP": // the driver turns these into time.Time
				return directRows{}, false
			}
		}
	}
	p := reflect.ValueOf(rows).UnsafePointer()
	conn := *(*unsafe.Pointer)(unsafe.Add(p, l.conn))
	if conn == nil {
		return directRows{}, false
	}
	return directRows{
		ctx:   ctx,
		tls:   *(**libc.TLS)(unsafe.Add(conn, l.tls)),
		stmt:  *(*uintptr)(unsafe.Add(p, l.pstmt)),
		first: !*(*bool)(unsafe.Add(p, l.doStep)),
		empty: *(*bool)(unsafe.Add(p, l.empty)),
	}, true
}

// next moves to the next row; false at the end.
func (r *directRows) next() (bool, error) {
	if r.empty {
		return false, nil
	}
	if r.first {
		r.first = false
		return true, nil
	}
	switch rc := sqlite3.Xsqlite3_step(r.tls, r.stmt); rc {
	case sqlite3.SQLITE_ROW:
		return true, nil
	case sqlite3.SQLITE_DONE:
		r.empty = true
		return false, nil
	default:
		r.empty = true
		if r.ctx != nil && r.ctx.Err() != nil {
			return false, r.ctx.Err()
		}
		return false, &stepError{code: int(rc), msg: r.errmsg(rc)}
	}
}

func (r *directRows) errmsg(rc int32) string {
	msg := libc.GoString(sqlite3.Xsqlite3_errstr(r.tls, rc))
	if db := sqlite3.Xsqlite3_db_handle(r.tls, r.stmt); db != 0 {
		if m := libc.GoString(sqlite3.Xsqlite3_errmsg(r.tls, db)); m != "" && m != msg {
			msg += ": " + m
		}
	}
	return fmt.Sprintf("%s (%d)", msg, rc)
}

func (r *directRows) kind(i int32) int32 { return sqlite3.Xsqlite3_column_type(r.tls, r.stmt, i) }

func (r *directRows) int64(i int32) int64 { return sqlite3.Xsqlite3_column_int64(r.tls, r.stmt, i) }

// text is column i's text as SQLite holds it: valid until the next step,
// so it is never kept (strings.Clone it to keep it).
func (r *directRows) text(i int32) string {
	p := sqlite3.Xsqlite3_column_text(r.tls, r.stmt, i)
	return unsafe.String(cBytes(p, sqlite3.Xsqlite3_column_bytes(r.tls, r.stmt, i)))
}

// cBytes is where n bytes SQLite holds at p begin, for unsafe.String and
// unsafe.Slice (nil, 0 for none). p is read as a pointer through memory
// rather than converted, which vet would take for a Go pointer kept as an
// integer: it is C memory, which the collector never moves.
func cBytes(p uintptr, n int32) (*byte, int) {
	if p == 0 || n <= 0 {
		return nil, 0
	}
	return (*byte)(*(*unsafe.Pointer)(unsafe.Pointer(&p))), int(n)
}

// value is column i as the driver would hand it over.
func (r *directRows) value(i int32) any {
	switch r.kind(i) {
	case sqlite3.SQLITE_INTEGER:
		return r.int64(i)
	case sqlite3.SQLITE_FLOAT:
		return sqlite3.Xsqlite3_column_double(r.tls, r.stmt, i)
	case sqlite3.SQLITE_TEXT:
		return strings.Clone(r.text(i))
	case sqlite3.SQLITE_BLOB:
		p := sqlite3.Xsqlite3_column_blob(r.tls, r.stmt, i)
		return append([]byte{}, unsafe.Slice(cBytes(p, sqlite3.Xsqlite3_column_bytes(r.tls, r.stmt, i)))...)
	}
	return nil
}

// stepError is SQLite's answer to a step of the direct read that was
// neither a row nor the end, with its result code as the driver's errors
// carry it (sqliteCode).
type stepError struct {
	code int
	msg  string
}

func (e *stepError) Error() string { return e.msg }

// Code is SQLite's extended result code.
func (e *stepError) Code() int { return e.code }

// directSetterOf returns what stores column i of the current row into dst
// without boxing it, for the destinations a long read has; the others go
// through set, the driver-value setter, with the value boxed as the
// driver would.
func directSetterOf(dst any, set func(any) error) func(r *directRows, i int32) error {
	boxed := func(r *directRows, i int32) error { return set(r.value(i)) }
	integer := func(store func(int64)) func(r *directRows, i int32) error {
		return func(r *directRows, i int32) error {
			if r.kind(i) != sqlite3.SQLITE_INTEGER {
				return boxed(r, i)
			}
			store(r.int64(i))
			return nil
		}
	}
	switch d := dst.(type) {
	case *int64:
		return integer(func(v int64) { *d = v })
	case *bool:
		return integer(func(v int64) { *d = v != 0 })
	case intCol:
		return integer(func(v int64) { *d.dst = int(v) })
	case *string:
		return func(r *directRows, i int32) error {
			if r.kind(i) != sqlite3.SQLITE_TEXT {
				return boxed(r, i)
			}
			*d = strings.Clone(r.text(i))
			return nil
		}
	case idCol:
		return func(r *directRows, i int32) error {
			switch r.kind(i) {
			case sqlite3.SQLITE_INTEGER:
				*d.dst = r.int64(i)
			case sqlite3.SQLITE_NULL:
				*d.dst = 0
			default:
				return boxed(r, i)
			}
			return nil
		}
	case inPlaceText:
		// The text is asked for first, without the column's type: a date
		// or a word read in place is text (or a blob holding it, which the
		// driver's path reads as text too), and anything else goes to the
		// driver-value setter, which says what is wrong with it. (A number
		// asked for as text gets a text form beside its number; SQLite
		// still gives its type as the number's.)
		return func(r *directRows, i int32) error {
			if d.readText(r.text(i)) {
				return nil
			}
			return boxed(r, i)
		}
	}
	return boxed
}
