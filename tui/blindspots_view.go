package tui

import (
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// gridRows turns the filtered blind spots into cells, once per filter change.
func (s *blindSpotsScreen) gridRows() []widget.Row {
	out := make([]widget.Row, len(s.rows))
	for i, r := range s.rows {
		t := widget.ToneNormal
		if r.Status == model.BlindSpotAddressed {
			t = widget.ToneMuted
		}
		how := clean(r.HowAddressed)
		if how == "" {
			how = "—"
		}
		out[i] = widget.Row{ID: r.ID, Tone: t, Cells: []string{
			r.Status.String(), ageCell(r.AgeDays, r.RaisedOn), clean(r.ProposalTitle), clean(r.Text), clean(r.SurfacedBy), how,
		}}
	}
	return out
}

// View shows the title, the filters, the list and the selected blind spot,
// or the open form.
func (s *blindSpotsScreen) View() string {
	if !s.loaded {
		return s.notLoadedView("blind spots")
	}
	if s.host.Form != nil && (s.host.Active() || (s.waiting && s.edit != editBlindSpotStatus)) {
		return s.formView()
	}
	if s.full {
		return s.fullView()
	}
	// The list is drawn first, as it lays out the grid the title's scroll
	// hint reads.
	list := s.listView(s.emptyNote)
	return s.page(s.titleLine(), s.filterLine(), list, s.detailLines)
}

// emptyNote says why no blind spot is listed: nothing recorded, or nothing
// matching.
func (s *blindSpotsScreen) emptyNote() string {
	switch {
	case len(s.data.proposals) == 0:
		return "No proposals yet. Press esc, then n to walk through one."
	case len(s.data.blindSpots) == 0:
		return "No blind spots yet. Ask someone “am I thinking about this right?”, or press a to note one yourself."
	}
	return "Nothing matches these filters. Press x to clear them."
}

// titleLine is "Blind spots · every proposal · 5 shown, 3 still open".
func (s *blindSpotsScreen) titleLine() string {
	open := 0
	for _, r := range s.rows {
		if r.Status == model.BlindSpotOpen {
			open++
		}
	}
	return s.reviewBase.titleLine("Blind spots", len(s.rows), open)
}

// filterLine shows each filter with its key.
func (s *blindSpotsScreen) filterLine() string {
	status := blindSpotStatusFilters[s.statusIdx].label
	if s.statusIdx == 0 {
		status = "any status"
	}
	return s.reviewBase.filterLine(widget.FilterPart(s.st.filters(), "s", status, s.statusIdx != 0))
}

// detailLines describes the selected blind spot in at most height lines.
func (s *blindSpotsScreen) detailLines(height int) []string {
	row, ok := s.selectedRow()
	if !ok || height <= 0 {
		return nil
	}
	return fitSections(s.sections(row, false), height, s.width)
}

// fullView is the selected blind spot with nothing cut.
func (s *blindSpotsScreen) fullView() string {
	row, ok := s.selectedRow()
	if !ok {
		return ""
	}
	return s.fullPage("Blind spot", flatten(s.sections(row, true)))
}

// fullLen is the number of lines of the full page, for scrolling.
func (s *blindSpotsScreen) fullLen() int {
	row, ok := s.selectedRow()
	if !ok {
		return 0
	}
	return len(flatten(s.sections(row, true)))
}

// sections describe a blind spot: what it is, who surfaced it, how it was
// addressed (or that it is still open), its history and the talk it came
// from; cut to a few lines each in the pane, whole in full.
func (s *blindSpotsScreen) sections(row model.BlindSpotRow, full bool) []section {
	st, w := s.st, s.width
	today := s.b.today()
	secs := []section{
		{lines: s.metaLines(row.ProposalID, full), min: 1},
		{lines: styled(st.Title, widget.WrapText(row.Text, w, limit(3, full))), min: 1},
	}
	who := row.Status.String() + " · you noted it yourself"
	if row.SurfacedByID != 0 {
		who = row.Status.String() + " · surfaced by " + s.personLabel(row.SurfacedByID, clean(row.SurfacedBy))
	}
	if !row.RaisedOn.IsZero() {
		who += ", " + agoPhrase(today, row.RaisedOn)
	}
	secs = append(secs, section{lines: s.oneLine(st.Text, who, full), min: 1})

	var how []string
	switch {
	case row.Status == model.BlindSpotAddressed:
		text := row.HowAddressed
		if strings.TrimSpace(text) == "" {
			text = "no note of how. Press r to add one."
		}
		how = labelled(st, "Addressed on "+fullDate(row.AddressedOn, today)+":", text, w, limit(4, full))
	case strings.TrimSpace(row.HowAddressed) != "":
		how = labelled(st, "Under way:", row.HowAddressed, w, limit(4, full))
	default:
		how = s.oneLine(st.Warn, "Not addressed yet. Press m when it is, r to say how.", full)
	}
	secs = append(secs, section{lines: how, min: 1})
	hist := labelled(st, "History:", statusChanges(s.data.spotHistory[row.ID], row.RaisedOn, row.Status.String(), row.AddressedOn), w, limit(2, full))
	secs = append(secs, section{lines: hist, min: 1})
	if t, ok := s.data.talks[row.TouchpointID]; ok && row.TouchpointID != 0 {
		secs = append(secs, section{lines: talkLines(st, t, s.data.name(t.StakeholderID, "them"), w, full, today), min: 1})
	}
	return secs
}

// formView shows what is being edited above the form.
func (s *blindSpotsScreen) formView() string {
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
		title = "Edit the blind spot"
		if s.edit == editBlindSpotHow {
			title = "How it was addressed"
		}
		context = "“" + clean(row.Text) + "” — " + clean(row.SurfacedBy) + " · " + clean(row.ProposalTitle)
	}
	return s.formFrame(title, context)
}
