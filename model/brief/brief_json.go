// Long by design: the brief's JSON document types beside their one builder and the redacted brief's entry point, so the schema reads whole.

package brief

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/model/redact"
)

// Options say how to write a brief.
type Options struct {
	// Today is the day the brief is generated, shown in its header.
	Today model.Date
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
	Workbook []model.Contact
	// Index, when set, is the index readiness.AssessIndexed built for the
	// same dossier and day: the plain brief reads it instead of indexing
	// (ordering) the dossier a second time. An index of another day is
	// not used; a redacted brief indexes the redacted dossier itself.
	Index *readiness.Index
}

// SponsorEdition reports whether the options ask for the sponsor edition:
// redacted, and without contact notes, value I bring, what was not said,
// follow-ups, discretion ratings or the names of who knows (the count
// stays), with "they" for he and she.
func (o Options) SponsorEdition() bool { return o.Redact && !o.Full }

// recentLogSize is how many conversations the brief's recent log shows.
const recentLogSize = 10

// Doc is the readiness brief as data: Markdown renders it as markdown and
// `brief --json` prints it. From Data, text is cleaned of control
// characters but not markdown-escaped, ready to be shown; from JSONData it
// is exactly as stored, as every other JSON output gives it. When the brief
// is redacted, every name in it is already a role label.
type Doc struct {
	Title        string             `json:"title"`
	Kind         model.ProposalKind `json:"kind"`
	Forum        string             `json:"forum"`
	DecisionDate model.Date         `json:"decision_date"`
	// DaysLeft counts days to the decision (negative once passed; 0 without a date).
	DaysLeft  int                `json:"days_left"`
	Rule      model.DecisionRule `json:"decision_rule"`
	Status    model.Status       `json:"status"`
	Generated model.Date         `json:"generated"`
	Redacted  bool               `json:"redacted"`
	// Sponsor marks the sponsor edition of a redacted brief.
	Sponsor bool `json:"sponsor_edition,omitempty"`

	Verdict readiness.Verdict  `json:"verdict"`
	Score   int                `json:"score"`
	Caps    []string           `json:"caps"`
	Factors []readiness.Factor `json:"factors"`

	Ask string `json:"ask"`
	// WhatIf lists the hypothetical changes the brief shows, in words; a
	// brief with any is not the workbook's state.
	WhatIf []string `json:"what_if,omitempty"`

	Forecast Forecast `json:"forecast"`
	// Readings say how fresh the room's stances are (principle 4).
	Readings   Readings    `json:"readings"`
	Room       []Person    `json:"room"`
	Objections []Objection `json:"objections"`
	BlindSpots []BlindSpot `json:"blind_spots"`
	Plan       []Talk      `json:"plan"`
	Conflicts  []string    `json:"conflicts"`
	// CriticalPath names the chain of talks with no room to slip, in order.
	CriticalPath  []string           `json:"critical_path"`
	Risks         []readiness.Risk   `json:"risks"`
	NextActions   []readiness.Action `json:"next_actions"`
	Relationships []Relationship     `json:"relationships"`
	WhoKnows      []Knower           `json:"who_knows"`
	// WhoKnowsCount is how many people know; the sponsor edition keeps the
	// count and drops the names.
	WhoKnowsCount int     `json:"who_knows_count"`
	RecentLog     []Touch `json:"recent_log"`
}

// Forecast is the room forecast with people named.
type Forecast struct {
	Rule        model.DecisionRule `json:"rule"`
	For         int                `json:"for"`
	Against     int                `json:"against"`
	Undecided   int                `json:"undecided"`
	Needs       string             `json:"needs"`
	Outcome     string             `json:"outcome"`
	Short       int                `json:"short"`
	VetoHolders []string           `json:"veto_holders"`
	Swing       []string           `json:"swing"`
}

// Readings count the people in the room by how recently their stance
// was read in a conversation.
type Readings struct {
	InRoom int `json:"in_room"`
	// Recent were read within FreshDays.
	Recent int `json:"recent"`
	// Old were last read more than HalfLifeDays ago.
	Old int `json:"old"`
	// Never have no conversation logged.
	Never int `json:"never"`
}

// Person is one stakeholder in the room table.
type Person struct {
	StakeholderID int64  `json:"stakeholder_id"`
	Name          string `json:"name"`
	// Title is the contact's job title; empty when redacted.
	Title     string     `json:"title,omitempty"`
	Role      model.Role `json:"role"`
	Influence int        `json:"influence"`
	Votes     bool       `json:"votes"`
	Veto      bool       `json:"veto"`
	Spoiler   bool       `json:"spoiler"`
	// Absent: a what-if takes them out of the room.
	Absent     bool         `json:"absent,omitempty"`
	Stance     model.Stance `json:"stance"`
	Target     model.Stance `json:"target_stance"`
	LastSpoken model.Date   `json:"last_spoken"`
	NextStep   string       `json:"next_step"`
}

// Objection is one open objection with our response.
type Objection struct {
	Text string `json:"text"`
	// RaisedBy names who raised it, or "anticipated".
	RaisedBy string                `json:"raised_by"`
	Severity model.Severity        `json:"severity"`
	Status   model.ObjectionStatus `json:"status"`
	Response string                `json:"response"`
	// Voice names who will answer it in the room; empty when nobody yet.
	Voice    string     `json:"voice"`
	RaisedOn model.Date `json:"raised_on"`
}

// BlindSpot is one blind spot, open or addressed.
type BlindSpot struct {
	Text string `json:"text"`
	// SurfacedBy names who surfaced it, or "me".
	SurfacedBy   string                `json:"surfaced_by"`
	Status       model.BlindSpotStatus `json:"status"`
	HowAddressed string                `json:"how_addressed"`
	RaisedOn     model.Date            `json:"raised_on"`
}

// Talk is one conversation still to hold, in backward-schedule order.
type Talk struct {
	StakeholderID int64        `json:"stakeholder_id"`
	Whom          string       `json:"whom"`
	Role          model.Role   `json:"role"`
	Moment        model.Moment `json:"moment"`
	TargetDate    model.Date   `json:"target_date"`
	LatestSafe    model.Date   `json:"latest_safe"`
	// Before names whose talk this one must precede.
	Before   string         `json:"before"`
	Approach model.Approach `json:"approach"`
	Message  string         `json:"message"`
	Venue    model.Venue    `json:"venue"`
	Place    string         `json:"place"`
	Opener   model.Opener   `json:"opener"`
	Via      string         `json:"via"`
	Overdue  bool           `json:"overdue"`
	Critical bool           `json:"critical"`
}

// Relationship is one person's nurture ledger and notes.
type Relationship struct {
	Name        string            `json:"name"`
	Partner     model.PartnerKind `json:"partner_kind"`
	Discretion  model.Discretion  `json:"discretion"`
	Health      model.Health      `json:"health"`
	Wants       string            `json:"wants"`
	Fears       string            `json:"fears"`
	ValueIBring string            `json:"value_i_bring"`
	Notes       string            `json:"notes"`
}

// Knower is someone who has heard of the proposal.
type Knower struct {
	Name string `json:"name"`
	// Since is zero when the day is unknown.
	Since      model.Date       `json:"since"`
	Source     string           `json:"source"`
	Discretion model.Discretion `json:"discretion"`
}

// Touch is one logged conversation in the recent log.
type Touch struct {
	Date      model.Date      `json:"date"`
	Whom      string          `json:"whom"`
	Channel   model.Venue     `json:"channel"`
	Kind      model.TouchKind `json:"kind"`
	Sentiment int             `json:"sentiment"`
	Said      string          `json:"said"`
	Subtext   string          `json:"subtext"`
	FollowUp  string          `json:"follow_up"`
}

// Data assembles the brief's content. With Redact, the dossier is
// redacted first and the readiness recomputed from it, so that generated
// sentences name role labels rather than people; the numbers are the same.
func Data(d model.Dossier, r readiness.Readiness, opt Options) Doc {
	var rd *redact.Redactor
	if opt.Redact {
		rd = redact.NewWorkbookRedactor(d, opt.Workbook)
	}
	return briefData(d, r, opt, rd, false)
}

// JSONData is Data for `brief --json`: the text people wrote and the names
// of people are given exactly as stored, the same value `export` and the
// lists' --json give the same field (issue 11: one text rule for every JSON
// output; the JSON printer escapes what a terminal would act on). Sentences
// the brief writes itself (reasons, next actions, risks) are the same as in
// the markdown brief. A redacted brief is not made here: redaction reads
// text as it is shown (cleaned, so an escape sequence cannot hide a name
// from it or from the leak guard), so Redacted keeps cleaning.
func JSONData(d model.Dossier, r readiness.Readiness, opt Options) Doc {
	if opt.Redact {
		return Data(d, r, opt)
	}
	return briefData(d, r, opt, nil, true)
}

// words gives the brief's user text and people's names: cleaned for showing,
// or exactly as stored for JSONData.
type words struct {
	x     *readiness.Index
	exact bool
}

// line is one-line text.
func (t words) line(s string) string {
	if t.exact {
		return s
	}
	return model.Clean(s)
}

// block is text that may hold line breaks.
func (t words) block(s string) string {
	if t.exact {
		return s
	}
	return block(s)
}

// contact is a contact's name; one that shows nothing is named by its ID
// in both forms.
func (t words) contact(id int64) string {
	if c, ok := t.x.Dossier().Contacts[id]; ok && t.exact && !model.Blank(c.Name) {
		return c.Name
	}
	return t.x.ContactName(id)
}

// person is the name of the i-th stakeholder.
func (t words) person(i int) string { return t.contact(t.x.People()[i].ContactID) }

// byID is a stakeholder's name by stakeholder ID.
func (t words) byID(id int64) string {
	if i, ok := t.x.Position(id); ok {
		return t.person(i)
	}
	return t.x.NameByID(id)
}

func briefData(d model.Dossier, r readiness.Readiness, opt Options, rd *redact.Redactor, exact bool) Doc {
	day := r.Today
	if day.IsZero() {
		day = opt.Today
	}
	var x *readiness.Index
	switch {
	case opt.Redact:
		r, x = readiness.AssessIndexed(redactDossier(d, rd, opt.SponsorEdition()), day)
	case opt.Index != nil && opt.Index.Today() == day:
		x = opt.Index
	default:
		x = readiness.NewIndex(d, day)
	}
	t := words{x: x, exact: exact}
	p := x.Dossier().Proposal
	doc := Doc{
		Title: t.line(p.Title), Kind: p.Kind, Forum: t.line(p.Forum), DecisionDate: p.DecisionDate,
		DaysLeft: r.DaysLeft, Rule: p.DecisionRule, Status: p.Status, Generated: opt.Today, Redacted: opt.Redact,
		Sponsor: opt.SponsorEdition(),
		Verdict: r.Verdict, Score: r.Score, Caps: nonNil(r.Caps), Factors: nonNil(r.Factors),
		Ask:         t.block(p.Ask),
		Conflicts:   nonNil(r.Schedule.Conflicts),
		Risks:       nonNil(r.Risks),
		NextActions: nonNil(r.NextActions),
	}
	if doc.Generated.IsZero() {
		doc.Generated = day
	}

	fc := r.Forecast
	doc.Forecast = Forecast{Rule: fc.Rule, For: fc.For, Against: fc.Against, Undecided: fc.Unknown,
		Needs: fc.Needs, Outcome: fc.Outcome, Short: fc.Short, VetoHolders: []string{}, Swing: []string{}}
	for _, w := range x.Dossier().WhatIf {
		if i, ok := x.Position(w.StakeholderID); ok {
			what := t.person(i) + " is " + model.StanceNoun(w.Stance)
			if w.Absent {
				what = t.person(i) + " is absent"
			}
			doc.WhatIf = append(doc.WhatIf, what)
		}
	}
	doc.Readings.InRoom, doc.Readings.Recent, doc.Readings.Old, doc.Readings.Never = x.Readings()
	for _, id := range fc.VetoHolders {
		doc.Forecast.VetoHolders = append(doc.Forecast.VetoHolders, t.byID(id))
	}
	for _, s := range fc.Swing {
		doc.Forecast.Swing = append(doc.Forecast.Swing, s.Effect)
	}

	items := map[int64]readiness.ScheduleItem{}
	for _, it := range r.Schedule.Items {
		items[it.StakeholderID] = it
	}
	doc.Room = []Person{}
	for i, s := range x.People() {
		bp := Person{StakeholderID: s.ID, Name: t.person(i), Role: s.Role, Influence: s.Influence,
			Votes: s.Votes, Veto: s.Veto, Spoiler: s.Spoiler, Stance: s.Stance, Target: x.Target(i),
			NextStep: nextStep(x, i, items[s.ID]), Absent: x.Absent(i)}
		if !opt.Redact {
			bp.Title = t.line(x.Dossier().Contacts[s.ContactID].Title)
		}
		if t, ok := x.LastTalk(i); ok {
			bp.LastSpoken = t.Date
		}
		doc.Room = append(doc.Room, bp)
	}

	doc.Objections = briefObjections(t)
	doc.BlindSpots = briefBlindSpots(t)

	doc.Plan = []Talk{}
	for _, it := range planOrder(r.Schedule.Items) {
		i, ok := x.Position(it.StakeholderID)
		if !ok {
			continue
		}
		s := x.People()[i]
		bt := Talk{StakeholderID: s.ID, Whom: t.person(i), Role: s.Role, Moment: s.Plan.Moment,
			TargetDate: it.TargetDate, LatestSafe: it.LatestSafe, Approach: s.Plan.Approach,
			Message: t.line(s.Plan.Message), Venue: s.Plan.Venue, Place: t.line(s.Plan.Place), Opener: s.Plan.Opener,
			Overdue: it.Overdue, Critical: it.Critical}
		if s.Plan.BeforeID != 0 {
			bt.Before = t.byID(s.Plan.BeforeID)
		}
		if s.Plan.ViaID != 0 {
			bt.Via = t.contact(s.Plan.ViaID)
		}
		doc.Plan = append(doc.Plan, bt)
	}
	doc.CriticalPath = []string{}
	for _, id := range r.Schedule.CriticalPath {
		doc.CriticalPath = append(doc.CriticalPath, t.byID(id))
	}

	doc.Relationships = briefRelationships(t)
	doc.WhoKnows = []Knower{}
	for _, k := range r.WhoKnows {
		doc.WhoKnows = append(doc.WhoKnows, Knower{Name: t.contact(k.ContactID), Since: k.Since, Source: k.Source, Discretion: k.Discretion})
	}
	doc.WhoKnowsCount = len(doc.WhoKnows)
	doc.RecentLog = recentLog(t)
	if doc.Sponsor {
		doc.Risks = sponsorRisks(doc.Risks, r.WhoKnows, doc.Generated)
		doc.WhoKnows = []Knower{}
		for k := range doc.Relationships {
			doc.Relationships[k].Discretion = model.DiscretionUnknown
		}
	}
	return doc
}

// Redacted writes the redacted brief (the sponsor edition unless
// opt.Full), as markdown or, with asJSON, as indented JSON, and then has the
// independent leak guard read it: if any way of writing a person survived,
// it returns no text and a *LeakError naming the field and the person's
// label. Redaction fails closed.
func Redacted(d model.Dossier, r readiness.Readiness, opt Options, asJSON bool) ([]byte, error) {
	opt.Redact = true
	return redactedBrief(d, r, opt, asJSON, redact.NewWorkbookRedactor(d, opt.Workbook))
}

func redactedBrief(d model.Dossier, r readiness.Readiness, opt Options, asJSON bool, rd *redact.Redactor) ([]byte, error) {
	doc := briefData(d, r, opt, rd, false)
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
	if err := rd.Check(doc, string(out), asJSON); err != nil {
		return nil, err
	}
	return out, nil
}

// planOrder sorts the remaining talks by the day they will happen (the
// planned day, else the latest safe day), so the plan reads as a calendar;
// the schedule itself stays in latest-safe order.
func planOrder(items []readiness.ScheduleItem) []readiness.ScheduleItem {
	out := slices.Clone(items)
	day := func(it readiness.ScheduleItem) model.Date {
		if !it.TargetDate.IsZero() {
			return it.TargetDate
		}
		return it.LatestSafe
	}
	slices.SortStableFunc(out, func(a, b readiness.ScheduleItem) int {
		return cmp.Or(model.CompareDates(day(a), day(b)), model.CompareDates(a.LatestSafe, b.LatestSafe))
	})
	return out
}

// nextStep says in a few words what happens next with person i.
func nextStep(x *readiness.Index, i int, it readiness.ScheduleItem) string {
	pl := x.People()[i].Plan
	if pl.Done {
		if x.Talked(i) {
			return "talked; no further talk planned"
		}
		return "no talk planned"
	}
	var parts []string
	if !pl.TargetDate.IsZero() {
		parts = append(parts, pl.TargetDate.HumanAround(x.Today()))
	}
	if pl.Venue != model.VenueUnset {
		parts = append(parts, pl.Venue.String())
	}
	step := strings.Join(parts, ", ")
	if pl.HasWhat() {
		what := pl.Approach.String() + ": " + model.Snippet(pl.Message, 60)
		if step == "" {
			step = what
		} else {
			step += " — " + what
		}
	}
	if step == "" {
		if !it.LatestSafe.IsZero() {
			return "not planned yet (latest " + it.LatestSafe.HumanAround(x.Today()) + ")"
		}
		return "not planned yet"
	}
	return step
}

func briefObjections(t words) []Objection {
	x := t.x
	var live []model.Objection
	for _, o := range x.Dossier().Objections {
		if o.Status.Live() {
			live = append(live, o)
		}
	}
	slices.SortStableFunc(live, func(a, b model.Objection) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), cmp.Compare(a.Status, b.Status), model.CompareDates(a.RaisedOn, b.RaisedOn))
	})
	out := []Objection{}
	for _, o := range live {
		bo := Objection{Text: t.block(o.Text), RaisedBy: "anticipated", Severity: o.Severity, Status: o.Status,
			Response: t.block(o.Response), RaisedOn: o.RaisedOn}
		if o.RaisedByID != 0 {
			bo.RaisedBy = t.byID(o.RaisedByID)
		}
		if o.VoiceID != 0 {
			bo.Voice = t.byID(o.VoiceID)
			if !x.Voiced(o) {
				bo.Voice += " (not in the room)"
				if i, ok := x.Position(o.VoiceID); ok && x.InRoom(i) {
					bo.Voice = t.person(i) + " (against it)"
				}
			}
		}
		out = append(out, bo)
	}
	return out
}

func briefBlindSpots(t words) []BlindSpot {
	bs := slices.Clone(t.x.Dossier().BlindSpots)
	slices.SortStableFunc(bs, func(a, b model.BlindSpot) int {
		return cmp.Or(cmp.Compare(a.Status, b.Status), model.CompareDates(a.RaisedOn, b.RaisedOn))
	})
	out := []BlindSpot{}
	for _, b := range bs {
		bb := BlindSpot{Text: t.block(b.Text), SurfacedBy: "me", Status: b.Status, HowAddressed: t.block(b.HowAddressed), RaisedOn: b.RaisedOn}
		if b.SurfacedByID != 0 {
			bb.SurfacedBy = t.byID(b.SurfacedByID)
		}
		out = append(out, bb)
	}
	return out
}

// briefRelationships covers every stakeholder, then every intermediary.
func briefRelationships(t words) []Relationship {
	x := t.x
	out := []Relationship{}
	seen := map[int64]bool{}
	add := func(contactID int64, s *model.Stakeholder) {
		if seen[contactID] {
			return
		}
		seen[contactID] = true
		c := x.Dossier().Contacts[contactID]
		br := Relationship{Name: t.contact(contactID), Partner: c.Kind, Discretion: c.Discretion,
			Health: x.Health(contactID), ValueIBring: t.block(c.ValueIBring), Notes: t.block(c.Notes)}
		if s != nil {
			br.Wants, br.Fears = t.block(s.Wants), t.block(s.Fears)
		}
		out = append(out, br)
	}
	for i := range x.People() {
		add(x.People()[i].ContactID, &x.People()[i])
	}
	for _, s := range x.People() {
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

// TextShown lists the IDs of the conversations whose free text (what was
// said, what was not, the follow-up) a brief of d prints: its recent log,
// in every edition (plain, JSON, redacted). The rest of a brief reads only
// a conversation's other fields, so a store may leave the free text of all
// others out (db.Store.LoadDossierShowing); the brief is the same.
func TextShown(d model.Dossier) []int64 {
	ts := model.SortedByID(d.Touchpoints, func(t *model.Touchpoint) int64 { return t.ID })
	rows := recentLogRows(model.ByDayOrder(ts))
	ids := make([]int64, len(rows))
	for k, row := range rows {
		ids[k] = ts[row].ID
	}
	return ids
}

// recentLog is the latest conversations on the proposal, newest first.
func recentLog(t words) []Touch {
	x := t.x
	rows := recentLogRows(x.ByDay())
	out := make([]Touch, 0, len(rows))
	for k := len(rows) - 1; k >= 0; k-- {
		tp := x.Dossier().Touchpoints[rows[k]]
		whom := t.contact(tp.ContactID)
		if i, ok := x.PersonOf(tp); ok {
			whom = t.person(i)
		}
		out = append(out, Touch{Date: tp.Date, Whom: whom, Channel: tp.Channel, Kind: tp.Kind,
			Sentiment: model.ClampSentiment(tp.Sentiment), Said: t.block(tp.Said), Subtext: t.block(tp.Subtext), FollowUp: t.block(tp.FollowUp)})
	}
	return out
}

// block cleans multi-line user text for the brief, keeping its line breaks.
func block(s string) string { return strings.TrimSpace(model.CleanBlock(s)) }

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
func sponsorRisks(risks []readiness.Risk, knowers []readiness.Knower, today model.Date) []readiness.Risk {
	out := slices.Clone(risks)
	for k, rk := range out {
		if rk.Key != readiness.RiskExposure {
			continue
		}
		low, unknown := 0, 0
		for _, kn := range knowers {
			switch kn.Discretion {
			case model.DiscretionLow:
				low++
			case model.DiscretionUnknown:
				unknown++
			}
		}
		ev := model.Plural(len(knowers), "person knows", "people know") + " about it"
		if len(knowers) > 0 && !knowers[0].Since.IsZero() {
			ev += " (since " + knowers[0].Since.HumanAround(today) + ")"
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
