package model

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The invariants from PRODUCT.md, checked over thousands of random dossiers
// with fixed seeds, so that a failure is reproducible.

const propertyCases = 2000

var propToday = NewDate(2026, 11, 21)

// forEachDossier runs check on propertyCases generated dossiers.
func forEachDossier(t *testing.T, seed uint64, check func(t *testing.T, g *gen, d Dossier)) {
	t.Helper()
	for n := range propertyCases {
		g := newGen(seed+uint64(n), propToday)
		d := g.dossier()
		check(t, g, d)
		if t.Failed() {
			t.Fatalf("counterexample at seed %d: %s", seed+uint64(n), describeDossier(d))
		}
	}
}

func TestPropertyScoreIsSumOfFactors(t *testing.T) {
	total := 0
	for _, w := range Weights {
		total += w.Max
	}
	if total != 100 {
		t.Fatalf("weights sum to %d, want 100", total)
	}
	forEachDossier(t, 1_000, func(t *testing.T, _ *gen, d Dossier) {
		r := Assess(d, propToday)
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
	forEachDossier(t, 2_000, func(t *testing.T, _ *gen, d Dossier) {
		d.Stakeholders = nil
		r := Assess(d, propToday)
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
	forEachDossier(t, 3_000, func(t *testing.T, g *gen, d Dossier) {
		if Assess(d, propToday).Verdict == ReadyToPitch {
			readyBefore++
		}
		var room []Stakeholder
		for _, s := range d.Stakeholders {
			if s.Role.InRoom() {
				room = append(room, s)
			}
		}
		if len(room) == 0 {
			return
		}
		o := g.objection(d, false)
		o.RaisedByID = room[g.r.IntN(len(room))].ID
		o.Severity = SeverityBlocker
		o.Status = []ObjectionStatus{ObjectionOpen, ObjectionAddressing}[g.r.IntN(2)]
		d.Objections = append(d.Objections, o)
		r := Assess(d, propToday)
		if r.Verdict == ReadyToPitch {
			t.Errorf("ready to pitch (%d) with an open blocker from someone in the room", r.Score)
		}
		if d.Proposal.Status.Open() && !slices.ContainsFunc(r.Risks, func(k Risk) bool { return k.Key == RiskBlocker }) {
			t.Errorf("no blocker risk explains the cap: %+v", r.Risks)
		}
	})
	// The property is only worth something if the generator reaches Ready.
	if readyBefore < propertyCases/20 {
		t.Fatalf("only %d of %d generated dossiers were ready to pitch; the generator is too weak", readyBefore, propertyCases)
	}
}

func TestPropertyLoggingWithUncoveredDeciderNeverLowersCoverage(t *testing.T) {
	tried := 0
	forEachDossier(t, 4_000, func(t *testing.T, g *gen, d Dossier) {
		talked := map[int64]bool{}
		for _, tp := range d.Touchpoints {
			talked[tp.StakeholderID] = true
		}
		var uncovered []int
		for k, s := range d.Stakeholders {
			if s.Role == RoleDecisionMaker && !talked[s.ID] {
				uncovered = append(uncovered, k)
			}
		}
		if len(uncovered) == 0 {
			return
		}
		tried++
		before, _ := Assess(d, propToday).Factor(FactorCoverage)
		k := uncovered[g.r.IntN(len(uncovered))]
		s := d.Stakeholders[k]
		tp := g.touch(s, 1)
		tp.Date = propToday
		// Logging also marks the planned talk done, as the store does.
		d.Stakeholders = slices.Clone(d.Stakeholders)
		d.Stakeholders[k].Plan.Done = true
		d.Touchpoints = append(slices.Clone(d.Touchpoints), tp)
		d.ContactTouchpoints = append(slices.Clone(d.ContactTouchpoints), tp)
		after, _ := Assess(d, propToday).Factor(FactorCoverage)
		if after.Points < before.Points {
			t.Errorf("coverage fell from %d to %d after talking to an uncovered decision-maker", before.Points, after.Points)
		}
	})
	if tried < propertyCases/10 {
		t.Fatalf("only %d cases had an uncovered decision-maker", tried)
	}
}

func TestPropertyResolvingAnObjectionNeverLowersTheScore(t *testing.T) {
	forEachDossier(t, 5_000, func(t *testing.T, g *gen, d Dossier) {
		var live []int
		for k, o := range d.Objections {
			if o.Status.Live() {
				live = append(live, k)
			}
		}
		if len(live) == 0 {
			return
		}
		before := Assess(d, propToday)
		k := live[g.r.IntN(len(live))]
		d.Objections = slices.Clone(d.Objections)
		d.Objections[k].Status = []ObjectionStatus{ObjectionResolved, ObjectionAccepted, ObjectionWithdrawn}[g.r.IntN(3)]
		d.Objections[k].ResolvedOn = propToday
		after := Assess(d, propToday)
		if after.Score < before.Score {
			t.Errorf("score fell from %d to %d on resolving an objection", before.Score, after.Score)
		}
		if after.Verdict < before.Verdict {
			t.Errorf("verdict fell from %s to %s on resolving an objection", before.Verdict, after.Verdict)
		}
	})
}

func TestPropertyAddingAnOpenObjectionNeverRaisesTheScore(t *testing.T) {
	forEachDossier(t, 6_000, func(t *testing.T, g *gen, d Dossier) {
		before := Assess(d, propToday)
		o := g.objection(d, false)
		o.Status = []ObjectionStatus{ObjectionOpen, ObjectionAddressing}[g.r.IntN(2)]
		d.Objections = append(slices.Clone(d.Objections), o)
		after := Assess(d, propToday)
		if after.Score > before.Score {
			t.Errorf("score rose from %d to %d on adding an open objection", before.Score, after.Score)
		}
		if after.Verdict > before.Verdict {
			t.Errorf("verdict rose from %s to %s on adding an open objection", before.Verdict, after.Verdict)
		}
	})
}

// Same data and same day give the same brief, byte for byte, whatever
// order the rows come in: Assess sorts everything internally.
func TestPropertySameDataSameBrief(t *testing.T) {
	forEachDossier(t, 7_000, func(t *testing.T, g *gen, d Dossier) {
		redact := g.chance(0.5)
		opt := BriefOptions{Today: propToday, Redact: redact}
		first := Brief(d, Assess(d, propToday), opt)
		again := Brief(d, Assess(d, propToday), opt)
		if first != again {
			t.Fatalf("two briefs of the same data differ")
		}
		sh := shuffled(rand.New(rand.NewPCG(uint64(len(first)), 3)), d)
		if got := Brief(sh, Assess(sh, propToday), opt); got != first {
			t.Fatalf("shuffling the rows changed the brief:\n%s", firstDiff(first, got))
		}
		j1, err1 := json.Marshal(BriefData(d, Assess(d, propToday), opt))
		j2, err2 := json.Marshal(BriefData(sh, Assess(sh, propToday), opt))
		if err1 != nil || err2 != nil {
			t.Fatalf("brief JSON does not marshal: %v %v", err1, err2)
		}
		if string(j1) != string(j2) {
			t.Fatalf("shuffling the rows changed the JSON brief")
		}
	})
}

// Redaction changes words, never numbers: the redacted brief's readiness is
// the plain one's.
func TestPropertyRedactionKeepsTheNumbers(t *testing.T) {
	forEachDossier(t, 8_000, func(t *testing.T, _ *gen, d Dossier) {
		r := Assess(d, propToday)
		doc := BriefData(d, r, BriefOptions{Today: propToday, Redact: true})
		if doc.Score != r.Score || doc.Verdict != r.Verdict || len(doc.Risks) != len(r.Risks) || len(doc.NextActions) != len(r.NextActions) {
			t.Errorf("redacted brief says %d %s with %d risks and %d actions; plain says %d %s, %d, %d",
				doc.Score, doc.Verdict, len(doc.Risks), len(doc.NextActions), r.Score, r.Verdict, len(r.Risks), len(r.NextActions))
		}
		for k, f := range doc.Factors {
			if f.Points != r.Factors[k].Points {
				t.Errorf("factor %s: %d redacted, %d plain", f.Key, f.Points, r.Factors[k].Points)
			}
		}
	})
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for k := range min(len(al), len(bl)) {
		if al[k] != bl[k] {
			return "line " + strconv.Itoa(k+1) + ":\n- " + al[k] + "\n+ " + bl[k]
		}
	}
	return "lengths differ"
}
