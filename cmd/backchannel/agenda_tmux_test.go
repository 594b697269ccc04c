package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAgendaEndToEndInTmux opens the agenda on the demo in a real
// terminal, logs the first talk from it (with a commitment), and sees the
// talk leave the agenda and the promise join it.
func TestAgendaEndToEndInTmux(t *testing.T) {
	requireTmux(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "backchannel")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dbPath := filepath.Join(dir, "workbook.db")
	demo := exec.Command(bin, "--db", dbPath, "demo")
	demo.Env = append(os.Environ(), "BACKCHANNEL_TODAY=2026-11-21")
	if out, err := demo.CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	s := &tmuxSession{t: t, sock: filepath.Join(dir, "tmux.sock"), name: "agenda"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.sock, "kill-server").Run() })
	// The shell stays after the program ends, so a crash is on the screen.
	s.start("env BACKCHANNEL_TODAY=2026-11-21 NO_COLOR=1 TERM=xterm-256color sh -c '" + bin + " --db " + dbPath +
		" 2>" + filepath.Join(dir, "stderr.txt") + "; echo backchannel exited $?; sleep 60'")
	s.waitFor("Consolidate onto one data warehouse")

	s.keys("T")
	screen := s.waitFor("things to do")
	first := ""
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "overdue") || strings.Contains(l, "critical") || strings.Contains(l, "planned") {
			first = l
			break
		}
	}
	if !strings.Contains(first, "Hiroshi Tanaka") || !strings.Contains(first, "overdue") {
		t.Fatalf("the agenda does not start with the overdue talk with Hiroshi Tanaka:\n%s", screen)
	}

	s.keys("Enter")
	s.waitFor("Who did you talk to?")
	s.keys("Enter", "Enter", "Enter", "Enter", "Enter")
	s.waitFor("How did it go?")
	s.keys("Enter")
	s.typ("Needs the residency controls in writing.")
	s.keys("Enter", "Enter")
	s.typ("Send him the residency memo")
	s.keys("Enter")
	s.waitFor("Is the follow-up a commitment?")
	s.keys("Right", "Enter")
	s.typ("+2d")
	s.keys("Enter")
	s.waitFor("Objections they raised")
	s.keys("Enter", "Enter", "Enter")
	s.waitFor("Where does Hiroshi Tanaka stand now?")
	s.keys("Enter")
	screen = s.waitFor("Send him the residency memo")
	if !strings.Contains(screen, "Agenda") || strings.Contains(screen, "overdue") {
		t.Fatalf("after logging, the agenda still shows the overdue talk or is not shown:\n%s", screen)
	}
	s.keys("q")
	s.waitFor("backchannel exited 0")
}
