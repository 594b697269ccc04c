package model

import (
	"slices"
	"strings"
)

// Directory resolves ids to the proposals, stakeholders and contacts that
// lists across proposals need to show names.
type Directory struct {
	Proposals    map[int64]Proposal
	Stakeholders map[int64]Stakeholder
	Contacts     map[int64]Contact
}

// NewDirectory indexes the given rows by id.
func NewDirectory(props []Proposal, stakes []Stakeholder, contacts []Contact) Directory {
	d := Directory{Proposals: map[int64]Proposal{}, Stakeholders: map[int64]Stakeholder{}, Contacts: map[int64]Contact{}}
	for _, p := range props {
		d.Proposals[p.ID] = p
	}
	for _, s := range stakes {
		d.Stakeholders[s.ID] = s
	}
	for _, c := range contacts {
		d.Contacts[c.ID] = c
	}
	return d
}

// PersonName is the name of a stakeholder, or fallback when id is 0 or unknown.
func (d Directory) PersonName(stakeholderID int64, fallback string) string {
	if s, ok := d.Stakeholders[stakeholderID]; ok {
		if c, ok := d.Contacts[s.ContactID]; ok {
			return c.Name
		}
	}
	return fallback
}

// ObjectionFilter selects objections; zero fields select everything.
type ObjectionFilter struct {
	ProposalID int64
	Statuses   []ObjectionStatus
	Severities []Severity
	// Person matches, case-insensitively, part of the name of who raised it or who voices it.
	Person string
	// Text matches, case-insensitively, part of the objection or the response.
	Text            string
	IncludeArchived bool
}

// ObjectionRow is an objection with the names and numbers a list shows.
type ObjectionRow struct {
	Objection
	ProposalTitle string `json:"proposal_title"`
	DecisionDate  Date   `json:"decision_date"`
	RaisedBy      string `json:"raised_by"`
	Voice         string `json:"voice"`
	AgeDays       int    `json:"age_days"`
}

// Anticipated is how an objection nobody has raised yet is attributed.
const Anticipated = "anticipated"

// ObjectionRows filters objections and orders them most urgent first: live
// (open, addressing) before settled, then severity, then the nearest decision
// date, then the oldest, then id, so the order is total and stable.
func ObjectionRows(objs []Objection, dir Directory, f ObjectionFilter, today Date) []ObjectionRow {
	rows := make([]ObjectionRow, 0, len(objs))
	for _, o := range objs {
		p := dir.Proposals[o.ProposalID]
		if f.ProposalID != 0 && o.ProposalID != f.ProposalID {
			continue
		}
		if !f.IncludeArchived && p.Status == StatusArchived {
			continue
		}
		if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, o.Status) {
			continue
		}
		if len(f.Severities) > 0 && !slices.Contains(f.Severities, o.Severity) {
			continue
		}
		row := ObjectionRow{Objection: o, ProposalTitle: p.Title, DecisionDate: p.DecisionDate,
			RaisedBy: dir.PersonName(o.RaisedByID, Anticipated), Voice: dir.PersonName(o.VoiceID, "")}
		if !o.RaisedOn.IsZero() {
			row.AgeDays = o.RaisedOn.DaysUntil(today)
		}
		if f.Person != "" && !personMatches(row.RaisedBy, f.Person) && !personMatches(row.Voice, f.Person) {
			continue
		}
		if f.Text != "" && !containsFold(o.Text, f.Text) && !containsFold(o.Response, f.Text) {
			continue
		}
		rows = append(rows, row)
	}
	return sortedStable(rows, func(a, b *ObjectionRow) bool { return urgentFirst(*a, *b) })
}

func urgentFirst(a, b ObjectionRow) bool {
	if a.Status.Live() != b.Status.Live() {
		return a.Status.Live()
	}
	if a.Severity != b.Severity {
		return a.Severity > b.Severity
	}
	if c := CompareDates(a.DecisionDate, b.DecisionDate); c != 0 {
		return c < 0
	}
	if a.AgeDays != b.AgeDays {
		return a.AgeDays > b.AgeDays
	}
	return a.ID < b.ID
}

// BlindSpotFilter selects blind spots; zero fields select everything.
type BlindSpotFilter struct {
	ProposalID      int64
	Statuses        []BlindSpotStatus
	Person          string
	Text            string
	IncludeArchived bool
}

// BlindSpotRow is a blind spot with the names and numbers a list shows.
type BlindSpotRow struct {
	BlindSpot
	ProposalTitle string `json:"proposal_title"`
	SurfacedBy    string `json:"surfaced_by"`
	AgeDays       int    `json:"age_days"`
}

// Me is how a blind spot the user found themselves is attributed.
const Me = "me"

// BlindSpotRows filters blind spots and orders them open first, then the
// nearest decision date, then the oldest, then id.
func BlindSpotRows(spots []BlindSpot, dir Directory, f BlindSpotFilter, today Date) []BlindSpotRow {
	rows := make([]BlindSpotRow, 0, len(spots))
	for _, b := range spots {
		p := dir.Proposals[b.ProposalID]
		if (f.ProposalID != 0 && b.ProposalID != f.ProposalID) || (!f.IncludeArchived && p.Status == StatusArchived) {
			continue
		}
		if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, b.Status) {
			continue
		}
		row := BlindSpotRow{BlindSpot: b, ProposalTitle: p.Title, SurfacedBy: dir.PersonName(b.SurfacedByID, Me)}
		if !b.RaisedOn.IsZero() {
			row.AgeDays = b.RaisedOn.DaysUntil(today)
		}
		if f.Person != "" && !personMatches(row.SurfacedBy, f.Person) {
			continue
		}
		if f.Text != "" && !containsFold(b.Text, f.Text) && !containsFold(b.HowAddressed, f.Text) {
			continue
		}
		rows = append(rows, row)
	}
	return sortedStable(rows, func(a, b *BlindSpotRow) bool {
		if a.Status != b.Status {
			return a.Status == BlindSpotOpen
		}
		if c := CompareDates(dir.Proposals[a.ProposalID].DecisionDate, dir.Proposals[b.ProposalID].DecisionDate); c != 0 {
			return c < 0
		}
		if a.AgeDays != b.AgeDays {
			return a.AgeDays > b.AgeDays
		}
		return a.ID < b.ID
	})
}

// sortedStable is rows in the order less gives, equal rows as they came
// (sort.SliceStable's order). It sorts their positions and moves each row
// once: the lists re-sort on every letter typed into a search, and moving
// whole rows through sort.SliceStable's reflection was most of a key's
// time on a thousand objections (issue 13).
func sortedStable[T any](rows []T, less func(a, b *T) bool) []T {
	return sortedBy(rows, func(a, b *T) int {
		switch {
		case less(a, b):
			return -1
		case less(b, a):
			return 1
		}
		return 0
	})
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// personMatches matches part of a name, except that the placeholders "me" and
// "anticipated" must be asked for whole (so "me" does not find "Kwame").
func personMatches(name, query string) bool {
	q := strings.TrimSpace(query)
	if strings.EqualFold(q, Me) || strings.EqualFold(q, Anticipated) {
		return strings.EqualFold(name, q)
	}
	return containsFold(name, q)
}

// ContactOf is the contact behind a stakeholder ID, or 0.
func (d Directory) ContactOf(stakeholderID int64) int64 {
	if s, ok := d.Stakeholders[stakeholderID]; ok {
		return s.ContactID
	}
	return 0
}
