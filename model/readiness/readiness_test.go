package readiness

import (
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
)

func points(t *testing.T, r Readiness, key string) int {
	t.Helper()
	f, ok := r.Factor(key)
	if !ok {
		t.Fatalf("no factor %q", key)
	}
	return f.Points
}

func TestCoverageIsInfluenceWeighted(t *testing.T) {
	m := sample.NewMini()
	m.Person("Big", model.RoleDecisionMaker, 4, model.StanceUnknown)
	small := m.Person("Small", model.RoleDecisionMaker, 1, model.StanceUnknown)
	m.Person("Outside", model.RoleInfluencer, 5, model.StanceUnknown) // not in the room: does not count
	m.Talk(*small, -3, model.TouchAsk, 0)
	r := Assess(m.D, sample.FixtureToday)
	// Talked to influence 1 of 5 in the room: 25 × 1/5 = 5.
	if got := points(t, r, FactorCoverage); got != 5 {
		t.Errorf("coverage %d, want 5", got)
	}
	f, _ := r.Factor(FactorCoverage)
	if !strings.Contains(f.Reason, "1 of 2") || !strings.Contains(f.Reason, "not yet: Big") {
		t.Errorf("reason %q does not say who is missing", f.Reason)
	}
}

func TestObjectionPointsBySeverityAndVoice(t *testing.T) {
	m := sample.NewMini()
	dm := m.Person("Dee", model.RoleDecisionMaker, 3, model.StanceSupporter)
	inf := m.Person("Ian", model.RoleInfluencer, 3, model.StanceSupporter)
	m.Talk(*dm, -3, model.TouchAsk, 0) // the whole room heard: no discount
	cases := []struct {
		name  string
		obj   model.Objection
		want  int
		voice int64
	}{
		{"blocker, no voice", model.Objection{Severity: model.SeverityBlocker}, 10, 0},              // 20 × (24−12)/24
		{"blocker, voice in the room", model.Objection{Severity: model.SeverityBlocker}, 15, dm.ID}, // 20 × (24−6)/24
		{"blocker, voice outside the room", model.Objection{Severity: model.SeverityBlocker}, 10, inf.ID},
		{"major, no voice", model.Objection{Severity: model.SeverityMajor}, 15, 0},  // 20 × 18/24
		{"minor, voice", model.Objection{Severity: model.SeverityMinor}, 19, dm.ID}, // 20 × 23/24 = 19.17
		{"resolved blocker", model.Objection{Severity: model.SeverityBlocker, Status: model.ObjectionResolved}, 20, 0},
	}
	for _, c := range cases {
		d := m.D
		o := c.obj
		o.ID, o.ProposalID, o.Text, o.VoiceID = 99, 1, "x", c.voice
		d.Objections = []model.Objection{o}
		if got := points(t, Assess(d, sample.FixtureToday), FactorObjections); got != c.want {
			t.Errorf("%s: %d points, want %d", c.name, got, c.want)
		}
	}
}

func TestBlindSpotsAndTimingPoints(t *testing.T) {
	m := sample.NewMini()
	dee := m.Person("Dee", model.RoleDecisionMaker, 3, model.StanceSupporter)
	m.Talk(*dee, -3, model.TouchAsk, 0)
	m.D.BlindSpots = []model.BlindSpot{{ID: 1, Text: "a"}, {ID: 2, Text: "b", Status: model.BlindSpotAddressed}}
	r := Assess(m.D, sample.FixtureToday)
	if got := points(t, r, FactorBlindSpots); got != 8 { // 10 × 3/4 = 7.5, rounded half up
		t.Errorf("blind spots %d, want 8", got)
	}
	m.D.Proposal.DecisionDate = model.Date{}
	if got := points(t, Assess(m.D, sample.FixtureToday), FactorTiming); got != 3 {
		t.Errorf("timing without a date %d, want 3", got)
	}
	m.D.Proposal.DecisionDate = sample.FixtureToday.AddDays(-2)
	if got := points(t, Assess(m.D, sample.FixtureToday), FactorTiming); got != 0 {
		t.Errorf("timing after the date passed %d, want 0", got)
	}
}

func TestVerdictCaps(t *testing.T) {
	m := sample.NewMini()
	a := m.Person("Ann", model.RoleDecisionMaker, 5, model.StanceChampion)
	b := m.Person("Bob", model.RoleInRoom, 3, model.StanceSupporter)
	a.Plan.Done, b.Plan.Done = true, true
	m.Talk(*a, -5, model.TouchShare, 2)
	m.Talk(m.ByName("Bob"), -4, model.TouchShare, 1)
	m.D.BlindSpots = []model.BlindSpot{{ID: 1, Text: "x", Status: model.BlindSpotAddressed}}
	r := Assess(m.D, sample.FixtureToday)
	if r.Verdict != ReadyToPitch || r.Score < ReadyAt {
		t.Fatalf("baseline %s (%d), want ready: %+v", r.Verdict, r.Score, r.Factors)
	}
	m.D.Objections = []model.Objection{{ID: 7, ProposalID: 1, RaisedByID: m.ByName("Bob").ID, Text: "No.", Severity: model.SeverityBlocker, VoiceID: a.ID}}
	r = Assess(m.D, sample.FixtureToday)
	if r.Verdict != GettingThere || len(r.Caps) == 0 {
		t.Errorf("with a room blocker: %s, caps %q; want Getting there with a reason", r.Verdict, r.Caps)
	}
	if r.NextActions[0].Kind != ActionBlocker {
		t.Errorf("first action %q, want the blocker", r.NextActions[0].Text)
	}
}

func TestNoStakeholdersExample(t *testing.T) {
	d := model.Dossier{Proposal: model.Proposal{ID: 1, Title: "Empty", Forum: "Q1 board"}}
	r := Assess(d, sample.FixtureToday)
	if r.Verdict != NotReady {
		t.Errorf("verdict %s", r.Verdict)
	}
	want := "Name who decides: add the decision-maker(s) for Q1 board, then who will be in the room."
	if len(r.NextActions) == 0 || r.NextActions[0].Text != want {
		t.Errorf("first action %+v, want %q", r.NextActions, want)
	}
}

func TestTalkActionReadsAsAnInstruction(t *testing.T) {
	m := sample.NewMini()
	s := m.Person("Dana Reyes", model.RoleDecisionMaker, 5, model.StanceUnknown)
	s.Plan = model.Plan{TargetDate: model.NewDate(2026, 11, 24), Venue: model.VenueCoffee, Opener: model.OpenerAdvice}
	r := Assess(m.D, sample.FixtureToday)
	want := "Talk to Dana Reyes (decision-maker, stance unknown) by Tue 24 Nov — coffee/lunch, ask for advice."
	var got []string
	for _, a := range r.NextActions {
		got = append(got, a.Text)
	}
	if len(got) == 0 || got[0] != want {
		t.Errorf("actions %q, want first %q", got, want)
	}
	if r.NextActions[0].Due != model.NewDate(2026, 11, 24) || r.NextActions[0].StakeholderID != s.ID {
		t.Errorf("action due %s for %d", r.NextActions[0].Due, r.NextActions[0].StakeholderID)
	}
}

func TestFixtureReadiness(t *testing.T) {
	r := Assess(sample.FixtureDossier(), sample.FixtureToday)
	// Coverage: Dana, Marcus, Priya and Tom are all logged, but Dana (a
	// skeptic) and Tom (an opponent) are against, and a talk that brought
	// bad news earns nothing: Marcus 4 + Priya 3 of 15 → 25 × 7/15 = 11.7 → 12.
	if got := points(t, r, FactorCoverage); got != 12 {
		t.Errorf("coverage %d, want 12", got)
	}
	// Objections: blocker voiced by Marcus (6) + major without voice (6) +
	// minor voiced by Priya (1) = 13 units: 20 × 11/24 = 9.17, counted for
	// the 7 of 15 influence heard: 4.28 → 4.
	if got := points(t, r, FactorObjections); got != 4 {
		t.Errorf("objections %d, want 4", got)
	}
	// One open blind spot of two: 10 × 3/4 = 7.5, × 7/15 = 3.5 → 4.
	if got := points(t, r, FactorBlindSpots); got != 4 {
		t.Errorf("blind spots %d, want 4", got)
	}
	// Dana holds a veto and is a skeptic: the room decides (principle 3),
	// so the score sits in the Not ready band, with the reason.
	if r.Verdict != NotReady || r.Score >= GettingThereAt || len(r.Caps) == 0 || !strings.Contains(r.Caps[0], "Dana Reyes, who can veto it, is a skeptic") {
		t.Errorf("verdict %s (%d), caps %q; want Not ready because of Dana's veto", r.Verdict, r.Score, r.Caps)
	}
	if r.Verdict == ReadyToPitch {
		t.Errorf("ready to pitch with Dana's blocker open")
	}
	if r.Forecast.Outcome != OutcomeFails { // Dana holds a veto and is a skeptic
		t.Errorf("forecast %s, want fails", r.Forecast.Outcome)
	}
	if _, ok := r.Factor("nonsense"); ok {
		t.Errorf("Factor found a key that does not exist")
	}
}

// "No objections" before anyone was asked is not evidence (principle 2):
// the objections and blind-spot factors give nothing when nobody in the room
// has been heard, and rise with the share of the room's influence talked to.
func TestQuietFactorsCountOnlyAsFarAsTheRoomIsHeard(t *testing.T) {
	m := sample.NewMini()
	big := m.Person("Big", model.RoleDecisionMaker, 3, model.StanceSupporter)
	small := m.Person("Small", model.RoleInRoom, 1, model.StanceSupporter)
	r := Assess(m.D, sample.FixtureToday)
	if o, b := points(t, r, FactorObjections), points(t, r, FactorBlindSpots); o != 0 || b != 0 {
		t.Errorf("nobody heard: objections %d, blind spots %d; want 0 and 0", o, b)
	}
	if f, _ := r.Factor(FactorObjections); !strings.Contains(f.Reason, "unknown") {
		t.Errorf("the reason should say the objections are unknown: %q", f.Reason)
	}
	m.Talk(*big, -2, model.TouchAsk, 0)
	r = Assess(m.D, sample.FixtureToday)
	if o := points(t, r, FactorObjections); o != 15 { // 20 × 3/4
		t.Errorf("three quarters heard: objections %d, want 15", o)
	}
	if f, _ := r.Factor(FactorObjections); !strings.Contains(f.Reason, "counted at 75%") || !strings.Contains(f.Basis, "1 of 2 in the room") {
		t.Errorf("the reason and basis should say how much of the room was heard: %q / %q", f.Reason, f.Basis)
	}
	m.Talk(*small, -1, model.TouchAsk, 0)
	r = Assess(m.D, sample.FixtureToday)
	if o, b := points(t, r, FactorObjections), points(t, r, FactorBlindSpots); o != 20 || b != 10 {
		t.Errorf("whole room heard: objections %d, blind spots %d; want 20 and 10", o, b)
	}
}
