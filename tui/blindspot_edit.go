package tui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// blindSpotEdit is which change the blind-spot screen is making.
type blindSpotEdit int

const (
	// editBlindSpot changes every field: the text, the status and how it
	// was addressed (e).
	editBlindSpot blindSpotEdit = iota
	// editBlindSpotHow only says how it was addressed (r).
	editBlindSpotHow
	// editBlindSpotStatus flips open and addressed, without a form (m).
	editBlindSpotStatus
	// addBlindSpot records a new one (a).
	addBlindSpot
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

// toggle marks the selected blind spot addressed, or open again, at once.
func (s *blindSpotsScreen) toggle(row model.BlindSpotRow) tea.Cmd {
	d := draftFromBlindSpot(row.BlindSpot)
	d.Status = model.BlindSpotAddressed
	what := "Marked addressed."
	if strings.TrimSpace(row.HowAddressed) == "" {
		what = "Marked addressed; press r to say how."
	}
	if row.Status == model.BlindSpotAddressed {
		d.Status, what = model.BlindSpotOpen, "Reopened."
	}
	s.edit, s.editID = editBlindSpotStatus, row.ID
	s.draft = &d
	s.started = draftFromBlindSpot(row.BlindSpot)
	s.saveSeq++
	s.waiting = true
	s.expectChange(row.ProposalID, what)
	return s.b.saveBlindSpot(s.saveSeq, row.ID, d, s.started)
}

// openForm shows a blind-spot form for the selected row, or a new one.
func (s *blindSpotsScreen) openForm(e blindSpotEdit) tea.Cmd {
	s.edit, s.filterForm = e, false
	if e == addBlindSpot {
		open := s.openProposals()
		if len(open) == 0 {
			return reportErr(errors.New("there is no undecided proposal to add a blind spot to; start one from the dashboard with n"))
		}
		pid := s.scope
		if row, ok := s.selectedRow(); ok && pid == 0 {
			pid = row.ProposalID
		}
		if pid == 0 || !s.data.dir.Proposals[pid].Status.Open() {
			pid = open[0].ID
		}
		s.editID = 0
		s.draft = &blindSpotDraft{ProposalID: pid}
	} else {
		row, ok := s.selectedRow()
		if !ok {
			return nil
		}
		s.editID = row.ID
		s.draft = new(blindSpotDraft)
		*s.draft = draftFromBlindSpot(row.BlindSpot)
	}
	s.started = *s.draft
	return s.host.Start(s.buildForm(), s.st.huhTheme())
}

// buildForm is the huh form for the current edit.
func (s *blindSpotsScreen) buildForm() *huh.Form {
	d := s.draft
	how := huh.NewText().Title("How was it addressed?").
		Description("what you changed or checked; ctrl+j new line, ctrl+e opens $EDITOR").
		Lines(4).CharLimit(model.MaxTextLen).Value(&d.HowAddressed)
	switch s.edit {
	case editBlindSpotHow:
		return huh.NewForm(huh.NewGroup(how.Lines(max(min(s.height-formHeading-8, 10), 4))))
	case addBlindSpot:
		var fields []huh.Field
		var open []huh.Option[int64]
		for _, p := range s.openProposals() {
			open = append(open, huh.NewOption(clean(p.Title), p.ID))
		}
		if s.scope == 0 && len(open) > 1 {
			fields = append(fields, widget.StopAtEnds(huh.NewSelect[int64]().Title("Proposal").Options(open...).Value(&d.ProposalID).
				Height(min(len(open)+1, 5)), open))
		}
		fields = append(fields,
			blindSpotText(d, "What had you not seen?", "a blind spot, or an assumption to test: “am I thinking about this right?”"),
			widget.StopAtEndsFunc(huh.NewSelect[int64]().Title("Who surfaced it?").
				OptionsFunc(func() []huh.Option[int64] { return s.surfacerOptions(d.ProposalID) }, &d.ProposalID).
				Value(&d.SurfacedByID).Height(5), func() []huh.Option[int64] { return s.surfacerOptions(d.ProposalID) }),
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
func (s *blindSpotsScreen) surfacerOptions(proposalID int64) []huh.Option[int64] {
	opts := []huh.Option[int64]{huh.NewOption("me", int64(0))}
	for _, st := range s.data.stakes[proposalID] {
		opts = append(opts, huh.NewOption(s.data.name(st.ID, "someone")+" — "+shortRole(st.Role), st.ID))
	}
	return opts
}

// save writes the draft: the form was completed, or "save it" was chosen.
func (s *blindSpotsScreen) save() tea.Cmd {
	d := *s.draft
	s.saveSeq++
	s.waiting = true
	s.expectChange(d.ProposalID, s.describeSave())
	return s.b.saveBlindSpot(s.saveSeq, s.editID, d, s.started)
}

// describeSave says what the save changes, for the status line.
func (s *blindSpotsScreen) describeSave() string {
	d := *s.draft
	var was blindSpotDraft
	for _, r := range s.rows {
		if r.ID == s.editID {
			was = draftFromBlindSpot(r.BlindSpot)
		}
	}
	if s.edit == addBlindSpot {
		return "Added the blind spot."
	}
	var parts []string
	if s.edit == editBlindSpot && model.Normalize(d.Text, true) != model.Normalize(was.Text, true) {
		parts = append(parts, "Reworded.")
	}
	if s.edit == editBlindSpot && d.Status != was.Status {
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

// dirty reports a data form with input not saved yet.
func (s *blindSpotsScreen) dirty() bool {
	return s.host.Active() && !s.filterForm && s.draft != nil && (s.host.Unsaved() || *s.draft != s.started)
}

// saveDraft saves the form on the way out ("save it" when leaving).
func (s *blindSpotsScreen) saveDraft() tea.Cmd {
	if !s.dirty() {
		return nil
	}
	s.leaving = true
	return s.save()
}

// openFilterForm picks a proposal and a person to filter by.
func (s *blindSpotsScreen) openFilterForm() tea.Cmd {
	names := map[string]bool{}
	for _, b := range s.data.blindSpots {
		names[s.data.name(b.SurfacedByID, model.Me)] = true
	}
	s.filterForm = true
	s.fdraft = &filterDraft{Scope: s.scope, Person: s.person, Archived: s.archived}
	return s.host.Start(s.filterFormFor(s.fdraft, names, "Who surfaced it"), s.st.huhTheme())
}
