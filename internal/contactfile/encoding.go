package contactfile

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// text is a file decoded for reading: its characters, and the name of the
// encoding they came from, for the preview.
type text struct {
	s        string
	encoding string
	// raw is set when the bytes are not UTF-8 and no encoding was named: a
	// vCard may still declare a CHARSET per property, so the reader decides
	// line by line.
	raw bool
}

// lookupEncoding finds a character set by any of its usual names
// (windows-1252, cp1252, latin1, shift_jis, sjis, koi8-r, …).
func lookupEncoding(name string) (encoding.Encoding, string, error) {
	n := strings.TrimSpace(name)
	if e, err := htmlindex.Get(n); err == nil && e != nil {
		canon, _ := htmlindex.Name(e)
		return e, canon, nil
	}
	if e, err := ianaindex.IANA.Encoding(n); err == nil && e != nil {
		canon, _ := ianaindex.IANA.Name(e)
		return e, canon, nil
	}
	alias := map[string]string{"cp1250": "windows-1250", "cp1251": "windows-1251", "cp1252": "windows-1252", "sjis": "shift_jis", "latin1": "iso-8859-1", "latin-1": "iso-8859-1"}
	if a, ok := alias[strings.ToLower(n)]; ok {
		return lookupEncoding(a)
	}
	return nil, "", fmt.Errorf("unknown character set %q", n)
}

// decodeFile turns a file's bytes into text. In order: the encoding the
// user named; a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a
// mark when its zero bytes make it certain; UTF-8. Anything else is left raw
// for the vCard reader (which honours CHARSET=) or refused by the caller.
func decodeFile(name string, data []byte, declared string) (text, error) {
	if declared != "" {
		enc, canon, err := lookupEncoding(declared)
		if err != nil {
			return text{}, &Error{File: name, Msg: err.Error() + "; try utf-8, utf-16, windows-1252, windows-1251, iso-8859-1 or shift_jis"}
		}
		data = stripUTF8BOM(data)
		s, err := decodeWith(enc, data)
		if err != nil {
			return text{}, &Error{File: name, Msg: fmt.Sprintf("cannot decode the file as %s: %v", canon, err)}
		}
		if line, ok := firstReplacement(s); ok {
			return text{}, &Error{File: name, Line: line, Msg: fmt.Sprintf("the bytes are not valid %s", canon)}
		}
		return text{s: s, encoding: canon + " (as asked)"}, nil
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		return decodeUnicode(name, data, utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM), "UTF-32LE")
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return decodeUnicode(name, data, utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM), "UTF-32BE")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUnicode(name, data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "UTF-16LE")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUnicode(name, data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "UTF-16BE")
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if !utf8.Valid(data) {
			line, col := firstInvalid(data)
			return text{}, &Error{File: name, Line: line, Msg: fmt.Sprintf("the file starts with a UTF-8 mark but byte %d of the line is not UTF-8", col)}
		}
		return text{s: string(data), encoding: "UTF-8 with BOM"}, nil
	}
	if order, ok := utf16Order(data); ok {
		return decodeUnicode(name, data, unicode.UTF16(order, unicode.IgnoreBOM), map[unicode.Endianness]string{unicode.LittleEndian: "UTF-16LE", unicode.BigEndian: "UTF-16BE"}[order]+" (no BOM)")
	}
	if utf8.Valid(data) {
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return text{}, &Error{File: name, Line: bytes.Count(data[:i], []byte("\n")) + 1, Msg: "the line holds a NUL byte; this looks like a binary file, not an address book"}
		}
		return text{s: string(data), encoding: "UTF-8"}, nil
	}
	return text{s: string(data), encoding: "not UTF-8", raw: true}, nil
}

// decodeUnicode decodes UTF-16 or UTF-32 and checks that every unit was valid.
func decodeUnicode(name string, data []byte, enc encoding.Encoding, label string) (text, error) {
	s, err := decodeWith(enc, data)
	if err != nil {
		return text{}, &Error{File: name, Msg: fmt.Sprintf("cannot decode the file as %s: %v", label, err)}
	}
	if line, ok := firstReplacement(s); ok {
		return text{}, &Error{File: name, Line: line, Msg: fmt.Sprintf("the file is %s but the line holds an invalid code unit (a truncated or damaged file?)", label)}
	}
	return text{s: s, encoding: label}, nil
}

func decodeWith(enc encoding.Encoding, data []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

func stripUTF8BOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}) }

// utf16Order detects UTF-16 without a byte-order mark. Address books are
// mostly ASCII, so in UTF-16 nearly every other byte is zero; it answers only
// when that pattern is unmistakable over the first kilobyte.
func utf16Order(data []byte) (unicode.Endianness, bool) {
	n := min(len(data), 1024) &^ 1
	if n < 8 {
		return unicode.BigEndian, false
	}
	var evenZero, oddZero int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			evenZero++
		}
		if data[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	switch {
	case oddZero*10 >= pairs*7 && evenZero == 0:
		return unicode.LittleEndian, true
	case evenZero*10 >= pairs*7 && oddZero == 0:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

// firstReplacement finds the line of the first U+FFFD a decoder left for
// bytes it could not read.
func firstReplacement(s string) (int, bool) {
	i := strings.IndexRune(s, utf8.RuneError)
	if i < 0 {
		return 0, false
	}
	return strings.Count(s[:i], "\n") + 1, true
}

// firstInvalid finds the line of the first byte that is not UTF-8, and the
// byte's position in that line (from 1).
func firstInvalid(data []byte) (line, col int) {
	start := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return bytes.Count(data[:i], []byte("\n")) + 1, i - start + 1
		}
		if r == '\n' {
			start = i + 1
		}
		i += size
	}
	return 0, 0
}

// legacyHint is the sentence that tells a user with a non-UTF-8 file what to do.
const legacyHint = "the file is not UTF-8 and does not say which character set it uses; save it as UTF-8, or name its encoding with --encoding (for example windows-1252, windows-1251, iso-8859-1 or shift_jis)"
