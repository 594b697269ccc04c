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
			item.Why = fmt.Sprintf("on the critical path: it must happen by %s (%s)%s", it.LatestSafe.Human(),
				it.LatestSafe.Relative(today, false), x.beforeWhom(s))
			if !it.TargetDate.IsZero() {
				item.Why = fmt.Sprintf("planned for %s; %s", it.TargetDate.Human(), item.Why)
			}
			if item.Due.IsZero() {
				item.Due = it.LatestSafe
			}
		case within(it.TargetDate, today, horizon):
			item.Kind = AgendaPlannedTalk
			item.Why = fmt.Sprintf("planned for %s (%s)", it.TargetDate.Human(), it.TargetDate.Relative(today, false))
			if !it.LatestSafe.IsZero() {
				item.Why += fmt.Sprintf("; the latest safe day is %s", it.LatestSafe.Human())
			}
		case within(it.LatestSafe, today, horizon):
			item.Kind = AgendaPlannedTalk
			item.Due = it.LatestSafe
			when := "not yet dated"
			if !it.TargetDate.IsZero() {
				when = fmt.Sprintf("planned for %s, too late", it.TargetDate.Human())
			}
			item.Why = fmt.Sprintf("%s: it must happen by %s (%s)%s", when, it.LatestSafe.Human(),
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
		parts = append(parts, fmt.Sprintf("planned for %s, %s", it.TargetDate.Human(), it.TargetDate.Relative(today, false)))
	}
	if !it.LatestSafe.IsZero() && it.LatestSafe.Before(today) {
		parts = append(parts, fmt.Sprintf("the latest safe day was %s", it.LatestSafe.Human()))
	} else if !it.LatestSafe.IsZero() {
		parts = append(parts, fmt.Sprintf("still possible until %s", it.LatestSafe.Human()))
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

// commitmentItems lists the proposal's promises not yet kept that are due
// within the horizon or already late.
func commitmentItems(x *dossierIndex, today, horizon model.Date) []AgendaItem {
	var out []AgendaItem
	for _, t := range x.d.Touchpoints {
		if !t.OpenCommitment() || t.CommitmentDue.IsZero() || t.CommitmentDue.After(horizon) {
			continue
		}
		item := AgendaItem{Kind: AgendaCommitment, ProposalID: x.p.ID, ProposalTitle: x.p.Title, StakeholderID: t.StakeholderID,
			ContactID: t.ContactID, Who: x.storedName(t.ContactID), What: t.FollowUp, Due: t.CommitmentDue,
			TouchpointID: t.ID, Commitment: t.Commitment}
		if i, ok := x.pos[t.StakeholderID]; ok {
			item.Role = x.people[i].Role
		}
		owe := "I owe them this"
		if t.Commitment == model.CommitmentTheirs {
			owe = "they owe me this"
		}
		when := "due " + t.CommitmentDue.Relative(today, false)
		if t.CommitmentDue.Before(today) {
			when = fmt.Sprintf("overdue: it was due %s", t.CommitmentDue.Relative(today, false))
		}
		item.Why = fmt.Sprintf("%s since the talk on %s; %s", owe, t.Date.Human(), when)
		out = append(out, item)
	}
	return out
}

// voiceItems lists live objections with nobody to answer them in the room,
// when the decision is within the horizon.
func voiceItems(x *dossierIndex, today, horizon model.Date) []AgendaItem {
	dd := x.p.DecisionDate
	if !within(dd, today, horizon) {
		return nil
	}
	var out []AgendaItem
	for _, o := range x.d.Objections {
		if !o.Status.Live() || o.VoiceID != 0 {
			continue
		}
		item := AgendaItem{Kind: AgendaVoice, ProposalID: x.p.ID, ProposalTitle: x.p.Title, What: o.Text,
			Due: dd, ObjectionID: o.ID, weight: int(o.Severity)}
		if i, ok := x.pos[o.RaisedByID]; ok {
			p := x.personItem(i)
			item.StakeholderID, item.ContactID, item.Who, item.Role = p.StakeholderID, p.ContactID, p.Who, p.Role
		}
		item.Why = fmt.Sprintf("a %s objection with nobody to answer it in the room, and %s decides %s",
			o.Severity, forumName(x.p), dd.Relative(today, false))
		out = append(out, item)
	}
	return out
}

// forumName is the forum, or "the forum" when none is named.
func forumName(p model.Proposal) string {
	if f := model.Clean(p.Forum); f != "" {
		return f
	}
	return "the forum"
}

// decisionItem is the proposal's decision, when it falls within the
// horizon or has passed with the proposal still open.
func decisionItem(p model.Proposal, today, horizon model.Date) (AgendaItem, bool) {
	dd := p.DecisionDate
	if dd.IsZero() || dd.After(horizon) {
		return AgendaItem{}, false
	}
	item := AgendaItem{Kind: AgendaDecision, ProposalID: p.ID, ProposalTitle: p.Title, Due: dd,
		What: fmt.Sprintf("%s decides", forumName(p))}
	if dd.Before(today) {
		item.Why = fmt.Sprintf("the decision date passed %s and the proposal is still %s: record the outcome or set a new date",
			dd.Relative(today, false), p.Status)
	} else {
		item.Why = fmt.Sprintf("the decision is %s, on %s", dd.Relative(today, false), dd.Human())
	}
	return item, true
}

// reconnectCandidate is a key person whose reconnect cadence has run out.
type reconnectCandidate struct {
	item   AgendaItem
	health model.Health
	// decision orders one person's proposals: the nearest decision wins.
	decision model.Date
}

// reconnectCandidates lists the proposal's key people (who decide, hold a
// veto or weigh 4 or 5) who are due a reconnect.
func reconnectCandidates(x *dossierIndex, today model.Date) []reconnectCandidate {
	var out []reconnectCandidate
	var health map[int64]model.Health // one pass over the ledger, when someone needs it
	for i, s := range x.people {
		if !decides(s) && s.Influence < 4 {
			continue
		}
		c, ok := x.d.Contacts[s.ContactID]
		if !ok || c.Archived {
			continue
		}
		if health == nil {
			health = model.LedgerHealth(x.d, today)
		}
		h := health[c.ID]
		if !h.Due {
			continue
		}
		item := x.personItem(i)
		item.Kind = AgendaReconnect
		item.What = "Reconnect: a give, not an ask"
		if h.AskOnly {
			item.What = "Reconnect with a give: so far I have only asked"
		}
		item.Due = h.LastSpoken.AddDays(h.CadenceDays)
		item.Why = fmt.Sprintf("last spoken %s, past the %d-day cadence; %s on this proposal",
			h.LastSpoken.Relative(today, false), h.CadenceDays, s.Role)
		out = append(out, reconnectCandidate{item: item, health: h, decision: x.p.DecisionDate})
	}
	return out
}

// reconnectItems keeps one line per person (for the proposal decided
// soonest), and none for someone already on the agenda for a talk, which
// reconnects anyway.
func reconnectItems(cands []reconnectCandidate, items []AgendaItem, today model.Date) []AgendaItem {
	talking := map[int64]bool{}
	for _, it := range items {
		if it.Kind.IsTalk() {
			talking[it.ContactID] = true
		}
	}
	best := map[int64]int{}
	for k, c := range cands {
		id := c.item.ContactID
		if talking[id] {
			continue
		}
		if j, ok := best[id]; !ok || earlierDecision(c.decision, cands[j].decision) {
			best[id] = k
		}
	}
	var out []AgendaItem
	for k, c := range cands {
		if j, ok := best[c.item.ContactID]; ok && j == k {
			out = append(out, c.item)
		}
	}
	return out
}

// earlierDecision reports whether a comes before b, an unset date last.
func earlierDecision(a, b model.Date) bool {
	switch {
	case a.IsZero():
		return false
	case b.IsZero():
		return true
	}
	return a.Before(b)
}

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
