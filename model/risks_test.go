package model

import (
	"strings"
	"testing"
	"time"
)

func riskEvidence(r Readiness, key string) (string, bool) {
	for _, k := range r.Risks {
		if k.Key == key {
			return k.Evidence, true
		}
	}
	return "", false
}

func historyMove(id int64, field, old, nu string, daysAgo int) HistoryEvent {
	return HistoryEvent{ID: id, At: fixtureToday.AddDays(-daysAgo).Time().Add(9 * time.Hour), Entity: EntityProposal, EntityID: 1,
		ProposalID: 1, Action: ActionUpdate, Field: field, Old: old, New: nu}
}

func TestRiskFlags(t *testing.T) {
	d := func(offset int) string { return fixtureToday.AddDays(offset).String() }
	cases := []struct {
		name  string
		setup func(m *mini)
		key   string
		has   string // a phrase the evidence must hold; "" means the flag must be absent
	}{
		{"date moved twice while prewiring", func(m *mini) {
			m.d.History = []HistoryEvent{historyMove(1, "decision_date", "", d(5), 40), historyMove(2, "decision_date", d(5), d(12), 20),
				historyMove(3, "decision_date", d(12), d(20), 3)}
		}, RiskEndlessGame, "moved 2 times"},
		{"date set once is no game", func(m *mini) {
			m.d.History = []HistoryEvent{historyMove(1, "decision_date", "", d(20), 40)}
		}, RiskEndlessGame, ""},
		{"no date after weeks", func(m *mini) {
			m.d.Proposal.DecisionDate = Date{}
			m.d.Proposal.CreatedAt = fixtureToday.AddDays(-30).Time()
		}, RiskEndlessGame, "No decision date 30 days after it was started"},
		{"date passed while prewiring", func(m *mini) { m.d.Proposal.DecisionDate = fixtureToday.AddDays(-4) }, RiskEndlessGame, "passed 4 days ago"},
		{"forum changed twice", func(m *mini) {
			m.d.History = []HistoryEvent{historyMove(1, "forum", "Ops review", "Exec staff", 30), historyMove(2, "forum", "Exec staff", "The board", 10)}
		}, RiskForumShopping, "“Ops review” → “Exec staff” → “The board”"},
		{"forum changed once", func(m *mini) {
			m.d.History = []HistoryEvent{historyMove(1, "forum", "Exec staff", "The board", 10)}
		}, RiskForumShopping, ""},
		{"spoiler never talked to", func(m *mini) { m.person("Spo", RoleInfluencer, 3, StanceOpponent).Spoiler = true }, RiskSpoiler, "Spo (opponent): no conversation logged"},
		{"low discretion knows", func(m *mini) {
			s := m.person("Lou", RoleAffected, 1, StanceNeutral)
			c := m.d.Contacts[s.ContactID]
			c.Discretion = DiscretionLow
			m.d.Contacts[s.ContactID] = c
			m.talk(*s, -2, TouchShare, 0)
		}, RiskExposure, "1 with low discretion: Lou"},
		{"a single champion", func(m *mini) {}, RiskSingleChamp, "Only Ann (champion) backs it among the 2 people"},
		{"nobody for it in the room", func(m *mini) { m.d.Stakeholders[0].Stance = StanceNeutral }, RiskNoSupporter, "None of the 2"},
		{"sentiment falling", func(m *mini) {
			bo := m.byName("Bo")
			m.talk(bo, -20, TouchShare, 2)
			m.talk(bo, -10, TouchShare, 1)
			m.talk(bo, -1, TouchShare, -1)
		}, RiskSentimentDown, "Bo: +1.5 on average, then −1"},
		{"decider gone cold", func(m *mini) {
			m.talk(m.byName("Ann"), -45, TouchShare, 1)
		}, RiskGoneCold, "Ann: last spoke"},
		{"veto holder against", func(m *mini) {
			m.d.Stakeholders[1].Veto = true
			m.d.Stakeholders[1].Stance = StanceOpponent
		}, RiskVetoAgainst, "Bo holds a veto and is an opponent"},
	}
	for _, c := range cases {
		m := newMini()
		m.person("Ann", RoleDecisionMaker, 5, StanceChampion)
		m.person("Bo", RoleInRoom, 3, StanceNeutral)
		c.setup(m)
		ev, ok := riskEvidence(Assess(m.d, fixtureToday), c.key)
		switch {
		case c.has == "" && ok:
			t.Errorf("%s: unexpected %s risk: %s", c.name, c.key, ev)
		case c.has != "" && !ok:
			t.Errorf("%s: no %s risk", c.name, c.key)
		case c.has != "" && !strings.Contains(ev, c.has):
			t.Errorf("%s: evidence %q lacks %q", c.name, ev, c.has)
		}
	}
}

// Who knows: everyone with a conversation on the log, and an intermediary
// once a talk through them has happened.
func TestWhoKnows(t *testing.T) {
	m := newMini()
	a := m.person("Ann", RoleDecisionMaker, 5, StanceSupporter)
	m.person("Bo", RoleInRoom, 3, StanceSupporter)
	m.d.Contacts[99] = Contact{ID: 99, Name: "Via", Discretion: DiscretionLow}
	m.d.Stakeholders[0].Plan.ViaID = 99
	m.d.Stakeholders[1].Plan.ViaID = 99
	r := Assess(m.d, fixtureToday)
	if len(r.WhoKnows) != 0 {
		t.Fatalf("nobody talked to yet, but %d know", len(r.WhoKnows))
	}
	m.talk(*a, -6, TouchShare, 1)
	r = Assess(m.d, fixtureToday)
	if len(r.WhoKnows) != 1 {
		t.Fatalf("the talk via Via is not held yet, but %d know", len(r.WhoKnows))
	}
	m.d.Stakeholders[0].Plan.Done = true
	r = Assess(m.d, fixtureToday)
	if len(r.WhoKnows) != 2 || r.WhoKnows[0].ContactID != a.ContactID || r.WhoKnows[1].ContactID != 99 ||
		r.WhoKnows[1].Since != fixtureToday.AddDays(-6) || r.WhoKnows[1].Discretion != DiscretionLow {
		t.Errorf("who knows %+v", r.WhoKnows)
	}
}
