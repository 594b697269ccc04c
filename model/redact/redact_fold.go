package redact

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mtibben/confusables"
	"golang.org/x/text/unicode/norm"
)

// This file turns text into the normalised stream the redactor matches
// names against. Each source rune becomes zero or more folded runes that
// remember where in the source they came from, so a match found in folded
// text replaces exactly the bytes that spelt it, whatever disguised them.

// Classes of a folded rune.
const (
	// classWord is a letter or digit: part of a name.
	classWord uint8 = iota
	// classOther is space or punctuation: it ends a word.
	classOther
	// classClear is markup the reader does not see as a letter and that may
	// sit inside a word: markdown emphasis, a backslash escape, a zero-width
	// character or soft hyphen, an HTML comment or tag. It is skipped inside
	// a name and counts as a word boundary around one.
	classClear
)

// foldedRune is one rune of normalised text.
type foldedRune struct {
	r rune // the folded rune; 0 when class is classClear
	// from and to are the source bytes it stands for.
	from, to int32
	class    uint8
	// upper: the source letter is a capital, or a letter of a script
	// without case (so "capitalised as a name" holds for it).
	upper bool
	// lower: the source letter is a small letter (for camel-case joins).
	lower bool
}

// transliterations are the letters that do not decompose into a base letter
// and a mark but that people write without their diacritic all the same.
var transliterations = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
	'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'Ŧ': "t", 'ŀ': "l", 'Ŀ': "l", 'ĸ': "k",
}

// foldTable caches fold for runes already seen; the confusables skeleton
// normalises a string twice, too slow to repeat for every rune of a brief.
var foldTable sync.Map // rune → []rune

// fold maps one rune to its normalised form: compatibility decomposition
// (NFKD, so full-width and styled letters become plain ones), accents
// dropped, common transliterations, lower case, and the Unicode confusables
// skeleton (a Cyrillic а is a Latin a), lower-cased again. Text and names
// go through the same function, so whatever it conflates, it conflates on
// both sides.
func fold(r rune) []rune {
	if v, ok := foldTable.Load(r); ok {
		return v.([]rune)
	}
	var base []rune
	for _, d := range norm.NFKD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) || unicode.Is(unicode.Me, d) {
			continue
		}
		if t, ok := transliterations[d]; ok {
			base = append(base, []rune(t)...)
			continue
		}
		base = append(base, unicode.ToLower(d))
	}
	var out []rune
	for _, d := range confusables.Skeleton(string(base)) {
		if unicode.Is(unicode.Mn, d) || unicode.Is(unicode.Me, d) {
			continue
		}
		out = append(out, unicode.ToLower(d))
	}
	v, _ := foldTable.LoadOrStore(r, out)
	return v.([]rune)
}

// noSpaceScript reports letters of scripts written without spaces between
// words (Chinese, Japanese, Korean, Thai and their neighbours): a name in
// them is found as a substring, since no word boundary marks it.
func noSpaceScript(r rune) bool {
	if r < 0x0E00 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul,
		unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// markupRune is markdown that can sit inside a word without being read.
func markupRune(r rune) bool {
	switch r {
	case '*', '_', '~', '`', '\\':
		return true
	}
	return false
}

// foldText normalises s into dst (reset first) and returns it.
func foldText(s string, dst []foldedRune) []foldedRune {
	dst = dst[:0]
	emit := func(src rune, from, to int) {
		switch {
		case unicode.Is(unicode.Cf, src) || markupRune(src):
			dst = append(dst, foldedRune{from: int32(from), to: int32(to), class: classClear})
			return
		}
		if !unicode.IsLetter(src) && !unicode.IsDigit(src) && !unicode.IsMark(src) {
			// Punctuation and space end a word whatever their skeleton is
			// (% has º⁄₀ for one, and º is a letter).
			dst = append(dst, foldedRune{r: src, from: int32(from), to: int32(to), class: classOther})
			return
		}
		upper := unicode.IsUpper(src) || unicode.IsTitle(src) || (unicode.IsLetter(src) && unicode.ToLower(src) == unicode.ToUpper(src))
		lower := unicode.IsLower(src)
		fs := fold(src)
		if len(fs) == 0 && len(dst) > 0 && int(dst[len(dst)-1].to) == from {
			// A combining mark belongs to the letter before it: a name
			// replaced takes its accents along.
			dst[len(dst)-1].to = int32(to)
			return
		}
		for _, f := range fs {
			c := classOther
			if unicode.IsLetter(f) || unicode.IsDigit(f) {
				c = classWord
			}
			dst = append(dst, foldedRune{r: f, from: int32(from), to: int32(to), class: c, upper: upper, lower: lower})
		}
	}
	for i := 0; i < len(s); {
		if n := hiddenMarkup(s[i:]); n > 0 {
			dst = append(dst, foldedRune{from: int32(i), to: int32(i + n), class: classClear})
			i += n
			continue
		}
		if s[i] == '%' || s[i] == '&' {
			if n, ok := decodeEscapes(s, i, emit); ok {
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		emit(r, i, i+size)
		i += size
	}
	return dst
}

// hiddenMarkup is the length of an HTML comment or tag at the start of s,
// or 0: markdown renders neither, so a name split by one still reads whole.
func hiddenMarkup(s string) int {
	if len(s) < 3 || s[0] != '<' {
		return 0
	}
	if strings.HasPrefix(s, "<!--") {
		if end := strings.Index(s[4:], "-->"); end >= 0 {
			return 4 + end + 3
		}
		return len(s)
	}
	j := 1
	if s[j] == '/' {
		j++
	}
	k := j
	for k < len(s) && isASCIILetter(s[k]) {
		k++
	}
	if !inlineTags[strings.ToLower(s[j:k])] || k >= len(s) || (s[k] != '>' && s[k] != ' ' && s[k] != '/') {
		return 0
	}
	for ; k < len(s) && k < 200; k++ {
		switch s[k] {
		case '>':
			return k + 1
		case '<', '\n':
			return 0
		}
	}
	return 0
}

// inlineTags are the HTML elements that may wrap part of a word. Anything
// else in angle brackets (<dana.reyes>) is text to search.
var inlineTags = map[string]bool{"a": true, "b": true, "i": true, "u": true, "s": true, "em": true, "strong": true,
	"span": true, "del": true, "ins": true, "sub": true, "sup": true, "mark": true, "code": true, "kbd": true,
	"small": true, "big": true, "font": true, "br": true, "wbr": true, "abbr": true, "q": true, "tt": true, "strike": true}

func isASCIILetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// decodeEscapes reads a run of URL escapes (%44%61) or one numeric HTML
// character reference (&#68; &#x44;, the semicolon optional) at s[i:] and
// emits what it encodes,
// each decoded rune standing for the source bytes that spelt it.
func decodeEscapes(s string, i int, emit func(r rune, from, to int)) (int, bool) {
	if s[i] == '&' {
		j := i + 1
		if j >= len(s) || s[j] != '#' {
			return 0, false
		}
		j++
		base := 10
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			base, j = 16, j+1
		}
		v, digits := 0, 0
		for ; j < len(s) && digits < 8; j++ {
			d := hexVal(s[j])
			if d < 0 || d >= base {
				break
			}
			v, digits = v*base+d, digits+1
		}
		if digits == 0 || !utf8.ValidRune(rune(v)) {
			return 0, false
		}
		// Browsers read a numeric reference without its semicolon too
		// ("&#68ana" shows "Dana"), so the semicolon is optional here.
		end := j
		if j < len(s) && s[j] == ';' {
			end = j + 1
		}
		emit(rune(v), i, end)
		return end - i, true
	}
	var raw []byte
	var starts []int
	j := i
	for j+2 < len(s) && s[j] == '%' && hexVal(s[j+1]) >= 0 && hexVal(s[j+2]) >= 0 {
		raw = append(raw, byte(hexVal(s[j+1])<<4|hexVal(s[j+2])))
		starts = append(starts, j)
		j += 3
	}
	if len(raw) == 0 || !utf8.Valid(raw) {
		return 0, false // not text: read the escapes as they are written
	}
	for k := 0; k < len(raw); {
		r, size := utf8.DecodeRune(raw[k:])
		end := j
		if k+size < len(starts) {
			end = starts[k+size]
		}
		emit(r, starts[k], end)
		k += size
	}
	return j - i, true
}

func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
