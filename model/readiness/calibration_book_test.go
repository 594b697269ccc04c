package readiness

import (
	"fmt"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// A small vocabulary for writing calibration workbooks as a pre-wirer would
// describe them: "five voters, three supporters we spoke to last week, a veto
// holder nobody has asked". Each scenario in calibration_test.go is built
// from these words, never from what Assess happens to print.

// calToday is the day every calibration scenario is judged on.
var calToday = model.NewDate(2026, 3, 2)

// noDate as the days-to-decision leaves the decision date unset.
const noDate = 1 << 20

// calBook builds one proposal's dossier by name.
type calBook struct {
	d    model.Dossier
	ids  map[string]int64
	next int64
	// after runs once every person exists (objections and orderings name people).
	after []func()
}

// book starts a proposal in prewiring under rule, deciding in decisionIn days.
func book(rule model.DecisionRule, decisionIn int) *calBook {
	b := &calBook{ids: map[string]int64{}, next: 100}
	b.d.Proposal = model.Proposal{ID: 1, Title: "Calibration proposal", Ask: "Change how we work.", Kind: model.KindOperational,
		Forum: "Steering committee", DecisionRule: rule, Status: model.StatusPrewiring,
		CreatedAt: calToday.AddDays(-60).Time(), UpdatedAt: calToday.AddDays(-1).Time()}
	if decisionIn != noDate {
		b.d.Proposal.DecisionDate = calToday.AddDays(decisionIn)
	}
	b.d.Contacts = map[int64]model.Contact{}
	b.d.History = []model.HistoryEvent{{ID: 1, At: calToday.AddDays(-60).Time(), Entity: model.EntityProposal, EntityID: 1, ProposalID: 1, Action: model.ActionCreate}}
	return b
}

func (b *calBook) id() int64 { b.next++; return b.next }

// calOpt shapes one person as they are added.
type calOpt func(b *calBook, s *model.Stakeholder)

// votes marks a voting member of the forum.
func votes() calOpt { return func(_ *calBook, s *model.Stakeholder) { s.Votes = true } }

// veto marks someone who can stop the decision alone.
func veto() calOpt { return func(_ *calBook, s *model.Stakeholder) { s.Veto = true } }

// spoiler marks someone with an interest in killing the proposal.
func spoiler() calOpt { return func(_ *calBook, s *model.Stakeholder) { s.Spoiler = true } }

// wants sets the stance needed by the pitch.
func wants(st model.Stance) calOpt {
	return func(_ *calBook, s *model.Stakeholder) { s.TargetStance = st }
}

// talked logs one conversation daysAgo, its sentiment matching the stance,
// and marks any planned talk as held.
func talked(daysAgo int, said ...string) calOpt {
	return func(b *calBook, s *model.Stakeholder) {
		sentiment := max(-2, min(2, s.Stance.Score()))
		t := model.Touchpoint{ID: b.id(), StakeholderID: s.ID, ProposalID: 1, ContactID: s.ContactID, Date: calToday.AddDays(-daysAgo),
			Channel: model.VenueCoffee, Kind: model.TouchAdvice, Sentiment: sentiment, Said: strings.Join(said, " "),
			CreatedAt: calToday.AddDays(-daysAgo).Time()}
		b.d.Touchpoints = append(b.d.Touchpoints, t)
		s.Plan.Done = true
	}
}

// planned gives the person a complete next talk in inDays days.
func planned(inDays int) calOpt {
	return func(_ *calBook, s *model.Stakeholder) {
		s.Plan = model.Plan{Moment: model.MomentBeforeBoard, TargetDate: calToday.AddDays(inDays), Approach: model.ApproachAsk,
			Message: "What would make this a yes for you?", Opener: model.OpenerAdvice, Venue: model.VenueCoffee}
	}
}

// before orders the person's planned talk before another person's.
func before(other string) calOpt {
	return func(b *calBook, s *model.Stakeholder) {
		id := s.ID
		b.after = append(b.after, func() {
			for k := range b.d.Stakeholders {
				if b.d.Stakeholders[k].ID == id {
					b.d.Stakeholders[k].Plan.BeforeID = b.must(other)
				}
			}
		})
	}
}

// who adds a person to the proposal.
func (b *calBook) who(name string, role model.Role, influence int, stance model.Stance, opts ...calOpt) *calBook {
	c := model.Contact{ID: b.id(), Name: name, Title: "Director", Discretion: model.DiscretionHigh, Kind: model.PartnerLateral}
	b.d.Contacts[c.ID] = c
	s := model.Stakeholder{ID: b.id(), ProposalID: 1, ContactID: c.ID, Role: role, Influence: influence, Stance: stance}
	b.ids[name] = s.ID
	for _, o := range opts {
		o(b, &s)
	}
	b.d.Stakeholders = append(b.d.Stakeholders, s)
	return b
}

// voter adds a voting decision-maker.
func (b *calBook) voter(name string, influence int, stance model.Stance, opts ...calOpt) *calBook {
	return b.who(name, model.RoleDecisionMaker, influence, stance, append([]calOpt{votes()}, opts...)...)
}

func (b *calBook) must(name string) int64 {
	id, ok := b.ids[name]
	if !ok {
		panic(fmt.Sprintf("calibration: no person %q", name))
	}
	return id
}

// objection records an objection raised by a person ("" = anticipated) with
// the supporter who will answer it in the room ("" = nobody yet).
func (b *calBook) objection(by string, sev model.Severity, st model.ObjectionStatus, voice string) *calBook {
	b.after = append(b.after, func() {
		o := model.Objection{ID: b.id(), ProposalID: 1, Text: "It costs more than it saves.", Severity: sev, Status: st,
			RaisedOn: calToday.AddDays(-7)}
		if by != "" {
			o.RaisedByID = b.must(by)
		}
		if voice != "" {
			o.VoiceID = b.must(voice)
			o.Response = "The pilot numbers answer it."
		}
		if !st.Live() {
			o.ResolvedOn = calToday.AddDays(-2)
		}
		b.d.Objections = append(b.d.Objections, o)
	})
	return b
}

// blindSpot records something the proposer had not seen, surfaced by a
// person ("" = me), open or addressed.
func (b *calBook) blindSpot(by string, open bool) *calBook {
	b.after = append(b.after, func() {
		s := model.BlindSpot{ID: b.id(), ProposalID: 1, Text: "Holidays differ between offices.", Status: model.BlindSpotOpen, RaisedOn: calToday.AddDays(-9)}
		if by != "" {
			s.SurfacedByID = b.must(by)
		}
		if !open {
			s.Status, s.HowAddressed, s.AddressedOn = model.BlindSpotAddressed, "Checked the calendars.", calToday.AddDays(-3)
		}
		b.d.BlindSpots = append(b.d.BlindSpots, s)
	})
	return b
}

// dossier finishes the book.
func (b *calBook) dossier() model.Dossier {
	for _, f := range b.after {
		f()
	}
	b.after = nil
	return b.d
}
