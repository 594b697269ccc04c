package contactfile

import (
	"strings"
)

// This file is the vCard 2.1 layer's first half: it turns a file's text
// into logical property lines, each with the line it starts on. It unfolds
// RFC folding (a line starting with a space or tab continues the one
// before), joins quoted-printable soft line breaks (a QP value ending in "="
// continues on the next line, which is not indented: Outlook, Android and
// Yahoo write them), and keeps 2.1 base64 blocks that are not indented
// together. go-vcard only knows the first of the three.

// vcardLine is one property of a card, unfolded.
type vcardLine struct {
	// no is the line the property starts on.
	no   int
	text string
	// qp and b64 say how the value is encoded, from the property's head.
	qp, b64 bool
}

// splitLines splits text into lines whatever their ending: CRLF, LF, the
// CR CR LF that some Windows tools write, or a lone CR (old Mac files).
func splitLines(s string) []string {
	if !strings.Contains(s, "\n") {
		return strings.Split(s, "\r")
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, "\r")
	}
	return lines
}

// head is a property line's part before its value: name and parameters.
func head(s string) string {
	if i := strings.IndexByte(s, ':'); i >= 0 {
		return s[:i]
	}
	return s
}

// unfoldVCard joins the physical lines of a vCard file into properties.
// Pieces are collected and joined once per property, so a value folded over
// many lines costs linear time.
func unfoldVCard(lines []string) []vcardLine {
	var out []vcardLine
	var pieces []string // the pieces of the last property, not yet joined
	flush := func() {
		if len(pieces) > 0 && len(out) > 0 {
			out[len(out)-1].text = strings.Join(pieces, "")
		}
		pieces = pieces[:0]
	}
	endsSoft := func() bool { return len(pieces) > 0 && strings.HasSuffix(pieces[len(pieces)-1], "=") }
	softBreak := false // the last property is QP and ended with "="
	blankBefore := false
	for i, raw := range lines {
		no := i + 1
		if softBreak && len(out) > 0 && !strings.EqualFold(strings.TrimSpace(raw), "END:VCARD") {
			last := pieces[len(pieces)-1]
			pieces[len(pieces)-1] = last[:len(last)-1]
			pieces = append(pieces, raw)
			softBreak = strings.HasSuffix(raw, "=")
			continue
		}
		softBreak = false
		if (strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "\t")) && len(out) > 0 && !blankBefore {
			pieces = append(pieces, raw[1:])
			softBreak = out[len(out)-1].qp && endsSoft()
			continue
		}
		if strings.TrimSpace(raw) == "" {
			blankBefore = true
			continue
		}
		if len(out) > 0 && out[len(out)-1].b64 && !blankBefore && !strings.Contains(raw, ":") {
			pieces = append(pieces, raw) // 2.1 base64 continues without indentation
			continue
		}
		blankBefore = false
		flush()
		h := strings.ToUpper(head(raw))
		out = append(out, vcardLine{no: no,
			qp:  strings.Contains(h, "QUOTED-PRINTABLE"),
			b64: strings.Contains(h, "BASE64") || strings.Contains(h, "ENCODING=B")})
		pieces = append(pieces, raw)
		softBreak = out[len(out)-1].qp && strings.HasSuffix(raw, "=")
	}
	flush()
	return out
}
