package readiness

import (
	"slices"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
)

// The invariants from PRODUCT.md, checked over thousands of random dossiers
// with fixed seeds, so that a failure is reproducible.

func TestPropertyScoreIsSumOfFactors(t *testing.T) {
	total := 0
	for _, w := range Weights {
		total += w.Max
	}
	if total != 100 {
		t.Fatalf("weights sum to %d, want 100", total)
	}
	sample.ForEachDossier(t, 1_000, func(t *testing.T, _ *sample.Gen, d model.Dossier) {
		r := Assess(d, sample.PropToday)
		if len(r.Factors) != len(Weights) && len(r.Factors) != len(Weights)+1 {
			t.Fatalf("%d factors, want %d and perhaps a cap row", len(r.Factors), len(Weights))
		}
		sum := 0
		for k, f := range r.Factors {
			if k == len(Weights) {
				if f.Key != FactorCap || f.Points >= 0 || f.Max != 0 || f.Reason == "" || f.Basis == "" {
					t.Errorf("the row after the factors is not an explained cap: %+v", f)
				}
				sum += f.Points
				continue
			}
			if strings.TrimSpace(f.Basis) == "" {
				t.Errorf("factor %s does not say what it is based on", f.Key)
			}
			if f.Key != Weights[k].Key || f.Max != Weights[k].Max {
				t.Errorf("factor %d is %s/%d, want %s/%d", k, f.Key, f.Max, Weights[k].Key, Weights[k].Max)
			}
			if f.Points < 0 || f.Points > f.Max {
				t.Errorf("factor %s has %d of %d points", f.Key, f.Points, f.Max)
			}
			if strings.TrimSpace(f.Reason) == "" {
				t.Errorf("factor %s has no reason", f.Key)
			}
			sum += f.Points
		}
		if sum != r.Score {
			t.Errorf("factors sum to %d, score is %d", sum, r.Score)
		}
		if r.Score < 0 || r.Score > 100 {
			t.Errorf("score %d out of 0..100", r.Score)
		}
		if len(r.NextActions) > MaxActions {
			t.Errorf("%d next actions, at most %d", len(r.NextActions), MaxActions)
		}
		for _, k := range r.Risks {
			if k.Evidence == "" || k.Title == "" {
				t.Errorf("risk %s without title or evidence", k.Key)
			}
		}
	})
}

func TestPropertyNoStakeholdersIsNotReady(t *testing.T) {
	sample.ForEachDossier(t, 2_000, func(t *testing.T, _ *sample.Gen, d model.Dossier) {
		d.Stakeholders = nil
		r := Assess(d, sample.PropToday)
		if r.Verdict != NotReady {
			t.Errorf("verdict %s with no stakeholders", r.Verdict)
		}
		if len(r.NextActions) == 0 || !strings.HasPrefix(r.NextActions[0].Text, "Name who decides") {
			t.Errorf("first next action is not to name who decides: %+v", r.NextActions)
		}
	})
}

func TestPropertyRoomBlockerIsNeverReady(t *testing.T) {
	readyBefore := 0
	sample.ForEachDossier(t, 3_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		if Assess(d, sample.PropToday).Verdict == ReadyToPitch {
			readyBefore++
		}
		var room []model.Stakeholder
		for _, s := range d.Stakeholders {
			if s.Role.InRoom() {
				room = append(room, s)
			}
		}
		if len(room) == 0 {
			return
		}
		o := g.Objection(d, false)
		o.RaisedByID = room[g.R.IntN(len(room))].ID
		o.Severity = model.SeverityBlocker
		o.Status = []model.ObjectionStatus{model.ObjectionOpen, model.ObjectionAddressing}[g.R.IntN(2)]
		d.Objections = append(d.Objections, o)
		r := Assess(d, sample.PropToday)
		if r.Verdict == ReadyToPitch {
			t.Errorf("ready to pitch (%d) with an open blocker from someone in the room", r.Score)
		}
		if d.Proposal.Status.Open() && !slices.ContainsFunc(r.Risks, func(k Risk) bool { return k.Key == RiskBlocker }) {
			t.Errorf("no blocker risk explains the cap: %+v", r.Risks)
		}
	})
	// The property is only worth something if the generator reaches Ready.
	if readyBefore < sample.PropertyCases/20 {
		t.Fatalf("only %d of %d generated dossiers were ready to pitch; the generator is too weak", readyBefore, sample.PropertyCases)
	}
}

func TestPropertyLoggingWithUncoveredDeciderNeverLowersCoverage(t *testing.T) {
	tried := 0
	sample.ForEachDossier(t, 4_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		talked := map[int64]bool{}
		for _, tp := range d.Touchpoints {
			talked[tp.StakeholderID] = true
		}
		var uncovered []int
		for k, s := range d.Stakeholders {
			if s.Role == model.RoleDecisionMaker && !talked[s.ID] {
				uncovered = append(uncovered, k)
			}
		}
		if len(uncovered) == 0 {
			return
		}
		tried++
		before, _ := Assess(d, sample.PropToday).Factor(FactorCoverage)
		k := uncovered[g.R.IntN(len(uncovered))]
		s := d.Stakeholders[k]
		tp := g.Touch(s, 1)
		tp.Date = sample.PropToday
		// Logging also marks the planned talk done, as the store does.
		d.Stakeholders = slices.Clone(d.Stakeholders)
		d.Stakeholders[k].Plan.Done = true
		d.Touchpoints = append(slices.Clone(d.Touchpoints), tp)
		d.ContactTouchpoints = append(slices.Clone(d.ContactTouchpoints), tp)
		after, _ := Assess(d, sample.PropToday).Factor(FactorCoverage)
		if after.Points < before.Points {
			t.Errorf("coverage fell from %d to %d after talking to an uncovered decision-maker", before.Points, after.Points)
		}
	})
	if tried < sample.PropertyCases/10 {
		t.Fatalf("only %d cases had an uncovered decision-maker", tried)
	}
}

func TestPropertyResolvingAnObjectionNeverLowersTheScore(t *testing.T) {
	sample.ForEachDossier(t, 5_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		var live []int
		for k, o := range d.Objections {
			if o.Status.Live() {
				live = append(live, k)
			}
		}
		if len(live) == 0 {
			return
		}
		before := Assess(d, sample.PropToday)
		k := live[g.R.IntN(len(live))]
		d.Objections = slices.Clone(d.Objections)
		d.Objections[k].Status = []model.ObjectionStatus{model.ObjectionResolved, model.ObjectionAccepted, model.ObjectionWithdrawn}[g.R.IntN(3)]
		d.Objections[k].ResolvedOn = sample.PropToday
		after := Assess(d, sample.PropToday)
		if after.Score < before.Score {
			t.Errorf("score fell from %d to %d on resolving an objection", before.Score, after.Score)
		}
		if after.Verdict < before.Verdict {
			t.Errorf("verdict fell from %s to %s on resolving an objection", before.Verdict, after.Verdict)
		}
	})
}

func TestPropertyAddingAnOpenObjectionNeverRaisesTheScore(t *testing.T) {
	sample.ForEachDossier(t, 6_000, func(t *testing.T, g *sample.Gen, d model.Dossier) {
		before := Assess(d, sample.PropToday)
		o := g.Objection(d, false)
		o.Status = []model.ObjectionStatus{model.ObjectionOpen, model.ObjectionAddressing}[g.R.IntN(2)]
		d.Objections = append(slices.Clone(d.Objections), o)
		after := Assess(d, sample.PropToday)
		if after.Score > before.Score {
			t.Errorf("score rose from %d to %d on adding an open objection", before.Score, after.Score)
		}
		if after.Verdict > before.Verdict {
			t.Errorf("verdict rose from %s to %s on adding an open objection", before.Verdict, after.Verdict)
		}
	})
}
