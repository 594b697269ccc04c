package readiness

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// schedule works backwards from the decision date: every remaining talk must
// happen at least a day before the decision, and a talk that must come before
// someone else's must happen at least a day before that talk's latest safe
// day. Orderings that loop are reported, never followed round.
func (x *dossierIndex) schedule() Schedule {
	n := len(x.people)
	var sched Schedule
	decision := x.p.DecisionDate
	var own model.Date // the bound every talk has: the day before the decision
	if !decision.IsZero() {
		own = decision.AddDays(-1)
	}

	next := make([]int, n) // the pending talk each one must precede, or -1
	for i, s := range x.people {
		next[i] = -1
		if s.Plan.Done || s.Plan.BeforeID == 0 {
			continue
		}
		j, ok := x.pos[s.Plan.BeforeID]
		if !ok {
			continue
		}
		if x.people[j].Plan.Done {
			sched.Conflicts = append(sched.Conflicts, fmt.Sprintf(
				"The talk with %s was meant to come before the one with %s, which has already happened.", x.name(i), x.name(j)))
			continue
		}
		next[i] = j
	}

	latest := make([]model.Date, n)
	depth := make([]int, n) // talks on the chain from here to the decision
	inCycle := make([]bool, n)
	state := make([]uint8, n) // 0 new, 1 on the current walk, 2 settled
	var cycles [][]int64
	for i, s := range x.people {
		if s.Plan.Done || state[i] != 0 {
			continue
		}
		var path []int
		cur := i
		for cur >= 0 && state[cur] == 0 {
			state[cur] = 1
			path = append(path, cur)
			cur = next[cur]
		}
		if cur >= 0 && state[cur] == 1 {
			at := slices.Index(path, cur)
			var ids []int64
			for _, c := range path[at:] {
				inCycle[c] = true
				latest[c], depth[c], state[c] = own, 1, 2
				ids = append(ids, x.people[c].ID)
			}
			cycles = append(cycles, rotateToMin(ids))
			path = path[:at]
		}
		for k := len(path) - 1; k >= 0; k-- {
			c := path[k]
			latest[c], depth[c] = own, 1
			if nx := next[c]; nx >= 0 {
				depth[c] = depth[nx] + 1
				if !latest[nx].IsZero() {
					bound := latest[nx].AddDays(-1)
					if latest[c].IsZero() || bound.Before(latest[c]) {
						latest[c] = bound
					}
				}
			}
			state[c] = 2
		}
	}

	slices.SortFunc(cycles, func(a, b []int64) int { return cmp.Compare(a[0], b[0]) })
	for _, cyc := range cycles {
		sched.Cycle = append(sched.Cycle, cyc...)
		names := make([]string, 0, len(cyc)+1)
		for _, id := range cyc {
			names = append(names, x.nameByID(id))
		}
		names = append(names, names[0])
		sched.Conflicts = append(sched.Conflicts, fmt.Sprintf(
			"The \"talk before\" order loops: %s; break the loop in the plan.", strings.Join(names, " before ")))
	}

	critical := x.criticalPath(next, depth, latest, inCycle)
	onPath := map[int]bool{}
	for _, c := range critical {
		onPath[c] = true
		sched.CriticalPath = append(sched.CriticalPath, x.people[c].ID)
	}

	order := make([]int, 0, n)
	for i, s := range x.people {
		if s.Plan.Done {
			continue
		}
		order = append(order, i)
		sched.Conflicts = append(sched.Conflicts, x.talkConflicts(i, next[i], latest[i])...)
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(model.CompareDates(latest[a], latest[b]), model.CompareDates(x.people[a].Plan.TargetDate, x.people[b].Plan.TargetDate))
	})
	for _, i := range order {
		s := x.people[i]
		it := ScheduleItem{StakeholderID: s.ID, TargetDate: s.Plan.TargetDate, LatestSafe: latest[i], Critical: onPath[i]}
		it.Overdue = (!it.TargetDate.IsZero() && it.TargetDate.Before(x.today)) ||
			(!it.LatestSafe.IsZero() && it.LatestSafe.Before(x.today))
		sched.Items = append(sched.Items, it)
	}
	return sched
}

// talkConflicts explains what is wrong with the date of person i's talk.
func (x *dossierIndex) talkConflicts(i, next int, latest model.Date) []string {
	target := x.people[i].Plan.TargetDate
	if target.IsZero() {
		return nil
	}
	decision := x.p.DecisionDate
	switch {
	case !decision.IsZero() && !target.Before(decision):
		return []string{fmt.Sprintf("The talk with %s is planned for %s, not before the decision on %s.",
			x.name(i), target.HumanAround(x.today), decision.HumanAround(x.today))}
	case next >= 0 && !x.people[next].Plan.TargetDate.IsZero() && !target.Before(x.people[next].Plan.TargetDate):
		return []string{fmt.Sprintf("The talk with %s (%s) must come before the one with %s (%s).",
			x.name(i), target.HumanAround(x.today), x.name(next), x.people[next].Plan.TargetDate.HumanAround(x.today))}
	case !latest.IsZero() && target.After(latest):
		return []string{fmt.Sprintf("The talk with %s is planned for %s, after its latest safe day, %s.",
			x.name(i), target.HumanAround(x.today), latest.HumanAround(x.today))}
	}
	return nil
}

// criticalPath is the longest chain of "talk before" orderings (two talks or
// more): the sequence with no room to slip. Ties go to the chain whose first
// talk has the earliest latest safe day, then to room-table order.
func (x *dossierIndex) criticalPath(next, depth []int, latest []model.Date, inCycle []bool) []int {
	start := -1
	for i, s := range x.people {
		if s.Plan.Done || inCycle[i] || depth[i] < 2 {
			continue
		}
		if start < 0 || depth[i] > depth[start] ||
			(depth[i] == depth[start] && model.CompareDates(latest[i], latest[start]) < 0) {
			start = i
		}
	}
	if start < 0 {
		return nil
	}
	var path []int
	for cur := start; cur >= 0; cur = next[cur] {
		path = append(path, cur)
		if inCycle[cur] {
			break
		}
	}
	return path
}

// rotateToMin turns a cycle so that it starts at its smallest ID.
func rotateToMin(ids []int64) []int64 {
	at := 0
	for k, id := range ids {
		if id < ids[at] {
			at = k
		}
	}
	return append(slices.Clone(ids[at:]), ids[:at]...)
}
