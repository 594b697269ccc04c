package readiness

import (
	"slices"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// agendaBook builds hand-made workbooks for agenda tests: contacts named as
// given, one stakeholder per person and proposal.
type agendaBook struct {
	today model.Date
	wb    model.Workbook
	next  int64
	names map[string]int64 // contact name → id
}

func newAgendaBook(today model.Date) *agendaBook {
	return &agendaBook{today: today, names: map[string]int64{}}
}

func (b *agendaBook) id() int64 { b.next++; return b.next }

func (b *agendaBook) proposal(title string, decisionIn int, st model.Status) int64 {
	id := b.id()
	b.wb.Proposals = append(b.wb.Proposals, model.Proposal{ID: id, Title: title, Forum: "the " + title + " board",
		DecisionDate: b.today.AddDays(decisionIn), DecisionRule: model.RuleMajority, Status: st})
	return id
}

func (b *agendaBook) person(p int64, name string, role model.Role, influence int, plan model.Plan) int64 {
	cid, ok := b.names[name]
	if !ok {
		cid = b.id()
		b.names[name] = cid
		b.wb.Contacts = append(b.wb.Contacts, model.Contact{ID: cid, Name: name})
	}
	id := b.id()
	b.wb.Stakeholders = append(b.wb.Stakeholders, model.Stakeholder{ID: id, ProposalID: p, ContactID: cid, Role: role,
		Influence: influence, Stance: model.StanceNeutral, TargetStance: model.StanceSupporter, Plan: plan})
	return id
}

func (b *agendaBook) stake(id int64) model.Stakeholder {
	for _, s := range b.wb.Stakeholders {
		if s.ID == id {
			return s
		}
	}
	panic("no stakeholder")
}

func (b *agendaBook) talk(stake int64, offset int, follow string, c model.Commitment, dueIn int, done bool) int64 {
	s := b.stake(stake)
	t := model.Touchpoint{ID: b.id(), StakeholderID: s.ID, ProposalID: s.ProposalID, ContactID: s.ContactID,
		Date: b.today.AddDays(offset), Kind: model.TouchAsk, FollowUp: follow, Commitment: c, CommitmentDone: done}
	if c != model.CommitmentNone {
		t.CommitmentDue = b.today.AddDays(dueIn)
	}
	b.wb.Touchpoints = append(b.wb.Touchpoints, t)
	return t.ID
}

func (b *agendaBook) agenda(today model.Date, days int) Agenda {
	var ds []model.Dossier
	for _, p := range b.wb.Proposals {
		ds = append(ds, model.DossierFromWorkbook(b.wb, p.ID))
	}
	return BuildAgenda(ds, today, days)
}

func (b *agendaBook) plan(in int) model.Plan {
	return model.Plan{TargetDate: b.today.AddDays(in), Approach: model.ApproachAsk, Message: "the message", Venue: model.VenueCoffee}
}

// agendaLines reads an agenda as "kind: who / what" lines.
func agendaLines(ag Agenda) []string {
	var out []string
	for _, it := range ag.Items {
		who := it.Who
		if who == "" {
			who = it.ProposalTitle
		}
		out = append(out, it.Kind.String()+": "+who+" / "+it.What)
	}
	return out
}

// The agenda lists, in order: late talks, critical-path talks, talks
// planned this week, promises due (mine first), key people gone cold,
// objections nobody will answer in a room that meets this week, and the
// decisions coming; everything else stays off it.
func TestAgendaOrderAndContent(t *testing.T) {
	today := model.NewDate(2026, 11, 10)
	b := newAgendaBook(today)
	a := b.proposal("Alpha", 5, model.StatusPrewiring)
	ann := b.person(a, "Ann", model.RoleDecisionMaker, 5, b.plan(-3))
	dee := b.person(a, "Dee", model.RoleDecisionMaker, 4, model.Plan{Approach: model.ApproachShare, Message: "the numbers", Venue: model.VenueCall})
	calPlan := b.plan(2)
	calPlan.BeforeID = dee
	b.person(a, "Cal", model.RoleInRoom, 3, calPlan)
	b.person(a, "Eve", model.RoleInfluencer, 2, b.plan(20))
	b.talk(ann, -10, "Send Ann the cost model.", model.CommitmentMine, -1, false)
	b.talk(dee, -8, "Dee sends the budget lines.", model.CommitmentTheirs, 1, false)
	b.talk(ann, -9, "Far-off promise.", model.CommitmentMine, 30, false)
	b.talk(ann, -9, "Kept promise.", model.CommitmentMine, -2, true)
	b.talk(ann, -9, "Just a note to self.", model.CommitmentNone, 0, false)
	b.wb.Objections = append(b.wb.Objections,
		model.Objection{ID: b.id(), ProposalID: a, RaisedByID: dee, Text: "Too costly.", Severity: model.SeverityBlocker, Status: model.ObjectionOpen},
		model.Objection{ID: b.id(), ProposalID: a, RaisedByID: dee, Text: "Voiced already.", Severity: model.SeverityMajor, Status: model.ObjectionOpen, VoiceID: ann},
		model.Objection{ID: b.id(), ProposalID: a, Text: "Settled.", Severity: model.SeverityMajor, Status: model.ObjectionResolved},
		model.Objection{ID: b.id(), ProposalID: a, Text: "Anticipated worry.", Severity: model.SeverityMinor, Status: model.ObjectionOpen})

	bp := b.proposal("Beta", 30, model.StatusPrewiring)
	fay := b.person(bp, "Fay", model.RoleDecisionMaker, 5, model.Plan{})
	gus := b.person(bp, "Gus", model.RoleAffected, 1, model.Plan{})
	b.talk(fay, -40, "", model.CommitmentNone, 0, false)
	b.talk(gus, -40, "", model.CommitmentNone, 0, false)
	b.wb.Objections = append(b.wb.Objections, model.Objection{ID: b.id(), ProposalID: bp, Text: "Far-off room.", Severity: model.SeverityBlocker, Status: model.ObjectionOpen})

	c := b.proposal("Gamma", -20, model.StatusApproved)
	hal := b.person(c, "Hal", model.RoleDecisionMaker, 5, b.plan(1))
	b.talk(hal, -21, "Send Hal the minutes.", model.CommitmentMine, 2, false)

	got := agendaLines(b.agenda(today, 7))
	want := []string{
		"overdue talk: Ann / Ask: the message",
		"critical talk: Cal / Ask: the message",
		"critical talk: Dee / Share: the numbers",
		"planned talk: Eve / Ask: the message",
		"commitment: Ann / Send Ann the cost model.",
		"commitment: Hal / Send Hal the minutes.",
		"commitment: Dee / Dee sends the budget lines.",
		"reconnect: Fay / Reconnect: a give, not an ask",
		"needs a voice: Dee / Too costly.",
		"needs a voice: Alpha / Anticipated worry.",
		"decision: Alpha / the Alpha board decides",
	}
	if !slices.Equal(got, want) {
		t.Errorf("agenda:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Every line says who, for which proposal, and why now.
func TestAgendaLinesSayWhyNow(t *testing.T) {
	today := model.NewDate(2026, 11, 10)
	b := newAgendaBook(today)
	a := b.proposal("Alpha", 5, model.StatusPrewiring)
	ann := b.person(a, "Ann", model.RoleDecisionMaker, 5, model.Plan{TargetDate: today.AddDays(-3), Approach: model.ApproachAsk,
		Message: "Ask what would make it a yes.", Venue: model.VenueCoffee, Place: "Marlowe's"})
	b.talk(ann, -10, "Send the model.", model.CommitmentMine, -1, false)
	ag := b.agenda(today, 7)
	if len(ag.Items) < 2 {
		t.Fatalf("agenda = %v", agendaLines(ag))
	}
	talk := ag.Items[0]
	if talk.ProposalTitle != "Alpha" || talk.Who != "Ann" || talk.Where != "coffee/lunch, Marlowe's" ||
		!strings.Contains(talk.Why, "3 days ago") || talk.Due != today.AddDays(-3) {
		t.Errorf("overdue talk = %+v", talk)
	}
	promise := ag.Items[1]
	if promise.Kind != AgendaCommitment || !strings.Contains(promise.Why, "I owe them") || !strings.Contains(promise.Why, "overdue") ||
		promise.TouchpointID == 0 {
		t.Errorf("commitment = %+v", promise)
	}
}

// The clock is injected: the same workbook read on a later day moves a
// planned talk to overdue, and holding the talk takes it off.
func TestAgendaFollowsTheDayAndTheLog(t *testing.T) {
	today := model.NewDate(2026, 11, 10)
	b := newAgendaBook(today)
	a := b.proposal("Alpha", 20, model.StatusPrewiring)
	ann := b.person(a, "Ann", model.RoleDecisionMaker, 5, b.plan(2))
	if got := agendaLines(b.agenda(today, 7)); len(got) != 1 || !strings.HasPrefix(got[0], "planned talk: Ann") {
		t.Fatalf("today: %v", got)
	}
	if got := agendaLines(b.agenda(today.AddDays(4), 7)); len(got) != 1 || !strings.HasPrefix(got[0], "overdue talk: Ann") {
		t.Fatalf("four days later: %v", got)
	}
	if got := agendaLines(b.agenda(today, 1)); len(got) != 0 {
		t.Fatalf("looking one day ahead: %v", got)
	}
	for i := range b.wb.Stakeholders {
		if b.wb.Stakeholders[i].ID == ann {
			b.wb.Stakeholders[i].Plan.Done = true
		}
	}
	if got := agendaLines(b.agenda(today.AddDays(4), 7)); len(got) != 0 {
		t.Fatalf("after the talk was held: %v", got)
	}
}

// Someone already on the agenda for a talk is not listed again to
// reconnect, and a person on two proposals is listed once.
func TestAgendaReconnectsOncePerPerson(t *testing.T) {
	today := model.NewDate(2026, 11, 10)
	b := newAgendaBook(today)
	a := b.proposal("Alpha", 40, model.StatusPrewiring)
	bp := b.proposal("Beta", 20, model.StatusPrewiring)
	ann := b.person(a, "Ann", model.RoleDecisionMaker, 5, b.plan(1))
	b.talk(ann, -50, "", model.CommitmentNone, 0, false)
	fa := b.person(a, "Fay", model.RoleDecisionMaker, 5, model.Plan{})
	fb := b.person(bp, "Fay", model.RoleInRoom, 4, model.Plan{})
	b.talk(fa, -50, "", model.CommitmentNone, 0, false)
	b.talk(fb, -45, "", model.CommitmentNone, 0, false)
	ag := b.agenda(today, 7)
	var re []AgendaItem
	for _, it := range ag.Items {
		if it.Kind == AgendaReconnect {
			re = append(re, it)
		}
	}
	if len(re) != 1 || re[0].Who != "Fay" || re[0].ProposalTitle != "Beta" {
		t.Errorf("reconnects = %+v, want Fay once, for Beta (decided sooner)", re)
	}
}

// An empty workbook has an empty agenda.
func TestAgendaEmpty(t *testing.T) {
	if ag := BuildAgenda(nil, model.NewDate(2026, 11, 10), 0); len(ag.Items) != 0 || ag.Days != DefaultAgendaDays {
		t.Errorf("empty agenda = %+v", ag)
	}
}

// On the demo the overdue talk with Hiroshi Tanaka comes first.
func TestAgendaDemoStartsWithHiroshi(t *testing.T) {
	today := model.NewDate(2026, 12, 1)
	wb := demo.Workbook(today)
	var ds []model.Dossier
	for _, p := range wb.Proposals {
		ds = append(ds, model.DossierFromWorkbook(wb, p.ID))
	}
	ag := BuildAgenda(ds, today, 0)
	if len(ag.Items) == 0 || ag.Items[0].Who != "Hiroshi Tanaka" || ag.Items[0].Kind != AgendaOverdueTalk {
		t.Fatalf("first line = %+v", ag.Items)
	}
	var promise bool
	for _, it := range ag.Items {
		promise = promise || (it.Kind == AgendaCommitment && it.Who == "Dana Reyes")
	}
	if !promise {
		t.Error("the demo's promise to Dana is not on the agenda")
	}
}

// A kept promise I made counts as a give in the nurture ledger; one they
// owe me, or one not yet kept, does not.
func TestKeptCommitmentIsAGive(t *testing.T) {
	c := model.Contact{ID: 1, Name: "Ann"}
	today := model.NewDate(2026, 11, 10)
	base := model.Touchpoint{ContactID: 1, Date: today.AddDays(-3), Kind: model.TouchAsk, FollowUp: "Send the deck."}
	for _, tc := range []struct {
		name  string
		c     model.Commitment
		done  bool
		gives int
	}{{"kept, mine", model.CommitmentMine, true, 1}, {"open, mine", model.CommitmentMine, false, 0}, {"kept, theirs", model.CommitmentTheirs, true, 0}, {"none", model.CommitmentNone, false, 0}} {
		tp := base
		tp.Commitment, tp.CommitmentDone = tc.c, tc.done
		if h := model.ContactHealth(c, []model.Touchpoint{tp}, today); h.Gives != tc.gives || h.Asks != 1 {
			t.Errorf("%s: gives %d asks %d, want %d and 1", tc.name, h.Gives, h.Asks, tc.gives)
		}
	}
}

// A commitment needs what is owed; a due date or done needs a direction.
func TestCommitmentValidation(t *testing.T) {
	d := model.NewDate(2026, 11, 10)
	ok := model.Touchpoint{Date: d, FollowUp: "Send it.", Commitment: model.CommitmentTheirs, CommitmentDue: d}
	if err := ok.Validate(); err != nil {
		t.Errorf("valid commitment refused: %v", err)
	}
	for name, tp := range map[string]model.Touchpoint{
		"no words":     {Date: d, FollowUp: "  ", Commitment: model.CommitmentMine},
		"due, no who":  {Date: d, FollowUp: "Send it.", CommitmentDue: d},
		"done, no who": {Date: d, FollowUp: "Send it.", CommitmentDone: true},
		"bad value":    {Date: d, FollowUp: "Send it.", Commitment: 7},
	} {
		if err := tp.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	for in, want := range map[string]model.Commitment{"mine": model.CommitmentMine, "i owe them": model.CommitmentMine, "they": model.CommitmentTheirs, "they-owe-me": model.CommitmentTheirs, "none": model.CommitmentNone} {
		if got, err := model.ParseCommitment(in); err != nil || got != want {
			t.Errorf("ParseCommitment(%q) = %v, %v", in, got, err)
		}
	}
}
