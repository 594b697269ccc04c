package model

import (
	"strings"
	"testing"
)

// Who knows, against a log built by hand: every way the records show that
// someone knows, each with its first day and its source; a conversation
// dated ahead does not count until its day; a held talk with nothing logged
// knows from a day not recorded. The audit of issue 10 found 4 of these 10
// people missing and a future-dated one counted.
func TestWhoKnowsCountsEveryoneTheRecordsShow(t *testing.T) {
	m := newMini()
	day := fixtureToday.AddDays
	talk := func(s *Stakeholder, offset int, heardVia int64) {
		m.nextID++
		m.d.Touchpoints = append(m.d.Touchpoints, Touchpoint{ID: m.nextID, StakeholderID: s.ID, ProposalID: 1, ContactID: s.ContactID,
			Date: day(offset), Kind: TouchAsk, HeardViaID: heardVia})
	}
	ann := *m.person("Ann", RoleDecisionMaker, 5, StanceSupporter)
	bo := m.person("Bo", RoleInRoom, 3, StanceNeutral)
	bo.Plan.Done = true // held, never logged
	cy := *m.person("Cy", RoleInRoom, 3, StanceSkeptic)
	di := *m.person("Di", RoleInfluencer, 3, StanceNeutral)
	gus := *m.person("Gus", RoleInRoom, 2, StanceNeutral)
	hal := *m.person("Hal", RoleInRoom, 2, StanceNeutral)
	m.person("Ida", RoleAffected, 1, StanceUnknown) // on the proposal, told nothing
	jo := *m.person("Jo", RoleInRoom, 2, StanceNeutral)
	m.d.Contacts[90] = Contact{ID: 90, Name: "Eve (go-between)", Discretion: DiscretionLow}
	m.d.Contacts[91] = Contact{ID: 91, Name: "Fay (told Gus)"}
	m.d.Stakeholders[0].Plan = Plan{Done: true, ViaID: 90}

	talk(&ann, -10, 0)
	talk(&ann, -4, 0)
	m.d.Objections = append(m.d.Objections,
		Objection{ID: 200, ProposalID: 1, RaisedByID: cy.ID, Text: "too costly", RaisedOn: day(-5)},
		Objection{ID: 201, ProposalID: 1, RaisedByID: ann.ID, Text: "later than her talk", RaisedOn: day(-2)},
		Objection{ID: 202, ProposalID: 1, RaisedByID: jo.ID, Text: "raised before Jo's talk", RaisedOn: day(-30)},
		Objection{ID: 203, ProposalID: 1, RaisedByID: m.d.Stakeholders[6].ID, Text: "dated ahead", RaisedOn: day(3)})
	m.d.BlindSpots = append(m.d.BlindSpots, BlindSpot{ID: 300, ProposalID: 1, SurfacedByID: di.ID, Text: "holidays", RaisedOn: day(-7)})
	talk(&gus, -3, 91)
	talk(&hal, 2, 0) // logged ahead of its day
	talk(&jo, -20, 0)

	r := Assess(m.d, fixtureToday)
	type want struct {
		since  Date
		source string
	}
	wants := map[int64]want{
		ann.ContactID: {day(-10), KnewConversation},
		bo.ContactID:  {Date{}, KnewPlanHeld},
		cy.ContactID:  {day(-5), KnewObjection},
		di.ContactID:  {day(-7), KnewBlindSpot},
		90:            {day(-10), KnewCarried},
		91:            {day(-3), KnewTold},
		gus.ContactID: {day(-3), KnewConversation},
		jo.ContactID:  {day(-30), KnewObjection},
	}
	got := map[int64]Knower{}
	for _, k := range r.WhoKnows {
		got[k.ContactID] = k
	}
	for id, w := range wants {
		k, ok := got[id]
		if !ok {
			t.Errorf("%s is missing from who knows", m.d.Contacts[id].Name)
			continue
		}
		if k.Since != w.since || k.Source != w.source {
			t.Errorf("%s: since %v (%s), want %v (%s)", m.d.Contacts[id].Name, k.Since, k.Source, w.since, w.source)
		}
	}
	if len(got) != len(wants) {
		for id := range got {
			if _, ok := wants[id]; !ok {
				t.Errorf("%s counted as knowing", m.d.Contacts[id].Name)
			}
		}
	}
	if last := r.WhoKnows[len(r.WhoKnows)-1]; last.ContactID != bo.ContactID {
		t.Errorf("an unknown day should sort last, got %s", m.d.Contacts[last.ContactID].Name)
	}
	if got[90].Discretion != DiscretionLow {
		t.Error("the go-between's discretion is lost")
	}

	// On Hal's day, Hal knows; Ida's objection dated the day after counts
	// from that day.
	if r := Assess(m.d, day(2)); len(r.WhoKnows) != len(wants)+1 {
		t.Errorf("two days on, %d know; want %d (Hal too)", len(r.WhoKnows), len(wants)+1)
	}
	if r := Assess(m.d, day(3)); len(r.WhoKnows) != len(wants)+2 {
		t.Errorf("three days on, %d know; want %d (Hal and Ida too)", len(r.WhoKnows), len(wants)+2)
	}

	brief := Brief(m.d, r, BriefOptions{Today: fixtureToday})
	if !strings.Contains(brief, "Who knows (8):") || !strings.Contains(brief, "Bo (unknown discretion, since a day not recorded: talk held, not logged)") {
		t.Errorf("the brief's who knows line:\n%s", brief[strings.Index(brief, "Who knows"):])
	}
}
