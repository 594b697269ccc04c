package model

import (
	"strings"
	"testing"
)

func TestContactHealth(t *testing.T) {
	today := fixtureToday
	c := Contact{ID: 7, Name: "Kim"}
	tp := func(offset int, kind TouchKind) Touchpoint {
		return Touchpoint{ContactID: 7, Date: today.AddDays(offset), Kind: kind}
	}
	cases := []struct {
		name    string
		cadence int
		tps     []Touchpoint
		want    Health
	}{
		{"never spoken", 0, nil, Health{DaysSince: -1, CadenceDays: 30}},
		{"recent", 0, []Touchpoint{tp(-3, TouchShare)}, Health{LastSpoken: today.AddDays(-3), DaysSince: 3, Gives: 1, CadenceDays: 30}},
		{"due at the cadence", 14, []Touchpoint{tp(-14, TouchAppreciate)}, Health{LastSpoken: today.AddDays(-14), DaysSince: 14, Gives: 1, CadenceDays: 14, Due: true}},
		{"a later talk resets it", 14, []Touchpoint{tp(-40, TouchShare), tp(-2, TouchDaydream)}, Health{LastSpoken: today.AddDays(-2), DaysSince: 2, Gives: 1, CadenceDays: 14}},
		{"ask-only", 0, []Touchpoint{tp(-5, TouchAsk), tp(-9, TouchAdvice)}, Health{LastSpoken: today.AddDays(-5), DaysSince: 5, Asks: 2, CadenceDays: 30, AskOnly: true}},
		{"one ask is not a pattern", 0, []Touchpoint{tp(-5, TouchAsk)}, Health{LastSpoken: today.AddDays(-5), DaysSince: 5, Asks: 1, CadenceDays: 30}},
		{"future talk counts in the ledger only", 0, []Touchpoint{tp(3, TouchShare)}, Health{DaysSince: -1, Gives: 1, CadenceDays: 30}},
		{"other contacts are ignored", 0, []Touchpoint{{ContactID: 8, Date: today, Kind: TouchAsk}}, Health{DaysSince: -1, CadenceDays: 30}},
	}
	for _, tc := range cases {
		c.CadenceDays = tc.cadence
		if got := ContactHealth(c, tc.tps, today); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// The ledger reads conversations across proposals: asks made on another
// proposal still make this relationship ask-only.
func TestLedgerSpansProposals(t *testing.T) {
	m := newMini()
	s := m.person("Kim", RoleDecisionMaker, 3, StanceSupporter)
	m.talk(*s, -2, TouchAsk, 1)
	m.d.ContactTouchpoints = append(m.d.ContactTouchpoints, Touchpoint{ID: 900, ProposalID: 2, ContactID: s.ContactID, Date: fixtureToday.AddDays(-50), Kind: TouchAdvice})
	r := Assess(m.d, fixtureToday)
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
		from      Stance
		sentiment int
		want      Stance
	}{
		{StanceUnknown, -2, StanceOpponent}, {StanceUnknown, -1, StanceSkeptic}, {StanceUnknown, 0, StanceNeutral},
		{StanceUnknown, 1, StanceSupporter}, {StanceUnknown, 2, StanceSupporter},
		{StanceNeutral, 2, StanceSupporter}, {StanceSupporter, 2, StanceChampion}, {StanceChampion, 2, StanceChampion},
		{StanceNeutral, 1, StanceSupporter}, {StanceSupporter, 1, StanceSupporter}, {StanceOpponent, 1, StanceSkeptic},
		{StanceSupporter, 0, StanceSupporter}, {StanceSupporter, -1, StanceNeutral}, {StanceSkeptic, -1, StanceSkeptic},
		{StanceSkeptic, -2, StanceOpponent}, {StanceOpponent, -2, StanceOpponent}, {StanceNeutral, 9, StanceSupporter},
	}
	for _, c := range cases {
		if got := SuggestStance(c.from, c.sentiment); got != c.want {
			t.Errorf("SuggestStance(%s, %d) = %s, want %s", c.from, c.sentiment, got, c.want)
		}
	}
}

func TestSuggestOpener(t *testing.T) {
	cases := []struct {
		kind   PartnerKind
		stance Stance
		want   Opener
	}{
		{PartnerLateral, StanceSkeptic, OpenerAdvice},
		{PartnerWilling, StanceChampion, OpenerAppreciate},
		{PartnerInfluencer, StanceNeutral, OpenerDaydream},
		{PartnerInfluencer, StanceUnknown, OpenerAdvice},
		{PartnerLateral, StanceUnknown, OpenerDaydream},
		{PartnerNone, StanceUnknown, OpenerAdvice},
	}
	for _, c := range cases {
		got, why := SuggestOpener(c.kind, c.stance)
		if got != c.want || why == "" {
			t.Errorf("SuggestOpener(%s, %s) = %s %q, want %s with a reason", c.kind, c.stance, got, why, c.want)
		}
	}
}
