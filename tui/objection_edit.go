package tui

import (
	"errors"
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// objectionEdit is which form is open on the objections screen.
type objectionEdit int

const (
	// editObjection changes every field: text and severity, then status,
	// response and voice (e).
	editObjection objectionEdit = iota
	// editObjectionStatus only changes the status (m).
	editObjectionStatus
	// editObjectionResponse only writes the response (r).
	editObjectionResponse
	// editObjectionVoice only picks the voice in the room (i).
	editObjectionVoice
	// addObjection records a new anticipated objection (a).
	addObjection
)

// objectionDraft is what the objection forms edit; huh fields are bound to
// it, so it always holds what is on screen, submitted or not.
type objectionDraft struct {
	ProposalID int64
	Text       string
	Severity   model.Severity
	Status     model.ObjectionStatus
	Response   string
	VoiceID    int64
}

// draftFromObjection fills a draft from a stored objection.
func draftFromObjection(o model.Objection) objectionDraft {
	return objectionDraft{ProposalID: o.ProposalID, Text: editable(o.Text), Severity: o.Severity, Status: o.Status,
		Response: editable(o.Response), VoiceID: o.VoiceID}
}

// applyTo copies the fields changed since was (the objection as the form
// opened on it) onto the objection as stored now: a field the form does
// not show, or that was changed elsewhere meanwhile and not here, keeps its
// stored value.
func (d objectionDraft) applyTo(o *model.Objection, was objectionDraft) {
	if d.Text != was.Text {
		o.Text = model.Normalize(d.Text, true)
	}
	if d.Severity != was.Severity {
		o.Severity = d.Severity
	}
	if d.Status != was.Status {
		o.Status = d.Status
	}
	if d.Response != was.Response {
		o.Response = model.Normalize(d.Response, true)
	}
	if d.VoiceID != was.VoiceID {
		o.VoiceID = d.VoiceID
	}
}

// filterDraft is what the filter form edits on both review screens.
type filterDraft struct {
	Scope    int64
	Person   string
	Archived bool
}

// openForm shows one of the objection forms for the selected row (or a new
// objection), in place of the list.
func (s *objectionsScreen) openForm(e objectionEdit) tea.Cmd {
	s.edit, s.filterForm = e, false
	if e == addObjection {
		props := s.openProposals()
		if len(props) == 0 {
			return reportErr(errors.New("there is no undecided proposal to add an objection to; start one from the dashboard with n"))
		}
		pid := s.scope
		if row, ok := s.selectedRow(); ok && pid == 0 {
			pid = row.ProposalID
		}
		if !s.data.dir.Proposals[pid].Status.Open() || pid == 0 {
			pid = props[0].ID
		}
		s.editID = 0
		s.draft = &objectionDraft{ProposalID: pid, Status: model.ObjectionOpen}
	} else {
		row, ok := s.selectedRow()
		if !ok {
			return nil
		}
		if e == editObjectionVoice && len(s.data.supporters(row.ProposalID)) == 0 && row.VoiceID == 0 {
			return reportErr(errors.New("nobody on “" + ansi.Truncate(s.proposalTitle(row.ProposalID), 40, "…") +
				"” is a supporter or champion yet; win someone over before choosing who voices the answer"))
		}
		s.editID = row.ID
		s.draft = new(objectionDraft)
		*s.draft = draftFromObjection(row.Objection)
	}
	s.started = *s.draft
	return s.host.Start(s.buildForm(), s.st.huhTheme())
}

// buildForm is the huh form for the current edit.
func (s *objectionsScreen) buildForm() *huh.Form {
	d := s.draft
	response := huh.NewText().Title("Our response").
		Description("how you will answer it in the room; ctrl+j new line, ctrl+e opens $EDITOR").
		CharLimit(model.MaxTextLen).Value(&d.Response)
	voices := s.voiceOptions(d.ProposalID, d.VoiceID)
	voice := widget.StopAtEnds(huh.NewSelect[int64]().Title("Voice in the room").
		Description("supporters who will answer it in the meeting, people in the room first").
		Options(voices...).Value(&d.VoiceID).Height(min(len(voices), 5)+2), voices)
	switch s.edit {
	case editObjectionStatus:
		opts := make([]huh.Option[model.ObjectionStatus], 0, 5)
		for _, st := range model.ObjectionStatuses() {
			opts = append(opts, huh.NewOption(st.String()+" — "+statusMeaning(st), st))
		}
		return huh.NewForm(huh.NewGroup(widget.StopAtEnds(huh.NewSelect[model.ObjectionStatus]().Title("Status").
			Description("each change is kept in the history with its date").Options(opts...).Value(&d.Status), opts)))
	case editObjectionResponse:
		return huh.NewForm(huh.NewGroup(response.Lines(max(min(s.height-formHeading-8, 10), 4))))
	case editObjectionVoice:
		return huh.NewForm(huh.NewGroup(voice))
	case addObjection:
		var fields []huh.Field
		if props := s.openProposals(); s.scope == 0 && len(props) > 1 {
			opts := make([]huh.Option[int64], len(props))
			for i, p := range props {
				opts[i] = huh.NewOption(clean(p.Title), p.ID)
			}
			fields = append(fields, widget.StopAtEnds(widget.ScrollingSelect(huh.NewSelect[int64]().Options(opts...).Value(&d.ProposalID),
				"Proposal", "", len(opts), 5), opts))
		}
		fields = append(fields, objectionText(d, "What objection do you expect?",
			"one objection; nobody has raised it yet, so it is logged as anticipated"), severityField(d))
		return huh.NewForm(huh.NewGroup(fields...))
	}
	statuses := enumOptions(model.ObjectionStatuses())
	status := widget.StopAtEnds(huh.NewSelect[model.ObjectionStatus]().Title("Status").Inline(true).
		Options(statuses...).Value(&d.Status), statuses)
	response.Title("Our response").Description("ctrl+e opens $EDITOR").Lines(3)
	// Two pages, one text field each: huh gives $EDITOR's text to every
	// text field on the page.
	return huh.NewForm(
		huh.NewGroup(objectionText(d, "The objection", "as they put it, or as you expect it; ctrl+e opens $EDITOR"),
			severityField(d)),
		huh.NewGroup(status, response, voice),
	)
}

// objectionText is the field for an objection's words, which may not be
// left empty.
func objectionText(d *objectionDraft, title, desc string) *huh.Text {
	return huh.NewText().Title(title).Description(desc).
		Lines(3).CharLimit(model.MaxTextLen).Value(&d.Text).
		Validate(func(t string) error {
			if strings.TrimSpace(t) == "" {
				return errors.New("write the objection; an empty one cannot be saved")
			}
			return nil
		})
}

// severityField picks how serious an objection is.
func severityField(d *objectionDraft) huh.Field {
	opts := enumOptions([]model.Severity{model.SeverityMinor, model.SeverityMajor, model.SeverityBlocker})
	return widget.StopAtEnds(huh.NewSelect[model.Severity]().Title("How serious would it be?").Inline(true).
		Options(opts...).Value(&d.Severity), opts)
}

// statusMeaning explains each objection status in the status picker.
func statusMeaning(s model.ObjectionStatus) string {
	switch s {
	case model.ObjectionAddressing:
		return "we are working on the answer"
	case model.ObjectionResolved:
		return "answered to their satisfaction"
	case model.ObjectionAccepted:
		return "a real cost we accept, and say so"
	case model.ObjectionWithdrawn:
		return "they dropped it"
	}
	return "nobody is working on it yet"
}

// voiceOptions are "nobody yet" and the proposal's supporters, in-room first;
// a current voice who no longer supports it stays listed, marked so.
func (s *objectionsScreen) voiceOptions(proposalID, current int64) []huh.Option[int64] {
	opts := []huh.Option[int64]{huh.NewOption("nobody yet", int64(0))}
	seen := false
	for _, st := range s.data.supporters(proposalID) {
		seen = seen || st.ID == current
		opts = append(opts, huh.NewOption(s.data.name(st.ID, "someone")+" — "+st.Stance.String()+", "+shortRole(st.Role), st.ID))
	}
	if current != 0 && !seen {
		if st, ok := s.data.stakeholder(current); ok {
			opts = append(opts, huh.NewOption(s.data.name(current, "someone")+" — now "+st.Stance.String(), current))
		}
	}
	return opts
}

// openProposals are the proposals still to be decided, which are the ones
// an objection or blind spot can be added to.
func (r *reviewBase) openProposals() []model.Proposal {
	var out []model.Proposal
	for _, p := range r.data.proposals {
		if p.Status.Open() {
			out = append(out, p)
		}
	}
	return out
}

// save writes the draft: the form was completed, or "save it" was chosen.
func (s *objectionsScreen) save() tea.Cmd {
	d := *s.draft
	s.saveSeq++
	s.waiting = true
	s.expectChange(d.ProposalID, s.describeSave())
	return s.b.saveObjection(s.saveSeq, s.editID, d, s.started)
}

// describeSave says what the save changes, for the status line.
func (s *objectionsScreen) describeSave() string {
	d, was := *s.draft, s.started
	if s.edit == addObjection {
		return "Added the anticipated objection."
	}
	var parts []string
	if s.edit == editObjection && model.Normalize(d.Text, true) != model.Normalize(was.Text, true) {
		parts = append(parts, "Reworded.")
	}
	if s.edit == editObjection && d.Severity != was.Severity {
		parts = append(parts, "Severity "+was.Severity.String()+" → "+d.Severity.String()+".")
	}
	if d.Status != was.Status && s.edit != editObjectionResponse && s.edit != editObjectionVoice {
		parts = append(parts, "Marked "+d.Status.String()+".")
	}
	if model.Normalize(d.Response, true) != model.Normalize(was.Response, true) &&
		(s.edit == editObjection || s.edit == editObjectionResponse) {
		parts = append(parts, "Response saved.")
	}
	if d.VoiceID != was.VoiceID && (s.edit == editObjection || s.edit == editObjectionVoice) {
		parts = append(parts, "Voice in the room: "+s.data.name(d.VoiceID, "nobody yet")+".")
	}
	if len(parts) == 0 {
		return "Nothing changed."
	}
	return strings.Join(parts, " ")
}

// dirty reports a data form with input not saved yet.
func (s *objectionsScreen) dirty() bool {
	return s.host.Active() && !s.filterForm && s.draft != nil && (s.host.Unsaved() || *s.draft != s.started)
}

// saveDraft saves the form on the way out ("save it" when leaving).
func (s *objectionsScreen) saveDraft() tea.Cmd {
	if !s.dirty() {
		return nil
	}
	s.leaving = true
	return s.save()
}

// openFilterForm picks a proposal and a person to filter by.
func (s *objectionsScreen) openFilterForm() tea.Cmd {
	names := map[string]bool{}
	for _, o := range s.data.objections {
		names[s.data.name(o.RaisedByID, model.Anticipated)] = true
		if o.VoiceID != 0 {
			names[s.data.name(o.VoiceID, "")] = true
		}
	}
	s.filterForm = true
	s.fdraft = &filterDraft{Scope: s.scope, Person: s.person, Archived: s.archived}
	return s.host.Start(s.filterFormFor(s.fdraft, names, "Who raised it or will voice the answer"), s.st.huhTheme())
}

// filterFormFor is the filter form of both review screens.
func (r *reviewBase) filterFormFor(d *filterDraft, names map[string]bool, personTitle string) *huh.Form {
	props := []huh.Option[int64]{huh.NewOption("every proposal", int64(0))}
	for _, p := range r.data.proposals {
		label := clean(p.Title)
		if p.Status == model.StatusArchived {
			label += " (archived)"
		}
		props = append(props, huh.NewOption(label, p.ID))
	}
	list := make([]string, 0, len(names))
	for n := range names {
		if n != "" {
			list = append(list, n)
		}
	}
	sort.Strings(list)
	people := []huh.Option[string]{huh.NewOption("anyone", "")}
	for _, n := range list {
		people = append(people, huh.NewOption(n, n))
	}
	if d.Person != "" && !names[d.Person] {
		people = append(people, huh.NewOption(d.Person, d.Person))
	}
	return huh.NewForm(huh.NewGroup(
		widget.StopAtEnds(huh.NewSelect[int64]().Title("Proposal").Options(props...).Value(&d.Scope).Height(min(len(props)+1, 6)), props),
		widget.StopAtEnds(huh.NewSelect[string]().Title(personTitle).Description("/ to type part of a name").
			Options(people...).Value(&d.Person).Height(min(len(people)+1, 7)), people),
		huh.NewConfirm().Title("Include archived proposals?").Affirmative("yes").Negative("no").Value(&d.Archived),
	))
}

// applyFilter takes the filter form's answers.
func (r *reviewBase) applyFilter() {
	if r.fdraft == nil {
		return
	}
	r.scope, r.person, r.archived = r.fdraft.Scope, r.fdraft.Person, r.fdraft.Archived
	r.fdraft = nil
	r.filterForm = false
}
