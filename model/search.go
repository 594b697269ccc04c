package model

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// SearchKind is the sort of record a search hit is.
type SearchKind int

// Search kinds; the numbers are part of the search index's row ids (see
// db/migrations/0004_commitments_search.sql), so they never change.
const (
	SearchProposal    SearchKind = 1
	SearchContact     SearchKind = 2
	SearchPlan        SearchKind = 3 // a person's part in a proposal: interests and plan
	SearchTalk        SearchKind = 4 // a logged conversation
	SearchObjection   SearchKind = 5
	SearchBlindSpot   SearchKind = 6
	searchKindsLength            = 7
)

var searchKindWords = [searchKindsLength]string{"", "proposal", "contact", "plan", "conversation", "objection", "blind spot"}

// String names the kind as a person reads it.
func (k SearchKind) String() string {
	if k > 0 && int(k) < len(searchKindWords) {
		return searchKindWords[k]
	}
	return "record"
}

// MarshalText writes the kind as its word.
func (k SearchKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// SearchFields names the texts the index holds for each kind, in the
// index's column order (a, b, c, d).
var SearchFields = [searchKindsLength][4]string{
	SearchProposal:  {"title", "ask", "forum", ""},
	SearchContact:   {"name", "title and organisation", "notes", "value I bring"},
	SearchPlan:      {"wants", "fears", "plan message", "plan place"},
	SearchTalk:      {"said", "subtext", "follow-up", ""},
	SearchObjection: {"objection", "response", "", ""},
	SearchBlindSpot: {"blind spot", "how addressed", "", ""},
}

// SearchPart is a piece of a matching text: either words that matched the
// search or the words around them. Text is as stored; Shown cleans it.
type SearchPart struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// Shown is the part ready for a terminal: control characters and escape
// sequences gone, line breaks folded, but the spaces at its edges kept so
// the parts still read as one line when put side by side.
func (p SearchPart) Shown() string {
	c := Clean(p.Text)
	if c == "" {
		if strings.TrimSpace(p.Text) == "" && p.Text != "" {
			return " "
		}
		return ""
	}
	if r := []rune(p.Text); unicode.IsSpace(r[0]) {
		c = " " + c
	}
	if r := []rune(p.Text); unicode.IsSpace(r[len(r)-1]) {
		c += " "
	}
	return c
}

// SearchMatch is one field of a record that matched, with the words
// around the match.
type SearchMatch struct {
	Field   string       `json:"field"`
	Snippet []SearchPart `json:"snippet"`
}

// Plain is the snippet as one line of clean text, without highlights.
func (m SearchMatch) Plain() string {
	var b strings.Builder
	for _, p := range m.Snippet {
		b.WriteString(p.Shown())
	}
	return strings.TrimSpace(b.String())
}

// SearchHit is one record whose text matches a search, with what it
// belongs to so a screen can jump to it.
type SearchHit struct {
	Kind SearchKind `json:"kind"`
	// ID is the record's id in its own table (a proposal, a contact, a
	// stakeholder for a plan, a conversation, an objection, a blind spot).
	ID            int64  `json:"id"`
	ProposalID    int64  `json:"proposal_id,omitempty"`
	ProposalTitle string `json:"proposal,omitempty"`
	// StakeholderID is the person's part in the proposal, when the hit is
	// about one person there.
	StakeholderID int64  `json:"stakeholder_id,omitempty"`
	ContactID     int64  `json:"contact_id,omitempty"`
	ContactName   string `json:"person,omitempty"`
	// Date is the conversation's date, or when an objection or blind spot
	// was raised.
	Date    Date          `json:"date,omitzero"`
	Matches []SearchMatch `json:"matches"`
}

// SearchGroup is the hits for one proposal (ProposalID 0: the contact
// directory), by person.
type SearchGroup struct {
	ProposalID    int64          `json:"proposal_id"`
	ProposalTitle string         `json:"proposal"`
	People        []SearchPerson `json:"people"`
}

// SearchPerson is the hits about one person within a group (ContactID 0:
// about nobody in particular, such as the proposal itself or an
// anticipated objection).
type SearchPerson struct {
	ContactID   int64       `json:"contact_id"`
	ContactName string      `json:"person"`
	Hits        []SearchHit `json:"hits"`
}

// GroupSearch groups hits (best first) by proposal and then by person,
// keeping the order in which each group's best hit came: the most relevant
// proposal first, and within it the most relevant person first.
func GroupSearch(hits []SearchHit) []SearchGroup {
	var groups []SearchGroup
	where := map[int64]int{}
	for _, h := range hits {
		g, ok := where[h.ProposalID]
		if !ok {
			g = len(groups)
			where[h.ProposalID] = g
			title := h.ProposalTitle
			if h.ProposalID == 0 {
				title = "Contacts"
			}
			groups = append(groups, SearchGroup{ProposalID: h.ProposalID, ProposalTitle: title})
		}
		people := &groups[g].People
		i := slices.IndexFunc(*people, func(p SearchPerson) bool { return p.ContactID == h.ContactID })
		if i < 0 {
			*people = append(*people, SearchPerson{ContactID: h.ContactID, ContactName: h.ContactName})
			i = len(*people) - 1
		}
		(*people)[i].Hits = append((*people)[i].Hits, h)
	}
	return groups
}

// ErrEmptySearch is the answer to a search with no words in it.
var ErrEmptySearch = errors.New("type a word to search for")

// SearchTerms splits what a person typed into the words to look for:
// letters and digits, lower-cased, in order, without repeats. Punctuation
// and the full-text query language's operators are not words, so any
// input is a safe query.
func SearchTerms(q string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) }) {
		w = strings.ToLower(w)
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// SortSearchHits orders hits that the index ranked equally: by date, newest
// first, then by kind and id, so the same search gives the same list.
func SortSearchHits(hits []SearchHit, rank []float64) {
	idx := make([]int, len(hits))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(rank[a], rank[b]), CompareDates(hits[b].Date, hits[a].Date),
			cmp.Compare(hits[a].Kind, hits[b].Kind), cmp.Compare(hits[a].ID, hits[b].ID))
	})
	sorted := make([]SearchHit, len(hits))
	for i, k := range idx {
		sorted[i] = hits[k]
	}
	copy(hits, sorted)
}

// UnmarshalText reads the kind from its word.
func (k *SearchKind) UnmarshalText(b []byte) error {
	for i, w := range searchKindWords {
		if i > 0 && w == string(b) {
			*k = SearchKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown search kind %q", b)
}
