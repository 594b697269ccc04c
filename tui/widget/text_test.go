package widget

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
		lines := WrapText(s, width, 1)
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

// Clip is what keeps a screen's footer on the terminal: whatever the body,
// it is exactly h lines, none wider than w.
func TestClipIsExactlyTheBox(t *testing.T) {
	body := "a line far wider than the box it has to fit in\nsecond\nthird\nfourth"
	for _, tc := range []struct{ w, h int }{{10, 2}, {10, 6}, {80, 4}, {3, 1}} {
		got := strings.Split(Clip(body, tc.w, tc.h), "\n")
		if len(got) != tc.h {
			t.Errorf("%dx%d: %d lines", tc.w, tc.h, len(got))
		}
		for _, l := range got {
			if ansi.StringWidth(l) > tc.w {
				t.Errorf("%dx%d: %q is wider", tc.w, tc.h, l)
			}
		}
	}
	if Clip(body, 10, 0) != "" {
		t.Error("a box with no lines holds something")
	}
}

// A missing part leaves no dangling separator.
func TestJoinNonEmptySkipsMissingParts(t *testing.T) {
	if got := JoinNonEmpty(" · ", "", "CFO", "", "Acme"); got != "CFO · Acme" {
		t.Errorf("got %q", got)
	}
}

// A filter line too long for the screen goes on between its parts, every
// part kept whole, none wider than the screen.
func TestPackKeepsEveryPart(t *testing.T) {
	parts := []string{"/ “a very long search for somebody”", "s sorted attention first", "A with archived"}
	got := Pack(parts, "   ", 40)
	if len(got) != 3 {
		t.Fatalf("%d lines, want one part a line: %q", len(got), got)
	}
	if got := Pack(parts, "   ", 200); len(got) != 1 || got[0] != strings.Join(parts, "   ") {
		t.Errorf("parts that fit one line were split: %q", got)
	}
	for _, l := range Pack(parts, "   ", 20) {
		if ansi.StringWidth(l) > 20 {
			t.Errorf("%q is wider than 20", l)
		}
	}
}

// A line kept to n lines says it was cut, and is never more than n lines.
func TestWrapAtMostMarksTheCut(t *testing.T) {
	long := strings.Repeat("word ", 40)
	got := WrapAtMost(long, 30, 2)
	if len(got) != 2 || !strings.HasSuffix(got[1], " …") {
		t.Fatalf("got %q", got)
	}
	if got := WrapAtMost("short", 30, 2); len(got) != 1 || got[0] != "short" {
		t.Errorf("a line that fits was changed: %q", got)
	}
}

// Nothing a person wrote is lost to wrapping: a word wider than the line is
// broken, and a break after a hyphen that ran a cell past the width (so the
// line was cut, "UTF-8" reading "UT…") wraps instead.
func TestWrapTextKeepsEveryCharacter(t *testing.T) {
	for _, s := range []string{
		"contacts-exported-from-the-old-work-account-before-the-reorg.vcf: vCard 3.0, UTF-8, 30 entries",
		"see https://intranet.example.com/finance/data-platform/consolidation/business-case/v3/final for the model",
	} {
		for width := 20; width <= 100; width++ {
			lines := WrapText(s, width, 0)
			for _, l := range lines {
				if ansi.StringWidth(l) > width {
					t.Errorf("width %d: %q is wider", width, l)
				}
			}
			if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(s, " ", ""); got != want {
				t.Errorf("width %d: lost text: %q", width, lines)
			}
		}
	}
}
