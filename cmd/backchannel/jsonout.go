package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// marshalJSON is the one encoding of every JSON output: indented, ending in
// a newline, with the characters a terminal would act on escaped (see
// escapeForTerminal). Stored text is given as it is, never cleaned, so the
// same field has the same value in every output and an export imports back
// to the same bytes.
func marshalJSON(v any) ([]byte, error) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(escapeForTerminal(data), '\n'), nil
}

// writeJSON prints v as marshalJSON encodes it.
func writeJSON(out io.Writer, v any) error {
	data, err := marshalJSON(v)
	if err != nil {
		return err
	}
	_, err = out.Write(data)
	return err
}

// escapeForTerminal rewrites, in encoded JSON, the characters encoding/json
// leaves raw that a terminal reading the output would act on: DEL, the C1
// controls (U+0080–U+009F; U+009B starts a sequence on some terminals) and
// the bidi controls that reorder what is shown. Each becomes a \uXXXX
// escape, which decodes to the same string. Outside strings JSON holds only
// ASCII punctuation, so every such character is inside a string.
func escapeForTerminal(data []byte) []byte {
	if !needsEscape(data) {
		return data
	}
	var b strings.Builder
	b.Grow(len(data) + 64)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if terminalRune(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.Write(data[i : i+size])
		}
		i += size
	}
	return []byte(b.String())
}

// needsEscape is the fast path: plain ASCII output needs nothing done.
func needsEscape(data []byte) bool {
	for _, c := range data {
		if c >= 0x7f {
			return true
		}
	}
	return false
}

// terminalRune reports the characters escapeForTerminal escapes.
func terminalRune(r rune) bool {
	switch {
	case r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
