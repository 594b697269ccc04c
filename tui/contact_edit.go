package tui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// openForm shows the contact form for a person (id 0 adds someone new) in
// place of the list or their page.
func (s *contactsScreen) openForm(id int64) tea.Cmd {
	d := contactDraft{}
	if id != 0 {
		c, ok := s.data.contact(id)
		if !ok {
			return nil
		}
		d = draftFromContact(c)
	}
	s.editID, s.formFrom, s.formName, s.formKind = id, s.mode, clean(d.Name), contactFormEdit
	s.draft = &d
	return s.startForm()
}

// contactForm is what the Contacts screen's open form does.
type contactForm int

const (
	// contactFormEdit adds or edits a contact.
	contactFormEdit contactForm = iota
	// contactFormMerge picks a contact to merge into another.
	contactFormMerge
)

// startForm builds the form from the draft and shows it.
func (s *contactsScreen) startForm() tea.Cmd {
	s.started = *s.draft
	s.layout() // the heading names the person now
	return s.host.Start(s.buildForm(), s.st.huhTheme())
}

// buildForm is the contact form: who they are, how you work together, the
// value you bring them and notes. Each text field has a page of its own,
// because huh gives $EDITOR's text to every text field on the page.
func (s *contactsScreen) buildForm() *huh.Form {
	d := s.draft
	lim := func(f *huh.Input) *huh.Input { return f.CharLimit(model.MaxNameLen) }
	who := huh.NewGroup(
		lim(huh.NewInput().Title("Name").Value(&d.Name)).Validate(func(v string) error {
			if strings.TrimSpace(v) == "" {
				return errors.New("a person needs a name")
			}
			return nil
		}),
		lim(huh.NewInput().Title("Job title").Placeholder("optional").Value(&d.Title)),
		lim(huh.NewInput().Title("Team or organisation").Placeholder("optional").Value(&d.Org)),
		lim(huh.NewInput().Title("Email or handle").Placeholder("optional").Value(&d.Email)),
		huh.NewInput().Title("Other names").Placeholder("optional: nicknames, initials, handles, separated by commas").
			Description("redaction finds these too").CharLimit(model.MaxTextLen).Value(&d.Aliases),
	).Title("Who they are")
	// Where a new contact starts comes first: choices stop at their ends.
	kinds := enumOptions(widget.StartFirst(model.PartnerKinds(), model.PartnerNone))
	discretions := enumOptions(widget.StartFirst(model.Discretions(), model.DiscretionUnknown))
	fields := []huh.Field{
		widget.StopAtEnds(huh.NewSelect[model.PartnerKind]().Title("Partner kind").Inline(true).
			Description("lateral: a peer · influencer: more senior · willing: wants you to succeed").
			Options(kinds...).Value(&d.Kind), kinds),
		widget.StopAtEnds(huh.NewSelect[model.Discretion]().Title("Can they keep a confidence?").Inline(true).
			Options(discretions...).Value(&d.Discretion), discretions),
		huh.NewInput().Title("Reconnect every … days").
			Description("blank for the default of " + itoa(model.DefaultCadenceDays) + "; any logged conversation resets it").
			Value(&d.Cadence).CharLimit(5).
			Validate(func(v string) error { _, err := model.ParseCadence(v); return err }),
	}
	groups := []*huh.Group{
		who,
		huh.NewGroup(fields...).Title("How you work together"),
		huh.NewGroup(huh.NewText().Title("What value do you bring them?").Lines(3).CharLimit(model.MaxTextLen).
			Value(&d.ValueIBring)).Title("The value you bring").
			Description("a back channel is a two-way street; ctrl+e writes in $EDITOR"),
		huh.NewGroup(huh.NewText().Title("Notes").Lines(4).CharLimit(model.MaxTextLen).Value(&d.Notes)).
			Title("Notes").Description("how they like to be approached, what they care about; ctrl+e writes in $EDITOR"),
	}
	if s.editID != 0 {
		// Last and on its own: archiving is rare, and the page fits 80×24.
		groups = append(groups, huh.NewGroup(huh.NewConfirm().Title("Archive them?").
			Description("hidden from the directory and the pickers; their history stays").
			Affirmative("archive").Negative("keep").Value(&d.Archived)).Title("Keep them in the directory?"))
	}
	return huh.NewForm(groups...)
}

// save writes the draft: the form was completed, or "save it" was chosen.
func (s *contactsScreen) save() tea.Cmd {
	s.saveSeq++
	s.waiting = true
	return s.b.saveContact(s.saveSeq, s.editID, *s.draft, s.started)
}

// saved takes the answer of a save: back to the list or page with the
// person selected, or the form again with what was typed.
func (s *contactsScreen) saved(msg contactSavedMsg) tea.Cmd {
	if msg.seq != s.saveSeq {
		return nil
	}
	s.waiting = false
	if msg.err != nil {
		s.leaving = false
		// Shown again with what was typed, and still counted as unsaved.
		return tea.Batch(reportErr(msg.err), s.host.Restart(s.buildForm(), s.st.huhTheme()))
	}
	c := msg.contact
	s.host.Stop()
	s.mode, s.focus = s.formFrom, c.ID
	name := clean(c.Name)
	status := "Saved " + name + "."
	if what := changedFields(s.started, *s.draft); len(what) > 0 {
		status = "Saved " + name + ": " + strings.Join(what, ", ") + " changed; u undoes it."
	}
	switch {
	case s.editID == 0:
		status = "Added " + name + "."
		if s.mode == contactsDetail {
			s.detailID = c.ID
		}
	case c.Archived && !s.archived:
		status = "Archived " + name + ". Press A to show archived contacts."
		s.mode = contactsList
	}
	if s.mode == contactsDetail {
		s.detailOff = 0
	}
	s.syncKeys()
	return tea.Batch(s.load(), navigate(statusMsg{text: status}))
}

// dirty reports input in the form not saved yet; picking a contact to
// merge is not input.
func (s *contactsScreen) dirty() bool {
	return s.host.Active() && s.formKind == contactFormEdit && s.draft != nil && (s.host.Unsaved() || *s.draft != s.started)
}

// saveDraft saves the form on the way out ("save it" when leaving).
func (s *contactsScreen) saveDraft() tea.Cmd {
	if !s.dirty() {
		return nil
	}
	s.leaving = true
	return s.save()
}

// formTop is the heading over the form as drawn: what the form does, and
// a line on what happens to it.
func (s *contactsScreen) formTop() string {
	head := "Add a person to your contacts"
	sub := "Name them now; everything else can wait."
	switch {
	case s.formKind == contactFormMerge:
		head = "Merge a duplicate into " + s.formName
		sub = "You are asked once before anything changes; u undoes a merge."
	case s.editID != 0:
		head = "Edit " + s.formName
		sub = "Every change is kept in the history."
	}
	return formHead(s.st, s.width, head, s.st.Muted.Render(sub))
}

// formView is the heading and the form.
func (s *contactsScreen) formView() string {
	if s.waiting {
		return s.formTop() + "\n\n" + s.st.Muted.Render("Saving…")
	}
	return s.formTop() + "\n\n" + s.host.View()
}

// changedFields names what the form changed, in the form's order.
func changedFields(was, now contactDraft) []string {
	var out []string
	for _, f := range []struct {
		name string
		a, b string
	}{
		{"name", was.Name, now.Name},
		{"job title", was.Title, now.Title},
		{"organisation", was.Org, now.Org},
		{"email", was.Email, now.Email},
		{"other names", was.Aliases, now.Aliases},
		{"partner kind", was.Kind.String(), now.Kind.String()},
		{"discretion", was.Discretion.String(), now.Discretion.String()},
		{"reconnect cadence", was.Cadence, now.Cadence},
		{"value you bring", was.ValueIBring, now.ValueIBring},
		{"notes", was.Notes, now.Notes},
	} {
		if model.Normalize(f.a, true) != model.Normalize(f.b, true) {
			out = append(out, f.name)
		}
	}
	return out
}
