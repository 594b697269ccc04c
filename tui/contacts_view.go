package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// contactRow is one directory row and its flags, most telling first: last
// time they did not act as they had said, I only ever ask, the reconnect
// cadence has run out. The flag column shortens its cell to its width
// (shortenFlags).
func contactRow(c model.Contact, d *peopleData, today model.Date) (widget.Row, []string) {
	h := d.health[c.ID]
	var flags []string
	if sd, ok := d.sayDoOf(c.ID); ok && sd.gap {
		flags = append(flags, "said≠did")
	}
	if h.AskOnly {
		flags = append(flags, "ask-only")
	}
	if h.Due {
		flags = append(flags, "reconnect")
	}
	name := clean(c.Name)
	t := widget.ToneNormal
	switch {
	case c.Archived:
		name += " (archived)"
		t = widget.ToneMuted
	case len(flags) > 0:
		t = widget.ToneWarn
	}
	kind := c.Kind.String()
	if c.Kind == model.PartnerNone {
		kind = "—"
	}
	return widget.Row{ID: c.ID, Tone: t, Cells: []string{
		name,
		widget.JoinNonEmpty(" · ", clean(c.Title), clean(c.Org)),
		kind,
		c.Discretion.String(),
		agoPhrase(today, h.LastSpoken),
		itoa(h.Gives) + "/" + itoa(h.Asks),
		strings.Join(flags, flagSep),
	}}, flags
}

// flagSep joins the flags in their cell; no flag word holds it.
const flagSep = ", "

// shortenFlags fits a flag cell that is too wide for its column: the first
// flag with how many more there are ("said≠did +1"); the person's page
// (enter) lists them all; the legend says what +N means.
func shortenFlags(cell string, width int) string {
	flags := strings.Split(cell, flagSep)
	if len(flags) < 2 {
		return cell
	}
	return flags[0] + " +" + itoa(len(flags)-1)
}

// View shows the list, a person's page, or the form.
func (s *contactsScreen) View() string {
	st := s.st
	switch {
	case !s.loaded && s.loading:
		return st.Muted.Render("Loading contacts…")
	case !s.loaded:
		return st.Muted.Render("The contacts could not be loaded. Press ctrl+r to try again, esc to go back.")
	case s.imp != nil:
		return s.imp.view()
	case s.host.Form != nil && (s.host.Active() || s.waiting):
		return s.formView()
	case s.mode == contactsDetail:
		return s.detailView()
	}
	return s.listView()
}

// listTop is the list's head as drawn: the count, and the filter line,
// which goes on to a second line between its parts rather than hiding the
// sort order or "with archived" behind a long search.
func (s *contactsScreen) listTop() string {
	st := s.st
	head := st.Title.Render(model.Plural(s.active, "contact", "contacts"))
	if s.flagged > 0 {
		head += st.Warn.Render(" · " + itoa(s.flagged) + " need attention")
	}
	order := "attention first"
	if s.byName {
		order = "by name"
	}
	filters := []string{s.SearchPart(st.filters(), "find by name"), widget.FilterPart(st.filters(), "s", "sorted "+order, false)}
	if s.archived {
		filters = append(filters, widget.FilterPart(st.filters(), "A", "with archived", true))
	}
	lines := append([]string{ansi.Truncate(head, s.width, "…")}, widget.Pack(filters, "   ", s.width)...)
	return strings.Join(lines, "\n")
}

// legend explains every flag and the "+N" of a cut flag cell; where one
// line cannot hold it, a shorter wording that still names them all.
func (s *contactsScreen) legend() string {
	text := "said≠did: acted unlike their word · ask-only: never gives · reconnect: overdue · +N: N more flags"
	if ansi.StringWidth(text) > s.width {
		text = "said≠did: did not act as said · ask-only: never gives · reconnect: due · +N more"
	}
	return s.st.Muted.Render(ansi.Truncate(text, s.width, "…"))
}

// listView is the head, the list and the legend.
func (s *contactsScreen) listView() string {
	st := s.st
	var body string
	switch {
	case s.list.Len() > 0:
		body = s.list.View(st.grid())
	case len(s.data.contacts) == 0:
		body = st.Text.Render("No contacts yet.") + "\n" +
			st.Muted.Render(ansi.Truncate("Press a to add someone, or add people to a proposal from its workspace.", s.width, "…")) + "\n" +
			st.Muted.Render(ansi.Truncate("Press i to import a vCard or CSV export (Google, Outlook, LinkedIn, phone).", s.width, "…"))
	case s.Query != "":
		body = st.Text.Render(ansi.Truncate("Nobody’s name contains “"+s.Query+"”.", s.width, "…")) + "\n" +
			st.Muted.Render("esc or ctrl+u clears the search.")
	default:
		body = st.Text.Render("Every contact is archived.") + "\n" + st.Muted.Render("Press A to show them.")
	}
	if len(s.data.contacts) == 0 {
		return widget.Clip(body, s.width, s.height)
	}
	legend := s.legend()
	return widget.Clip(s.listTop()+"\n\n"+body, s.width, max(s.height-lipgloss.Height(legend), 1)) + "\n" + legend
}

// detailView is the window of the person's page, with where it is when the
// page is longer than the screen.
func (s *contactsScreen) detailView() string {
	lines := s.detail
	if len(lines) <= s.height {
		return strings.Join(lines, "\n")
	}
	end := min(s.detailOff+s.detailWindow(), len(lines))
	hint := "lines " + itoa(s.detailOff+1) + "–" + itoa(end) + " of " + itoa(len(lines)) + " · ↑/↓ scroll"
	return strings.Join(lines[s.detailOff:end], "\n") + "\n" + s.st.Muted.Render(ansi.Truncate(hint, s.width, "…"))
}

// buildDetail renders the person's page once per open, load, resize or
// restyle: who they are, the health of the relationship, the value I bring
// and notes, their part in every proposal with how they acted in the room
// beside what they said, and the recent conversations.
func (s *contactsScreen) buildDetail() {
	s.detail = nil
	if s.data == nil || s.width == 0 || s.mode != contactsDetail {
		return
	}
	c, ok := s.data.contact(s.detailID)
	if !ok {
		return
	}
	st, w, today := s.st, s.width, s.b.today()
	h := s.data.health[c.ID]
	var out []string
	add := func(line string) { out = append(out, ansi.Truncate(line, w, "…")) }
	// wrapped adds a line too long for the page as several, the later ones
	// indented under the first.
	wrapped := func(line string, indent int) {
		for i, l := range strings.Split(ansi.Wrap(line, max(w-indent, 10), ""), "\n") {
			if i > 0 {
				l = strings.Repeat(" ", indent) + l
			}
			add(l)
		}
	}

	name := st.Title.Render(clean(c.Name))
	if c.Archived {
		name += st.Muted.Render(" (archived)")
	}
	add(name)
	if who := widget.JoinNonEmpty(" · ", clean(c.Title), clean(c.Org), clean(c.Email)); who != "" {
		add(st.Muted.Render(who))
	}
	kind := c.Kind.String() + " partner"
	if c.Kind == model.PartnerNone {
		kind = "no partner kind yet"
	}
	add(st.Text.Render(kind + " · discretion " + c.Discretion.String() + " · reconnect every " + itoa(h.CadenceDays) + "d"))
	add(s.healthLine(h, today))
	if h.Due {
		wrapped(st.Warn.Render("⚠ Reconnect due: "+itoa(h.DaysSince)+" days since you last spoke; the cadence is "+itoa(h.CadenceDays)+"."), 2)
	}
	if h.AskOnly {
		wrapped(st.Warn.Render("⚠ Ask-only: "+model.Plural(h.Asks, "ask", "asks")+" and nothing given. Share something useful or thank them first."), 2)
	}
	if sd, ok := s.data.sayDoOf(c.ID); ok && sd.gap {
		last := s.data.lastDebrief[c.ID]
		wrapped(st.toneStyle(sd.tone).Render("≠ Last time, on “"+clean(s.data.proposals[last.ProposalID].Title)+"”: "+sd.phrase+"."), 2)
	}

	notes := append(labelled(st, "Value I bring:", c.ValueIBring, w, 4), labelled(st, "Notes:", c.Notes, w, 6)...)
	if len(notes) > 0 {
		out = append(out, "")
		out = append(out, notes...)
	}

	stakes := s.data.stakes[c.ID]
	out = append(out, "", st.Heading.Render("Across proposals ("+itoa(len(stakes))+")"))
	if len(stakes) == 0 {
		add(st.Muted.Render("Not on any proposal yet."))
	}
	for _, sk := range stakes {
		p := s.data.proposals[sk.ProposalID]
		meta := []string{outcomeWord(p.Status)}
		if p.Status.Open() {
			meta[0] = p.Status.String()
		}
		if !p.DecisionDate.IsZero() {
			meta = append(meta, fullDate(p.DecisionDate, today))
		}
		wrapped(st.Text.Bold(true).Render("• "+clean(p.Title))+st.Muted.Render(" · "+strings.Join(meta, " · ")), 2)
		wrapped("  "+s.partLine(sk, p), 2)
	}

	if s.talksOf != c.ID {
		out = append(out, "", st.Heading.Render("Conversations"), st.Muted.Render("Reading the conversations…"))
		s.detail = out
		s.clampDetail()
		return
	}
	talks := s.talks
	out = append(out, "", st.Heading.Render("Conversations ("+itoa(len(talks))+")"))
	if len(talks) == 0 {
		add(st.Muted.Render("No conversations logged with them yet."))
	}
	// With several proposals, a column says which one each talk was about.
	about := 0
	if len(stakes) > 1 {
		about = min(max(w/5, 12), 24)
	}
	// Every conversation, each said in full, wrapped under its date: the
	// page scrolls, and nothing said is cut without a way to read it.
	for _, t := range talks {
		lead := widget.Fit(shortDate(t.Date, today), 11, false) + " " + widget.Fit(t.Kind.String(), 10, false) + " " + widget.Fit(signed(t.Sentiment), 2, true) + "  "
		if about > 0 {
			lead += widget.Fit(clean(s.data.proposals[t.ProposalID].Title), about, false) + "  "
		}
		tn := widget.ToneNormal
		if t.Sentiment < 0 {
			tn = widget.ToneWarn
		}
		indent := ansi.StringWidth(lead)
		said := widget.WrapText(t.Said, max(w-indent, 10), 0)
		if len(said) == 0 {
			said = []string{"—"}
		}
		for i, l := range said {
			pre := st.Muted.Render(lead)
			if i > 0 {
				pre = strings.Repeat(" ", indent)
			}
			add(pre + st.toneStyle(tn).Render(l))
		}
	}
	s.detail = out
	s.clampDetail()
}

// healthLine is "Last spoke 5d ago (Mon 16 Nov) · 2 gives, 3 asks · reconnect in 16d".
func (s *contactsScreen) healthLine(h model.Health, today model.Date) string {
	st := s.st
	spoke := "Never spoken to in a logged conversation"
	if !h.LastSpoken.IsZero() {
		spoke = "Last spoke " + agoPhrase(today, h.LastSpoken) + " (" + fullDate(h.LastSpoken, today) + ")"
	}
	parts := []string{spoke, model.Plural(h.Gives, "give", "gives") + ", " + model.Plural(h.Asks, "ask", "asks")}
	if !h.LastSpoken.IsZero() && !h.Due {
		parts = append(parts, "reconnect "+h.LastSpoken.AddDays(h.CadenceDays).Relative(today, true))
	}
	return st.Text.Render(strings.Join(parts, " · "))
}

// partLine is a person's part in one proposal: their role, and either what
// they said against how they acted (decided proposals) or their stance and
// the target (open ones).
func (s *contactsScreen) partLine(sk model.Stakeholder, p model.Proposal) string {
	st := s.st
	role := shortRole(sk.Role) + " · influence " + itoa(sk.Influence)
	if sk.Veto {
		role += " · veto"
	}
	switch {
	case p.Status.Decided():
		sd := readSayDo(sk)
		if !sd.recorded {
			return st.Muted.Render(role+" · said "+sk.Stance.String()+" · ") + st.Warn.Render("how they acted is not recorded")
		}
		text := sd.phrase
		switch {
		case sd.gap:
			text = "≠ " + text
		case strings.HasPrefix(text, "said"):
			text += " — as they said"
		}
		if sk.TargetStance != sk.Stance && sk.TargetStance.Known() {
			role += " · target was " + sk.TargetStance.String()
		}
		return st.Muted.Render(role+" · ") + st.toneStyle(sd.tone).Render(text)
	case p.Status == model.StatusArchived && sk.Acted != model.ActedUnknown:
		return st.Muted.Render(role + " · " + readSayDo(sk).phrase)
	}
	stance := "stance " + stanceArrow(sk.Stance, sk.TargetStance)
	if sk.TargetStance != sk.Stance && sk.TargetStance != model.StanceUnknown {
		stance = "stance " + sk.Stance.String() + " → target " + sk.TargetStance.String()
	}
	if sk.Spoiler {
		stance += " · possible spoiler"
	}
	return st.Muted.Render(role+" · ") + st.Text.Render(stance)
}
