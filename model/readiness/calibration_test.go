package readiness

import (
	"strconv"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// The calibration suite: small workbooks, each with the verdict a seasoned
// pre-wirer would give and why, in the words of the domain primer
// (PRODUCT.md). They were written before looking at what Assess says, and
// the score is tuned to them, not the other way round. Shorthand: "for"
// means a supporter or champion; every talk is a logged conversation.

type calScenario struct {
	name string
	want Verdict
	why  string
	book func() *calBook
}

// allAboard is a room of five voters, every one for, each spoken to within
// the last ten days, deciding in twelve days.
func allAboard(rule model.DecisionRule, decisionIn int) *calBook {
	return book(rule, decisionIn).
		voter("Ana", 5, model.StanceChampion, talked(3)).
		voter("Ben", 4, model.StanceSupporter, talked(5)).
		voter("Cleo", 4, model.StanceSupporter, talked(8)).
		voter("Dev", 3, model.StanceSupporter, talked(10)).
		voter("Eli", 2, model.StanceChampion, talked(6)).
		who("Fay", model.RoleInfluencer, 3, model.StanceSupporter, talked(9))
}

// fourOfFive is a majority room where four of five voters are for and Eli,
// a skeptic, is the one left; deciding in twelve days.
func fourOfFive() *calBook {
	return book(model.RuleMajority, 12).
		voter("Ana", 5, model.StanceChampion, talked(3)).
		voter("Ben", 4, model.StanceSupporter, talked(5)).
		voter("Cleo", 4, model.StanceSupporter, talked(8)).
		voter("Dev", 3, model.StanceSupporter, talked(10)).
		voter("Eli", 3, model.StanceSkeptic, talked(4))
}

var calibration = []calScenario{
	// Whom comes first.
	{"empty room", NotReady,
		"whom comes first: with nobody named there is no one to pre-wire and no room to forecast",
		func() *calBook { return book(model.RuleMajority, 30) }},
	{"no decider named", NotReady,
		"the room decides: supportive influencers are not the forum, and nobody is marked as deciding",
		func() *calBook {
			return book(model.RuleMajority, 20).
				who("Ana", model.RoleInfluencer, 5, model.StanceChampion, talked(4)).
				who("Ben", model.RoleInfluencer, 4, model.StanceSupporter, talked(6)).
				who("Cleo", model.RoleAffected, 2, model.StanceSupporter, talked(7))
		}},
	{"names listed, nobody asked", NotReady,
		"absence of evidence is not support: a full plan of talks is not a single conversation held",
		func() *calBook {
			return book(model.RuleMajority, 25).
				voter("Ana", 5, model.StanceUnknown, planned(3)).
				voter("Ben", 4, model.StanceUnknown, planned(5)).
				voter("Cleo", 4, model.StanceUnknown, planned(7)).
				voter("Dev", 3, model.StanceUnknown, planned(9)).
				voter("Eli", 2, model.StanceUnknown, planned(11))
		}},
	{"stances guessed without a conversation", NotReady,
		"absence of evidence is not support: believing three voters are for, without having asked one, is a guess",
		func() *calBook {
			return book(model.RuleMajority, 20).
				voter("Ana", 5, model.StanceSupporter).
				voter("Ben", 4, model.StanceSupporter).
				voter("Cleo", 3, model.StanceSupporter)
		}},

	// Thin evidence.
	{"lone skeptical decider", NotReady,
		"the one decider said 'not this year': the room would fail today, however little else is known",
		func() *calBook {
			return book(model.RuleOneDecider, 21).
				who("Dana", model.RoleDecisionMaker, 5, model.StanceSkeptic, talked(3, "Not this year."))
		}},
	{"lone decider never asked", NotReady,
		"the one decider has not been asked: a planned talk is not a yes",
		func() *calBook {
			return book(model.RuleOneDecider, 14).
				who("Dana", model.RoleDecisionMaker, 5, model.StanceUnknown, planned(4))
		}},
	{"one conversation in a room of five", NotReady,
		"one supporter heard from; four voters nobody has asked: passing needs three yeses and there is one",
		func() *calBook {
			return book(model.RuleMajority, 20).
				voter("Ana", 5, model.StanceSupporter, talked(2)).
				voter("Ben", 4, model.StanceUnknown).
				voter("Cleo", 4, model.StanceUnknown).
				voter("Dev", 3, model.StanceUnknown).
				voter("Eli", 2, model.StanceUnknown)
		}},
	{"votes there, two voters never asked", GettingThere,
		"three of five is a majority on paper, but two voters were never asked what they think or fear",
		func() *calBook {
			return book(model.RuleMajority, 15).
				voter("Ana", 5, model.StanceChampion, talked(3)).
				voter("Ben", 4, model.StanceSupporter, talked(5)).
				voter("Cleo", 4, model.StanceSupporter, talked(6)).
				voter("Dev", 3, model.StanceUnknown, planned(4)).
				voter("Eli", 3, model.StanceUnknown, planned(6))
		}},

	// Each decision rule on its edge.
	{"majority one vote short", NotReady,
		"two of five for with one undecided: passing needs three yeses today and there are two",
		func() *calBook {
			return book(model.RuleMajority, 14).
				voter("Ana", 5, model.StanceSupporter, talked(3)).
				voter("Ben", 4, model.StanceSupporter, talked(5)).
				voter("Cleo", 4, model.StanceNeutral, talked(6)).
				voter("Dev", 3, model.StanceSkeptic, talked(4)).
				voter("Eli", 3, model.StanceSkeptic, talked(7))
		}},
	{"half is not a majority", NotReady,
		"three of six is a tie, and a tie does not pass",
		func() *calBook {
			return book(model.RuleMajority, 14).
				voter("Ana", 5, model.StanceChampion, talked(3)).
				voter("Ben", 4, model.StanceSupporter, talked(5)).
				voter("Cleo", 4, model.StanceSupporter, talked(6)).
				voter("Dev", 3, model.StanceNeutral, talked(4)).
				voter("Eli", 3, model.StanceNeutral, talked(7)).
				voter("Fay", 2, model.StanceNeutral, talked(8))
		}},
	{"bare majority, the rest neutral", ReadyToPitch,
		"three of five for, everyone heard this month, nothing open: the votes are there and the undecided are not against",
		func() *calBook {
			return book(model.RuleMajority, 12).
				voter("Ana", 5, model.StanceChampion, talked(3)).
				voter("Ben", 4, model.StanceSupporter, talked(5)).
				voter("Cleo", 4, model.StanceSupporter, talked(6)).
				voter("Dev", 3, model.StanceNeutral, talked(4), wants(model.StanceNeutral)).
				voter("Eli", 2, model.StanceNeutral, talked(7), wants(model.StanceNeutral))
		}},
	{"unanimity with one opponent", NotReady,
		"under unanimity one opponent fails the vote, however many champions there are",
		func() *calBook {
			return book(model.RuleUnanimity, 14).
				voter("Ana", 5, model.StanceChampion, talked(3)).
				voter("Ben", 4, model.StanceChampion, talked(5)).
				voter("Cleo", 4, model.StanceChampion, talked(6)).
				voter("Dev", 1, model.StanceOpponent, talked(4))
		}},
	{"unanimity with one holdout", NotReady,
		"under unanimity everyone must be for; one undecided voter means it does not pass today",
		func() *calBook {
			return book(model.RuleUnanimity, 14).
				voter("Ana", 5, model.StanceChampion, talked(3)).
				voter("Ben", 4, model.StanceSupporter, talked(5)).
				voter("Cleo", 4, model.StanceSupporter, talked(6)).
				voter("Dev", 2, model.StanceNeutral, talked(4))
		}},
	{"unanimity, all for", ReadyToPitch,
		"every voter for and heard this fortnight: supporters are in the room for the pitch",
		func() *calBook { return allAboard(model.RuleUnanimity, 12) }},
	{"consensus with a quiet opponent", NotReady,
		"consensus breaks on anyone against, even the least influential voice in the room",
		func() *calBook {
			return book(model.RuleConsensus, 14).
				voter("Ana", 5, model.StanceChampion, talked(3)).
				voter("Ben", 4, model.StanceSupporter, talked(5)).
				voter("Cleo", 4, model.StanceSupporter, talked(6)).
				voter("Dev", 3, model.StanceSupporter, talked(4)).
				voter("Eli", 1, model.StanceOpponent, talked(7))
		}},
	{"consensus, nobody against", ReadyToPitch,
		"four for and one who can live with it: consensus holds",
		func() *calBook {
			return book(model.RuleConsensus, 12).
				voter("Ana", 5, model.StanceChampion, talked(3)).
				voter("Ben", 4, model.StanceSupporter, talked(5)).
				voter("Cleo", 4, model.StanceSupporter, talked(6)).
				voter("Dev", 3, model.StanceSupporter, talked(4)).
				voter("Eli", 2, model.StanceNeutral, talked(7), wants(model.StanceNeutral))
		}},
	{"one decider convinced", ReadyToPitch,
		"the one decider said yes last week and the influencers around her agree",
		func() *calBook {
			return book(model.RuleOneDecider, 10).
				who("Dana", model.RoleDecisionMaker, 5, model.StanceSupporter, talked(5)).
				who("Sam", model.RoleInfluencer, 4, model.StanceChampion, talked(8)).
				who("Lee", model.RoleInfluencer, 3, model.StanceSupporter, talked(9))
		}},
	{"one decider still neutral", NotReady,
		"the one decider is unconvinced: supportive influencers do not decide",
		func() *calBook {
			return book(model.RuleOneDecider, 10).
				who("Dana", model.RoleDecisionMaker, 5, model.StanceNeutral, talked(5), planned(4)).
				who("Sam", model.RoleInfluencer, 4, model.StanceChampion, talked(8)).
				who("Lee", model.RoleInfluencer, 3, model.StanceSupporter, talked(9))
		}},

	// Vetoes.
	{"veto holder opposed", NotReady,
		"a veto holder against stops it alone, whatever the vote",
		func() *calBook {
			return allAboard(model.RuleMajority, 12).who("Vic", model.RoleInRoom, 5, model.StanceOpponent, veto(), talked(4))
		}},
	{"veto holder skeptical", NotReady,
		"a skeptic who can veto is a veto waiting to happen",
		func() *calBook {
			return allAboard(model.RuleMajority, 12).who("Vic", model.RoleInRoom, 5, model.StanceSkeptic, veto(), talked(4))
		}},
	{"veto holder never asked", NotReady,
		"nobody has asked the one person who can stop it alone",
		func() *calBook {
			return allAboard(model.RuleMajority, 12).who("Vic", model.RoleInRoom, 5, model.StanceUnknown, veto(), planned(5))
		}},
	{"veto holder neutral after a talk", GettingThere,
		"the votes are there and the veto holder was heard, but is not yet for: one more conversation",
		func() *calBook {
			return allAboard(model.RuleMajority, 12).who("Vic", model.RoleInRoom, 5, model.StanceNeutral, veto(), talked(4), planned(5))
		}},
	{"veto holder for", ReadyToPitch,
		"votes there and the veto holder is a supporter: nothing stops it in the room",
		func() *calBook {
			return allAboard(model.RuleMajority, 12).who("Vic", model.RoleInRoom, 5, model.StanceSupporter, veto(), talked(4))
		}},

	// Evidence ages.
	{"room read four months ago", GettingThere,
		"everyone was for in November; four months on, stances must be read again before the pitch",
		func() *calBook {
			return book(model.RuleMajority, 14).
				voter("Ana", 5, model.StanceChampion, talked(125)).
				voter("Ben", 4, model.StanceSupporter, talked(120)).
				voter("Cleo", 4, model.StanceSupporter, talked(118))
		}},
	{"the same room read this week", ReadyToPitch,
		"the same three voters, all for, heard in the last week",
		func() *calBook {
			return book(model.RuleMajority, 14).
				voter("Ana", 5, model.StanceChampion, talked(2)).
				voter("Ben", 4, model.StanceSupporter, talked(4)).
				voter("Cleo", 4, model.StanceSupporter, talked(6))
		}},

	// Spoilers.
	{"spoiler untouched", GettingThere,
		"the votes are there, but a spoiler nobody has talked to or planned for will mobilise against a deal made without them",
		func() *calBook { return fourOfFive().who("Sid", model.RoleInRoom, 3, model.StanceUnknown, spoiler()) }},
	{"spoiler engaged", ReadyToPitch,
		"the spoiler was heard last week and is neutral: the exposure is managed and the votes are there",
		func() *calBook {
			return fourOfFive().who("Sid", model.RoleInRoom, 3, model.StanceNeutral, spoiler(), talked(5), wants(model.StanceNeutral)).
				objection("Eli", model.SeverityMinor, model.ObjectionResolved, "")
		}},

	// Blockers and objections.
	{"blocker with a voice in the room", GettingThere,
		"a blocker from a voter is open; a champion will answer it in the room, but an open blocker is never ready",
		func() *calBook {
			return fourOfFive().objection("Eli", model.SeverityBlocker, model.ObjectionAddressing, "Ana")
		}},
	{"blocker nobody will answer", NotReady,
		"a voter's blocker with nobody in the room to answer it: it will be raised at the pitch and hang there",
		func() *calBook { return fourOfFive().objection("Eli", model.SeverityBlocker, model.ObjectionOpen, "") }},
	{"blocker resolved", ReadyToPitch,
		"the voter's blocker was resolved and the votes are there",
		func() *calBook {
			return fourOfFive().objection("Eli", model.SeverityBlocker, model.ObjectionResolved, "Ana")
		}},
	{"anticipated blocker with no answer", GettingThere,
		"I expect a blocker and have nobody lined up to answer it: prepare the response and the voice first",
		func() *calBook {
			return allAboard(model.RuleMajority, 12).objection("", model.SeverityBlocker, model.ObjectionOpen, "")
		}},
	{"major objection nobody will answer", GettingThere,
		"a voter's major objection is open with no voice in the room: line up who answers it before the pitch",
		func() *calBook { return fourOfFive().objection("Eli", model.SeverityMajor, model.ObjectionOpen, "") }},
	{"minor objection voiced", ReadyToPitch,
		"a minor open point with a response and a supporter to give it does not hold a pitch back",
		func() *calBook {
			return allAboard(model.RuleMajority, 12).objection("Dev", model.SeverityMinor, model.ObjectionOpen, "Ana")
		}},

	// A room all aboard, and what still spoils it.
	{"room all aboard", ReadyToPitch,
		"every voter for, heard within ten days, objections resolved, blind spots addressed",
		func() *calBook {
			return allAboard(model.RuleMajority, 12).
				objection("Dev", model.SeverityMajor, model.ObjectionResolved, "Ana").
				blindSpot("Ben", false)
		}},
	{"one open blind spot of my own", ReadyToPitch,
		"an assumption I still mean to test does not change a room that is for",
		func() *calBook { return allAboard(model.RuleMajority, 12).blindSpot("", true) }},
	{"deciders raised four blind spots", GettingThere,
		"the people who decide told me four things I had not seen, and none is addressed: fix the proposal first",
		func() *calBook {
			return allAboard(model.RuleMajority, 12).
				blindSpot("Ana", true).blindSpot("Ben", true).blindSpot("Cleo", true).blindSpot("Dev", true)
		}},

	// Time.
	{"decision date passed while prewiring", NotReady,
		"the meeting has come and gone with the proposal still in prewiring: an endless game until a new date is set",
		func() *calBook { return allAboard(model.RuleMajority, -3) }},
	{"no decision date", GettingThere,
		"a room that is for but no date: preparatory talks settle timing, and without a date there is no pitch",
		func() *calBook { return allAboard(model.RuleMajority, noDate) }},
	{"decision in two days, half the room unasked", NotReady,
		"two voters unasked with their talks planned after the meeting: passing needs three yeses and there are two",
		func() *calBook {
			return book(model.RuleMajority, 2).
				voter("Ana", 5, model.StanceSupporter, talked(3)).
				voter("Ben", 4, model.StanceSupporter, talked(5)).
				voter("Cleo", 4, model.StanceUnknown, planned(4)).
				voter("Dev", 3, model.StanceUnknown, planned(5))
		}},
	{"overdue talks before a close decision", GettingThere,
		"the votes are there but two planned talks are ten days overdue with five days left",
		func() *calBook {
			return book(model.RuleMajority, 5).
				voter("Ana", 5, model.StanceChampion, talked(3)).
				voter("Ben", 4, model.StanceSupporter, talked(5)).
				voter("Cleo", 4, model.StanceSupporter, talked(6)).
				voter("Dev", 3, model.StanceNeutral, talked(20), planned(-10)).
				voter("Eli", 2, model.StanceNeutral, talked(22), planned(-10))
		}},
	{"talks in order before the board", ReadyToPitch,
		"the chief of staff first, then the decider, both done and for: the back channel did its work",
		func() *calBook {
			return book(model.RuleOneDecider, 9).
				who("Dana", model.RoleDecisionMaker, 5, model.StanceSupporter, talked(2)).
				who("Sam", model.RoleInfluencer, 4, model.StanceChampion, talked(6), before("Dana"))
		}},
}

// TestCalibration holds every scenario to the verdict a pre-wirer gives it,
// and to the band rule: the score sits inside the verdict's band.
func TestCalibration(t *testing.T) {
	if len(calibration) < 30 {
		t.Fatalf("%d calibration scenarios, the suite promises at least 30", len(calibration))
	}
	seen := map[string]bool{}
	for _, sc := range calibration {
		if seen[sc.name] {
			t.Fatalf("two scenarios are called %q", sc.name)
		}
		seen[sc.name] = true
		t.Run(strings.ReplaceAll(sc.name, " ", "_"), func(t *testing.T) {
			r := Assess(sc.book().dossier(), calToday)
			if r.Verdict != sc.want {
				t.Errorf("verdict %s (%d), want %s: %s\n%s", r.Verdict, r.Score, sc.want, sc.why, explain(r))
			}
			if lo, hi := band(r.Verdict); r.Score < lo || r.Score > hi {
				t.Errorf("score %d outside the %s band %d–%d\n%s", r.Score, r.Verdict, lo, hi, explain(r))
			}
		})
	}
}

// TestCalibrationCoversEveryVerdict keeps the suite honest: a suite whose
// scenarios all expect one verdict would pass a constant.
func TestCalibrationCoversEveryVerdict(t *testing.T) {
	count := map[Verdict]int{}
	for _, sc := range calibration {
		count[sc.want]++
	}
	for _, v := range []Verdict{NotReady, GettingThere, ReadyToPitch} {
		if count[v] < 5 {
			t.Errorf("only %d scenarios expect %s", count[v], v)
		}
	}
}

// band is the score range a verdict promises (principle 1).
func band(v Verdict) (lo, hi int) {
	switch v {
	case ReadyToPitch:
		return ReadyAt, 100
	case GettingThere:
		return GettingThereAt, ReadyAt - 1
	}
	return 0, GettingThereAt - 1
}

// explain prints a readiness the way a failing test needs to read it.
func explain(r Readiness) string {
	var b strings.Builder
	for _, f := range r.Factors {
		b.WriteString("  " + f.Name + ": " + strconv.Itoa(f.Points) + "/" + strconv.Itoa(f.Max) + " — " + f.Reason + "\n")
	}
	for _, c := range r.Caps {
		b.WriteString("  cap: " + c + "\n")
	}
	b.WriteString("  forecast: " + r.Forecast.Outcome + " (" + r.Forecast.Needs + ")\n")
	return b.String()
}
