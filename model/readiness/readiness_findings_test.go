package readiness

import (
	"slices"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// The three findings of issue 9, each as the workbook that showed it. Each
// failed on the score as it was (78, 92–94 and a rise) and passes now.

// Finding 1: thin evidence scored high. One person, the only decision-maker,
// a skeptic who said "Not this year": it scored 78/100 with objections,
// blind spots and plan at full marks for want of anything recorded.
func TestFindingThinEvidenceDoesNotScoreHigh(t *testing.T) {
	d := book(model.RuleOneDecider, 21).
		who("Dana Reyes", model.RoleDecisionMaker, 5, model.StanceSkeptic, votes(), talked(3, "Not this year.")).
		dossier()
	r := Assess(d, calToday)
	if r.Verdict != NotReady || r.Score >= GettingThereAt {
		t.Errorf("%s (%d), want Not ready below %d\n%s", r.Verdict, r.Score, GettingThereAt, explain(r))
	}
	for _, key := range []string{FactorObjections, FactorBlindSpots, FactorPlan} {
		if f, _ := r.Factor(key); f.Points != 0 {
			t.Errorf("%s earns %d of %d from nothing recorded: %s", key, f.Points, f.Max, f.Reason)
		}
	}
	if f, _ := r.Factor(FactorPlan); !strings.Contains(f.Reason, "nothing planned with Dana Reyes") {
		t.Errorf("the plan factor should say nothing is planned: %q", f.Reason)
	}
	if len(r.Caps) == 0 || !strings.Contains(r.Caps[0], "the one decider, Dana Reyes, is a skeptic") {
		t.Errorf("caps %q should say the one decider is a skeptic", r.Caps)
	}
}

// Finding 2: caps changed the label, not the number, so a room that fails
// today under unanimity, or with a veto holder against, read 92–94/100
// "Getting there".
func TestFindingScoreAndVerdictAreOneJudgement(t *testing.T) {
	unanimity := allAboard(model.RuleUnanimity, 12).voter("Zoe", 1, model.StanceOpponent, talked(2))
	veto := allAboard(model.RuleMajority, 12).who("Vic", model.RoleInRoom, 5, model.StanceOpponent, veto(), talked(4))
	for name, b := range map[string]*calBook{"unanimity with an opponent": unanimity, "veto holder against": veto} {
		r := Assess(b.dossier(), calToday)
		if r.Verdict != NotReady || r.Score >= GettingThereAt {
			t.Errorf("%s: %s (%d), want Not ready below %d", name, r.Verdict, r.Score, GettingThereAt)
		}
		f, ok := r.Factor(FactorCap)
		if !ok || f.Points >= 0 || !strings.Contains(f.Reason, "room would not pass") {
			t.Errorf("%s: no cap row explains the points taken: %+v", name, r.Factors)
		}
		sum := 0
		for _, f := range r.Factors {
			sum += f.Points
		}
		if sum != r.Score {
			t.Errorf("%s: rows sum to %d, score is %d", name, sum, r.Score)
		}
	}
}

// Finding 3: a talk in which the veto holder turned skeptic and raised an
// open blocker moved readiness up; and a stance read four months ago
// counted as fully as yesterday's.
func TestFindingBadNewsDoesNotRaiseAndOldReadingsAge(t *testing.T) {
	base := func() *calBook {
		return book(model.RuleMajority, 14).
			voter("Ana", 5, model.StanceChampion, talked(3)).
			voter("Ben", 4, model.StanceSupporter, talked(5)).
			voter("Cleo", 4, model.StanceSupporter, talked(6))
	}
	before := base().who("Vic", model.RoleInRoom, 5, model.StanceUnknown, veto(), planned(1)).dossier()
	after := base().who("Vic", model.RoleInRoom, 5, model.StanceSkeptic, veto(), planned(1), talked(0, "Not like this.")).
		objection("Vic", model.SeverityBlocker, model.ObjectionOpen, "").dossier()
	rb, ra := Assess(before, calToday), Assess(after, calToday)
	if ra.Score > rb.Score {
		t.Errorf("the veto holder turning skeptic with a blocker raised the score from %d to %d\nbefore:\n%s\nafter:\n%s",
			rb.Score, ra.Score, explain(rb), explain(ra))
	}
	if cb, _ := rb.Factor(FactorCoverage); true {
		if ca, _ := ra.Factor(FactorCoverage); ca.Points > cb.Points {
			t.Errorf("coverage rose from %d to %d on a talk that brought only bad news", cb.Points, ca.Points)
		}
	}

	fresh := Assess(base().dossier(), calToday)
	old := book(model.RuleMajority, 14).
		voter("Ana", 5, model.StanceChampion, talked(120)).
		voter("Ben", 4, model.StanceSupporter, talked(122)).
		voter("Cleo", 4, model.StanceSupporter, talked(125)).dossier()
	stale := Assess(old, calToday)
	fs, _ := fresh.Factor(FactorSupport)
	ss, _ := stale.Factor(FactorSupport)
	if ss.Points >= fs.Points || stale.Score >= fresh.Score || stale.Verdict == ReadyToPitch {
		t.Errorf("four-month-old readings give support %d and %s %d; last week's give %d and %s %d",
			ss.Points, stale.Verdict, stale.Score, fs.Points, fresh.Verdict, fresh.Score)
	}
	if !strings.Contains(ss.Basis, "over 30 days ago: 3") {
		t.Errorf("the support factor should say how old its readings are: %q", ss.Basis)
	}
	if !slices.ContainsFunc(stale.Caps, func(c string) bool { return strings.Contains(c, "read Ana Reyes") || strings.Contains(c, " again") }) {
		t.Errorf("caps %q should ask to read the room again", stale.Caps)
	}
}

// Next actions follow the plan's order: a talk that must come before
// another is proposed first, even when the later talk matters more on its
// own; overdue talks lead the talks.
func TestNextActionsRespectThePlansOrder(t *testing.T) {
	d := book(model.RuleOneDecider, 20).
		who("Dana", model.RoleDecisionMaker, 5, model.StanceSkeptic, talked(10), planned(8)).
		who("Sam", model.RoleInfluencer, 2, model.StanceSupporter, talked(30), planned(9), before("Dana")).
		who("Lee", model.RoleInfluencer, 3, model.StanceUnknown, planned(-3)).
		dossier()
	r := Assess(d, calToday)
	id := map[int64]string{}
	for _, s := range d.Stakeholders {
		id[s.ID] = d.Contacts[s.ContactID].Name
	}
	pos := map[string]int{}
	for k, a := range r.NextActions {
		if a.Kind == ActionTalk {
			pos[id[a.StakeholderID]] = k
		}
	}
	sam, okS := pos["Sam"]
	dana, okD := pos["Dana"]
	lee, okL := pos["Lee"]
	if !okS || !okD || !okL {
		t.Fatalf("talks missing from the next actions: %q", actionTexts(r))
	}
	if sam > dana {
		t.Errorf("Sam's talk, planned before Dana's, comes after it: %q", actionTexts(r))
	}
	if lee > sam || lee > dana {
		t.Errorf("the overdue talk with Lee does not lead: %q", actionTexts(r))
	}
	a := r.NextActions[sam]
	if !strings.Contains(a.Text, ", before Dana —") || !a.Due.Before(r.NextActions[dana].Due) {
		t.Errorf("Sam's talk should say it comes before Dana's and fall due earlier: %q (due %s, Dana's %s)", a.Text, a.Due, r.NextActions[dana].Due)
	}
}

func actionTexts(r Readiness) []string {
	var out []string
	for _, a := range r.NextActions {
		out = append(out, a.Text)
	}
	return out
}
