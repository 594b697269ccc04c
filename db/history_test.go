package db

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// failHistoryWhen installs a trigger, for one test case, that makes a
// history insert matching the SQL condition fail. If a change and its
// history row were written in separate transactions, the change would still
// land.
func failHistoryWhen(t *testing.T, s *Store, cond string) {
	t.Helper()
	ctx := context.Background()
	_, err := s.w.ExecContext(ctx, `CREATE TEMP TRIGGER fail_history BEFORE INSERT ON main.history
		WHEN `+cond+` BEGIN SELECT RAISE(ABORT, 'history insert refused by test'); END`)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := s.w.ExecContext(ctx, "DROP TRIGGER temp.fail_history"); err != nil {
			t.Error(err)
		}
	})
}

func count(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.w.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestHistoryIsInTheSameTransaction(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	const marker = "MARKER"
	markerCond := "instr(NEW.new, 'MARKER') > 0 OR instr(NEW.old, 'MARKER') > 0"

	cases := []struct {
		name   string
		cond   string // which history row fails
		change func() error
		landed func() bool
	}{
		{"create proposal", markerCond, func() error {
			_, err := s.CreateProposal(ctx, model.Proposal{Title: "Secret " + marker})
			return err
		}, func() bool { return count(t, s, "SELECT count(*) FROM proposals WHERE title LIKE '%MARKER%'") > 0 }},
		{"update proposal", markerCond, func() error {
			p := f.proposal
			p.Forum = "Forum " + marker
			_, err := s.UpdateProposal(ctx, p)
			return err
		}, func() bool { return count(t, s, "SELECT count(*) FROM proposals WHERE forum LIKE '%MARKER%'") > 0 }},
		{"create contact", markerCond, func() error {
			_, err := s.CreateContact(ctx, model.Contact{Name: "Person " + marker})
			return err
		}, func() bool { return count(t, s, "SELECT count(*) FROM contacts WHERE name LIKE '%MARKER%'") > 0 }},
		{"update stakeholder", markerCond, func() error {
			st := f.sDana
			st.Wants = "Wants " + marker
			st.Stance = model.StanceChampion
			_, err := s.UpdateStakeholder(ctx, st)
			return err
		}, func() bool {
			return count(t, s, "SELECT count(*) FROM stakeholders WHERE wants LIKE '%MARKER%' OR stance = 'champion'") > 0
		}},
		// The touchpoint's own row goes in first, then the stakeholder's
		// plan update, then both history rows: failing on the plan.done row
		// must undo all of it.
		{"log conversation", "NEW.field = 'plan.done'", func() error {
			_, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 20), Said: marker})
			return err
		}, func() bool {
			return count(t, s, "SELECT count(*) FROM touchpoints") > 0 ||
				count(t, s, "SELECT plan_done FROM stakeholders WHERE id = ?", f.sDana.ID) == 1
		}},
		{"add objection", markerCond, func() error {
			_, err := s.AddObjection(ctx, model.Objection{ProposalID: f.proposal.ID, Text: "Cost " + marker})
			return err
		}, func() bool { return count(t, s, "SELECT count(*) FROM objections") > 0 }},
		{"add blind spot", markerCond, func() error {
			_, err := s.AddBlindSpot(ctx, model.BlindSpot{ProposalID: f.proposal.ID, Text: "Gap " + marker})
			return err
		}, func() bool { return count(t, s, "SELECT count(*) FROM blind_spots") > 0 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			failHistoryWhen(t, s, c.cond)
			historyBefore := count(t, s, "SELECT count(*) FROM history")
			err := c.change()
			if err == nil || !strings.Contains(err.Error(), "history insert refused by test") {
				t.Fatalf("change succeeded although its history row failed: %v", err)
			}
			if c.landed() {
				t.Error("the change landed without its history row")
			}
			if n := count(t, s, "SELECT count(*) FROM history"); n != historyBefore {
				t.Errorf("history grew from %d to %d", historyBefore, n)
			}
		})
	}
	// The log conversation case: the stakeholder's plan is untouched too,
	// although that update ran before the failing insert.
	st, _ := s.GetStakeholder(ctx, f.sDana.ID)
	if st.Plan.Done {
		t.Error("plan marked done by a conversation that was rolled back")
	}
}

// After N updates there are exactly N update rows, each old → new.
func TestHistoryRecordsEveryUpdate(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	stances := []model.Stance{model.StanceNeutral, model.StanceSupporter, model.StanceOpponent, model.StanceChampion, model.StanceSkeptic}
	st := f.sDana
	prev := st.Stance
	var want []string
	for _, next := range stances {
		st.Stance = next
		var err error
		st, err = s.UpdateStakeholder(ctx, st)
		mustNoErr(t, err)
		want = append(want, prev.String()+"→"+next.String())
		prev = next
	}
	hist, err := s.ListHistory(ctx, HistoryFilter{Entity: model.EntityStakeholder, EntityID: f.sDana.ID})
	mustNoErr(t, err)
	var got []string
	for _, h := range hist {
		if h.Action == model.ActionUpdate {
			if h.Field != "stance" || h.ProposalID != f.proposal.ID {
				t.Errorf("unexpected row %+v", h)
			}
			got = append(got, h.Old+"→"+h.New)
		}
	}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("stance history:\n got %q\nwant %q", got, want)
	}
	for i := 1; i < len(hist); i++ {
		if !hist[i].At.After(hist[i-1].At) || hist[i].ID <= hist[i-1].ID {
			t.Errorf("history not oldest first at %d", i)
		}
	}
}

func TestHistoryIsAppendOnly(t *testing.T) {
	s, _ := openTest(t)
	buildFixture(t, s)
	ctx := context.Background()
	for _, q := range []string{"UPDATE history SET new = 'x'", "DELETE FROM history"} {
		if _, err := s.w.ExecContext(ctx, q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v", q, err)
		}
	}
}

func TestListHistoryFilters(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	all, err := s.ListHistory(ctx, HistoryFilter{})
	mustNoErr(t, err)
	cases := []struct {
		name   string
		filter HistoryFilter
		keep   func(model.HistoryEvent) bool
	}{
		{"everything", HistoryFilter{}, func(model.HistoryEvent) bool { return true }},
		{"one proposal", HistoryFilter{ProposalID: f.proposal.ID}, func(e model.HistoryEvent) bool { return e.ProposalID == f.proposal.ID }},
		{"contacts", HistoryFilter{Entity: model.EntityContact}, func(e model.HistoryEvent) bool { return e.Entity == model.EntityContact }},
		{"one contact", HistoryFilter{Entity: model.EntityContact, EntityID: f.dana.ID}, func(e model.HistoryEvent) bool {
			return e.Entity == model.EntityContact && e.EntityID == f.dana.ID
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.ListHistory(ctx, c.filter)
			mustNoErr(t, err)
			var want []model.HistoryEvent
			for _, e := range all {
				if c.keep(e) {
					want = append(want, e)
				}
			}
			if len(want) == 0 || !equalJSON(t, got, want) {
				t.Errorf("got %d rows, want %d", len(got), len(want))
			}
		})
	}
	last2, err := s.ListHistory(ctx, HistoryFilter{Limit: 2})
	mustNoErr(t, err)
	if !equalJSON(t, last2, all[len(all)-2:]) {
		t.Errorf("Limit 2 = %+v, want the two most recent, oldest first", last2)
	}
	if _, err := s.GetProposal(ctx, 1); errors.Is(err, ErrNotFound) {
		t.Fatal("fixture missing")
	}
}
