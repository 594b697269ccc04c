package model

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// dossierIndex is a dossier sorted into a canonical order with the lookups
// readiness needs. Building it once keeps Assess linear in the touchpoints
// and makes every result independent of the order the caller passed rows in.
type dossierIndex struct {
	d     Dossier
	p     Proposal
	today Date
	// people are the stakeholders in room-table order: role, influence (high
	// first), ID.
	people    []Stakeholder
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
	health map[int64]Health
	// heardToday marks people whose stance a what-if assumes was read today.
	heardToday []bool
	// reads are what has been learned about each person (readAll).
	reads []reading
}

func newDossierIndex(d Dossier, today Date) *dossierIndex {
	d = sortedDossier(d)
	x := &dossierIndex{d: d, p: d.Proposal, today: today}
	x.people = slices.Clone(d.Stakeholders)
	assumed := applyWhatIf(x.people, d.WhatIf)
	slices.SortStableFunc(x.people, func(a, b Stakeholder) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(b.influence(), a.influence()), cmp.Compare(a.ID, b.ID))
	})
	x.pos = make(map[int64]int, len(x.people))
	x.byContact = make(map[int64]int, len(x.people))
	for i, s := range x.people {
		if _, dup := x.pos[s.ID]; !dup {
			x.pos[s.ID] = i
		}
		if _, dup := x.byContact[s.ContactID]; !dup {
			x.byContact[s.ContactID] = i
		}
		if s.inRoom() {
			x.room = append(x.room, i)
		}
	}
	x.heardToday = make([]bool, len(x.people))
	for i, s := range x.people {
		x.heardToday[i] = assumed[s.ID]
	}
	x.byDay = byDayOrder(d.Touchpoints)
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
	x.health = ledgerHealth(d, today)
	return x
}

// byDayOrder returns the indexes of ts ordered by date, then by position
// (ts is sorted by ID, so that is ID order). Conversations span a few
// years at most, so a counting sort on the day number does it in linear
// time; an odd spread of dates falls back to a comparison sort.
func byDayOrder(ts []Touchpoint) []int32 {
	n := len(ts)
	order := make([]int32, 0, n)
	lo, hi, dated := int64(math.MaxInt64), int64(math.MinInt64), 0
	for _, t := range ts {
		if !t.Date.IsZero() {
			day := dayNumber(t.Date)
			lo, hi = min(lo, day), max(hi, day)
			dated++
		}
	}
	if dated == 0 || hi-lo > int64(4*n+4096) {
		for k := range ts {
			order = append(order, int32(k))
		}
		slices.SortStableFunc(order, func(a, b int32) int { return ts[a].Date.t.Compare(ts[b].Date.t) })
		return order
	}
	// Bucket 0 holds undated rows (they sort first, as the zero time does).
	start := make([]int32, hi-lo+3)
	bucket := func(t Touchpoint) int64 {
		if t.Date.IsZero() {
			return 0
		}
		return dayNumber(t.Date) - lo + 1
	}
	for _, t := range ts {
		start[bucket(t)+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	order = order[:n]
	for k, t := range ts {
		b := bucket(t)
		order[start[b]] = int32(k)
		start[b]++
	}
	return order
}

func dayNumber(d Date) int64 { return d.t.Unix() / 86400 }

// talk is person i's k-th conversation, oldest first.
func (x *dossierIndex) talk(i, k int) *Touchpoint { return &x.d.Touchpoints[x.talks[i][k]] }

// personOf finds the stakeholder a touchpoint belongs to: by stakeholder ID,
// or by contact when the row carries no stakeholder.
func (x *dossierIndex) personOf(t Touchpoint) (int, bool) {
	if t.StakeholderID != 0 {
		i, ok := x.pos[t.StakeholderID]
		return i, ok
	}
	i, ok := x.byContact[t.ContactID]
	return i, ok
}

// inRoom reports whether the stakeholder decides or is present when the
// forum decides: a decision-maker, in the room, a voter or a veto holder.
// Someone a what-if takes out of the room is not in it.
func (s Stakeholder) inRoom() bool {
	return (s.Role.InRoom() || s.Votes || s.Veto) && s.Acted != whatIfAbsent
}

// influence is the stakeholder's influence clamped to 1…5, so a bad row
// cannot dominate or vanish from a weighted sum.
func (s Stakeholder) influence() int { return max(1, min(5, s.Influence)) }

// talked reports whether any conversation on this proposal is logged with person i.
// A what-if that assumes their stance counts as a conversation today.
func (x *dossierIndex) talked(i int) bool { return len(x.talks[i]) > 0 || x.heardToday[i] }

// lastTalk is the latest conversation with person i on this proposal.
func (x *dossierIndex) lastTalk(i int) (Touchpoint, bool) {
	if len(x.talks[i]) == 0 {
		return Touchpoint{}, false
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
		if n := Clean(c.Name); n != "" {
			return n
		}
	}
	return fmt.Sprintf("contact #%d", id)
}

// target is the stance person i needs by the pitch: their target if set,
// otherwise supporter for those who decide and neutral for the rest.
func (x *dossierIndex) target(i int) Stance {
	s := x.people[i]
	if s.TargetStance.Known() {
		return s.TargetStance
	}
	if s.Role == RoleDecisionMaker || s.Votes || s.Veto {
		return StanceSupporter
	}
	return StanceNeutral
}

// anyDecider reports whether someone is marked decision-maker or voting.
func (x *dossierIndex) anyDecider() bool {
	for _, s := range x.people {
		if s.Role == RoleDecisionMaker || s.Votes {
			return true
		}
	}
	return false
}

// voiced reports whether a live objection has a voice in the room: a
// stakeholder in the room who is not against the proposal.
func (x *dossierIndex) voiced(o Objection) bool {
	i, ok := x.pos[o.VoiceID]
	if o.VoiceID == 0 || !ok {
		return false
	}
	s := x.people[i]
	return s.inRoom() && !s.Stance.Against()
}

// roomBlockers are the live blocker objections raised by someone in the room.
func (x *dossierIndex) roomBlockers() []Objection {
	var out []Objection
	for _, o := range x.d.Objections {
		if o.Severity != SeverityBlocker || !o.Status.Live() || o.RaisedByID == 0 {
			continue
		}
		if i, ok := x.pos[o.RaisedByID]; ok && x.people[i].inRoom() {
			out = append(out, o)
		}
	}
	return out
}

// sortedDossier returns a copy with every slice in a total order (ID first,
// then content), so that results never depend on the caller's row order.
func sortedDossier(d Dossier) Dossier {
	d.Stakeholders = sortedBy(d.Stakeholders, func(s Stakeholder) int64 { return s.ID })
	d.Touchpoints = sortedBy(d.Touchpoints, func(t Touchpoint) int64 { return t.ID })
	d.Objections = sortedBy(d.Objections, func(o Objection) int64 { return o.ID })
	d.BlindSpots = sortedBy(d.BlindSpots, func(b BlindSpot) int64 { return b.ID })
	d.ContactTouchpoints = sortedBy(d.ContactTouchpoints, func(t Touchpoint) int64 { return t.ID })
	byTime := func(a, b HistoryEvent) int {
		if c := cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID)); c != 0 {
			return c
		}
		return compareContent(a, b)
	}
	if !slices.IsSortedFunc(d.History, byTime) {
		d.History = slices.Clone(d.History)
		slices.SortFunc(d.History, byTime)
	}
	return d
}

// sortedBy sorts a copy by ID; rows sharing an ID are ordered by their
// printed content, which is a total order on equal-looking rows too.
func sortedBy[T any](rows []T, id func(T) int64) []T {
	byID := func(a, b T) int {
		if c := cmp.Compare(id(a), id(b)); c != 0 {
			return c
		}
		return compareContent(a, b)
	}
	if slices.IsSortedFunc(rows, byID) {
		return rows // already canonical: the common case, and no copy needed
	}
	out := slices.Clone(rows)
	slices.SortFunc(out, byID)
	return out
}

// compareContent orders two rows by their full printed value. It is only
// reached for rows sharing an ID, which a real store never produces.
func compareContent[T any](a, b T) int {
	return cmp.Compare(fmt.Sprintf("%#v", a), fmt.Sprintf("%#v", b))
}
