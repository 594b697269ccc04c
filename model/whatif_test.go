package model

import (
	"strings"
	"testing"
)

func TestParseWhatIf(t *testing.T) {
	d := fixtureDossier()
	cases := []struct {
		spec string
		want WhatIf
		err  string
	}{
		{"Dana=supporter", WhatIf{StakeholderID: 11, Stance: StanceSupporter}, ""},
		{"dana reyes = champion", WhatIf{StakeholderID: 11, Stance: StanceChampion}, ""},
		{"Reyes=against", WhatIf{StakeholderID: 11, Stance: StanceOpponent}, ""},
		{"Tom=absent", WhatIf{StakeholderID: 14, Absent: true}, ""},
		{"12=neutral", WhatIf{StakeholderID: 12, Stance: StanceNeutral}, ""},
		{"Dana", WhatIf{}, "NAME=STANCE"},
		{"=supporter", WhatIf{}, "NAME=STANCE"},
		{"Nobody=supporter", WhatIf{}, "nobody called"},
		{"Dana=thrilled", WhatIf{}, "unknown stance"},
		{"Sam=supporter", WhatIf{}, "nobody called"}, // Sam is a contact (a go-between), not on the proposal
	}
	for _, c := range cases {
		got, err := ParseWhatIf(d, c.spec)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want one containing %q", c.spec, err, c.err)
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("%q: %+v, %v; want %+v", c.spec, got, err, c.want)
		}
	}
}

// A what-if moves the forecast, the score and the verdict, and leaves the
// dossier it was given alone.
func TestWhatIfMovesTheRoomWithoutTouchingTheData(t *testing.T) {
	d := fixtureDossier()
	real := Assess(d, fixtureToday)
	// Dana (veto, skeptic) comes round and resolves nothing: the room passes
	// on votes, but her blocker is still open.
	d.WhatIf = []WhatIf{{StakeholderID: 11, Stance: StanceSupporter}}
	won := Assess(d, fixtureToday)
	if real.Forecast.Outcome != OutcomeFails || won.Forecast.Outcome != OutcomePasses {
		t.Errorf("forecast %s → %s, want fails → passes", real.Forecast.Outcome, won.Forecast.Outcome)
	}
	if won.Score <= real.Score || won.Verdict != GettingThere {
		t.Errorf("score %d (%s) → %d (%s); want a rise to Getting there (the blocker stays open)", real.Score, real.Verdict, won.Score, won.Verdict)
	}
	if c, _ := won.Factor(FactorCoverage); c.Points != 20 { // Dana 5 + Marcus 4 + Priya 3 of 15
		t.Errorf("Dana's assumed stance counts as heard today: coverage %d, want 20", c.Points)
	}
	// Marcus absent: the majority is counted among the three left.
	d.WhatIf = []WhatIf{{StakeholderID: 12, Absent: true}}
	gone := Assess(d, fixtureToday)
	if !strings.Contains(gone.Forecast.Needs, "2 of 3 votes") {
		t.Errorf("with Marcus absent the room needs %q, want 2 of 3", gone.Forecast.Needs)
	}
	if d.Stakeholders[0].Stance != StanceSkeptic || d.Stakeholders[1].Votes != true {
		t.Errorf("a what-if changed the dossier it was given")
	}
	d.WhatIf = nil
	if again := Assess(d, fixtureToday); again.Score != real.Score {
		t.Errorf("without what-ifs the score is %d, was %d", again.Score, real.Score)
	}
}
