package tui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
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

// checkObjectionEdit refuses to pick a voice for an objection on a
// proposal with no supporter yet, and says what to do instead.
func checkObjectionEdit(s *objectionsScreen, row model.ObjectionRow, e reviewEdit) error {
	if e == editVoice && len(s.data.supporters(row.ProposalID)) == 0 && row.VoiceID == 0 {
		return errors.New("nobody on “" + ansi.Truncate(s.proposalTitle(row.ProposalID), 40, "…") +
			"” is a supporter or champion yet; win someone over before choosing who voices the answer")
	}
	return nil
}

// objectionForm is the huh form for an edit of the objection in s.draft.
func objectionForm(s *objectionsScreen, e reviewEdit) *huh.Form {
	d := s.draft
	response := huh.NewText().Title("Our response").
		Description("how you will answer it in the room; ctrl+j new line, ctrl+e opens $EDITOR").
		CharLimit(model.MaxTextLen).Value(&d.Response)
	voices := voiceOptions(s.data, d.ProposalID, d.VoiceID)
	voice := widget.StopAtEnds(huh.NewSelect[int64]().Title("Voice in the room").
		Description("supporters who will answer it in the meeting, people in the room first").
		Options(voices...).Value(&d.VoiceID).Height(min(len(voices), 5)+2), voices)
	switch e {
	case editStatus:
		opts := make([]huh.Option[model.ObjectionStatus], 0, 5)
		for _, st := range model.ObjectionStatuses() {
			opts = append(opts, huh.NewOption(st.String()+" — "+statusMeaning(st), st))
		}
		return huh.NewForm(huh.NewGroup(widget.StopAtEnds(huh.NewSelect[model.ObjectionStatus]().Title("Status").
			Description("each change is kept in the history with its date").Options(opts...).Value(&d.Status), opts)))
	case editRespond:
		return huh.NewForm(huh.NewGroup(response.Lines(max(min(s.height-s.formTop-8, 10), 4))))
	case editVoice:
		return huh.NewForm(huh.NewGroup(voice))
	case editAdd:
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
func voiceOptions(data *reviewData, proposalID, current int64) []huh.Option[int64] {
	opts := []huh.Option[int64]{huh.NewOption("nobody yet", int64(0))}
	seen := false
	for _, st := range data.supporters(proposalID) {
		seen = seen || st.ID == current
		opts = append(opts, huh.NewOption(data.name(st.ID, "someone")+" — "+st.Stance.String()+", "+shortRole(st.Role), st.ID))
	}
	if current != 0 && !seen {
		if st, ok := data.stakeholder(current); ok {
			opts = append(opts, huh.NewOption(data.name(current, "someone")+" — now "+st.Stance.String(), current))
		}
	}
	return opts
}

// describeObjectionSave says what a save changes, for the status line.
func describeObjectionSave(s *objectionsScreen, e reviewEdit, d, was objectionDraft) string {
	if e == editAdd {
		return "Added the anticipated objection."
	}
	var parts []string
	if e == editAll && model.Normalize(d.Text, true) != model.Normalize(was.Text, true) {
		parts = append(parts, "Reworded.")
	}
	if e == editAll && d.Severity != was.Severity {
		parts = append(parts, "Severity "+was.Severity.String()+" → "+d.Severity.String()+".")
	}
	if d.Status != was.Status && e != editRespond && e != editVoice {
		parts = append(parts, "Marked "+d.Status.String()+".")
	}
	if model.Normalize(d.Response, true) != model.Normalize(was.Response, true) && (e == editAll || e == editRespond) {
		parts = append(parts, "Response saved.")
	}
	if d.VoiceID != was.VoiceID && (e == editAll || e == editVoice) {
		parts = append(parts, "Voice in the room: "+s.data.name(d.VoiceID, "nobody yet")+".")
	}
	if len(parts) == 0 {
		return "Nothing changed."
	}
	return strings.Join(parts, " ")
}

// saveObjection adds a new objection, or applies the edited fields to the
// objection as it is stored now, read and written in one transaction (the
// command line may have changed the rest while the screen was open). The
// store keeps every status change in history; the save is one undo step.
func saveObjection(b *backend, seq int, id int64, d, was objectionDraft) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		if id == 0 {
			o, err := store.AddObjection(ctx, model.Objection{ProposalID: d.ProposalID, Text: model.Normalize(d.Text, true),
				Severity: d.Severity, Status: model.ObjectionOpen, Response: model.Normalize(d.Response, true)})
			return reviewSavedMsg{kind: reviewObjections, seq: seq, id: o.ID, err: err}
		}
		o, err := store.EditObjection(ctx, id, func(o *model.Objection) error {
			d.applyTo(o, was)
			return nil
		})
		return reviewSavedMsg{kind: reviewObjections, seq: seq, id: o.ID, err: err}
	}
}

// deleteObjection deletes an objection.
func deleteObjection(b *backend, seq int, id int64) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		return reviewSavedMsg{kind: reviewObjections, seq: seq, err: store.DeleteObjection(ctx, id)}
	}
}
