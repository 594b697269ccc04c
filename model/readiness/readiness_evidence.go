package readiness

import "github.com/backchannel/backchannel/model"

// What readiness knows about each person, and how sure it is. Every factor
// reads the people through these readings, so that the principles hold in
// one place: an unknown stance earns nothing (principle 2), an old reading
// counts less (principle 4), and learning that someone is against you earns
// no coverage (principle 5).

// reading is what has been learned about one person.
type reading struct {
	// talked: a conversation is logged (or assumed today by a what-if).
	talked bool
	// age is the days since the last conversation; valid when talked.
	age int
	// fresh is how much the stance still counts, per mille: 1000 today,
	// halving every HalfLifeDays; 0 when nobody has talked to them.
	fresh int
	// counted is the stance as evidence for "are they won over?": the stance
	// itself when read within HalfLifeDays, one step lower when older or
	// never read in a conversation.
	counted model.Stance
	// covered: talked to, and not against. A talk that brought bad news
	// earns no coverage until the person moves.
	covered bool
	// met: the counted stance is at or beyond their target, and not against.
	met bool
	// needs: they still need a talk, because they are not won over to
	// their target. (A talk that paves the way for someone else's is
	// ordered by the schedule and the next actions, not counted here: the
	// held talk would otherwise lift the score on bad news.)
	needs bool
	// scheduled: a talk is planned, not yet held, and dated between today
	// and the decision.
	scheduled bool
}

// freshness is the share (per mille) a reading age days old still counts:
// 1000 today, halving every HalfLifeDays, in integer steps so that every
// platform gives the same score.
func freshness(age int) int {
	if age <= 0 {
		return 1000
	}
	k := age / HalfLifeDays
	if k >= 10 {
		return 0
	}
	hi := 1000 >> k
	lo := 1000 >> (k + 1)
	return hi - (hi-lo)*(age%HalfLifeDays)/HalfLifeDays
}

// stepDown is the next stance towards opposition: what an old or second-hand
// reading of s is counted as. Unknown stays unknown.
func stepDown(s model.Stance) model.Stance {
	switch s {
	case model.StanceChampion:
		return model.StanceSupporter
	case model.StanceSupporter:
		return model.StanceNeutral
	case model.StanceNeutral:
		return model.StanceSkeptic
	case model.StanceSkeptic:
		return model.StanceOpponent
	}
	return s
}

// readAll builds every person's reading. It runs once per assessment.
func (x *dossierIndex) readAll() {
	x.reads = make([]reading, len(x.people))
	// Readings are aged to today, or to the decision date once it has
	// passed: how fresh they were when the forum met is what counted.
	ref := x.today
	if d := x.p.DecisionDate; !d.IsZero() && d.Before(ref) {
		ref = d
	}
	for i, s := range x.people {
		rd := &x.reads[i]
		rd.counted = stepDown(s.Stance)
		if x.talked(i) {
			rd.talked = true
			if x.heardToday[i] {
				rd.age = 0
			} else if t, ok := x.lastTalk(i); ok {
				rd.age = max(0, t.Date.DaysUntil(ref))
			}
			rd.fresh = freshness(rd.age)
			if rd.age <= HalfLifeDays {
				rd.counted = s.Stance
			}
			rd.covered = !s.Stance.Against()
		}
		rd.met = rd.counted.Known() && !rd.counted.Against() && rd.counted >= x.target(i)
		rd.needs = !rd.met
		rd.scheduled = !s.Plan.Done && !s.Plan.TargetDate.IsZero() && !s.Plan.TargetDate.Before(x.today) &&
			(x.p.DecisionDate.IsZero() || s.Plan.TargetDate.Before(x.p.DecisionDate))
	}
}

// heardShare is the room's influence covered, and its total.
func (x *dossierIndex) heardShare() (heard, total int) {
	for _, i := range x.room {
		w := x.people[i].ClampedInfluence()
		total += w
		if x.reads[i].covered {
			heard += w
		}
	}
	return heard, total
}
