package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// The Room, Plan and Log tables cut their cells to the width. enter or space
// opens the selected row in full, as the review screens do (review_full.go):
// every field on its own line, wrapped, scrolled with the movement keys; the
// row's keys (e edit, X remove, l log) still work; esc goes back to the list.

// fullView is the workspace's page of one row in full.
type fullView struct {
	active bool
	tab    wsTab
	id     int64
	off    int
}

// fullKey is the key that opens a row in full.
func newFullKey() key.Binding {
	return key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "full text"))
}

// canOpenFull says whether the current tab has rows that open in full.
func (w *workspace) canOpenFull() bool {
	switch w.tab {
	case tabRoom, tabPlan, tabLog:
		g := w.activeGrid()
		return w.loaded && g != nil && g.Len() > 0
	}
	return false
}

// openFull shows the selected row in full.
func (w *workspace) openFull() {
	if g := w.activeGrid(); g != nil {
		if r, ok := g.Selected(); ok {
			w.full = fullView{active: true, tab: w.tab, id: r.ID}
		}
	}
}

// closeFullIfGone goes back to the list when the row read in full has gone
// (removed, undone) or the tab changed.
func (w *workspace) closeFullIfGone() {
	if !w.full.active {
		return
	}
	g := w.activeGrid()
	if w.tab != w.full.tab || g == nil {
		w.full.active = false
		return
	}
	if r, ok := g.Selected(); !ok || r.ID != w.full.id {
		w.full.active = false
	}
}

// fullHeight is how many lines of the page show: the body under the
// workspace's head, less the heading (measured) and its gap and a line for
// the hint.
func (w *workspace) fullHeight() int { return max(w.bodyH-lipgloss.Height(w.fullHead())-1-1, 1) }

// fullHead is the heading over a row in full, on one line.
func (w *workspace) fullHead() string {
	what := map[wsTab]string{tabRoom: "Person", tabPlan: "Planned talk", tabLog: "Conversation"}[w.full.tab]
	return ansi.Truncate(w.st.Title.Render(what)+w.st.Muted.Render(" · in full · esc back to the list"), w.width, "…")
}

// fullKeyPress scrolls the page or closes it; it reports whether it used k.
func (w *workspace) fullKeyPress(k tea.KeyPressMsg) bool {
	lines := len(w.fullLines())
	page := w.fullHeight()
	switch {
	case k.String() == "esc":
		w.full.active = false
	case key.Matches(k, w.keys.Up):
		w.full.off--
	case key.Matches(k, w.keys.Down):
		w.full.off++
	case key.Matches(k, w.keys.PageUp):
		w.full.off -= page
	case key.Matches(k, w.keys.PageDown):
		w.full.off += page
	case key.Matches(k, w.keys.Top):
		w.full.off = 0
	case key.Matches(k, w.keys.Bottom):
		w.full.off = lines
	default:
		return false
	}
	w.full.off = max(min(w.full.off, lines-page), 0)
	return true
}

// fullPage draws the heading and the window of the page.
func (w *workspace) fullPage() string {
	st := w.st
	head := w.fullHead()
	lines := w.fullLines()
	win := w.fullHeight()
	off := max(min(w.full.off, len(lines)-win), 0)
	end := min(off+win, len(lines))
	out := head + "\n\n" + strings.Join(lines[off:end], "\n")
	if len(lines) > win {
		out += "\n" + st.Muted.Render(ansi.Truncate("lines "+itoa(off+1)+"–"+itoa(end)+" of "+itoa(len(lines))+" · ↑/↓ scroll", w.width, "…"))
	}
	return out
}

// fullLines is every field of the row read in full, wrapped to the width.
func (w *workspace) fullLines() []string {
	var f fields
	switch w.full.tab {
	case tabRoom, tabPlan:
		i, ok := w.stIndex[w.full.id]
		if !ok {
			return nil
		}
		s := w.d.Stakeholders[i]
		if w.full.tab == tabRoom {
			w.personFields(&f, s)
		} else {
			w.planFields(&f, s)
		}
	case tabLog:
		i, ok := w.tpIndex[w.full.id]
		if !ok {
			return nil
		}
		w.talkFields(&f, w.d.Touchpoints[i])
	}
	return f.lines(w.st, w.width)
}

// personFields are a stakeholder's part in the proposal and their plan.
func (w *workspace) personFields(f *fields, s model.Stakeholder) {
	c := w.d.Contacts[s.ContactID]
	f.add("Person", w.name(s.ID))
	f.add("Title", widget.JoinNonEmpty(", ", clean(c.Title), clean(c.Org)))
	var marks []string
	if s.Votes {
		marks = append(marks, "votes")
	}
	if s.Veto {
		marks = append(marks, "holds a veto")
	}
	if s.Spoiler {
		marks = append(marks, "possible spoiler")
	}
	role := s.Role.String()
	if len(marks) > 0 {
		role += " (" + strings.Join(marks, ", ") + ")"
	}
	f.add("Role", role+", influence "+itoa(s.Influence)+" of 5")
	f.add("Stance", s.Stance.String()+"; needed by the pitch: "+s.TargetStance.String())
	last := model.Date{}
	n := 0
	for _, t := range w.d.Touchpoints {
		if t.StakeholderID == s.ID {
			n++
			if t.Date.After(last) {
				last = t.Date
			}
		}
	}
	spoken := "never"
	if n > 0 {
		spoken = fullDate(last, w.b.today()) + " (" + agoPhrase(w.b.today(), last) + "); " + model.Plural(n, "conversation", "conversations") + " logged"
	}
	f.add("Spoken", spoken)
	f.add("Wants", clean(s.Wants))
	f.add("Fears", clean(s.Fears))
	w.planFields(f, s)
	f.add("Notes", clean(c.Notes))
}

// planFields are the next talk with someone: when, what, where, via whom.
func (w *workspace) planFields(f *fields, s model.Stakeholder) {
	p, today := s.Plan, w.b.today()
	if w.full.tab == tabPlan {
		f.add("Person", w.name(s.ID)+" ("+s.Role.String()+")")
	}
	if p.Done {
		f.add("Next talk", "held; plan the next one (e)")
		return
	}
	when := []string{}
	if !p.TargetDate.IsZero() {
		when = append(when, fullDate(p.TargetDate, today)+" ("+p.TargetDate.Relative(today, true)+")")
	}
	if p.Moment != model.MomentUnset {
		when = append(when, "moment: "+p.Moment.String())
	}
	if p.BeforeID != 0 {
		when = append(when, "before "+w.name(p.BeforeID))
	}
	for _, it := range w.r.Schedule.Items {
		if it.StakeholderID != s.ID {
			continue
		}
		if !it.LatestSafe.IsZero() {
			when = append(when, "latest safe day "+fullDate(it.LatestSafe, today))
		}
		if it.Overdue {
			when = append(when, "overdue")
		}
		if it.Critical {
			when = append(when, "on the critical path")
		}
	}
	f.add("When", orNotSet(strings.Join(when, "; ")))
	what := "not set"
	if p.Approach != model.ApproachUnset {
		what = p.Approach.String()
		if m := clean(p.Message); m != "" {
			what += ": " + m
		}
	}
	f.add("What", what)
	if p.Opener != model.OpenerUnset {
		f.add("Opener", p.Opener.String())
	}
	where := []string{}
	if p.Venue != model.VenueUnset {
		where = append(where, p.Venue.String())
	}
	if pl := clean(p.Place); pl != "" {
		where = append(where, pl)
	}
	f.add("Where", orNotSet(strings.Join(where, ", ")))
	if p.ViaID != 0 {
		f.add("Via", w.viaName(p.ViaID))
	}
}

// talkFields are a logged conversation, every word of it.
func (w *workspace) talkFields(f *fields, t model.Touchpoint) {
	today := w.b.today()
	f.add("Date", fullDate(t.Date, today))
	f.add("With", w.name(t.StakeholderID))
	kind := widget.JoinNonEmpty(", ", venueWord(t.Channel), t.Kind.String())
	if t.Opener != model.OpenerUnset {
		kind += ", opened with " + t.Opener.String()
	}
	f.add("How", kind)
	f.add("Mood", signed(t.Sentiment)+" (−2…+2)")
	f.add("Said", clean(t.Said))
	f.add("Not said", clean(t.Subtext))
	follow := clean(t.FollowUp)
	if t.Commitment != model.CommitmentNone && follow != "" {
		follow += " (" + t.Commitment.String()
		if !t.CommitmentDue.IsZero() {
			follow += ", due " + fullDate(t.CommitmentDue, today)
		}
		if t.CommitmentDone {
			follow += ", done"
		}
		follow += ")"
	}
	f.add("Follow-up", follow)
	if t.HeardViaID != 0 {
		if c, ok := w.d.Contacts[t.HeardViaID]; ok {
			f.add("Heard via", clean(c.Name))
		}
	}
}

// venueWord is a channel in words, empty when not recorded.
func venueWord(v model.Venue) string {
	if v == model.VenueUnset {
		return ""
	}
	return v.String()
}

// orNotSet is s, or "not set" for nothing.
func orNotSet(s string) string {
	if s == "" {
		return "not set"
	}
	return s
}

// fields is a label–value page: each value wrapped beside its label.
type fields struct{ rows [][2]string }

// add appends a field; an empty value is left out.
func (f *fields) add(label, value string) {
	if strings.TrimSpace(value) != "" {
		f.rows = append(f.rows, [2]string{label, value})
	}
}

// lines wraps each value to the width beside its label, continuation lines
// indented under the value.
func (f *fields) lines(st *Styles, width int) []string {
	lw := 0
	for _, r := range f.rows {
		lw = max(lw, ansi.StringWidth(r[0]))
	}
	lw += 2
	var out []string
	for _, r := range f.rows {
		for i, l := range widget.WrapText(r[1], max(width-lw, 10), 0) {
			label := strings.Repeat(" ", lw)
			if i == 0 {
				label = st.Muted.Render(r[0]+":") + strings.Repeat(" ", lw-ansi.StringWidth(r[0])-1)
			}
			out = append(out, label+l)
		}
	}
	return out
}
