package readiness

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/redact"
)

// Calendars sync to servers other people run, so a calendar of planned
// talks names nobody by default: people are their role labels (the same
// labels as a redacted brief), proposals their short names, and free text
// goes through the redactor and then the independent leak guard, which
// refuses the whole calendar if a name survives.

// CalendarEvent is one all-day event: a planned talk on its target day, or
// a commitment on its due day.
type CalendarEvent struct {
	// UID stays the same for the same talk or promise from one export to
	// the next, so re-importing updates an event instead of adding another.
	UID         string
	Day         model.Date
	Summary     string
	Description string
	Location    string
	// Stamp is when the thing the event shows last changed.
	Stamp time.Time
}

// CalendarOptions choose what the calendar shows.
type CalendarOptions struct {
	// Names puts people's names and whole proposal titles in; without it
	// they are role labels and short names.
	Names bool
	// ProposalID limits the calendar to one proposal (0: every open one).
	ProposalID int64
}

// BuildCalendar lists the events for the dossiers' dated planned talks
// (proposals still open) and the commitments still owed that have a due
// day, in date order. workbook is every contact, so that redaction finds
// people mentioned who are not on the proposal. Without Names it fails
// closed: a *LeakError when a name would still be in the calendar.
func BuildCalendar(dossiers []model.Dossier, workbook []model.Contact, opts CalendarOptions) ([]CalendarEvent, error) {
	b := NewCalendarBuilder(workbook, opts)
	for _, d := range dossiers {
		if err := b.Add(d); err != nil {
			return nil, err
		}
	}
	return b.Events(), nil
}

// CalendarBuilder is BuildCalendar one dossier at a time, so a store
// reading every proposal need not hold all their dossiers at once (issue
// 13: the calendar of 200,000 conversations held them all, 177 MB). The
// events keep nothing of a dossier but copied values.
type CalendarBuilder struct {
	workbook []model.Contact
	opts     CalendarOptions
	out      []CalendarEvent
}

// NewCalendarBuilder starts a calendar; workbook is every contact.
func NewCalendarBuilder(workbook []model.Contact, opts CalendarOptions) *CalendarBuilder {
	return &CalendarBuilder{workbook: workbook, opts: opts}
}

// Add takes one proposal's events. Without Names, the leak guard of the
// redactor that wrote them reads this proposal's events, and a name that
// would still show is a *LeakError.
//
// Only this proposal's: each proposal's redactor has its own labels
// ("Implementer AF" here is "Affected C" there), and a guard reads only its
// own labels as labels. Reading another proposal's events, it took the "AF"
// of a label it did not know for the initials of someone named A… F…, and
// refused the calendar of every generated workbook with two proposals.
// Every proposal's guard knows every contact in the workbook, so no name is
// left unread.
func (b *CalendarBuilder) Add(d model.Dossier) error {
	if b.opts.ProposalID != 0 && d.Proposal.ID != b.opts.ProposalID {
		return nil
	}
	return b.add(d, newCalendarWriter(d, b.workbook, b.opts.Names))
}

// add takes one proposal's events as cw words them (the tests give it a
// writer whose redactor finds nobody, to see the guard refuse).
func (b *CalendarBuilder) add(d model.Dossier, cw *calendarWriter) error {
	start := len(b.out)
	if d.Proposal.Status.Open() {
		for _, s := range cw.x.people {
			if !s.Plan.Done && !s.Plan.TargetDate.IsZero() {
				b.out = append(b.out, cw.talk(s))
			}
		}
	}
	for _, t := range cw.x.d.Touchpoints {
		if t.OpenCommitment() && !t.CommitmentDue.IsZero() {
			b.out = append(b.out, cw.commitment(t))
		}
	}
	if !b.opts.Names {
		return cw.check(d.Proposal.ID, b.out[start:])
	}
	return nil
}

// Events are the events of every proposal added, in date order.
func (b *CalendarBuilder) Events() []CalendarEvent {
	out := slices.Clone(b.out)
	slices.SortStableFunc(out, func(a, b CalendarEvent) int {
		return cmp.Or(model.CompareDates(a.Day, b.Day), strings.Compare(a.UID, b.UID))
	})
	return out
}

// calendarWriter words one proposal's events.
type calendarWriter struct {
	x     *dossierIndex
	rd    *redact.Redactor
	names bool
	short string
}

func newCalendarWriter(d model.Dossier, workbook []model.Contact, names bool) *calendarWriter {
	cw := &calendarWriter{x: newDossierIndex(d, model.Date{}), names: names}
	cw.short = model.Clean(d.Proposal.Title)
	if !names {
		// Only a calendar without names reads through the redactor, and
		// building one reads every contact in the workbook.
		cw.rd = redact.NewWorkbookRedactor(d, workbook)
		cw.short = cw.rd.Text(ShortTitle(d.Proposal.Title))
	}
	return cw
}

// who is a person as the calendar names them.
func (cw *calendarWriter) who(contactID int64) string {
	if cw.names {
		return cw.x.contactName(contactID)
	}
	return cw.rd.Label(contactID)
}

// text is free text as the calendar shows it: one line, and redacted
// unless names were asked for.
func (cw *calendarWriter) text(s string) string {
	if cw.names {
		return model.Clean(s)
	}
	return model.Clean(cw.rd.Text(s))
}

func (cw *calendarWriter) talk(s model.Stakeholder) CalendarEvent {
	p := cw.x.p
	ev := CalendarEvent{UID: calendarUID("talk", s.ID, p.CreatedAt), Day: s.Plan.TargetDate, Stamp: latestStamp(s.UpdatedAt, p.UpdatedAt),
		Summary:  fmt.Sprintf("%s: %s — %s", venueShort(s.Plan.Venue), cw.who(s.ContactID), cw.short),
		Location: cw.text(s.Plan.Place)}
	lines := []string{cw.text(planWhat(s.Plan))}
	if s.Plan.Opener != model.OpenerUnset {
		lines = append(lines, "Opener: "+s.Plan.Opener.String())
	}
	if s.Plan.ViaID != 0 {
		lines = append(lines, "Via: "+cw.who(s.Plan.ViaID))
	}
	if s.Plan.BeforeID != 0 {
		if i, ok := cw.x.pos[s.Plan.BeforeID]; ok {
			lines = append(lines, "Before the talk with "+cw.who(cw.x.people[i].ContactID))
		}
	}
	if !p.DecisionDate.IsZero() {
		lines = append(lines, fmt.Sprintf("Decision: %s on %s", cw.text(forumName(p)), p.DecisionDate.HumanAround(s.Plan.TargetDate)))
	}
	lines = append(lines, "Proposal: "+cw.short)
	ev.Description = strings.Join(lines, "\n")
	return ev
}

func (cw *calendarWriter) commitment(t model.Touchpoint) CalendarEvent {
	who := cw.who(t.ContactID)
	owe := "I owe " + who
	if t.Commitment == model.CommitmentTheirs {
		owe = who + " owes me"
	}
	return CalendarEvent{UID: calendarUID("commitment", t.ID, t.CreatedAt), Day: t.CommitmentDue, Stamp: latestStamp(t.CreatedAt, cw.x.p.UpdatedAt),
		Summary:     fmt.Sprintf("Due: %s — %s", owe, cw.short),
		Description: fmt.Sprintf("%s\nPromised in the talk on %s\nProposal: %s", cw.text(t.FollowUp), t.Date.HumanAround(t.CommitmentDue), cw.short)}
}

// check runs the leak guard over every word one proposal's events hold; a
// leak names the proposal, since labels are only unique within one.
func (cw *calendarWriter) check(proposalID int64, evs []CalendarEvent) error {
	var b strings.Builder
	for _, e := range evs {
		b.WriteString(e.Summary + "\n" + e.Description + "\n" + e.Location + "\n")
	}
	out := b.String()
	err := cw.rd.Check(out, out, false)
	var leak *redact.LeakError
	if errors.As(err, &leak) {
		leak.Field = fmt.Sprintf("the events of proposal %d", proposalID)
	}
	return err
}

// calendarUID is a stable id for an event: what it is, the record's id,
// and a digest of the record's creation time, so two workbooks' events
// never share a UID while the same record always has the same one.
func calendarUID(kind string, id int64, created time.Time) string {
	sum := sha256.Sum256([]byte(created.UTC().Format(time.RFC3339Nano)))
	return fmt.Sprintf("%s-%d-%s@backchannel", kind, id, hex.EncodeToString(sum[:6]))
}

// latestStamp is the later of two times, for an event's DTSTAMP.
func latestStamp(a, b time.Time) time.Time {
	if b.After(a) {
		return b.UTC()
	}
	return a.UTC()
}

// venueShort is the venue as the start of an event title.
func venueShort(v model.Venue) string {
	switch v {
	case model.VenueInPerson:
		return "1:1"
	case model.VenueCoffee:
		return "Coffee"
	case model.VenueWalk:
		return "Walk"
	case model.VenueCall:
		return "Call"
	case model.VenueVideo:
		return "Video call"
	case model.VenueChat:
		return "Chat"
	case model.VenueEmail:
		return "Email"
	case model.VenueAfterMeeting:
		return "After the meeting"
	case model.VenueEvent:
		return "At an event"
	}
	return "Talk"
}

// shortTitleSkip are words a short name never ends on.
var shortTitleSkip = map[string]bool{"a": true, "an": true, "the": true, "of": true, "for": true, "to": true, "on": true,
	"onto": true, "in": true, "into": true, "and": true, "or": true, "with": true, "by": true, "at": true, "from": true,
	"one": true, "new": true, "our": true, "my": true, "its": true}

// ShortTitle is a proposal's short name for places with little room and
// many readers (calendar titles): its last meaningful word, with the word
// before when the last is short ("warehouse", "observer seat").
func ShortTitle(title string) string {
	var words []string
	for _, w := range strings.Fields(model.Clean(title)) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			words = append(words, w)
		}
	}
	meaningful := func(w string) bool { return !shortTitleSkip[strings.ToLower(w)] }
	for i := len(words) - 1; i >= 0; i-- {
		if !meaningful(words[i]) {
			continue
		}
		if len([]rune(words[i])) < 5 && i > 0 && meaningful(words[i-1]) {
			return words[i-1] + " " + words[i]
		}
		return words[i]
	}
	return "proposal"
}
