package demo

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/backchannel/backchannel/model"
)

// Workbook returns a realistic sample workbook dated around today: a data
// platform budget ask nine days from its steering committee, a governance change
// heading for the board, and last quarter's approved hire with its debrief. It is
// built to tell a story on first open: a veto-holding CFO not yet won, a spoiler
// with no plan, an intermediary, objections in every state and blind spots both
// open and addressed.
func Workbook(today model.Date) model.Workbook {
	b := newDemoBuilder(today)

	// Contacts: every partner kind, every discretion level.
	dana := b.contact("Dana Reyes", "Chief Financial Officer", "Finance", "dana.reyes@northwind.example", model.PartnerInfluencer, model.DiscretionHigh,
		"An early read on cloud spend before her Q1 forecast; I can bring the cost model she keeps asking for.", "Decides on numbers, not slides. Prefers a one-page memo two days before any meeting.", 21, 120)
	marcus := b.contact("Marcus Oyelaran", "VP Engineering", "Engineering", "marcus.o@northwind.example", model.PartnerLateral, model.DiscretionHigh,
		"Fewer pager incidents from the legacy ETL his teams inherit.", "Peer on the exec staff; we trade favours on hiring loops.", 14, 110)
	priya := b.contact("Priya Natarajan", "Head of Data Platform", "Engineering", "priya.n@northwind.example", model.PartnerWilling, model.DiscretionHigh,
		"Visibility for her team's migration work at exec level.", "Worked together at the last company. Wants this to succeed.", 14, 100)
	tom := b.contact("Tom Becker", "Director of Analytics", "Analytics", "tom.becker@northwind.example", model.PartnerNone, model.DiscretionLow,
		"Keeping his dashboards working through the cut-over.", "Built the current warehouse. Talks freely at the Thursday drinks.", 30, 100)
	lena := b.contact("Lena Fischer", "Staff Engineer", "Engineering", "lena@northwind.example", model.PartnerLateral, model.DiscretionMedium,
		"Credit for the benchmark she ran; a say in the schema conventions.", "Honest reviewer; good at rehearsing how things will land.", 30, 95)
	hiroshi := b.contact("Hiroshi Tanaka", "General Counsel", "Legal", "h.tanaka@northwind.example", model.PartnerInfluencer, model.DiscretionHigh,
		"A clean data-residency story he can give the auditors.", "Cautious by trade; moves when given specifics in writing.", 30, 90)
	sofia := b.contact("Sofia Alvarez", "Chief of Staff to the CEO", "Office of the CEO", "sofia.alvarez@northwind.example", model.PartnerInfluencer, model.DiscretionHigh,
		"Early warning on anything that will land on the CEO's desk.", "Trusted go-between with Grace and the board.", 21, 90)
	grace := b.contact("Grace Whitfield", "Chief Executive Officer", "Northwind", "grace@northwind.example", model.PartnerNone, model.DiscretionHigh,
		"", "Chairs the steering committee; decides alone when the committee splits.", 45, 80)
	omar := b.contact("Omar Haddad", "Finance Business Partner", "Finance", "omar.haddad@northwind.example", model.PartnerLateral, model.DiscretionMedium,
		"Help with his headcount model in return.", "Knows how Dana reads a business case.", 30, 80)
	ingrid := b.contact("Ingrid Larsen", "Independent Director", "Board", "ingrid.larsen@board.example", model.PartnerInfluencer, model.DiscretionHigh,
		"A governance story she can champion at other boards she sits on.", "Chairs the nominations committee.", 60, 70)
	kwame := b.contact("Kwame Mensah", "Chair, Employee Council", "Employee Council", "kwame@northwind.example", model.PartnerWilling, model.DiscretionMedium,
		"A seat at the table the council has asked for since 2024.", "Curious and energetic; wants me to succeed.", 21, 70)
	rachel := b.contact("Rachel Stein", "Chief People Officer", "People", "rachel.stein@northwind.example", model.PartnerLateral, model.DiscretionMedium,
		"Support for her engagement survey follow-ups.", "Worries about precedent for other employee groups.", 30, 65)
	ben := b.contact("Ben Carter", "Head of Security", "Security", "ben.carter@northwind.example", model.PartnerNone, model.DiscretionUnknown,
		"", "New this quarter; stance unknown.", 30, 40)
	mei := b.contact("Mei Lin", "Procurement Manager", "Finance", "mei.lin@northwind.example", model.PartnerNone, model.DiscretionLow,
		"", "Handles the vendor renewals; shares news widely.", 30, 60)

	// Proposal 1: close to its decision date.
	p1 := b.proposal("Consolidate onto one data warehouse",
		"Approve $1.2M over two years to retire the two legacy warehouses and move every team onto one platform by Q3, cutting run costs by 30% from year two.",
		model.KindBudget, "Q1 steering committee", today.AddDays(9), model.RuleMajority, model.StatusPrewiring, model.MomentBeforeBoard, 5, 62)
	b.moveDate(p1, today.AddDays(2), today.AddDays(9), 20)

	sDana := b.stake(p1, dana, model.RoleDecisionMaker, 5, true, true, model.StanceSkeptic, model.StanceSupporter, false,
		"Predictable spend; a business case that survives audit.", "A migration that overruns like the ERP did.",
		model.Plan{Moment: model.MomentBeforeBoard, TargetDate: today.AddDays(4), Approach: model.ApproachAsk, Message: "Walk her through the three-year cost model and ask what would make it a yes.", Opener: model.OpenerAdvice, Venue: model.VenueInPerson, Place: "her office, 8:30 before the exec sync"})
	sMarcus := b.stake(p1, marcus, model.RoleDecisionMaker, 4, true, false, model.StanceSupporter, model.StanceChampion, false,
		"Fewer incidents; engineers off legacy ETL.", "Losing two engineers to the migration for a quarter.",
		model.Plan{Moment: model.MomentBeforeBoard, TargetDate: today.AddDays(2), Approach: model.ApproachAsk, Message: "Ask him to answer the staffing objection in the room.", Opener: model.OpenerAppreciate, Venue: model.VenueCoffee, Place: "the coffee bar on 3"})
	sGrace := b.stake(p1, grace, model.RoleDecisionMaker, 5, true, false, model.StanceUnknown, model.StanceSupporter, false,
		"A simpler stack story for the board.", "",
		model.Plan{Moment: model.MomentBeforeBoard, TargetDate: today.AddDays(6), Approach: model.ApproachShare, Message: "Share the one-page summary and Dana's numbers once Dana is on board.", Opener: model.OpenerDaydream, Venue: model.VenueAfterMeeting})
	sTom := b.stake(p1, tom, model.RoleInRoom, 3, true, false, model.StanceOpponent, model.StanceNeutral, true,
		"Keep his team's dashboards and tooling.", "Losing ownership of the warehouse he built.",
		model.Plan{})
	sPriya := b.stake(p1, priya, model.RoleInRoom, 3, false, false, model.StanceChampion, model.StanceChampion, false,
		"Her roadmap funded.", "Being blamed if the cut-over slips.",
		model.Plan{Moment: model.MomentBeforeBoard, TargetDate: today.AddDays(3), Approach: model.ApproachShare, Message: "Rehearse the migration timeline slide together.", Opener: model.OpenerAppreciate, Venue: model.VenueVideo})
	sHiroshi := b.stake(p1, hiroshi, model.RoleInfluencer, 4, false, false, model.StanceSkeptic, model.StanceNeutral, false,
		"A data-residency answer for the EU customers.", "Customer data leaving the EU region.",
		model.Plan{Moment: model.MomentBeforeChange, TargetDate: today.AddDays(-2), Approach: model.ApproachAsk, Message: "Ask which residency controls he needs to see in writing.", Opener: model.OpenerAdvice, Venue: model.VenueCall})
	sLena := b.stake(p1, lena, model.RoleInfluencer, 2, false, false, model.StanceSupporter, model.StanceSupporter, false,
		"Sane schema conventions.", "",
		model.Plan{Moment: model.MomentTestBias, TargetDate: today.AddDays(1), Approach: model.ApproachAsk, Message: "Am I underestimating the cut-over risk? Who else will object?", Opener: model.OpenerAdvice, Venue: model.VenueWalk})
	sOmar := b.stake(p1, omar, model.RoleImplementer, 2, false, false, model.StanceNeutral, model.StanceSupporter, false,
		"A cost model he can maintain.", "",
		model.Plan{Moment: model.MomentBeforeBoard, TargetDate: today.AddDays(3), Approach: model.ApproachAsk, Message: "Ask him to pressure-test the savings line before Dana sees it.", Opener: model.OpenerAdvice, Venue: model.VenueChat})
	sMei := b.stake(p1, mei, model.RoleAffected, 1, false, false, model.StanceNeutral, model.StanceNeutral, false,
		"", "Renegotiating two vendor contracts at once.",
		model.Plan{})
	sSofia := b.stake(p1, sofia, model.RoleInfluencer, 3, false, false, model.StanceSupporter, model.StanceSupporter, false,
		"No surprises for the CEO.", "",
		model.Plan{Moment: model.MomentBeforeBoard, TargetDate: today.AddDays(5), Approach: model.ApproachShare, Message: "Give her the memo to pre-read for Grace.", Opener: model.OpenerAppreciate, Venue: model.VenueChat})
	b.order(sOmar, sDana)  // Omar checks the numbers before Dana sees them
	b.order(sDana, sGrace) // win Dana before Grace
	b.via(sGrace, sofia)

	// Several weeks of conversations; Dana's sentiment warming, Tom's cooling.
	b.talk(sLena, -34, model.VenueWalk, model.TouchDaydream, model.OpenerDaydream, 1, "Liked the idea of one platform; asked how we'd handle the long tail of ad-hoc jobs.", "Didn't want to be the one to tell Tom.", "Send her the job inventory.")
	b.talk(sPriya, -33, model.VenueCoffee, model.TouchShare, model.OpenerAppreciate, 2, "All in. Offered her team's benchmark numbers.", "", "")
	b.talk(sTom, -30, model.VenueAfterMeeting, model.TouchAdvice, model.OpenerAdvice, 0, "Said consolidation is fine in principle.", "Asked three times who would own the new platform.", "")
	b.talk(sDana, -28, model.VenueInPerson, model.TouchAsk, model.OpenerAdvice, -1, "Not before the ERP overrun is explained. Wants a three-year cost model.", "She is under pressure from the board on opex.", "Build the three-year model with Omar.")
	b.talk(sHiroshi, -25, model.VenueEmail, model.TouchAsk, model.OpenerUnset, -1, "Raised data residency for EU customers.", "", "Get the vendor's residency documentation.")
	b.talk(sMarcus, -24, model.VenueCoffee, model.TouchAsk, model.OpenerAppreciate, 1, "Supportive if he doesn't lose two engineers for a quarter.", "", "")
	tomDashboards := b.talk(sTom, -21, model.VenueChat, model.TouchAsk, model.OpenerUnset, -1, "Worried his dashboards break during the cut-over.", "Felt like he was being consulted after the fact.", "")
	b.talk(sSofia, -20, model.VenueCoffee, model.TouchShare, model.OpenerAppreciate, 1, "Will flag it to Grace when the numbers are solid.", "", "")
	b.talk(sOmar, -18, model.VenueChat, model.TouchAsk, model.OpenerAdvice, 0, "Thinks the savings line is optimistic by a third.", "", "Revise year-two savings.")
	b.talk(sDana, -14, model.VenueCall, model.TouchShare, model.OpenerAppreciate, 0, "Appreciated the revised model; still wants the migration staffing answered.", "", "")
	b.talk(sTom, -12, model.VenueAfterMeeting, model.TouchAsk, model.OpenerUnset, -2, "Said the analytics team was never asked.", "He has been talking to Mei about the vendor contracts.", "")
	b.talk(sPriya, -10, model.VenueVideo, model.TouchShare, model.OpenerAppreciate, 2, "Benchmark done: 4x faster on the top twenty queries.", "", "")
	b.talk(sMarcus, -7, model.VenueInPerson, model.TouchAsk, model.OpenerAdvice, 1, "Will back it if Priya's team gets the two contractors.", "", "")
	stopLoss := b.talk(sDana, -5, model.VenueInPerson, model.TouchAdvice, model.OpenerAdvice, 1, "Open to it if the overrun risk has a named owner and a stop-loss.", "First time she talked about 'when', not 'if'.", "Add a stop-loss clause to the memo.")
	b.promise(stopLoss, model.CommitmentMine, 1) // before her talk in four days
	b.talk(sMei, -4, model.VenueChat, model.TouchShare, model.OpenerUnset, 0, "Heard about it from Tom already.", "", "")

	b.objection(p1, sDana, 0, "The ERP migration overran by 40%; why would this one not?", model.SeverityBlocker, model.ObjectionAddressing,
		"Phased plan with a stop-loss at month four and Priya named as the accountable owner.", sMarcus, -28, 0)
	b.objection(p1, sTom, tomDashboards, "Analytics dashboards will break during the cut-over.", model.SeverityMajor, model.ObjectionOpen, "", nil, -21, 0)
	b.objection(p1, sHiroshi, 0, "EU customer data must stay in the EU region.", model.SeverityMajor, model.ObjectionResolved,
		"The new platform runs in eu-west with residency controls; vendor documentation attached to the memo.", sLena, -25, -15)
	b.objection(p1, sMarcus, 0, "Two engineers lost to the migration for a quarter.", model.SeverityMajor, model.ObjectionAccepted,
		"Accepted: two contractors backfill for Q2, inside the budget.", sPriya, -24, -7)
	b.objection(p1, nil, 0, "Procurement will not renegotiate two vendor contracts in one quarter.", model.SeverityMinor, model.ObjectionOpen, "", nil, -6, 0)
	b.objection(p1, sOmar, 0, "Year-two savings look optimistic.", model.SeverityMinor, model.ObjectionWithdrawn, "Revised to 30% with Omar's model.", nil, -18, -14)
	b.blindSpot(p1, sLena, "Ad-hoc jobs nobody owns will not migrate themselves.", model.BlindSpotAddressed, "Job inventory built; owners assigned for 212 of 230 jobs.", -34, -20)
	b.blindSpot(p1, sTom, "The analytics team feels it was told, not asked.", model.BlindSpotOpen, "", -12, 0)
	b.blindSpot(p1, nil, "Am I assuming the board cares about run cost more than speed?", model.BlindSpotOpen, "", -9, 0)

	// Proposal 2: a governance change further out, its forum moved twice.
	p2 := b.proposal("Give the employee council a board observer seat",
		"Invite the employee council chair to attend board meetings as a non-voting observer for a one-year trial.",
		model.KindGovernance, "Q1 board meeting", today.AddDays(68), model.RuleConsensus, model.StatusPrewiring, model.MomentBeforeChange, 3, 47)
	b.moveForum(p2, "Nominations committee", "People committee", 40)
	b.moveForum(p2, "People committee", "Q1 board meeting", 16)

	sIngrid := b.stake(p2, ingrid, model.RoleDecisionMaker, 5, true, true, model.StanceNeutral, model.StanceSupporter, false,
		"Modern governance she can point to.", "Confidential board matters leaking.",
		model.Plan{Moment: model.MomentBeforeBoard, TargetDate: today.AddDays(30), Approach: model.ApproachAsk, Message: "Ask what safeguards would let her sponsor the trial.", Opener: model.OpenerAdvice, Venue: model.VenueVideo, ViaID: sofia.ID})
	sGrace2 := b.stake(p2, grace, model.RoleDecisionMaker, 5, true, false, model.StanceSupporter, model.StanceChampion, false,
		"A stronger engagement score.", "",
		model.Plan{Moment: model.MomentBeforeBoard, TargetDate: today.AddDays(40), Approach: model.ApproachShare, Message: "Share Ingrid's safeguards and ask her to open the item.", Opener: model.OpenerAppreciate, Venue: model.VenueInPerson})
	sRachel := b.stake(p2, rachel, model.RoleInRoom, 3, false, false, model.StanceSkeptic, model.StanceNeutral, false,
		"A clear scope.", "Every employee group asking for a seat next.",
		model.Plan{Moment: model.MomentBeforeChange, TargetDate: today.AddDays(10), Approach: model.ApproachAsk, Message: "Ask how she would limit precedent.", Opener: model.OpenerDaydream, Venue: model.VenueCoffee, Place: "lunch at Marlowe's"})
	sKwame := b.stake(p2, kwame, model.RoleAffected, 2, false, false, model.StanceChampion, model.StanceChampion, false,
		"A real voice.", "A token seat.",
		model.Plan{Moment: model.MomentTestBias, TargetDate: today.AddDays(7), Approach: model.ApproachAsk, Message: "Would a non-voting seat be enough, or a token?", Opener: model.OpenerAdvice, Venue: model.VenueCoffee})
	b.stake(p2, ben, model.RoleImplementer, 2, false, false, model.StanceUnknown, model.StanceNeutral, false,
		"", "Board papers on more laptops.", model.Plan{})
	b.order(sKwame, sRachel)
	b.order(sIngrid, sGrace2)
	b.via(sIngrid, sofia)

	b.talk(sKwame, -40, model.VenueCoffee, model.TouchDaydream, model.OpenerDaydream, 2, "Lit up at the idea; offered to draft a code of conduct.", "", "")
	b.talk(sGrace2, -30, model.VenueInPerson, model.TouchAdvice, model.OpenerAdvice, 1, "Likes it; wants the board to own the decision.", "", "")
	b.talk(sRachel, -26, model.VenueCoffee, model.TouchAsk, model.OpenerAdvice, 0, "Asked about precedent for other groups.", "Felt bypassed: Kwame had told her first.", "")
	b.talk(sRachel, -11, model.VenueChat, model.TouchAsk, model.OpenerUnset, -1, "Still worried about precedent; wants a sunset clause.", "", "Draft a sunset clause.")
	b.objection(p2, sRachel, 0, "Sets a precedent for every employee group.", model.SeverityMajor, model.ObjectionOpen, "A one-year trial with a sunset clause and a review by the people committee.", nil, -26, 0)
	b.objection(p2, nil, 0, "Board papers include confidential M&A material.", model.SeverityBlocker, model.ObjectionOpen, "", nil, -20, 0)
	b.objection(p2, nil, 0, "Observer could be seen as speaking for all staff.", model.SeverityMinor, model.ObjectionResolved, "Code of conduct drafted with Kwame.", sGrace2, -38, -30)
	b.blindSpot(p2, sRachel, "Other employee groups will ask for the same.", model.BlindSpotOpen, "", -26, 0)
	b.blindSpot(p2, sKwame, "The council needs its own confidentiality training.", model.BlindSpotAddressed, "Added to the trial's terms.", -40, -35)

	// Proposal 3: last quarter's approved hire, with the debrief recorded.
	p3 := b.proposal("Hire a VP of Security",
		"Open a VP of Security role reporting to the CEO, budgeted at one senior headcount.",
		model.KindHireOrg, "October exec offsite", today.AddDays(-45), model.RuleOneDecider, model.StatusApproved, model.MomentAfterMeeting, 6, 110)
	sGrace3 := b.stake(p3, grace, model.RoleDecisionMaker, 5, true, false, model.StanceSupporter, model.StanceSupporter, false, "", "", model.Plan{Done: true})
	sDana3 := b.stake(p3, dana, model.RoleInRoom, 4, false, false, model.StanceSupporter, model.StanceSupporter, false, "", "", model.Plan{Done: true})
	sTom3 := b.stake(p3, tom, model.RoleInRoom, 2, false, false, model.StanceSupporter, model.StanceNeutral, false, "", "", model.Plan{Done: true})
	b.talk(sGrace3, -70, model.VenueInPerson, model.TouchAdvice, model.OpenerAdvice, 1, "Agreed security needs a seat at the exec table.", "", "")
	b.talk(sDana3, -66, model.VenueCoffee, model.TouchAsk, model.OpenerAdvice, 1, "Fine with one headcount if it replaces the MSSP contract.", "", "")
	b.talk(sTom3, -60, model.VenueChat, model.TouchAsk, model.OpenerUnset, 1, "Said he'd support it.", "", "")
	b.acted(sGrace3, model.ActedSpokeFor)
	b.acted(sDana3, model.ActedSpokeFor)
	b.acted(sTom3, model.ActedSilent)
	return b.finish()
}

// demoBuilder assembles a workbook with consistent ids, timestamps and the
// history rows a real store would have written.
type demoBuilder struct {
	today model.Date
	wb    model.Workbook
	ids   map[string]int64
}

func newDemoBuilder(today model.Date) *demoBuilder {
	return &demoBuilder{today: today, wb: model.Workbook{Format: model.WorkbookFormat, Version: model.WorkbookVersion}, ids: map[string]int64{}}
}

// finish orders the history by time, as a store would have appended it, and
// numbers it in that order. Rows at the same moment keep the order they were
// recorded in, which their provisional ids hold; an unstable sort on both
// keys does that without a stable sort's many moves of large rows.
func (b *demoBuilder) finish() model.Workbook {
	slices.SortFunc(b.wb.History, func(x, y model.HistoryEvent) int { return cmp.Or(x.At.Compare(y.At), cmp.Compare(x.ID, y.ID)) })
	for i := range b.wb.History {
		b.wb.History[i].ID = int64(i + 1)
	}
	return b.wb
}

func (b *demoBuilder) next(kind string) int64 {
	b.ids[kind]++
	return b.ids[kind]
}

// at is a timestamp daysAgo days before today, at a working hour that varies
// with the id so logs do not all share one minute.
func (b *demoBuilder) at(daysAgo int, id int64) time.Time {
	return b.today.AddDays(-daysAgo).Time().Add(9*time.Hour + time.Duration(id%7)*37*time.Minute)
}

func (b *demoBuilder) history(entity string, id, proposalID int64, action, field, old, new string, at time.Time) {
	b.wb.History = append(b.wb.History, model.HistoryEvent{ID: b.next("history"), At: at, Entity: entity, EntityID: id, ProposalID: proposalID, Action: action, Field: field, Old: old, New: new})
}

func (b *demoBuilder) contact(name, title, org, email string, kind model.PartnerKind, disc model.Discretion, value, notes string, cadence, daysAgo int) model.Contact {
	id := b.next("contact")
	at := b.at(daysAgo, id)
	c := model.Contact{ID: id, Name: name, Title: title, Org: org, Email: email, Kind: kind, Discretion: disc, ValueIBring: value, Notes: notes, CadenceDays: cadence, CreatedAt: at, UpdatedAt: at}
	b.wb.Contacts = append(b.wb.Contacts, c)
	b.history(model.EntityContact, id, 0, model.ActionCreate, "", "", name, at)
	return c
}

func (b *demoBuilder) proposal(title, ask string, kind model.ProposalKind, forum string, decision model.Date, rule model.DecisionRule, status model.Status, moment model.Moment, step, daysAgo int) *model.Proposal {
	id := b.next("proposal")
	at := b.at(daysAgo, id)
	b.wb.Proposals = append(b.wb.Proposals, model.Proposal{ID: id, Title: title, Ask: ask, Kind: kind, Forum: forum, DecisionDate: decision, DecisionRule: rule, Status: status, Moment: moment, WalkStep: step, CreatedAt: at, UpdatedAt: at})
	b.history(model.EntityProposal, id, id, model.ActionCreate, "", "", title, at)
	return &b.wb.Proposals[len(b.wb.Proposals)-1]
}

// moveDate records that the decision date was moved daysAgo days ago.
func (b *demoBuilder) moveDate(p *model.Proposal, from, to model.Date, daysAgo int) {
	b.history(model.EntityProposal, p.ID, p.ID, model.ActionUpdate, "decision_date", from.String(), to.String(), b.at(daysAgo, p.ID))
}

// moveForum records that the forum was changed daysAgo days ago.
func (b *demoBuilder) moveForum(p *model.Proposal, from, to string, daysAgo int) {
	b.history(model.EntityProposal, p.ID, p.ID, model.ActionUpdate, "forum", from, to, b.at(daysAgo, p.ID))
}

func (b *demoBuilder) stake(p *model.Proposal, c model.Contact, role model.Role, influence int, votes, veto bool, stance, target model.Stance, spoiler bool, wants, fears string, plan model.Plan) *model.Stakeholder {
	id := b.next("stakeholder")
	at := p.CreatedAt.Add(time.Duration(id) * time.Hour)
	b.wb.Stakeholders = append(b.wb.Stakeholders, model.Stakeholder{ID: id, ProposalID: p.ID, ContactID: c.ID, Role: role, Influence: influence, Votes: votes, Veto: veto,
		Stance: stance, TargetStance: target, Spoiler: spoiler, Wants: wants, Fears: fears, Plan: plan, CreatedAt: at, UpdatedAt: at})
	b.history(model.EntityStakeholder, id, p.ID, model.ActionCreate, "", "", c.Name, at)
	return &b.wb.Stakeholders[len(b.wb.Stakeholders)-1]
}

// Stakeholder pointers are only used before the slice grows again within one
// proposal's block; lookups by id keep later edits safe. The builder numbers
// stakeholders in the order it adds them, so an id is its row: a scan here
// made a large workbook's every conversation walk all earlier proposals.
func (b *demoBuilder) stakeByID(id int64) *model.Stakeholder {
	if i := id - 1; i >= 0 && i < int64(len(b.wb.Stakeholders)) && b.wb.Stakeholders[i].ID == id {
		return &b.wb.Stakeholders[i]
	}
	panic(fmt.Sprintf("demo: no stakeholder %d", id))
}

func (b *demoBuilder) order(first, then *model.Stakeholder) {
	b.stakeByID(first.ID).Plan.BeforeID = then.ID
}

func (b *demoBuilder) via(s *model.Stakeholder, c model.Contact) {
	b.stakeByID(s.ID).Plan.ViaID = c.ID
}

func (b *demoBuilder) acted(s *model.Stakeholder, a model.Acted) {
	st := b.stakeByID(s.ID)
	st.Acted = a
	b.history(model.EntityStakeholder, st.ID, st.ProposalID, model.ActionUpdate, "acted", model.ActedUnknown.String(), a.String(), b.at(44, st.ID))
}

// talk logs a conversation daysAgo days before today (a negative offset) and
// returns its id.
func (b *demoBuilder) talk(s *model.Stakeholder, offset int, ch model.Venue, kind model.TouchKind, op model.Opener, sentiment int, said, subtext, follow string) int64 {
	st := b.stakeByID(s.ID)
	id := b.next("touchpoint")
	at := b.at(-offset, id)
	b.wb.Touchpoints = append(b.wb.Touchpoints, model.Touchpoint{ID: id, StakeholderID: st.ID, ProposalID: st.ProposalID, ContactID: st.ContactID, Date: b.today.AddDays(offset),
		Channel: ch, Kind: kind, Opener: op, Sentiment: sentiment, Said: said, Subtext: subtext, FollowUp: follow, CreatedAt: at})
	b.history(model.EntityTouchpoint, id, st.ProposalID, model.ActionCreate, "", "", fmt.Sprintf("%s on %s", kind, b.today.AddDays(offset)), at)
	return id
}

// promise makes a logged conversation's follow-up a commitment, due
// dueOffset days from today.
func (b *demoBuilder) promise(talk int64, c model.Commitment, dueOffset int) {
	for i := range b.wb.Touchpoints {
		if t := &b.wb.Touchpoints[i]; t.ID == talk {
			t.Commitment, t.CommitmentDue = c, b.today.AddDays(dueOffset)
		}
	}
}

func (b *demoBuilder) objection(p *model.Proposal, by *model.Stakeholder, touch int64, text string, sev model.Severity, status model.ObjectionStatus, response string, voice *model.Stakeholder, raisedOffset, resolvedOffset int) {
	id := b.next("objection")
	o := model.Objection{ID: id, ProposalID: p.ID, TouchpointID: touch, Text: text, Severity: sev, Status: status, Response: response, RaisedOn: b.today.AddDays(raisedOffset)}
	if by != nil {
		o.RaisedByID = by.ID
	}
	if voice != nil {
		o.VoiceID = voice.ID
	}
	o.CreatedAt = b.at(-raisedOffset, id)
	o.UpdatedAt = o.CreatedAt
	b.history(model.EntityObjection, id, p.ID, model.ActionCreate, "", "", text, o.CreatedAt)
	if status != model.ObjectionOpen {
		when := raisedOffset + 2
		if resolvedOffset != 0 {
			when = resolvedOffset
			o.ResolvedOn = b.today.AddDays(resolvedOffset)
		}
		o.UpdatedAt = b.at(-when, id)
		b.history(model.EntityObjection, id, p.ID, model.ActionUpdate, "status", model.ObjectionOpen.String(), status.String(), o.UpdatedAt)
	}
	b.wb.Objections = append(b.wb.Objections, o)
}

func (b *demoBuilder) blindSpot(p *model.Proposal, by *model.Stakeholder, text string, status model.BlindSpotStatus, how string, raisedOffset, addressedOffset int) {
	id := b.next("blindspot")
	s := model.BlindSpot{ID: id, ProposalID: p.ID, Text: text, Status: status, HowAddressed: how, RaisedOn: b.today.AddDays(raisedOffset)}
	if by != nil {
		s.SurfacedByID = by.ID
	}
	s.CreatedAt = b.at(-raisedOffset, id)
	s.UpdatedAt = s.CreatedAt
	b.history(model.EntityBlindSpot, id, p.ID, model.ActionCreate, "", "", text, s.CreatedAt)
	if status == model.BlindSpotAddressed {
		s.AddressedOn = b.today.AddDays(addressedOffset)
		s.UpdatedAt = b.at(-addressedOffset, id)
		b.history(model.EntityBlindSpot, id, p.ID, model.ActionUpdate, "status", model.BlindSpotOpen.String(), status.String(), s.UpdatedAt)
	}
	b.wb.BlindSpots = append(b.wb.BlindSpots, s)
}
