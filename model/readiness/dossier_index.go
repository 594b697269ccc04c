package readiness

import (
	"fmt"
	"slices"

	"github.com/backchannel/backchannel/model"
)

// dossierIndex is a dossier sorted into a canonical order with the lookups
// readiness needs. Building it once keeps Assess linear in the touchpoints
// and makes every result independent of the order the caller passed rows in.
type dossierIndex struct {
	d     model.Dossier
	p     model.Proposal
	today model.Date
	// people are the stakeholders in room-table order: role, influence (high
	// first), ID.
	people    []model.Stakeholder
	pos       map[int64]int // stakeholder ID → index in people
	byContact map[int64]int // contact ID → first index in people
	// byDay orders d.Touchpoints by day, then ID (indexes into it).
	byDay []int32
	// talks are each person's conversations on this proposal, oldest first,
	// as indexes into d.Touchpoints (copying 20,000 rows would cost more
	// than everything else Assess does).
	talks [][]int32
	// owner is the person each touchpoint belongs to (index into people), or −1.
	owner []int32
	// room are the indexes of people who decide or sit in the room.
	room []int
	// health is each contact's relationship health across all proposals.
	health map[int64]model.Health
	// heardToday marks people whose stance a what-if assumes was read today.
	heardToday []bool
	// reads are what has been learned about each person (readAll).
	reads []reading
}

func newDossierIndex(d model.Dossier, today model.Date) *dossierIndex {
	d = model.SortedDossier(d)
	x := &dossierIndex{d: d, p: d.Proposal, today: today}
	x.people = slices.Clone(d.Stakeholders)
	assumed := applyWhatIf(x.people, d.WhatIf)
	model.SortRoom(x.people)
	x.pos = make(map[int64]int, len(x.people))
	x.byContact = make(map[int64]int, len(x.people))
	for i, s := range x.people {
		if _, dup := x.pos[s.ID]; !dup {
			x.pos[s.ID] = i
		}
		if _, dup := x.byContact[s.ContactID]; !dup {
			x.byContact[s.ContactID] = i
		}
		if seated(s) {
			x.room = append(x.room, i)
		}
	}
	x.heardToday = make([]bool, len(x.people))
	for i, s := range x.people {
		x.heardToday[i] = assumed[s.ID]
	}
	x.byDay = model.ByDayOrder(d.Touchpoints)
	x.talks = make([][]int32, len(x.people))
	x.owner = make([]int32, len(d.Touchpoints))
	for k := range d.Touchpoints {
		x.owner[k] = -1
		if i, ok := x.personOf(d.Touchpoints[k]); ok {
			x.owner[k] = int32(i)
		}
	}
	for _, k := range x.byDay {
		if i := x.owner[k]; i >= 0 {
			x.talks[i] = append(x.talks[i], k)
		}
	}
	x.health = model.LedgerHealth(d, today)
	return x
}

// talk is person i's k-th conversation, oldest first.
func (x *dossierIndex) talk(i, k int) *model.Touchpoint { return &x.d.Touchpoints[x.talks[i][k]] }

// personOf finds the stakeholder a touchpoint belongs to: by stakeholder ID,
// or by contact when the row carries no stakeholder.
func (x *dossierIndex) personOf(t model.Touchpoint) (int, bool) {
	if t.StakeholderID != 0 {
		i, ok := x.pos[t.StakeholderID]
		return i, ok
	}
	i, ok := x.byContact[t.ContactID]
	return i, ok
}

// seated reports whether the stakeholder decides or is present when the
// forum decides: a decision-maker, in the room, a voter or a veto holder.
// Someone a what-if takes out of the room is not in it.
func seated(s model.Stakeholder) bool {
	return (s.Role.InRoom() || s.Votes || s.Veto) && s.Acted != whatIfAbsent
}

// talked reports whether any conversation on this proposal is logged with person i.
// A what-if that assumes their stance counts as a conversation today.
func (x *dossierIndex) talked(i int) bool { return len(x.talks[i]) > 0 || x.heardToday[i] }

// lastTalk is the latest conversation with person i on this proposal.
func (x *dossierIndex) lastTalk(i int) (model.Touchpoint, bool) {
	if len(x.talks[i]) == 0 {
		return model.Touchpoint{}, false
	}
	return *x.talk(i, len(x.talks[i])-1), true
}

// name is person i's display name, cleaned for a terminal.
func (x *dossierIndex) name(i int) string { return x.contactName(x.people[i].ContactID) }

// nameByID is a stakeholder's name by stakeholder ID.
func (x *dossierIndex) nameByID(id int64) string {
	if i, ok := x.pos[id]; ok {
		return x.name(i)
	}
	return fmt.Sprintf("stakeholder #%d", id)
}

// contactName is a contact's cleaned name, or a placeholder when unknown.
func (x *dossierIndex) contactName(id int64) string {
	if c, ok := x.d.Contacts[id]; ok {
		if n := model.Clean(c.Name); n != "" {
			return n
		}
	}
	return fmt.Sprintf("contact #%d", id)
}

// target is the stance person i needs by the pitch: their target if set,
// otherwise supporter for those who decide and neutral for the rest.
func (x *dossierIndex) target(i int) model.Stance {
	s := x.people[i]
	if s.TargetStance.Known() {
		return s.TargetStance
	}
	if s.Role == model.RoleDecisionMaker || s.Votes || s.Veto {
		return model.StanceSupporter
	}
	return model.StanceNeutral
}

// anyDecider reports whether someone is marked decision-maker or voting.
func (x *dossierIndex) anyDecider() bool {
	for _, s := range x.people {
		if s.Role == model.RoleDecisionMaker || s.Votes {
			return true
		}
	}
	return false
}

// voiced reports whether a live objection has a voice in the room: a
// stakeholder in the room who is not against the proposal.
func (x *dossierIndex) voiced(o model.Objection) bool {
	i, ok := x.pos[o.VoiceID]
	if o.VoiceID == 0 || !ok {
		return false
	}
	s := x.people[i]
	return seated(s) && !s.Stance.Against()
}

// roomBlockers are the live blocker objections raised by someone in the room.
func (x *dossierIndex) roomBlockers() []model.Objection {
	var out []model.Objection
	for _, o := range x.d.Objections {
		if o.Severity != model.SeverityBlocker || !o.Status.Live() || o.RaisedByID == 0 {
			continue
		}
		if i, ok := x.pos[o.RaisedByID]; ok && seated(x.people[i]) {
			out = append(out, o)
		}
	}
	return out
}
