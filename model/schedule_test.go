package model

import (
	"slices"
	"strings"
	"testing"
)

func TestBackwardScheduleChain(t *testing.T) {
	m := newMini() // decision in 20 days
	decision := m.d.Proposal.DecisionDate
	a := m.person("Ann", RoleInfluencer, 2, StanceNeutral)
	b := m.person("Bo", RoleInRoom, 3, StanceNeutral)
	c := m.person("Cat", RoleDecisionMaker, 5, StanceNeutral)
	solo := m.person("Sol", RoleAffected, 1, StanceNeutral)
	done := m.person("Don", RoleAffected, 1, StanceNeutral)
	m.d.Stakeholders[0].Plan.BeforeID = b.ID
	m.d.Stakeholders[1].Plan.BeforeID = c.ID
	m.d.Stakeholders[3].Plan.TargetDate = fixtureToday.AddDays(-1) // overdue
	m.d.Stakeholders[4].Plan.Done = true

	s := Assess(m.d, fixtureToday).Schedule
	latest := map[int64]Date{}
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
	m := newMini()
	decision := m.d.Proposal.DecisionDate
	x := m.person("Xan", RoleInRoom, 3, StanceNeutral)
	y := m.person("Yul", RoleInRoom, 3, StanceNeutral)
	m.person("Lee", RoleInRoom, 3, StanceNeutral)
	m.person("Fay", RoleInRoom, 3, StanceNeutral)
	then := m.person("Tim", RoleInRoom, 3, StanceNeutral)
	m.d.Stakeholders[0].Plan.BeforeID = y.ID
	m.d.Stakeholders[1].Plan.BeforeID = x.ID // loop
	m.d.Stakeholders[2].Plan.TargetDate = decision
	m.d.Stakeholders[3].Plan = Plan{BeforeID: then.ID, TargetDate: fixtureToday.AddDays(5)}
	m.d.Stakeholders[4].Plan.TargetDate = fixtureToday.AddDays(4)

	r := Assess(m.d, fixtureToday)
	s := r.Schedule
	if !slices.Equal(s.Cycle, []int64{x.ID, y.ID}) {
		t.Errorf("cycle %v, want [%d %d]", s.Cycle, x.ID, y.ID)
	}
	joined := strings.Join(s.Conflicts, "\n")
	for _, want := range []string{
		"loops: Xan before Yul before Xan",
		"The talk with Lee is planned for " + decision.Human() + ", not before the decision",
		"The talk with Fay (" + fixtureToday.AddDays(5).Human() + ") must come before the one with Tim",
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
	m := newMini()
	m.d.Proposal.DecisionDate = Date{}
	a := m.person("Ann", RoleInRoom, 3, StanceNeutral)
	b := m.person("Bo", RoleInRoom, 3, StanceNeutral)
	m.d.Stakeholders[0].Plan.BeforeID = b.ID
	s := Assess(m.d, fixtureToday).Schedule
	for _, it := range s.Items {
		if !it.LatestSafe.IsZero() || it.Overdue {
			t.Errorf("without a decision date, %d has latest safe %s, overdue %v", it.StakeholderID, it.LatestSafe, it.Overdue)
		}
	}
	if !slices.Equal(s.CriticalPath, []int64{a.ID, b.ID}) {
		t.Errorf("critical path %v", s.CriticalPath)
	}
}
