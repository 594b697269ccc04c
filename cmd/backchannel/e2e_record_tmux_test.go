package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// rowOf returns the screen line that holds text, or "".
func rowOf(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// A person puts the record right in the real binary: logs a talk with the
// wrong reading and fixes it, deletes another talk, removes a person, undoes
// the last two, quits, and finds on reopening exactly what should be there.
func TestFixingTheRecordInTmux(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	path := demoDB(t)
	dir := t.TempDir()
	s := &tmuxSession{t: t, sock: filepath.Join(dir, "tmux.sock"), name: "record"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.sock, "kill-server").Run() })
	cmdline := "env BACKCHANNEL_TODAY=2026-11-21 NO_COLOR=1 TERM=xterm-256color " + bin + " --db " + path

	s.start(cmdline)
	s.waitFor("Consolidate onto one data warehouse")
	s.keys("Enter")
	s.waitFor("/100")
	s.keys("4")
	s.waitFor("Heard about it from Tom already.")

	// Log a talk with Mei Lin, read as enthusiastic by mistake.
	s.keys("l")
	s.waitFor("Who did you talk to?")
	s.keys("Enter", "Enter", "Enter", "Enter", "Enter")
	s.waitFor("How did it go?")
	s.keys("Up", "Up", "Enter")
	s.typ("Cool about the timeline.")
	s.keys("Enter", "Enter", "Enter")
	s.waitFor("Objections they raised")
	s.keys("Enter", "Enter", "Enter")
	s.waitFor("stand now?")
	s.keys("Enter")
	log := s.waitFor("Cool about the timeline.")
	if row := rowOf(log, "Cool about the timeline."); !strings.Contains(row, "+2") {
		t.Fatalf("the new talk should show the mistaken +2:\n%s", log)
	}

	// Fix the reading: down to −1, four steps from +2.
	s.keys("e")
	s.waitFor("Edit the conversation with Mei Lin")
	s.keys("Enter", "Enter", "Enter")
	s.waitFor("How did it go?")
	s.keys("Down", "Down", "Down", "Enter")
	s.keys("Enter", "Enter", "Enter")
	log = s.waitFor("Saved the conversation with Mei Lin")
	if row := rowOf(log, "Cool about the timeline."); !strings.Contains(row, "−1") {
		t.Fatalf("the fixed talk should show −1:\n%s", log)
	}

	// Delete another talk: the next one down, Mei Lin's earlier talk.
	s.keys("Down", "X")
	s.waitFor("Delete the conversation with")
	s.keys("y")
	s.waitFor("Deleted the conversation with")
	if strings.Contains(s.screen(), "Heard about it from Tom already.") {
		t.Fatal("the deleted talk is still listed")
	}

	// Remove a person from the room: the first row.
	s.keys("2")
	room := s.waitFor("Person")
	s.keys("X")
	question := s.waitFor("y yes")
	if !strings.Contains(question, "Remove ") {
		t.Fatalf("X on the Room tab did not ask to remove someone:\n%s", question)
	}
	s.keys("y")
	s.waitFor("Removed ")

	// Undo twice: the person comes back, then the deleted talk.
	s.keys("u")
	s.waitFor("Undid: removed")
	s.keys("u")
	s.waitFor("Undid: deleted the conversation with Mei Lin")
	s.quit()

	// Reopen: the proposal's own row, the person, both talks, the fix.
	s.start(cmdline)
	dash := s.waitFor("Consolidate onto one data warehouse")
	if row := rowOf(dash, "Consolidate onto one data warehouse"); !strings.Contains(row, "prewiring") {
		t.Fatalf("the proposal's row after reopening: %q", row)
	}
	s.keys("Enter")
	s.waitFor("/100")
	s.keys("2")
	if got := s.waitFor("Person"); rowCount(got) != rowCount(room) {
		t.Fatalf("the room after undo has %d rows, before removing %d:\n%s", rowCount(got), rowCount(room), got)
	}
	s.keys("4")
	log = s.waitFor("Heard about it from Tom already.")
	if row := rowOf(log, "Cool about the timeline."); !strings.Contains(row, "−1") {
		t.Fatalf("after reopening the fixed talk should show −1:\n%s", log)
	}
	s.quit()
}

// rowCount counts the table rows on a Room tab screen: lines with a stance
// arrow.
func rowCount(screen string) int { return strings.Count(screen, "→") }
