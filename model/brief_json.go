// Long by design: the brief's JSON document types beside their one builder and the redacted brief's entry point, so the schema reads whole.

package model

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// BriefOptions say how to write a brief.
type BriefOptions struct {
	// Today is the day the brief is generated, shown in its header.
	Today Date
	// Redact replaces every person with a role label, free text included.
	// By default that is the sponsor edition (see SponsorEdition).
	Redact bool
	// Full, with Redact, keeps the back channel's own words (contact notes,
	// value I bring, what was not said, follow-ups, discretion and who
	// knows), still redacted: `brief --redact=full`.
	Full bool
	// Workbook is every contact in the workbook, archived ones included, so
	// that redaction finds people who are not on this proposal too. Without
	// it only the dossier's own contacts are redacted.
	Workbook []Contact
}

// SponsorEdition reports whether the options ask for the sponsor edition:
// redacted, and without contact notes, value I bring, what was not said,
// follow-ups, discretion ratings or the names of who knows (the count
// stays), with "they" for he and she.
func (o BriefOptions) SponsorEdition() bool { return o.Redact && !o.Full }

// recentLogSize is how many conversations the brief's recent log shows.
const recentLogSize = 10

// BriefDoc is the readiness brief as data: Brief renders it as markdown and
// `brief --json` prints it. Text is cleaned of control characters but not
// markdown-escaped; when the brief is redacted, every name in it is already
// a role label.
type BriefDoc struct {
	Title        string       `json:"title"`
	Kind         ProposalKind `json:"kind"`
	Forum        string       `json:"forum"`
	DecisionDate Date         `json:"decision_date"`
	// DaysLeft counts days to the decision (negative once passed; 0 without a date).
	DaysLeft  int          `json:"days_left"`
	Rule      DecisionRule `json:"decision_rule"`
	Status    Status       `json:"status"`
	Generated Date         `json:"generated"`
	Redacted  bool         `json:"redacted"`
	// Sponsor marks the sponsor edition of a redacted brief.
	Sponsor bool `json:"sponsor_edition,omitempty"`

	Verdict Verdict  `json:"verdict"`
	Score   int      `json:"score"`
	Caps    []string `json:"caps"`
	Factors []Factor `json:"factors"`

	Ask string `json:"ask"`
	// WhatIf lists the hypothetical changes the brief shows, in words; a
	// brief with any is not the workbook's state.
	WhatIf []string `json:"what_if,omitempty"`

	Forecast BriefForecast `json:"forecast"`
	// Readings say how fresh the room's stances are (principle 4).
	Readings   BriefReadings    `json:"readings"`
	Room       []BriefPerson    `json:"room"`
	Objections []BriefObjection `json:"objections"`
	BlindSpots []BriefBlindSpot `json:"blind_spots"`
	Plan       []BriefTalk      `json:"plan"`
	Conflicts  []string         `json:"conflicts"`
	// CriticalPath names the chain of talks with no room to slip, in order.
	CriticalPath  []string            `json:"critical_path"`
	Risks         []Risk              `json:"risks"`
	NextActions   []Action            `json:"next_actions"`
	Relationships []BriefRelationship `json:"relationships"`
	WhoKnows      []BriefKnower       `json:"who_knows"`
	// WhoKnowsCount is how many people know; the sponsor edition keeps the
	// count and drops the names.
	WhoKnowsCount int          `json:"who_knows_count"`
	RecentLog     []BriefTouch `json:"recent_log"`
}

// BriefForecast is the room forecast with people named.
type BriefForecast struct {
	Rule        DecisionRule `json:"rule"`
	For         int          `json:"for"`
	Against     int          `json:"against"`
	Undecided   int          `json:"undecided"`
	Needs       string       `json:"needs"`
	Outcome     string       `json:"outcome"`
	Short       int          `json:"short"`
	VetoHolders []string     `json:"veto_holders"`
	Swing       []string     `json:"swing"`
}

// BriefReadings count the people in the room by how recently their stance
// was read in a conversation.
type BriefReadings struct {
	InRoom int `json:"in_room"`
	// Recent were read within FreshDays.
	Recent int `json:"recent"`
	// Old were last read more than HalfLifeDays ago.
	Old int `json:"old"`
	// Never have no conversation logged.
	Never int `json:"never"`
}

// BriefPerson is one stakeholder in the room table.
type BriefPerson struct {
	StakeholderID int64  `json:"stakeholder_id"`
	Name          string `json:"name"`
	// Title is the contact's job title; empty when redacted.
	Title     string `json:"title,omitempty"`
	Role      Role   `json:"role"`
	Influence int    `json:"influence"`
	Votes     bool   `json:"votes"`
	Veto      bool   `json:"veto"`
	Spoiler   bool   `json:"spoiler"`
	// Absent: a what-if takes them out of the room.
	Absent     bool   `json:"absent,omitempty"`
	Stance     Stance `json:"stance"`
	Target     Stance `json:"target_stance"`
	LastSpoken Date   `json:"last_spoken"`
	NextStep   string `json:"next_step"`
}

// BriefObjection is one open objection with our response.
type BriefObjection struct {
	Text string `json:"text"`
	// RaisedBy names who raised it, or "anticipated".
	RaisedBy string          `json:"raised_by"`
	Severity Severity        `json:"severity"`
	Status   ObjectionStatus `json:"status"`
	Response string          `json:"response"`
	// Voice names who will answer it in the room; empty when nobody yet.
	Voice    string `json:"voice"`
	RaisedOn Date   `json:"raised_on"`
}

// BriefBlindSpot is one blind spot, open or addressed.
type BriefBlindSpot struct {
	Text string `json:"text"`
	// SurfacedBy names who surfaced it, or "me".
	SurfacedBy   string          `json:"surfaced_by"`
	Status       BlindSpotStatus `json:"status"`
	HowAddressed string          `json:"how_addressed"`
	RaisedOn     Date            `json:"raised_on"`
}

// BriefTalk is one conversation still to hold, in backward-schedule order.
type BriefTalk struct {
	StakeholderID int64  `json:"stakeholder_id"`
	Whom          string `json:"whom"`
	Role          Role   `json:"role"`
	Moment        Moment `json:"moment"`
	TargetDate    Date   `json:"target_date"`
	LatestSafe    Date   `json:"latest_safe"`
	// Before names whose talk this one must precede.
	Before   string   `json:"before"`
	Approach Approach `json:"approach"`
	Message  string   `json:"message"`
	Venue    Venue    `json:"venue"`
	Place    string   `json:"place"`
	Opener   Opener   `json:"opener"`
	Via      string   `json:"via"`
	Overdue  bool     `json:"overdue"`
	Critical bool     `json:"critical"`
}

// BriefRelationship is one person's nurture ledger and notes.
type BriefRelationship struct {
	Name        string      `json:"name"`
	Partner     PartnerKind `json:"partner_kind"`
	Discretion  Discretion  `json:"discretion"`
	Health      Health      `json:"health"`
	Wants       string      `json:"wants"`
	Fears       string      `json:"fears"`
	ValueIBring string      `json:"value_i_bring"`
	Notes       string      `json:"notes"`
}

// BriefKnower is someone who has heard of the proposal.
type BriefKnower struct {
	Name string `json:"name"`
	// Since is zero when the day is unknown.
	Since      Date       `json:"since"`
	Source     string     `json:"source"`
	Discretion Discretion `json:"discretion"`
}

// BriefTouch is one logged conversation in the recent log.
type BriefTouch struct {
	Date      Date      `json:"date"`
	Whom      string    `json:"whom"`
	Channel   Venue     `json:"channel"`
	Kind      TouchKind `json:"kind"`
	Sentiment int       `json:"sentiment"`
	Said      string    `json:"said"`
	Subtext   string    `json:"subtext"`
	FollowUp  string    `json:"follow_up"`
}

// BriefData assembles the brief's content. With Redact, the dossier is
// redacted first and the readiness recomputed from it, so that generated
// sentences name role labels rather than people; the numbers are the same.
func BriefData(d Dossier, r Readiness, opt BriefOptions) BriefDoc {
	var rd *Redactor
	if opt.Redact {
		rd = NewWorkbookRedactor(d, opt.Workbook)
	}
	return briefData(d, r, opt, rd)
}

func briefData(d Dossier, r Readiness, opt BriefOptions, rd *Redactor) BriefDoc {
	day := r.Today
	if day.IsZero() {
		day = opt.Today
	}
	var x *dossierIndex
	if opt.Redact {
		r, x = assess(redactDossier(d, rd, opt.SponsorEdition()), day)
	} else {
		x = newDossierIndex(d, day)
	}
	p := x.p
	doc := BriefDoc{
		Title: Clean(p.Title), Kind: p.Kind, Forum: Clean(p.Forum), DecisionDate: p.DecisionDate,
		DaysLeft: r.DaysLeft, Rule: p.DecisionRule, Status: p.Status, Generated: opt.Today, Redacted: opt.Redact,
		Sponsor: opt.SponsorEdition(),
		Verdict: r.Verdict, Score: r.Score, Caps: nonNil(r.Caps), Factors: nonNil(r.Factors),
		Ask:         block(p.Ask),
		Conflicts:   nonNil(r.Schedule.Conflicts),
		Risks:       nonNil(r.Risks),
		NextActions: nonNil(r.NextActions),
	}
	if doc.Generated.IsZero() {
		doc.Generated = day
	}

	fc := r.Forecast
	doc.Forecast = BriefForecast{Rule: fc.Rule, For: fc.For, Against: fc.Against, Undecided: fc.Unknown,
		Needs: fc.Needs, Outcome: fc.Outcome, Short: fc.Short, VetoHolders: []string{}, Swing: []string{}}
	for _, w := range x.d.WhatIf {
		if i, ok := x.pos[w.StakeholderID]; ok {
			what := x.name(i) + " is " + stanceNoun(w.Stance)
			if w.Absent {
				what = x.name(i) + " is absent"
			}
			doc.WhatIf = append(doc.WhatIf, what)
		}
	}
	x.readAll()
	doc.Readings.InRoom = len(x.room)
	for _, i := range x.room {
		switch rd := x.reads[i]; {
		case !rd.talked:
			doc.Readings.Never++
		case rd.age <= FreshDays:
			doc.Readings.Recent++
		case rd.age > HalfLifeDays:
			doc.Readings.Old++
		}
	}
	for _, id := range fc.VetoHolders {
		doc.Forecast.VetoHolders = append(doc.Forecast.VetoHolders, x.nameByID(id))
	}
	for _, s := range fc.Swing {
		doc.Forecast.Swing = append(doc.Forecast.Swing, s.Effect)
	}

	items := map[int64]ScheduleItem{}
	for _, it := range r.Schedule.Items {
		items[it.StakeholderID] = it
	}
	doc.Room = []BriefPerson{}
	for i, s := range x.people {
		bp := BriefPerson{StakeholderID: s.ID, Name: x.name(i), Role: s.Role, Influence: s.Influence,
			Votes: s.Votes, Veto: s.Veto, Spoiler: s.Spoiler, Stance: s.Stance, Target: x.target(i),
			NextStep: x.nextStep(i, items[s.ID]), Absent: s.Acted == whatIfAbsent}
		if !opt.Redact {
			bp.Title = Clean(x.d.Contacts[s.ContactID].Title)
		}
		if t, ok := x.lastTalk(i); ok {
			bp.LastSpoken = t.Date
		}
		doc.Room = append(doc.Room, bp)
	}

	doc.Objections = x.briefObjections()
	doc.BlindSpots = x.briefBlindSpots()

	doc.Plan = []BriefTalk{}
	for _, it := range planOrder(r.Schedule.Items) {
		i, ok := x.pos[it.StakeholderID]
		if !ok {
			continue
		}
		s := x.people[i]
		bt := BriefTalk{StakeholderID: s.ID, Whom: x.name(i), Role: s.Role, Moment: s.Plan.Moment,
			TargetDate: it.TargetDate, LatestSafe: it.LatestSafe, Approach: s.Plan.Approach,
			Message: Clean(s.Plan.Message), Venue: s.Plan.Venue, Place: Clean(s.Plan.Place), Opener: s.Plan.Opener,
			Overdue: it.Overdue, Critical: it.Critical}
		if s.Plan.BeforeID != 0 {
			bt.Before = x.nameByID(s.Plan.BeforeID)
		}
		if s.Plan.ViaID != 0 {
			bt.Via = x.contactName(s.Plan.ViaID)
		}
		doc.Plan = append(doc.Plan, bt)
	}
	doc.CriticalPath = []string{}
	for _, id := range r.Schedule.CriticalPath {
		doc.CriticalPath = append(doc.CriticalPath, x.nameByID(id))
	}

	doc.Relationships = x.briefRelationships()
	doc.WhoKnows = []BriefKnower{}
	for _, k := range r.WhoKnows {
		doc.WhoKnows = append(doc.WhoKnows, BriefKnower{Name: x.contactName(k.ContactID), Since: k.Since, Source: k.Source, Discretion: k.Discretion})
	}
	doc.WhoKnowsCount = len(doc.WhoKnows)
	doc.RecentLog = x.recentLog()
	if doc.Sponsor {
		doc.Risks = sponsorRisks(doc.Risks, r.WhoKnows)
		doc.WhoKnows = []BriefKnower{}
		for k := range doc.Relationships {
			doc.Relationships[k].Discretion = DiscretionUnknown
		}
	}
	return doc
}

// RedactedBrief writes the redacted brief (the sponsor edition unless
// opt.Full), as markdown or, with asJSON, as indented JSON, and then has the
// independent leak guard read it: if any way of writing a person survived,
// it returns no text and a *LeakError naming the field and the person's
// label. Redaction fails closed.
func RedactedBrief(d Dossier, r Readiness, opt BriefOptions, asJSON bool) ([]byte, error) {
	opt.Redact = true
	return redactedBrief(d, r, opt, asJSON, NewWorkbookRedactor(d, opt.Workbook))
}

func redactedBrief(d Dossier, r Readiness, opt BriefOptions, asJSON bool, rd *Redactor) ([]byte, error) {
	doc := briefData(d, r, opt, rd)
	var out []byte
	if asJSON {
		var err error
		if out, err = json.MarshalIndent(doc, "", "  "); err != nil {
			return nil, err
		}
		out = append(out, '\n')
	} else {
		out = []byte(renderBrief(doc))
	}
	if err := rd.guard().check(doc, string(out), asJSON); err != nil {
		return nil, err
	}
	return out, nil
}

// planOrder sorts the remaining talks by the day they will happen (the
// planned day, else the latest safe day), so the plan reads as a calendar;
// the schedule itself stays in latest-safe order.
func planOrder(items []ScheduleItem) []ScheduleItem {
	out := slices.Clone(items)
	day := func(it ScheduleItem) Date {
		if !it.TargetDate.IsZero() {
			return it.TargetDate
		}
		return it.LatestSafe
	}
	slices.SortStableFunc(out, func(a, b ScheduleItem) int {
		return cmp.Or(compareDates(day(a), day(b)), compareDates(a.LatestSafe, b.LatestSafe))
	})
	return out
}

// nextStep says in a few words what happens next with person i.
func (x *dossierIndex) nextStep(i int, it ScheduleItem) string {
	pl := x.people[i].Plan
	if pl.Done {
		if x.talked(i) {
			return "talked; no further talk planned"
		}
		return "no talk planned"
	}
	var parts []string
	if !pl.TargetDate.IsZero() {
		parts = append(parts, pl.TargetDate.Human())
	}
	if pl.Venue != VenueUnset {
		parts = append(parts, pl.Venue.String())
	}
	step := strings.Join(parts, ", ")
	if pl.HasWhat() {
		what := pl.Approach.String() + ": " + snippet(pl.Message, 60)
		if step == "" {
			step = what
		} else {
			step += " — " + what
		}
	}
	if step == "" {
		if !it.LatestSafe.IsZero() {
			return "not planned yet (latest " + it.LatestSafe.Human() + ")"
		}
		return "not planned yet"
	}
	return step
}

func (x *dossierIndex) briefObjections() []BriefObjection {
	var live []Objection
	for _, o := range x.d.Objections {
		if o.Status.Live() {
			live = append(live, o)
		}
	}
	slices.SortStableFunc(live, func(a, b Objection) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), cmp.Compare(a.Status, b.Status), compareDates(a.RaisedOn, b.RaisedOn))
	})
	out := []BriefObjection{}
	for _, o := range live {
		bo := BriefObjection{Text: block(o.Text), RaisedBy: "anticipated", Severity: o.Severity, Status: o.Status,
			Response: block(o.Response), RaisedOn: o.RaisedOn}
		if o.RaisedByID != 0 {
			bo.RaisedBy = x.nameByID(o.RaisedByID)
		}
		if o.VoiceID != 0 {
			bo.Voice = x.nameByID(o.VoiceID)
			if !x.voiced(o) {
				bo.Voice += " (not in the room)"
				if i, ok := x.pos[o.VoiceID]; ok && x.people[i].inRoom() {
					bo.Voice = x.name(i) + " (against it)"
				}
			}
		}
		out = append(out, bo)
	}
	return out
}

func (x *dossierIndex) briefBlindSpots() []BriefBlindSpot {
	bs := slices.Clone(x.d.BlindSpots)
	slices.SortStableFunc(bs, func(a, b BlindSpot) int {
		return cmp.Or(cmp.Compare(a.Status, b.Status), compareDates(a.RaisedOn, b.RaisedOn))
	})
	out := []BriefBlindSpot{}
	for _, b := range bs {
		bb := BriefBlindSpot{Text: block(b.Text), SurfacedBy: "me", Status: b.Status, HowAddressed: block(b.HowAddressed), RaisedOn: b.RaisedOn}
		if b.SurfacedByID != 0 {
			bb.SurfacedBy = x.nameByID(b.SurfacedByID)
		}
		out = append(out, bb)
	}
	return out
}

// briefRelationships covers every stakeholder, then every intermediary.
func (x *dossierIndex) briefRelationships() []BriefRelationship {
	out := []BriefRelationship{}
	seen := map[int64]bool{}
	add := func(contactID int64, s *Stakeholder) {
		if seen[contactID] {
			return
		}
		seen[contactID] = true
		c := x.d.Contacts[contactID]
		br := BriefRelationship{Name: x.contactName(contactID), Partner: c.Kind, Discretion: c.Discretion,
			Health: x.healthOf(contactID), ValueIBring: block(c.ValueIBring), Notes: block(c.Notes)}
		if s != nil {
			br.Wants, br.Fears = block(s.Wants), block(s.Fears)
		}
		out = append(out, br)
	}
	for i := range x.people {
		add(x.people[i].ContactID, &x.people[i])
	}
	for _, s := range x.people {
		if s.Plan.ViaID != 0 {
			add(s.Plan.ViaID, nil)
		}
	}
	return out
}

// recentLogRows are the conversations the recent log shows, oldest first,
// given every conversation in day order (as indexes).
func recentLogRows(byDay []int32) []int32 {
	return byDay[max(0, len(byDay)-recentLogSize):]
}

// recentLog is the latest conversations on the proposal, newest first.
func (x *dossierIndex) recentLog() []BriefTouch {
	rows := recentLogRows(x.byDay)
	out := make([]BriefTouch, 0, len(rows))
	for k := len(rows) - 1; k >= 0; k-- {
		t := x.d.Touchpoints[rows[k]]
		whom := x.contactName(t.ContactID)
		if i, ok := x.personOf(t); ok {
			whom = x.name(i)
		}
		out = append(out, BriefTouch{Date: t.Date, Whom: whom, Channel: t.Channel, Kind: t.Kind,
			Sentiment: clampSentiment(t.Sentiment), Said: block(t.Said), Subtext: block(t.Subtext), FollowUp: block(t.FollowUp)})
	}
	return out
}

// block cleans multi-line user text for the brief, keeping its line breaks.
func block(s string) string { return strings.TrimSpace(CleanBlock(s)) }

// nonNil makes an empty list marshal as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// sponsorRisks words the exposure flag for the sponsor edition: how many
// know and how many of them have low or unknown discretion, without saying
// who (which would be the discretion rating of a named role).
func sponsorRisks(risks []Risk, knowers []Knower) []Risk {
	out := slices.Clone(risks)
	for k, rk := range out {
		if rk.Key != RiskExposure {
			continue
		}
		low, unknown := 0, 0
		for _, kn := range knowers {
			switch kn.Discretion {
			case DiscretionLow:
				low++
			case DiscretionUnknown:
				unknown++
			}
		}
		ev := plural(len(knowers), "person knows", "people know") + " about it"
		if len(knowers) > 0 && !knowers[0].Since.IsZero() {
			ev += " (since " + knowers[0].Since.Human() + ")"
		}
		if low > 0 {
			ev += fmt.Sprintf("; %d with low discretion", low)
		}
		if unknown > 0 {
			ev += fmt.Sprintf("; %d whose discretion is unknown", unknown)
		}
		out[k].Evidence = ev + ". The more people know, the likelier a leak."
		out[k].StakeholderIDs = nil
	}
	return out
}
