package brief

import (
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
	"github.com/backchannel/backchannel/model/readiness"
)

// Who knows, against a log built by hand: every way the records show that
// someone knows, each with its first day and its source; a conversation
// dated ahead does not count until its day; a held talk with nothing logged
// knows from a day not recorded. The audit of issue 10 found 4 of these 10
// people missing and a future-dated one counted.
func TestWhoKnowsCountsEveryoneTheRecordsShow(t *testing.T) {
	m := sample.NewMini()
	day := sample.FixtureToday.AddDays
	talk := func(s *model.Stakeholder, offset int, heardVia int64) {
		m.D.Touchpoints = append(m.D.Touchpoints, model.Touchpoint{ID: m.NextID(), StakeholderID: s.ID, ProposalID: 1, ContactID: s.ContactID,
			Date: day(offset), Kind: model.TouchAsk, HeardViaID: heardVia})
	}
	ann := *m.Person("Ann", model.RoleDecisionMaker, 5, model.StanceSupporter)
	bo := m.Person("Bo", model.RoleInRoom, 3, model.StanceNeutral)
	bo.Plan.Done = true // held, never logged
	cy := *m.Person("Cy", model.RoleInRoom, 3, model.StanceSkeptic)
	di := *m.Person("Di", model.RoleInfluencer, 3, model.StanceNeutral)
	gus := *m.Person("Gus", model.RoleInRoom, 2, model.StanceNeutral)
	hal := *m.Person("Hal", model.RoleInRoom, 2, model.StanceNeutral)
	m.Person("Ida", model.RoleAffected, 1, model.StanceUnknown) // on the proposal, told nothing
	jo := *m.Person("Jo", model.RoleInRoom, 2, model.StanceNeutral)
	m.D.Contacts[90] = model.Contact{ID: 90, Name: "Eve (go-between)", Discretion: model.DiscretionLow}
	m.D.Contacts[91] = model.Contact{ID: 91, Name: "Fay (told Gus)"}
	m.D.Stakeholders[0].Plan = model.Plan{Done: true, ViaID: 90}

	talk(&ann, -10, 0)
	talk(&ann, -4, 0)
	m.D.Objections = append(m.D.Objections,
		model.Objection{ID: 200, ProposalID: 1, RaisedByID: cy.ID, Text: "too costly", RaisedOn: day(-5)},
		model.Objection{ID: 201, ProposalID: 1, RaisedByID: ann.ID, Text: "later than her talk", RaisedOn: day(-2)},
		model.Objection{ID: 202, ProposalID: 1, RaisedByID: jo.ID, Text: "raised before Jo's talk", RaisedOn: day(-30)},
		model.Objection{ID: 203, ProposalID: 1, RaisedByID: m.D.Stakeholders[6].ID, Text: "dated ahead", RaisedOn: day(3)})
	m.D.BlindSpots = append(m.D.BlindSpots, model.BlindSpot{ID: 300, ProposalID: 1, SurfacedByID: di.ID, Text: "holidays", RaisedOn: day(-7)})
	talk(&gus, -3, 91)
	talk(&hal, 2, 0) // logged ahead of its day
	talk(&jo, -20, 0)

	r := readiness.Assess(m.D, sample.FixtureToday)
	type want struct {
		since  model.Date
		source string
	}
	wants := map[int64]want{
		ann.ContactID: {day(-10), readiness.KnewConversation},
		bo.ContactID:  {model.Date{}, readiness.KnewPlanHeld},
		cy.ContactID:  {day(-5), readiness.KnewObjection},
		di.ContactID:  {day(-7), readiness.KnewBlindSpot},
		90:            {day(-10), readiness.KnewCarried},
		91:            {day(-3), readiness.KnewTold},
		gus.ContactID: {day(-3), readiness.KnewConversation},
		jo.ContactID:  {day(-30), readiness.KnewObjection},
	}
	got := map[int64]readiness.Knower{}
	for _, k := range r.WhoKnows {
		got[k.ContactID] = k
	}
	for id, w := range wants {
		k, ok := got[id]
		if !ok {
			t.Errorf("%s is missing from who knows", m.D.Contacts[id].Name)
			continue
		}
		if k.Since != w.since || k.Source != w.source {
			t.Errorf("%s: since %v (%s), want %v (%s)", m.D.Contacts[id].Name, k.Since, k.Source, w.since, w.source)
		}
	}
	if len(got) != len(wants) {
		for id := range got {
			if _, ok := wants[id]; !ok {
				t.Errorf("%s counted as knowing", m.D.Contacts[id].Name)
			}
		}
	}
	if last := r.WhoKnows[len(r.WhoKnows)-1]; last.ContactID != bo.ContactID {
		t.Errorf("an unknown day should sort last, got %s", m.D.Contacts[last.ContactID].Name)
	}
	if got[90].Discretion != model.DiscretionLow {
		t.Error("the go-between's discretion is lost")
	}

	// On Hal's day, Hal knows; Ida's objection dated the day after counts
	// from that day.
	if r := readiness.Assess(m.D, day(2)); len(r.WhoKnows) != len(wants)+1 {
		t.Errorf("two days on, %d know; want %d (Hal too)", len(r.WhoKnows), len(wants)+1)
	}
	if r := readiness.Assess(m.D, day(3)); len(r.WhoKnows) != len(wants)+2 {
		t.Errorf("three days on, %d know; want %d (Hal and Ida too)", len(r.WhoKnows), len(wants)+2)
	}

	md := Markdown(m.D, r, Options{Today: sample.FixtureToday})
	if !strings.Contains(md, "Who knows (8):") || !strings.Contains(md, "Bo (unknown discretion, since a day not recorded: talk held, not logged)") {
		t.Errorf("the brief's who knows line:\n%s", md[strings.Index(md, "Who knows"):])
	}
}
