package readiness

import "github.com/backchannel/backchannel/model"

// Index is a dossier read the way readiness reads it: sorted into its
// canonical order, people in room-table order with any what-ifs applied,
// and their conversations and readings looked up. The brief builds its
// document from it, so that the brief names and orders people exactly as
// the assessment did.
type Index struct{ x *dossierIndex }

// NewIndex indexes a dossier as of today without assessing it.
func NewIndex(d model.Dossier, today model.Date) *Index {
	return &Index{newDossierIndex(d, today)}
}

// AssessIndexed is Assess that also hands back the index it built, for a
// caller (the redacted brief) that needs both.
func AssessIndexed(d model.Dossier, today model.Date) (Readiness, *Index) {
	r, x := assess(d, today)
	return r, &Index{x}
}

// Today is the day the index reads the dossier as of.
func (ix *Index) Today() model.Date { return ix.x.today }

// Dossier is the dossier in its canonical order.
func (ix *Index) Dossier() model.Dossier { return ix.x.d }

// People are the stakeholders in room-table order (role, influence high
// first, ID), with what-ifs applied; every person index i refers to it.
func (ix *Index) People() []model.Stakeholder { return ix.x.people }

// Position is the index in People of a stakeholder ID.
func (ix *Index) Position(stakeholderID int64) (int, bool) {
	i, ok := ix.x.pos[stakeholderID]
	return i, ok
}

// NameByID is a stakeholder's cleaned name by stakeholder ID.
func (ix *Index) NameByID(stakeholderID int64) string { return ix.x.nameByID(stakeholderID) }

// ContactName is a contact's cleaned name by contact ID.
func (ix *Index) ContactName(contactID int64) string { return ix.x.contactName(contactID) }

// Target is the stance person i is wanted at: their own target, else what
// their place in the room asks for.
func (ix *Index) Target(i int) model.Stance { return ix.x.target(i) }

// LastTalk is the latest conversation logged with person i on this proposal.
func (ix *Index) LastTalk(i int) (model.Touchpoint, bool) { return ix.x.lastTalk(i) }

// Talked reports whether any conversation is logged with person i.
func (ix *Index) Talked(i int) bool { return ix.x.talked(i) }

// InRoom reports whether person i decides or sits in the room.
func (ix *Index) InRoom(i int) bool { return seated(ix.x.people[i]) }

// Absent reports whether a what-if takes person i out of the room.
func (ix *Index) Absent(i int) bool { return ix.x.people[i].Acted == whatIfAbsent }

// Voiced reports whether the objection's voice will answer it in the room.
func (ix *Index) Voiced(o model.Objection) bool { return ix.x.voiced(o) }

// Health is a contact's relationship health across all proposals.
func (ix *Index) Health(contactID int64) model.Health { return ix.x.healthOf(contactID) }

// PersonOf is the person a conversation was with, as an index into People.
func (ix *Index) PersonOf(t model.Touchpoint) (int, bool) { return ix.x.personOf(t) }

// ByDay orders the dossier's conversations by day, then ID, as indexes
// into Dossier().Touchpoints.
func (ix *Index) ByDay() []int32 { return ix.x.byDay }

// Readings count the people in the room by how recently their stance was
// read: within FreshDays, more than HalfLifeDays ago, or never.
func (ix *Index) Readings() (inRoom, recent, old, never int) {
	x := ix.x
	x.readAll()
	recent, old, never = x.readings()
	return len(x.room), recent, old, never
}
