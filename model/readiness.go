package model

import (
	"fmt"
	"strings"
)

// Factor keys, stable for JSON and for Readiness.Factor.
const (
	FactorCoverage   = "coverage"
	FactorSupport    = "support"
	FactorObjections = "objections"
	FactorBlindSpots = "blind_spots"
	FactorPlan       = "plan"
	FactorTiming     = "timing"
)

// Weight is the most points one readiness factor can give.
type Weight struct {
	Key  string
	Name string
	Max  int
}

// Weights are the readiness factors in display order with their maximum
// points; they sum to 100. Every number that shapes the score lives in this
// block, so the README can show it whole and nobody hunts for magic numbers.
var Weights = []Weight{
	{FactorCoverage, "Coverage of the room", 25}, // share of the room's influence talked to about this proposal
	{FactorSupport, "Support in the room", 25},   // influence-weighted stance (70%) and share at or beyond their target stance (30%)
	{FactorObjections, "Open objections", 20},    // loses points per open objection by severity, half as many when a voice in the room will answer it
	{FactorBlindSpots, "Blind spots", 10},        // loses a quarter per open blind spot
	{FactorPlan, "Plan completeness", 10},        // remaining talks with when, what and where, halved when a talk is mis-scheduled
	{FactorTiming, "Timing", 10},                 // days left against talks still to hold (60%) and talks not overdue (40%)
}

// The tunables behind the factors, kept beside the weights.
const (
	// ReadyAt and GettingThereAt are the verdict thresholds on the score.
	ReadyAt        = 80
	GettingThereAt = 50

	// Support: the share of the stance credit and of the target gap.
	supportStancePart = 700 // per mille
	supportTargetPart = 300 // per mille

	// Objections: penalty units per open objection (halved with a voice in
	// the room); the factor is empty at objectionBudget units.
	penaltyMinor    = 2
	penaltyMajor    = 6
	penaltyBlocker  = 12
	objectionBudget = 24

	// Blind spots: the factor is empty at this many open ones.
	blindSpotBudget = 4

	// HeardFloor is the share (per mille) of the objections and blind-spot
	// factors given when nobody in the room has been talked to yet; it rises
	// to the full factor with the share of the room's influence heard from.
	HeardFloor = 500

	// Timing: share of capacity (one talk a day before the decision) and of
	// talks not overdue; the part given when there is no decision date.
	timingCapacityPart = 600 // per mille
	timingOverduePart  = 400 // per mille
	timingNoDate       = 300 // per mille of the factor

	// Plan: a mis-scheduled talk keeps this share of its credit.
	planConflictKeep = 500 // per mille
)

// stanceCredit is how much each stance is worth to the support factor, per mille.
func stanceCredit(s Stance) int {
	switch s {
	case StanceChampion:
		return 1000
	case StanceSupporter:
		return 800
	case StanceNeutral:
		return 400
	case StanceSkeptic:
		return 150
	case StanceOpponent:
		return 0
	}
	return 200 // unknown: better than a skeptic, far from a supporter
}

// objectionPenalty is what one live objection costs, in penalty units.
func objectionPenalty(sev Severity, voiced bool) int {
	p := penaltyMinor
	switch sev {
	case SeverityMajor:
		p = penaltyMajor
	case SeverityBlocker:
		p = penaltyBlocker
	}
	if voiced {
		p /= 2
	}
	return p
}

func weightOf(key string) Weight {
	for _, w := range Weights {
		if w.Key == key {
			return w
		}
	}
	panic("model: unknown readiness factor " + key)
}

// Factor returns the factor with the given key, if the assessment has it.
func (r Readiness) Factor(key string) (Factor, bool) {
	for _, f := range r.Factors {
		if f.Key == key {
			return f, true
		}
	}
	return Factor{}, false
}

// Assess judges how ready a proposal is on the given day. It is pure and
// deterministic: input slices are sorted internally, so the same data in any
// order gives the same result. Each factor is rounded on its own and the
// score is the sum of the shown points, so nothing is hidden.
func Assess(d Dossier, today Date) Readiness {
	r, _ := assess(d, today)
	return r
}

// assess is Assess that also hands back the index it built, for a caller
// (the redacted brief) that needs both.
func assess(d Dossier, today Date) (Readiness, *dossierIndex) {
	x := newDossierIndex(d, today)
	r := Readiness{Today: today}
	if !x.p.DecisionDate.IsZero() {
		r.DaysLeft = today.DaysUntil(x.p.DecisionDate)
	}
	r.Schedule = x.schedule()
	r.Forecast = x.forecast()
	r.WhoKnows = x.whoKnows()

	r.Factors = []Factor{
		x.coverageFactor(),
		x.supportFactor(),
		x.objectionsFactor(),
		x.blindSpotsFactor(),
		x.planFactor(r.Schedule),
		x.timingFactor(r.Schedule, r.DaysLeft),
	}
	for _, f := range r.Factors {
		r.Score += f.Points
	}
	r.Verdict, r.Caps = x.verdict(r.Score, r.Forecast)
	r.Risks = x.risks(r)
	r.NextActions = x.actions(r)
	return r, x
}

// verdict applies the thresholds, then the hard caps with the reason for each.
func (x *dossierIndex) verdict(score int, fc Forecast) (Verdict, []string) {
	v := NotReady
	switch {
	case score >= ReadyAt:
		v = ReadyToPitch
	case score >= GettingThereAt:
		v = GettingThere
	}
	var caps []string
	limit := ReadyToPitch
	lower := func(to Verdict, why string) {
		caps = append(caps, why)
		limit = min(limit, to)
	}
	if len(x.people) == 0 {
		lower(NotReady, "nobody is named yet: a proposal with no stakeholders is not ready")
	} else if !x.anyDecider() {
		lower(GettingThere, "nobody is marked as the decision-maker or as voting")
	}
	if bl := x.roomBlockers(); len(bl) > 0 {
		lower(GettingThere, fmt.Sprintf("%s from someone in the room is still open", plural(len(bl), "blocker objection", "blocker objections")))
	}
	if fc.Outcome == OutcomeFails {
		lower(GettingThere, "the room forecast says it fails on today's stances")
	}
	if v > limit {
		v = limit
	} else {
		caps = nil // the caps did not change the verdict; no need to explain them
	}
	return v, caps
}

// scaled turns a share (num/den) of a factor's maximum into milli-points.
func scaled(limit, num, den int) int {
	if den <= 0 {
		return 0
	}
	num = max(0, min(den, num))
	return limit * 1000 * num / den
}

// newFactor rounds milli-points half up to whole points within 0..max.
func newFactor(key string, milli int, reason string) Factor {
	w := weightOf(key)
	pts := (milli + 500) / 1000
	pts = max(0, min(w.Max, pts))
	return Factor{Key: key, Name: w.Name, Points: pts, Max: w.Max, Reason: reason}
}

func (x *dossierIndex) coverageFactor() Factor {
	if len(x.people) == 0 {
		return newFactor(FactorCoverage, 0, "nobody named yet")
	}
	if len(x.room) == 0 {
		return newFactor(FactorCoverage, 0, "nobody is marked decision-maker, in the room or voting")
	}
	var total, covered, n int
	var missing []string
	for _, i := range x.room {
		w := x.people[i].influence()
		total += w
		if x.talked(i) {
			covered += w
			n++
		} else {
			missing = append(missing, x.name(i))
		}
	}
	reason := fmt.Sprintf("talked to %d of %d in the room (influence %d of %d)", n, len(x.room), covered, total)
	if len(missing) > 0 {
		reason += "; not yet: " + listSome(missing, 3)
	}
	return newFactor(FactorCoverage, scaled(weightOf(FactorCoverage).Max, covered, total), reason)
}

func (x *dossierIndex) supportFactor() Factor {
	if len(x.room) == 0 {
		return newFactor(FactorSupport, 0, "no one in the room to count")
	}
	var total, credit, met, sum int
	var worst int = -1
	worstGap := 0
	for _, i := range x.room {
		s := x.people[i]
		w := s.influence()
		total += w
		per := supportStancePart * stanceCredit(s.Stance) / 1000
		target := x.target(i)
		if s.Stance.Known() && s.Stance >= target {
			per += supportTargetPart
			met++
		} else if gap := stanceGap(s.Stance, target); gap > worstGap {
			worstGap, worst = gap, i
		}
		credit += w * per
		sum += w * s.Stance.Score()
	}
	reason := fmt.Sprintf("average stance %s (influence-weighted, −2…+2); %d of %d at or beyond target", signedTenths(sum*10/total), met, len(x.room))
	if worst >= 0 {
		reason += fmt.Sprintf("; furthest: %s (%s, needs %s)", x.name(worst), x.people[worst].Stance, x.target(worst))
	}
	return newFactor(FactorSupport, scaled(weightOf(FactorSupport).Max, credit, total*1000), reason)
}

func (x *dossierIndex) objectionsFactor() Factor {
	var pen, live, voiced int
	bySev := map[Severity]int{}
	for _, o := range x.d.Objections {
		if !o.Status.Live() {
			continue
		}
		v := x.voiced(o)
		pen += objectionPenalty(o.Severity, v)
		live++
		bySev[o.Severity]++
		if v {
			voiced++
		}
	}
	top := weightOf(FactorObjections).Max
	if live == 0 {
		reason := "no open objections"
		if len(x.d.Objections) == 0 {
			reason += " (none logged yet: ask who will object)"
		}
		return x.heardFactor(FactorObjections, top*1000, reason)
	}
	var parts []string
	for _, sev := range Severities() {
		if n := bySev[sev]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, sev))
		}
	}
	reason := fmt.Sprintf("%s open (%s); %d with a voice in the room",
		plural(live, "objection", "objections"), strings.Join(parts, ", "), voiced)
	return x.heardFactor(FactorObjections, scaled(top, objectionBudget-pen, objectionBudget), reason)
}

// heardFactor scales a factor that rewards the absence of trouble (open
// objections, open blind spots) by how much of the room has been heard:
// half credit when nobody has been talked to, full credit once everyone has.
// "No objections" means little before anyone was asked. The scale depends
// only on coverage, so adding an objection still never raises the score and
// resolving one never lowers it.
func (x *dossierIndex) heardFactor(key string, milli int, reason string) Factor {
	heard, total := x.heardInfluence()
	if total > 0 && heard >= total {
		return newFactor(key, milli, reason)
	}
	confidence := HeardFloor
	if total > 0 {
		confidence += (1000 - HeardFloor) * heard / total
	}
	reason += fmt.Sprintf("; counted at %d%% until the whole room has been heard", confidence/10)
	return newFactor(key, milli*confidence/1000, reason)
}

// heardInfluence is the room's influence talked to, and its total.
func (x *dossierIndex) heardInfluence() (heard, total int) {
	for _, i := range x.room {
		w := x.people[i].influence()
		total += w
		if x.talked(i) {
			heard += w
		}
	}
	return heard, total
}

func (x *dossierIndex) blindSpotsFactor() Factor {
	open := 0
	for _, b := range x.d.BlindSpots {
		if b.Status == BlindSpotOpen {
			open++
		}
	}
	top := weightOf(FactorBlindSpots).Max
	var reason string
	switch {
	case len(x.d.BlindSpots) == 0:
		reason = "none recorded yet: ask \"am I thinking about this right?\""
	case open == 0:
		reason = fmt.Sprintf("all %d addressed", len(x.d.BlindSpots))
	default:
		reason = fmt.Sprintf("%d of %d still open", open, len(x.d.BlindSpots))
	}
	return x.heardFactor(FactorBlindSpots, scaled(top, blindSpotBudget-open, blindSpotBudget), reason)
}

func (x *dossierIndex) planFactor(sched Schedule) Factor {
	top := weightOf(FactorPlan).Max
	if len(x.people) == 0 {
		return newFactor(FactorPlan, 0, "nobody to plan a talk with yet")
	}
	conflicted := map[int64]bool{}
	for _, it := range sched.Items {
		if x.itemConflicted(it, sched) {
			conflicted[it.StakeholderID] = true
		}
	}
	var total, credit, complete, pending, bad int
	var gaps []string
	for i, s := range x.people {
		if s.Plan.Done {
			continue
		}
		pending++
		w := s.influence()
		total += w
		miss := s.Plan.missing()
		per := (3 - len(miss)) * 1000 / 3
		if conflicted[s.ID] {
			per = per * planConflictKeep / 1000
			bad++
		}
		credit += w * per
		if len(miss) == 0 {
			complete++
		} else {
			gaps = append(gaps, fmt.Sprintf("%s (%s)", x.name(i), strings.Join(miss, ", ")))
		}
	}
	if pending == 0 {
		return newFactor(FactorPlan, top*1000, "every planned talk has been held")
	}
	reason := fmt.Sprintf("%d of %d remaining talks have when, what and where", complete, pending)
	if bad > 0 {
		reason += fmt.Sprintf("; %s mis-scheduled", plural(bad, "talk", "talks"))
	}
	if len(gaps) > 0 {
		reason += "; missing: " + listSome(gaps, 2)
	}
	return newFactor(FactorPlan, scaled(top, credit, total*1000), reason)
}

// itemConflicted reports whether a scheduled talk falls after its latest safe
// day or sits in an ordering cycle.
func (x *dossierIndex) itemConflicted(it ScheduleItem, sched Schedule) bool {
	for _, id := range sched.Cycle {
		if id == it.StakeholderID {
			return true
		}
	}
	return !it.TargetDate.IsZero() && !it.LatestSafe.IsZero() && it.TargetDate.After(it.LatestSafe)
}

func (x *dossierIndex) timingFactor(sched Schedule, daysLeft int) Factor {
	top := weightOf(FactorTiming).Max
	p := x.p
	if p.DecisionDate.IsZero() {
		return newFactor(FactorTiming, top*timingNoDate, "no decision date set")
	}
	if daysLeft < 0 {
		if !p.Status.Open() || p.Status == StatusPitched {
			return newFactor(FactorTiming, top*1000, "the forum has met")
		}
		return newFactor(FactorTiming, 0, fmt.Sprintf("the decision date passed %s ago", plural(-daysLeft, "day", "days")))
	}
	remaining := len(sched.Items)
	overdue := 0
	for _, it := range sched.Items {
		if it.Overdue {
			overdue++
		}
	}
	capacity := 1000
	if remaining > 0 {
		capacity = min(1000, max0(daysLeft-1)*1000/remaining)
	}
	onTime := 1000
	if remaining > 0 {
		onTime = 1000 - overdue*1000/remaining
	}
	per := timingCapacityPart*capacity/1000 + timingOverduePart*onTime/1000
	reason := fmt.Sprintf("%s left for %s", plural(daysLeft, "day", "days"), plural(remaining, "talk", "talks"))
	if overdue > 0 {
		reason += fmt.Sprintf("; %d overdue", overdue)
	}
	return newFactor(FactorTiming, top*per, reason)
}

// stanceGap ranks how far a stance is from its target, in half steps; an
// unknown stance counts as half a step so that known resistance is named first.
func stanceGap(s, target Stance) int {
	if !s.Known() {
		return 1
	}
	return 2 * (int(target) - int(s))
}

func max0(n int) int { return max(0, n) }

// plural writes "1 talk" or "3 talks".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// listSome joins up to n items and says how many more there are.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}

// signedTenths writes a value held in tenths as "+0.4" or "−1.2".
func signedTenths(t int) string {
	if t == 0 {
		return "0.0"
	}
	sign := "+"
	if t < 0 {
		sign, t = "−", -t
	}
	return fmt.Sprintf("%s%d.%d", sign, t/10, t%10)
}

// signed writes a small integer with its sign: "+2", "0", "−1".
func signed(n int) string {
	switch {
	case n > 0:
		return fmt.Sprintf("+%d", n)
	case n < 0:
		return fmt.Sprintf("−%d", -n)
	}
	return "0"
}
