package model

import (
	"slices"
	"strings"
)

// The review screens filter their list again on every key typed into the
// search. ObjectionRows and BlindSpotRows join names, fold case and sort on
// every call; the indexes below do that once per load, so a key costs a
// scan of pre-folded text (issue 13: the dearest key in the TUI). Match(f)
// picks exactly the rows the Rows functions give for f, in the same order:
// the order is total (ids break ties), so the rows a filter keeps are in the
// order they have among all rows.

// ObjectionIndex is every objection of a list joined, ordered most urgent
// first and case-folded once.
type ObjectionIndex struct {
	rows []ObjectionRow
	// archived marks rows of archived proposals; the rest are folded
	// text, response, raised-by and voice.
	archived                    []bool
	text, response, raised, voc []string
}

// NewObjectionIndex joins and orders objs as ObjectionRows does on today.
func NewObjectionIndex(objs []Objection, dir Directory, today Date) *ObjectionIndex {
	rows := ObjectionRows(objs, dir, ObjectionFilter{IncludeArchived: true}, today)
	x := &ObjectionIndex{rows: rows, archived: make([]bool, len(rows)), text: make([]string, len(rows)),
		response: make([]string, len(rows)), raised: make([]string, len(rows)), voc: make([]string, len(rows))}
	for i, r := range rows {
		x.archived[i] = dir.Proposals[r.ProposalID].Status == StatusArchived
		x.text[i], x.response[i] = strings.ToLower(r.Text), strings.ToLower(r.Response)
		x.raised[i], x.voc[i] = strings.ToLower(r.RaisedBy), strings.ToLower(r.Voice)
	}
	return x
}

// All is every row in order; Match gives positions in it. Callers must not
// change the rows.
func (x *ObjectionIndex) All() []ObjectionRow { return x.rows }

// Match is the positions, in order, of the rows ObjectionRows keeps for f.
func (x *ObjectionIndex) Match(f ObjectionFilter) []int {
	text := strings.ToLower(f.Text)
	person := newPersonQuery(f.Person)
	out := make([]int, 0, len(x.rows))
	for i := range x.rows {
		o := &x.rows[i]
		switch {
		case f.ProposalID != 0 && o.ProposalID != f.ProposalID,
			!f.IncludeArchived && x.archived[i],
			len(f.Statuses) > 0 && !slices.Contains(f.Statuses, o.Status),
			len(f.Severities) > 0 && !slices.Contains(f.Severities, o.Severity),
			f.Person != "" && !person.matches(o.RaisedBy, x.raised[i]) && !person.matches(o.Voice, x.voc[i]),
			f.Text != "" && !strings.Contains(x.text[i], text) && !strings.Contains(x.response[i], text):
			continue
		}
		out = append(out, i)
	}
	return out
}

// BlindSpotIndex is every blind spot of a list joined, ordered open first
// and case-folded once.
type BlindSpotIndex struct {
	rows                      []BlindSpotRow
	archived                  []bool
	text, howAddressed, surfd []string
}

// NewBlindSpotIndex joins and orders spots as BlindSpotRows does on today.
func NewBlindSpotIndex(spots []BlindSpot, dir Directory, today Date) *BlindSpotIndex {
	rows := BlindSpotRows(spots, dir, BlindSpotFilter{IncludeArchived: true}, today)
	x := &BlindSpotIndex{rows: rows, archived: make([]bool, len(rows)), text: make([]string, len(rows)),
		howAddressed: make([]string, len(rows)), surfd: make([]string, len(rows))}
	for i, r := range rows {
		x.archived[i] = dir.Proposals[r.ProposalID].Status == StatusArchived
		x.text[i], x.howAddressed[i] = strings.ToLower(r.Text), strings.ToLower(r.HowAddressed)
		x.surfd[i] = strings.ToLower(r.SurfacedBy)
	}
	return x
}

// All is every row in order; Match gives positions in it. Callers must not
// change the rows.
func (x *BlindSpotIndex) All() []BlindSpotRow { return x.rows }

// Match is the positions, in order, of the rows BlindSpotRows keeps for f.
func (x *BlindSpotIndex) Match(f BlindSpotFilter) []int {
	text := strings.ToLower(f.Text)
	person := newPersonQuery(f.Person)
	out := make([]int, 0, len(x.rows))
	for i := range x.rows {
		b := &x.rows[i]
		switch {
		case f.ProposalID != 0 && b.ProposalID != f.ProposalID,
			!f.IncludeArchived && x.archived[i],
			len(f.Statuses) > 0 && !slices.Contains(f.Statuses, b.Status),
			f.Person != "" && !person.matches(b.SurfacedBy, x.surfd[i]),
			f.Text != "" && !strings.Contains(x.text[i], text) && !strings.Contains(x.howAddressed[i], text):
			continue
		}
		out = append(out, i)
	}
	return out
}

// personQuery is personMatches with the query prepared once: folded, and
// whether it names a placeholder ("me", "anticipated"), which must be asked
// for whole.
type personQuery struct {
	q, folded   string
	placeholder bool
}

func newPersonQuery(query string) personQuery {
	q := strings.TrimSpace(query)
	return personQuery{q: q, folded: strings.ToLower(q), placeholder: strings.EqualFold(q, Me) || strings.EqualFold(q, Anticipated)}
}

// matches is personMatches(name, query) given name folded.
func (p personQuery) matches(name, folded string) bool {
	if p.placeholder {
		return strings.EqualFold(name, p.q)
	}
	return strings.Contains(folded, p.folded)
}
