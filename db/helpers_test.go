package db

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/backchannel/backchannel/model"
)

// testClock is a reproducible clock that moves one second per reading. It
// runs in a zone east of UTC so tests see that stored times are UTC and that
// "today" is the local day.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock {
	return &testClock{t: time.Date(2026, 11, 21, 8, 59, 59, 123456789, time.FixedZone("CET", 3600))}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// today is the clock's local calendar day (the clock never crosses midnight
// in these tests).
func (c *testClock) today() model.Date {
	c.mu.Lock()
	defer c.mu.Unlock()
	return model.DateOf(c.t)
}

// openTest opens a fresh workbook in a temporary folder.
func openTest(t testing.TB) (*Store, *testClock) {
	t.Helper()
	clk := newTestClock()
	s, err := OpenWithClock(context.Background(), filepath.Join(t.TempDir(), "workbook.db"), clk.Now)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s, clk
}

// fixture is a small workbook built through the API.
type fixture struct {
	proposal     model.Proposal
	other        model.Proposal
	dana, marcus model.Contact
	via          model.Contact
	sDana        model.Stakeholder
	sMarcus      model.Stakeholder
}

func mustNoErr(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func buildFixture(t testing.TB, s *Store) fixture {
	t.Helper()
	ctx := context.Background()
	var f fixture
	var err error
	f.proposal, err = s.CreateProposal(ctx, model.Proposal{Title: "Consolidate the warehouses", Ask: "Approve $1.2M.",
		Kind: model.KindBudget, Forum: "Q1 steering committee", DecisionDate: model.NewDate(2026, 12, 3),
		DecisionRule: model.RuleMajority, Status: model.StatusPrewiring, Moment: model.MomentBeforeBoard})
	mustNoErr(t, err)
	f.other, err = s.CreateProposal(ctx, model.Proposal{Title: "Employee council seat", Kind: model.KindGovernance})
	mustNoErr(t, err)
	f.dana, err = s.CreateContact(ctx, model.Contact{Name: "Dana Reyes", Title: "CFO", Email: "dana@example.com",
		Kind: model.PartnerInfluencer, Discretion: model.DiscretionHigh})
	mustNoErr(t, err)
	f.marcus, err = s.CreateContact(ctx, model.Contact{Name: "Marcus Oyelaran", Kind: model.PartnerLateral})
	mustNoErr(t, err)
	f.via, err = s.CreateContact(ctx, model.Contact{Name: "Sofia Alvarez", Kind: model.PartnerInfluencer})
	mustNoErr(t, err)
	f.sDana, err = s.AddStakeholder(ctx, model.Stakeholder{ProposalID: f.proposal.ID, ContactID: f.dana.ID,
		Role: model.RoleDecisionMaker, Influence: 5, Votes: true, Veto: true, Stance: model.StanceSkeptic,
		TargetStance: model.StanceSupporter, Plan: model.Plan{Moment: model.MomentBeforeBoard, TargetDate: model.NewDate(2026, 11, 25),
			Approach: model.ApproachAsk, Message: "Walk her through the cost model.", Venue: model.VenueInPerson, ViaID: f.via.ID}})
	mustNoErr(t, err)
	f.sMarcus, err = s.AddStakeholder(ctx, model.Stakeholder{ProposalID: f.proposal.ID, ContactID: f.marcus.ID,
		Role: model.RoleInRoom, Influence: 3, Stance: model.StanceSupporter, TargetStance: model.StanceChampion,
		Plan: model.Plan{BeforeID: f.sDana.ID}})
	mustNoErr(t, err)
	return f
}

// exportJSON is the export as the CLI writes it.
func exportJSON(t testing.TB, s *Store) []byte {
	t.Helper()
	wb, err := s.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(wb, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func equalJSON(t testing.TB, a, b any) bool {
	t.Helper()
	ja, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(ja, jb)
}
