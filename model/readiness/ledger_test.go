package readiness

import (
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
)

func TestContactHealth(t *testing.T) {
	today := sample.FixtureToday
	c := model.Contact{ID: 7, Name: "Kim"}
	tp := func(offset int, kind model.TouchKind) model.Touchpoint {
		return model.Touchpoint{ContactID: 7, Date: today.AddDays(offset), Kind: kind}
	}
	cases := []struct {
		name    string
		cadence int
		tps     []model.Touchpoint
		want    model.Health
	}{
		{"never spoken", 0, nil, model.Health{DaysSince: -1, CadenceDays: 30}},
		{"recent", 0, []model.Touchpoint{tp(-3, model.TouchShare)}, model.Health{LastSpoken: today.AddDays(-3), DaysSince: 3, Gives: 1, CadenceDays: 30}},
		{"due at the cadence", 14, []model.Touchpoint{tp(-14, model.TouchAppreciate)}, model.Health{LastSpoken: today.AddDays(-14), DaysSince: 14, Gives: 1, CadenceDays: 14, Due: true}},
		{"a later talk resets it", 14, []model.Touchpoint{tp(-40, model.TouchShare), tp(-2, model.TouchDaydream)}, model.Health{LastSpoken: today.AddDays(-2), DaysSince: 2, Gives: 1, CadenceDays: 14}},
		{"ask-only", 0, []model.Touchpoint{tp(-5, model.TouchAsk), tp(-9, model.TouchAdvice)}, model.Health{LastSpoken: today.AddDays(-5), DaysSince: 5, Asks: 2, CadenceDays: 30, AskOnly: true}},
		{"one ask is not a pattern", 0, []model.Touchpoint{tp(-5, model.TouchAsk)}, model.Health{LastSpoken: today.AddDays(-5), DaysSince: 5, Asks: 1, CadenceDays: 30}},
		{"future talk counts in the ledger only", 0, []model.Touchpoint{tp(3, model.TouchShare)}, model.Health{DaysSince: -1, Gives: 1, CadenceDays: 30}},
		{"other contacts are ignored", 0, []model.Touchpoint{{ContactID: 8, Date: today, Kind: model.TouchAsk}}, model.Health{DaysSince: -1, CadenceDays: 30}},
	}
	for _, tc := range cases {
		c.CadenceDays = tc.cadence
		if got := model.ContactHealth(c, tc.tps, today); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// The ledger reads conversations across proposals: asks made on another
// proposal still make this relationship ask-only.
func TestLedgerSpansProposals(t *testing.T) {
	m := sample.NewMini()
	s := m.Person("Kim", model.RoleDecisionMaker, 3, model.StanceSupporter)
	m.Talk(*s, -2, model.TouchAsk, 1)
	m.D.ContactTouchpoints = append(m.D.ContactTouchpoints, model.Touchpoint{ID: 900, ProposalID: 2, ContactID: s.ContactID, Date: sample.FixtureToday.AddDays(-50), Kind: model.TouchAdvice})
	r := Assess(m.D, sample.FixtureToday)
	var found bool
	for _, k := range r.Risks {
		if k.Key == RiskAskOnly && strings.Contains(k.Evidence, "Kim: 2 asks") {
			found = true
		}
	}
	if !found {
		t.Errorf("no ask-only risk for Kim: %+v", r.Risks)
	}
}

func TestSuggestStance(t *testing.T) {
	cases := []struct {
		from      model.Stance
		sentiment int
		want      model.Stance
	}{
		{model.StanceUnknown, -2, model.StanceOpponent}, {model.StanceUnknown, -1, model.StanceSkeptic}, {model.StanceUnknown, 0, model.StanceNeutral},
		{model.StanceUnknown, 1, model.StanceSupporter}, {model.StanceUnknown, 2, model.StanceSupporter},
		{model.StanceNeutral, 2, model.StanceSupporter}, {model.StanceSupporter, 2, model.StanceChampion}, {model.StanceChampion, 2, model.StanceChampion},
		{model.StanceNeutral, 1, model.StanceSupporter}, {model.StanceSupporter, 1, model.StanceSupporter}, {model.StanceOpponent, 1, model.StanceSkeptic},
		{model.StanceSupporter, 0, model.StanceSupporter}, {model.StanceSupporter, -1, model.StanceNeutral}, {model.StanceSkeptic, -1, model.StanceSkeptic},
		{model.StanceSkeptic, -2, model.StanceOpponent}, {model.StanceOpponent, -2, model.StanceOpponent}, {model.StanceNeutral, 9, model.StanceSupporter},
	}
	for _, c := range cases {
		if got := SuggestStance(c.from, c.sentiment); got != c.want {
			t.Errorf("SuggestStance(%s, %d) = %s, want %s", c.from, c.sentiment, got, c.want)
		}
	}
}

func TestSuggestOpener(t *testing.T) {
	cases := []struct {
		kind   model.PartnerKind
		stance model.Stance
		want   model.Opener
	}{
		{model.PartnerLateral, model.StanceSkeptic, model.OpenerAdvice},
		{model.PartnerWilling, model.StanceChampion, model.OpenerAppreciate},
		{model.PartnerInfluencer, model.StanceNeutral, model.OpenerDaydream},
		{model.PartnerInfluencer, model.StanceUnknown, model.OpenerAdvice},
		{model.PartnerLateral, model.StanceUnknown, model.OpenerDaydream},
		{model.PartnerNone, model.StanceUnknown, model.OpenerAdvice},
	}
	for _, c := range cases {
		got, why := SuggestOpener(c.kind, c.stance)
		if got != c.want || why == "" {
			t.Errorf("SuggestOpener(%s, %s) = %s %q, want %s with a reason", c.kind, c.stance, got, why, c.want)
		}
	}
}
