package model

import (
	"fmt"
	"strings"
)

// Removal says what goes with a record when it is removed, so the person is
// asked once, knowing all of it: "their 3 conversations on this proposal go
// too; 1 objection they raised stays as anticipated".
type Removal struct {
	// What is the record in words: "Dana Reyes from Follow-the-sun on-call".
	What string `json:"what"`
	// Conversations that are deleted with it.
	Conversations int `json:"conversations"`
	// Objections and BlindSpots that stay but lose their link to it.
	Objections int `json:"objections"`
	BlindSpots int `json:"blind_spots"`
	// PlanRefs are other people's plans that named it ("talk before", "via").
	PlanRefs int `json:"plan_refs"`
	// Proposals a contact is on (a contact on any cannot be deleted).
	Proposals int `json:"proposals"`
}

// Consequences lists what goes with the removal, in words; empty when
// nothing does.
func (r Removal) Consequences() string {
	var parts []string
	if r.Conversations > 0 {
		parts = append(parts, Plural(r.Conversations, "conversation", "conversations")+" deleted with it")
	}
	if r.Objections > 0 {
		parts = append(parts, Plural(r.Objections, "objection", "objections")+" kept, no longer linked to it")
	}
	if r.BlindSpots > 0 {
		parts = append(parts, Plural(r.BlindSpots, "blind spot", "blind spots")+" kept, no longer linked to it")
	}
	if r.PlanRefs > 0 {
		parts = append(parts, Plural(r.PlanRefs, "reference", "references")+" in others' plans cleared")
	}
	return strings.Join(parts, "; ")
}

// Plural writes "1 conversation" or "3 conversations": the one place the
// workbook words a count (tui's plural calls it too).
func Plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
