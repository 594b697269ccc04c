// Long by design: the weights, the tunables and the six factors side by side, so every number that shapes the score is in one file.

package readiness

import (
	"fmt"
	"strings"

	"github.com/backchannel/backchannel/model"
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
	{FactorCoverage, "Coverage of the room", 25}, // share of the room's influence talked to and not against
	{FactorSupport, "Support in the room", 25},   // influence-weighted stance, aged (70%), and share won over to their target (30%)
	{FactorObjections, "Open objections", 20},    // loses points per open objection by severity, half as many with a voice in the room; only as far as the room is heard
	{FactorBlindSpots, "Blind spots", 10},        // loses a quarter per open blind spot; only as far as the room is heard
	{FactorPlan, "Plan completeness", 10},        // people still to win over with a complete, well-placed talk planned
	{FactorTiming, "Timing", 10},                 // days left against the talks still needed
}

// The tunables behind the factors and the caps, kept beside the weights.
const (
	// ReadyAt and GettingThereAt are the verdict bands: 80–100 Ready to
	// pitch, 50–79 Getting there, 0–49 Not ready. Caps pull the score into
	// the band of the verdict they hold.
	ReadyAt        = 80
	GettingThereAt = 50

	// HalfLifeDays is how fast a stance reading ages: it counts half after
	// this many days, a quarter after twice as many. A reading older than
	// this (or a stance never read in a conversation) also counts one step
	// lower when asking whether someone is won over.
	HalfLifeDays = 30
	// FreshDays is what the factors call a recent reading.
	FreshDays = 14
	// FinalWeekDays is when a talk still needed but not on the calendar
	// holds the verdict at Getting there.
	FinalWeekDays = 7

	// Support: the share of the stance credit and of the target part.
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

	// Timing: the part of the factor given when there is no decision date.
	timingNoDate = 300 // per mille of the factor

	// Plan: a talk dated after its latest safe day, in an ordering loop, or
	// already overdue keeps this share of its credit.
	planConflictKeep = 500 // per mille
)

// stanceCredit is how much each stance is worth to the support factor, per
// mille. Against and unknown earn nothing: absence of evidence is not
// support, and learning that someone is against must not raise the score.
func stanceCredit(s model.Stance) int {
	switch s {
	case model.StanceChampion:
		return 1000
	case model.StanceSupporter:
		return 800
	case model.StanceNeutral:
		return 400
	}
	return 0
}

// objectionPenalty is what one live objection costs, in penalty units.
func objectionPenalty(sev model.Severity, voiced bool) int {
	p := penaltyMinor
	switch sev {
	case model.SeverityMajor:
		p = penaltyMajor
	case model.SeverityBlocker:
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
// order gives the same result. Each factor is rounded on its own, a cap
// that holds the verdict lower shows the points it takes as a row of its
// own, and the score is the sum of the shown points, so nothing is hidden.
func Assess(d model.Dossier, today model.Date) Readiness {
	r, _ := assess(d, today)
	return r
}

// assess is Assess that also hands back the index it built, for a caller
// (the redacted brief) that needs both.
func assess(d model.Dossier, today model.Date) (Readiness, *dossierIndex) {
	r, x := judged(d, today, true)
	r.Risks = x.risks(r)
	r.NextActions = x.actions(r)
	return r, x
}

// Score is Assess's score and verdict alone, for the lists that show only
// these (db.Store.ProposalScores): the same judgement, without working out
// the risks and next actions that Assess adds after it and that cannot move
// it (TestScoreIsAssessedScore).
func Score(d model.Dossier, today model.Date) (int, Verdict) {
	r, _ := judged(d, today, false)
	return r.Score, r.Verdict
}

// judged is an assessment up to its score and verdict: the schedule, the
// factors and the caps; with whole also the forecast and who knows, which
// the caps work out for themselves and the risks read.
func judged(d model.Dossier, today model.Date, whole bool) (Readiness, *dossierIndex) {
	x := newDossierIndex(d, today)
	r := Readiness{Today: today}
	if !x.p.DecisionDate.IsZero() {
		r.DaysLeft = today.DaysUntil(x.p.DecisionDate)
	}
	x.readAll()
	r.Schedule = x.schedule()
	if whole {
		r.Forecast = x.forecast()
		r.WhoKnows = x.whoKnows()
	}

	r.Factors = []Factor{
		x.coverageFactor(),
		x.supportFactor(),
		x.objectionsFactor(),
		x.blindSpotsFactor(),
		x.planFactor(r.Schedule),
		x.timingFactor(r.DaysLeft),
	}
	raw := 0
	for _, f := range r.Factors {
		raw += f.Points
	}
	var row *Factor
	r.Score, r.Verdict, r.Caps, row = judge(raw, x.caps(r.DaysLeft))
	if row != nil {
		r.Factors = append(r.Factors, *row)
	}
	return r, x
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
func newFactor(key string, milli int, reason, basis string) Factor {
	w := weightOf(key)
	pts := (milli + 500) / 1000
	pts = max(0, min(w.Max, pts))
	return Factor{Key: key, Name: w.Name, Points: pts, Max: w.Max, Reason: reason, Basis: basis}
}

// talksBasis says what coverage rests on: the conversations logged with
// the room, and the latest.
func (x *dossierIndex) talksBasis() string {
	n := 0
	var latest model.Date
	for _, i := range x.room {
		n += len(x.talks[i])
		if t, ok := x.lastTalk(i); ok && t.Date.After(latest) {
			latest = t.Date
		}
	}
	if n == 0 {
		return "no conversation logged with anyone in the room"
	}
	return fmt.Sprintf("%s logged with people in the room, the latest on %s", model.Plural(n, "conversation", "conversations"), latest.HumanAround(x.today))
}

// readingsBasis says how fresh the room's stances are (principle 4).
func (x *dossierIndex) readingsBasis() string {
	recent, old, never := x.readings()
	out := fmt.Sprintf("stances read within %d days: %d of %d in the room", FreshDays, recent, len(x.room))
	if old > 0 {
		out += fmt.Sprintf("; over %d days ago: %d", HalfLifeDays, old)
	}
	if never > 0 {
		out += fmt.Sprintf("; never in a conversation: %d", never)
	}
	return out + fmt.Sprintf("; a reading counts half after %d days", HalfLifeDays)
}

func (x *dossierIndex) coverageFactor() Factor {
	if len(x.people) == 0 {
		return newFactor(FactorCoverage, 0, "nobody named yet", "no one to talk to")
	}
	if len(x.room) == 0 {
		return newFactor(FactorCoverage, 0, "nobody is marked decision-maker, in the room or voting", "no one in the room")
	}
	heard, total := x.heardShare()
	var missing, against []string
	n := 0
	for _, i := range x.room {
		switch {
		case x.reads[i].covered:
			n++
		case x.reads[i].talked:
			against = append(against, x.name(i))
		default:
			missing = append(missing, x.name(i))
		}
	}
	reason := fmt.Sprintf("talked to %d of %d in the room", n+len(against), len(x.room))
	if len(missing) > 0 {
		reason += "; not yet: " + model.ListSome(missing, 3)
	}
	if len(against) > 0 {
		reason += "; no credit while against: " + model.ListSome(against, 3)
	}
	reason += fmt.Sprintf("; credited influence %d of %d", heard, total)
	return newFactor(FactorCoverage, scaled(weightOf(FactorCoverage).Max, heard, total), reason, x.talksBasis())
}

func (x *dossierIndex) supportFactor() Factor {
	if len(x.room) == 0 {
		return newFactor(FactorSupport, 0, "no one in the room to count", "no one in the room")
	}
	var total, credit, met, sum int
	worst, worstGap := -1, 0
	for _, i := range x.room {
		s, rd := x.people[i], x.reads[i]
		w := s.ClampedInfluence()
		total += w
		// An aged reading slides from its stance's credit towards the next
		// stance down, never further: a fresh worse reading always counts
		// less than an old better one.
		lo, hi := stanceCredit(stepDown(s.Stance)), stanceCredit(s.Stance)
		per := supportStancePart * (lo + (hi-lo)*rd.fresh/1000) / 1000
		if rd.met {
			per += supportTargetPart
			met++
		} else if gap := stanceGap(rd.counted, x.target(i)); gap > worstGap {
			worstGap, worst = gap, i
		}
		credit += w * per
		sum += w * s.Stance.Score()
	}
	reason := fmt.Sprintf("average stance %s (influence-weighted, −2…+2); %d of %d won over to their target", signedTenths(sum*10/total), met, len(x.room))
	if worst >= 0 {
		st := x.people[worst].Stance.String()
		if rd := x.reads[worst]; rd.counted != x.people[worst].Stance {
			if rd.talked {
				st += fmt.Sprintf(" %d days ago", rd.age)
			} else {
				st += ", never in a conversation"
			}
		}
		reason += fmt.Sprintf("; furthest: %s (%s, needs %s)", x.name(worst), st, x.target(worst))
	}
	return newFactor(FactorSupport, scaled(weightOf(FactorSupport).Max, credit, total*1000), reason, x.readingsBasis())
}

func (x *dossierIndex) objectionsFactor() Factor {
	var pen, live, voiced int
	bySev := map[model.Severity]int{}
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
			reason = "none raised yet"
		}
		return x.heardFactor(FactorObjections, top*1000, reason, "objections")
	}
	var parts []string
	for _, sev := range model.Severities() {
		if n := bySev[sev]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, sev))
		}
	}
	reason := fmt.Sprintf("%s open (%s); %d with a voice in the room",
		model.Plural(live, "objection", "objections"), strings.Join(parts, ", "), voiced)
	return x.heardFactor(FactorObjections, scaled(top, objectionBudget-pen, objectionBudget), reason, "objections")
}

// heardFactor scales a factor that rewards the absence of trouble (open
// objections, open blind spots) by the share of the room's influence heard
// from: nothing when nobody has been asked, full once everyone has. "No
// objections" from a room nobody asked is unknown, not clean. Someone who
// is against does not count as heard: what they have not said is unknown.
// The scale depends only on who was heard, so adding an objection never
// raises the score and resolving one never lowers it.
func (x *dossierIndex) heardFactor(key string, milli int, reason, what string) Factor {
	heard, total := x.heardShare()
	basis := fmt.Sprintf("what %d of %d in the room (influence %d of %d) have told you", x.coveredCount(), len(x.room), heard, total)
	if total == 0 || heard == 0 {
		return newFactor(key, 0, reason+"; nobody in the room heard yet, so the "+what+" are unknown", basis)
	}
	if heard < total {
		reason += fmt.Sprintf("; counted at %d%%, the share of the room heard", heard*100/total)
	}
	return newFactor(key, milli*heard/total, reason, basis)
}

func (x *dossierIndex) coveredCount() int {
	n := 0
	for _, i := range x.room {
		if x.reads[i].covered {
			n++
		}
	}
	return n
}

func (x *dossierIndex) blindSpotsFactor() Factor {
	open := 0
	for _, b := range x.d.BlindSpots {
		if b.Status == model.BlindSpotOpen {
			open++
		}
	}
	top := weightOf(FactorBlindSpots).Max
	var reason string
	switch {
	case len(x.d.BlindSpots) == 0:
		reason = "none recorded: ask \"am I thinking about this right?\""
	case open == 0:
		reason = fmt.Sprintf("all %d addressed", len(x.d.BlindSpots))
	default:
		reason = fmt.Sprintf("%d of %d still open", open, len(x.d.BlindSpots))
	}
	return x.heardFactor(FactorBlindSpots, scaled(top, blindSpotBudget-open, blindSpotBudget), reason, "blind spots")
}

// planFactor credits each person (influence-weighted) who needs nothing more,
// or who still needs a talk and has one planned with when, what and where.
// Someone still to win over with nothing planned earns nothing: a plan with
// nothing planned is empty, not complete.
func (x *dossierIndex) planFactor(sched Schedule) Factor {
	top := weightOf(FactorPlan).Max
	if len(x.people) == 0 {
		return newFactor(FactorPlan, 0, "nobody to plan a talk with yet", "no one named")
	}
	conflicted := map[int64]bool{}
	for _, it := range sched.Items {
		if x.itemConflicted(it, sched) || it.Overdue {
			conflicted[it.StakeholderID] = true
		}
	}
	for _, s := range x.people {
		// A talk meant to come before one already held has been overtaken.
		if j, ok := x.pos[s.Plan.BeforeID]; ok && s.Plan.BeforeID != 0 && !s.Plan.Done && x.people[j].Plan.Done {
			conflicted[s.ID] = true
		}
	}
	var total, credit, needed, complete, bad int
	var unplanned, gaps []string
	for i, s := range x.people {
		w := s.ClampedInfluence()
		total += w
		if !x.reads[i].needs {
			credit += w * 1000
			continue
		}
		needed++
		if s.Plan.Done {
			unplanned = append(unplanned, x.name(i))
			continue
		}
		miss := s.Plan.Missing()
		if len(miss) == 3 {
			unplanned = append(unplanned, x.name(i))
			continue
		}
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
	basis := fmt.Sprintf("the plans of %s; %d still to win over or to talk to first", model.Plural(len(x.people), "person", "people"), needed)
	if needed == 0 {
		return newFactor(FactorPlan, top*1000, "nobody still needs a talk: everyone is won over to their target", basis)
	}
	reason := fmt.Sprintf("%d of %d talks still needed are planned with when, what and where", complete, needed)
	if bad > 0 {
		reason += fmt.Sprintf("; %s overdue or mis-scheduled", model.Plural(bad, "talk", "talks"))
	}
	if len(unplanned) > 0 {
		reason += "; nothing planned with " + model.ListSome(unplanned, 3)
	}
	if len(gaps) > 0 {
		reason += "; missing: " + model.ListSome(gaps, 2)
	}
	return newFactor(FactorPlan, scaled(top, credit, total*1000), reason, basis)
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

// timingFactor weighs the days left against the talks still needed, one a
// day at most, the last day before the decision excluded.
func (x *dossierIndex) timingFactor(daysLeft int) Factor {
	top := weightOf(FactorTiming).Max
	p := x.p
	needed, overdue := 0, 0
	for i, s := range x.people {
		if x.reads[i].needs {
			needed++
			if !s.Plan.Done && !s.Plan.TargetDate.IsZero() && s.Plan.TargetDate.Before(x.today) {
				overdue++
			}
		}
	}
	basis := fmt.Sprintf("the decision date and %s still needed", model.Plural(needed, "talk", "talks"))
	if len(x.people) == 0 {
		return newFactor(FactorTiming, 0, "nobody named yet, so no talks to time", "no one named")
	}
	if p.DecisionDate.IsZero() {
		return newFactor(FactorTiming, top*timingNoDate, "no decision date set", basis)
	}
	if daysLeft < 0 {
		if !p.Status.Open() || p.Status == model.StatusPitched {
			return newFactor(FactorTiming, top*1000, "the forum has met", basis)
		}
		return newFactor(FactorTiming, 0, fmt.Sprintf("the decision date passed %s ago", model.Plural(-daysLeft, "day", "days")), basis)
	}
	capacity := 1000
	if needed > 0 {
		capacity = min(1000, max0(daysLeft-1)*1000/needed)
	}
	reason := fmt.Sprintf("%s left for %s still needed", model.Plural(daysLeft, "day", "days"), model.Plural(needed, "talk", "talks"))
	if overdue > 0 {
		reason += fmt.Sprintf("; %d planned for a day already past", overdue)
	}
	return newFactor(FactorTiming, top*capacity, reason, basis)
}

// stanceGap ranks how far a stance is from its target, in half steps; an
// unknown stance counts as half a step so that known resistance is named first.
func stanceGap(s, target model.Stance) int {
	if !s.Known() {
		return 1
	}
	return 2 * (int(target) - int(s))
}

func max0(n int) int { return max(0, n) }

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

// readings counts the people in the room by how recently their stance was
// read: within FreshDays, more than HalfLifeDays ago, or never. The reads
// must have been made (readAll).
func (x *dossierIndex) readings() (recent, old, never int) {
	for _, i := range x.room {
		switch rd := x.reads[i]; {
		case !rd.talked:
			never++
		case rd.age <= FreshDays:
			recent++
		case rd.age > HalfLifeDays:
			old++
		}
	}
	return recent, old, never
}
