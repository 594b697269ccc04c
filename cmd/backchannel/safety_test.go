// Long by design: the command line's data-safety tests (an output never
// replaces a workbook, a missing one is not created, files are private,
// hostile text never reaches a terminal through JSON), one behaviour each.

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
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
	// A backup never goes over the workbook or another file either.
	for _, target := range []string{path, hard, sym, backup} {
		r := cli(t, path, "", "backup", target)
		if r.code == 0 {
			t.Errorf("backup %s succeeded over an existing file", target)
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

	// The files SQLite keeps beside the workbook, by name, whether they
	// exist now or not (an absent -journal or -wal would be read as the
	// workbook's the next time it opens), for every command that writes a
	// file.
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		target := path + suffix
		for _, args := range [][]string{
			{"brief", "1", "-o", target, "--force"},
			{"export", "-o", target, "--force"},
			{"calendar", "-o", target, "--force"},
			{"contacts", "export", "-o", target, "--force"},
			{"backup", target},
		} {
			oneSentence(t, cli(t, path, "", args...), 1, "is the workbook's "+suffix+" file")
		}
		if _, err := os.Stat(path + "-journal"); err == nil {
			t.Fatalf("a file was written as the workbook's -journal (after %s)", suffix)
		}
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
		"proposals":     {"proposals"},
		"contacts":      {"contacts"},
		"log":           {"log", "Dana", "-p", "1"},
		"brief":         {"brief"},
		"objections":    {"objections"},
		"blindspots":    {"blindspots"},
		"export":        {"export"},
		"backup":        {"backup"},
		"check":         {"check"},
		"conversations": {"conversations"},
		"room":          {"room", "-p", "1"},
		"undo":          {"undo"},
		"redo":          {"redo"},
		"history":       {"history"},
		"seal":          {"seal", "status"},
		"purge":         {"purge", "conversation", "1", "--yes"},
		"agenda":        {"agenda"},
		"calendar":      {"calendar"},
		"search":        {"search", "ERP"},
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

// hostileExport is the demo workbook exported, with text another tool
// might write: C1 controls, DEL, bidi overrides, escapes, stray spaces.
func hostileExport(t *testing.T) (string, string) {
	t.Helper()
	path := demoDB(t)
	var wb map[string]any
	if err := json.Unmarshal([]byte(mustOK(t, cli(t, path, "", "export")).stdout), &wb); err != nil {
		t.Fatal(err)
	}
	props := wb["proposals"].([]any)
	props[0].(map[string]any)["title"] = "Consolidate \u009b31m\u202eevil\u202c\x7f  with \x1b]0;x end "
	people := wb["contacts"].([]any)
	people[0].(map[string]any)["name"] = "  Dana\u0085 \u2067Reyes\u2069 "
	data, err := json.MarshalIndent(wb, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "hostile.json")
	if err := os.WriteFile(file, append(data, '\n'), 0o600); err != nil {
		t.Fatal(err)
	}
	return file, string(data)
}

// rawTerminalControl finds a character a terminal would act on in output
// meant for one: ESC, other C0 controls but tab and newline, DEL, C1 and
// bidi controls.
func rawTerminalControl(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n', r == '\t':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// Issue 11, findings 8 and 9: imported text is stored exactly as given, so
// export → import → export is byte-identical even for another tool's file;
// every JSON output escapes C1, DEL and bidi controls, and the record
// outputs give a field the same value.
func TestJSONOutputsEscapeTerminalControlsAndAgree(t *testing.T) {
	file, _ := hostileExport(t)
	path := filepath.Join(privateDir(t), "w.db")
	mustOK(t, cli(t, path, "", "import", file))
	first := mustOK(t, cli(t, path, "", "export")).stdout
	again := filepath.Join(privateDir(t), "again.db")
	f2 := filepath.Join(t.TempDir(), "first.json")
	if err := os.WriteFile(f2, []byte(first), 0o600); err != nil {
		t.Fatal(err)
	}
	mustOK(t, cli(t, again, "", "import", f2))
	if second := mustOK(t, cli(t, again, "", "export")).stdout; second != first {
		t.Error("export → import → export of a file with hostile text is not byte-identical")
	}

	wantTitle := "Consolidate \u009b31m\u202eevil\u202c\x7f  with \x1b]0;x end "
	for _, args := range [][]string{
		{"export"}, {"proposals", "--json"}, {"contacts", "--json"}, {"objections", "--json"},
		{"brief", "1", "--json"}, {"log", "2", "-p", "1", "--json"},
	} {
		out := mustOK(t, cli(t, path, "", args...)).stdout
		if r, bad := rawTerminalControl(out); bad {
			t.Errorf("%v prints U+%04X raw", args, r)
		}
		if !json.Valid([]byte(out)) {
			t.Errorf("%v is not valid JSON", args)
		}
		if args[0] == "export" || args[0] == "proposals" {
			if !strings.Contains(out, `\u009b31m\u202eevil\u202c\u007f`) {
				t.Errorf("%v does not give the stored title, escaped", args)
			}
			var v any
			_ = json.Unmarshal([]byte(out), &v)
			if !strings.Contains(fmt.Sprint(v), wantTitle) {
				t.Errorf("%v: the title does not decode to the stored value", args)
			}
		}
	}
	// Shown as text, the same title is cleaned, and the broken OSC keeps
	// the words after it.
	out := mustOK(t, cli(t, path, "", "proposals")).stdout
	if r, bad := rawTerminalControl(out); bad {
		t.Errorf("proposals prints U+%04X raw", r)
	}
	if !strings.Contains(out, "Consolidate 31mevil with ␛]0;x end") {
		t.Errorf("proposals shows the title as:\n%s", out)
	}
}

// Issue 11, findings 8 and 10: import errors are sentences that name the
// place: invalid UTF-8 by line, a bad value by table, element and field.
func TestImportErrorsNameThePlace(t *testing.T) {
	path := demoDB(t)
	good := mustOK(t, cli(t, path, "", "export")).stdout
	var m map[string]any
	if err := json.Unmarshal([]byte(good), &m); err != nil {
		t.Fatal(err)
	}
	m["contacts"] = map[string]any{"a": 1}
	objectForList, _ := json.Marshal(m)
	cases := []struct{ name, body, want string }{
		{"invalid utf-8", strings.Replace(good, `"Consolidate`, "\"Consol\xffidate", 1), "line 7: the text is not valid UTF-8"},
		{"time not a time", strings.Replace(good, `"created_at": "`, `"created_at": "yesterday", "x": "`, 1), `proposals[0]: "yesterday" is not a time`},
		{"object not a list", string(objectForList), "contacts should be a list"},
		{"workbook is a list", "[" + good + "]", "should be an object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "w.json")
			if err := os.WriteFile(file, []byte(c.body), 0o600); err != nil {
				t.Fatal(err)
			}
			r := cli(t, filepath.Join(privateDir(t), "t.db"), "", "import", file)
			oneSentence(t, r, 1, c.want)
			for _, internal := range []string{"model.", "2006-01-02", "Go value", "json:"} {
				if strings.Contains(r.stderr, internal) {
					t.Errorf("the sentence shows Go internals (%q): %s", internal, r.stderr)
				}
			}
		})
	}
}

// Issue 11, finding 10: generator sizes are bounded, and text starting with
// "-" gets a hint instead of only "unknown shorthand flag".
func TestSmallOnes(t *testing.T) {
	path := filepath.Join(privateDir(t), "w.db")
	oneSentence(t, cli(t, path, "", "demo", "--stakeholders", "10000000"), 2, "at most")
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("a refused demo created the workbook")
	}
	oneSentence(t, cli(t, path, "", "contacts", "add", "- Bob"), 2, `put it after -- (backchannel contacts add -- "-Bob")`)
	// The example is the command that was run, not always `contacts add`.
	oneSentence(t, cli(t, path, "", "proposals", "add", "-1 on the budget"), 2, `put it after -- (backchannel proposals add -- "-Bob")`)
}

// Issue 11, finding 9: `brief --json` and `agenda --json` give the text
// people wrote and their names exactly as `export` and the lists' --json
// give the same fields (they cleaned or trimmed them before, so the same
// field had two values); the markdown brief still shows them cleaned.
func TestBriefJSONGivesFieldsAsExportDoes(t *testing.T) {
	file, _ := hostileExport(t)
	var wb map[string]any
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &wb); err != nil {
		t.Fatal(err)
	}
	first := func(table string) map[string]any {
		for _, r := range wb[table].([]any) {
			if m := r.(map[string]any); m["proposal_id"] == float64(1) {
				return m
			}
		}
		t.Fatalf("no %s on proposal 1", table)
		return nil
	}
	prop := wb["proposals"].([]any)[0].(map[string]any)
	prop["forum"] = "Q1\u0085 steering\x1b[7m committee "
	prop["ask"] = "  Move to one warehouse.\n\n  \x1b]8;;http://x\x07Keep\u009d the old one read-only. "
	first("stakeholders")["plan"].(map[string]any)["message"] = "\x1bWalk her \u202ethrough\u202c it "
	first("objections")["text"] = "Cost\u0090 overrun\x1b[2J risk  "
	first("touchpoints")["said"] = " Wants\x7f numbers first \x1b[31m"
	data, err := json.Marshal(wb)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(privateDir(t), "w.db")
	mustOK(t, cli(t, path, "", "import", file))

	decode := func(args ...string) any {
		var v any
		out := mustOK(t, cli(t, path, "", args...)).stdout
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return v
	}
	export := decode("export").(map[string]any)
	b := decode("brief", "1", "--json").(map[string]any)
	stored := func(table string, id float64, field string) any {
		for _, r := range export[table].([]any) {
			if m := r.(map[string]any); m["id"] == id {
				return m[field]
			}
		}
		t.Fatalf("no %s %v in the export", table, id)
		return nil
	}
	same := func(what string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s: brief --json gives %q, export %q", what, got, want)
		}
	}
	same("title", b["title"], stored("proposals", 1, "title"))
	same("forum", b["forum"], stored("proposals", 1, "forum"))
	same("ask", b["ask"], stored("proposals", 1, "ask"))
	contactOf := map[float64]float64{}
	for _, r := range export["stakeholders"].([]any) {
		m := r.(map[string]any)
		contactOf[m["id"].(float64)] = m["contact_id"].(float64)
	}
	for _, r := range b["room"].([]any) {
		p := r.(map[string]any)
		same("room name", p["name"], stored("contacts", contactOf[p["stakeholder_id"].(float64)], "name"))
	}
	for _, r := range b["plan"].([]any) {
		p := r.(map[string]any)
		plan := stored("stakeholders", p["stakeholder_id"].(float64), "plan").(map[string]any)
		same("plan message", p["message"], plan["message"])
		same("plan place", p["place"], plan["place"])
	}
	// Objections and conversations carry no id in the brief: each text
	// must be one the export holds, and the hostile ones must be there.
	texts := func(v any, field string) map[any]bool {
		set := map[any]bool{}
		for _, r := range v.([]any) {
			set[r.(map[string]any)[field]] = true
		}
		return set
	}
	objections := texts(decode("objections", "--json"), "text")
	for o := range texts(b["objections"], "text") {
		if !objections[o] {
			t.Errorf("brief --json objection %q is not as `objections --json` gives it", o)
		}
	}
	if !texts(b["objections"], "text")["Cost\u0090 overrun\x1b[2J risk  "] {
		t.Error("brief --json lost the stored objection text")
	}
	said := texts(export["touchpoints"], "said")
	for s := range texts(b["recent_log"], "said") {
		if !said[s] {
			t.Errorf("brief --json conversation %q is not as export gives it", s)
		}
	}
	contacts := texts(decode("contacts", "--json"), "name")
	for n := range texts(b["relationships"], "name") {
		if !contacts[n] {
			t.Errorf("brief --json relationship %q is not a name as `contacts --json` gives it", n)
		}
	}

	// The agenda's JSON gives people, promises and objections as stored too.
	compared := 0
	for _, r := range decode("agenda", "--days", "60", "--json").(map[string]any)["items"].([]any) {
		it := r.(map[string]any)
		if id, ok := it["contact_id"].(float64); ok {
			if name := stored("contacts", id, "name").(string); strings.TrimSpace(name) != "" {
				same("agenda who", it["who"], name)
				compared++
			}
		}
		if id, ok := it["touchpoint_id"].(float64); ok {
			same("agenda promise", it["what"], stored("touchpoints", id, "follow_up"))
		}
		if id, ok := it["objection_id"].(float64); ok {
			same("agenda objection", it["what"], stored("objections", id, "text"))
		}
		if id, ok := it["proposal_id"].(float64); ok {
			same("agenda proposal", it["proposal"], stored("proposals", id, "title"))
		}
	}
	if compared == 0 {
		t.Error("the agenda names nobody: the comparison shows nothing")
	}

	// Shown as markdown, the same text is cleaned.
	md := mustOK(t, cli(t, path, "", "brief", "1")).stdout
	if r, bad := rawTerminalControl(md); bad {
		t.Errorf("the markdown brief prints U+%04X raw", r)
	}
	if !strings.Contains(md, "Cost overrun risk") {
		t.Errorf("the markdown brief does not show the cleaned objection:\n%s", md)
	}
}
