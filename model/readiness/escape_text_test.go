package readiness

import (
	"testing"

	"github.com/backchannel/backchannel/model/internal/sample"
)

// Issue 11, finding 9: a plan message made only of escape sequences is no
// "what": it earns the plan factor nothing that an empty message would not,
// while a real message does earn it.
func TestEscapeOnlyPlanMessageEarnsNoPoint(t *testing.T) {
	with := func(message string) Readiness {
		d := sample.FixtureDossier()
		for i := range d.Stakeholders {
			d.Stakeholders[i].Plan.Message = message
		}
		return Assess(d, sample.FixtureToday)
	}
	points := func(r Readiness) int {
		f, ok := r.Factor(FactorPlan)
		if !ok {
			t.Fatal("no plan factor")
		}
		return f.Points
	}
	empty, escapes, real := with(""), with("\x1b[31m\x1b[0m\x1b]0;title\x07"), with("Ask what would make it a yes.")
	if points(escapes) != points(empty) || escapes.Score != empty.Score {
		t.Errorf("an escape-only message scores plan %d (score %d); an empty one %d (%d)",
			points(escapes), escapes.Score, points(empty), empty.Score)
	}
	if points(real) <= points(empty) {
		t.Errorf("a real message scores plan %d, no more than an empty one (%d): the test shows nothing", points(real), points(empty))
	}
}
