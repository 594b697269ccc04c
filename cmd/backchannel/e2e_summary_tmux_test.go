package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// summaryWordRE finds words: letters and digits, with inner apostrophes.
var summaryWordRE = regexp.MustCompile(`[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*`)

// TestSummaryWordsWholeInTmux opens each demo proposal's Summary in a real
// 80×24 terminal, reads it page by page to the end, and checks that every
// word on it is a word of the proposal's brief (issue 14: the squeezed
// tables broke "platfor m", "coffee/lunc h", "(implemente r)") and that no
// markdown escape shows ("compliment \& appreciate").
func TestSummaryWordsWholeInTmux(t *testing.T) {
	requireTmux(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "backchannel")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dbPath := filepath.Join(dir, "workbook.db")
	env := append(os.Environ(), "BACKCHANNEL_TODAY=2026-11-21", "NO_COLOR=1")
	run := func(args ...string) string {
		cmd := exec.Command(bin, append([]string{"--db", dbPath}, args...)...)
		cmd.Env = env
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("backchannel %s: %v", strings.Join(args, " "), err)
		}
		return string(out)
	}
	run("demo")

	s := &tmuxSession{t: t, sock: filepath.Join(dir, "tmux.sock"), name: "summary"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.sock, "kill-server").Run() })
	s.tmux("new-session", "-d", "-s", s.name, "-x", "80", "-y", "24",
		"env BACKCHANNEL_TODAY=2026-11-21 NO_COLOR=1 TERM=xterm-256color "+bin+" --db "+dbPath)
	s.waitFor("3 proposals")

	seen := map[string]bool{}
	for p := 1; p <= 3; p++ {
		if p > 1 {
			s.keys("Escape")
			s.waitFor("3 proposals")
			// Without colour the dashboard's cursor does not show, so
			// the screen does not change: send the key bare, and check
			// below that a new proposal opened.
			s.tmux("send-keys", "-t", s.name, "Down")
		}
		s.keys("Enter")
		s.waitFor("/100)")
		// The brief names the proposal by its title, which the header shows.
		title := strings.TrimSpace(strings.SplitN(s.screen(), "\n", 4)[2])
		title = strings.TrimSpace(strings.Split(title, "  ")[0])
		if seen[title] {
			t.Fatalf("opened %s twice", title)
		}
		seen[title] = true
		words := map[string]bool{}
		for _, w := range summaryWordRE.FindAllString(run("brief", strings.TrimSuffix(title, "…")), -1) {
			words[strings.ToLower(w)] = true
		}
		// The terminal edition's own labels.
		for _, w := range strings.Fields("possible spoken next where open via ahead moment addressed mood no yet score based voice response") {
			words[w] = true
		}
		// The last page is what the screen shows after G; paging down stops
		// when it is on screen, so the end is seen, not timed out.
		top := s.screen()
		s.keys("G")
		end := s.screen()
		s.keys("g")
		if s.screen() != top {
			t.Fatalf("%s: g did not go back to the top of the Summary", title)
		}
		var body []string
		for screen := top; ; {
			lines := strings.Split(screen, "\n")
			// Below the title, meta line and tab bar; above the key help.
			if len(lines) > 7 {
				body = append(body, lines[5:len(lines)-3]...)
			}
			if screen == end {
				break
			}
			if len(body) > 60*24 {
				t.Fatalf("%s: paging down never reached the page G shows", title)
			}
			s.keys("PgDn")
			screen = s.screen()
		}
		if len(body) < 40 {
			t.Fatalf("%s: read only %d lines of the Summary", title, len(body))
		}
		for _, line := range body {
			if strings.Contains(line, `\`) {
				t.Errorf("%s: an escape shows: %q", title, line)
			}
			for _, w := range summaryWordRE.FindAllString(line, -1) {
				if !words[strings.ToLower(w)] {
					t.Errorf("%s: %q is not a word of the brief (broken across lines or cells?) in %q", title, w, line)
				}
			}
		}
	}
}
