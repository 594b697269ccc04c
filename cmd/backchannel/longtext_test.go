package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Long text comes from a file (@FILE) or from the editor (--edit, in a
// private folder removed afterwards), never only from the command line.
func TestLongTextFromFileAndEditor(t *testing.T) {
	path := demoDB(t)
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("Talks freely at the Thursday drinks.\n"), 0o600)
	r := mustOK(t, cli(t, path, "", "contacts", "add", "Quinn Ashdown", "--notes", "@"+notes, "--value", "@@handle stays literal", "--json"))
	if !strings.Contains(r.stdout, `"notes": "Talks freely at the Thursday drinks."`) || !strings.Contains(r.stdout, `"value_i_bring": "@handle stays literal"`) {
		t.Errorf("contacts add with @FILE: %s", r.stdout)
	}
	oneSentence(t, cli(t, path, "", "contacts", "add", "X Y", "--notes", "@"+filepath.Join(dir, "missing")), 1, "write @@")

	// The editor: a script that records where it was asked to edit and
	// what it saw, and writes the texts.
	runtimeDir := filepath.Join(dir, "run")
	os.Mkdir(runtimeDir, 0o700)
	t.Setenv("XDG_RUNTIME_DIR", runtimeDir)
	seen := filepath.Join(dir, "seen")
	script := filepath.Join(dir, "editor.sh")
	os.WriteFile(script, []byte(`#!/bin/sh
echo "$1" > "`+seen+`"
stat -c %a "$(dirname "$1")" >> "`+seen+`"
cat "$1" >> "`+seen+`"
cat > "$1" <<'TEXT'
## said
Open to it if the overrun has an owner.
## subtext
# a comment line, left out
First time she said when, not if.
TEXT
`), 0o700)
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", script)
	r = mustOK(t, cli(t, path, "", "log", "Dana", "-p", "1", "--follow-up", "Send the memo", "--edit", "--json"))
	for _, want := range []string{`"said": "Open to it if the overrun has an owner."`, `"subtext": "First time she said when, not if."`, `"follow_up": "Send the memo"`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("log --edit: want %s in %s", want, r.stdout)
		}
	}
	got, _ := os.ReadFile(seen)
	lines := strings.SplitN(string(got), "\n", 3)
	if len(lines) < 3 || !strings.HasPrefix(lines[0], runtimeDir) || lines[1] != "700" || !strings.Contains(lines[2], "## follow-up\nSend the memo") {
		t.Errorf("the editor saw %q", got)
	}
	if _, err := os.Stat(filepath.Dir(lines[0])); !os.IsNotExist(err) {
		t.Errorf("the editor's folder is still there: %v", err)
	}
	t.Setenv("EDITOR", "")
	oneSentence(t, cli(t, path, "", "log", "Dana", "-p", "1", "--edit"), 2, "$EDITOR")
}

// log --heard-via puts the teller among who knows, from that day.
func TestHeardViaCountsTheTeller(t *testing.T) {
	path := demoDB(t)
	mustOK(t, cli(t, path, "", "contacts", "add", "Nadia Quell"))
	mustOK(t, cli(t, path, "", "log", "Dana", "-p", "1", "--date", "2026-11-20", "--heard-via", "Nadia Quell"))
	brief := mustOK(t, cli(t, path, "", "brief", "1")).stdout
	if !strings.Contains(brief, "Nadia Quell (unknown discretion, since Fri 20 Nov: told someone)") {
		t.Errorf("who knows lacks the teller:\n%s", brief[strings.Index(brief, "Who knows"):])
	}
}
