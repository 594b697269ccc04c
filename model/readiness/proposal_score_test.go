package readiness

import (
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

// listColumnsOnly keeps of each conversation what db's score-only list
// reads (db/list_reads.go: scoreTouchpointsSQL) and empties the rest.
func listColumnsOnly(d model.Dossier) model.Dossier {
	talks := make([]model.Touchpoint, len(d.Touchpoints))
	for k, t := range d.Touchpoints {
		talks[k] = model.Touchpoint{ID: t.ID, StakeholderID: t.StakeholderID, ProposalID: t.ProposalID, ContactID: t.ContactID,
			Date: t.Date, Kind: t.Kind, Sentiment: t.Sentiment, HeardViaID: t.HeardViaID,
			Commitment: t.Commitment, CommitmentDone: t.CommitmentDone}
	}
	d.Touchpoints = talks
	return d
}

// The score-only list reads a conversation's people, day, kind, sentiment,
// go-between and promise, not its words, channel, opener, due day or
// creation time: the score must not move with any of those.
func TestScoreReadsOnlyTheListColumns(t *testing.T) {
	moved := 0 // the check can see a change of a conversation: its day
	sample.ForEachDossier(t, 8_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		d = withCommitments(g, d)
		for _, shift := range []int{-30, 0, 5} {
			day := sample.PropToday.AddDays(shift)
			r := Assess(d, day)
			score, verdict := Score(listColumnsOnly(d), day)
			if score != r.Score || verdict != r.Verdict {
				t.Fatalf("on %s the list's columns give %d %s, the whole conversations %d %s", day, score, verdict, r.Score, r.Verdict)
			}
		}
		flipped := listColumnsOnly(d)
		for k := range flipped.Touchpoints {
			flipped.Touchpoints[k].Date = flipped.Touchpoints[k].Date.AddDays(-365)
		}
		if s, _ := Score(flipped, sample.PropToday); s != Assess(d, sample.PropToday).Score {
			moved++
		}
	})
	if moved < sample.PropertyCases/10 {
		t.Errorf("every conversation a year earlier moved the score in %d of %d dossiers: the dossiers are too weak to see a column", moved, sample.PropertyCases)
	}
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

// A score reads of a proposal only ScoreInputs (each person's latest
// conversation; no ledgers, contacts or history), in the columns the lists
// read: the lists read nothing else, on any day.
func TestScoreReadsOnlyItsInputs(t *testing.T) {
	fewer := 0 // the inputs leave conversations out
	sample.ForEachDossier(t, 9_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		d = withLedgers(g, withCommitments(g, d))
		in := listColumnsOnly(ScoreInputs(d))
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
	})
	if fewer < sample.PropertyCases/2 {
		t.Errorf("the inputs left conversations out in %d of %d dossiers: too few people talked to twice to tell", fewer, sample.PropertyCases)
	}
}
