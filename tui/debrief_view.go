package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// sayDo is the say/do rule's reading (model.ReadSayDo) with the tone the
// screens draw it in.
type sayDo struct {
	// recorded is false until the debrief says how they acted.
	recorded bool
	// gap is set when the deed does not match the word.
	gap bool
	// tone is bad when the gap cost support, good when it brought some.
	tone widget.Tone
	// phrase reads "said supporter, stayed silent".
	phrase string
	// rule is the reading itself, for its verdict and mark.
	rule model.SayDo
}

// readSayDo reads a person's stated stance against how they acted (the rule
// is model.ReadSayDo) and picks the tone for its effect.
func readSayDo(s model.Stakeholder) sayDo {
	r := model.ReadSayDo(s)
	return sayDo{recorded: r.Recorded, gap: r.Gap, tone: sayDoTone(r.Effect), phrase: r.Phrase, rule: r}
}

// sayDoTone draws a deed's effect: support withheld warns, support lost is
// bad, support gained good; nothing to judge is muted.
func sayDoTone(e model.SayDoEffect) widget.Tone {
	switch e {
	case model.SayDoUnjudged:
		return widget.ToneMuted
	case model.SayDoHelped:
		return widget.ToneGood
	case model.SayDoWithheld:
		return widget.ToneWarn
	case model.SayDoHurt:
		return widget.ToneBad
	}
	return widget.ToneNormal
}

// verdict is the short reading for a table cell (model.SayDo.Verdict).
func (r sayDo) verdict(acted model.Acted) string { return r.rule.Verdict(acted) }

// mark is one cell that reads without colour (model.SayDo.Mark).
func (r sayDo) mark() string { return r.rule.Mark() }

// outcomeWord names a proposal's status as an outcome: "not decided yet"
// for a proposal still open.
func outcomeWord(s model.Status) string {
	if s.Open() {
		return "not decided yet"
	}
	return s.String()
}

// View shows the proposal, the outcome choice, the people with what they
// said and did, and the legend of keys.
func (s *debriefScreen) View() string {
	st := s.st
	if !s.loaded {
		if s.loading {
			return st.Muted.Render("Loading the debrief…")
		}
		return st.Muted.Render("This proposal could not be loaded. Press esc to go back.")
	}
	var b strings.Builder
	b.WriteString(s.top)
	b.WriteString("\n\n")
	if len(s.d.Stakeholders) == 0 {
		b.WriteString(st.Muted.Render(ansi.Truncate("Nobody is on this proposal, so there is nobody to debrief. Record the outcome above.", s.width, "…")))
		return b.String()
	}
	b.WriteString(s.list.View(st.grid()))
	b.WriteString("\n\n")
	b.WriteString(s.foot)
	return b.String()
}

// buildFrame renders the title, the meta line and the outcome choice above
// the list and the legend and tally under it, once per load, choice, save
// or resize, and gives the list what they leave, measured: a long title,
// forum or list of gaps takes a second line instead of being cut.
func (s *debriefScreen) buildFrame() {
	if !s.loaded || s.width == 0 {
		s.top, s.foot = "", ""
		return
	}
	s.top, s.foot = s.buildTop(), s.footer()
	list := max(s.height-lipgloss.Height(s.top)-1-1-lipgloss.Height(s.foot), 2)
	s.list.SetSize(s.width, list)
}

// buildTop is the title, the meta line and the outcome choice.
func (s *debriefScreen) buildTop() string {
	st, p, today := s.st, s.d.Proposal, s.b.today()
	title := styleLines(st.Title, widget.WrapText("Debrief: "+clean(p.Title), s.width, 2))
	when := "no decision date"
	if !p.DecisionDate.IsZero() {
		when = "decision " + fullDate(p.DecisionDate, today) + " (" + whenRelative(p.DecisionDate, today) + ")"
	}
	meta := styleLines(st.Muted, widget.WrapText(widget.JoinNonEmpty(" · ", clean(p.Forum), when, p.DecisionRule.String()), s.width, 2))
	parts := []string{st.Text.Bold(true).Render("Outcome:")}
	for _, o := range outcomeChoices {
		label := o.label
		if p.Status == o.status || (o.status == model.StatusPitched && p.Status.Open()) {
			parts = append(parts, st.Accent.Bold(true).Render("["+o.key+" "+label+"]"))
			continue
		}
		parts = append(parts, st.Muted.Render(" "+o.key+" "+label+" "))
	}
	outcome := strings.Join(parts, " ")
	if ansi.StringWidth(outcome) > s.width {
		// Narrow: the current outcome and the keys, without the labels.
		outcome = st.Text.Bold(true).Render("Outcome: ") + st.Accent.Bold(true).Render(outcomeWord(p.Status)) +
			st.Muted.Render("  y/r/d/p to change")
	}
	return title + "\n" + meta + "\n" + ansi.Truncate(outcome, s.width, "…")
}

// outcomeChoice is one outcome and the key that records it.
type outcomeChoice struct {
	key    string
	label  string
	status model.Status
}

// outcomeChoices are the outcomes in the order shown.
var outcomeChoices = []outcomeChoice{
	{"y", "approved", model.StatusApproved},
	{"r", "rejected", model.StatusRejected},
	{"d", "deferred", model.StatusDeferred},
	{"p", "not decided yet", model.StatusPitched},
}

// rows turns the people into cells, once per load or choice.
func (s *debriefScreen) rows() []widget.Row {
	out := make([]widget.Row, 0, len(s.d.Stakeholders))
	for _, p := range s.d.Stakeholders {
		r := readSayDo(p)
		name := clean(s.d.Contacts[p.ContactID].Name)
		if name == "" {
			name = "someone"
		}
		out = append(out, widget.Row{ID: p.ID, Tone: r.tone, Cells: []string{
			r.mark(), name, shortRole(p.Role), p.Stance.String(), p.Acted.String(), r.verdict(p.Acted),
		}})
	}
	return out
}

// footer is the key legend and the tally: how many in the room are
// recorded, and the gaps between what people said and did.
func (s *debriefScreen) footer() string {
	st := s.st
	legend := "1 spoke for · 2 spoke against · 3 silent · 4 absent · 0 clear · ←/→ change"
	inRoom, recorded, gaps, any := 0, 0, 0, false
	var gapNames []string
	for _, p := range s.d.Stakeholders {
		any = any || p.Acted != model.ActedUnknown
		if p.Role.InRoom() {
			inRoom++
			if p.Acted != model.ActedUnknown {
				recorded++
			}
		}
		if readSayDo(p).gap {
			gaps++
			gapNames = append(gapNames, clean(s.d.Contacts[p.ContactID].Name))
		}
	}
	tally := itoa(recorded) + " of " + itoa(inRoom) + " in the room recorded"
	tallyStyle := st.Text
	if recorded < inRoom {
		tallyStyle = st.Warn
	}
	line := tallyStyle.Render(tally)
	switch {
	case !any:
		// With nothing recorded there is nothing to compare yet; "no gap"
		// would be a claim about people nobody has judged.
		line += st.Muted.Render(" · gaps between word and deed show once recorded")
	case gaps == 0:
		line += st.Muted.Render(" · no gap between what anyone said and did")
	default:
		line += st.Muted.Render(" · ") + st.Warn.Render(model.Plural(gaps, "gap", "gaps")+" between word and deed: "+strings.Join(gapNames, ", "))
	}
	return st.Muted.Render(ansi.Truncate(legend, s.width, "…")) + "\n" + strings.Join(widget.WrapAtMost(line, s.width, 2), "\n")
}
