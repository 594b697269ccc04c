package model

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Redactor replaces people with role labels so a brief can go to a sponsor
// without exposing the back channel. Stakeholders become "Decision-maker A",
// "Influencer B", "In the room C" (one letter sequence, in room-table
// order); other contacts, such as intermediaries, become "Intermediary A".
// In free text it replaces, case-insensitively and as whole words, each
// person's full name, every part of it of three letters or more, their
// email and its local part. That is deliberately greedy: a first name that
// is also a word ("Will", "Grant") is replaced wherever it appears.
type Redactor struct {
	labels map[int64]string
	// terms by their first two folded runes (see termKey), longest first.
	terms map[uint64][]redactTerm
	// oneRune is set when some term is a single rune (a contact called "X").
	oneRune bool
}

type redactTerm struct {
	text  string
	label string
}

// NewRedactor builds the labels and the terms to find for a dossier.
func NewRedactor(d Dossier) *Redactor {
	x := newDossierIndex(Dossier{Proposal: d.Proposal, Stakeholders: d.Stakeholders, Contacts: d.Contacts}, Date{})
	rd := &Redactor{labels: map[int64]string{}, terms: map[uint64][]redactTerm{}}
	for i, s := range x.people {
		if _, done := rd.labels[s.ContactID]; !done {
			rd.labels[s.ContactID] = roleLabel(s.Role) + " " + letters(i)
		}
	}
	ids := make([]int64, 0, len(d.Contacts))
	for id := range d.Contacts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	n := 0
	for _, id := range ids {
		if _, done := rd.labels[id]; !done {
			rd.labels[id] = "Intermediary " + letters(n)
			n++
		}
	}
	// Terms: stakeholders first (in label order), so that when two people
	// share a name the first label wins, deterministically.
	seen := map[string]bool{}
	addTerm := func(t string, label string) {
		key := strings.ToLower(t)
		if t == "" || seen[key] {
			return
		}
		seen[key] = true
		if utf8.RuneCountInString(t) == 1 {
			rd.oneRune = true
		}
		k := termKey(t, 0)
		rd.terms[k] = append(rd.terms[k], redactTerm{text: t, label: label})
	}
	order := make([]int64, 0, len(ids))
	for _, s := range x.people {
		order = append(order, s.ContactID)
	}
	order = append(order, ids...)
	for _, id := range order {
		c, ok := d.Contacts[id]
		if !ok {
			continue
		}
		for _, t := range nameTerms(c) {
			addTerm(t, rd.labels[id])
		}
	}
	for k := range rd.terms {
		slices.SortStableFunc(rd.terms[k], func(a, b redactTerm) int { return cmp.Compare(len(b.text), len(a.text)) })
	}
	return rd
}

// Label is the role label of a contact ("Decision-maker A"), or "Someone"
// for a contact the dossier does not know.
func (rd *Redactor) Label(contactID int64) string {
	if l, ok := rd.labels[contactID]; ok {
		return l
	}
	return "Someone"
}

// Text cleans s and replaces every name and email in it with the person's
// label. Text without any is returned as it came, untouched.
func (rd *Redactor) Text(s string) string {
	if s == "" {
		return s
	}
	clean := CleanBlock(s)
	var b strings.Builder
	changed := false
	prevWord := false
	for i := 0; i < len(clean); {
		r, size := utf8.DecodeRuneInString(clean[i:])
		word := isWordRune(r)
		if prevWord && word {
			// Mid-word: no term can start here.
			if changed {
				b.WriteString(clean[i : i+size])
			}
			i += size
			continue
		}
		if end, label, ok := rd.matchAt(clean, i, prevWord); ok {
			if !changed {
				b.Grow(len(clean))
				b.WriteString(clean[:i])
				changed = true
			}
			b.WriteString(label)
			i, prevWord = end, true
			continue
		}
		if changed {
			b.WriteString(clean[i : i+size])
		}
		prevWord = word
		i += size
	}
	if !changed {
		return s
	}
	return b.String()
}

// matchAt finds the longest term that starts at byte i of s on a word
// boundary, and returns where it ends and the label that replaces it.
// Terms of two runes or more are filed under their first two; one-rune
// terms (a contact called "X") under the first alone.
func (rd *Redactor) matchAt(s string, i int, prevWord bool) (int, string, bool) {
	if end, label, ok := rd.tryTerms(rd.terms[termKey(s, i)], s, i, prevWord); ok || !rd.oneRune {
		return end, label, ok
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return rd.tryTerms(rd.terms[uint64(foldRune(r))<<32], s, i, prevWord)
}

func (rd *Redactor) tryTerms(terms []redactTerm, s string, i int, prevWord bool) (int, string, bool) {
	for _, t := range terms {
		if prevWord && isWordRune(firstRune(t.text)) {
			continue
		}
		if end, ok := matchFold(s, i, t.text); ok {
			return end, t.label, true
		}
	}
	return 0, "", false
}

// termKey folds the first two runes of s from byte i into a lookup key;
// white space of any kind counts as a plain space, as matchFold treats it.
func termKey(s string, i int) uint64 {
	r1, n := utf8.DecodeRuneInString(s[i:])
	key := uint64(foldRune(r1)) << 32
	if i+n < len(s) {
		r2, _ := utf8.DecodeRuneInString(s[i+n:])
		if unicode.IsSpace(r2) {
			r2 = ' '
		}
		key |= uint64(foldRune(r2))
	}
	return key
}

// foldRune maps a rune to a case-insensitive representative.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(unicode.ToUpper(r))
}

// matchFold reports whether term occurs in s at byte i, case-insensitively,
// ending on a word boundary; a space in the term matches any run of white
// space, so a name broken over a line is still found.
func matchFold(s string, i int, term string) (int, bool) {
	j := i
	for _, tr := range term {
		if j >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if tr == ' ' {
			if !unicode.IsSpace(r) {
				return 0, false
			}
			for j < len(s) {
				r, size = utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r) {
					break
				}
				j += size
			}
			continue
		}
		if r != tr && foldRune(r) != foldRune(tr) {
			return 0, false
		}
		j += size
	}
	last, _ := utf8.DecodeLastRuneInString(term)
	if j < len(s) && isWordRune(last) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); isWordRune(r) {
			return 0, false
		}
	}
	return j, true
}

// nameTerms lists what identifies a contact in text: the full name, each
// part of three letters or more, the email and its local part.
func nameTerms(c Contact) []string {
	var out []string
	full := Clean(c.Name)
	out = append(out, full)
	for _, tok := range strings.Fields(full) {
		if letterCount(tok) >= 3 {
			out = append(out, tok)
		}
		for _, part := range strings.FieldsFunc(tok, func(r rune) bool { return !isWordRune(r) }) {
			if letterCount(part) >= 3 {
				out = append(out, part)
			}
		}
	}
	if email := Clean(c.Email); email != "" {
		out = append(out, email)
		local, _, _ := strings.Cut(strings.TrimPrefix(email, "@"), "@")
		if letterCount(local) >= 3 {
			out = append(out, local)
		}
	}
	return out
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// isWordRune is what a whole-word match may not touch: letters, digits and
// combining marks.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// roleLabel is how a redacted brief names a person by role.
func roleLabel(r Role) string {
	switch r {
	case RoleDecisionMaker:
		return "Decision-maker"
	case RoleInRoom:
		return "In the room"
	case RoleInfluencer:
		return "Influencer"
	case RoleImplementer:
		return "Implementer"
	}
	return "Affected"
}

// letters numbers labels A…Z, then AA, AB…, like spreadsheet columns.
func letters(n int) string {
	s := ""
	for n >= 0 {
		s = string(rune('A'+n%26)) + s
		n = n/26 - 1
	}
	return s
}

// redactDossier returns a copy of d in which every person is their label
// and every free text the brief can show has names and emails replaced.
// Contacts lose their email, title and organisation, which identify them as
// surely as a name. Words the brief never shows are dropped rather than
// redacted: the conversations beyond its recent log, those on other
// proposals, and the history of anything but the proposal itself (only its
// forum and date moves are quoted). On a large dossier that is most of the
// text, and what is dropped cannot leak through a later change either.
func redactDossier(d Dossier, rd *Redactor) Dossier {
	out := d
	out.Proposal.Title = rd.Text(d.Proposal.Title)
	out.Proposal.Ask = rd.Text(d.Proposal.Ask)
	out.Proposal.Forum = rd.Text(d.Proposal.Forum)
	out.Contacts = make(map[int64]Contact, len(d.Contacts))
	for id, c := range d.Contacts {
		c.Name = rd.Label(id)
		c.Email, c.Title, c.Org = "", "", ""
		c.Notes = rd.Text(c.Notes)
		c.ValueIBring = rd.Text(c.ValueIBring)
		out.Contacts[id] = c
	}
	out.Stakeholders = make([]Stakeholder, len(d.Stakeholders))
	for k, s := range d.Stakeholders {
		s.Wants, s.Fears = rd.Text(s.Wants), rd.Text(s.Fears)
		s.Plan.Message, s.Plan.Place = rd.Text(s.Plan.Message), rd.Text(s.Plan.Place)
		out.Stakeholders[k] = s
	}
	// The recent log picks its rows by day, then ID; keeping every row that
	// shares an ID with one it picks stays right even if blanking the others
	// reorders rows that share an ID.
	ts := sortedBy(d.Touchpoints, func(t Touchpoint) int64 { return t.ID })
	shown := map[int64]bool{}
	for _, k := range recentLogRows(byDayOrder(ts)) {
		shown[ts[k].ID] = true
	}
	out.Touchpoints = make([]Touchpoint, len(d.Touchpoints))
	for k, t := range d.Touchpoints {
		if shown[t.ID] {
			t.Said, t.Subtext, t.FollowUp = rd.Text(t.Said), rd.Text(t.Subtext), rd.Text(t.FollowUp)
		} else {
			t.Said, t.Subtext, t.FollowUp = "", "", ""
		}
		out.Touchpoints[k] = t
	}
	out.ContactTouchpoints = make([]Touchpoint, len(d.ContactTouchpoints))
	for k, t := range d.ContactTouchpoints {
		t.Said, t.Subtext, t.FollowUp = "", "", ""
		out.ContactTouchpoints[k] = t
	}
	out.Objections = make([]Objection, len(d.Objections))
	for k, o := range d.Objections {
		o.Text, o.Response = rd.Text(o.Text), rd.Text(o.Response)
		out.Objections[k] = o
	}
	out.BlindSpots = make([]BlindSpot, len(d.BlindSpots))
	for k, b := range d.BlindSpots {
		b.Text, b.HowAddressed = rd.Text(b.Text), rd.Text(b.HowAddressed)
		out.BlindSpots[k] = b
	}
	out.History = make([]HistoryEvent, len(d.History))
	for k, h := range d.History {
		if h.Entity != EntityProposal {
			h.Old, h.New = "", ""
			out.History[k] = h
			continue
		}
		old, nu := rd.Text(h.Old), rd.Text(h.New)
		if old == nu && h.Old != h.New {
			// Two values that differed only by a name must still read as a
			// change, or redaction would hide forum shopping.
			nu += " (revised)"
		}
		h.Old, h.New = old, nu
		out.History[k] = h
	}
	return out
}
