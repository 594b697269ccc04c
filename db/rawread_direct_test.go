package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	sqlite3 "modernc.org/sqlite/lib"
)

// withDriverRead runs fn with the direct read turned off, so that every
// row is read through the driver's Next.
func withDriverRead(fn func()) {
	directRead = false
	defer func() { directRead = true }()
	fn()
}

// The direct read finds the driver's statement in the driver's rows by the
// names of its fields. With the driver this module pins it must: if an
// upgrade of modernc.org/sqlite renames or retypes rows.pstmt, rows.c,
// rows.empty, rows.doStep or conn.tls, every read quietly falls back to the
// driver's Next (correct, but a sixth slower), and this test says so.
func TestDirectReadIsTaken(t *testing.T) {
	s, _ := openTest(t)
	buildFixture(t, s)
	err := s.readDriver(context.Background(), func(q driver.QueryerContext) error {
		rows, err := q.QueryContext(context.Background(), "SELECT id FROM proposals", nil)
		if err != nil {
			return err
		}
		defer rows.Close()
		if _, ok := directOf(context.Background(), rows); !ok {
			t.Errorf("the direct read does not apply to %T: see the fields rawread_direct.go reads", rows)
		}
		return nil
	})
	mustNoErr(t, err)
}

// Everything read the direct way is what the driver's Next reads: every
// dossier (each conversation's facts, free text, dates, optional
// references and enum words), the lists' score reads, the ledgers and the
// review's records, on a generated workbook with shared contacts.
func TestDirectReadReadsWhatTheDriverReads(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	today := model.NewDate(2026, 11, 21)
	wb := demo.LargeWorkbook(today, demo.LargeOptions{Proposals: 4, Stakeholders: 15,
		Conversations: 400, Contacts: 25, Seed: 11})
	mustNoErr(t, s.Import(ctx, wb))
	reads := map[string]func() (any, error){
		"ReviewRecords":  func() (any, error) { return s.ReviewRecords(ctx) },
		"ListDossiers":   func() (any, error) { return s.ListDossiers(ctx, today, true) },
		"ContactLedgers": func() (any, error) { return s.ContactLedgers(ctx, today) },
	}
	for _, p := range wb.Proposals {
		id := p.ID
		reads["LoadDossier "+p.Title] = func() (any, error) { return s.LoadDossier(ctx, id) }
		reads["LoadDossierShowing "+p.Title] = func() (any, error) {
			return s.LoadDossierShowing(ctx, id, func(d model.Dossier) []int64 {
				var shown []int64
				for k, tp := range d.Touchpoints {
					if k%7 == 0 {
						shown = append(shown, tp.ID)
					}
				}
				return shown
			})
		}
	}
	for name, read := range reads {
		direct, err := read()
		mustNoErr(t, err)
		var viaDriver any
		withDriverRead(func() { viaDriver, err = read() })
		mustNoErr(t, err)
		if !reflect.DeepEqual(direct, viaDriver) {
			t.Errorf("%s: the direct read differs from the driver's", name)
		}
		if reflect.ValueOf(direct).IsZero() {
			t.Errorf("%s: read nothing, so compared nothing", name)
		}
	}
}

// rawOn runs rawAll on a driver connection to a database in memory.
func rawOn[T any](t *testing.T, dest func(*T) []any, query string) ([]T, error) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "m.db"))
	mustNoErr(t, err)
	defer db.Close()
	_, err = db.Exec(`CREATE TABLE t (n INTEGER, s TEXT, d DATE);
		INSERT INTO t VALUES (1, 'a', '2026-11-21'), (NULL, NULL, NULL), (300, '', 'soon')`)
	mustNoErr(t, err)
	conn, err := db.Conn(context.Background())
	mustNoErr(t, err)
	defer conn.Close()
	var out []T
	rawErr := conn.Raw(func(dc any) error {
		out, err = rawAll(context.Background(), dc.(driver.QueryerContext), dest, 0, query)
		return nil
	})
	mustNoErr(t, rawErr)
	return out, err
}

// Values a destination does not expect, NULLs and a failing step come out
// of the direct read as they come out of the driver's: the same values and
// the same errors, word for word, with SQLite's result code.
func TestDirectReadFailsAsTheDriverDoes(t *testing.T) {
	type row struct {
		n    int64
		i    int
		id   int64
		s    string
		b    bool
		d    model.Date
		kind model.TouchKind
	}
	cases := []struct {
		name  string
		dest  func(*row) []any
		query string
	}{
		{"integers, NULL as none", func(r *row) []any { return []any{&r.id, integer(&r.i)} }, "SELECT n, 7 FROM t WHERE n IS NOT NULL"},
		{"an optional reference", func(r *row) []any { return []any{optID(&r.id)} }, "SELECT n FROM t"},
		{"text, NULL as empty", func(r *row) []any { return []any{&r.s} }, "SELECT s FROM t"},
		{"a flag", func(r *row) []any { return []any{&r.b} }, "SELECT n FROM t WHERE n IS NOT NULL"},
		{"text into an integer", func(r *row) []any { return []any{&r.n} }, "SELECT s FROM t"},
		{"NULL into an integer", func(r *row) []any { return []any{&r.n} }, "SELECT n FROM t"},
		{"a fraction into a count", func(r *row) []any { return []any{integer(&r.i)} }, "SELECT 1.5"},
		{"a blob into text", func(r *row) []any { return []any{&r.s} }, "SELECT x'00ff'"},
		{"dates, one malformed", func(r *row) []any { return []any{date(&r.d)} }, "SELECT coalesce(d, '') FROM t"},
		{"a date that is NULL", func(r *row) []any { return []any{date(&r.d)} }, "SELECT d FROM t"},
		{"a number where a date goes", func(r *row) []any { return []any{date(&r.d)} }, "SELECT 20261121"},
		{"a fraction where a word goes", func(r *row) []any { return []any{text(&r.kind)} }, "SELECT 2.5"},
		{"a word in a blob", func(r *row) []any { return []any{text(&r.kind)} }, "SELECT CAST('share' AS BLOB)"},
		{"a word that is not one", func(r *row) []any { return []any{text(&r.kind)} }, "SELECT 'share' UNION ALL SELECT 'gossip'"},
		{"a step that fails on the third row", func(r *row) []any { return []any{&r.n} },
			`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 5)
			SELECT CASE WHEN i = 3 THEN abs(-9223372036854775808) ELSE i END FROM k`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			direct, dErr := rawOn(t, c.dest, c.query)
			var viaDriver []row
			var vErr error
			withDriverRead(func() { viaDriver, vErr = rawOn(t, c.dest, c.query) })
			if !reflect.DeepEqual(direct, viaDriver) {
				t.Errorf("rows: direct %+v, driver %+v", direct, viaDriver)
			}
			if (dErr == nil) != (vErr == nil) || (dErr != nil && dErr.Error() != vErr.Error()) {
				t.Errorf("error: direct %v, driver %v", dErr, vErr)
			}
			if sqliteCode(dErr) != sqliteCode(vErr) {
				t.Errorf("result code: direct %d, driver %d", sqliteCode(dErr), sqliteCode(vErr))
			}
		})
	}
	// The step that fails is past the first row, which the driver steps
	// to itself: the direct read's own error, carrying SQLite's code.
	_, err := rawOn(t, func(n *int64) []any { return []any{n} }, cases[len(cases)-1].query)
	if sqliteCode(err) != sqlite3.SQLITE_ERROR {
		t.Errorf("a failing step: %v, code %d", err, sqliteCode(err))
	}
}

// A declared DATE column is one the driver turns into a time, so the
// direct read leaves it to the driver.
func TestDirectReadLeavesDeclaredDatesToTheDriver(t *testing.T) {
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "m.db"))
	mustNoErr(t, err)
	defer db.Close()
	_, err = db.Exec(`CREATE TABLE t (d DATE); INSERT INTO t VALUES ('2026-11-21')`)
	mustNoErr(t, err)
	conn, err := db.Conn(context.Background())
	mustNoErr(t, err)
	defer conn.Close()
	mustNoErr(t, conn.Raw(func(dc any) error {
		for query, want := range map[string]bool{"SELECT d FROM t": false, "SELECT d || '' FROM t": true} {
			rows, err := dc.(driver.QueryerContext).QueryContext(context.Background(), query, nil)
			if err != nil {
				return err
			}
			if _, ok := directOf(context.Background(), rows); ok != want {
				t.Errorf("%s: direct read %v, want %v", query, ok, want)
			}
			rows.Close()
		}
		return nil
	}))
}

// cancelOnScan cancels the query's context as it reads its first value.
type cancelOnScan struct {
	cancel context.CancelFunc
	n      *int64
}

func (c cancelOnScan) Scan(src any) error {
	c.cancel()
	v, _ := src.(int64)
	*c.n = v
	return nil
}

// A step that fails once the query's context is done gives the context's
// error, as the driver's Next does, so a cancelled read says it was
// cancelled.
func TestDirectReadFailingAfterCancelIsTheCancel(t *testing.T) {
	for _, direct := range []bool{true, false} {
		db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "m.db"))
		mustNoErr(t, err)
		conn, err := db.Conn(context.Background())
		mustNoErr(t, err)
		ctx, cancel := context.WithCancel(context.Background())
		directRead = direct
		mustNoErr(t, conn.Raw(func(dc any) error {
			_, err = rawAll(ctx, dc.(driver.QueryerContext), func(n *int64) []any { return []any{cancelOnScan{cancel, n}} }, 0,
				`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 5)
				SELECT CASE WHEN i = 3 THEN abs(-9223372036854775808) ELSE i END FROM k`)
			return nil
		}))
		directRead = true
		if !errors.Is(err, context.Canceled) {
			t.Errorf("direct read %v: %v, want the cancel", direct, err)
		}
		conn.Close()
		db.Close()
	}
}
