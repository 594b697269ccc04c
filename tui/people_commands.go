package tui

import (
	"errors"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// This file holds the commands of the Contacts and Debrief screens: the one
// load that reads the whole directory with every person's part in every
// proposal, and the writes of the contact form and the debrief.

// peopleData is the contact directory the Contacts screen lists: each
// person's relationship health and their part in every proposal. The
// conversations of the person whose page is open are read when it opens
// (loadContactTalks): holding everyone's was most of the screen's memory
// (issue 13: 200,000 conversations). It is built in a command and never
// changed afterwards.
type peopleData struct {
	// contacts are every contact, archived included, by name.
	contacts []model.Contact
	byID     map[int64]int
	// proposals holds every proposal, archived included, by ID.
	proposals map[int64]model.Proposal
	// stakes holds each contact's parts, most recent decision first.
	stakes map[int64][]model.Stakeholder
	health map[int64]model.Health
	// lastDebrief is each contact's most recent recorded debrief, the "last
	// time" their words and deeds can be compared.
	lastDebrief map[int64]model.Stakeholder
}

// contact returns a contact of the directory by ID.
func (d *peopleData) contact(id int64) (model.Contact, bool) {
	i, ok := d.byID[id]
	if !ok {
		return model.Contact{}, false
	}
	return d.contacts[i], true
}

// sayDoOf reads a contact's last recorded debrief, if any.
func (d *peopleData) sayDoOf(contactID int64) (sayDo, bool) {
	s, ok := d.lastDebrief[contactID]
	if !ok {
		return sayDo{}, false
	}
	return readSayDo(s), true
}

// newPeopleData indexes what loadPeople read; ledgers are every contact's
// conversations counted (db.Store.ContactLedgers), which give the same
// health as the conversations themselves.
func newPeopleData(contacts []model.Contact, props []model.Proposal, stakes []model.Stakeholder, ledgers map[int64]model.Ledger, today model.Date) *peopleData {
	d := &peopleData{
		contacts:    contacts,
		byID:        make(map[int64]int, len(contacts)),
		proposals:   make(map[int64]model.Proposal, len(props)),
		stakes:      map[int64][]model.Stakeholder{},
		health:      make(map[int64]model.Health, len(contacts)),
		lastDebrief: map[int64]model.Stakeholder{},
	}
	for i, c := range contacts {
		d.byID[c.ID] = i
	}
	for _, p := range props {
		d.proposals[p.ID] = p
	}
	for _, s := range stakes {
		d.stakes[s.ContactID] = append(d.stakes[s.ContactID], s)
	}
	for cid, ss := range d.stakes {
		slices.SortStableFunc(ss, func(a, b model.Stakeholder) int { return d.proposalOrder(a.ProposalID, b.ProposalID) })
		for _, s := range ss {
			if s.Acted != model.ActedUnknown && d.proposals[s.ProposalID].Status.Decided() {
				d.lastDebrief[cid] = s
				break
			}
		}
	}
	for _, c := range contacts {
		d.health[c.ID] = ledgers[c.ID].Health(c, today)
	}
	return d
}

// proposalOrder puts the latest decision date first; undated proposals come
// last, newest first.
func (d *peopleData) proposalOrder(a, b int64) int {
	pa, pb := d.proposals[a], d.proposals[b]
	switch {
	case pa.DecisionDate.IsZero() != pb.DecisionDate.IsZero():
		if pa.DecisionDate.IsZero() {
			return 1
		}
		return -1
	case pa.DecisionDate.After(pb.DecisionDate):
		return -1
	case pb.DecisionDate.After(pa.DecisionDate):
		return 1
	}
	return int(b - a)
}

// peopleLoadedMsg carries the contact directory for the Contacts screen.
type peopleLoadedMsg struct {
	seq  int
	data *peopleData
	err  error
}

// loadPeople reads every contact, every proposal, per proposal its
// stakeholders, and every contact's conversations counted: 3 + proposals
// queries, however many contacts and conversations there are.
func (b *backend) loadPeople(seq int) tea.Cmd {
	store, ctx, today := b.store, b.ctx, b.today()
	return func() tea.Msg {
		fail := func(err error) tea.Msg { return peopleLoadedMsg{seq: seq, err: err} }
		contacts, err := store.ListContacts(ctx, true)
		if err != nil {
			return fail(err)
		}
		props, err := store.ListProposals(ctx, true)
		if err != nil {
			return fail(err)
		}
		var stakes []model.Stakeholder
		for _, p := range props {
			ss, err := store.ListStakeholders(ctx, p.ID)
			if err != nil {
				return fail(err)
			}
			stakes = append(stakes, ss...)
		}
		ledgers, err := store.ContactLedgers(ctx, today)
		if err != nil {
			return fail(err)
		}
		return peopleLoadedMsg{seq: seq, data: newPeopleData(contacts, props, stakes, ledgers, today)}
	}
}

// contactTalksMsg carries the conversations of the person whose page is open.
type contactTalksMsg struct {
	seq       int
	contactID int64
	talks     []model.Touchpoint
	err       error
}

// loadContactTalks reads every conversation with a contact, across
// proposals, newest first.
func (b *backend) loadContactTalks(seq int, contactID int64) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		ts, err := store.ListContactTouchpoints(ctx, contactID)
		// The store gives them oldest first (by date, then ID).
		slices.Reverse(ts)
		return contactTalksMsg{seq: seq, contactID: contactID, talks: ts, err: err}
	}
}

// contactDraft is what the contact form edits; huh fields are bound to it.
type contactDraft struct {
	Name        string
	Title       string
	Org         string
	Email       string
	Aliases     string
	Kind        model.PartnerKind
	Discretion  model.Discretion
	ValueIBring string
	Notes       string
	// Cadence is the reconnect cadence in days as typed; blank uses the default.
	Cadence  string
	Archived bool
}

// draftFromContact fills a draft from a stored contact.
func draftFromContact(c model.Contact) contactDraft {
	cad := ""
	if c.CadenceDays > 0 {
		cad = itoa(c.CadenceDays)
	}
	return contactDraft{Name: editable(c.Name), Title: editable(c.Title), Org: editable(c.Org), Email: editable(c.Email),
		Aliases: editable(c.Aliases), Kind: c.Kind, Discretion: c.Discretion,
		ValueIBring: editable(c.ValueIBring), Notes: editable(c.Notes), Cadence: cad, Archived: c.Archived}
}

// applyTo copies the fields changed since was (the contact as the form
// opened on it; empty for a new one) onto the contact as stored now,
// normalising typed text. A field changed elsewhere meanwhile and not here
// keeps its stored value.
func (d contactDraft) applyTo(c *model.Contact, was contactDraft) error {
	n, err := model.ParseCadence(d.Cadence)
	if err != nil {
		return err
	}
	text := func(dst *string, now, before string, multiline bool) {
		if now != before {
			*dst = model.Normalize(now, multiline)
		}
	}
	text(&c.Name, d.Name, was.Name, false)
	text(&c.Title, d.Title, was.Title, false)
	text(&c.Org, d.Org, was.Org, false)
	text(&c.Email, d.Email, was.Email, false)
	text(&c.Aliases, d.Aliases, was.Aliases, false)
	text(&c.ValueIBring, d.ValueIBring, was.ValueIBring, true)
	text(&c.Notes, d.Notes, was.Notes, true)
	if d.Kind != was.Kind {
		c.Kind = d.Kind
	}
	if d.Discretion != was.Discretion {
		c.Discretion = d.Discretion
	}
	if d.Cadence != was.Cadence {
		c.CadenceDays = n
	}
	if d.Archived != was.Archived {
		c.Archived = d.Archived
	}
	return nil
}

// contactSavedMsg reports a contact written from the Contacts screen.
type contactSavedMsg struct {
	seq     int
	contact model.Contact
	err     error
}

func (m contactSavedMsg) saveErr() error { return m.err }

// saveContact creates a contact (id 0), or applies the form to the contact
// as stored now, read and written in one transaction, so fields changed
// elsewhere meanwhile are not overwritten with stale values. The store
// keeps every changed field in history; the save is one undo step.
func (b *backend) saveContact(seq int, id int64, d, was contactDraft) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		if id != 0 {
			c, err := store.EditContact(ctx, id, func(c *model.Contact) error { return d.applyTo(c, was) })
			return contactSavedMsg{seq: seq, contact: c, err: err}
		}
		var c model.Contact
		if err := d.applyTo(&c, contactDraft{}); err != nil {
			return contactSavedMsg{seq: seq, err: err}
		}
		c, err := store.CreateContact(ctx, c)
		return contactSavedMsg{seq: seq, contact: c, err: err}
	}
}

// errUnchanged stops an edit that would change nothing, so that it writes
// nothing and leaves no empty undo step.
var errUnchanged = errors.New("nothing to change")

// debriefLoadedMsg carries the proposal the Debrief screen records.
type debriefLoadedMsg struct {
	seq     int
	dossier model.Dossier
	err     error
}

// loadDebrief reads the proposal with its people.
func (b *backend) loadDebrief(seq int, id int64) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		d, err := store.LoadDossier(ctx, id)
		return debriefLoadedMsg{seq: seq, dossier: d, err: err}
	}
}

// debriefWrite is a batch of debrief choices not yet in the store: the
// outcome and how each person acted. Only the latest choice per field is
// kept, so a burst of key presses writes once per field, in order.
type debriefWrite struct {
	outcome    model.Status
	hasOutcome bool
	acted      map[int64]model.Acted
}

// empty reports whether there is nothing to write.
func (w debriefWrite) empty() bool { return !w.hasOutcome && len(w.acted) == 0 }

// debriefSavedMsg reports a batch of debrief choices written. It is not a
// saveResult: the screen answers with debriefFlushedMsg once nothing is
// left to write, and only then may a "save and quit" go ahead.
type debriefSavedMsg struct {
	seq          int
	proposal     model.Proposal
	stakeholders []model.Stakeholder
	// what says what was saved, for the status line.
	what string
	err  error
}

// debriefFlushedMsg says every debrief choice made so far is in the store.
type debriefFlushedMsg struct{ err error }

func (m debriefFlushedMsg) saveErr() error { return m.err }

// saveDebrief writes a batch: the outcome through EditProposal, each
// reading through EditStakeholder, each read and written in one transaction
// (one undo step per choice) so nothing changed meanwhile is overwritten.
// The store records every change in history.
func (b *backend) saveDebrief(seq int, proposalID int64, w debriefWrite, names map[int64]string) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		msg := debriefSavedMsg{seq: seq}
		var said []string
		if w.hasOutcome {
			var stored model.Proposal
			p, err := store.EditProposal(ctx, proposalID, func(p *model.Proposal) error {
				if stored = *p; p.Status == w.outcome {
					return errUnchanged
				}
				p.Status = w.outcome
				return nil
			})
			if errors.Is(err, errUnchanged) {
				p, err = stored, nil
			}
			if err != nil {
				msg.err = err
				return msg
			}
			msg.proposal = p
			said = append(said, "outcome "+outcomeWord(p.Status))
		}
		ids := make([]int64, 0, len(w.acted))
		for id := range w.acted {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			var stored model.Stakeholder
			s, err := store.EditStakeholder(ctx, id, func(s *model.Stakeholder) error {
				if stored = *s; s.Acted == w.acted[id] {
					return errUnchanged
				}
				s.Acted = w.acted[id]
				return nil
			})
			if errors.Is(err, errUnchanged) {
				s, err = stored, nil
			}
			if err != nil {
				msg.err = err
				return msg
			}
			msg.stakeholders = append(msg.stakeholders, s)
			said = append(said, names[id]+" "+model.ActedPhrase(s.Acted))
		}
		msg.what = "Saved: " + strings.Join(said, "; ") + "."
		return msg
	}
}
