package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Issue 14 (a word check over every screen at 80×24): text kept to a few
// lines ended "named as th …": the mark cut the last word. It goes after
// the last whole word that leaves room for it.
func TestWrapTextNeverBreaksTheLastWord(t *testing.T) {
	s := "Phased plan with a stop-loss at month four and Priya named as the accountable owner of the migration."
	for width := 20; width <= 80; width++ {
		lines := wrapText(s, width, 1)
		if len(lines) != 1 {
			t.Fatalf("width %d: %d lines, want 1", width, len(lines))
		}
		l := lines[0]
		if ansi.StringWidth(l) > width {
			t.Errorf("width %d: %q is wider", width, l)
		}
		body := strings.TrimSuffix(l, " …")
		// A line may break after a hyphen ("stop-" / "loss"), as wrapping does.
		if !strings.HasPrefix(s, body) || (len(body) < len(s) && s[len(body)] != ' ' && !strings.HasSuffix(body, "-")) {
			t.Errorf("width %d: %q ends inside a word", width, l)
		}
	}
}
