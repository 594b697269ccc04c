package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean makes untrusted text safe to show in a terminal on one line: escape
// sequences (CSI, OSC such as hyperlinks, DCS) are removed, tabs and line
// breaks become spaces, and every other control or bidi-override character,
// and the soft hyphen, is dropped. Printable text, emoji, right-to-left scripts and combining marks
// are kept.
func Clean(s string) string {
	s = CleanBlock(s)
	if singleSpaced(s) {
		return s // already one line of single spaces: no copy (a brief cleans every name it prints)
	}
	return strings.Join(strings.Fields(s), " ")
}

// singleSpaced reports whether s is already what joining its fields with
// one space gives: no leading or trailing space, no two spaces in a row
// and no white space other than the space itself (strings.Fields splits on
// every unicode.IsSpace rune).
func singleSpaced(s string) bool {
	space := true // a space at the start is a leading one
	for i := 0; i < len(s); {
		c := s[i]
		if c > ' ' && c < utf8.RuneSelf { // most bytes: printable ASCII, not a space
			space = false
			i++
			continue
		}
		isSpace, size := c == ' ' || (c >= '\t' && c <= '\r'), 1 // unicode.IsSpace's ASCII spaces
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		}
		i += size
		if !isSpace {
			space = false
			continue
		}
		if c != ' ' || space {
			return false
		}
		space = true
	}
	return !space || s == ""
}

// CleanBlock is Clean for multi-line text: line breaks survive, carriage
// returns do not (they would let text overwrite the line it is on).
func CleanBlock(s string) string {
	if isPlain(s) {
		return s
	}
	return cleanBlock(s)
}

// cleanBlock is CleanBlock for text that may hold something to remove.
func cleanBlock(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			if n := escapeLen(s[i:]); n > 0 {
				i += n // a whole escape sequence: none of it is text
				continue
			}
			// A broken escape (unterminated, or not a sequence at all):
			// a visible marker, and the text after it is kept.
			b.WriteString(BrokenEscape)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\n':
			b.WriteRune('\n')
		case r == '\t' || r == '\r':
			b.WriteRune(' ')
		case unicode.IsControl(r), IsBidiControl(r):
			// dropped: could move the cursor, reorder the line or hide text
		case r == softHyphen:
			// dropped: invisible, yet a cell wide to some terminals and
			// none to others, so it shifts every column after it
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// BrokenEscape stands where an escape character began something that is not
// a whole escape sequence: the terminal never sees the ESC, and the reader
// sees that something was there.
const BrokenEscape = "␛" // ␛ SYMBOL FOR ESCAPE

// escapeLen is the length in bytes of the escape sequence at the start of
// s (which begins with ESC), or 0 when it is not a whole one. The forms are
// ECMA-48's: CSI (ESC [ parameters intermediates final), the control
// strings OSC, DCS, SOS, PM and APC ended by ST (ESC \\) or, for OSC, BEL,
// and the two- and three-byte escapes (ESC 7, ESC ( B).
func escapeLen(s string) int {
	if len(s) < 2 {
		return 0
	}
	switch c := s[1]; {
	case c == '[':
		i := 2
		for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
			i++
		}
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
		return 0
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		for i := 2; i < len(s); i++ {
			switch {
			case s[i] == 0x07 && c == ']':
				return i + 1
			case s[i] == 0x1b:
				if i+1 < len(s) && s[i+1] == '\\' {
					return i + 2
				}
				return 0 // another escape before the end: this one is broken
			}
		}
		return 0
	case c > 0x20 && c <= 0x2f: // not a space: "ESC Jones" is a stray ESC, not ESC SP J
		i := 2
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			return i + 1
		}
		return 0
	case c >= 0x30 && c <= 0x7e:
		return 2
	}
	return 0
}

// Blank reports whether s shows nothing once cleaned: empty, spaces, or
// only control characters and escape sequences. Such text counts as empty
// everywhere (a required name, a planned message, readiness).
func Blank(s string) bool { return Clean(s) == "" }

// isPlain is the fast path: text CleanBlock would give back as it is
// (valid UTF-8, newlines, and nothing cleanBlock drops or replaces: no
// escape, tab, carriage return or other control character, no bidi control
// and no soft hyphen). Names with accents or in other scripts take it too.
func isPlain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == 0x7f || (c < 0x20 && c != '\n') {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unicode.IsControl(r) || IsBidiControl(r) || r == softHyphen {
			return false
		}
		i += size
	}
	return true
}

// softHyphen (U+00AD) marks where a word may break; a terminal never
// breaks there, so it only ever shows as nothing or as a stray cell.
const softHyphen = '\u00ad'

// IsBidiControl reports the explicit directional overrides and isolates,
// which can make text display in an order other than the one stored.
func IsBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}

// Normalize tidies text a person typed before it is stored: control
// characters and escape sequences are removed and surrounding space trimmed.
// Single-line fields also lose line breaks.
func Normalize(s string, multiline bool) string {
	if multiline {
		return strings.TrimSpace(CleanBlock(s))
	}
	return Clean(s)
}

// UpperFirst capitalises the first letter of generated text ("deleted the
// conversation…" → "Deleted the conversation…"); anything else is kept.
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
