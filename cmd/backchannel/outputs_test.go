package main

import (
	"bytes"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// updateOutputs rewrites testdata/outputs from the current build. The files
// were first written by the build before issue 13's speed work, so this test
// proves the speed work changed no byte of what the commands print; rewrite
// them only for a change meant to alter output, and read the diff.
var updateOutputs = flag.Bool("update-outputs", false, "rewrite testdata/outputs from the current build")

// outputShapes are the workbooks whose outputs are pinned: the demo, and a
// generated workbook with several proposals (sizes small enough that a person
// can read the files).
var outputShapes = []struct {
	name string
	args []string
}{
	{"demo", []string{"demo"}},
	{"generated", []string{"demo", "--proposals", "3", "--stakeholders", "12", "--conversations", "80", "--seed", "5"}},
	{"shared", []string{"demo", "--proposals", "4", "--stakeholders", "10", "--conversations", "50", "--contacts", "18", "--seed", "3"}},
}

// outputCommands are the outputs the speed work must leave byte-identical.
var outputCommands = [][]string{
	{"proposals"},
	{"proposals", "--json"},
	{"proposals", "--all"},
	{"brief", "1"},
	{"brief", "1", "--redact"},
	{"brief", "1", "--json"},
	{"brief", "2"},
	{"brief", "2", "--redact"},
	{"brief", "2", "--json"},
	{"brief", "3"},
	{"brief", "3", "--redact", "--json"},
	{"contacts"},
	{"contacts", "--json"},
	{"export"},
}

// TestOutputsUnchanged runs every pinned command on every pinned workbook
// and compares stdout with the recorded bytes.
func TestOutputsUnchanged(t *testing.T) {
	for _, shape := range outputShapes {
		t.Run(shape.name, func(t *testing.T) {
			path := filepath.Join(privateDir(t), "w.db")
			mustOK(t, cli(t, path, "", shape.args...))
			for _, args := range outputCommands {
				r := cli(t, path, "", args...)
				got := r.stdout
				if r.code != 0 {
					// A refusal is output too (redaction failing closed on
					// a generated name, say): its sentence is pinned.
					got = fmt.Sprintf("exit %d\n%s", r.code, r.stderr)
				}
				file := filepath.Join("testdata", "outputs", shape.name, strings.Join(args, "_")+".golden")
				if *updateOutputs {
					if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(file)
				if err != nil {
					t.Fatalf("%s: %v (run with -update-outputs once)", file, err)
				}
				if got != string(want) {
					t.Errorf("%s changed: `backchannel %s` prints %d bytes, the recording has %d; diff it with -update-outputs and git diff",
						shape.name, strings.Join(args, " "), len(got), len(want))
				}
			}
		})
	}
}

// The shared-contacts generator refuses sizes it cannot honour, in one
// sentence.
func TestDemoSharedContactsFlags(t *testing.T) {
	dir := privateDir(t)
	oneSentence(t, cli(t, filepath.Join(dir, "a.db"), "", "demo", "--stakeholders", "30", "--contacts", "10"), 2, "more than the --contacts")
	oneSentence(t, cli(t, filepath.Join(dir, "b.db"), "", "demo", "--proposals", "1000", "--conversations", "2000"), 2, "in all")
	oneSentence(t, cli(t, filepath.Join(dir, "c.db"), "", "demo", "--contacts", "-1"), 1, "at least 0")
	r := mustOK(t, cli(t, filepath.Join(dir, "d.db"), "", "demo", "--proposals", "5", "--stakeholders", "4", "--conversations", "10", "--contacts", "6"))
	if !strings.Contains(r.stdout, "5 proposals, 6 people, 50 conversations") {
		t.Errorf("demo said %q", r.stdout)
	}
}

// `check` verifies the workbook on demand: one line when sound.
func TestCheckCommand(t *testing.T) {
	path := filepath.Join(privateDir(t), "w.db")
	mustOK(t, cli(t, path, "", "demo"))
	r := mustOK(t, cli(t, path, "", "check"))
	if !strings.Contains(r.stdout, "is sound") {
		t.Errorf("check said %q", r.stdout)
	}
	oneSentence(t, cli(t, filepath.Join(privateDir(t), "none.db"), "", "check"), 1, "no workbook")
}

// Issue 13, finding 1: with no integrity check on open, a damaged page is
// found by the command that meets it and by `check`, each in the one
// sentence that says how to restore.
func TestDamagedWorkbookOnTheCommandLine(t *testing.T) {
	path := filepath.Join(privateDir(t), "w.db")
	mustOK(t, cli(t, path, "", "demo", "--proposals", "2", "--stakeholders", "150", "--conversations", "10"))
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int
	if err := raw.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'contacts'").Scan(&root); err != nil {
		t.Fatal(err)
	}
	if err := raw.QueryRow("PRAGMA page_size").Scan(&pageSize); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(bytes.Repeat([]byte{0x0d, 0xff, 0x00, 0x07}, 64), int64((root-1)*pageSize)+8); err != nil {
		t.Fatal(err)
	}
	f.Close()
	oneSentence(t, cli(t, path, "", "check"), 1, path+" is damaged")
	oneSentence(t, cli(t, path, "", "contacts"), 1, path+" is damaged")
}
