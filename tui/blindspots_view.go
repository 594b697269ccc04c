package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
)

// gridRows turns the filtered blind spots into cells, once per filter change.
func (s *blindSpotsScreen) gridRows() []gridRow {
	out := make([]gridRow, len(s.rows))
	for i, r := range s.rows {
		t := toneNormal
		if r.Status == model.BlindSpotAddressed {
			t = toneMuted
		}
		how := clean(r.HowAddressed)
		if how == "" {
			how = "—"
		}
		out[i] = gridRow{id: r.ID, tone: t, cells: []string{
			r.Status.String(), ageCell(r.AgeDays, r.RaisedOn), clean(r.ProposalTitle), clean(r.Text), clean(r.SurfacedBy), how,
		}}
	}
	return out
}

// View shows the title, the filters, the list and the selected blind spot,
// or the open form.
func (s *blindSpotsScreen) View() string {
	st := s.st
	if !s.loaded {
		if s.loading {
			return st.Muted.Render("Loading blind spots…")
		}
		return st.Muted.Render("The blind spots could not be loaded. Press ctrl+r to try again, esc to go back.")
	}
	if s.host.form != nil && (s.host.active() || (s.waiting && s.edit != editBlindSpotStatus)) {
		return s.formView()
	}
	list := s.list.View(st)
	if s.list.Len() == 0 {
		head := list
		if i := strings.IndexByte(head, '\n'); i >= 0 {
			head = head[:i]
		}
		msg := "Nothing matches these filters. Press x to clear them."
		switch {
		case len(s.data.proposals) == 0:
			msg = "No proposals yet. Press esc, then n to walk through one."
		case len(s.data.blindSpots) == 0:
			msg = "No blind spots yet. Ask someone “am I thinking about this right?”, or press a to note one yourself."
		}
		list = head + "\n" + strings.Join(wrapLines([]string{st.Muted.Render(msg)}, s.width), "\n")
	}
	used := reviewTop + strings.Count(list, "\n") + 1
	detail := s.detailLines(s.height - used - 1)
	out := s.titleLine() + "\n" + s.filterLine() + "\n\n" + list
	if len(detail) > 0 {
		out += "\n" + s.rule() + "\n" + strings.Join(detail, "\n")
	}
	return out
}

// titleLine is "Blind spots · every proposal · 5 shown, 3 still open".
func (s *blindSpotsScreen) titleLine() string {
	st := s.st
	open := 0
	for _, r := range s.rows {
		if r.Status == model.BlindSpotOpen {
			open++
		}
	}
	where := "every proposal"
	if s.scope != 0 {
		where = "“" + ansi.Truncate(s.proposalTitle(s.scope), 40, "…") + "”"
	}
	left := st.Title.Render("Blind spots") + st.Muted.Render(" · "+where+" · "+itoa(len(s.rows))+" shown, "+itoa(open)+" still open")
	if h := s.list.scrollHint(); h != "" {
		right := st.Muted.Render(h)
		if gap := s.width - ansi.StringWidth(left) - ansi.StringWidth(right); gap >= 2 {
			return left + strings.Repeat(" ", gap) + right
		}
	}
	return ansi.Truncate(left, s.width, "…")
}

// filterLine shows each filter with its key.
func (s *blindSpotsScreen) filterLine() string {
	if s.searching {
		return ansi.Truncate(s.searchPart(), s.width, "…")
	}
	status := blindSpotStatusFilters[s.statusIdx].label
	if s.statusIdx == 0 {
		status = "any status"
	}
	parts := append([]string{s.filterPart("s", status, s.statusIdx != 0)}, s.commonFilters()...)
	return ansi.Truncate(strings.Join(parts, "  "), s.width, "…")
}

// detailLines describes the selected blind spot: what it is, who surfaced
// it, how it was addressed (or that it is still open), its history and the
// talk it came from.
func (s *blindSpotsScreen) detailLines(height int) []string {
	row, ok := s.selectedRow()
	if !ok || height <= 0 {
		return nil
	}
	st, w := s.st, s.width
	today := s.b.today()
	secs := []section{
		{lines: []string{s.metaLine(row.ProposalID)}, min: 1},
		{lines: styled(st.Title, wrapText(row.Text, w, 3)), min: 1},
	}
	who := row.Status.String() + " · you noted it yourself"
	if row.SurfacedByID != 0 {
		who = row.Status.String() + " · surfaced by " + s.personLabel(row.SurfacedByID, clean(row.SurfacedBy))
	}
	if !row.RaisedOn.IsZero() {
		who += ", " + agoPhrase(today, row.RaisedOn)
	}
	secs = append(secs, section{lines: []string{st.Text.Render(ansi.Truncate(who, w, "…"))}, min: 1})

	var how []string
	switch {
	case row.Status == model.BlindSpotAddressed:
		text := row.HowAddressed
		if strings.TrimSpace(text) == "" {
			text = "no note of how. Press r to add one."
		}
		how = labelled(st, "Addressed on "+row.AddressedOn.Human()+":", text, w, 4, toneNormal)
	case strings.TrimSpace(row.HowAddressed) != "":
		how = labelled(st, "Under way:", row.HowAddressed, w, 4, toneNormal)
	default:
		how = []string{st.Warn.Render(ansi.Truncate("Not addressed yet. Press m when it is, r to say how.", w, "…"))}
	}
	secs = append(secs, section{lines: how, min: 1})
	hist := labelled(st, "History:", statusChanges(s.data.spotHistory[row.ID], row.RaisedOn, row.Status.String(), row.AddressedOn), w, 2, toneNormal)
	secs = append(secs, section{lines: hist, min: 1})
	if t, ok := s.data.talks[row.TouchpointID]; ok && row.TouchpointID != 0 {
		secs = append(secs, section{lines: talkLines(st, t, s.data.name(t.StakeholderID, "them"), w), min: 1})
	}
	return fitSections(secs, height, w)
}

// formView shows what is being edited above the form.
func (s *blindSpotsScreen) formView() string {
	st := s.st
	if s.waiting {
		return st.Muted.Render("Saving…")
	}
	title, context := "Add a blind spot", "Something you had not seen, or an assumption to test; it counts against readiness while open."
	switch {
	case s.filterForm:
		title, context = "Filter the blind spots", "Pick a proposal and a person; s cycles the status."
	case s.edit != addBlindSpot:
		var row model.BlindSpotRow
		for _, r := range s.rows {
			if r.ID == s.editID {
				row = r
			}
		}
		title = "Address a blind spot"
		if s.edit == editBlindSpotHow {
			title = "How it was addressed"
		}
		context = "“" + clean(row.Text) + "” — " + clean(row.SurfacedBy) + " · " + clean(row.ProposalTitle)
	}
	return st.Title.Render(title) + "\n" + st.Muted.Render(ansi.Truncate(context, s.width, "…")) + "\n\n" + s.host.view()
}
