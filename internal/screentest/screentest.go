// Package screentest tells, from a terminal screen as a test reads it,
// that a key sent to the program has had its whole visible effect, so the
// next key goes where a person's would. It reads only what is on the
// screen: no pause stands in for it.
package screentest

import "strings"

// Busy are what the program shows while it reads, writes or works out a
// screen (tui: "Loading the proposal…", "· assessing readiness…", …); a
// key has not had its whole effect while one of them is on screen.
var Busy = []string{"Saving…", "Loading…", "Loading ", "Looking for a draft…", "assessing readiness…",
	"Searching…", "importing…", "Rendering…", "Waiting for another backchannel process"}

// focusMark is the bar huh draws beside the field that has the focus.
const focusMark = "┃"

// Focused returns the lines of the form field that has the focus, or ""
// when no form field has it.
func Focused(screen string) string {
	var b strings.Builder
	for line := range strings.Lines(screen) {
		if strings.Contains(line, focusMark) {
			b.WriteString(line)
		}
	}
	return b.String()
}

// KeyLanded reports whether screen, read after a key was sent to a
// program that showed before, shows the key's effect in full:
//   - the screen has changed (every key a test sends changes it) and
//     shows nothing being read or written;
//   - if a form field had the focus, that field as drawn has changed: a
//     key typed into it shows there, and a key that moves the focus
//     (enter, tab) shows only once the focus has moved, so a key sent next
//     goes to the new field, not the one the focus is leaving.
func KeyLanded(before, screen string) bool {
	if screen == before {
		return false
	}
	for _, b := range Busy {
		if strings.Contains(screen, b) {
			return false
		}
	}
	if f := Focused(before); f != "" {
		return Focused(screen) != f
	}
	return true
}

// TextLanded reports whether screen, read after text was typed on a
// program that showed before, shows all of it typed: KeyLanded, and the
// end of the text is drawn where it was typed (in the focused field, or
// anywhere on a screen without one). Each character is a key of its own;
// waiting for the first to be drawn would let a key sent next overtake
// the rest. The end is the text's last word, which a field scrolled or
// wrapped to its width still shows whole.
func TextLanded(before, screen, text string) bool {
	if !KeyLanded(before, screen) {
		return false
	}
	where := screen
	if Focused(before) != "" {
		where = Focused(screen)
	}
	fields := strings.Fields(text)
	return len(fields) == 0 || strings.Contains(where, fields[len(fields)-1])
}
