package readiness

import (
	"slices"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
)

// withCommitments gives some of the dossier's conversations a promise (a
// direction, a due day, done or not), which the generator leaves out: the
// nurture ledger counts kept promises, and a due day is a column the lists
// leave unread.
func withCommitments(g *sample.Gen, d model.Dossier) model.Dossier {
	talks := make([]model.Touchpoint, len(d.Touchpoints))
	for k, t := range d.Touchpoints {
		if g.Chance(0.4) {
			t.Commitment = model.Commitment(1 + g.R.IntN(2))
			t.CommitmentDue = sample.PropToday.AddDays(g.R.IntN(40) - 20)
			t.CommitmentDone = g.Chance(0.5)
		}
		talks[k] = t
	}
	d.Touchpoints = talks
	return d
}

// A list's score is Assess's, on any day: Score stops where the judgement
// is made, before the risks and next actions.
func TestScoreIsAssessedScore(t *testing.T) {
	sample.ForEachDossier(t, 7_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		d = withCommitments(g, d)
		for _, shift := range []int{-400, -30, -1, 0, 1, 7, 60} {
			day := sample.PropToday.AddDays(shift)
			r := Assess(d, day)
			score, verdict := Score(d, day)
			if score != r.Score || verdict != r.Verdict {
				t.Fatalf("on %s Score gives %d %s, Assess %d %s", day, score, verdict, r.Score, r.Verdict)
			}
		}
	})
}

// withLedgers gives every contact of the dossier a nurture ledger, as a
// list's dossier carries: the score must not read them.
func withLedgers(g *sample.Gen, d model.Dossier) model.Dossier {
	d.Ledgers = map[int64]model.Ledger{}
	for id := range d.Contacts {
		d.Ledgers[id] = model.Ledger{Gives: g.R.IntN(4), Asks: g.R.IntN(6), Last: sample.PropToday.AddDays(-g.R.IntN(200))}
	}
	return d
}

// A score reads of a proposal only ScoreInputs (the day each person was
// last spoken to; no conversation's words, kind or reading, no ledgers,
// contacts or history): the lists read nothing else, on any day.
func TestScoreReadsOnlyItsInputs(t *testing.T) {
	fewer := 0 // the inputs leave conversations out
	moved := 0 // the check can see a change of the inputs: their days
	sample.ForEachDossier(t, 9_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		d = withLedgers(g, withCommitments(g, d))
		in := ScoreInputs(d)
		if len(in.Touchpoints) < len(d.Touchpoints) {
			fewer++
		}
		if in.Contacts != nil || in.Ledgers != nil || in.History != nil || in.ContactTouchpoints != nil {
			t.Fatal("ScoreInputs keeps more than a score reads")
		}
		for _, shift := range []int{-400, -60, -30, -1, 0, 1, 14, 90} {
			day := sample.PropToday.AddDays(shift)
			r := Assess(d, day)
			score, verdict := Score(in, day)
			if score != r.Score || verdict != r.Verdict {
				t.Fatalf("on %s the score's inputs give %d %s, the whole dossier %d %s", day, score, verdict, r.Score, r.Verdict)
			}
		}
		earlier := in
		earlier.Touchpoints = slices.Clone(in.Touchpoints)
		for k := range earlier.Touchpoints {
			earlier.Touchpoints[k].Date = earlier.Touchpoints[k].Date.AddDays(-365)
		}
		if s, _ := Score(earlier, sample.PropToday); s != Assess(d, sample.PropToday).Score {
			moved++
		}
	})
	if moved < sample.PropertyCases/10 {
		t.Errorf("every last talk a year earlier moved the score in %d of %d dossiers: the dossiers are too weak to see a day", moved, sample.PropertyCases)
	}
	if fewer < sample.PropertyCases/2 {
		t.Errorf("the inputs left conversations out in %d of %d dossiers: too few people talked to twice to tell", fewer, sample.PropertyCases)
	}
}
