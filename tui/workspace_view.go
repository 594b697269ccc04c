package tui

// How the workspace draws: the header with the score and the tabs, each
// tab's list and the detail under it.

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/tui/widget"
)

// buildTop renders the title, meta line and tab bar once per load or resize.
func (w *workspace) buildTop() {
	if (!w.loaded && !w.previewing) || w.width == 0 {
		w.top = ""
		return
	}
	st, p, r, today := w.st, w.d.Proposal, w.r, w.b.today()
	verdict := r.Verdict.String() + " · " + itoa(r.Score) + "/100"
	var vs lipgloss.Style
	switch r.Verdict {
	case readiness.ReadyToPitch:
		vs = st.Good.Bold(true)
	case readiness.NotReady:
		vs = st.Bad
	default:
		vs = st.Warn.Bold(true)
	}
	if !p.Status.Open() {
		// Decided or archived: the outcome, not how ready it was.
		verdict, vs = p.Status.String()+" · "+itoa(r.Score)+"/100", st.Title
	}
	title := clean(p.Title)
	room := w.width - ansi.StringWidth(verdict) - 2
	line1 := st.Title.Render(ansi.Truncate(title, max(room, 10), "…"))
	if gap := w.width - ansi.StringWidth(ansi.Truncate(title, max(room, 10), "…")) - ansi.StringWidth(verdict); gap >= 2 {
		line1 += strings.Repeat(" ", gap) + vs.Render(verdict)
	}
	decision := "no decision date"
	if !p.DecisionDate.IsZero() {
		decision = "decision " + fullDate(p.DecisionDate, today) + " (" + whenRelative(p.DecisionDate, today) + ")"
	}
	meta := widget.JoinNonEmpty(" · ", clean(p.Forum), decision, p.Status.String(), p.DecisionRule.String())
	line2 := st.Muted.Render(ansi.Truncate(meta, w.width, "…"))
	w.top = line1 + "\n" + line2
}

// tabBar draws the tabs with the active one marked.
func (w *workspace) tabBar() string {
	parts := make([]string, tabCount)
	labels := make([]string, tabCount)
	for i, n := range tabNames {
		label := itoa(i+1) + " " + n
		if w.loaded {
			switch wsTab(i) {
			case tabRoom:
				label += " (" + itoa(len(w.d.Stakeholders)) + ")"
			case tabPlan:
				label += " (" + itoa(w.plan.Len()) + ")"
			case tabLog:
				label += " (" + itoa(len(w.d.Touchpoints)) + ")"
			case tabObjections:
				label += " (" + itoa(liveObjections(w.d)) + ")"
			case tabBlindSpots:
				label += " (" + itoa(unaddressedBlindSpots(w.d)) + ")"
			}
		}
		labels[i] = label
		parts[i] = w.tabLabel(wsTab(i), label)
	}
	bar := strings.Join(parts, "")
	if ansi.StringWidth(bar) > w.width {
		// Narrower: drop the numbers, keep the counts.
		for i := range parts {
			label := strings.TrimLeft(labels[i], "0123456789 ")
			parts[i] = w.tabLabel(wsTab(i), label)
		}
		bar = strings.Join(parts, "")
	}
	if ansi.StringWidth(bar) > w.width {
		// Narrowest: the names alone.
		for i, n := range tabNames {
			parts[i] = w.tabLabel(wsTab(i), n)
		}
		bar = ansi.Truncate(strings.Join(parts, ""), w.width, "…")
	}
	return bar
}

// tabLabel draws one tab; the active one is bracketed so it reads without colour.
func (w *workspace) tabLabel(t wsTab, label string) string {
	if t == w.tab {
		return w.st.TabActive.Render("[" + label + "]")
	}
	return w.st.Tab.Render(" " + label + " ")
}

// liveObjections counts objections still open or being addressed.
func liveObjections(d model.Dossier) int {
	n := 0
	for _, o := range d.Objections {
		if o.Status.Live() {
			n++
		}
	}
	return n
}

// unaddressedBlindSpots counts blind spots not yet addressed.
func unaddressedBlindSpots(d model.Dossier) int {
	n := 0
	for _, b := range d.BlindSpots {
		if b.Status == model.BlindSpotOpen {
			n++
		}
	}
	return n
}

// View shows the header, the tab bar and the active tab.
func (w *workspace) View() string {
	st := w.st
	if !w.loaded {
		if w.loading && w.previewing {
			return w.head() + "\n" + st.Muted.Render("Loading the proposal…")
		}
		if w.loading {
			return st.Muted.Render("Loading the proposal…")
		}
		return st.Muted.Render("This proposal could not be loaded. Press esc to go back.")
	}
	var body string
	switch w.tab {
	case tabSummary:
		body = w.summaryView()
	case tabRoom, tabPlan, tabLog:
		if w.full.active {
			body = w.fullPage()
			break
		}
		body = w.listView()
	case tabObjections:
		body = w.objs.View(st.grid())
	case tabBlindSpots:
		body = w.spots.View(st.grid())
	}
	return w.head() + "\n" + body
}

// head is what every tab shows above its content: the title and meta
// lines, the tab bar and a gap.
func (w *workspace) head() string { return w.top + "\n" + w.tabBar() + "\n" }

// listView is the Room, Plan or Log tab's table with what goes under it.
func (w *workspace) listView() string {
	st := w.st
	var body string
	switch w.tab {
	case tabRoom:
		detail := w.roomDetail()
		if w.whatIf.active {
			detail = w.whatIfDetail()
		}
		body = w.forecastLine() + "\n" + w.room.View(st.grid()) + "\n" + w.roomLegend() + "\n" + detail
	case tabPlan:
		body = w.plan.View(st.grid()) + "\n" + w.planFooter()
	case tabLog:
		body = w.log.View(st.grid()) + "\n" + w.logDetail()
	}
	return body
}

// summaryView is the glamour-rendered brief from the cache.
func (w *workspace) summaryView() string {
	if _, ok := w.b.briefs.get(w.briefKey()); !ok {
		return w.st.Muted.Render("Rendering the readiness brief…")
	}
	return w.summary.View()
}

// roomLegend explains the marks and says where the window is.
func (w *workspace) roomLegend() string {
	legend := "◆ swing (their move changes the outcome)  V veto  ! possible spoiler"
	return w.st.Muted.Render(ansi.Truncate(legend, w.width, "…"))
}

// roomDetail spells out the selected person's plan and interests, which the
// table can only abbreviate.
func (w *workspace) roomDetail() string {
	r, ok := w.room.Selected()
	if !ok {
		return ""
	}
	i, ok := w.stIndex[r.ID]
	if !ok {
		return ""
	}
	s := w.d.Stakeholders[i]
	p := s.Plan
	next := "no talk planned"
	if !p.Done && (p.HasWhen() || p.HasWhat() || p.HasWhere()) {
		where := planWhere(p)
		if p.Place != "" && p.Venue != model.VenueUnset {
			where += " (" + clean(p.Place) + ")"
		}
		parts := []string{dateOr(p.TargetDate, w.b.today(), p.Moment.String()), where, planWhat(p)}
		if p.Opener != model.OpenerUnset {
			parts = append(parts, "open with "+p.Opener.String())
		}
		if p.ViaID != 0 {
			parts = append(parts, "via "+w.viaName(p.ViaID))
		}
		if p.BeforeID != 0 {
			parts = append(parts, "before "+w.name(p.BeforeID))
		}
		next = widget.JoinNonEmpty(" · ", parts...)
	}
	wants, fears := clean(s.Wants), clean(s.Fears)
	if wants == "" {
		wants = "?"
	}
	if fears == "" {
		fears = "?"
	}
	st := w.st
	return st.Muted.Render("Next:  ") + ansi.Truncate(next, max(w.width-7, 1), "…") + "\n" +
		st.Muted.Render("Wants: ") + ansi.Truncate(wants+st.Muted.Render("  Fears: ")+fears, max(w.width-7, 1), "…")
}

// planFooter explains the marks and lists schedule conflicts.
func (w *workspace) planFooter() string {
	lines := []string{w.planLegend()}
	for i, n := range w.planNotes {
		if i == planNoteLines {
			break
		}
		lines = append(lines, w.st.Warn.Render(ansi.Truncate(n, w.width, "…")))
	}
	return strings.Join(lines, "\n")
}

// planLegend explains the Plan's marks. Without colour the warning tone is
// bold, and the legend says so.
func (w *workspace) planLegend() string {
	tone := "in the warning colour"
	if w.st.noColor {
		tone = "in bold"
	}
	legend := "* on the critical path  ·  overdue talks " + tone
	return w.st.Muted.Render(ansi.Truncate(legend, w.width, "…"))
}

// logDetail shows what was said and not said in the selected conversation.
func (w *workspace) logDetail() string {
	r, ok := w.log.Selected()
	if !ok {
		return ""
	}
	if i, ok := w.tpIndex[r.ID]; ok {
		t := w.d.Touchpoints[i]
		var out []string
		if said := widget.WrapText(t.Said, w.width-10, 1); len(said) > 0 {
			out = append(out, w.st.Muted.Render("Said:     ")+said[0])
		}
		if sub := widget.WrapText(t.Subtext, w.width-10, 1); len(sub) > 0 {
			out = append(out, w.st.Muted.Render("Not said: ")+sub[0])
		}
		if fu := widget.WrapText(t.FollowUp, w.width-10, 1); len(fu) > 0 {
			out = append(out, w.st.Muted.Render("Follow-up:")+" "+fu[0])
		}
		return strings.Join(out, "\n")
	}
	return ""
}
