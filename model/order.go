package model

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// The canonical orders readiness, the brief and the redactor share, so that
// every result is independent of the order the caller passed rows in.

// ClampedInfluence is the person's influence held to 1…5, the range every
// weighting assumes.
func (s Stakeholder) ClampedInfluence() int { return max(1, min(5, s.Influence)) }

// RoomOrder returns the stakeholders in room-table order: role, influence
// (high first), ID; rows sharing an ID keep their canonical order.
func RoomOrder(people []Stakeholder) []Stakeholder {
	out := slices.Clone(SortedByID(people, func(s *Stakeholder) int64 { return s.ID }))
	SortRoom(out)
	return out
}

// SortRoom sorts people in place, stably, into room-table order.
func SortRoom(people []Stakeholder) {
	copy(people, sortedBy(people, func(a, b *Stakeholder) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(b.ClampedInfluence(), a.ClampedInfluence()), cmp.Compare(a.ID, b.ID))
	}))
}

// sortedBy is rows in the order cmp gives, equal rows as they came. It
// sorts their positions and moves each row once: a row of the dossier is a
// couple of hundred bytes, which sorting the rows themselves would copy at
// every comparison and every swap.
func sortedBy[T any](rows []T, cmp func(a, b *T) int) []T {
	idx := make([]int32, len(rows))
	for k := range idx {
		idx[k] = int32(k)
	}
	// Equal rows keep their order: the position breaks the tie, which makes
	// the order total, so the faster unstable sort gives the stable result.
	slices.SortFunc(idx, func(a, b int32) int {
		if c := cmp(&rows[a], &rows[b]); c != 0 {
			return c
		}
		return int(a - b)
	})
	out := make([]T, len(rows))
	for k, from := range idx {
		out[k] = rows[from]
	}
	return out
}

// CompareDates orders dates with unset dates last.
func CompareDates(a, b Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return cmp.Compare(a.day(), b.day())
}

// ByDayOrder returns the indexes of ts ordered by date, then by position
// (ts is sorted by ID, so that is ID order). Conversations span a few
// years at most, so a counting sort on the day number does it in linear
// time; an odd spread of dates falls back to a comparison sort.
func ByDayOrder(ts []Touchpoint) []int32 {
	n := len(ts)
	order := make([]int32, 0, n)
	lo, hi, dated := int64(math.MaxInt64), int64(math.MinInt64), 0
	// Rows by index, not by value: a conversation is a couple of hundred
	// bytes, and a brief orders tens of thousands of them.
	for k := range ts {
		if t := &ts[k]; !t.Date.IsZero() {
			day := t.Date.day()
			lo, hi = min(lo, day), max(hi, day)
			dated++
		}
	}
	if dated == 0 || hi-lo > int64(4*n+4096) {
		for k := range ts {
			order = append(order, int32(k))
		}
		slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(ts[a].Date.day(), ts[b].Date.day()) })
		return order
	}
	// Bucket 0 holds undated rows (they sort first, as the zero time does).
	start := make([]int32, hi-lo+3)
	bucket := func(t *Touchpoint) int64 {
		if t.Date.IsZero() {
			return 0
		}
		return t.Date.day() - lo + 1
	}
	for k := range ts {
		start[bucket(&ts[k])+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	order = order[:n]
	for k := range ts {
		b := bucket(&ts[k])
		order[start[b]] = int32(k)
		start[b]++
	}
	return order
}

// SortedByID sorts a copy by ID; rows sharing an ID are ordered by their
// printed content, which is a total order on equal-looking rows too.
func SortedByID[T any](rows []T, id func(*T) int64) []T {
	if increasingIDs(rows, id) {
		return rows // already canonical: the common case, and no copy needed
	}
	byID := func(a, b *T) int {
		if c := cmp.Compare(id(a), id(b)); c != 0 {
			return c
		}
		return compareContent(*a, *b)
	}
	if slices.IsSortedFunc(rows, func(a, b T) int { return byID(&a, &b) }) {
		return rows
	}
	return sortedBy(rows, byID) // a total order: stable or not, the same result
}

// increasingIDs reports whether every row's ID is greater than the one
// before it: sorted, with no two rows sharing an ID to order by content.
func increasingIDs[T any](rows []T, id func(*T) int64) bool {
	if len(rows) == 0 {
		return true
	}
	prev := id(&rows[0])
	for k := 1; k < len(rows); k++ {
		next := id(&rows[k])
		if next <= prev {
			return false
		}
		prev = next
	}
	return true
}

// compareContent orders two rows by their full printed value. It is only
// reached for rows sharing an ID, which a real store never produces.
func compareContent[T any](a, b T) int {
	return cmp.Compare(fmt.Sprintf("%#v", a), fmt.Sprintf("%#v", b))
}

// SortedDossier returns a copy with every slice in a total order (ID first,
// then content), so that results never depend on the caller's row order.
func SortedDossier(d Dossier) Dossier {
	d.Stakeholders = SortedByID(d.Stakeholders, func(s *Stakeholder) int64 { return s.ID })
	d.Touchpoints = SortedByID(d.Touchpoints, func(t *Touchpoint) int64 { return t.ID })
	d.Objections = SortedByID(d.Objections, func(o *Objection) int64 { return o.ID })
	d.BlindSpots = SortedByID(d.BlindSpots, func(b *BlindSpot) int64 { return b.ID })
	d.ContactTouchpoints = SortedByID(d.ContactTouchpoints, func(t *Touchpoint) int64 { return t.ID })
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
