package brief

import (
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/redact"
)

// redactDossier returns a copy of d in which every person is their label
// and every free text the brief can show has people replaced. Contacts lose
// their email, title, organisation and aliases, which identify them as
// surely as a name. Words the brief never shows are dropped rather than
// redacted: the conversations beyond its recent log, those on other
// proposals, and the history of anything but the proposal itself (only its
// forum and date moves are quoted). On a large dossier that is most of the
// text, and what is dropped cannot leak through a later change either.
//
// The sponsor edition (sponsor true) also drops what only the back channel
// should read: contact notes, the value I bring, what was not said and
// follow-ups; and it writes "they" for he and she.
func redactDossier(d model.Dossier, rd *redact.Redactor, sponsor bool) model.Dossier {
	say := rd.Text
	if sponsor {
		say = func(s string) string { return redact.TheyFor(rd.Text(s)) }
	}
	out := d
	out.Proposal.Title = say(d.Proposal.Title)
	out.Proposal.Ask = say(d.Proposal.Ask)
	out.Proposal.Forum = say(d.Proposal.Forum)
	out.Contacts = make(map[int64]model.Contact, len(d.Contacts))
	for id, c := range d.Contacts {
		c.Name = rd.Label(id)
		c.Email, c.Title, c.Org, c.Aliases = "", "", "", ""
		if sponsor {
			c.Notes, c.ValueIBring = "", ""
		} else {
			c.Notes, c.ValueIBring = say(c.Notes), say(c.ValueIBring)
		}
		out.Contacts[id] = c
	}
	out.Stakeholders = make([]model.Stakeholder, len(d.Stakeholders))
	for k, s := range d.Stakeholders {
		s.Wants, s.Fears = say(s.Wants), say(s.Fears)
		s.Plan.Message, s.Plan.Place = say(s.Plan.Message), say(s.Plan.Place)
		out.Stakeholders[k] = s
	}
	// The recent log picks its rows by day, then ID; keeping every row that
	// shares an ID with one it picks stays right even if blanking the others
	// reorders rows that share an ID.
	shown := map[int64]bool{}
	for _, id := range TextShown(d) {
		shown[id] = true
	}
	out.Touchpoints = make([]model.Touchpoint, len(d.Touchpoints))
	for k, t := range d.Touchpoints {
		switch {
		case !shown[t.ID]:
			t.Said, t.Subtext, t.FollowUp = "", "", ""
		case sponsor:
			t.Said, t.Subtext, t.FollowUp = say(t.Said), "", ""
		default:
			t.Said, t.Subtext, t.FollowUp = say(t.Said), say(t.Subtext), say(t.FollowUp)
		}
		out.Touchpoints[k] = t
	}
	out.ContactTouchpoints = make([]model.Touchpoint, len(d.ContactTouchpoints))
	for k, t := range d.ContactTouchpoints {
		t.Said, t.Subtext, t.FollowUp = "", "", ""
		out.ContactTouchpoints[k] = t
	}
	out.Objections = make([]model.Objection, len(d.Objections))
	for k, o := range d.Objections {
		o.Text, o.Response = say(o.Text), say(o.Response)
		out.Objections[k] = o
	}
	out.BlindSpots = make([]model.BlindSpot, len(d.BlindSpots))
	for k, b := range d.BlindSpots {
		b.Text, b.HowAddressed = say(b.Text), say(b.HowAddressed)
		out.BlindSpots[k] = b
	}
	out.History = make([]model.HistoryEvent, len(d.History))
	for k, h := range d.History {
		if h.Entity != model.EntityProposal {
			h.Old, h.New = "", ""
			out.History[k] = h
			continue
		}
		old, nu := say(h.Old), say(h.New)
		if old == nu && h.Old != h.New {
			// Two values that differed only by a name must still read as a
			// change, or redaction would hide forum shopping.
			nu += " (revised)"
		}
		h.Old, h.New = old, nu
		out.History[k] = h
	}
	return out
}
