// Long by design: the leak guard, the redactor's independent second check that fails closed, kept apart from redact.go so neither trusts the other.

package redact

import (
	"fmt"
	"html"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/backchannel/backchannel/model"
	"github.com/mtibben/confusables"
	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// This file is the second pass of redaction: after the Redactor has
// replaced people with labels, the leak guard reads the finished output
// for any way of writing a person that survived and, if it finds one, the
// output is not printed. It shares no matching code with the Redactor on
// purpose: the Redactor walks folded runes; the guard normalises whole
// strings with golang.org/x/text transforms, splits them into words and
// compares words and runs of words. A mistake in one is unlikely to be the
// same mistake in the other.

// LeakError is redaction failing closed: a name survived redaction, so
// nothing was printed. It names the field and the person's label, never the
// name.
type LeakError struct {
	// Field is where the name was found, as a JSON path ("room[2].next_step"),
	// or "the output" when only the finished text shows it.
	Field string
	// Label is the person's label ("Decision-maker A").
	Label string
}

func (e *LeakError) Error() string {
	return fmt.Sprintf("redaction failed closed: a way of writing %s survived in %s, so nothing was printed; add the spelling to the contact's aliases or reword the text, and report it as a bug", e.Label, e.Field)
}

// needle is one way of writing a person, as the guard looks for it.
type needle struct {
	words []string
	// caps: word k must start with a capital.
	caps []bool
	// allCaps: written as one word, it must be all capitals (initials "DR").
	allCaps bool
	joined  string
	label   string
}

type leakGuard struct {
	labels   []string
	byFirst  map[string][]*needle
	byJoined map[string][]*needle
	// unspaced are needles in scripts written without spaces, found as
	// substrings of the text with everything but letters removed.
	unspaced []*needle
}

// guardFold is the guard's normal form of a word: NFKD with marks removed,
// transliterated, case-folded, reduced to its confusables skeleton.
var guardFold = sync.OnceValue(func() func(string) string {
	translit := strings.NewReplacer("ß", "ss", "ẞ", "ss", "ø", "o", "Ø", "o", "ł", "l", "Ł", "l", "đ", "d", "Đ", "d",
		"ð", "d", "Ð", "d", "þ", "th", "Þ", "th", "æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe", "ı", "i", "ħ", "h", "Ħ", "h",
		"ŧ", "t", "Ŧ", "t", "ŀ", "l", "Ŀ", "l", "ĸ", "k")
	strip := runes.Remove(runes.In(unicode.Mn))
	fold := cases.Fold()
	return func(s string) string {
		s, _, _ = transform.String(transform.Chain(norm.NFKD, strip), s)
		s = fold.String(translit.Replace(s))
		s, _, _ = transform.String(transform.Chain(norm.NFD, strip), confusables.Skeleton(s))
		return strings.ToLower(s)
	}
})

// guardFolded caches guardFold by word: a brief repeats its words, and
// briefs repeat each other's.
var guardFolded sync.Map // string → string

func (g *leakGuard) fold(s string) string {
	if v, ok := guardFolded.Load(s); ok {
		return v.(string)
	}
	v := guardFold()(s)
	if len(s) <= 64 {
		guardFolded.Store(s, v)
	}
	return v
}

// guardWord is a word of text as the guard sees it.
type guardWord struct {
	folded       string
	capital, all bool
	// gap counts the marks other than spaces since the word before.
	gap int
}

var (
	// guardDays is Date.Human's form, with the year the brief adds to
	// days far off.
	guardDays   = lazyRegexp(`\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [1-9][0-9]? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b(?: [0-9]{4}\b)?`)
	htmlComment = lazyRegexp(`(?s)<!--.*?(-->|$)`)
	htmlTag     = lazyRegexp(`(?i)</?(a|b|i|u|s|em|strong|span|del|ins|sub|sup|mark|code|kbd|small|big|font|br|wbr|abbr|q|tt|strike)(\s[^<>\n]{0,200})?/?>`)
	urlEscapes  = lazyRegexp(`(%[0-9A-Fa-f]{2})+`)
)

// unveil undoes what hides letters from a reader of rendered markdown:
// HTML comments and tags, character references, URL escapes and
// invisible format characters.
func unveil(s string) string {
	s = htmlComment().ReplaceAllString(s, "")
	s = htmlTag().ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	s = urlEscapes().ReplaceAllStringFunc(s, func(m string) string {
		if u, err := url.PathUnescape(m); err == nil && utf8.ValidString(u) {
			return u
		}
		return m
	})
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

func isGuardLetter(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// splitWords splits text into words: runs of letters, broken where a script
// written without spaces meets another, and, with camel, at a capital after
// a small letter.
func splitWords(s string, camel bool) []string {
	var out []string
	start := -1
	var prev rune
	for i, r := range s {
		if !isGuardLetter(r) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start >= 0 && !unicode.Is(unicode.Mn, r) &&
			(noSpaceScript(prev) != noSpaceScript(r) || (camel && unicode.IsLower(prev) && unicode.IsUpper(r))) {
			out = append(out, s[start:i])
			start = -1
		}
		if start < 0 {
			start = i
		}
		if !unicode.Is(unicode.Mn, r) {
			prev = r
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// capitalLike is a capital letter, or a letter of a script without case.
func capitalLike(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsTitle(r) || (unicode.IsLetter(r) && unicode.ToLower(r) == unicode.ToUpper(r))
}

func (g *leakGuard) words(s string, camel bool) []guardWord {
	ws := splitWords(s, camel)
	out := make([]guardWord, 0, len(ws))
	rest := s
	for _, w := range ws {
		// The marks between this word and the last, other than spaces.
		i := strings.Index(rest, w)
		gap := 0
		for _, r := range rest[:max(i, 0)] {
			if !unicode.IsSpace(r) {
				gap++
			}
		}
		if i >= 0 {
			rest = rest[i+len(w):]
		}
		r, _ := utf8.DecodeRuneInString(w)
		gw := guardWord{folded: g.fold(w), capital: capitalLike(r), gap: gap}
		gw.all = strings.IndexFunc(w, func(r rune) bool { return !capitalLike(r) && !unicode.Is(unicode.Mn, r) }) < 0
		out = append(out, gw)
	}
	return out
}

// newLeakGuard derives the needles for people from their contact records,
// independently of contactTerms.
func newLeakGuard(people map[int64]model.Contact, order []int64, labels map[int64]string) *leakGuard {
	g := &leakGuard{byFirst: map[string][]*needle{}, byJoined: map[string][]*needle{}}
	common := map[string]bool{}
	for _, line := range strings.Split(commonWordsText, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			common[g.fold(line)] = true
		}
	}
	titles := map[string]int{}
	for _, c := range people {
		if t := g.fold(strings.Join(splitWords(c.Title, false), " ")); t != "" {
			titles[t]++
		}
	}
	for _, l := range labels {
		g.labels = append(g.labels, l)
	}
	// Longest first, so "Other person AB" goes before "Other person A".
	slices.SortFunc(g.labels, func(a, b string) int { return len(b) - len(a) })
	spelt := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")
	for _, id := range order {
		c, ok := people[id]
		if !ok {
			continue
		}
		label := labels[id]
		add := func(words []string, caps []bool, allCaps bool) {
			if len(words) == 0 {
				return
			}
			n := &needle{words: words, caps: caps, allCaps: allCaps, joined: strings.Join(words, ""), label: label}
			if strings.IndexFunc(n.joined, noSpaceScript) >= 0 {
				g.unspaced = append(g.unspaced, n)
				return
			}
			g.byFirst[words[0]] = append(g.byFirst[words[0]], n)
			// Written as one word, only the first capital can be checked
			// (or all of them, for initials).
			if allCaps || !slices.Contains(caps[min(1, len(caps)):], true) {
				g.byJoined[n.joined] = append(g.byJoined[n.joined], n)
			}
		}
		folded := func(s string) []string {
			var out []string
			for _, w := range splitWords(s, false) {
				out = append(out, g.fold(w))
			}
			return out
		}
		oneWord := func(w string) {
			switch n := utf8.RuneCountInString(w); {
			case n < 2 || strings.IndexFunc(w, unicode.IsLetter) < 0:
			case n == 2 || common[w]:
				add([]string{w}, []bool{true}, false)
			default:
				add([]string{w}, []bool{false}, false)
			}
		}
		words := func(ws []string) {
			if len(ws) == 1 {
				oneWord(ws[0])
			} else {
				add(ws, make([]bool, len(ws)), false)
			}
		}
		// Numbers in a name ("Gus Moreau 191") are not the name.
		name := strings.Join(slices.DeleteFunc(strings.Fields(c.Name), func(p string) bool {
			return !strings.ContainsFunc(p, unicode.IsLetter)
		}), " ")
		names := []string{name}
		if s := spelt.Replace(norm.NFC.String(name)); s != norm.NFC.String(name) {
			names = append(names, s)
		}
		for _, name := range names {
			ws := folded(name)
			if len(ws) > 1 {
				caps := make([]bool, len(ws))
				for k, w := range ws {
					caps[k] = utf8.RuneCountInString(w) <= 2 || common[w]
				}
				add(ws, caps, false)
			}
			words(ws[:min(len(ws), 1)])
			if len(ws) > 1 {
				for _, w := range ws {
					oneWord(w)
				}
			}
			orig := splitWords(name, false)
			if len(ws) >= 2 && len(orig) == len(ws) {
				r, _ := utf8.DecodeRuneInString(orig[0])
				if unicode.IsLetter(r) && !noSpaceScript(r) {
					first, last := ws[0], ws[len(ws)-1]
					ini := func(k int) string { r, _ := utf8.DecodeRuneInString(orig[k]); return g.fold(string(r)) }
					var in []string
					var caps []bool
					for k := range ws {
						in = append(in, ini(k))
						caps = append(caps, true)
					}
					add(in, caps, true)
					add([]string{ini(0), ini(len(ws) - 1)}, []bool{true, true}, true)
					add([]string{first, ini(len(ws) - 1)}, []bool{false, true}, false)
					add([]string{ini(0), last}, []bool{true, false}, false)
				}
			}
		}
		if c.Email != "" {
			add(folded(c.Email), make([]bool, len(folded(c.Email))), false)
			local, _, _ := strings.Cut(strings.TrimLeft(c.Email, "@"), "@")
			if ws := folded(local); utf8.RuneCountInString(strings.Join(ws, "")) >= 3 {
				words(ws)
			}
		}
		for _, a := range SplitAliases(c.Aliases) {
			words(folded(a))
			if s := spelt.Replace(norm.NFC.String(a)); s != norm.NFC.String(a) {
				words(folded(s))
			}
		}
		if t := folded(c.Title); len(t) > 0 && titles[strings.Join(t, " ")] == 1 {
			if len(t) > 1 {
				add(t, make([]bool, len(t)), false)
			} else if !common[t[0]] && utf8.RuneCountInString(t[0]) > 2 {
				add(t, []bool{true}, false)
			}
		}
	}
	return g
}

// wall is what a label or a day becomes before the guard reads the text:
// more marks than may stand between the parts of one name (maxGap), so
// that the words either side are never read as one name ("D" and "R" of
// "D Decision-maker A R" are not Dana Reyes's initials).
var wall = " " + strings.Repeat("·", maxGap+1) + " "

// find reports the label of a person written in s, if any.
func (g *leakGuard) find(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	// Read what a terminal would show: control characters are gone by then.
	s = model.CleanBlock(s)
	for _, l := range g.labels {
		s = strings.ReplaceAll(s, l, wall)
	}
	// The days the program writes ("Tue 23 Jun", "Sat 9 Jan 2027") are its
	// own words, not a person's: a month or weekday that is also a name
	// (Jun, May, Jan, Sun) would otherwise stop every brief with such a day.
	s = guardDays().ReplaceAllString(s, wall)
	s = unveil(s)
	variants := []string{s}
	if strings.ContainsFunc(s, markupRune) {
		// Markup may join two words or split one: read it both ways.
		variants = []string{
			strings.Map(func(r rune) rune {
				if markupRune(r) {
					return -1
				}
				return r
			}, s),
			strings.Map(func(r rune) rune {
				if markupRune(r) {
					return ' '
				}
				return r
			}, s),
		}
	}
	deleted := variants[0]
	for _, v := range variants {
		if l, ok := g.findWords(g.words(v, false)); ok {
			return l, true
		}
		if hasCamel(v) {
			if l, ok := g.findWords(g.words(v, true)); ok {
				return l, true
			}
		}
	}
	if len(g.unspaced) > 0 {
		letters := strings.Join(splitWords(deleted, false), "")
		flat := g.fold(letters)
		for _, n := range g.unspaced {
			if strings.Contains(flat, n.joined) {
				return n.label, true
			}
		}
	}
	return "", false
}

// withoutEnding is w less a plural or genitive ending, or "".
func withoutEnding(w string) []string {
	var out []string
	for _, e := range []string{"es", "s"} {
		if len(w) > len(e)+1 && strings.HasSuffix(w, e) {
			out = append(out, w[:len(w)-len(e)])
		}
	}
	return out
}

func (g *leakGuard) findWords(ws []guardWord) (string, bool) {
	for t, w := range ws {
		forms := append([]string{w.folded}, withoutEnding(w.folded)...)
		for fi, f := range forms {
			for _, n := range g.byJoined[f] {
				if (len(n.caps) == 0 || !n.caps[0] || w.capital) && (!n.allCaps || w.all) {
					return n.label, true
				}
			}
			if fi > 0 {
				continue
			}
			for _, n := range g.byFirst[f] {
				if g.matchRun(ws[t:], n) {
					return n.label, true
				}
			}
		}
	}
	return "", false
}

// matchRun reports whether the words ws start with needle n.
func (g *leakGuard) matchRun(ws []guardWord, n *needle) bool {
	if len(ws) < len(n.words) {
		return false
	}
	for k, nw := range n.words {
		w := ws[k]
		ok := w.folded == nw
		if !ok && k == len(n.words)-1 {
			ok = slices.Contains(withoutEnding(w.folded), nw)
		}
		if !ok || (n.caps[k] && !w.capital) || (k > 0 && w.gap > maxGap) {
			return false
		}
	}
	return true
}

// hasCamel reports a capital straight after a small letter ("DanaReyes").
func hasCamel(s string) bool {
	var prev rune
	for _, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			return true
		}
		prev = r
	}
	return false
}

// check scans the finished output (markdown) or every string field of doc
// (JSON, whose escapes would hide words from a scan of the text), and
// returns a *LeakError for the first person found, naming the field by its
// JSON path.
func (g *leakGuard) check(doc any, output string, asJSON bool) error {
	if !asJSON {
		l, ok := g.find(output)
		if !ok {
			return nil
		}
		if err := g.walk(reflect.ValueOf(doc), ""); err != nil {
			return err
		}
		return &LeakError{Field: "the output", Label: l}
	}
	return g.walk(reflect.ValueOf(doc), "")
}

func (g *leakGuard) walk(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.String:
		if l, ok := g.find(v.String()); ok {
			return &LeakError{Field: path, Label: l}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return g.walk(v.Elem(), path)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if err := g.walk(v.Index(i), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" {
				name = f.Name
			}
			if name == "-" {
				continue
			}
			p := name
			if path != "" && !f.Anonymous {
				p = path + "." + name
			} else if f.Anonymous {
				p = path
			}
			if err := g.walk(v.Field(i), p); err != nil {
				return err
			}
		}
	}
	return nil
}

// Check has the independent leak guard read an output and the document it
// was written from (doc is walked field by field; with asJSON the output is
// read as JSON too): if any way of writing a person survived, it returns a
// *LeakError naming the field and the person's label. Redaction fails closed.
func (rd *Redactor) Check(doc any, output string, asJSON bool) error {
	return rd.guard().check(doc, output, asJSON)
}

// Find reports the label of the first person the leak guard recognises in
// s, if any.
func (rd *Redactor) Find(s string) (label string, found bool) {
	return rd.guard().find(s)
}

// Blind returns a copy of the redactor that finds nobody in free text but
// keeps its leak guard: a redactor with the worst possible bug. The tests of
// every redacted output use it to prove that redaction fails closed.
func (rd *Redactor) Blind() *Redactor {
	blind := *rd
	blind.terms = map[rune][]*redactTerm{}
	return &blind
}
