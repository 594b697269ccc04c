package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/backchannel/backchannel/internal/screentest"
)

// tmuxSession drives the built binary in a detached tmux session on a private
// server socket, reading the screen with capture-pane like a person would.
type tmuxSession struct {
	t    *testing.T
	sock string
	name string
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.sock}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// start runs the command line in a new 100×30 session. The server is told
// to outlive its sessions: otherwise the program quitting ends the server,
// and a test that starts again at once races its shutdown ("server exited
// unexpectedly"). The tests' cleanup kills the server.
func (s *tmuxSession) start(cmdline string) {
	s.t.Helper()
	s.tmux("new-session", "-d", "-s", s.name, "-x", "100", "-y", "30", cmdline)
	s.tmux("set-option", "-g", "exit-empty", "off")
}

// keys sends tmux key names (Enter, Tab, Down, C-c…), one at a time, each
// once the screen shows what the one before did (see settle). A key sent
// while the program is still saving would be dropped, as a person's would.
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		before := s.screen()
		s.tmux("send-keys", "-t", s.name, k)
		s.settle("the effect of "+k, func(screen string) bool { return screentest.KeyLanded(before, screen) })
	}
}

// typ types literal text and waits for it to be on screen.
func (s *tmuxSession) typ(text string) {
	s.t.Helper()
	before := s.screen()
	s.tmux("send-keys", "-t", s.name, "-l", text)
	s.settle("all of "+text+" typed", func(screen string) bool { return screentest.TextLanded(before, screen, text) })
}

// settle waits until the screen shows that what was sent on the screen
// before has landed (screentest.KeyLanded, TextLanded: the screen changed,
// nothing is being read or written, and a focused form field has changed,
// so a key that moves the focus counts once it has moved). Every key the
// test sends changes the screen, so a screen that never shows it is a
// failure, not a slow machine.
func (s *tmuxSession) settle(what string, landed func(screen string) bool) {
	s.t.Helper()
	var cur string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(25 * time.Millisecond) {
		if cur = s.screen(); landed(cur) {
			return
		}
	}
	s.t.Fatalf("the screen never showed %s; last screen:\n%s", what, cur)
}

// screen is the visible pane as text.
func (s *tmuxSession) screen() string {
	s.t.Helper()
	return s.tmux("capture-pane", "-p", "-t", s.name)
}

// waitFor waits until the screen shows text, and returns that screen.
func (s *tmuxSession) waitFor(text string) string {
	s.t.Helper()
	var shown string
	s.settle(strconv.Quote(text), func(screen string) bool { shown = screen; return strings.Contains(screen, text) })
	return shown
}

// quit presses q, which ends the program, and waits for it to end.
func (s *tmuxSession) quit() {
	s.t.Helper()
	s.tmux("send-keys", "-t", s.name, "q")
	s.waitExit()
}

// waitExit waits for the program (and so the session) to end.
func (s *tmuxSession) waitExit() {
	s.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if exec.Command("tmux", "-S", s.sock, "has-session", "-t", s.name).Run() != nil {
			return
		}
	}
	s.t.Fatalf("the program did not exit; last screen:\n%s", s.screen())
}

var scoreRE = regexp.MustCompile(`(Not ready|Getting there|Ready to pitch) · (\d+)/100`)

// score reads the readiness score from the workspace header.
func score(t *testing.T, screen string) int {
	t.Helper()
	m := scoreRE.FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no readiness score on screen:\n%s", screen)
	}
	n, _ := strconv.Atoi(m[2])
	return n
}

// TestTUIEndToEndInTmux builds the binary and uses it as a person would in a
// real terminal: create a proposal through the walkthrough, log a
// conversation, see the score change, quit, reopen and find it all there.
// requireTmux skips a test that drives the real binary in tmux when tmux
// is missing, unless CI is set (make test installs it, so there a missing
// tmux is a failure), and in -short runs, since these tests build the binary.
func requireTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("tmux is not installed; `make test` installs it (with CI set this test fails instead)")
		}
		t.Fatal("tmux is required for the end-to-end test; `make tools` installs it")
	}
	if testing.Short() {
		t.Skip("builds the binary and drives it in tmux")
	}
}

func TestTUIEndToEndInTmux(t *testing.T) {
	requireTmux(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "backchannel")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dbPath := filepath.Join(dir, "workbook.db")
	s := &tmuxSession{t: t, sock: filepath.Join(dir, "tmux.sock"), name: "bc"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.sock, "kill-server").Run() })
	cmdline := "env BACKCHANNEL_TODAY=2026-11-21 NO_COLOR=1 TERM=xterm-256color " + bin + " --db " + dbPath

	s.start(cmdline)
	s.waitFor("Your workbook is empty")

	// The walkthrough: the proposal…
	s.keys("n")
	s.waitFor("Step 1 of 6")
	s.typ("Move standup to async")
	s.keys("Enter")
	s.typ("Replace the daily standup with a written check-in.")
	s.keys("Enter", "Enter")
	s.waitFor("The formal forum")
	s.typ("Eng leads")
	s.keys("Enter")
	s.typ("+10d")
	s.keys("Enter", "Enter")
	// …when…
	s.waitFor("Which moment are you in?")
	s.keys("Enter")
	// …whom: one new person…
	s.waitFor("Whom will you talk to?")
	s.keys("a")
	// Nobody is in the directory yet, so there is nobody to pick: the name
	// comes first.
	s.waitFor("About them")
	s.typ("Priya Shah")
	s.keys("Enter", "Enter", "Enter", "Enter", "Enter")
	s.waitFor("Their part in")
	// Role and influence start unanswered: → chooses decides, then 3.
	s.keys("Right", "Enter", "Right", "Right", "Right", "Enter", "y", "n")
	s.waitFor("Where they stand")
	s.keys("Left", "Left", "Enter", "Enter", "Enter")
	s.waitFor("Their interests")
	s.keys("Enter", "Enter")
	s.waitFor("Saved Priya Shah.")
	s.keys("Tab")
	// …what…
	s.waitFor("What will you bring each of them?")
	s.keys("Enter")
	s.waitFor("What to bring Priya Shah")
	s.keys("Enter")
	s.typ("Would a written check-in lose anything you rely on?")
	s.keys("Enter", "Enter")
	s.waitFor("All 1 done")
	s.keys("Tab")
	// …where…
	s.waitFor("When and where will you talk to them?")
	s.keys("Enter")
	s.waitFor("When to talk to Priya Shah")
	s.keys("Enter")
	s.typ("+3d")
	s.keys("Enter", "Enter")
	s.waitFor("Where to talk to Priya Shah")
	s.keys("Down", "Enter", "Enter", "Enter")
	s.waitFor("All 1 done")
	s.keys("Tab")
	// …and the review.
	s.waitFor("How the score is made")
	s.keys("Enter")
	before := score(t, s.waitFor("Walkthrough complete"))

	// Log a conversation from the Room tab.
	s.keys("2")
	s.waitFor("Priya Shah")
	s.keys("l")
	s.waitFor("Who did you talk to?")
	s.keys("Enter", "Enter", "Enter", "Enter", "Enter")
	s.waitFor("How did it go?")
	s.keys("Up", "Up", "Enter")
	s.typ("Happy to try it for a month.")
	s.keys("Enter", "Enter", "Enter")
	s.waitFor("Objections they raised")
	s.typ("Juniors may go quiet in writing")
	s.keys("Enter", "Enter", "Enter")
	s.waitFor("Where does Priya Shah stand now?")
	s.keys("Enter")
	screen := s.waitFor("Readiness ")
	after := score(t, screen)
	if after == before {
		t.Fatalf("the score stayed at %d after logging a warm conversation with the decider", before)
	}
	if !strings.Contains(screen, "Readiness "+strconv.Itoa(before)+" → "+strconv.Itoa(after)) {
		t.Fatalf("the status line does not show the score change %d → %d:\n%s", before, after, screen)
	}

	s.quit()

	// Reopen: everything is there.
	s.start(cmdline)
	dash := s.waitFor("Move standup to async")
	if !strings.Contains(dash, strconv.Itoa(after)) {
		t.Fatalf("the dashboard does not show the score %d:\n%s", after, dash)
	}
	s.keys("Enter")
	s.waitFor("/100")
	s.keys("2")
	room := s.waitFor("Priya Shah")
	if !strings.Contains(room, "neutral") {
		t.Fatalf("the room does not show Priya's new stance:\n%s", room)
	}
	s.keys("4")
	s.waitFor("Happy to try it for a month.")
	s.keys("5")
	s.waitFor("Juniors may go quiet")
	s.quit()
}
