package readiness

import (
	"fmt"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// Caps: conditions under which no amount of tidy preparation makes a
// proposal ready. Each holds the verdict at a level, and the score is pulled
// into that level's band (principle 1). Every cap is monotone in the news:
// a worse stance, a new objection or a new blocker can only add caps, never
// lift one, so that bad news never raises the score (principle 5).

// FactorCap is the key of the row that shows how many points a cap took, so
// that the shown points still sum to the score.
const FactorCap = "cap"

// capRule is one cap that applies, with the level it holds the verdict at.
type capRule struct {
	level Verdict
	why   string
}

// roomState is how the forum would decide on a set of stances.
type roomState int

const (
	roomFails roomState = iota
	// roomVetoUndecided: the votes pass, but a veto holder is neutral.
	roomVetoUndecided
	roomPasses
)

// roomOutcome decides the room on the stances given, and says why it fails
// and how far it is from passing. An unknown veto holder counts as a veto
// not yet lifted; an undecided voter is not a yes.
func (x *dossierIndex) roomOutcome(fr forecastRoom, stance func(i int) model.Stance) (roomState, string) {
	if len(fr.voters) == 0 {
		return roomFails, "nobody is marked as deciding, so no vote can pass"
	}
	for _, i := range fr.vetoes {
		switch st := stance(i); {
		case st.Against():
			return roomFails, fmt.Sprintf("%s, who can veto it, is %s", x.name(i), model.StanceNoun(st))
		case !st.Known():
			if x.talked(i) {
				return roomFails, fmt.Sprintf("%s, who can veto it, has not said where they stand", x.name(i))
			}
			return roomFails, fmt.Sprintf("%s, who can veto it, has not been asked", x.name(i))
		}
	}
	var yes int
	var against []string
	for _, i := range fr.voters {
		st := stance(i)
		if st.For() {
			yes++
		}
		if st.Against() {
			against = append(against, x.name(i))
		}
	}
	need := fr.need()
	switch {
	case fr.rule == model.RuleOneDecider && yes < need:
		i := fr.voters[0]
		if !stance(i).Known() {
			return roomFails, fmt.Sprintf("the one decider, %s, has not said yes (stance unknown)", x.name(i))
		}
		return roomFails, fmt.Sprintf("the one decider, %s, is %s", x.name(i), model.StanceNoun(stance(i)))
	case fr.rule == model.RuleConsensus && len(against) > 0:
		return roomFails, fmt.Sprintf("consensus breaks on anyone against, and %s %s", model.ListSome(against, 3), isAre(len(against)))
	case fr.rule == model.RuleUnanimity && yes < need:
		return roomFails, fmt.Sprintf("unanimity needs all %d for and %d %s (%d short)", need, yes, isAre(yes), need-yes)
	case yes < need:
		return roomFails, fmt.Sprintf("%d of %d for; passing needs %d (%d short)", yes, len(fr.voters), need, need-yes)
	}
	for _, i := range fr.vetoes {
		if st := stance(i); !st.For() {
			return roomVetoUndecided, fmt.Sprintf("%s, who can veto it, is %s", x.name(i), model.StanceNoun(st))
		}
	}
	return roomPasses, ""
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// caps lists every cap that applies today.
func (x *dossierIndex) caps(daysLeft int) []capRule {
	var out []capRule
	add := func(level Verdict, why string) { out = append(out, capRule{level, why}) }
	if len(x.people) == 0 {
		add(NotReady, "nobody is named yet: a proposal with no stakeholders is not ready")
		return out
	}

	// The room decides (principle 3), first on the stances as recorded, then
	// on the stances as evidence (old readings one step lower).
	fr := x.forecastRoom()
	state, why := x.roomOutcome(fr, func(i int) model.Stance { return x.people[i].Stance })
	switch state {
	case roomFails:
		add(NotReady, "the room would not pass it today: "+why)
	case roomVetoUndecided:
		add(GettingThere, "the votes are there, but "+why)
	case roomPasses:
		if s, _ := x.roomOutcome(fr, func(i int) model.Stance { return x.reads[i].counted }); s != roomPasses {
			var old []string
			seen := map[int]bool{}
			for _, i := range append(append([]int{}, fr.voters...), fr.vetoes...) {
				if !seen[i] && x.reads[i].counted != x.people[i].Stance && x.people[i].Stance.For() {
					old = append(old, x.name(i))
				}
				seen[i] = true
			}
			add(GettingThere, fmt.Sprintf("the room passes only on stances read more than %d days ago or never in a conversation; read %s again",
				HalfLifeDays, model.ListSome(old, 3)))
		}
	}

	var blockers, unvoicedBlockers, unvoicedMajors []string
	for _, o := range x.d.Objections {
		if !o.Status.Live() || o.Severity == model.SeverityMinor {
			continue
		}
		raiser := "anticipated"
		inRoom := false
		if i, ok := x.pos[o.RaisedByID]; ok && o.RaisedByID != 0 {
			raiser, inRoom = x.name(i), seated(x.people[i])
		}
		if o.Severity == model.SeverityBlocker {
			blockers = append(blockers, raiser)
		}
		if inRoom && !x.voiced(o) {
			if o.Severity == model.SeverityBlocker {
				unvoicedBlockers = append(unvoicedBlockers, raiser)
			} else {
				unvoicedMajors = append(unvoicedMajors, raiser)
			}
		}
	}
	if len(unvoicedBlockers) > 0 {
		add(NotReady, fmt.Sprintf("a blocker from %s has nobody in the room to answer it", model.ListSome(unvoicedBlockers, 3)))
	}
	if len(blockers) > 0 {
		add(GettingThere, fmt.Sprintf("%s still open (%s): an open blocker is never ready", model.Plural(len(blockers), "blocker objection is", "blocker objections are"), model.ListSome(blockers, 3)))
	}
	if len(unvoicedMajors) > 0 {
		add(GettingThere, fmt.Sprintf("a major objection from %s has no voice in the room", model.ListSome(unvoicedMajors, 3)))
	}

	var spoilers []string
	for i, s := range x.people {
		if s.Spoiler && (!x.talked(i) || s.Stance.Against()) {
			spoilers = append(spoilers, x.name(i))
		}
	}
	if len(spoilers) > 0 {
		add(GettingThere, fmt.Sprintf("spoiler %s not yet talked to or still against", model.ListSome(spoilers, 3)))
	}

	var deciderSpots int
	for _, b := range x.d.BlindSpots {
		if i, ok := x.pos[b.SurfacedByID]; ok && b.SurfacedByID != 0 && b.Status == model.BlindSpotOpen && decides(x.people[i]) {
			deciderSpots++
		}
	}
	if deciderSpots > 0 {
		add(GettingThere, fmt.Sprintf("%s raised by people who decide %s still open", model.Plural(deciderSpots, "blind spot", "blind spots"), isAre(deciderSpots)))
	}

	if x.p.Status < model.StatusPitched {
		switch {
		case x.p.DecisionDate.IsZero():
			add(GettingThere, "no decision date: without one there is no pitch to be ready for")
		case daysLeft < 0:
			add(NotReady, fmt.Sprintf("the decision date passed %s ago with the proposal still in %s", model.Plural(-daysLeft, "day", "days"), x.p.Status))
		case daysLeft <= FinalWeekDays:
			var late []string
			for _, i := range x.room {
				if x.reads[i].needs && !x.reads[i].scheduled {
					late = append(late, x.name(i))
				}
			}
			if len(late) > 0 {
				add(GettingThere, fmt.Sprintf("%s to the decision and no talk on time with %s, still to be won over",
					model.Plural(daysLeft, "day", "days"), model.ListSome(late, 3)))
			}
		}
	}
	return out
}

// decides reports whether the person votes, holds a veto or is a decision-maker.
func decides(s model.Stakeholder) bool {
	return s.Role == model.RoleDecisionMaker || s.Votes || s.Veto
}

// verdictOf is the verdict a score earns by its band alone.
func verdictOf(score int) Verdict {
	switch {
	case score >= ReadyAt:
		return ReadyToPitch
	case score >= GettingThereAt:
		return GettingThere
	}
	return NotReady
}

// bandTop is the highest score a verdict's band holds.
func bandTop(v Verdict) int {
	switch v {
	case NotReady:
		return GettingThereAt - 1
	case GettingThere:
		return ReadyAt - 1
	}
	return 100
}

// judge applies the caps to the factors' sum: the verdict is the lower of
// the band's and the strictest cap's, and when a cap holds it lower, a cap
// row takes the points above that band, so score and verdict agree and the
// rows still sum to the score. It returns the caps that decided the verdict.
func judge(raw int, caps []capRule) (score int, v Verdict, shown []string, row *Factor) {
	limit := ReadyToPitch
	for _, c := range caps {
		limit = min(limit, c.level)
	}
	v = min(verdictOf(raw), limit)
	score = min(raw, bandTop(v))
	for _, c := range caps {
		if c.level == v {
			shown = append(shown, c.why)
		}
	}
	if score < raw {
		row = &Factor{Key: FactorCap, Name: "Held at " + v.String(), Points: score - raw,
			Reason: model.UpperFirst(strings.Join(shown, "; ")),
			Basis:  fmt.Sprintf("%s caps the score at %d whatever the other factors say", v, bandTop(v))}
	}
	return score, v, shown, row
}
