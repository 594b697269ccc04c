package main

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// guardTerminal's second fast path is sound: whatever it passes unchanged,
// the rune by rune pass would have left unchanged too.
func TestTerminalGuardPassesOnlyWhatItWouldKeep(t *testing.T) {
	alphabet := []string{"a", " ", "\t", "\n", "\r", "\r\n", "·", "—", "→", "é", "黄", "😀", "\x1b", "\x1b[31m", "\x7f", "\x00", "\u0085", "\u009b",
		"\u202e", "\u2066", "\u200f", "\u061c", "\ufffd", "\xff", "\xe2\x82", "|"}
	r := rand.New(rand.NewPCG(13, 15))
	kept := 0
	for range 50000 {
		var b bytes.Buffer
		for range r.IntN(6) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		data := b.Bytes()
		if unchangedForTerminal(data) {
			kept++
			if got := guardRunes(data); !bytes.Equal(got, data) {
				t.Fatalf("unchangedForTerminal(%q), but guarding gives %q", data, got)
			}
		}
	}
	if kept < 1000 {
		t.Fatalf("only %d samples passed unchanged: the test is too weak", kept)
	}
}

// Issue 13: a brief (markdown with "·", "—" and "→" on most lines, and
// nothing a terminal acts on) goes to the terminal as it is, not copied.
func TestTerminalGuardDoesNotCopyABrief(t *testing.T) {
	brief := []byte("# Readiness brief: Q3 · decision Sat 28 Nov → 7 days — Zoë O’Brien\n\n| a | b |\r\n")
	if n := testing.AllocsPerRun(20, func() { _ = guardTerminal(brief) }); n != 0 {
		t.Fatalf("guardTerminal copied the brief (%.0f allocations)", n)
	}
	if got := guardTerminal([]byte("a\u202eb\x1bc")); string(got) != "ab␛c" {
		t.Fatalf("guardTerminal let a bidi override or an ESC through: %q", got)
	}
}
