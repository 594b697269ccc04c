package tui

import (
	"errors"
	"sort"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// This file holds the review screen's forms: opening one of the kind's
// edit forms on the selected row (or a new row), saving it, what counts as
// unsaved input, and the filter form every kind shares.

// openForm shows one of the kind's forms for the selected row, or for a new
// row on the proposal in view, in place of the list.
func (s *reviewScreen[R, D]) openForm(e reviewEdit) tea.Cmd {
	s.edit, s.filterForm = e, false
	if e == editAdd {
		props := s.openProposals()
		if len(props) == 0 {
			return reportErr(errors.New("there is no undecided proposal to add " + s.kind.a + " to; start one from the dashboard with n"))
		}
		pid := s.scope
		if row, ok := s.selectedRow(); ok && pid == 0 {
			pid = s.kind.ref(row).proposalID
		}
		if pid == 0 || !s.data.dir.Proposals[pid].Status.Open() {
			pid = props[0].ID
		}
		s.editID = 0
		d := s.kind.newDraft(pid)
		s.draft = &d
	} else {
		row, ok := s.selectedRow()
		if !ok {
			return nil
		}
		if s.kind.check != nil {
			if err := s.kind.check(s, row, e); err != nil {
				return reportErr(err)
			}
		}
		s.editID = s.kind.ref(row).id
		d := s.kind.draftOf(row)
		s.draft = &d
	}
	s.started = *s.draft
	return s.host.Start(s.buildForm(), s.st.huhTheme())
}

// buildForm is the huh form for the current edit, bound to the draft; a
// failed save builds it again over what was typed.
func (s *reviewScreen[R, D]) buildForm() *huh.Form { return s.kind.form(s, s.edit) }

// save writes the draft: the form was completed, or "save it" was chosen.
func (s *reviewScreen[R, D]) save() tea.Cmd {
	d := *s.draft
	s.saveSeq++
	s.waiting = true
	s.expectChange(s.kind.proposalOf(d), s.kind.describe(s, s.edit, d, s.started))
	return s.kind.save(s.b, s.saveSeq, s.editID, d, s.started)
}

// saveNow writes d at once, without a form (m on a blind spot), saying
// what on the status line once saved.
func (s *reviewScreen[R, D]) saveNow(e reviewEdit, id int64, d, was D, what string) tea.Cmd {
	s.edit, s.editID = e, id
	s.draft, s.started = &d, was
	s.saveSeq++
	s.waiting = true
	s.expectChange(s.kind.proposalOf(d), what)
	return s.kind.save(s.b, s.saveSeq, id, d, was)
}

// dirty reports a data form with input not saved yet.
func (s *reviewScreen[R, D]) dirty() bool {
	return s.host.Active() && !s.filterForm && s.draft != nil && (s.host.Unsaved() || *s.draft != s.started)
}

// saveDraft saves the form on the way out ("save it" when leaving).
func (s *reviewScreen[R, D]) saveDraft() tea.Cmd {
	if !s.dirty() {
		return nil
	}
	s.leaving = true
	return s.save()
}

// openFilterForm picks a proposal and a person to filter by.
func (s *reviewScreen[R, D]) openFilterForm() tea.Cmd {
	s.filterForm = true
	s.fdraft = &filterDraft{Scope: s.scope, Person: s.person, Archived: s.archived}
	return s.host.Start(s.filterFormFor(s.fdraft, s.kind.people(s.data), s.kind.personTitle), s.st.huhTheme())
}

// filterDraft is what the filter form edits.
type filterDraft struct {
	Scope    int64
	Person   string
	Archived bool
}

// openProposals are the proposals still to be decided, which are the ones
// a row can be added to.
func (r *reviewBase) openProposals() []model.Proposal {
	var out []model.Proposal
	for _, p := range r.data.proposals {
		if p.Status.Open() {
			out = append(out, p)
		}
	}
	return out
}

// filterFormFor is the filter form: a proposal, one of names, and whether
// archived proposals count.
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
