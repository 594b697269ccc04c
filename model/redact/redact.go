// Long by design: the Redactor finds people as they are written (names, aliases, initials, emails); its matching rules only make sense read together.

package redact

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/backchannel/backchannel/model"
	"golang.org/x/text/unicode/norm"
)

// Redactor replaces people with role labels so a brief can go to a sponsor
// without exposing the back channel. Stakeholders become "Decision-maker A",
// "Influencer B", "In the room C" (one letter sequence, in room-table
// order); other contacts of the proposal, such as intermediaries, become
// "Intermediary A"; everyone else in the workbook (archived contacts too)
// becomes "Other person A".
//
// In free text it finds people the ways they are written (see contactTerms)
// in normalised text (see fold): case, accents, transliterations,
// look-alike letters, zero-width characters, markdown and HTML inside a
// word, URL escapes, word endings and joined parts all fall away. A name
// part that is also an everyday word ("Will", "Rose") and a name part of
// two letters ("Al", "Wu") are matched only where written with a capital.
// What it misses, the independent leak guard (redact_guard.go) catches.
type Redactor struct {
	labels map[int64]string
	// terms by their first folded rune.
	terms map[rune][]*redactTerm
	// people are every contact whose names are redacted, by ID.
	people map[int64]model.Contact
	// order lists people's IDs in label order (stakeholders first).
	order []int64
	guard func() *leakGuard
}

// redactPiece is one word of a term.
type redactPiece struct {
	runes []rune
	// capital: the word must start with a capital where it is found.
	capital bool
}

// redactTerm is one way of writing a person: words that may be joined
// directly or by up to a few spaces or punctuation marks.
type redactTerm struct {
	pieces []redactPiece
	label  string
}

// NewRedactor builds the labels and the terms to find for a dossier, from
// the dossier's own contacts only; NewWorkbookRedactor covers everyone.
func NewRedactor(d model.Dossier) *Redactor { return NewWorkbookRedactor(d, nil) }

// NewWorkbookRedactor builds the labels and terms for a dossier and every
// other contact in the workbook (archived ones included): people not on the
// proposal are "Other person A", "Other person B"…
func NewWorkbookRedactor(d model.Dossier, workbook []model.Contact) *Redactor {
	rd := &Redactor{labels: map[int64]string{}, terms: map[rune][]*redactTerm{}, people: map[int64]model.Contact{}}
	label := func(id int64, l string) {
		if _, done := rd.labels[id]; !done {
			rd.labels[id] = l
			rd.order = append(rd.order, id)
		}
	}
	for i, s := range model.RoomOrder(d.Stakeholders) {
		label(s.ContactID, roleLabel(s.Role)+" "+letters(i))
	}
	n := 0
	for _, id := range sortedIDs(d.Contacts) {
		if _, done := rd.labels[id]; !done {
			label(id, "Intermediary "+letters(n))
			n++
		}
	}
	others := map[int64]model.Contact{}
	for _, c := range workbook {
		if _, ok := d.Contacts[c.ID]; !ok {
			others[c.ID] = c
		}
	}
	n = 0
	for _, id := range sortedIDs(others) {
		if _, done := rd.labels[id]; !done {
			label(id, "Other person "+letters(n))
			n++
		}
	}
	for id, c := range d.Contacts {
		rd.people[id] = c
	}
	for id, c := range others {
		rd.people[id] = c
	}
	rd.build()
	return rd
}

// build derives the terms from rd.people, rd.order and rd.labels.
func (rd *Redactor) build() {
	titles := uniqueTitles(rd.people)
	// Terms in label order, so that when two people share a name the first
	// label wins, deterministically.
	seen := map[string]bool{}
	for _, id := range rd.order {
		c, ok := rd.people[id]
		if !ok {
			continue
		}
		for _, t := range contactTerms(c, titles[id]) {
			t.label = rd.labels[id]
			if key := t.key(); !seen[key] {
				seen[key] = true
				r := t.pieces[0].runes[0]
				rd.terms[r] = append(rd.terms[r], t)
			}
		}
	}
	rd.guard = sync.OnceValue(func() *leakGuard { return newLeakGuard(rd.people, rd.order, rd.labels) })
}

func sortedIDs[T any](m map[int64]T) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Label is the role label of a contact ("Decision-maker A"), or "Someone"
// for a contact the redactor does not know.
func (rd *Redactor) Label(contactID int64) string {
	if l, ok := rd.labels[contactID]; ok {
		return l
	}
	return "Someone"
}

// Text cleans s and replaces every way of writing a person in it with the
// person's label. Text without any is returned as it came, untouched.
func (rd *Redactor) Text(s string) string {
	if s == "" {
		return s
	}
	clean := model.CleanBlock(s)
	fr := foldText(clean, nil)
	var b strings.Builder
	last := 0
	changed := false
	for i := 0; i < len(fr); i++ {
		if fr[i].class != classWord || int(fr[i].from) < last || !wordStart(fr, i) {
			continue
		}
		best, label := 0, ""
		for _, t := range rd.terms[fr[i].r] {
			if end, ok := t.match(fr, i); ok && end > best {
				best, label = end, t.label
			}
		}
		if best == 0 {
			continue
		}
		if !changed {
			b.Grow(len(clean))
			changed = true
		}
		b.WriteString(clean[last:fr[i].from])
		b.WriteString(label)
		last = int(fr[best-1].to)
		i = best - 1
	}
	if !changed {
		return s
	}
	b.WriteString(clean[last:])
	return b.String()
}

// wordStart reports whether a name may start at fr[i]: after a non-letter
// or markup, where a script without spaces meets another, or at a capital
// after a small letter ("MaryJane").
func wordStart(fr []foldedRune, i int) bool {
	if i == 0 {
		return true
	}
	p, c := fr[i-1], fr[i]
	if p.from == c.from {
		return false // inside one source letter (ß → ss)
	}
	return p.class != classWord || noSpaceScript(p.r) || noSpaceScript(c.r) || (p.lower && c.upper)
}

// wordEnd reports whether a name may end before fr[k].
func wordEnd(fr []foldedRune, k int) bool {
	if k >= len(fr) {
		return true
	}
	p, c := fr[k-1], fr[k]
	if p.from == c.from {
		return false
	}
	return c.class != classWord || noSpaceScript(p.r) || noSpaceScript(c.r) || (p.lower && c.upper)
}

// nameEndings are the word endings a name may carry and still be the name
// ("Danas", "the Reyeses").
var nameEndings = [][]rune{[]rune("s"), []rune("es")}

// maxGap is how many marks other than white space may join two words of a
// name ("D. Reyes", "dana.reyes", "Dana - Reyes").
const maxGap = 4

// match reports whether t is written at fr[i:], and where it ends.
func (t *redactTerm) match(fr []foldedRune, i int) (int, bool) {
	k := i
	for p, pc := range t.pieces {
		if p > 0 {
			gap := 0
			for k < len(fr) && fr[k].class != classWord {
				if fr[k].class == classOther && !unicode.IsSpace(fr[k].r) {
					if gap++; gap > maxGap {
						return 0, false
					}
				}
				k++
			}
		}
		for q, r := range pc.runes {
			if q > 0 {
				// Inside a word only markup may intervene; in a script
				// without spaces, where any two characters may be a name,
				// spaces and punctuation may too ("王 伟").
				unspaced := noSpaceScript(pc.runes[q-1])
				gap := 0
				for k < len(fr) && (fr[k].class == classClear || (unspaced && fr[k].class == classOther && gap < maxGap)) {
					if fr[k].class == classOther {
						gap++
					}
					k++
				}
			}
			if k >= len(fr) || fr[k].r != r || (q == 0 && pc.capital && !fr[k].upper) {
				return 0, false
			}
			k++
		}
	}
	if wordEnd(fr, k) {
		return k, true
	}
	for _, e := range nameEndings {
		j := k
		for _, r := range e {
			if j >= len(fr) || fr[j].r != r {
				j = -1
				break
			}
			j++
		}
		if j > 0 && wordEnd(fr, j) {
			return j, true
		}
	}
	return 0, false
}

// key identifies a term's spelling for de-duplication.
func (t *redactTerm) key() string {
	var b strings.Builder
	for _, p := range t.pieces {
		if p.capital {
			b.WriteByte('^')
		}
		b.WriteString(string(p.runes))
		b.WriteByte(' ')
	}
	return b.String()
}

//go:embed commonwords.txt
var commonWordsText string

// commonWords are the folded words of commonwords.txt.
var commonWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonWordsText, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[foldString(line)] = true
		}
	}
	return m
})

// foldString is a string's folded form, word runes and others alike.
func foldString(s string) string {
	var b strings.Builder
	for _, f := range foldText(s, nil) {
		if f.class != classClear {
			b.WriteRune(f.r)
		}
	}
	return b.String()
}

// foldWords splits text into its folded words.
func foldWords(s string) [][]rune {
	var out [][]rune
	var cur []rune
	for _, f := range foldText(s, nil) {
		if f.class == classWord {
			cur = append(cur, f.r)
			continue
		}
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// contactTerms lists the ways a contact is written: the full name; each
// part of it (a part of two letters, or one that is an everyday word, only
// with a capital; single letters never alone); initials ("DR", "D.R.") and
// the short forms "Dana R." and "D. Reyes"; German umlauts spelt out
// (Müller, Mueller); the email and its local part; every alias; and the job
// title when nobody else in the workbook has it.
func contactTerms(c model.Contact, uniqueTitle bool) []*redactTerm {
	var out []*redactTerm
	add := func(words [][]rune, caps ...bool) {
		if len(words) == 0 {
			return
		}
		t := &redactTerm{}
		for k, w := range words {
			t.pieces = append(t.pieces, redactPiece{runes: w, capital: k < len(caps) && caps[k]})
		}
		out = append(out, t)
	}
	single := func(w []rune) {
		switch n := len(w); {
		case n <= 1 || !slices.ContainsFunc(w, unicode.IsLetter):
			// A number is not a name ("Gus Moreau 191"): text is full of them.
		case n == 2 || commonWords()[string(w)]:
			add([][]rune{w}, true)
		default:
			add([][]rune{w})
		}
	}
	phrase := func(s string) {
		words := foldWords(s)
		if len(words) == 1 {
			single(words[0])
			return
		}
		add(words)
	}
	for _, name := range spellings(withoutNumbers(model.Clean(c.Name))) {
		words := foldWords(name)
		if len(words) > 1 {
			// Each word of the name keeps the capital it needs alone, so
			// that "will grant" is not Will Grant.
			var caps []bool
			for _, w := range words {
				caps = append(caps, len(w) <= 2 || commonWords()[string(w)])
			}
			add(words, caps...)
			// Runs of two or more words inside a longer name ("MaryJane"
			// of Mary Jane Watson) are one person too, not two.
			for i := 0; i < len(words); i++ {
				for j := i + 2; j <= len(words); j++ {
					if j-i < len(words) {
						add(words[i:j], caps[i:j]...)
					}
				}
			}
		}
		for _, w := range words {
			single(w)
		}
		// Initials fold the first letter as written: an M folds to "rn"
		// (its confusables skeleton), not to the first letter of that.
		orig := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) })
		if len(words) >= 2 && len(orig) == len(words) && cased(words[0]) && cased(words[len(words)-1]) {
			initial := func(k int) []rune { r, _ := utf8.DecodeRuneInString(orig[k]); return fold(r) }
			first, last := words[0], words[len(words)-1]
			var initials [][]rune
			var caps []bool
			for k := range words {
				initials = append(initials, initial(k))
				caps = append(caps, true)
			}
			add(initials, caps...)
			if len(words) > 2 {
				add([][]rune{initial(0), initial(len(words) - 1)}, true, true)
			}
			add([][]rune{first, initial(len(words) - 1)}, false, true)
			add([][]rune{initial(0), last}, true, false)
		}
	}
	if email := model.Clean(c.Email); email != "" {
		add(foldWords(email))
		local, _, _ := strings.Cut(strings.TrimPrefix(email, "@"), "@")
		if words := foldWords(local); letterTotal(words) >= 3 {
			if len(words) == 1 {
				single(words[0])
			} else {
				add(words)
			}
		}
	}
	for _, a := range SplitAliases(c.Aliases) {
		for _, s := range spellings(a) {
			phrase(s)
		}
	}
	if uniqueTitle {
		words := foldWords(model.Clean(c.Title))
		if len(words) == 1 {
			if !commonWords()[string(words[0])] && len(words[0]) > 2 {
				add(words, true)
			}
		} else {
			add(words)
		}
	}
	return out
}

// withoutNumbers drops the parts of a name that hold no letter ("Gus
// Moreau 191"): a number is not a name, and text is full of them.
func withoutNumbers(name string) string {
	parts := strings.Fields(name)
	keep := parts[:0]
	for _, p := range parts {
		if strings.IndexFunc(p, unicode.IsLetter) >= 0 {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " ")
}

// cased reports whether a word's first letter has a capital form: initials
// mean nothing in a script without case.
func cased(w []rune) bool { return len(w) > 0 && unicode.IsLetter(w[0]) && !noSpaceScript(w[0]) }

func letterTotal(words [][]rune) int {
	n := 0
	for _, w := range words {
		n += len(w)
	}
	return n
}

// umlauts are spelt out in German when the letter is not at hand.
var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")

// spellings is s, and s with umlauts spelt out when it has any.
func spellings(s string) []string {
	if s == "" {
		return nil
	}
	if t := umlauts.Replace(norm.NFC.String(s)); t != norm.NFC.String(s) {
		return []string{s, t}
	}
	return []string{s}
}

// SplitAliases reads a contact's aliases: nicknames, initials and handles
// separated by commas, semicolons or line breaks.
func SplitAliases(s string) []string {
	var out []string
	for _, a := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if a = model.Clean(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// uniqueTitles marks the contacts whose job title nobody else has: such a
// title names one person as surely as their name does.
func uniqueTitles(people map[int64]model.Contact) map[int64]bool {
	count := map[string]int{}
	key := map[int64]string{}
	for id, c := range people {
		if k := foldString(model.Clean(c.Title)); strings.TrimSpace(k) != "" {
			key[id] = k
			count[k]++
		}
	}
	out := map[int64]bool{}
	for id, k := range key {
		out[id] = count[k] == 1
	}
	return out
}

// pronouns are the gendered pronouns a sponsor edition replaces with
// "they": gender narrows down who is meant. The word before and after are
// captured to choose between them and their and to agree the verb.
var pronouns = lazyRegexp(`(?i)(\b\w+\s+)?\b(he|she|him|his|hers|her|himself|herself)\b(\s+[\w']+)?`)

// objectWords after "her" show it stands for "them", not "their".
var objectWords = map[string]bool{"a": true, "an": true, "the": true, "that": true, "this": true, "to": true, "and": true,
	"or": true, "but": true, "about": true, "on": true, "in": true, "at": true, "for": true, "with": true, "if": true,
	"when": true, "what": true, "how": true, "why": true, "so": true, "not": true, "it": true, "we": true, "i": true,
	"you": true, "they": true, "again": true, "first": true, "before": true, "after": true, "know": true, "too": true,
	"through": true, "up": true, "down": true, "out": true, "over": true, "into": true, "off": true, "back": true,
	"by": true, "from": true, "as": true, "our": true, "my": true, "your": true, "some": true, "any": true,
	"more": true, "less": true, "most": true, "enough": true, "yet": true, "now": true, "today": true, "here": true,
	"there": true, "alone": true, "anyway": true, "later": true, "soon": true, "well": true, "much": true}

// causeWords before "her" make the next word a verb: "let her decide".
var causeWords = map[string]bool{"let": true, "make": true, "help": true, "see": true, "watch": true, "hear": true, "have": true, "had": true}

// theyVerbs agree a verb after "they" that agreed with he or she.
var theyVerbs = map[string]string{"is": "are", "was": "were", "has": "have", "does": "do", "doesn't": "don't",
	"isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't", "goes": "go"}

// notVerbs end in s but are not verbs to agree.
var notVerbs = map[string]bool{"perhaps": true, "always": true, "sometimes": true, "as": true, "thus": true,
	"towards": true, "afterwards": true, "besides": true, "unless": true, "this": true, "his": true, "its": true,
	"us": true, "yes": true, "plus": true, "less": true, "nevertheless": true}

// TheyFor rewrites gendered pronouns as they/them/their.
func TheyFor(s string) string {
	if s == "" {
		return s
	}
	re := pronouns()
	return re.ReplaceAllStringFunc(s, func(m string) string {
		sub := re.FindStringSubmatch(m)
		before, word, rest := sub[1], sub[2], sub[3]
		next := strings.TrimSpace(rest)
		var nu string
		switch strings.ToLower(word) {
		case "he", "she":
			nu = "they"
			if v, ok := theyVerbs[strings.ToLower(next)]; ok {
				rest = strings.Replace(rest, next, v, 1)
			} else if n := len(next); n > 3 && next == strings.ToLower(next) && strings.HasSuffix(next, "s") &&
				!strings.HasSuffix(next, "ss") && !notVerbs[next] {
				v := next[:n-1]
				switch {
				case strings.HasSuffix(next, "ies"):
					v = next[:n-3] + "y"
				case strings.HasSuffix(next, "shes"), strings.HasSuffix(next, "ches"), strings.HasSuffix(next, "xes"), strings.HasSuffix(next, "sses"):
					v = next[:n-2]
				}
				rest = strings.Replace(rest, next, v, 1)
			}
		case "him":
			nu = "them"
		case "his":
			nu = "their"
		case "hers":
			nu = "theirs"
		case "himself", "herself":
			nu = "themselves"
		case "her":
			nu = "their"
			if next == "" || objectWords[strings.ToLower(next)] || causeWords[strings.ToLower(strings.TrimSpace(before))] {
				nu = "them"
			}
		}
		if word[0] >= 'A' && word[0] <= 'Z' {
			nu = strings.ToUpper(nu[:1]) + nu[1:]
		}
		return before + nu + rest
	})
}

// roleLabel is how a redacted brief names a person by role.
func roleLabel(r model.Role) string {
	switch r {
	case model.RoleDecisionMaker:
		return "Decision-maker"
	case model.RoleInRoom:
		return "In the room"
	case model.RoleInfluencer:
		return "Influencer"
	case model.RoleImplementer:
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
