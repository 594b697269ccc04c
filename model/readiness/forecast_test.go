package readiness

import (
	"slices"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
)

func TestForecastMajorityAndSwing(t *testing.T) {
	m := sample.NewMini()
	m.Person("Ayo", model.RoleDecisionMaker, 3, model.StanceSupporter)
	m.Person("Bea", model.RoleDecisionMaker, 3, model.StanceOpponent)
	m.Person("Cy", model.RoleDecisionMaker, 2, model.StanceUnknown)
	fc := Assess(m.D, sample.FixtureToday).Forecast
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
		rule    model.DecisionRule
		stances []model.Stance
		votes   []bool
		veto    int // index of the veto holder, −1 for none
		outcome string
		needs   string
	}{
		{"majority passes", model.RuleMajority, []model.Stance{model.StanceSupporter, model.StanceChampion, model.StanceSkeptic}, nil, -1, OutcomePasses, "2 of 3 votes for"},
		{"majority fails", model.RuleMajority, []model.Stance{model.StanceSkeptic, model.StanceOpponent, model.StanceSupporter}, nil, -1, OutcomeFails, "2 of 3 votes for"},
		{"veto against fails", model.RuleMajority, []model.Stance{model.StanceSupporter, model.StanceChampion, model.StanceSkeptic}, nil, 2, OutcomeFails, "2 of 3 votes for, and no veto from P2"},
		{"undecided veto", model.RuleMajority, []model.Stance{model.StanceSupporter, model.StanceChampion, model.StanceNeutral}, nil, 2, OutcomeUncertain, "2 of 3 votes for, and no veto from P2"},
		{"unanimity needs all", model.RuleUnanimity, []model.Stance{model.StanceSupporter, model.StanceChampion, model.StanceNeutral}, nil, -1, OutcomeUncertain, "all 3 for"},
		{"unanimity fails on one skeptic", model.RuleUnanimity, []model.Stance{model.StanceSupporter, model.StanceChampion, model.StanceSkeptic}, nil, -1, OutcomeFails, "all 3 for"},
		{"consensus", model.RuleConsensus, []model.Stance{model.StanceSupporter, model.StanceChampion, model.StanceNeutral}, nil, -1, OutcomePasses, "no one against and 2 of 3 for"},
		{"only voters count", model.RuleMajority, []model.Stance{model.StanceOpponent, model.StanceSupporter, model.StanceSupporter}, []bool{false, true, true}, -1, OutcomePasses, "2 of 2 votes for"},
		// One decider: the most influential decision-maker (P0, influence 5).
		{"one decider", model.RuleOneDecider, []model.Stance{model.StanceSupporter, model.StanceOpponent, model.StanceOpponent}, nil, -1, OutcomePasses, "P0 to say yes"},
	}
	for _, c := range cases {
		m := sample.NewMini()
		m.D.Proposal.DecisionRule = c.rule
		for k, st := range c.stances {
			s := m.Person("P"+string(rune('0'+k)), model.RoleDecisionMaker, 5-k, st)
			if c.votes != nil {
				s.Votes = c.votes[k]
			}
			s.Veto = k == c.veto
		}
		fc := Assess(m.D, sample.FixtureToday).Forecast
		if fc.Outcome != c.outcome || fc.Needs != c.needs {
			t.Errorf("%s: %s, needs %q; want %s, needs %q", c.name, fc.Outcome, fc.Needs, c.outcome, c.needs)
		}
	}
}

func TestForecastNobodyDecides(t *testing.T) {
	m := sample.NewMini()
	m.Person("Ida", model.RoleInfluencer, 4, model.StanceSupporter)
	r := Assess(m.D, sample.FixtureToday)
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
	m := sample.NewMini()
	m.D.Proposal.DecisionRule = model.RuleOneDecider
	boss := m.Person("Boss", model.RoleDecisionMaker, 3, model.StanceOpponent)
	m.Person("Loud", model.RoleInRoom, 5, model.StanceChampion).Votes = true
	fc := Assess(m.D, sample.FixtureToday).Forecast
	if fc.Outcome != OutcomeFails || fc.Needs != "Boss to say yes" || fc.For+fc.Against+fc.Unknown != 1 {
		t.Errorf("forecast %+v", fc)
	}
	if len(fc.Swing) != 1 || fc.Swing[0].StakeholderID != boss.ID {
		t.Errorf("swing %+v, want only Boss", fc.Swing)
	}
}
