package readiness

import (
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
)

// A what-if moves the forecast, the score and the verdict, and leaves the
// dossier it was given alone.
func TestWhatIfMovesTheRoomWithoutTouchingTheData(t *testing.T) {
	d := sample.FixtureDossier()
	real := Assess(d, sample.FixtureToday)
	// Dana (veto, skeptic) comes round and resolves nothing: the room passes
	// on votes, but her blocker is still open.
	d.WhatIf = []model.WhatIf{{StakeholderID: 11, Stance: model.StanceSupporter}}
	won := Assess(d, sample.FixtureToday)
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
	d.WhatIf = []model.WhatIf{{StakeholderID: 12, Absent: true}}
	gone := Assess(d, sample.FixtureToday)
	if !strings.Contains(gone.Forecast.Needs, "2 of 3 votes") {
		t.Errorf("with Marcus absent the room needs %q, want 2 of 3", gone.Forecast.Needs)
	}
	if d.Stakeholders[0].Stance != model.StanceSkeptic || d.Stakeholders[1].Votes != true {
		t.Errorf("a what-if changed the dossier it was given")
	}
	d.WhatIf = nil
	if again := Assess(d, sample.FixtureToday); again.Score != real.Score {
		t.Errorf("without what-ifs the score is %d, was %d", again.Score, real.Score)
	}
}
