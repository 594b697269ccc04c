// Long by design: the markdown brief, section by section in reading order.

package brief

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
)

// Brief section headings, in order. Tests check that these are the only
// headings in a brief, whatever the user typed.
const (
	HeadingAsk           = "The ask"
	HeadingRoom          = "The room"
	HeadingObjections    = "Open objections"
	HeadingBlindSpots    = "Blind spots"
	HeadingPlan          = "Conversation plan"
	HeadingRisks         = "Risks"
	HeadingNextActions   = "Next actions"
	HeadingRelationships = "Relationship notes"
	HeadingRecentLog     = "Recent log"
)

// Title is the brief's top heading for a proposal title (unescaped).
func Title(title string) string { return "Readiness brief: " + model.Clean(title) }

// VerdictHeading is the heading that carries the verdict and the score. Once
// the forum has decided (or the proposal is archived) the outcome leads, since
// "Ready to pitch" would read oddly about a proposal already approved.
func VerdictHeading(status model.Status, v readiness.Verdict, score int) string {
	if !status.Open() {
		return fmt.Sprintf("Outcome: %s (preparation scored %d/100)", status, score)
	}
	return fmt.Sprintf("Verdict: %s (%d/100)", v, score)
}

// Markdown writes the readiness brief as markdown. Every piece of user text is
// escaped, so the markdown stays well formed whatever was typed; with
// Redact, every person is a role label (see Data).
func Markdown(d model.Dossier, r readiness.Readiness, opt Options) string {
	return renderBrief(Data(d, r, opt))
}

// mdWriter collects markdown; esc escapes user or generated text.
type mdWriter struct{ b strings.Builder }

func (w *mdWriter) line(parts ...string) {
	for _, p := range parts {
		w.b.WriteString(p)
	}
	w.b.WriteByte('\n')
}

func (w *mdWriter) heading(level int, text string) {
	w.line(strings.Repeat("#", level), " ", EscapeInline(text))
	w.line()
}

// table writes a GFM table; cells must already be escaped.
func (w *mdWriter) table(header []string, align string, rows [][]string) {
	w.line("| ", strings.Join(header, " | "), " |")
	seps := make([]string, len(header))
	for k := range seps {
		seps[k] = "---"
		if k < len(align) && align[k] == 'r' {
			seps[k] = "--:"
		}
	}
	w.line("|", strings.Join(seps, "|"), "|")
	for _, row := range rows {
		w.b.WriteString("| ")
		for k, cell := range row {
			if k > 0 {
				w.b.WriteString(" | ")
			}
			if cell == "" {
				cell = "—"
			}
			w.b.WriteString(cell)
		}
		w.b.WriteString(" |\n")
	}
	w.line()
}

func renderBrief(doc Doc) string {
	var w mdWriter
	// About half a kilobyte a person (their row in the room, the plan and
	// the relationship notes): one allocation instead of a dozen doublings.
	w.b.Grow(4096 + 512*len(doc.Room))
	esc := EscapeInline

	w.heading(1, Title(doc.Title))
	header := []string{}
	if doc.Forum != "" {
		header = append(header, esc(doc.Forum))
	} else {
		header = append(header, "no forum set")
	}
	header = append(header, decisionPhrase(doc.DecisionDate, doc.DaysLeft), "status: "+doc.Status.String())
	if doc.Sponsor {
		header = append(header, "redacted, sponsor edition")
	} else if doc.Redacted {
		header = append(header, "redacted")
	}
	header = append(header, "generated "+doc.Generated.String())
	w.line(strings.Join(header, " · "))
	w.line()
	if len(doc.WhatIf) > 0 {
		w.line("**What if:** ", esc(strings.Join(doc.WhatIf, "; ")), ". Nothing is saved: this is the room as it would be, not as the workbook has it.")
		w.line()
	}

	w.heading(2, VerdictHeading(doc.Status, doc.Verdict, doc.Score))
	rows := make([][]string, 0, len(doc.Factors)+1)
	for _, f := range doc.Factors {
		pts := fmt.Sprintf("%d / %d", f.Points, f.Max)
		if f.Key == readiness.FactorCap {
			pts = model.Signed(f.Points)
		}
		rows = append(rows, []string{esc(f.Name), pts, esc(f.Reason), esc(f.Basis)})
	}
	rows = append(rows, []string{"**Score**", fmt.Sprintf("**%d / 100**", doc.Score), "the sum of the points above", ""})
	w.table([]string{"Factor", "Points", "Why", "Based on"}, "-r--", rows)
	if len(doc.Caps) > 0 {
		w.line("Held at **", doc.Verdict.String(), "** whatever the other factors say: ", esc(strings.Join(doc.Caps, "; ")), ".")
		w.line()
	}
	if !doc.Status.Open() {
		w.line("The forum has decided. The factors above read the preparation as it stood; on them the verdict would be ", doc.Verdict.String(), ".")
		w.line()
	}

	w.heading(2, HeadingAsk)
	if doc.Ask == "" {
		w.line("No ask written yet: say in one or two sentences what the forum should decide.")
	} else {
		w.line(esc(doc.Ask))
	}
	w.line()
	w.line("Kind: ", doc.Kind.String(), " · decided by ", doc.Rule.String(), ".")
	w.line()

	renderRoom(&w, doc)
	renderObjections(&w, doc)
	renderBlindSpots(&w, doc)
	renderPlan(&w, doc)

	w.heading(2, HeadingRisks)
	if len(doc.Risks) == 0 {
		w.line("No risk flags raised.")
		w.line()
	} else {
		for _, k := range doc.Risks {
			w.line("- **", esc(k.Title), ".** ", esc(k.Evidence))
		}
		w.line()
	}

	w.heading(2, HeadingNextActions)
	if len(doc.NextActions) == 0 {
		w.line("Nothing pressing: keep the channel warm.")
	}
	for k, a := range doc.NextActions {
		w.line(strconv.Itoa(k+1), ". ", esc(a.Text))
	}
	w.line()

	renderRelationships(&w, doc)

	w.heading(2, HeadingRecentLog)
	if len(doc.RecentLog) == 0 {
		w.line("No conversations logged yet.")
		w.line()
	} else {
		rows = rows[:0]
		for _, t := range doc.RecentLog {
			// A conversation logged without a channel shows a dash, not the
			// enum's internal word "unset".
			channel := ""
			if t.Channel != model.VenueUnset {
				channel = t.Channel.String()
			}
			rows = append(rows, []string{t.Date.HumanAround(doc.Generated), esc(t.Whom), channel, t.Kind.String(), model.Signed(t.Sentiment),
				esc(model.Snippet(t.Said, 160)), esc(model.Snippet(t.Subtext, 120)), esc(model.Snippet(t.FollowUp, 80))})
		}
		w.table([]string{"When", "Whom", "Channel", "Kind", "Mood", "Said", "Not said", "Follow-up"}, "----r---", rows)
	}
	return strings.TrimRight(w.b.String(), "\n") + "\n"
}

// sentence ends generated or user text with a full stop unless it already
// ends a sentence.

func decisionPhrase(d model.Date, daysLeft int) string {
	if d.IsZero() {
		return "no decision date"
	}
	s := "decision " + d.Human() + " " + strconv.Itoa(d.Time().Year())
	switch {
	case daysLeft > 1:
		return fmt.Sprintf("%s (%d days left)", s, daysLeft)
	case daysLeft == 1:
		return s + " (tomorrow)"
	case daysLeft == 0:
		return s + " (today)"
	case daysLeft == -1:
		return s + " (yesterday)"
	}
	return fmt.Sprintf("%s (%d days ago)", s, -daysLeft)
}

// ForecastVerdict says in words how the room would decide on today's
// stances: "it **passes**", "it **fails** (2 short)", or, when undecided
// people could still carry it, that it does not pass today and why.
func ForecastVerdict(outcome string, short int) string {
	switch {
	case outcome == readiness.OutcomeUncertain && short > 0:
		return fmt.Sprintf("it does **not pass yet** (%d short), though the undecided could still carry it", short)
	case outcome == readiness.OutcomeUncertain:
		return "the votes are there, but a veto holder is **undecided**"
	case short > 0:
		return fmt.Sprintf("it **%s** (%d short)", outcome, short)
	}
	return "it **" + outcome + "**"
}

func renderRoom(w *mdWriter, doc Doc) {
	esc := EscapeInline
	w.heading(2, HeadingRoom)
	if !roomOpening(w, doc, esc) {
		return
	}
	rows := make([][]string, 0, len(doc.Room))
	for _, p := range doc.Room {
		who := esc(p.Name)
		if p.Title != "" {
			who += ", " + esc(p.Title)
		}
		role, stance := p.roleWithMarks("spoiler"), p.stanceToTarget()
		last := "never"
		if !p.LastSpoken.IsZero() {
			last = p.LastSpoken.HumanAround(doc.Generated)
		}
		rows = append(rows, []string{who, role, strconv.Itoa(p.Influence), stance, last, esc(p.NextStep)})
	}
	w.table([]string{"Who", "Role", "Influence", "Stance → target", "Last spoken to", "Next step"}, "--r---", rows)
	roomSwing(w, doc.Forecast.Swing, esc)
}

func renderObjections(w *mdWriter, doc Doc) {
	esc := EscapeInline
	w.heading(2, HeadingObjections)
	if len(doc.Objections) == 0 {
		w.line("None open.")
		w.line()
		return
	}
	rows := make([][]string, 0, len(doc.Objections))
	for _, o := range doc.Objections {
		rows = append(rows, []string{esc(o.Text), esc(o.RaisedBy), o.Severity.String(), o.Status.String(), esc(o.Response), esc(o.Voice)})
	}
	w.table([]string{"Objection", "Raised by", "Severity", "Status", "Our response", "Voice in the room"}, "", rows)
}

func renderBlindSpots(w *mdWriter, doc Doc) {
	esc := EscapeInline
	w.heading(2, HeadingBlindSpots)
	if len(doc.BlindSpots) == 0 {
		w.line("None recorded. Ask a trusted peer: am I thinking about this right?")
		w.line()
		return
	}
	rows := make([][]string, 0, len(doc.BlindSpots))
	for _, b := range doc.BlindSpots {
		rows = append(rows, []string{esc(b.Text), esc(b.SurfacedBy), b.Status.String(), esc(b.HowAddressed)})
	}
	w.table([]string{"Blind spot", "Surfaced by", "Status", "How addressed"}, "", rows)
}

func renderPlan(w *mdWriter, doc Doc) {
	esc := EscapeInline
	w.heading(2, HeadingPlan)
	if len(doc.Plan) == 0 {
		w.line("No talks left to hold.")
		w.line()
	} else {
		rows := make([][]string, 0, len(doc.Plan))
		for _, t := range doc.Plan {
			var when []string
			day := "no date"
			if !t.TargetDate.IsZero() {
				day = t.TargetDate.HumanAround(doc.Generated)
			}
			if !t.LatestSafe.IsZero() {
				day += " (latest " + t.LatestSafe.HumanAround(doc.Generated) + ")"
			}
			when = append(when, day)
			if t.Moment != model.MomentUnset {
				when = append(when, "moment: "+t.Moment.String())
			}
			if t.Before != "" {
				when = append(when, "ahead of "+t.Before)
			}
			if t.Overdue {
				when = append(when, "**overdue**")
			}
			if t.Critical {
				when = append(when, "critical path")
			}
			for k := range when {
				if !strings.HasPrefix(when[k], "**") {
					when[k] = esc(when[k])
				}
			}
			what := ""
			if t.Approach != model.ApproachUnset {
				what = t.Approach.String()
				if t.Message != "" {
					what += ": " + esc(t.Message)
				}
			} else if t.Message != "" {
				what = esc(t.Message)
			}
			where := ""
			if t.Venue != model.VenueUnset {
				where = t.Venue.String()
			}
			if t.Place != "" {
				if where != "" {
					where += ", "
				}
				where += esc(t.Place)
			}
			opener := ""
			if t.Opener != model.OpenerUnset {
				opener = t.Opener.String()
			}
			rows = append(rows, []string{strings.Join(when, "; "), esc(t.Whom) + " (" + t.Role.String() + ")", what, where, esc(opener), esc(t.Via)})
		}
		w.table([]string{"When", "Whom", "What", "Where", "Opener", "Via"}, "", rows)
	}
	planClosing(w, doc, esc)
}

func renderRelationships(w *mdWriter, doc Doc) {
	esc := EscapeInline
	w.heading(2, HeadingRelationships)
	if len(doc.Relationships) == 0 {
		w.line("No relationships yet.")
		w.line()
	}
	for _, r := range doc.Relationships {
		var facts []string
		if r.Partner != model.PartnerNone {
			facts = append(facts, r.Partner.String()+" partner")
		}
		if !doc.Sponsor {
			facts = append(facts, "discretion "+r.Discretion.String())
		}
		h := r.Health
		if h.LastSpoken.IsZero() {
			facts = append(facts, "never spoken")
		} else {
			facts = append(facts, fmt.Sprintf("last spoke %s (%s ago)", h.LastSpoken.HumanAround(doc.Generated), model.Plural(h.DaysSince, "day", "days")))
		}
		facts = append(facts, fmt.Sprintf("%s, %s", model.Plural(h.Gives, "give", "gives"), model.Plural(h.Asks, "ask", "asks")))
		if h.AskOnly {
			facts = append(facts, "**ask-only: give next**")
		} else if h.Due {
			facts = append(facts, fmt.Sprintf("**due a reconnect** (every %d days)", h.CadenceDays))
		}
		var notes []string
		for _, n := range []struct{ label, text string }{
			{"Wants", r.Wants}, {"Fears", r.Fears}, {"Value I bring", r.ValueIBring}, {"Notes", r.Notes},
		} {
			if n.text != "" {
				notes = append(notes, n.label+": "+esc(model.FullStop(model.Snippet(n.text, 200))))
			}
		}
		line := "- **" + esc(r.Name) + "**: " + strings.Join(facts, "; ") + "."
		if len(notes) > 0 {
			line += " " + strings.Join(notes, " ")
		}
		w.line(line)
	}
	if len(doc.Relationships) > 0 {
		w.line()
	}
	if doc.Sponsor {
		if doc.WhoKnowsCount == 0 {
			w.line("Who knows: nobody yet, on the records.")
		} else {
			w.line("Who knows: ", model.Plural(doc.WhoKnowsCount, "person", "people"), ", on the records (names left out of this edition).")
		}
	} else if len(doc.WhoKnows) == 0 {
		w.line("Who knows: nobody yet, on the log.")
	} else {
		parts := make([]string, 0, len(doc.WhoKnows))
		for _, k := range doc.WhoKnows {
			p := esc(k.Name) + " (" + k.Discretion.String() + " discretion, "
			if k.Since.IsZero() {
				p += "since a day not recorded"
			} else {
				p += "since " + k.Since.HumanAround(doc.Generated)
			}
			parts = append(parts, p+": "+k.Source+")")
		}
		w.line(fmt.Sprintf("Who knows (%d): ", len(doc.WhoKnows)), strings.Join(parts, ", "), ".")
	}
	w.line()
}

// roleWithMarks is the person's role with what makes them matter in the
// vote: "decision-maker (votes, veto)". spoiler is the word for the spoiler
// mark, which the terminal edition spells out.
func (p Person) roleWithMarks(spoiler string) string {
	role := p.Role.String()
	var marks []string
	for _, m := range []struct {
		on   bool
		word string
	}{{p.Votes, "votes"}, {p.Veto, "veto"}, {p.Spoiler, spoiler}, {p.Absent, "absent in this what-if"}} {
		if m.on {
			marks = append(marks, m.word)
		}
	}
	if len(marks) > 0 {
		role += " (" + strings.Join(marks, ", ") + ")"
	}
	return role
}

// stanceToTarget is the stance, with the target when it is still to reach:
// "skeptic → supporter".
func (p Person) stanceToTarget() string {
	stance := p.Stance.String()
	if !p.Stance.Known() || p.Stance < p.Target {
		stance += " → " + p.Target.String()
	}
	return stance
}

// roomOpening writes what both editions of the brief open the room with:
// the forecast, how fresh the stances are, or that nobody is named yet. It
// says whether there are people to list after it.
func roomOpening(w *mdWriter, doc Doc, esc func(string) string) bool {
	fc := doc.Forecast
	w.line(fmt.Sprintf("Forecast under %s: %d for, %d against, %d undecided; passing needs %s. On today's stances %s.",
		fc.Rule, fc.For, fc.Against, fc.Undecided, esc(fc.Needs), ForecastVerdict(fc.Outcome, fc.Short)))
	w.line()
	if rd := doc.Readings; rd.InRoom > 0 {
		line := fmt.Sprintf("Stances read within %d days: %d of %d in the room", readiness.FreshDays, rd.Recent, rd.InRoom)
		if rd.Old > 0 {
			line += fmt.Sprintf("; last read over %d days ago: %d", readiness.HalfLifeDays, rd.Old)
		}
		if rd.Never > 0 {
			line += fmt.Sprintf("; never talked to: %d", rd.Never)
		}
		w.line(line, ".")
		w.line()
	}
	if len(doc.Room) == 0 {
		w.line("Nobody named yet. Start with who decides, then who will be in the room.")
		w.line()
		return false
	}
	return true
}

// roomSwing lists, in both editions, what each swing vote's move would do
// (the first five).
func roomSwing(w *mdWriter, swing []string, esc func(string) string) {
	if len(swing) == 0 {
		return
	}
	w.line("Swing votes, what if they move:")
	w.line()
	for k, s := range swing {
		if k == 5 {
			w.line(fmt.Sprintf("- and %d more.", len(swing)-5))
			break
		}
		w.line("- ", esc(s))
	}
	w.line()
}

// planClosing ends the plan in both editions: the critical path and the
// conflicts between planned talks.
func planClosing(w *mdWriter, doc Doc, esc func(string) string) {
	if len(doc.CriticalPath) > 0 {
		w.line("Critical path: ", esc(strings.Join(doc.CriticalPath, " → ")), ".")
		w.line()
	}
	if len(doc.Conflicts) > 0 {
		w.line("Conflicts:")
		w.line()
		for _, c := range doc.Conflicts {
			w.line("- ", esc(c))
		}
		w.line()
	}
}
