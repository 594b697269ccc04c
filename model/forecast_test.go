package model

import (
	"slices"
	"strings"
	"testing"
)

func TestForecastMajorityAndSwing(t *testing.T) {
	m := newMini()
	m.person("Ayo", RoleDecisionMaker, 3, StanceSupporter)
	m.person("Bea", RoleDecisionMaker, 3, StanceOpponent)
	m.person("Cy", RoleDecisionMaker, 2, StanceUnknown)
	fc := Assess(m.d, fixtureToday).Forecast
	if fc.For != 1 || fc.Against != 1 || fc.Unknown != 1 || fc.Outcome != OutcomeUncertain || fc.Needs != "2 of 3 votes for" {
		t.Fatalf("forecast %+v", fc)
	}
	// Every one of them swings it: Ayo against → fails, Bea round → passes,
	// Cy either way.
	var effects []string
	for _, s := range fc.Swing {
		effects = append(effects, s.Effect)
	}
	want := []string{
		"If Ayo turns against it, it fails.",
		"If Bea comes round, it passes.",
		"If Cy comes round, it passes; if they turn against it, it fails.",
	}
	if !slices.Equal(effects, want) {
		t.Errorf("swing\n got %q\nwant %q", effects, want)
	}
}

func TestForecastVotersAndRules(t *testing.T) {
	cases := []struct {
		name    string
		rule    DecisionRule
		stances []Stance
		votes   []bool
		veto    int // index of the veto holder, −1 for none
		outcome string
		needs   string
	}{
		{"majority passes", RuleMajority, []Stance{StanceSupporter, StanceChampion, StanceSkeptic}, nil, -1, OutcomePasses, "2 of 3 votes for"},
		{"majority fails", RuleMajority, []Stance{StanceSkeptic, StanceOpponent, StanceSupporter}, nil, -1, OutcomeFails, "2 of 3 votes for"},
		{"veto against fails", RuleMajority, []Stance{StanceSupporter, StanceChampion, StanceSkeptic}, nil, 2, OutcomeFails, "2 of 3 votes for, and no veto from P2"},
		{"undecided veto", RuleMajority, []Stance{StanceSupporter, StanceChampion, StanceNeutral}, nil, 2, OutcomeUncertain, "2 of 3 votes for, and no veto from P2"},
		{"unanimity needs all", RuleUnanimity, []Stance{StanceSupporter, StanceChampion, StanceNeutral}, nil, -1, OutcomeUncertain, "all 3 for"},
		{"unanimity fails on one skeptic", RuleUnanimity, []Stance{StanceSupporter, StanceChampion, StanceSkeptic}, nil, -1, OutcomeFails, "all 3 for"},
		{"consensus", RuleConsensus, []Stance{StanceSupporter, StanceChampion, StanceNeutral}, nil, -1, OutcomePasses, "no one against and 2 of 3 for"},
		{"only voters count", RuleMajority, []Stance{StanceOpponent, StanceSupporter, StanceSupporter}, []bool{false, true, true}, -1, OutcomePasses, "2 of 2 votes for"},
		// One decider: the most influential decision-maker (P0, influence 5).
		{"one decider", RuleOneDecider, []Stance{StanceSupporter, StanceOpponent, StanceOpponent}, nil, -1, OutcomePasses, "P0 to say yes"},
	}
	for _, c := range cases {
		m := newMini()
		m.d.Proposal.DecisionRule = c.rule
		for k, st := range c.stances {
			s := m.person("P"+string(rune('0'+k)), RoleDecisionMaker, 5-k, st)
			if c.votes != nil {
				s.Votes = c.votes[k]
			}
			s.Veto = k == c.veto
		}
		fc := Assess(m.d, fixtureToday).Forecast
		if fc.Outcome != c.outcome || fc.Needs != c.needs {
			t.Errorf("%s: %s, needs %q; want %s, needs %q", c.name, fc.Outcome, fc.Needs, c.outcome, c.needs)
		}
	}
}

func TestForecastNobodyDecides(t *testing.T) {
	m := newMini()
	m.person("Ida", RoleInfluencer, 4, StanceSupporter)
	r := Assess(m.d, fixtureToday)
	if r.Forecast.Outcome != OutcomeUncertain || r.Forecast.Needs != "nobody is marked as deciding" {
		t.Errorf("forecast %+v", r.Forecast)
	}
	if r.Verdict == ReadyToPitch || !strings.HasPrefix(r.NextActions[0].Text, "Name who decides") {
		t.Errorf("verdict %s, first action %q", r.Verdict, r.NextActions[0].Text)
	}
}

// Under one decider the decision-maker decides, even when a more influential
// person is marked as voting.
func TestForecastOneDeciderIsTheDecisionMaker(t *testing.T) {
	m := newMini()
	m.d.Proposal.DecisionRule = RuleOneDecider
	boss := m.person("Boss", RoleDecisionMaker, 3, StanceOpponent)
	m.person("Loud", RoleInRoom, 5, StanceChampion).Votes = true
	fc := Assess(m.d, fixtureToday).Forecast
	if fc.Outcome != OutcomeFails || fc.Needs != "Boss to say yes" || fc.For+fc.Against+fc.Unknown != 1 {
		t.Errorf("forecast %+v", fc)
	}
	if len(fc.Swing) != 1 || fc.Swing[0].StakeholderID != boss.ID {
		t.Errorf("swing %+v, want only Boss", fc.Swing)
	}
}
