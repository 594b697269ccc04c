package readiness

import (
	"slices"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
)

func TestBackwardScheduleChain(t *testing.T) {
	m := sample.NewMini() // decision in 20 days
	decision := m.D.Proposal.DecisionDate
	a := m.Person("Ann", model.RoleInfluencer, 2, model.StanceNeutral)
	b := m.Person("Bo", model.RoleInRoom, 3, model.StanceNeutral)
	c := m.Person("Cat", model.RoleDecisionMaker, 5, model.StanceNeutral)
	solo := m.Person("Sol", model.RoleAffected, 1, model.StanceNeutral)
	done := m.Person("Don", model.RoleAffected, 1, model.StanceNeutral)
	m.D.Stakeholders[0].Plan.BeforeID = b.ID
	m.D.Stakeholders[1].Plan.BeforeID = c.ID
	m.D.Stakeholders[3].Plan.TargetDate = sample.FixtureToday.AddDays(-1) // overdue
	m.D.Stakeholders[4].Plan.Done = true

	s := Assess(m.D, sample.FixtureToday).Schedule
	latest := map[int64]model.Date{}
	for _, it := range s.Items {
		latest[it.StakeholderID] = it.LatestSafe
		if it.StakeholderID == done.ID {
			t.Errorf("a held talk is still on the schedule")
		}
		if it.Overdue != (it.StakeholderID == solo.ID) {
			t.Errorf("%d overdue = %v", it.StakeholderID, it.Overdue)
		}
		if it.Critical != (it.StakeholderID != solo.ID) {
			t.Errorf("%d critical = %v", it.StakeholderID, it.Critical)
		}
	}
	if latest[c.ID] != decision.AddDays(-1) || latest[b.ID] != decision.AddDays(-2) || latest[a.ID] != decision.AddDays(-3) {
		t.Errorf("latest safe days: Cat %s, Bo %s, Ann %s; decision %s", latest[c.ID], latest[b.ID], latest[a.ID], decision)
	}
	if !slices.Equal(s.CriticalPath, []int64{a.ID, b.ID, c.ID}) {
		t.Errorf("critical path %v", s.CriticalPath)
	}
	if s.Items[0].StakeholderID != a.ID {
		t.Errorf("schedule does not start with the earliest latest-safe day: %+v", s.Items[0])
	}
}

func TestScheduleConflictsAndCycles(t *testing.T) {
	m := sample.NewMini()
	decision := m.D.Proposal.DecisionDate
	x := m.Person("Xan", model.RoleInRoom, 3, model.StanceNeutral)
	y := m.Person("Yul", model.RoleInRoom, 3, model.StanceNeutral)
	m.Person("Lee", model.RoleInRoom, 3, model.StanceNeutral)
	m.Person("Fay", model.RoleInRoom, 3, model.StanceNeutral)
	then := m.Person("Tim", model.RoleInRoom, 3, model.StanceNeutral)
	m.D.Stakeholders[0].Plan.BeforeID = y.ID
	m.D.Stakeholders[1].Plan.BeforeID = x.ID // loop
	m.D.Stakeholders[2].Plan.TargetDate = decision
	m.D.Stakeholders[3].Plan = model.Plan{BeforeID: then.ID, TargetDate: sample.FixtureToday.AddDays(5)}
	m.D.Stakeholders[4].Plan.TargetDate = sample.FixtureToday.AddDays(4)

	r := Assess(m.D, sample.FixtureToday)
	s := r.Schedule
	if !slices.Equal(s.Cycle, []int64{x.ID, y.ID}) {
		t.Errorf("cycle %v, want [%d %d]", s.Cycle, x.ID, y.ID)
	}
	joined := strings.Join(s.Conflicts, "\n")
	for _, want := range []string{
		"loops: Xan before Yul before Xan",
		"The talk with Lee is planned for " + decision.Human() + ", not before the decision",
		"The talk with Fay (" + sample.FixtureToday.AddDays(5).Human() + ") must come before the one with Tim",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("conflicts lack %q:\n%s", want, joined)
		}
	}
	for _, it := range s.Items {
		if (it.StakeholderID == x.ID || it.StakeholderID == y.ID) && it.LatestSafe != decision.AddDays(-1) {
			t.Errorf("a talk in a loop got latest safe %s", it.LatestSafe)
		}
	}
	if p := points(t, r, FactorPlan); p >= 10 {
		t.Errorf("plan factor %d despite conflicts", p)
	}
}

func TestScheduleWithoutDecisionDate(t *testing.T) {
	m := sample.NewMini()
	m.D.Proposal.DecisionDate = model.Date{}
	a := m.Person("Ann", model.RoleInRoom, 3, model.StanceNeutral)
	b := m.Person("Bo", model.RoleInRoom, 3, model.StanceNeutral)
	m.D.Stakeholders[0].Plan.BeforeID = b.ID
	s := Assess(m.D, sample.FixtureToday).Schedule
	for _, it := range s.Items {
		if !it.LatestSafe.IsZero() || it.Overdue {
			t.Errorf("without a decision date, %d has latest safe %s, overdue %v", it.StakeholderID, it.LatestSafe, it.Overdue)
		}
	}
	if !slices.Equal(s.CriticalPath, []int64{a.ID, b.ID}) {
		t.Errorf("critical path %v", s.CriticalPath)
	}
}
