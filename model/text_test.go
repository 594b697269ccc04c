package model

import (
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
