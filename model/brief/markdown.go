package brief

import (
	"strings"
	"unicode/utf8"

	"github.com/backchannel/backchannel/model"
)

// EscapeInline makes user text safe inside a markdown paragraph, list item
// or heading: it is cleaned (control characters and escape sequences
// removed, line breaks folded to spaces), every character that could start
// emphasis, code, a link, raw HTML, a table cell or an entity is
// backslash-escaped, bare URLs and email addresses are broken so that they
// do not become links, and a leading heading, list, quote, rule or fence
// marker is escaped so the text can never start a block of its own.
func EscapeInline(s string) string {
	s = model.Clean(s)
	if inlineSafe(s) {
		return s // nothing to escape: most names and short notes
	}
	return escapeInline(s)
}

// inlineSafe reports whether escapeInline would give s back unchanged,
// judged conservatively: no leading block marker or digit, no character
// that is always escaped, no colon (a "://") and no "www." anywhere.
func inlineSafe(s string) bool {
	if s != "" {
		if c := s[0]; c == '-' || c == '+' || c == '=' || (c >= '0' && c <= '9') {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
		case mdSpecial[c], c == ':':
			return false
		case (c == 'w' || c == 'W') && len(s)-i >= 4 && strings.EqualFold(s[i:i+4], "www."):
			return false
		}
	}
	return true
}

// escapeInline is EscapeInline after cleaning.
func escapeInline(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8 + 2)

	// A leading marker that only means something at the start of a block.
	switch c := s[0]; {
	case c == '-' || c == '+' || c == '=':
		b.WriteByte('\\')
		b.WriteByte(c)
		s = s[1:]
	case c >= '0' && c <= '9':
		n := 0
		for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n < len(s) && (s[n] == '.' || s[n] == ')') {
			b.WriteString(s[:n])
			b.WriteByte('\\')
			b.WriteByte(s[n])
			s = s[n+1:]
		}
	}

	wordStart := true
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+size])
			i += size
			wordStart = false
			continue
		}
		switch {
		case mdSpecial[c]:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == ':' && strings.HasPrefix(s[i:], "://"):
			// "http://…" would become an autolink
			b.WriteString(`\:`)
		case wordStart && (c == 'w' || c == 'W') && len(s)-i >= 4 && strings.EqualFold(s[i:i+4], "www."):
			b.WriteString(s[i:i+3] + `\.`)
			i += 4
			wordStart = false
			continue
		default:
			b.WriteByte(c)
		}
		wordStart = !isASCIIWordByte(c)
		i++
	}
	return b.String()
}

// EscapeCell makes user text safe inside a GFM table cell: everything
// EscapeInline does, which includes escaping the pipe that would split the
// cell and folding line breaks that would end the row.
func EscapeCell(s string) string { return EscapeInline(s) }

// mdSpecial marks the ASCII characters that are always escaped: those that
// open emphasis, code, links, HTML, entities, headings, table cells,
// strikethrough and email autolinks.
var mdSpecial = func() (t [utf8.RuneSelf]bool) {
	for _, c := range "\\`*_[]<>#|~&@" {
		t[c] = true
	}
	return t
}()

func isASCIIWordByte(c byte) bool {
	return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
