//go:build unix

package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A removal run from a real terminal asks once and waits for the answer;
// the in-process tests replace the terminal check, this one does not.
func TestRemovalAsksOnARealTerminal(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	path := demoDB(t)
	before := snapshot(t, path)
	dir := t.TempDir()
	s := &tmuxSession{t: t, sock: filepath.Join(dir, "tmux.sock"), name: "confirm"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.sock, "kill-server").Run() })
	cmdline := "env BACKCHANNEL_TODAY=2026-11-21 NO_COLOR=1 " + bin + " --db " + path

	// No: nothing changes.
	s.start(cmdline + " room remove 'Dana Reyes' -p 1; echo exit=$?; sleep 30")
	if screen := s.waitFor("[y/N]"); !strings.Contains(screen, "Remove Dana Reyes from Consolidate") || !strings.Contains(screen, "3 conversations deleted with it") {
		t.Errorf("the question should say what goes with the removal:\n%s", screen)
	}
	s.typ("n")
	s.keys("Enter")
	screen := s.waitFor("exit=1")
	if !strings.Contains(screen, "nothing was changed") {
		t.Errorf("a no should say nothing changed:\n%s", screen)
	}
	if snapshot(t, path) != before {
		t.Fatal("answering no changed the workbook")
	}
	// A fresh server for the second run: killing the first one's only
	// session shuts its server down, and a new session started while it
	// exits fails ("server exited unexpectedly") on a loaded machine.
	_ = exec.Command("tmux", "-S", s.sock, "kill-server").Run()
	s = &tmuxSession{t: t, sock: filepath.Join(dir, "tmux-yes.sock"), name: "confirm"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.sock, "kill-server").Run() })

	// Yes: removed, after exactly one question.
	s.start(cmdline + " room remove 'Dana Reyes' -p 1; echo exit=$?; sleep 30")
	s.waitFor("[y/N]")
	s.typ("y")
	s.keys("Enter")
	screen = s.waitFor("exit=0")
	if strings.Count(screen, "[y/N]") != 1 || !strings.Contains(screen, "Removed Dana Reyes from") {
		t.Errorf("yes should remove after one question:\n%s", screen)
	}
	if _, on := room(t, path, "1")["Dana Reyes"]; on {
		t.Fatal("Dana is still on the proposal after yes")
	}
}
