package tui

import (
	"errors"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// This file holds what the Contacts screen does to a whole contact besides
// editing it: archive and unarchive (z), merge a duplicate into them (m) and
// delete them (X). Merging and deleting read what refers to the contact
// first, to ask one question that says what moves or why it cannot go.

// contactImpactMsg carries what refers to a contact, read to ask about it.
type contactImpactMsg struct {
	seq int
	// merge is set when other is to be merged into keep; otherwise other
	// is to be deleted.
	merge       bool
	other, keep int64
	removal     model.Removal
	err         error
}

// contactActMsg is the yes to a merge or delete question.
type contactActMsg struct {
	merge       bool
	other, keep int64
}

// contactChangedMsg reports an archive, merge or delete done.
type contactChangedMsg struct {
	seq    int
	status string
	focus  int64
	err    error
}

// contactImpact reads what refers to contact other.
func (b *backend) contactImpact(seq int, merge bool, other, keep int64) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		r, err := store.ContactImpact(ctx, other)
		return contactImpactMsg{seq: seq, merge: merge, other: other, keep: keep, removal: r, err: err}
	}
}

// setArchived archives or unarchives a contact, read and written in one
// transaction.
func (b *backend) setArchived(seq int, id int64, archived bool, status string) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		_, err := store.EditContact(ctx, id, func(c *model.Contact) error {
			c.Archived = archived
			return nil
		})
		return contactChangedMsg{seq: seq, status: status, focus: id, err: err}
	}
}

// mergeContacts folds other into keep in one store call.
func (b *backend) mergeContacts(seq int, keep, other int64, status string) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		_, err := store.MergeContacts(ctx, keep, other)
		return contactChangedMsg{seq: seq, status: status, focus: keep, err: err}
	}
}

// deleteContact deletes a contact nothing refers to.
func (b *backend) deleteContact(seq int, id int64, status string) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		return contactChangedMsg{seq: seq, status: status, err: store.DeleteContact(ctx, id)}
	}
}

// target is the contact the row keys act on: the one on the page, or the
// one selected in the list.
func (s *contactsScreen) target() (model.Contact, bool) {
	if s.mode == contactsDetail {
		return s.data.contact(s.detailID)
	}
	if r, ok := s.list.Selected(); ok {
		return s.data.contact(r.ID)
	}
	return model.Contact{}, false
}

// toggleArchived archives the contact, or brings an archived one back.
func (s *contactsScreen) toggleArchived(c model.Contact) tea.Cmd {
	name := clean(c.Name)
	status := "Archived " + name + ": hidden from the directory and the pickers, history kept; u undoes it."
	if c.Archived {
		status = "Unarchived " + name + "; u undoes it."
	}
	s.saveSeq++
	s.waiting = true
	return s.b.setArchived(s.saveSeq, c.ID, !c.Archived, status)
}

// askDelete reads what refers to the contact before asking.
func (s *contactsScreen) askDelete(c model.Contact) tea.Cmd {
	s.askSeq++
	return s.b.contactImpact(s.askSeq, false, c.ID, 0)
}

// openMerge asks which contact to merge into keep: every other contact,
// those with the same name first, found by typing / and part of a name.
func (s *contactsScreen) openMerge(keep model.Contact) tea.Cmd {
	if len(s.data.contacts) < 2 {
		return reportErr(errors.New("there is no other contact to merge into " + clean(keep.Name)))
	}
	s.formKind, s.formFrom, s.mergeKeep, s.mergePick = contactFormMerge, s.mode, keep.ID, 0
	s.formName = clean(keep.Name)
	others := slices.DeleteFunc(slices.Clone(s.data.contacts), func(c model.Contact) bool { return c.ID == keep.ID })
	same := model.FoldKey(keep.Name)
	slices.SortStableFunc(others, func(a, b model.Contact) int {
		sa, sb := model.FoldKey(a.Name) == same, model.FoldKey(b.Name) == same
		switch {
		case sa && !sb:
			return -1
		case sb && !sa:
			return 1
		}
		return 0
	})
	opts := make([]huh.Option[int64], len(others))
	for i, c := range others {
		// One line each: a wrapped option reads as two people.
		opts[i] = huh.NewOption(ansi.Truncate(pickLabel(c), max(s.width-6, 20), "…"), c.ID)
	}
	s.mergePick = others[0].ID
	s.layout() // the heading names the person now
	f := huh.NewForm(huh.NewGroup(widget.StopAtEnds(widget.ScrollingSelect(huh.NewSelect[int64]().Options(opts...).Value(&s.mergePick),
		"Merge whom into "+s.formName+"?",
		"they are folded into "+s.formName+": their proposals, conversations and history move here; / finds a name",
		len(opts), max(s.formH-6, 4)), opts)))
	return s.host.Start(f, s.st.huhTheme())
}

// pickLabel tells contacts apart in the merge picker: name, what they do,
// their email, and whether they are archived.
func pickLabel(c model.Contact) string {
	label := widget.JoinNonEmpty(" · ", clean(c.Name), widget.JoinNonEmpty(", ", clean(c.Title), clean(c.Org)), clean(c.Email))
	if c.Archived {
		label += " (archived)"
	}
	return label
}

// picked takes the contact chosen in the merge picker and reads what
// would move, to ask.
func (s *contactsScreen) picked() tea.Cmd {
	s.host.Stop()
	s.mode = s.formFrom
	if s.mergePick == 0 || s.mergePick == s.mergeKeep {
		return nil
	}
	s.askSeq++
	return s.b.contactImpact(s.askSeq, true, s.mergePick, s.mergeKeep)
}

// twoNames names two contacts so they can be told apart even when their
// names are the same: "Helen Park (Acme)" and "Helen Park (helen@…)".
func (s *contactsScreen) twoNames(a, b int64) (string, string) {
	ca, _ := s.data.contact(a)
	cb, _ := s.data.contact(b)
	na, nb := clean(ca.Name), clean(cb.Name)
	if model.FoldKey(ca.Name) != model.FoldKey(cb.Name) {
		return na, nb
	}
	tell := func(c, o model.Contact) string {
		for _, f := range [][2]string{{c.Org, o.Org}, {c.Email, o.Email}, {c.Title, o.Title}} {
			if v := clean(f[0]); v != "" && !strings.EqualFold(v, clean(f[1])) {
				return v
			}
		}
		return "#" + itoa(int(c.ID))
	}
	return na + " (" + tell(ca, cb) + ")", nb + " (" + tell(cb, ca) + ")"
}

// refs says what refers to a contact: "2 proposals, 5 conversations and 1
// mention as go-between"; empty when nothing does.
func refs(r model.Removal) string {
	var parts []string
	if r.Proposals > 0 {
		parts = append(parts, model.Plural(r.Proposals, "proposal", "proposals"))
	}
	if r.Conversations > 0 {
		parts = append(parts, model.Plural(r.Conversations, "conversation", "conversations"))
	}
	if r.PlanRefs > 0 {
		parts = append(parts, model.Plural(r.PlanRefs, "mention as go-between", "mentions as go-between"))
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// impact asks the question once what refers to the contact is known: the
// merge says what moves, the delete is refused in one sentence when the
// contact is referred to.
func (s *contactsScreen) impact(m contactImpactMsg) tea.Cmd {
	if m.seq != s.askSeq {
		return nil
	}
	if m.err != nil {
		return reportErr(m.err)
	}
	yes := navigate(contactActMsg{merge: m.merge, other: m.other, keep: m.keep})
	if m.merge {
		other, keep := s.twoNames(m.other, m.keep)
		moves := "Nothing else refers to them."
		if r := refs(m.removal); r != "" {
			moves = "Their " + r + " move over."
		}
		return askConfirm("Merge "+other+" into "+keep+"? "+moves, yes)
	}
	c, _ := s.data.contact(m.other)
	name := clean(c.Name)
	if r := refs(m.removal); r != "" {
		return reportErr(errors.New(name + " is on " + r + ", so archive (z) or merge (m) instead of deleting"))
	}
	return askConfirm("Delete "+name+" from your contacts? Nothing refers to them; u undoes it.", yes)
}

// act merges or deletes once the question is answered yes.
func (s *contactsScreen) act(m contactActMsg) tea.Cmd {
	if s.waiting {
		return nil
	}
	s.saveSeq++
	s.waiting = true
	if m.merge {
		other, keep := s.twoNames(m.other, m.keep)
		return s.b.mergeContacts(s.saveSeq, m.keep, m.other, "Merged "+other+" into "+keep+"; u undoes it.")
	}
	c, _ := s.data.contact(m.other)
	return s.b.deleteContact(s.saveSeq, m.other, "Deleted "+clean(c.Name)+"; u undoes it.")
}

// changed takes the answer of an archive, merge or delete: the list again
// with the contact kept selected, and what was done on the status line.
func (s *contactsScreen) changed(m contactChangedMsg) tea.Cmd {
	if m.seq != s.saveSeq {
		return nil
	}
	s.waiting = false
	if m.err != nil {
		return reportErr(m.err)
	}
	if m.focus != 0 {
		s.focus = m.focus
		if s.mode == contactsDetail && s.detailID != m.focus {
			s.detailID, s.detailOff = m.focus, 0
		}
	}
	s.syncKeys()
	return tea.Batch(s.load(), navigate(statusMsg{text: m.status}))
}

// contactPurgeMsg is the typed yes to purging a contact.
type contactPurgeMsg struct{ id int64 }

// purgeContact erases a contact for good in one store call.
func (b *backend) purgeContact(seq int, id int64, name string) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		rep, err := store.Purge(ctx, model.PurgeContact, id, model.Date{})
		status := "Purged " + name + " for good: " + model.Plural(rep.Rows, "record", "records") + ", " +
			model.Plural(rep.History, "history entry", "history entries") + " erased; undo cannot bring them back."
		if rep.WALBusy {
			status += " Another backchannel window still holds old pages; close it to finish."
		}
		return contactChangedMsg{seq: seq, status: status, err: err}
	}
}

// askPurge asks for the typed word before erasing a contact for good.
func (s *contactsScreen) askPurge(c model.Contact) tea.Cmd {
	name := clean(c.Name)
	return askTyped("Purge "+name+" for good? Their places on proposals and their conversations go too, with every history record and undo snapshot of them; undo cannot bring them back.",
		"purge", navigate(contactPurgeMsg{id: c.ID}))
}

// purge runs once the word is typed.
func (s *contactsScreen) purge(m contactPurgeMsg) tea.Cmd {
	if s.waiting {
		return nil
	}
	c, _ := s.data.contact(m.id)
	s.saveSeq++
	s.waiting = true
	return s.b.purgeContact(s.saveSeq, m.id, clean(c.Name))
}
