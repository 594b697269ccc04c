package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// objectionsScreen is the objections log: every objection across proposals
// (or one), most urgent first, with filters, a detail pane and the forms to
// change status, respond, pick the voice in the room and add one.
type objectionsScreen = reviewScreen[model.ObjectionRow, objectionDraft]

// newObjectionsScreen builds the screen, scoped to one proposal when
// proposalID is set, with selectID selected once loaded.
func newObjectionsScreen(b *backend, st *Styles, proposalID, selectID int64) *objectionsScreen {
	return newReviewScreen(objectionKind, b, st, proposalID, selectID)
}

// objectionStatusFilters is what s cycles through.
var objectionStatusFilters = [][]model.ObjectionStatus{
	nil,
	{model.ObjectionOpen, model.ObjectionAddressing},
	{model.ObjectionOpen},
	{model.ObjectionAddressing},
	{model.ObjectionResolved},
	{model.ObjectionAccepted},
	{model.ObjectionWithdrawn},
	{model.ObjectionResolved, model.ObjectionAccepted, model.ObjectionWithdrawn},
}

// severityFilters is what v cycles through.
var severityFilters = [][]model.Severity{
	nil,
	{model.SeverityBlocker},
	{model.SeverityMajor, model.SeverityBlocker},
	{model.SeverityMajor},
	{model.SeverityMinor},
}

// objectionKind is the objections' part of the review screen.
var objectionKind = &reviewSpec[model.ObjectionRow, objectionDraft]{
	id:   reviewObjections,
	name: "Objections", one: "objection", a: "an objection", many: "objections",
	columns: []widget.Column{
		{Title: "Severity", Width: 8},
		{Title: "Status", Width: 10},
		{Title: "Age", Width: 4, Right: true, Priority: 5},
		{Title: "Proposal", Min: 10, Priority: 3},
		{Title: "Objection", Min: 30},
		{Title: "Raised by", Min: 15, Priority: 1},
		{Title: "Voice in room", Min: 15, Priority: 4},
		{Title: "Our response", Min: 12, Priority: 6},
		// Needs stands in for the voice and response columns when they do
		// not fit, so a narrow list still shows what each objection lacks.
		{Title: "Needs", Width: 12, Priority: 2, StandsIn: []string{"Voice in room", "Our response"}},
	},
	proposalCol: 3,
	cycles: []reviewCycle{
		{key: func(k *reviewKeys) *key.Binding { return &k.StatusFilter }, anyLabel: "any status",
			choices: []string{"any", "open or addressing", "open", "addressing", "resolved", "accepted", "withdrawn", "settled"}},
		{key: func(k *reviewKeys) *key.Binding { return &k.SeverityFilter }, anyLabel: "any severity",
			choices: []string{"any", "blocker", "major or blocker", "major", "minor"}},
	},
	index: func(d *reviewData, today model.Date) ([]model.ObjectionRow, func(reviewFilter) []int) {
		x := model.NewObjectionIndex(d.objections, d.dir, today)
		return x.All(), func(f reviewFilter) []int {
			return x.Match(model.ObjectionFilter{
				ProposalID: f.proposalID, Statuses: objectionStatusFilters[f.cycle[0]], Severities: severityFilters[f.cycle[1]],
				Person: f.person, Text: f.text, IncludeArchived: f.archived,
			})
		}
	},
	ref: func(r model.ObjectionRow) reviewRef {
		// w opens who raised it, or for an anticipated one who voices it.
		who := r.RaisedByID
		if who == 0 {
			who = r.VoiceID
		}
		return reviewRef{id: r.ID, proposalID: r.ProposalID, touchpointID: r.TouchpointID, text: r.Text, person: who}
	},
	cells:       objectionCells,
	isOpen:      func(r model.ObjectionRow) bool { return r.Status.Live() },
	noProposals: "No proposals yet. Press esc, then n to walk through one: objections come from the people you talk to.",
	noRows:      "No objections recorded yet. Press a to add one you expect, or log a conversation (l in a proposal).",
	recorded:    func(d *reviewData) int { return len(d.objections) },
	sections:    objectionSections,

	draftOf:    func(r model.ObjectionRow) objectionDraft { return draftFromObjection(r.Objection) },
	newDraft:   func(pid int64) objectionDraft { return objectionDraft{ProposalID: pid, Status: model.ObjectionOpen} },
	proposalOf: func(d objectionDraft) int64 { return d.ProposalID },
	form:       objectionForm,
	check:      checkObjectionEdit,
	voice:      true,
	describe:   describeObjectionSave,
	addTitle:   "Add an anticipated objection",
	addContext: "Something you expect someone to raise; it counts against readiness until answered.",
	editTitles: map[reviewEdit]string{
		editAll:     "Edit the objection",
		editStatus:  "Change the status",
		editRespond: "Write our response",
		editVoice:   "Pick the voice in the room",
	},
	context: func(r model.ObjectionRow) string {
		return "“" + clean(r.Text) + "” — " + clean(r.RaisedBy) + " · " + r.Severity.String() + " · " + clean(r.ProposalTitle)
	},
	filterContext: "Pick a proposal and a person; s and v cycle status and severity.",
	personTitle:   "Who raised it or will voice the answer",
	people: func(d *reviewData) map[string]bool {
		names := map[string]bool{}
		for _, o := range d.objections {
			names[d.name(o.RaisedByID, model.Anticipated)] = true
			if o.VoiceID != 0 {
				names[d.name(o.VoiceID, "")] = true
			}
		}
		return names
	},
	save:   saveObjection,
	remove: deleteObjection,

	labelKeys: func(k *reviewKeys, row model.ObjectionRow, ok bool) {
		k.Person.SetHelp("w", "who raised it")
		if ok && row.RaisedByID == 0 {
			k.Person.SetHelp("w", "the room")
		}
	},
	hints: reviewHints{
		short: func(k *reviewKeys) []key.Binding {
			return []key.Binding{k.Open, k.Edit, k.Respond, k.Voice, k.Mark, k.Add, k.Delete, k.Person}
		},
		fullShort: func(k *reviewKeys) []key.Binding { return []key.Binding{k.Edit, k.Respond, k.Voice, k.Mark, k.Delete} },
		actions:   func(k *reviewKeys) []key.Binding { return []key.Binding{k.Edit, k.Mark, k.Respond, k.Voice} },
	},
}

// objectionCells is an objection's grid row, made once per filter change,
// never per frame. Cells follow the column order, proposal included even
// when that column is hidden.
func objectionCells(r model.ObjectionRow) widget.Row {
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
	return widget.Row{ID: r.ID, Tone: objectionTone(r.Objection), Cells: []string{
		r.Severity.String(), r.Status.String(), ageCell(r.AgeDays, r.RaisedOn), clean(r.ProposalTitle),
		clean(r.Text), clean(r.RaisedBy), voice, resp, needs(r.Objection),
	}}
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

// objectionSections describe an objection: what it is, who raised it, our
// answer (or when and how it was resolved), the voice in the room, its
// status history and the talk it came from. In the pane each is cut to a
// few lines; full keeps every line.
func objectionSections(s *objectionsScreen, row model.ObjectionRow, full bool) []section {
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
