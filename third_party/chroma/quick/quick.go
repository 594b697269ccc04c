// Package quick is the one highlighting call of backchannel's chroma
// stand-in.
package quick

import "io"

// Highlight writes source to w as it is: no lexer, formatter or style is
// looked up, so a code block shows as plain text in the colours of the
// text around it. The arguments after source are accepted for chroma's
// signature and ignored.
func Highlight(w io.Writer, source, lexer, formatter, style string) error {
	_, err := io.WriteString(w, source)
	return err
}
