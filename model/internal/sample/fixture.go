package sample

import (
	"slices"
	"time"

	"github.com/backchannel/backchannel/model"
)

// FixtureToday is the day the fixture dossier is judged on.
var FixtureToday = model.NewDate(2026, 11, 21)

// FixtureDossier is a small, realistic proposal written by hand, so that
// example tests can state exactly what readiness should say about it. It is
// independent of the demo workbook, which may change.
func FixtureDossier() model.Dossier {
	day := func(offset int) model.Date { return FixtureToday.AddDays(offset) }
	at := func(offset int) time.Time { return day(offset).Time().Add(10 * time.Hour) }
	contacts := []model.Contact{
		{ID: 1, Name: "Dana Reyes", Title: "CFO", Email: "dana.reyes@example.com", Kind: model.PartnerInfluencer, Discretion: model.DiscretionHigh,
			ValueIBring: "An early read on cloud spend", Notes: "Decides on numbers. Ask Sam before approaching Dana."},
		{ID: 2, Name: "Marcus Oyelaran", Title: "VP Engineering", Kind: model.PartnerLateral, Discretion: model.DiscretionHigh, CadenceDays: 14},
		{ID: 3, Name: "Priya Natarajan", Title: "Head of SRE", Kind: model.PartnerWilling, Discretion: model.DiscretionMedium},
		{ID: 4, Name: "Tom Becker", Title: "Director of Support", Discretion: model.DiscretionLow, Notes: "Talks freely at Thursday drinks."},
		{ID: 5, Name: "Hiroshi Tanaka", Title: "General Counsel", Kind: model.PartnerInfluencer, Discretion: model.DiscretionHigh},
		{ID: 6, Name: "Sam Ortiz", Title: "Chief of Staff", Kind: model.PartnerWilling, Discretion: model.DiscretionHigh},
	}
	d := model.Dossier{
		Proposal: model.Proposal{ID: 1, Title: "Follow-the-sun on-call", Kind: model.KindOperational,
			Ask:   "Replace the single-region pager rota with a follow-the-sun rota across Dublin, Austin and Singapore from Q1.",
			Forum: "Engineering leadership review", DecisionDate: day(17), DecisionRule: model.RuleMajority, Status: model.StatusPrewiring,
			CreatedAt: at(-40), UpdatedAt: at(-2)},
		Contacts: map[int64]model.Contact{},
	}
	for _, c := range contacts {
		d.Contacts[c.ID] = c
	}
	d.Stakeholders = []model.Stakeholder{
		{ID: 11, ProposalID: 1, ContactID: 1, Role: model.RoleDecisionMaker, Influence: 5, Votes: true, Veto: true,
			Stance: model.StanceSkeptic, TargetStance: model.StanceSupporter, Wants: "Predictable spend", Fears: "Paying three regions for one incident",
			Plan: model.Plan{Moment: model.MomentBeforeBoard, TargetDate: day(8), Approach: model.ApproachAsk, Message: "What would make the cost case a yes?",
				Opener: model.OpenerAdvice, Venue: model.VenueInPerson, Place: "her office", ViaID: 6}},
		{ID: 12, ProposalID: 1, ContactID: 2, Role: model.RoleDecisionMaker, Influence: 4, Votes: true,
			Stance: model.StanceSupporter, TargetStance: model.StanceChampion, Wants: "Fewer 3am pages for his teams",
			Plan: model.Plan{Moment: model.MomentBeforeBoard, TargetDate: day(10), BeforeID: 0, Approach: model.ApproachShare,
				Message: "Share Dana's conditions and ask him to speak to the staffing objection.", Opener: model.OpenerAppreciate, Venue: model.VenueCoffee}},
		{ID: 13, ProposalID: 1, ContactID: 3, Role: model.RoleInRoom, Influence: 3, Votes: true,
			Stance: model.StanceChampion, TargetStance: model.StanceChampion, Plan: model.Plan{Done: true}},
		{ID: 14, ProposalID: 1, ContactID: 4, Role: model.RoleInRoom, Influence: 3, Votes: true, Spoiler: true,
			Stance: model.StanceOpponent, TargetStance: model.StanceNeutral, Fears: "Losing his night-shift budget"},
		{ID: 15, ProposalID: 1, ContactID: 5, Role: model.RoleInfluencer, Influence: 4, Stance: model.StanceUnknown, TargetStance: model.StanceNeutral,
			Plan: model.Plan{Moment: model.MomentBeforeChange, TargetDate: day(-2), BeforeID: 11, Approach: model.ApproachAsk,
				Message: "Do on-call hours in Singapore need a works-council sign-off?", Opener: model.OpenerAdvice, Venue: model.VenueCall}},
	}
	touch := func(id, stake, contact int64, offset int, ch model.Venue, kind model.TouchKind, sentiment int, said, subtext string) model.Touchpoint {
		return model.Touchpoint{ID: id, StakeholderID: stake, ProposalID: 1, ContactID: contact, Date: day(offset), Channel: ch, Kind: kind,
			Sentiment: sentiment, Said: said, Subtext: subtext, CreatedAt: at(offset)}
	}
	d.Touchpoints = []model.Touchpoint{
		touch(101, 13, 3, -30, model.VenueVideo, model.TouchDaydream, 2, "Loved it; offered the Singapore SRE leads.", ""),
		touch(102, 11, 1, -20, model.VenueCoffee, model.TouchAdvice, 0, "Wants the cost per incident before she says anything.", "Marcus had already mentioned it to her."),
		touch(103, 12, 2, -15, model.VenueInPerson, model.TouchAsk, 1, "Will back it if the Austin team is not on nights.", ""),
		touch(104, 14, 4, -12, model.VenueChat, model.TouchAsk, 0, "Asked who else knows.", "Sounded like he already knew."),
		touch(105, 14, 4, -4, model.VenueAfterMeeting, model.TouchAsk, -2, "Said support would lose its night shift.", ""),
		touch(106, 11, 1, -3, model.VenueCall, model.TouchShare, -1, "The three-region overhead worries her more than the pages.", ""),
	}
	d.ContactTouchpoints = append(slices.Clone(d.Touchpoints),
		model.Touchpoint{ID: 201, ProposalID: 2, ContactID: 2, StakeholderID: 21, Date: day(-60), Kind: model.TouchAsk, Said: "Asked for a hiring loop slot."},
	)
	d.Objections = []model.Objection{
		{ID: 31, ProposalID: 1, RaisedByID: 11, TouchpointID: 106, Text: "Three regions triple the fixed cost of on-call.",
			Severity: model.SeverityBlocker, Status: model.ObjectionAddressing, Response: "Cost model: overlap hours only, net saving from year two.", VoiceID: 12, RaisedOn: day(-3)},
		{ID: 32, ProposalID: 1, RaisedByID: 14, TouchpointID: 105, Text: "Support loses its night shift and the pay that comes with it.",
			Severity: model.SeverityMajor, Status: model.ObjectionOpen, RaisedOn: day(-4)},
		{ID: 33, ProposalID: 1, Text: "Handovers between regions will drop incidents.", Severity: model.SeverityMinor, Status: model.ObjectionOpen,
			Response: "A written handover checklist, rehearsed in a game day.", VoiceID: 13, RaisedOn: day(-25)},
		{ID: 34, ProposalID: 1, RaisedByID: 12, Text: "Austin cannot staff nights.", Severity: model.SeverityMajor, Status: model.ObjectionResolved,
			Response: "Austin covers daytime only.", RaisedOn: day(-15), ResolvedOn: day(-10)},
	}
	d.BlindSpots = []model.BlindSpot{
		{ID: 41, ProposalID: 1, SurfacedByID: 13, Text: "Singapore public holidays do not line up with ours.", Status: model.BlindSpotOpen, RaisedOn: day(-30)},
		{ID: 42, ProposalID: 1, Text: "Am I assuming pages are the real pain, not sleep debt?", Status: model.BlindSpotAddressed,
			HowAddressed: "Checked the survey: sleep is the top complaint.", RaisedOn: day(-35), AddressedOn: day(-28)},
	}
	d.History = []model.HistoryEvent{
		{ID: 51, At: at(-40), Entity: model.EntityProposal, EntityID: 1, ProposalID: 1, Action: model.ActionCreate},
		{ID: 52, At: at(-30), Entity: model.EntityProposal, EntityID: 1, ProposalID: 1, Action: model.ActionUpdate, Field: "decision_date", Old: "", New: day(10).String()},
		{ID: 53, At: at(-9), Entity: model.EntityProposal, EntityID: 1, ProposalID: 1, Action: model.ActionUpdate, Field: "decision_date", Old: day(10).String(), New: day(17).String()},
	}
	return d
}
