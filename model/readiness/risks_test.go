package readiness

import (
	"strings"
	"testing"
	"time"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
)

func riskEvidence(r Readiness, key string) (string, bool) {
	for _, k := range r.Risks {
		if k.Key == key {
			return k.Evidence, true
		}
	}
	return "", false
}

func historyMove(id int64, field, old, nu string, daysAgo int) model.HistoryEvent {
	return model.HistoryEvent{ID: id, At: sample.FixtureToday.AddDays(-daysAgo).Time().Add(9 * time.Hour), Entity: model.EntityProposal, EntityID: 1,
		ProposalID: 1, Action: model.ActionUpdate, Field: field, Old: old, New: nu}
}

func TestRiskFlags(t *testing.T) {
	d := func(offset int) string { return sample.FixtureToday.AddDays(offset).String() }
	cases := []struct {
		name  string
		setup func(m *sample.Mini)
		key   string
		has   string // a phrase the evidence must hold; "" means the flag must be absent
	}{
		{"date moved twice while prewiring", func(m *sample.Mini) {
			m.D.History = []model.HistoryEvent{historyMove(1, "decision_date", "", d(5), 40), historyMove(2, "decision_date", d(5), d(12), 20),
				historyMove(3, "decision_date", d(12), d(20), 3)}
		}, RiskEndlessGame, "moved 2 times"},
		{"date set once is no game", func(m *sample.Mini) {
			m.D.History = []model.HistoryEvent{historyMove(1, "decision_date", "", d(20), 40)}
		}, RiskEndlessGame, ""},
		{"no date after weeks", func(m *sample.Mini) {
			m.D.Proposal.DecisionDate = model.Date{}
			m.D.Proposal.CreatedAt = sample.FixtureToday.AddDays(-30).Time()
		}, RiskEndlessGame, "No decision date 30 days after it was started"},
		{"date passed while prewiring", func(m *sample.Mini) { m.D.Proposal.DecisionDate = sample.FixtureToday.AddDays(-4) }, RiskEndlessGame, "passed 4 days ago"},
		{"forum changed twice", func(m *sample.Mini) {
			m.D.History = []model.HistoryEvent{historyMove(1, "forum", "Ops review", "Exec staff", 30), historyMove(2, "forum", "Exec staff", "The board", 10)}
		}, RiskForumShopping, "“Ops review” → “Exec staff” → “The board”"},
		{"forum changed once", func(m *sample.Mini) {
			m.D.History = []model.HistoryEvent{historyMove(1, "forum", "Exec staff", "The board", 10)}
		}, RiskForumShopping, ""},
		{"spoiler never talked to", func(m *sample.Mini) { m.Person("Spo", model.RoleInfluencer, 3, model.StanceOpponent).Spoiler = true }, RiskSpoiler, "Spo (opponent): no conversation logged"},
		{"low discretion knows", func(m *sample.Mini) {
			s := m.Person("Lou", model.RoleAffected, 1, model.StanceNeutral)
			c := m.D.Contacts[s.ContactID]
			c.Discretion = model.DiscretionLow
			m.D.Contacts[s.ContactID] = c
			m.Talk(*s, -2, model.TouchShare, 0)
		}, RiskExposure, "1 with low discretion: Lou"},
		{"a single champion", func(m *sample.Mini) {}, RiskSingleChamp, "Only Ann (champion) backs it among the 2 people"},
		{"nobody for it in the room", func(m *sample.Mini) { m.D.Stakeholders[0].Stance = model.StanceNeutral }, RiskNoSupporter, "None of the 2"},
		{"sentiment falling", func(m *sample.Mini) {
			bo := m.ByName("Bo")
			m.Talk(bo, -20, model.TouchShare, 2)
			m.Talk(bo, -10, model.TouchShare, 1)
			m.Talk(bo, -1, model.TouchShare, -1)
		}, RiskSentimentDown, "Bo: +1.5 on average, then −1"},
		{"decider gone cold", func(m *sample.Mini) {
			m.Talk(m.ByName("Ann"), -45, model.TouchShare, 1)
		}, RiskGoneCold, "Ann: last spoke"},
		{"veto holder against", func(m *sample.Mini) {
			m.D.Stakeholders[1].Veto = true
			m.D.Stakeholders[1].Stance = model.StanceOpponent
		}, RiskVetoAgainst, "Bo holds a veto and is an opponent"},
	}
	for _, c := range cases {
		m := sample.NewMini()
		m.Person("Ann", model.RoleDecisionMaker, 5, model.StanceChampion)
		m.Person("Bo", model.RoleInRoom, 3, model.StanceNeutral)
		c.setup(m)
		ev, ok := riskEvidence(Assess(m.D, sample.FixtureToday), c.key)
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
	m := sample.NewMini()
	a := m.Person("Ann", model.RoleDecisionMaker, 5, model.StanceSupporter)
	m.Person("Bo", model.RoleInRoom, 3, model.StanceSupporter)
	m.D.Contacts[99] = model.Contact{ID: 99, Name: "Via", Discretion: model.DiscretionLow}
	m.D.Stakeholders[0].Plan.ViaID = 99
	m.D.Stakeholders[1].Plan.ViaID = 99
	r := Assess(m.D, sample.FixtureToday)
	if len(r.WhoKnows) != 0 {
		t.Fatalf("nobody talked to yet, but %d know", len(r.WhoKnows))
	}
	m.Talk(*a, -6, model.TouchShare, 1)
	r = Assess(m.D, sample.FixtureToday)
	if len(r.WhoKnows) != 1 {
		t.Fatalf("the talk via Via is not held yet, but %d know", len(r.WhoKnows))
	}
	m.D.Stakeholders[0].Plan.Done = true
	r = Assess(m.D, sample.FixtureToday)
	if len(r.WhoKnows) != 2 || r.WhoKnows[0].ContactID != a.ContactID || r.WhoKnows[1].ContactID != 99 ||
		r.WhoKnows[1].Since != sample.FixtureToday.AddDays(-6) || r.WhoKnows[1].Discretion != model.DiscretionLow {
		t.Errorf("who knows %+v", r.WhoKnows)
	}
}
