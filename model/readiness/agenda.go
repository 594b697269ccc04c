package readiness

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// The agenda answers "what do I do today and this week?" across every
// proposal in preparation, in the order that matters: talks already late,
// talks that cannot slip, promises due, key people going cold, objections
// nobody will answer in a room that meets soon, and the decisions coming.
// Like readiness it is a pure function of the workbook and the day.

// DefaultAgendaDays is how far ahead the agenda looks unless asked.
const DefaultAgendaDays = 7

// AgendaKind is the sort of thing an agenda line asks for; kinds come in
// the agenda's order.
type AgendaKind int

// Agenda kinds, most pressing first.
const (
	AgendaOverdueTalk AgendaKind = iota
	AgendaCriticalTalk
	AgendaPlannedTalk
	AgendaCommitment
	AgendaReconnect
	AgendaVoice
	AgendaDecision
	agendaKinds
)

var agendaKindWords = [agendaKinds]string{"overdue talk", "critical talk", "planned talk", "commitment", "reconnect", "needs a voice", "decision"}

// String names the kind.
func (k AgendaKind) String() string {
	if k >= 0 && k < agendaKinds {
		return agendaKindWords[k]
	}
	return "item"
}

// MarshalText writes the kind as its words.
func (k AgendaKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads the kind from its words.
func (k *AgendaKind) UnmarshalText(b []byte) error {
	for i, w := range agendaKindWords {
		if w == string(b) {
			*k = AgendaKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown agenda kind %q", b)
}

// IsTalk reports whether the line is a planned conversation, which is held
// by logging it.
func (k AgendaKind) IsTalk() bool {
	return k == AgendaOverdueTalk || k == AgendaCriticalTalk || k == AgendaPlannedTalk
}

// AgendaItem is one line of the agenda: who, what, where, for which
// proposal, and why now. IDs say what it is about, so a screen can open it.
type AgendaItem struct {
	Kind          AgendaKind `json:"kind"`
	ProposalID    int64      `json:"proposal_id,omitempty"`
	ProposalTitle string     `json:"proposal,omitempty"`
	StakeholderID int64      `json:"stakeholder_id,omitempty"`
	ContactID     int64      `json:"contact_id,omitempty"`
	// Who is the person's name as stored ("" for a decision or an
	// anticipated objection), like ProposalTitle and What: every JSON output
	// gives a field its stored value, and screens clean it where they show
	// it (issue 11).
	Who string `json:"who,omitempty"`
	// Role is the person's part in the proposal, for role labels.
	Role model.Role `json:"role,omitzero"`
	// What is the message, the promise or the objection, in the user's words.
	What string `json:"what"`
	// Where is the venue and place, and any go-between.
	Where string `json:"where,omitempty"`
	// Due is the day it is for (the planned day, the due day, the decision).
	Due model.Date `json:"due,omitzero"`
	// Why says why it is on today's agenda.
	Why string `json:"why"`
	// TouchpointID is the conversation that made a commitment.
	TouchpointID int64 `json:"touchpoint_id,omitempty"`
	// Commitment is who owes whom, for a commitment.
	Commitment model.Commitment `json:"commitment,omitzero"`
	// ObjectionID is the objection that needs a voice.
	ObjectionID int64 `json:"objection_id,omitempty"`
	// weight orders lines of one kind before their dates do: the more
	// severe objection first.
	weight int
}

// Agenda is the list for one day.
type Agenda struct {
	Today model.Date   `json:"today"`
	Days  int          `json:"days"`
	Items []AgendaItem `json:"items"`
}

// BuildAgenda makes the agenda for today, looking days ahead (0 or less:
// DefaultAgendaDays), from the dossiers of the workbook's proposals. Talks,
// objections and decisions come from proposals still open; commitments
// from every proposal given, since a promise outlives the decision. Each
// dossier's ContactTouchpoints feed the reconnect cadence.
func BuildAgenda(dossiers []model.Dossier, today model.Date, days int) Agenda {
	b := NewAgendaBuilder(today, days)
	for _, d := range dossiers {
		b.Add(d)
	}
	return b.Agenda()
}

// AgendaBuilder is BuildAgenda one dossier at a time, so a store reading
// every proposal need not hold all their dossiers at once (issue 13: the
// agenda of 200,000 conversations held them all). Items keep nothing of a
// dossier but copied values.
type AgendaBuilder struct {
	ag         Agenda
	horizon    model.Date
	reconnects []reconnectCandidate
}

// NewAgendaBuilder starts the agenda for today looking days ahead (the
// default when days ≤ 0).
func NewAgendaBuilder(today model.Date, days int) *AgendaBuilder {
	if days <= 0 {
		days = DefaultAgendaDays
	}
	return &AgendaBuilder{ag: Agenda{Today: today, Days: days}, horizon: today.AddDays(days)}
}

// Add takes what one proposal puts on the agenda.
func (b *AgendaBuilder) Add(d model.Dossier) {
	today, horizon := b.ag.Today, b.horizon
	x := newDossierIndex(d, today)
	b.ag.Items = append(b.ag.Items, commitmentItems(x, today, horizon)...)
	if !d.Proposal.Status.Open() {
		return
	}
	b.ag.Items = append(b.ag.Items, talkItems(x, x.schedule(), today, horizon)...)
	b.ag.Items = append(b.ag.Items, voiceItems(x, today, horizon)...)
	if it, ok := decisionItem(d.Proposal, today, horizon); ok {
		b.ag.Items = append(b.ag.Items, it)
	}
	b.reconnects = append(b.reconnects, reconnectCandidates(x, today)...)
}

// Agenda is the agenda of every proposal added, in order.
func (b *AgendaBuilder) Agenda() Agenda {
	ag := b.ag
	ag.Items = append(slices.Clone(ag.Items), reconnectItems(b.reconnects, ag.Items, ag.Today)...)
	slices.SortStableFunc(ag.Items, compareAgendaItems)
	return ag
}

// compareAgendaItems orders the agenda: by kind, then what is most late or
// soonest, mine before theirs, and then by ids so the order is stable.
func compareAgendaItems(a, b AgendaItem) int {
	return cmp.Or(
		cmp.Compare(a.Kind, b.Kind),
		cmp.Compare(commitmentOrder(a.Commitment), commitmentOrder(b.Commitment)),
		cmp.Compare(b.weight, a.weight),
		model.CompareDates(a.Due, b.Due),
		cmp.Compare(a.ProposalID, b.ProposalID),
		cmp.Compare(a.StakeholderID, b.StakeholderID),
		cmp.Compare(a.TouchpointID, b.TouchpointID),
		cmp.Compare(a.ObjectionID, b.ObjectionID),
	)
}

// commitmentOrder puts what I owe before what I am owed.
func commitmentOrder(c model.Commitment) int {
	if c == model.CommitmentTheirs {
		return 1
	}
	return 0
}

// talkItems lists the proposal's planned talks that are late, on the
// critical path within the horizon, or planned within it.
func talkItems(x *dossierIndex, sched Schedule, today, horizon model.Date) []AgendaItem {
	var out []AgendaItem
	for _, it := range sched.Items {
		i, ok := x.pos[it.StakeholderID]
		if !ok {
			continue
		}
		s := x.people[i]
		item := x.personItem(i)
		item.What = planWhat(s.Plan)
		item.Where = x.planWhere(s.Plan)
		item.Due = it.TargetDate
		switch {
		case it.Overdue:
			item.Kind = AgendaOverdueTalk
			item.Why = overdueWhy(it, today)
			if item.Due.IsZero() || (!it.LatestSafe.IsZero() && it.LatestSafe.Before(item.Due)) {
				item.Due = it.LatestSafe
			}
		case it.Critical && within(it.LatestSafe, today, horizon):
			item.Kind = AgendaCriticalTalk
			item.Why = fmt.Sprintf("on the critical path: it must happen by %s (%s)%s", it.LatestSafe.HumanAround(today),
				it.LatestSafe.Relative(today, false), x.beforeWhom(s))
			if !it.TargetDate.IsZero() {
				item.Why = fmt.Sprintf("planned for %s; %s", it.TargetDate.HumanAround(today), item.Why)
			}
			if item.Due.IsZero() {
				item.Due = it.LatestSafe
			}
		case within(it.TargetDate, today, horizon):
			item.Kind = AgendaPlannedTalk
			item.Why = fmt.Sprintf("planned for %s (%s)", it.TargetDate.HumanAround(today), it.TargetDate.Relative(today, false))
			if !it.LatestSafe.IsZero() {
				item.Why += fmt.Sprintf("; the latest safe day is %s", it.LatestSafe.HumanAround(today))
			}
		case within(it.LatestSafe, today, horizon):
			item.Kind = AgendaPlannedTalk
			item.Due = it.LatestSafe
			when := "not yet dated"
			if !it.TargetDate.IsZero() {
				when = fmt.Sprintf("planned for %s, too late", it.TargetDate.HumanAround(today))
			}
			item.Why = fmt.Sprintf("%s: it must happen by %s (%s)%s", when, it.LatestSafe.HumanAround(today),
				it.LatestSafe.Relative(today, false), x.beforeWhom(s))
		default:
			continue
		}
		out = append(out, item)
	}
	return out
}

// overdueWhy says how late a talk is.
func overdueWhy(it ScheduleItem, today model.Date) string {
	var parts []string
	if !it.TargetDate.IsZero() && it.TargetDate.Before(today) {
		parts = append(parts, fmt.Sprintf("planned for %s, %s", it.TargetDate.HumanAround(today), it.TargetDate.Relative(today, false)))
	}
	if !it.LatestSafe.IsZero() && it.LatestSafe.Before(today) {
		parts = append(parts, fmt.Sprintf("the latest safe day was %s", it.LatestSafe.HumanAround(today)))
	} else if !it.LatestSafe.IsZero() {
		parts = append(parts, fmt.Sprintf("still possible until %s", it.LatestSafe.HumanAround(today)))
	}
	return "overdue: " + strings.Join(parts, "; ")
}

// beforeWhom says whose talk this one must precede, if any.
func (x *dossierIndex) beforeWhom(s model.Stakeholder) string {
	if s.Plan.BeforeID == 0 {
		return ", before the decision"
	}
	return ", before the talk with " + x.nameByID(s.Plan.BeforeID)
}

// within reports whether d is set and falls between today and horizon.
func within(d, today, horizon model.Date) bool {
	return !d.IsZero() && !d.Before(today) && !d.After(horizon)
}

// personItem starts a line about the i-th person of the proposal.
func (x *dossierIndex) personItem(i int) AgendaItem {
	s := x.people[i]
	return AgendaItem{ProposalID: x.p.ID, ProposalTitle: x.p.Title, StakeholderID: s.ID, ContactID: s.ContactID,
		Who: x.storedName(s.ContactID), Role: s.Role}
}

// storedName is a contact's name as stored; one that shows nothing is named
// by its ID, as everywhere.
func (x *dossierIndex) storedName(contactID int64) string {
	if c, ok := x.d.Contacts[contactID]; ok && !model.Blank(c.Name) {
		return c.Name
	}
	return x.contactName(contactID)
}

// planWhat is the planned talk's message, with whether it is an ask or a share.
func planWhat(p model.Plan) string {
	msg := strings.TrimSpace(p.Message)
	switch {
	case p.Approach == model.ApproachUnset && msg == "":
		return "a talk with no message planned yet"
	case p.Approach == model.ApproachUnset:
		return msg
	case msg == "":
		return model.UpperFirst(p.Approach.String()) + ": no message planned yet"
	}
	return model.UpperFirst(p.Approach.String()) + ": " + msg
}

// planWhere is the venue, place and go-between of a planned talk.
func (x *dossierIndex) planWhere(p model.Plan) string {
	var parts []string
	if p.Venue != model.VenueUnset {
		parts = append(parts, p.Venue.String())
	}
	if place := strings.TrimSpace(p.Place); place != "" {
		parts = append(parts, place)
	}
	if p.ViaID != 0 {
		parts = append(parts, "via "+x.contactName(p.ViaID))
	}
	return strings.Join(parts, ", ")
}
