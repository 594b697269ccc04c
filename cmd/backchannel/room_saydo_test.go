package main

import (
	"strings"
	"testing"
)

// PRODUCT.md: the gap between what people said and what they did in the
// room is kept. Once the debrief records it, `room` reads each person's deed
// against their word; before the decision the column is not there at all.
func TestRoomShowsSaidAgainstDid(t *testing.T) {
	path := demoDB(t)
	out := mustOK(t, cli(t, path, "", "room", "-p", "Hire")).stdout
	if !strings.Contains(out, "SAID/DID") {
		t.Fatalf("the decided proposal's room has no SAID/DID column:\n%s", out)
	}
	for _, want := range []string{"Grace Whitfield", "= as they said", "≠ gap: stayed silent"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "Tom Becker") && !strings.Contains(line, "≠ gap: stayed silent") {
			t.Errorf("Tom said supporter and stayed silent, which is a gap: %s", line)
		}
	}
	var rows []struct {
		Name       string `json:"name"`
		SaidAndDid string `json:"said_and_did"`
		Gap        bool   `json:"say_do_gap"`
	}
	decode(t, mustOK(t, cli(t, path, "", "room", "-p", "Hire", "--json")), &rows)
	found := false
	for _, r := range rows {
		if r.Name == "Tom Becker" {
			found = true
			if !r.Gap || r.SaidAndDid != "said supporter, stayed silent" {
				t.Errorf("Tom in JSON: %+v", r)
			}
		}
	}
	if !found {
		t.Error("Tom Becker is not in the JSON room")
	}
	if open := mustOK(t, cli(t, path, "", "room", "-p", "Consolidate")).stdout; strings.Contains(open, "SAID/DID") {
		t.Errorf("an undecided proposal shows SAID/DID:\n%s", open)
	}
}
