package tui

import (
	"errors"
	"strings"

	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/tui/widget"
)

// proposalForm asks for the proposal: title, the ask, kind, then the forum,
// the decision date and how the forum decides.
func (w *walkthrough) proposalForm() *huh.Form {
	d := w.draft
	today := w.b.today()
	// "other" (where a new proposal starts) comes first: choices stop at
	// their ends, so → moves on to the named kinds.
	kinds := enumOptions(widget.StartFirst(model.ProposalKinds(), model.KindOther))
	rules := enumOptions(model.DecisionRules())
	return huh.NewForm(
		w.plan.group(
			huh.NewInput().Title("Title").Placeholder("what you will call it, e.g. Consolidate the data warehouses").
				Value(&d.Title).CharLimit(model.MaxNameLen).
				Validate(func(s string) error {
					if strings.TrimSpace(s) == "" {
						return errors.New("give the proposal a title")
					}
					return nil
				}),
			huh.NewText().Title("The ask").Description("one or two sentences: what you want the forum to decide").
				Lines(3).Value(&d.Ask).CharLimit(model.MaxTextLen),
			widget.StopAtEnds(huh.NewSelect[model.ProposalKind]().Title("Kind").Inline(true).
				Options(kinds...).Value(&d.Kind), kinds),
		).Title("The proposal"),
		w.plan.group(
			huh.NewInput().Title("The formal forum").Placeholder("e.g. Q1 steering committee").
				Value(&d.Forum).CharLimit(model.MaxNameLen),
			huh.NewInput().Title("Decision date").Description("e.g. 2026-12-15, +3w, friday; leave blank if not set").
				Value(&d.Date).Validate(func(s string) error { _, err := model.ParseDate(s, today); return err }),
			widget.StopAtEnds(huh.NewSelect[model.DecisionRule]().Title("How does the forum decide?").Inline(true).
				Options(rules...).Value(&d.Rule), rules),
		).Title("The forum").Description("where and when the decision is made"),
	)
}

// whenForm asks which of the four moments the prep is in, with the timeline
// back from the decision date.
func (w *walkthrough) whenForm() *huh.Form {
	d := w.draft
	opts := make([]huh.Option[model.Moment], 0, 4)
	for _, m := range model.Moments() {
		opts = append(opts, huh.NewOption(m.String()+" — "+m.Purpose(), m))
	}
	return huh.NewForm(w.plan.group(
		widget.StopAtEnds(huh.NewSelect[model.Moment]().Title("Which moment are you in?").Options(opts...).Value(&d.Moment), opts),
	).Title("When").Description(w.timeline()))
}

// timeline describes the run-up to the decision in a few lines.
func (w *walkthrough) timeline() string {
	p, today := w.p, w.b.today()
	if p.DecisionDate.IsZero() {
		return "No decision date yet. Without one the prep can drift into an endless game;\nset it in the proposal step: shift+tab goes back to it, 1–6 to any step."
	}
	days := today.DaysUntil(p.DecisionDate)
	forum := clean(p.Forum)
	if forum == "" {
		forum = "the forum"
	}
	lines := []string{"Today " + today.Human() + " ── " + model.Plural(max(days, 0), "day", "days") + " ── " + forum + " decides " + fullDate(p.DecisionDate, today) + "."}
	switch {
	case days < 0:
		lines = append(lines, "The decision date has passed: move it, or record the outcome.")
	case days <= 7:
		lines = append(lines, "Less than a week: talk first to whoever decides and whoever could block it.")
	default:
		lines = append(lines, "Work back from the decision: win the deciders' support before the last week,", "and leave room for people who must hear it from someone else first.")
	}
	planned, overdue := len(w.r.Schedule.Items), 0
	for _, it := range w.r.Schedule.Items {
		if it.Overdue {
			overdue++
		}
	}
	if planned > 0 {
		l := model.Plural(planned, "talk", "talks") + " planned"
		if overdue > 0 {
			l += ", " + itoa(overdue) + " overdue"
		}
		lines = append(lines, l+".")
	}
	return strings.Join(lines, "\n")
}

// buildPeople fills the list for the whom, what or where step.
func (w *walkthrough) buildPeople() {
	var cols []widget.Column
	empty := "Nobody yet. Press a to add the person who decides."
	switch w.step {
	case walkWhat:
		cols = []widget.Column{{Width: 1}, {Title: "Person", Min: 15}, {Title: "Stance", Width: 9, Priority: 1},
			{Title: "Ask/share", Width: 9}, {Title: "Message", Min: 30}, {Title: "Opener", Width: 23, Priority: 2}}
		empty = "Nobody on the proposal yet. Go back (shift+tab) to add people."
	case walkWhere:
		cols = []widget.Column{{Width: 1}, {Title: "Person", Min: 15}, {Title: "Talk by", Width: 10},
			{Title: "Before", Min: 8, Priority: 2}, {Title: "Where", Min: 13}, {Title: "Via", Min: 8, Priority: 1}}
		empty = "Nobody on the proposal yet. Go back (shift+tab) to add people."
	default:
		cols = []widget.Column{{Width: 1}, {Title: "Person", Min: 15}, {Title: "Partner", Width: 10, Priority: 1},
			{Title: "Role", Width: 11}, {Title: "Stance→target", Width: 18}, {Title: "Team", Min: 8, Priority: 2}}
	}
	cursor := w.people.Cursor()
	w.people = widget.NewGrid(cols, empty)
	w.people.SetSize(w.width, max(w.sizes.people, 3))
	names := make(map[int64]string, len(w.d.Stakeholders))
	for _, s := range w.d.Stakeholders {
		names[s.ID] = clean(w.d.Contacts[s.ContactID].Name)
	}
	rows := make([]widget.Row, 0, len(w.d.Stakeholders))
	for _, s := range w.d.Stakeholders {
		c := w.d.Contacts[s.ContactID]
		var cells []string
		done := false
		switch w.step {
		case walkWhat:
			done = s.Plan.HasWhat()
			cells = []string{"", names[s.ID], s.Stance.String(), approachOr(s.Plan.Approach), clean(s.Plan.Message), openerOr(s.Plan.Opener)}
		case walkWhere:
			done = s.Plan.HasWhere() && s.Plan.HasWhen()
			before := ""
			if s.Plan.BeforeID != 0 {
				before = "before " + names[s.Plan.BeforeID]
			}
			via := ""
			if s.Plan.ViaID != 0 {
				via = clean(w.d.Contacts[s.Plan.ViaID].Name)
			}
			cells = []string{"", names[s.ID], dateOr(s.Plan.TargetDate, w.b.today(), "—"), before, planWhere(s.Plan), via}
		default:
			done = true
			mark := ""
			if s.Spoiler {
				mark = "!"
			}
			cells = []string{mark, names[s.ID], c.Kind.String(), shortRole(s.Role), stanceArrow(s.Stance, s.TargetStance), clean(c.Org)}
		}
		t := widget.ToneNormal
		if w.step != walkWhom {
			if done {
				cells[0] = "✓"
			} else {
				t = widget.ToneWarn
				cells[0] = "·"
			}
		}
		rows = append(rows, widget.Row{ID: s.ID, Tone: t, Cells: cells})
	}
	w.people.SetRows(rows)
	w.people.SetCursor(cursor)
}

// approachOr is the approach, or a dash when unset.
func approachOr(a model.Approach) string {
	if a == model.ApproachUnset {
		return "—"
	}
	return a.String()
}

// openerOr is the opener, or a dash when unset.
func openerOr(o model.Opener) string {
	if o == model.OpenerUnset {
		return "—"
	}
	return o.String()
}

// firstIncomplete is the first person the current step still needs, or -1.
func (w *walkthrough) firstIncomplete() int {
	for i, s := range w.d.Stakeholders {
		switch w.step {
		case walkWhat:
			if !s.Plan.HasWhat() {
				return i
			}
		case walkWhere:
			if !s.Plan.HasWhere() || !s.Plan.HasWhen() {
				return i
			}
		}
	}
	return -1
}

// listHead is the heading and prompts of the whom, what or where step, as
// drawn over its list of people.
func (w *walkthrough) listHead() string {
	st := w.st
	var heading string
	var intro []string
	todo := 0
	for _, s := range w.d.Stakeholders {
		switch {
		case w.step == walkWhat && !s.Plan.HasWhat():
			todo++
		case w.step == walkWhere && (!s.Plan.HasWhere() || !s.Plan.HasWhen()):
			todo++
		}
	}
	n := len(w.d.Stakeholders)
	switch w.step {
	case walkWhom:
		heading = "Whom will you talk to?"
		intro = w.whomIntro()
	case walkWhat:
		heading = "What will you bring each of them?"
		intro = []string{st.Text.Render("For each person: an ask or a share, the message in one line, and how you will open."),
			progressNote(st, n-todo, n)}
	case walkWhere:
		heading = "When and where will you talk to them?"
		intro = []string{st.Text.Render("For each person: when (and who must hear it first), where, and through whom."),
			progressNote(st, n-todo, n)}
	}
	intro = widget.WrapLines(intro, w.width)
	if len(intro) > 4 {
		intro = intro[:4]
	}
	return strings.Join(append([]string{st.Heading.Render(heading)}, intro...), "\n")
}

// progressNote says how many people the step has covered.
func progressNote(st *Styles, done, total int) string {
	if total == 0 {
		return st.Warn.Render("Nobody on the proposal yet.")
	}
	if done == total {
		return st.Good.Render("All " + itoa(total) + " done. Press tab to go on.")
	}
	return st.Muted.Render(itoa(done) + " of " + itoa(total) + " done. Press enter on a person to fill in; tab goes on when you are ready.")
}

// whomIntro prompts for the missing partner kinds, the objectors and the room.
func (w *walkthrough) whomIntro() []string {
	st, d := w.st, w.d
	var out []string
	if missing := missingKinds(d); len(missing) > 0 {
		out = append(out, st.Warn.Render("Partners still missing: "+strings.Join(missing, ", ")+"."))
	} else {
		out = append(out, st.Good.Render("You have a lateral partner, an influencer and a willing partner."))
	}
	var against, room []string
	for _, s := range d.Stakeholders {
		name := clean(d.Contacts[s.ContactID].Name)
		if s.Stance.Against() || s.Spoiler {
			against = append(against, name)
		}
		if s.Role.InRoom() {
			room = append(room, name)
		}
	}
	if len(against) == 0 {
		out = append(out, st.Text.Render("Who will object? Nobody is marked skeptic, opponent or spoiler yet."))
	} else {
		out = append(out, st.Text.Render("Who will object? So far: "+strings.Join(limitNames(against, 4), ", ")+"."))
	}
	if len(room) == 0 {
		out = append(out, st.Text.Render("Who will be in the room? Nobody yet: add who decides."))
	} else {
		out = append(out, st.Text.Render("Who will be in the room? So far: "+strings.Join(limitNames(room, 4), ", ")+"."))
	}
	if len(d.Stakeholders) == 0 {
		out = append(out, st.Muted.Render("Press a to add a person."))
	} else {
		out = append(out, st.Muted.Render("a adds a person · enter edits the selected one · tab goes on to what"))
	}
	return out
}

// limitNames keeps the first n names and counts the rest.
func limitNames(names []string, n int) []string {
	if len(names) <= n {
		return names
	}
	return append(names[:n:n], "and "+itoa(len(names)-n)+" more")
}

// reviewText is the readiness summary: verdict, score, factors, next
// actions and risks. It scrolls, so every reason, action and risk is there
// whole, wrapped to the width, none cut.
func (w *walkthrough) reviewText() string {
	st, r, width := w.st, w.r, max(w.width, 20)
	vs := st.Warn.Bold(true)
	switch r.Verdict {
	case readiness.ReadyToPitch:
		vs = st.Good.Bold(true)
	case readiness.NotReady:
		vs = st.Bad
	}
	verdict := r.Verdict.String()
	if !w.p.Status.Open() {
		// Decided or archived: the outcome, as the dashboard and the
		// workspace show it, not "Ready to pitch" for something pitched.
		verdict, vs = w.p.Status.String(), st.Title
	}
	lines := []string{vs.Render(verdict+" · "+itoa(r.Score)+"/100") + st.Muted.Render("  readiness of “"+ansi.Truncate(clean(w.p.Title), max(width-40, 10), "…")+"”")}
	if !w.p.DecisionDate.IsZero() {
		lines = append(lines, st.Muted.Render("Decision "+fullDate(w.p.DecisionDate, w.b.today())+" ("+whenRelative(w.p.DecisionDate, w.b.today())+")"))
	}
	lines = append(lines, "", st.Heading.Render("How the score is made"))
	nameW := 0
	for _, f := range r.Factors {
		nameW = max(nameW, ansi.StringWidth(f.Name))
	}
	for _, f := range r.Factors {
		pts := itoa(f.Points) + "/" + itoa(f.Max)
		if f.Key == readiness.FactorCap {
			pts = signed(f.Points) // a cap takes points; it has no maximum
		}
		head := "  " + widget.Fit(clean(f.Name), nameW, false) + "  " + widget.Fit(pts, 6, true) + "  "
		hw := ansi.StringWidth(head)
		for i, l := range widget.WrapText(f.Reason, max(width-hw, 10), 0) {
			if i == 0 {
				lines = append(lines, head+l)
			} else {
				lines = append(lines, strings.Repeat(" ", hw)+st.Muted.Render(l))
			}
		}
	}
	if len(r.NextActions) > 0 {
		lines = append(lines, "", st.Heading.Render("Next actions"))
		for i, a := range r.NextActions {
			num := "  " + itoa(i+1) + ". "
			for j, l := range widget.WrapText(a.Text, max(width-len(num), 10), 0) {
				prefix := strings.Repeat(" ", len(num))
				if j == 0 {
					prefix = num
				}
				lines = append(lines, prefix+l)
			}
		}
	}
	if len(r.Risks) > 0 {
		lines = append(lines, "", st.Heading.Render("Risks"))
		for _, k := range r.Risks {
			for j, l := range widget.WrapText(clean(k.Title)+": "+clean(k.Evidence), max(width-4, 10), 0) {
				prefix := "    "
				if j == 0 {
					prefix = "  ⚠ "
				}
				lines = append(lines, st.Warn.Render(prefix+l))
			}
		}
	}
	return strings.Join(lines, "\n")
}
