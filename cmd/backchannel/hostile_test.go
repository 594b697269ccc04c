package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/internal/hostile"
	"github.com/backchannel/backchannel/model"
)

// hostileDB is a workbook holding the hostile corpus in every text field,
// stored exactly as an import stores it.
func hostileDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(privateDir(t), "hostile.db")
	ctx := context.Background()
	store, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Import(ctx, hostile.Workbook(model.NewDate(2026, 11, 21))); err != nil {
		t.Fatal(err)
	}
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// Issue 11: the hostile corpus, in every field, reaches no terminal through
// any command's output or error: no escape sequence, no control character,
// no bidi control, in text, tables, markdown, JSON and error sentences.
func TestHostileTextInEveryCLIOutput(t *testing.T) {
	path := hostileDB(t)
	runs := [][]string{
		{"proposals"}, {"proposals", "--json"}, {"proposals", "--all"},
		{"contacts"}, {"contacts", "--json"},
		{"contacts", "export", "--format", "csv"}, {"contacts", "export", "--format", "vcard"},
		{"objections"}, {"objections", "--json"}, {"objections", "--md"},
		{"blindspots"}, {"blindspots", "--json"},
		{"brief", "1"}, {"brief", "2"}, {"brief", "3"},
		{"brief", "1", "--json"}, {"brief", "2", "--json"},
		{"brief", "1", "--redact"}, {"brief", "1", "--redact", "--json"}, {"brief", "1", "--redact=full"},
		{"export"},
		{"log", "1", "-p", "1", "--said", "fine", "--json"},
		{"log", "N", "-p", "1"},   // ambiguous: lists hostile names
		{"log", "N1 ", "-p", "9"}, // an unknown proposal
		{"brief", "N"},            // a prefix of many titles
		{"objections", "set", "1", "--status", "resolved"},
		{"blindspots", "set", "1", "--status", "addressed"},
		{"contacts", "add", "Ada \x1b]0;x\x07 Lovelace \u202eevil"},
		{"proposals", "add", "Plan \x1b[2J\u009b31m B"},
		{"conversations"}, {"conversations", "-p", "1", "--json"}, {"conversations", "--person", "N"},
		{"room", "-p", "1"}, {"room", "-p", "2", "--json"},
		{"history"}, {"history", "-p", "1", "--json"},
		{"undo"}, {"undo", "2"}, {"redo"},
		{"objections", "--md", "--redact"}, {"blindspots", "--md", "--redact"},
		{"purge", "conversation", "1", "--yes"}, {"purge", "contact", "2", "--yes"}, {"purge", "proposal", "3"},
		{"check"},
		{"agenda"}, {"agenda", "--json", "--days", "90"},
		{"calendar"}, {"calendar", "--names"},
		{"search", "N"}, {"search", "N", "--json"}, {"search", "\x1b[31m"},
	}
	seen := map[string]bool{}
	for _, args := range runs {
		seen[args[0]] = true
		r := cli(t, path, "", args...)
		for name, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
			if err := hostile.CheckPlain(out); err != nil {
				t.Errorf("%q %s (exit %d): %v", args, name, r.code, err)
			}
		}
		if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine") {
			t.Errorf("%q crashed: %s", args, r.stderr)
		}
	}
	// Every command that prints workbook text is covered.
	root := newApp(nil, nil, nil).rootCommand()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "init", "demo", "import", "backup", "restore", "seal", "version", "help", "completion":
			continue // they print no workbook text
		}
		if !seen[c.Name()] {
			t.Errorf("command %q is not run on the hostile workbook; add it to runs", c.Name())
		}
	}
}
