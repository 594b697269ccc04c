package model

import (
	"fmt"
	"strings"
)

// Small phrases the readiness engine, the brief and the what-ifs share.

// Snippet shortens cleaned text to at most n characters, ending with "…",
// cut at a word boundary when one is near.
func Snippet(s string, n int) string {
	s = Clean(s)
	if len(s) <= n {
		return s // bytes ≥ runes: short enough
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n - 1
	for k := cut; k > cut-15 && k > 0; k-- {
		if r[k] == ' ' {
			cut = k
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "…"
}

// FullStop ends s with a full stop unless it already ends a sentence.
func FullStop(s string) string {
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}

// Signed writes a small integer with its sign: "+2", "0", "−1".
func Signed(n int) string {
	switch {
	case n > 0:
		return fmt.Sprintf("+%d", n)
	case n < 0:
		return fmt.Sprintf("−%d", -n)
	}
	return "0"
}

// ClampSentiment holds a conversation's sentiment to −2…+2.
func ClampSentiment(s int) int { return max(-2, min(2, s)) }

// StanceNoun reads a stance as a complement: "a skeptic", "neutral".
func StanceNoun(s Stance) string {
	switch s {
	case StanceOpponent:
		return "an opponent"
	case StanceSkeptic, StanceSupporter, StanceChampion:
		return "a " + s.String()
	case StanceNeutral:
		return "neutral"
	}
	return "of unknown stance"
}

// ListSome joins up to n items and says how many more there are.
func ListSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
