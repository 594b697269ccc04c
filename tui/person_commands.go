package tui

// What the person forms read and write: the start of a flow (a kept draft
// or the person as stored) and the save of one stage as one store call.

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// personSavedMsg reports a stage of the person flow written to the store.
type personSavedMsg struct {
	seq         int
	stakeholder model.Stakeholder
	contact     model.Contact
	err         error
}

func (m personSavedMsg) saveErr() error { return m.err }

// personStartMsg brings what the person forms need: the directory to pick
// from, and a kept draft of this form if there is one.
type personStartMsg struct {
	seq      int
	contacts []model.Contact
	draft    model.Draft
	kept     bool
	err      error
}

// loadPersonStart reads the directory and the draft under key.
func (b *backend) loadPersonStart(seq int, key string) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		cs, err := store.ListContacts(ctx, false)
		if err != nil {
			return personStartMsg{seq: seq, err: err}
		}
		d, ok, err := store.GetDraft(ctx, key)
		return personStartMsg{seq: seq, contacts: cs, draft: d, kept: ok, err: err}
	}
}

// applyStage copies the answers of one stage onto a stakeholder, leaving
// every other field as stored.
func applyStage(s *model.Stakeholder, stage personStage, d personDraft, date model.Date) {
	plan := s.Plan
	switch stage {
	case stageWhom:
		s.Role, s.Influence, s.Votes, s.Veto = d.Role, d.Influence, d.Votes, d.Veto
		s.Stance, s.TargetStance, s.Spoiler = d.Stance, d.Target, d.Spoiler
		s.Wants, s.Fears = model.Normalize(d.Wants, true), model.Normalize(d.Fears, true)
	case stageWhen:
		s.Plan.Moment, s.Plan.TargetDate, s.Plan.BeforeID = d.Moment, date, d.BeforeID
	case stageWhat:
		s.Plan.Approach, s.Plan.Message, s.Plan.Opener = d.Approach, model.Normalize(d.Message, false), d.Opener
	case stageWhere:
		s.Plan.Venue, s.Plan.Place, s.Plan.ViaID = d.Venue, model.Normalize(d.Place, false), d.ViaID
	}
	if s.Plan != plan {
		// A changed plan is the next talk, not the one already held.
		s.Plan.Done = false
	}
}

// contactFrom is the contact with the whom form's answers, normalised.
func contactFrom(c model.Contact, d personDraft) model.Contact {
	c.Name = model.Normalize(d.Name, false)
	c.Title = model.Normalize(d.Title, false)
	c.Org = model.Normalize(d.Org, false)
	c.Kind, c.Discretion = d.Kind, d.Discretion
	return c
}

// savePerson writes one completed stage. A new person is one AddPerson call
// (creating the contact, or reusing the one picked from the directory); a
// person already on the proposal is changed with EditPerson: their part and
// (when the whom stage changed it) their contact, in one transaction. It then drops the stage's kept draft.
func (b *backend) savePerson(seq int, stage personStage, d personDraft, base model.Stakeholder, contact model.Contact, dropKeys []string) tea.Cmd {
	store, ctx, today := b.store, b.ctx, b.today()
	return func() tea.Msg {
		fail := func(err error) tea.Msg { return personSavedMsg{seq: seq, err: err} }
		date, err := model.ParseDate(d.TargetDate, today)
		if err != nil {
			return fail(err)
		}
		c := contact
		if stage == stageWhom && (c.ID == 0 || base.ID != 0) {
			c = contactFrom(contact, d)
		}
		var s model.Stakeholder
		switch {
		case base.ID == 0:
			if c.ID == 0 && c.Name == "" {
				return fail(errors.New("a new person needs a name"))
			}
			s = base
			applyStage(&s, stage, d, date)
			if s, err = store.AddPerson(ctx, c, s); err != nil {
				return fail(err)
			}
			if c.ID == 0 {
				c = contactFrom(model.Contact{ID: s.ContactID}, d)
			}
		default:
			// The contact and the person's part change together: one action.
			var editContact func(*model.Contact) error
			if c != contact {
				editContact = func(x *model.Contact) error {
					x.Name, x.Title, x.Org, x.Kind, x.Discretion = c.Name, c.Title, c.Org, c.Kind, c.Discretion
					return nil
				}
			}
			if c, s, err = store.EditPerson(ctx, base.ID, editContact, func(x *model.Stakeholder) error {
				applyStage(x, stage, d, date)
				return nil
			}); err != nil {
				return fail(err)
			}
		}
		for _, k := range dropKeys {
			// The stage is stored; a draft left behind would only be
			// offered again, so failing to drop it is not the save's failure.
			_ = store.DeleteDraft(ctx, k)
		}
		return personSavedMsg{seq: seq, stakeholder: s, contact: c}
	}
}
