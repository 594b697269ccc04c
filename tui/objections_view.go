package tui

import (
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// gridRows turns the filtered objections into cells, once per filter change,
// never per frame. Cells follow the column order, proposal included even when
// that column is hidden.
func (s *objectionsScreen) gridRows() []widget.Row {
	out := make([]widget.Row, len(s.rows))
	for i, r := range s.rows {
		voice := clean(r.Voice)
		if voice == "" {
			voice = "—"
			if r.Status.Live() {
				voice = "nobody yet"
			}
		}
		resp := clean(r.Response)
		if resp == "" {
			resp = "—"
		}
		out[i] = widget.Row{ID: r.ID, Tone: objectionTone(r.Objection), Cells: []string{
			r.Severity.String(), r.Status.String(), ageCell(r.AgeDays, r.RaisedOn), clean(r.ProposalTitle),
			clean(r.Text), clean(r.RaisedBy), voice, resp, needs(r.Objection),
		}}
	}
	return out
}

// objectionTone colours an objection's row: settled ones muted, live
// blockers bad and live major ones a warning.
func objectionTone(o model.Objection) widget.Tone {
	switch {
	case !o.Status.Live():
		return widget.ToneMuted
	case o.Severity == model.SeverityBlocker:
		return widget.ToneBad
	case o.Severity == model.SeverityMajor:
		return widget.ToneWarn
	}
	return widget.ToneNormal
}

// needs says what a live objection still lacks before the pitch: an answer,
// someone to give it in the room, or both.
func needs(o model.Objection) string {
	if !o.Status.Live() {
		return ""
	}
	noReply, noVoice := strings.TrimSpace(o.Response) == "", o.VoiceID == 0
	switch {
	case noReply && noVoice:
		return "reply, voice"
	case noReply:
		return "reply"
	case noVoice:
		return "voice"
	}
	return "—"
}

// View shows the title, the filters, the list and the selected objection,
// or the open form.
func (s *objectionsScreen) View() string {
	if !s.loaded {
		return s.notLoadedView("objections")
	}
	if s.host.Form != nil && (s.host.Active() || s.waiting) {
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

// emptyNote says why no objection is listed: nothing recorded, or nothing
// matching.
func (s *objectionsScreen) emptyNote() string {
	switch {
	case len(s.data.proposals) == 0:
		return "No proposals yet. Press esc, then n to walk through one: objections come from the people you talk to."
	case len(s.data.objections) == 0:
		return "No objections recorded yet. Press a to add one you expect, or log a conversation (l in a proposal)."
	}
	return "Nothing matches these filters. Press x to clear them."
}

// titleLine is "Objections · every proposal · 9 shown, 4 still open".
func (s *objectionsScreen) titleLine() string {
	live := 0
	for _, r := range s.rows {
		if r.Status.Live() {
			live++
		}
	}
	return s.reviewBase.titleLine("Objections", len(s.rows), live)
}

// filterLine shows each filter with its key, the narrowing ones accented.
func (s *objectionsScreen) filterLine() string {
	status, sev := objectionStatusFilters[s.statusIdx].label, severityFilters[s.severityIdx].label
	if s.statusIdx == 0 {
		status = "any status"
	}
	if s.severityIdx == 0 {
		sev = "any severity"
	}
	return s.reviewBase.filterLine(
		widget.FilterPart(s.st.filters(), "s", status, s.statusIdx != 0),
		widget.FilterPart(s.st.filters(), "v", sev, s.severityIdx != 0),
	)
}

// detailLines describes the selected objection in at most height lines.
func (s *objectionsScreen) detailLines(height int) []string {
	row, ok := s.selectedRow()
	if !ok || height <= 0 {
		return nil
	}
	return fitSections(s.sections(row, false), height, s.width)
}

// fullView is the selected objection with nothing cut.
func (s *objectionsScreen) fullView() string {
	row, ok := s.selectedRow()
	if !ok {
		return ""
	}
	return s.fullPage("Objection", flatten(s.sections(row, true)))
}

// fullLen is the number of lines of the full page, for scrolling.
func (s *objectionsScreen) fullLen() int {
	row, ok := s.selectedRow()
	if !ok {
		return 0
	}
	return len(flatten(s.sections(row, true)))
}

// sections describe an objection: what it is, who raised it, our answer
// (or when and how it was resolved), the voice in the room, its status
// history and the talk it came from. In the pane each is cut to a few
// lines; full keeps every line.
func (s *objectionsScreen) sections(row model.ObjectionRow, full bool) []section {
	st, w := s.st, s.width
	today := s.b.today()
	secs := []section{
		{lines: s.metaLines(row.ProposalID, full), min: 1},
		{lines: styled(st.Title, widget.WrapText(row.Text, w, limit(3, full))), min: 1},
	}
	raised := row.Severity.String() + " · " + row.Status.String() + " · "
	switch {
	case row.RaisedByID != 0:
		raised += "raised by " + s.personLabel(row.RaisedByID, clean(row.RaisedBy))
		if !row.RaisedOn.IsZero() {
			raised += ", " + agoPhrase(today, row.RaisedOn)
		}
	case !row.RaisedOn.IsZero():
		raised += "anticipated, nobody has raised it yet (noted " + fullDate(row.RaisedOn, today) + ", " + agoPhrase(today, row.RaisedOn) + ")"
	default:
		raised += "anticipated, nobody has raised it yet"
	}
	secs = append(secs, section{lines: s.oneLine(st.Text, raised, full), min: 1})

	var resp []string
	switch {
	case !row.Status.Live():
		label := model.UpperFirst(row.Status.String()) + " on " + fullDate(row.ResolvedOn, today) + ":"
		how := row.Response
		if strings.TrimSpace(how) == "" {
			how = "no note of how. Press r to add one."
		}
		resp = labelled(st, label, how, w, limit(4, full))
	case strings.TrimSpace(row.Response) == "":
		resp = s.oneLine(st.Warn, "No response yet. Press r to write one.", full)
	default:
		resp = labelled(st, "Our response:", row.Response, w, limit(4, full))
	}
	secs = append(secs, section{lines: resp, min: 1})

	voice := "Voice in the room: nobody yet. Press i to pick a supporter."
	vt := st.Warn
	if !row.Status.Live() {
		vt = st.Muted
	}
	if row.VoiceID != 0 {
		voice, vt = "Voice in the room: "+s.personLabel(row.VoiceID, clean(row.Voice)), st.Text
		if vs, ok := s.data.stakeholder(row.VoiceID); ok && !vs.Role.InRoom() {
			voice += " — not in the room"
			vt = st.Warn
		}
	}
	secs = append(secs, section{lines: s.oneLine(vt, voice, full), min: 1})

	hist := labelled(st, "History:", statusChanges(s.data.objHistory[row.ID], row.RaisedOn, row.Status.String(), row.ResolvedOn), w, limit(2, full))
	secs = append(secs, section{lines: hist, min: 1})
	if t, ok := s.data.talks[row.TouchpointID]; ok && row.TouchpointID != 0 {
		secs = append(secs, section{lines: talkLines(st, t, s.data.name(t.StakeholderID, "them"), w, full, today), min: 1})
	}
	return secs
}

// formView shows what is being edited above the form.
func (s *objectionsScreen) formView() string {
	var title, context string
	switch s.edit {
	case addObjection:
		title = "Add an anticipated objection"
		context = "Something you expect someone to raise; it counts against readiness until answered."
	default:
		row, _ := s.selectedRow()
		if row.ID != s.editID {
			for _, r := range s.rows {
				if r.ID == s.editID {
					row = r
				}
			}
		}
		title = map[objectionEdit]string{
			editObjection:         "Edit the objection",
			editObjectionStatus:   "Change the status",
			editObjectionResponse: "Write our response",
			editObjectionVoice:    "Pick the voice in the room",
		}[s.edit]
		context = "“" + clean(row.Text) + "” — " + clean(row.RaisedBy) + " · " + row.Severity.String() + " · " + clean(row.ProposalTitle)
	}
	if s.filterForm {
		title, context = "Filter the objections", "Pick a proposal and a person; s and v cycle status and severity."
	}
	return s.formFrame(title, context)
}

// styled renders each line with a style.
func styled(style interface{ Render(...string) string }, lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = style.Render(l)
	}
	return out
}
