package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 11, finding 1: no -o target may replace the workbook, by any name,
// nor any other SQLite file; any other existing file needs --force.
func TestOutputNeverReplacesAWorkbook(t *testing.T) {
	path := demoDB(t)
	before := mustOK(t, cli(t, path, "", "export")).stdout
	dir := filepath.Dir(path)
	hard := filepath.Join(dir, "hardlink.db")
	if err := os.Link(path, hard); err != nil {
		t.Fatal(err)
	}
	sym := filepath.Join(t.TempDir(), "symlink.db")
	if err := os.Symlink(path, sym); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	mustOK(t, cli(t, path, "", "backup", backup))
	backupBytes, _ := os.ReadFile(backup)

	for _, target := range []string{path, hard, sym, "./" + filepath.Base(path)} {
		for _, args := range [][]string{
			{"brief", "1", "-o", target},
			{"brief", "1", "-o", target, "--force"},
			{"export", "-o", target},
			{"export", "-o", target, "--force"},
		} {
			wd, _ := os.Getwd()
			if strings.HasPrefix(target, "./") {
				_ = os.Chdir(dir)
			}
			r := cli(t, path, "", args...)
			_ = os.Chdir(wd)
			oneSentence(t, r, 1, "would destroy it")
		}
	}
	for _, args := range [][]string{{"export", "-o", backup, "--force"}, {"brief", "1", "-o", backup, "--force"}} {
		oneSentence(t, cli(t, path, "", args...), 1, "is a SQLite database")
	}
	if got, _ := os.ReadFile(backup); !bytes.Equal(got, backupBytes) {
		t.Error("the backup was written over")
	}
	if after := mustOK(t, cli(t, path, "", "export")).stdout; after != before {
		t.Fatal("the workbook changed")
	}

	// Another existing file: refused without --force, replaced with it.
	notes := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(notes, []byte("my own notes\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	oneSentence(t, cli(t, path, "", "brief", "1", "-o", notes), 1, "already exists; use --force")
	if got, _ := os.ReadFile(notes); string(got) != "my own notes\n" {
		t.Fatal("a refused brief changed the file")
	}
	mustOK(t, cli(t, path, "", "brief", "1", "-o", notes, "--force"))
	if got, _ := os.ReadFile(notes); !strings.HasPrefix(string(got), "# ") {
		t.Errorf("--force did not write the brief: %.40q", got)
	}
}

// Issue 8, finding 9: a command given a path with no workbook says so and
// creates nothing; only init, demo, import and the TUI create one.
func TestMissingWorkbookIsNotCreated(t *testing.T) {
	creating := map[string]bool{"init": true, "demo": true, "import": true, "restore": true, "version": true, "help": true, "completion": true}
	argsFor := map[string][]string{
		"proposals":  {"proposals"},
		"contacts":   {"contacts"},
		"log":        {"log", "Dana", "-p", "1"},
		"brief":      {"brief"},
		"objections": {"objections"},
		"blindspots": {"blindspots"},
		"export":     {"export"},
		"backup":     {"backup"},
		"seal":       {"seal", "status"},
	}
	root := newApp(nil, nil, nil).rootCommand()
	for _, c := range root.Commands() {
		name := c.Name()
		if creating[name] || c.Hidden {
			continue
		}
		args, ok := argsFor[name]
		if !ok {
			t.Errorf("command %q is not covered by this test; add its arguments to argsFor", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "typo")
			path := filepath.Join(dir, "workbok.db")
			r := cli(t, path, "", args...)
			oneSentence(t, r, 1, "no workbook at "+path)
			if !strings.Contains(r.stderr, "init") {
				t.Errorf("the sentence should say how to create one: %q", r.stderr)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("%s created %s (%v)", name, dir, err)
			}
		})
	}
}

func TestInitCreatesAPrivateWorkbookOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "w.db")
	r := mustOK(t, cli(t, path, "", "init"))
	if !strings.Contains(r.stdout, "Created the workbook "+path) {
		t.Errorf("init said %q", r.stdout)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: %v %v, want mode %v", p, fi, err, want)
		}
	}
	mustOK(t, cli(t, path, "", "proposals", "add", "Reorg"))
	r = mustOK(t, cli(t, path, "", "init"))
	if !strings.Contains(r.stdout, "already a workbook; nothing was changed") {
		t.Errorf("a second init said %q", r.stdout)
	}
	if out := mustOK(t, cli(t, path, "", "proposals")).stdout; !strings.Contains(out, "Reorg") {
		t.Errorf("a second init lost data: %s", out)
	}
}

// Issue 8, finding 10: `log --date friday` is the last Friday, not the next.
func TestLogDateWeekdayIsTheLastOne(t *testing.T) {
	path := demoDB(t) // BACKCHANNEL_TODAY is Saturday 2026-11-21
	r := mustOK(t, cli(t, path, "", "log", "Dana", "-p", "1", "--date", "friday", "--json"))
	var got struct {
		Date string `json:"date"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("log --json: %v\n%s", err, r.stdout)
	}
	if got.Date != "2026-11-20" {
		t.Errorf("--date friday logged %s, want 2026-11-20", got.Date)
	}
}
