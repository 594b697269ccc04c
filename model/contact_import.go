package model

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ImportAction is what importing does with one contact read from a file.
type ImportAction int

// The actions: a new contact, or a duplicate merged into one already there
// (in the workbook, or earlier in the same file).
const (
	ImportNew ImportAction = iota
	ImportDuplicate
)

// ImportDecision is the plan for one incoming contact.
type ImportDecision struct {
	Action ImportAction
	// Of is the workbook contact a duplicate merges into; its ID is 0 when
	// the duplicate is of an earlier contact in the same file (OfIndex).
	Of Contact
	// OfIndex is the index, in the incoming list, of the earlier contact a
	// duplicate merges into; -1 otherwise.
	OfIndex int
	// By says why it is a duplicate: "same email" or "same name".
	By string
	// Fills names the empty fields of the contact merged into that this
	// one fills ("title", "email", …); a merge never overwrites.
	Fills []string
	// Note explains a near miss the person should know about, such as a
	// namesake with a different email who was not merged.
	Note string
}

// ContactImport is what importing a list of contacts did, or what a
// preview says it would do: a decision per contact given, in order, and the
// contacts as they are (or would be) stored.
type ContactImport struct {
	// Decisions has one entry per contact given: new, or a duplicate and of
	// whom.
	Decisions []ImportDecision
	// Added are the new contacts; after a real import they have their IDs.
	Added []Contact
	// Merged are the workbook contacts that gained fields, after the merge.
	Merged []Contact
}

// PlanContactImport decides, for each incoming contact, whether it is new
// or a duplicate of a contact already there (archived ones included) or
// earlier in the list. A duplicate has the same email, ignoring case; or,
// when either side has no email, the same name and no conflicting
// organisation, ignoring case, accents and spacing. Two people with the same
// name and different emails stay two people. The incoming contacts must
// already be tidied as the store tidies them.
func PlanContactImport(existing, incoming []Contact) []ImportDecision {
	type slot struct {
		c     Contact
		index int // -1 for a workbook contact
	}
	var slots []*slot
	byEmail := map[string]*slot{}
	byName := map[string][]*slot{}
	add := func(s *slot) {
		slots = append(slots, s)
		if e := FoldKey(s.c.Email); e != "" {
			byEmail[e] = s
		}
		n := FoldKey(s.c.Name)
		byName[n] = append(byName[n], s)
	}
	for _, c := range existing {
		add(&slot{c: c, index: -1})
	}
	out := make([]ImportDecision, len(incoming))
	for i, c := range incoming {
		d := ImportDecision{OfIndex: -1}
		var target *slot
		if e := FoldKey(c.Email); e != "" && byEmail[e] != nil {
			target, d.By = byEmail[e], "same email"
		} else {
			var fits, exact, conflicting []*slot
			for _, s := range byName[FoldKey(c.Name)] {
				if !compatible(s.c.Email, c.Email) {
					conflicting = append(conflicting, s)
					continue
				}
				if compatible(s.c.Org, c.Org) {
					fits = append(fits, s)
					if FoldKey(s.c.Org) == FoldKey(c.Org) {
						exact = append(exact, s)
					}
				}
			}
			switch {
			case len(fits) == 1:
				target = fits[0]
			case len(exact) == 1:
				target = exact[0]
			case len(fits) > 1:
				d.Note = fmt.Sprintf("%d contacts are named %s; not merged", len(fits), Clean(c.Name))
			case len(conflicting) > 0:
				d.Note = fmt.Sprintf("%s has the same name and another email; not merged", describe(conflicting[0].c, conflicting[0].index))
			}
			if target != nil {
				d.By = "same name"
			}
		}
		if target == nil {
			out[i] = d
			add(&slot{c: c, index: i})
			continue
		}
		d.Action = ImportDuplicate
		if target.index < 0 {
			d.Of = target.c
		} else {
			d.OfIndex = target.index
		}
		hadEmail := target.c.Email != ""
		target.c, d.Fills = FillContact(target.c, c)
		if !hadEmail && target.c.Email != "" {
			byEmail[FoldKey(target.c.Email)] = target
		}
		out[i] = d
	}
	return out
}

// describe names a contact in a note: "#12 Dana Reyes", or the name alone
// for one earlier in the file.
func describe(c Contact, index int) string {
	if index < 0 && c.ID != 0 {
		return fmt.Sprintf("#%d %s", c.ID, Clean(c.Name))
	}
	return Clean(c.Name)
}

// compatible reports whether two values of a field can belong to one
// person: equal once folded, or one of them empty.
func compatible(a, b string) bool {
	fa, fb := FoldKey(a), FoldKey(b)
	return fa == "" || fb == "" || fa == fb
}

// FillContact returns dst with its empty fields filled from src, never
// overwriting one, and the names of the fields it filled. The name, ID and
// timestamps are dst's.
func FillContact(dst, src Contact) (Contact, []string) {
	var filled []string
	text := func(name string, d *string, s string) {
		if strings.TrimSpace(*d) == "" && strings.TrimSpace(s) != "" {
			*d = s
			filled = append(filled, name)
		}
	}
	text("title", &dst.Title, src.Title)
	text("organisation", &dst.Org, src.Org)
	text("email", &dst.Email, src.Email)
	text("aliases", &dst.Aliases, src.Aliases)
	text("value I bring", &dst.ValueIBring, src.ValueIBring)
	text("notes", &dst.Notes, src.Notes)
	if dst.Kind == PartnerNone && src.Kind != PartnerNone {
		dst.Kind = src.Kind
		filled = append(filled, "partner kind")
	}
	if dst.Discretion == DiscretionUnknown && src.Discretion != DiscretionUnknown {
		dst.Discretion = src.Discretion
		filled = append(filled, "discretion")
	}
	if dst.CadenceDays == 0 && src.CadenceDays != 0 {
		dst.CadenceDays = src.CadenceDays
		filled = append(filled, "reconnect cadence")
	}
	return dst, filled
}

// FoldKey is how two spellings of a name, organisation or email are
// compared when looking for duplicates: case, accents and spacing ignored.
func FoldKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(Clean(s)), " "))
	if isASCII(s) {
		return s // nothing to fold; most names and every email are plain
	}
	// Accents are stripped after decomposition: "Núñez" → "nunez".
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
