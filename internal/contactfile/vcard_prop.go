package contactfile

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// This file is the vCard 2.1 layer's second half: it reads one property's
// name, parameters and value the way every version writes them, and decodes
// the value to UTF-8 text. It exists because go-vcard's own line parser
// drops 2.1's bare parameters (EMAIL;PREF:x even loses its value), knows
// neither quoted-printable nor CHARSET=, and leaves "\;" escaped; so the
// layer reads each property and hands go-vcard a clean 4.0-style line.

// prop is one property as written in the file.
type prop struct {
	no          int
	group, name string
	params      map[string][]string
	// raw is the value as written: still escaped, maybe quoted-printable.
	raw string
}

// lexProp reads "group.NAME;PARAM=a,b;BARE:value". ok is false when the
// line has no name or no colon outside quotes.
func lexProp(l vcardLine) (p prop, ok bool) {
	s := l.text
	p = prop{no: l.no, params: map[string][]string{}}
	end := strings.IndexAny(s, ";:")
	if end <= 0 {
		return p, false
	}
	p.name = strings.ToUpper(strings.TrimSpace(s[:end]))
	if i := strings.LastIndexByte(p.name, '.'); i >= 0 {
		p.group, p.name = p.name[:i], p.name[i+1:]
	}
	if p.name == "" {
		return p, false
	}
	rest := s[end:]
	for strings.HasPrefix(rest, ";") {
		rest = rest[1:]
		// One parameter runs to the next ';' or ':' outside double quotes.
		i, inQuote := 0, false
		for ; i < len(rest); i++ {
			c := rest[i]
			if c == '"' {
				inQuote = !inQuote
			} else if !inQuote && (c == ';' || c == ':') {
				break
			}
		}
		if i == len(rest) {
			return p, false
		}
		addParam(p.params, rest[:i])
		rest = rest[i:]
	}
	if !strings.HasPrefix(rest, ":") {
		return p, false
	}
	p.raw = rest[1:]
	return p, true
}

// addParam records one parameter. A bare word is a 2.1 type ("WORK",
// "PREF") or encoding ("QUOTED-PRINTABLE"); quoted values lose their quotes
// and RFC 6868 caret escapes.
func addParam(params map[string][]string, s string) {
	key, val, hasEq := strings.Cut(s, "=")
	key = strings.ToUpper(strings.TrimSpace(key))
	if !hasEq {
		switch key {
		case "QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B":
			params["ENCODING"] = append(params["ENCODING"], key)
		case "":
		default:
			params["TYPE"] = append(params["TYPE"], key)
		}
		return
	}
	params[key] = append(params[key], splitParamValues(val)...)
}

// splitParamValues splits a,"b,c",d on commas outside quotes.
func splitParamValues(s string) []string {
	var out []string
	var b strings.Builder
	inQuote := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			inQuote = !inQuote
		case c == ',' && !inQuote:
			out = append(out, caretDecode(b.String()))
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(out, caretDecode(b.String()))
}

// caretDecode undoes RFC 6868 escapes in a parameter value.
func caretDecode(s string) string {
	if !strings.Contains(s, "^") {
		return s
	}
	return caretEscapes.Replace(s)
}

var caretEscapes = strings.NewReplacer("^n", "\n", "^N", "\n", "^'", `"`, "^^", "^")

// param returns a parameter's first value, upper-cased.
func (p prop) param(key string) string {
	if v := p.params[key]; len(v) > 0 {
		return strings.ToUpper(strings.TrimSpace(v[0]))
	}
	return ""
}

// errBinary marks a value that is binary data (a photo, a key), not text.
var errBinary = errors.New("binary value")

// value decodes the property's value to UTF-8 text, still escaped.
// fileRaw says the file as a whole was not UTF-8; declared is the encoding
// the user named, if any.
func (p prop) value(fileRaw bool, declared string) (string, error) {
	enc := p.param("ENCODING")
	if enc == "B" || enc == "BASE64" {
		return "", errBinary
	}
	raw, qp := p.raw, enc == "QUOTED-PRINTABLE"
	if qp {
		raw = decodeQP(raw)
	}
	if cs := p.param("CHARSET"); cs != "" && (qp || fileRaw) && !isUTF8Name(cs) {
		e, _, err := lookupEncoding(cs)
		if err != nil {
			return "", errors.New("the property's CHARSET " + quote(cs) + " is not a character set backchannel knows")
		}
		out, err := e.NewDecoder().String(raw)
		if err != nil || strings.ContainsRune(out, utf8.RuneError) {
			return "", errors.New("the value is not valid " + cs)
		}
		return out, nil
	}
	if qp && declared != "" {
		if e, _, err := lookupEncoding(declared); err == nil {
			if out, err := e.NewDecoder().String(raw); err == nil {
				return out, nil
			}
		}
	}
	if !utf8.ValidString(raw) {
		if qp {
			return "", errors.New("the quoted-printable value is not UTF-8 and the property names no CHARSET")
		}
		return "", errors.New(legacyHint)
	}
	return raw, nil
}

func isUTF8Name(cs string) bool {
	return cs == "UTF-8" || cs == "UTF8"
}

// decodeQP decodes quoted-printable leniently: "=XX" is a byte, anything
// else (a stray "=", a trailing soft break) is kept or dropped as a reader
// would expect, never an error.
func decodeQP(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			if i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
				i += 2
				continue
			}
			if i == len(s)-1 {
				continue // a soft break at the very end
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// semicolon stands for an escaped "\;" inside a compound value (N, ORG)
// while go-vcard splits the components on the real ones. It is a
// private-use character; any in the file are dropped first.
const semicolon = '\uE03B'

// unescape undoes vCard text escaping as every version and exporter writes
// it: \\ \n \N \, \; \: and Gmail's \" . A backslash before anything else is
// kept, as vCard 2.1 means it. In a compound value an escaped semicolon
// becomes the stand-in, so it is not taken for a separator.
func unescape(s string, compound bool) string {
	s = strings.ReplaceAll(s, string(semicolon), "")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i == len(s)-1 {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'n', 'N':
			b.WriteByte('\n')
		case ';':
			if compound {
				b.WriteRune(semicolon)
			} else {
				b.WriteByte(';')
			}
		case '\\', ',', ':', '"':
			b.WriteByte(c)
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String()
}

// forGoVCard escapes decoded text so that go-vcard's decoder, which undoes
// only \\ \n and \, gives it back unchanged.
func forGoVCard(s string) string { return goVCardEscapes.Replace(s) }

var goVCardEscapes = strings.NewReplacer(`\`, `\\`, "\n", `\n`)
