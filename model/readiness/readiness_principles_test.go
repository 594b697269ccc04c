package readiness

import (
	"slices"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
)

// Property tests for the readiness principles (docs/readiness.md) over
// generated workbooks: 1 (score and verdict are one judgement), 2 (absence
// of evidence is not support) and 5 (bad news never raises the score). Each
// counts the cases it really exercised, so that a generator gone weak fails
// loudly instead of passing quietly.

// Principle 1: every score sits in its verdict's band, with or without caps,
// and with what-ifs applied.
func TestPrinciple1ScoreSitsInItsVerdictsBand(t *testing.T) {
	capped := 0
	sample.ForEachDossier(t, 11_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		if len(d.Stakeholders) > 0 && g.Chance(0.3) {
			s := d.Stakeholders[g.R.IntN(len(d.Stakeholders))]
			d.WhatIf = []model.WhatIf{{StakeholderID: s.ID, Stance: model.Stances()[g.R.IntN(6)], Absent: g.Chance(0.2)}}
		}
		r := Assess(d, sample.PropToday)
		if lo, hi := band(r.Verdict); r.Score < lo || r.Score > hi {
			t.Errorf("score %d outside the %s band %d–%d", r.Score, r.Verdict, lo, hi)
		}
		if f, ok := r.Factor(FactorCap); ok {
			capped++
			if len(r.Caps) == 0 {
				t.Errorf("a cap took %d points without saying why", -f.Points)
			}
		}
	})
	if capped < sample.PropertyCases/10 {
		t.Fatalf("only %d of %d cases were capped; the property says little", capped, sample.PropertyCases)
	}
}

// Principle 2: with no conversation logged, nothing learned from the room
// earns points, and the proposal is Not ready.
func TestPrinciple2NoConversationEarnsNothingFromTheRoom(t *testing.T) {
	sample.ForEachDossier(t, 12_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		d.Touchpoints, d.ContactTouchpoints = nil, nil
		r := Assess(d, sample.PropToday)
		for _, key := range []string{FactorCoverage, FactorObjections, FactorBlindSpots} {
			if f, _ := r.Factor(key); f.Points != 0 {
				t.Errorf("%s earns %d with nobody talked to: %s", key, f.Points, f.Reason)
			}
		}
		if r.Verdict != NotReady {
			t.Errorf("%s (%d) with no conversation logged", r.Verdict, r.Score)
		}
	})
}

// Principle 2: unknown stances are unknown, and a plan with nothing planned
// is empty.
func TestPrinciple2UnknownStancesAndEmptyPlansEarnNothing(t *testing.T) {
	sample.ForEachDossier(t, 13_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		d.Stakeholders = slices.Clone(d.Stakeholders)
		for k := range d.Stakeholders {
			d.Stakeholders[k].Stance = model.StanceUnknown
			d.Stakeholders[k].Plan = model.Plan{}
		}
		r := Assess(d, sample.PropToday)
		if f, _ := r.Factor(FactorSupport); f.Points != 0 {
			t.Errorf("support earns %d with every stance unknown: %s", f.Points, f.Reason)
		}
		if f, _ := r.Factor(FactorPlan); f.Points != 0 {
			t.Errorf("the plan earns %d with nothing planned and nobody won over: %s", f.Points, f.Reason)
		}
	})
}

// Principle 2: naming one more person in the room whom nobody has asked
// never raises the score. (The first person named is left out: with nobody
// named there are no talks to time, and timing starts counting then.)
func TestPrinciple2AnUnaskedPersonNeverRaisesTheScore(t *testing.T) {
	sample.ForEachDossier(t, 14_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		if len(d.Stakeholders) == 0 {
			return
		}
		before := Assess(d, sample.PropToday)
		cid := g.ID()
		d.Contacts = cloneContacts(d.Contacts)
		d.Contacts[cid] = model.Contact{ID: cid, Name: "Quentin Unasked"}
		s := model.Stakeholder{ID: g.ID(), ProposalID: d.Proposal.ID, ContactID: cid, Role: []model.Role{model.RoleDecisionMaker, model.RoleInRoom}[g.R.IntN(2)],
			Influence: 1 + g.R.IntN(5), Votes: g.Chance(0.6), Veto: g.Chance(0.1)}
		d.Stakeholders = append(slices.Clone(d.Stakeholders), s)
		if after := Assess(d, sample.PropToday); after.Score > before.Score {
			t.Errorf("score rose from %d to %d on naming someone nobody asked", before.Score, after.Score)
		}
	})
}

// Principle 5, and finding 3: a talk that brings bad news — someone turns
// out to be against, perhaps with a new open objection or blocker — never
// raises the score, even though the talk itself covers one more person.
func TestPrinciple5BadNewsFromATalkNeverRaisesTheScore(t *testing.T) {
	tried, fresh := 0, 0
	sample.ForEachDossier(t, 15_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		if len(d.Stakeholders) == 0 {
			return
		}
		before := Assess(d, sample.PropToday)
		k := g.R.IntN(len(d.Stakeholders))
		d.Stakeholders = slices.Clone(d.Stakeholders)
		s := &d.Stakeholders[k]
		talkedBefore := slices.ContainsFunc(d.Touchpoints, func(tp model.Touchpoint) bool { return tp.StakeholderID == s.ID })
		worse := worseStances(s.Stance, talkedBefore)
		if len(worse) == 0 {
			return
		}
		tried++
		if !talkedBefore {
			fresh++
		}
		s.Stance = worse[g.R.IntN(len(worse))]
		s.Plan.Done = true // logging a talk marks the plan held, as the store does
		tp := g.Touch(*s, d.Proposal.ID)
		tp.Date, tp.Sentiment = sample.PropToday, -1-g.R.IntN(2)
		d.Touchpoints = append(slices.Clone(d.Touchpoints), tp)
		d.ContactTouchpoints = append(slices.Clone(d.ContactTouchpoints), tp)
		if g.Chance(0.6) {
			o := g.Objection(d, false)
			o.RaisedByID, o.TouchpointID = s.ID, tp.ID
			o.Status = []model.ObjectionStatus{model.ObjectionOpen, model.ObjectionAddressing}[g.R.IntN(2)]
			d.Objections = append(slices.Clone(d.Objections), o)
		}
		after := Assess(d, sample.PropToday)
		if after.Score > before.Score || after.Verdict > before.Verdict {
			t.Errorf("bad news raised readiness from %s %d to %s %d\nbefore:\n%s\nafter:\n%s",
				before.Verdict, before.Score, after.Verdict, after.Score, explain(before), explain(after))
		}
	})
	if tried < sample.PropertyCases/2 || fresh < sample.PropertyCases/10 {
		t.Fatalf("only %d bad-news talks tried (%d with someone never talked to)", tried, fresh)
	}
}

// worseStances are the stances that are bad news after s: anything lower
// that is known, and for someone never talked to, being against.
func worseStances(s model.Stance, talked bool) []model.Stance {
	if !s.Known() || !talked {
		var out []model.Stance
		for _, w := range []model.Stance{model.StanceSkeptic, model.StanceOpponent} {
			if !s.Known() || w < s {
				out = append(out, w)
			}
		}
		return out
	}
	var out []model.Stance
	for w := model.StanceOpponent; w < s; w++ {
		out = append(out, w)
	}
	return out
}

// Principle 5: a stance moving down, without a talk, never raises the score;
// moving up never lowers it.
func TestPrinciple5StanceMovesAreMonotone(t *testing.T) {
	rose := 0
	sample.ForEachDossier(t, 16_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		var known []int
		for k, s := range d.Stakeholders {
			if s.Stance.Known() {
				known = append(known, k)
			}
		}
		if len(known) == 0 {
			return
		}
		k := known[g.R.IntN(len(known))]
		low, high := d, d
		low.Stakeholders, high.Stakeholders = slices.Clone(d.Stakeholders), slices.Clone(d.Stakeholders)
		cur := d.Stakeholders[k].Stance
		low.Stakeholders[k].Stance = max(model.StanceOpponent, cur-1)
		high.Stakeholders[k].Stance = min(model.StanceChampion, cur+1)
		mid := Assess(d, sample.PropToday)
		lo, hi := Assess(low, sample.PropToday), Assess(high, sample.PropToday)
		if lo.Score > mid.Score || lo.Verdict > mid.Verdict {
			t.Errorf("%s → %s raised readiness from %d to %d", cur, cur-1, mid.Score, lo.Score)
		}
		if hi.Score < mid.Score || hi.Verdict < mid.Verdict {
			t.Errorf("%s → %s lowered readiness from %d to %d", cur, cur+1, mid.Score, hi.Score)
		}
		if hi.Score > mid.Score {
			rose++
		}
	})
	// Winning people over must raise the score, not merely leave it alone.
	if rose < sample.PropertyCases/5 {
		t.Fatalf("a better stance raised the score in only %d of %d cases", rose, sample.PropertyCases)
	}
}

// Principle 5: addressing a blind spot never lowers the score; opening one
// never raises it.
func TestPrinciple5BlindSpotsAreMonotone(t *testing.T) {
	sample.ForEachDossier(t, 17_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		if len(d.BlindSpots) == 0 {
			return
		}
		k := g.R.IntN(len(d.BlindSpots))
		open, closed := d, d
		open.BlindSpots, closed.BlindSpots = slices.Clone(d.BlindSpots), slices.Clone(d.BlindSpots)
		open.BlindSpots[k].Status = model.BlindSpotOpen
		closed.BlindSpots[k].Status = model.BlindSpotAddressed
		o, c := Assess(open, sample.PropToday), Assess(closed, sample.PropToday)
		if c.Score < o.Score || c.Verdict < o.Verdict {
			t.Errorf("addressing a blind spot lowered readiness from %d to %d", o.Score, c.Score)
		}
	})
}

func cloneContacts(m map[int64]model.Contact) map[int64]model.Contact {
	out := make(map[int64]model.Contact, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}
