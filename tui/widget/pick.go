package widget

import (
	"errors"
	"strconv"
	"strings"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// PickLimit is the longest list offered as a select. huh draws every option
// on every key, so longer lists (a proposal with 2,000 people) become a text
// Field with completion instead.
const PickLimit = 40

// PersonPick is the choice of one person (or none) from a list that may be
// long: a select when short, a name with completion when long.
type PersonPick struct {
	none   string // label of the "nobody" choice; "" when someone must be picked
	labels []string
	ids    []int64
	byName map[string]int64
	dupes  map[string]bool
}

// NewPersonPick builds the choice from labels and ids in display order.
func NewPersonPick(none string, labels []string, ids []int64) PersonPick {
	p := PersonPick{none: none, labels: labels, ids: ids, byName: map[string]int64{}, dupes: map[string]bool{}}
	for i, l := range labels {
		k := strings.ToLower(l)
		if _, seen := p.byName[k]; seen {
			p.dupes[k] = true
		}
		p.byName[k] = ids[i]
	}
	return p
}

// Large reports whether the list is typed rather than chosen.
func (p PersonPick) Large() bool { return len(p.labels) > PickLimit }

// Label is the text for an id, or "" for none or unknown.
func (p PersonPick) Label(id int64) string {
	for i, x := range p.ids {
		if x == id {
			return p.labels[i]
		}
	}
	return ""
}

// Resolve reads a typed name: "" is nobody when nobody is allowed.
func (p PersonPick) Resolve(s string) (int64, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	if k == "" {
		if p.none != "" {
			return 0, nil
		}
		return 0, errors.New("type a name from the list")
	}
	if p.dupes[k] {
		return 0, errors.New("more than one person has that name; pick them on the Room tab first")
	}
	if id, ok := p.byName[k]; ok {
		return id, nil
	}
	return 0, errors.New("nobody by that name here; ctrl+e completes a name")
}

// Field is the form Field: a select over id, or a name input over text.
func (p PersonPick) Field(title, desc string, id *int64, text *string, height int) huh.Field {
	if !p.Large() {
		opts := make([]huh.Option[int64], 0, len(p.labels)+1)
		if p.none != "" {
			opts = append(opts, huh.NewOption(p.none, int64(0)))
		}
		for i, l := range p.labels {
			opts = append(opts, huh.NewOption(l, p.ids[i]))
		}
		return StopAtEnds(ScrollingSelect(huh.NewSelect[int64]().Options(opts...).Value(id), title, desc, len(opts), height), opts)
	}
	*text = p.Label(*id)
	hint := "type a name; ctrl+e completes"
	if p.none != "" {
		hint += "; empty means " + p.none
	}
	if desc != "" {
		hint = desc + " · " + hint
	}
	return huh.NewInput().Title(title).Description(hint).Suggestions(p.labels).Value(text).
		Validate(func(s string) error { _, err := p.Resolve(s); return err })
}

// ScrollingSelect sets a select's title, description and height for n
// options in at most most lines: huh counts the title and description in
// the height, and draws no sign of options below the last row, so when not
// all fit the title says how many there are ("Through whom? (15, ↑/↓ for
// more)"), or the list would read as complete.
func ScrollingSelect[T comparable](s *huh.Select[T], title, desc string, n, most int) *huh.Select[T] {
	head := 1
	if desc != "" {
		head += lipgloss.Height(desc)
	}
	if n > most-head {
		title += " (" + strconv.Itoa(n) + ", ↑/↓ for more)"
	}
	s = s.Title(title)
	if desc != "" {
		s = s.Description(desc)
	}
	return s.Height(min(n+head, most))
}

// Value is the chosen id: the select's, or the typed name resolved.
func (p PersonPick) Value(id int64, text string) int64 {
	if !p.Large() {
		return id
	}
	v, err := p.Resolve(text)
	if err != nil {
		return id
	}
	return v
}
