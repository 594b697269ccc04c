package model

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Issue 11, finding 8: the sanitiser removes whole escape sequences, and a
// broken one (a stray ESC, an OSC never terminated) leaves a visible marker
// and keeps the rest of the text instead of swallowing it.
func TestCleanKeepsTextAfterABrokenEscape(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Pat \x1b]0;x Jones", "Pat " + BrokenEscape + "]0;x Jones"},
		{"Pat \x1b Jones", "Pat " + BrokenEscape + " Jones"},
		{"Pat Jones\x1b", "Pat Jones" + BrokenEscape},
		{"Pat \x1b[31é Jones", "Pat " + BrokenEscape + "[31é Jones"},
		{"Pat \x1b]0;title\x07Jones", "Pat Jones"},
		{"Pat \x1b]8;;http://x.example\x1b\\link\x1b]8;;\x1b\\ Jones", "Pat link Jones"},
		{"\x1b[1;31mred\x1b[0m", "red"},
		{"\x1bPq#0;2;0;0;0\x1b\\after", "after"},
		{"a\x1b(Bb", "ab"},
		{"a\x1b7b\x1b8c", "abc"},
		{"\x1b]0;x\x1b[31mred", BrokenEscape + "]0;xred"},
		{"C1\u009b31m csi", "C131m csi"},
		{"del\x7f", "del"},
		{"bidi \u202eevil\u202c", "bidi evil"},
		{"bad utf8 \xff!", "bad utf8 \uFFFD!"},
		{"tab\tand\r\nline", "tab and line"},
	}
	for _, c := range cases {
		if got := Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := CleanBlock("one\n\x1b[2Jtwo"); got != "one\ntwo" {
		t.Errorf("CleanBlock kept %q", got)
	}
}

// Issue 11, finding 9: text that is only escapes counts as empty: a plan
// message of escapes is no "what", and a name of escapes is no name.
func TestEscapeOnlyTextIsEmpty(t *testing.T) {
	for _, s := range []string{"", "  ", "\x1b[31m\x1b[0m", "\x1b]0;x\x07", "\u202e\u202c", "\x00\x01\x7f"} {
		if !Blank(s) {
			t.Errorf("Blank(%q) = false", s)
		}
	}
	p := Plan{Moment: MomentBeforeChange, Approach: ApproachAsk, Message: "\x1b[31m\x1b[0m", Place: "\x1b[1m\x1b[0m"}
	if p.HasWhat() || p.HasWhere() || p.Complete() {
		t.Errorf("an escape-only plan counts as filled in: what %v where %v", p.HasWhat(), p.HasWhere())
	}
	if err := (Contact{Name: "\x1b[31m\x1b[0m"}).Validate(); err == nil || !strings.Contains(err.Error(), "must not be empty") {
		t.Errorf("a name of escapes validated: %v", err)
	}
}

// Issue 14 (hostile goldens read in tmux): a soft hyphen is one cell wide
// to the terminal (tmux, glibc's wcwidth) and none to the width the screens
// measure with, so a row holding one pushed its last column a cell to the
// right and lost its last letter ("after a meetig"). It shows nothing
// either way, so Clean drops it.
func TestCleanDropsTheSoftHyphen(t *testing.T) {
	if got := Clean("soft\u00adhyphen"); got != "softhyphen" {
		t.Fatalf("Clean kept the soft hyphen: %q", got)
	}
	if got := CleanBlock("a\u00adb\nc"); got != "ab\nc" {
		t.Fatalf("CleanBlock kept the soft hyphen: %q", got)
	}
}

// Issue 13: Clean folds every kind of white space to one space between
// words and none at the ends, including the no-break and wide spaces that
// are not ASCII; text that is already so comes back as it is.
func TestCleanFoldsEveryKindOfSpace(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Dana Reyes", "Dana Reyes"},
		{"Zoë O’Brien", "Zoë O’Brien"},
		{" Dana Reyes", "Dana Reyes"},
		{"Dana Reyes ", "Dana Reyes"},
		{"Dana  Reyes", "Dana Reyes"},
		{"Dana\u00a0Reyes", "Dana Reyes"},
		{"Dana\u3000Reyes", "Dana Reyes"},
		{"Dana \u2003Reyes", "Dana Reyes"},
		{"Dana\tReyes\t", "Dana Reyes"},
		{"Dana\vReyes", "DanaReyes"}, // a control character, dropped (not a space)
		{"Dana\u2028Reyes", "Dana Reyes"},
		{"\u00a0", ""},
		{" ", ""},
		{"a b c", "a b c"},
		{"黄 伟", "黄 伟"},
		{"a\u200bb", "a\u200bb"}, // a zero-width space is not white space to Fields either
	}
	for _, c := range cases {
		if got := Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Clean is strings.Fields joined by spaces after CleanBlock, for every
// string: random strings over an alphabet heavy in the kinds of space.
func TestCleanIsFieldsJoined(t *testing.T) {
	alphabet := []string{" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u3000", "\u0085", "\u2028", "a", "é", "Z", "黄", "\x1b[1m", "\x1b", "\xff", "-"}
	r := rand.New(rand.NewPCG(13, 13))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := Clean(s), strings.Join(strings.Fields(CleanBlock(s)), " "); got != want {
			t.Fatalf("Clean(%q) = %q, want %q", s, got, want)
		}
	}
}

// Issue 13: a brief cleans every name it prints, so a name that is already
// clean costs no copy.
func TestCleanCopiesNothingForCleanText(t *testing.T) {
	for _, s := range []string{"Dana Reyes", "Zoë O’Brien", "黄 伟", ""} {
		if n := testing.AllocsPerRun(100, func() { _ = Clean(s) }); n != 0 {
			t.Errorf("Clean(%q) allocates %.0f times", s, n)
		}
	}
}

// The fast path of CleanBlock is sound: whatever it lets through, the
// full cleaning would have given back unchanged.
func TestPlainTextIsWhatCleaningGivesBack(t *testing.T) {
	alphabet := []string{" ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u00ad", "\u0085", "\u202e", "\u200f", "\u2028", "\ufffd", "a", "é", "Z", "黄", "😀", "\x1b[1m", "\x1b", "\x7f", "\x00", "\xff", "\xe2\x82", "-"}
	r := rand.New(rand.NewPCG(13, 14))
	plain := 0
	for range 50000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		if isPlain(s) {
			plain++
			if got := cleanBlock(s); got != s {
				t.Fatalf("isPlain(%q), but cleaning gives %q", s, got)
			}
		}
	}
	if plain < 1000 {
		t.Fatalf("only %d plain strings among the samples: the test is too weak", plain)
	}
}
