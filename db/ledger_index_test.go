package db

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// queryPlan is SQLite's plan for query, one detail line per step.
func queryPlan(t *testing.T, s *Store, query string, args ...any) []string {
	t.Helper()
	rows, err := s.r.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	mustNoErr(t, err)
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int64
		var detail string
		mustNoErr(t, rows.Scan(&id, &parent, &unused, &detail))
		plan = append(plan, detail)
	}
	mustNoErr(t, rows.Err())
	return plan
}

// Issue 13: the lists (ListDossiers: agenda, calendar) count everyone's
// nurture ledger. Migration 0006's
// index holds every column the count reads, in contact order, so the
// count reads the index alone: no table row and no sort.
func TestLedgersReadTheIndexOnly(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	day := model.NewDate(2026, 11, 21)
	mustNoErr(t, s.Import(ctx, demo.LargeWorkbook(day, demo.LargeOptions{Proposals: 4, Stakeholders: 5, Conversations: 30, Contacts: 8, Seed: 3})))
	plan := strings.Join(queryPlan(t, s, ledgerSQL(""), ledgerArgs(day)...), "; ")
	if !strings.Contains(plan, "USING COVERING INDEX touchpoints_contact_ledger") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("ledgers are counted by %q, want the covering index alone", plan)
	}
}

// A list that scores reads the day each person was last spoken to with
// one seek to the end of their range of touchpoints_stakeholder_day: the
// index alone, no sort, and not the proposal's whole log for each person.
func TestLastDaysSeekThePersonsIndex(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	day := model.NewDate(2026, 11, 21)
	mustNoErr(t, s.Import(ctx, demo.LargeWorkbook(day, demo.LargeOptions{Proposals: 4, Stakeholders: 5, Conversations: 30, Contacts: 8, Seed: 3})))
	for _, c := range []struct {
		where string
		args  []any
	}{
		{"", nil}, // a cold list: every proposal's people, in ID order
		{" WHERE s.proposal_id IN (?, ?)", []any{int64(1), int64(2)}},
	} {
		plan := strings.Join(queryPlan(t, s, scorePeopleSQL+c.where+" ORDER BY s.id", c.args...), "; ")
		if !strings.Contains(plan, "SEARCH l USING COVERING INDEX touchpoints_stakeholder_day (stakeholder_id=? AND proposal_id=?)") ||
			strings.Count(plan, " l ") != 1 || (c.where == "" && strings.Contains(plan, "TEMP B-TREE")) {
			t.Errorf("the last days %q are read by %q, want one seek per person in touchpoints_stakeholder_day", c.where, plan)
		}
	}
}

// Every older schema migrates to schema 6: the ledger index replaces the
// contact index, the person's-days index the person index, the data and every list's scores are what they were, and
// the workbook is copied aside first.
func TestEverySchemaMigratesToTheLedgerIndex(t *testing.T) {
	ctx := context.Background()
	migs, err := loadMigrations(migrationFiles)
	mustNoErr(t, err)
	src, err := os.ReadFile(filepath.Join("testdata", "schema1-demo.db"))
	mustNoErr(t, err)
	at := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	fromOne := func(v int) string {
		path := filepath.Join(t.TempDir(), "workbook.db")
		mustNoErr(t, os.WriteFile(path, src, 0o600))
		if v > 1 {
			s, err := openStore(ctx, path, Options{Now: func() time.Time { return at }}, migs[:v])
			mustNoErr(t, err)
			if got := pragmaInt(t, s.w, "user_version"); got != int64(v) {
				t.Fatalf("the workbook is at schema %d, want %d", got, v)
			}
			mustNoErr(t, s.Close())
		}
		return path
	}
	// The fixture migrated straight to the latest schema is what every
	// other way there must give.
	direct, err := OpenWithClock(ctx, fromOne(1), func() time.Time { return at })
	mustNoErr(t, err)
	want := exportJSON(t, direct)
	day := model.NewDate(2026, 11, 21)
	wantScores, err := direct.ProposalScores(ctx, day, true)
	mustNoErr(t, err)
	mustNoErr(t, direct.Close())

	for v := 1; v < len(migs); v++ {
		path := fromOne(v)
		s, err := OpenWithClock(ctx, path, func() time.Time { return at.Add(time.Hour) })
		mustNoErr(t, err)
		if got := pragmaInt(t, s.w, "user_version"); got != int64(len(migs)) {
			t.Errorf("from schema %d: user_version %d, want %d", v, got, len(migs))
		}
		var indexes []string
		rows, err := s.w.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'touchpoints'")
		mustNoErr(t, err)
		for rows.Next() {
			var n string
			mustNoErr(t, rows.Scan(&n))
			indexes = append(indexes, n)
		}
		rows.Close()
		if !slices.Contains(indexes, "touchpoints_contact_ledger") || slices.Contains(indexes, "touchpoints_contact_date") ||
			!slices.Contains(indexes, "touchpoints_stakeholder_day") || slices.Contains(indexes, "touchpoints_stakeholder") {
			t.Errorf("from schema %d the conversations' indexes are %v", v, indexes)
		}
		if got := exportJSON(t, s); !bytes.Equal(got, want) {
			t.Errorf("from schema %d the workbook exports differently from the one migrated from schema 1 at once", v)
		}
		got, err := s.ProposalScores(ctx, day, true)
		mustNoErr(t, err)
		if !equalJSON(t, got, wantScores) {
			t.Errorf("from schema %d the scores are %+v, want %+v", v, got, wantScores)
		}
		if n := checkScores(t, s, day, "after migrating"); n != 0 {
			t.Errorf("from schema %d the second list assessed %d, want none", v, n)
		}
		backups, _ := filepath.Glob(path + ".bak-v*")
		if !slices.ContainsFunc(backups, func(b string) bool {
			return strings.Contains(b, ".bak-v"+string(rune('0'+v))+"-") && !strings.HasSuffix(b, "-wal") && !strings.HasSuffix(b, "-shm")
		}) {
			t.Errorf("from schema %d no copy was saved before migrating: %v", v, backups)
		}
		mustNoErr(t, s.Close())
	}
}
