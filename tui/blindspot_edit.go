package tui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// blindSpotDraft is what the blind-spot forms edit.
type blindSpotDraft struct {
	ProposalID   int64
	SurfacedByID int64
	Text         string
	Status       model.BlindSpotStatus
	HowAddressed string
}

// draftFromBlindSpot fills a draft from a stored blind spot.
func draftFromBlindSpot(b model.BlindSpot) blindSpotDraft {
	return blindSpotDraft{ProposalID: b.ProposalID, SurfacedByID: b.SurfacedByID, Text: editable(b.Text), Status: b.Status,
		HowAddressed: editable(b.HowAddressed)}
}

// applyTo copies the fields changed since was (the blind spot as the form
// opened on it) onto the blind spot as stored now: a field changed
// elsewhere meanwhile and not here keeps its stored value.
func (d blindSpotDraft) applyTo(b *model.BlindSpot, was blindSpotDraft) {
	if d.Text != was.Text {
		b.Text = model.Normalize(d.Text, true)
	}
	if d.Status != was.Status {
		b.Status = d.Status
	}
	if d.HowAddressed != was.HowAddressed {
		b.HowAddressed = model.Normalize(d.HowAddressed, true)
	}
}

// toggleBlindSpot marks a blind spot addressed, or open again, at once (m):
// no form, one store call.
func toggleBlindSpot(s *blindSpotsScreen, row model.BlindSpotRow) tea.Cmd {
	was := draftFromBlindSpot(row.BlindSpot)
	d := was
	d.Status = model.BlindSpotAddressed
	what := "Marked addressed."
	if strings.TrimSpace(row.HowAddressed) == "" {
		what = "Marked addressed; press r to say how."
	}
	if row.Status == model.BlindSpotAddressed {
		d.Status, what = model.BlindSpotOpen, "Reopened."
	}
	return s.saveNow(editStatus, row.ID, d, was, what)
}

// blindSpotForm is the huh form for an edit of the blind spot in s.draft.
func blindSpotForm(s *blindSpotsScreen, e reviewEdit) *huh.Form {
	d := s.draft
	how := huh.NewText().Title("How was it addressed?").
		Description("what you changed or checked; ctrl+j new line, ctrl+e opens $EDITOR").
		Lines(4).CharLimit(model.MaxTextLen).Value(&d.HowAddressed)
	switch e {
	case editRespond:
		return huh.NewForm(huh.NewGroup(how.Lines(max(min(s.height-s.formTop-8, 10), 4))))
	case editAdd:
		var fields []huh.Field
		var open []huh.Option[int64]
		for _, p := range s.openProposals() {
			open = append(open, huh.NewOption(clean(p.Title), p.ID))
		}
		if s.scope == 0 && len(open) > 1 {
			fields = append(fields, widget.StopAtEnds(huh.NewSelect[int64]().Title("Proposal").Options(open...).Value(&d.ProposalID).
				Height(min(len(open)+1, 5)), open))
		}
		surfacers := func() []huh.Option[int64] { return surfacerOptions(s.data, d.ProposalID) }
		fields = append(fields,
			blindSpotText(d, "What had you not seen?", "a blind spot, or an assumption to test: “am I thinking about this right?”"),
			widget.StopAtEndsFunc(huh.NewSelect[int64]().Title("Who surfaced it?").
				OptionsFunc(surfacers, &d.ProposalID).Value(&d.SurfacedByID).Height(5), surfacers),
		)
		return huh.NewForm(huh.NewGroup(fields...))
	}
	statuses := []huh.Option[model.BlindSpotStatus]{huh.NewOption("open", model.BlindSpotOpen), huh.NewOption("addressed", model.BlindSpotAddressed)}
	status := widget.StopAtEnds(huh.NewSelect[model.BlindSpotStatus]().Title("Status").Inline(true).
		Options(statuses...).Value(&d.Status), statuses)
	// Two pages, one text field each: huh gives $EDITOR's text to every
	// text field on the page.
	return huh.NewForm(
		huh.NewGroup(blindSpotText(d, "The blind spot", "what you had not seen; ctrl+e opens $EDITOR")),
		huh.NewGroup(status, how.Lines(3)),
	)
}

// blindSpotText is the field for a blind spot's words, which may not be
// left empty.
func blindSpotText(d *blindSpotDraft, title, desc string) *huh.Text {
	return huh.NewText().Title(title).Description(desc).
		Lines(3).CharLimit(model.MaxTextLen).Value(&d.Text).
		Validate(func(t string) error {
			if strings.TrimSpace(t) == "" {
				return errors.New("write the blind spot; an empty one cannot be saved")
			}
			return nil
		})
}

// surfacerOptions are "me" and the people on the proposal.
func surfacerOptions(data *reviewData, proposalID int64) []huh.Option[int64] {
	opts := []huh.Option[int64]{huh.NewOption("me", int64(0))}
	for _, st := range data.stakes[proposalID] {
		opts = append(opts, huh.NewOption(data.name(st.ID, "someone")+" — "+shortRole(st.Role), st.ID))
	}
	return opts
}

// describeBlindSpotSave says what a save changes, for the status line.
func describeBlindSpotSave(_ *blindSpotsScreen, e reviewEdit, d, was blindSpotDraft) string {
	if e == editAdd {
		return "Added the blind spot."
	}
	var parts []string
	if e == editAll && model.Normalize(d.Text, true) != model.Normalize(was.Text, true) {
		parts = append(parts, "Reworded.")
	}
	if e == editAll && d.Status != was.Status {
		parts = append(parts, "Marked "+d.Status.String()+".")
	}
	if model.Normalize(d.HowAddressed, true) != model.Normalize(was.HowAddressed, true) {
		parts = append(parts, "Saved how it was addressed.")
	}
	if len(parts) == 0 {
		return "Nothing changed."
	}
	return strings.Join(parts, " ")
}

// saveBlindSpot adds a new blind spot, or applies the edited fields to the
// blind spot as it is stored now, in one transaction.
func saveBlindSpot(b *backend, seq int, id int64, d, was blindSpotDraft) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		if id == 0 {
			s, err := store.AddBlindSpot(ctx, model.BlindSpot{ProposalID: d.ProposalID, SurfacedByID: d.SurfacedByID,
				Text: model.Normalize(d.Text, true), Status: model.BlindSpotOpen})
			return reviewSavedMsg{kind: reviewBlindSpots, seq: seq, id: s.ID, err: err}
		}
		s, err := store.EditBlindSpot(ctx, id, func(s *model.BlindSpot) error {
			d.applyTo(s, was)
			return nil
		})
		return reviewSavedMsg{kind: reviewBlindSpots, seq: seq, id: s.ID, err: err}
	}
}

// deleteBlindSpot deletes a blind spot.
func deleteBlindSpot(b *backend, seq int, id int64) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		return reviewSavedMsg{kind: reviewBlindSpots, seq: seq, err: store.DeleteBlindSpot(ctx, id)}
	}
}
