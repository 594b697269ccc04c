package readiness

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// Forecast outcomes.
const (
	OutcomePasses    = "passes"
	OutcomeFails     = "fails"
	OutcomeUncertain = "uncertain"
)

// vote reads a stance as a vote on today's reading: +1 for, −1 against, 0
// undecided (neutral or unknown).
func vote(s model.Stance) int {
	switch {
	case s.For():
		return 1
	case s.Against():
		return -1
	}
	return 0
}

// forecastRoom holds who votes and who can veto, as indexes into people.
type forecastRoom struct {
	rule   model.DecisionRule
	voters []int
	vetoes []int
}

// voters are those marked as voting; when nobody is, the decision-makers.
// Under one decider it is the highest-influence decision-maker (or, when
// nobody is marked decision-maker, the highest-influence voter).
func (x *dossierIndex) forecastRoom() forecastRoom {
	fr := forecastRoom{rule: x.p.DecisionRule}
	for i, s := range x.people {
		if s.Acted == whatIfAbsent {
			continue // a what-if took them out of the room
		}
		if s.Votes {
			fr.voters = append(fr.voters, i)
		}
		if s.Veto {
			fr.vetoes = append(fr.vetoes, i)
		}
	}
	if len(fr.voters) == 0 {
		for i, s := range x.people {
			if s.Role == model.RoleDecisionMaker && s.Acted != whatIfAbsent {
				fr.voters = append(fr.voters, i)
			}
		}
	}
	if fr.rule == model.RuleOneDecider {
		best := -1
		for i, s := range x.people { // room-table order: decision-makers first, most influential first
			if s.Role == model.RoleDecisionMaker && s.Acted != whatIfAbsent {
				best = i
				break
			}
		}
		if best < 0 && len(fr.voters) > 0 {
			best = fr.voters[0]
			for _, i := range fr.voters[1:] {
				if x.people[i].ClampedInfluence() > x.people[best].ClampedInfluence() {
					best = i
				}
			}
		}
		fr.voters = nil
		if best >= 0 {
			fr.voters = []int{best}
		}
	}
	return fr
}

// outcome decides the room under the rule, given each person's vote.
func (fr forecastRoom) outcome(votes func(int) int) string {
	for _, i := range fr.vetoes {
		if votes(i) < 0 {
			return OutcomeFails
		}
	}
	if len(fr.voters) == 0 {
		return OutcomeUncertain
	}
	var yes, no, unsure int
	for _, i := range fr.voters {
		switch votes(i) {
		case 1:
			yes++
		case -1:
			no++
		default:
			unsure++
		}
	}
	need := fr.need()
	res := OutcomeUncertain
	switch fr.rule {
	case model.RuleMajority, model.RuleOneDecider:
		switch {
		case yes >= need:
			res = OutcomePasses
		case yes+unsure < need:
			res = OutcomeFails
		}
	case model.RuleConsensus, model.RuleUnanimity:
		switch {
		case no > 0:
			res = OutcomeFails
		case yes >= need:
			res = OutcomePasses
		}
	}
	if res == OutcomePasses {
		for _, i := range fr.vetoes {
			if votes(i) == 0 {
				return OutcomeUncertain // an undecided veto holder can still stop it
			}
		}
	}
	return res
}

// need is how many votes for passing takes.
func (fr forecastRoom) need() int {
	switch fr.rule {
	case model.RuleUnanimity:
		return len(fr.voters)
	case model.RuleOneDecider:
		return 1
	}
	return len(fr.voters)/2 + 1
}

// forecast reads how the room would decide today and who could swing it.
func (x *dossierIndex) forecast() Forecast {
	fr := x.forecastRoom()
	fc := Forecast{Rule: fr.rule, VetoHolders: []int64{}, Swing: []Swing{}}
	for _, i := range fr.voters {
		switch vote(x.people[i].Stance) {
		case 1:
			fc.For++
		case -1:
			fc.Against++
		default:
			fc.Unknown++
		}
	}
	for _, i := range fr.vetoes {
		fc.VetoHolders = append(fc.VetoHolders, x.people[i].ID)
	}
	today := func(i int) int { return vote(x.people[i].Stance) }
	fc.Outcome = fr.outcome(today)
	fc.Needs = x.needs(fr)
	if len(fr.voters) > 0 {
		fc.Short = max(0, fr.need()-fc.For)
	}

	// Swing: anyone whose single move changes the outcome.
	cands := slices.Clone(fr.voters)
	for _, i := range fr.vetoes {
		if !slices.Contains(cands, i) {
			cands = append(cands, i)
		}
	}
	slices.SortFunc(cands, func(a, b int) int {
		return cmp.Or(cmp.Compare(x.people[b].ClampedInfluence(), x.people[a].ClampedInfluence()), cmp.Compare(x.people[a].ID, x.people[b].ID))
	})
	for _, c := range cands {
		now := today(c)
		var effects []string
		for _, alt := range []int{1, -1} {
			if alt == now {
				continue
			}
			got := fr.outcome(func(i int) int {
				if i == c {
					return alt
				}
				return today(i)
			})
			if got == fc.Outcome {
				continue
			}
			who, verb := x.name(c), "comes round"
			if len(effects) > 0 {
				who = "they"
			}
			if alt < 0 {
				verb = "turns against it"
				if who == "they" {
					verb = "turn against it"
				}
			}
			effects = append(effects, fmt.Sprintf("if %s %s, it %s", who, verb, outcomePhrase(got)))
		}
		if len(effects) > 0 {
			fc.Swing = append(fc.Swing, Swing{StakeholderID: x.people[c].ID, Effect: model.UpperFirst(strings.Join(effects, "; ")) + "."})
		}
	}
	return fc
}

// needs says in words what passing takes under the rule.
func (x *dossierIndex) needs(fr forecastRoom) string {
	n := len(fr.voters)
	var s string
	switch {
	case n == 0:
		s = "nobody is marked as deciding"
	case fr.rule == model.RuleOneDecider:
		s = x.name(fr.voters[0]) + " to say yes"
	case fr.rule == model.RuleUnanimity:
		s = fmt.Sprintf("all %d for", n)
	case fr.rule == model.RuleConsensus:
		s = fmt.Sprintf("no one against and %d of %d for", fr.need(), n)
	default:
		s = fmt.Sprintf("%d of %d votes for", fr.need(), n)
	}
	if len(fr.vetoes) > 0 {
		names := make([]string, len(fr.vetoes))
		for k, i := range fr.vetoes {
			names[k] = x.name(i)
		}
		s += ", and no veto from " + model.ListSome(names, 3)
	}
	return s
}

func outcomePhrase(o string) string {
	if o == OutcomeUncertain {
		return "becomes uncertain"
	}
	return o
}
