package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Clean makes untrusted text safe to show in a terminal on one line: escape
// sequences (CSI, OSC such as hyperlinks, DCS) are removed, tabs and line
// breaks become spaces, and every other control or bidi-override character is
// dropped. Printable text, emoji, right-to-left scripts and combining marks
// are kept.
func Clean(s string) string {
	return strings.Join(strings.Fields(CleanBlock(s)), " ")
}

// CleanBlock is Clean for multi-line text: line breaks survive, carriage
// returns do not (they would let text overwrite the line it is on).
func CleanBlock(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = ansi.Strip(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune('\n')
		case r == '\t' || r == '\r':
			b.WriteRune(' ')
		case unicode.IsControl(r), isBidiControl(r):
			// dropped: could move the cursor, reorder the line or hide text
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain is the fast path: printable ASCII and newlines only.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x7f || (c < 0x20 && c != '\n') {
			return false
		}
	}
	return true
}

// isBidiControl reports the explicit directional overrides and isolates,
// which can make text display in an order other than the one stored.
func isBidiControl(r rune) bool {
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
