// Long by design: the command line's end-to-end tests, one command behaviour each.

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// result is what one CLI invocation produced.
type result struct {
	code           int
	stdout, stderr string
}

// cli runs the command in-process against the workbook at dbPath, with the
// clock pinned so that output is reproducible.
func cli(t *testing.T, dbPath string, stdin string, args ...string) result {
	t.Helper()
	t.Setenv("BACKCHANNEL_TODAY", "2026-11-21")
	t.Setenv("BACKCHANNEL_DB", "")
	var out, errOut bytes.Buffer
	full := append([]string{"--db", dbPath}, args...)
	code := run(context.Background(), full, strings.NewReader(stdin), &out, &errOut)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

func mustOK(t *testing.T, r result) result {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("exit %d, stderr: %s", r.code, r.stderr)
	}
	return r
}

// oneSentence checks the error contract: exactly one line on stderr, no Go
// stack trace or panic, and the expected words.
func oneSentence(t *testing.T, r result, wantCode int, want string) {
	t.Helper()
	if r.code != wantCode {
		t.Errorf("exit %d, want %d (stderr %q)", r.code, wantCode, r.stderr)
	}
	lines := strings.Split(strings.TrimRight(r.stderr, "\n"), "\n")
	if len(lines) != 1 || lines[0] == "" {
		t.Errorf("stderr should be one line, got %q", r.stderr)
	}
	for _, bad := range []string{"panic", "goroutine", ".go:"} {
		if strings.Contains(r.stderr, bad) {
			t.Errorf("stderr looks like a crash: %q", r.stderr)
		}
	}
	if !strings.Contains(strings.ToLower(r.stderr), strings.ToLower(want)) {
		t.Errorf("stderr %q should mention %q", r.stderr, want)
	}
}

// privateDir is a temporary folder as the workbook wants it (0700), so a
// command's stderr holds no note about tightening it.
func privateDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}

func demoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(privateDir(t), "w.db")
	mustOK(t, cli(t, path, "", "demo"))
	return path
}

func TestDemoThenProposalsJSON(t *testing.T) {
	path := demoDB(t)
	r := mustOK(t, cli(t, path, "", "proposals", "--json"))
	var rows []struct {
		ID       int64  `json:"id"`
		Title    string `json:"title"`
		Score    int    `json:"score"`
		Verdict  string `json:"verdict"`
		DaysLeft *int   `json:"days_left"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("proposals --json is not JSON: %v\n%s", err, r.stdout)
	}
	if len(rows) < 2 {
		t.Fatalf("want the demo proposals, got %d", len(rows))
	}
	if rows[0].Title != "Consolidate onto one data warehouse" || rows[0].DaysLeft == nil || *rows[0].DaysLeft != 9 {
		t.Errorf("first proposal should be the one nine days out, got %+v", rows[0])
	}
	for _, p := range rows {
		if p.Verdict == "" || p.Score < 0 || p.Score > 100 {
			t.Errorf("proposal %q has no readiness: %+v", p.Title, p)
		}
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("workbook mode %v (err %v), want 0600", info.Mode().Perm(), err)
	}
}

func TestDemoRefusesNonEmptyWithoutForce(t *testing.T) {
	path := demoDB(t)
	before := mustOK(t, cli(t, path, "", "export")).stdout
	oneSentence(t, cli(t, path, "", "demo"), 1, "--force")
	if after := mustOK(t, cli(t, path, "", "export")).stdout; after != before {
		t.Fatal("a refused demo changed the workbook")
	}
	r := mustOK(t, cli(t, path, "", "demo", "--force"))
	if !strings.Contains(r.stderr, "backup") {
		t.Errorf("--force should say where the backup went, stderr %q", r.stderr)
	}
	matches, _ := filepath.Glob(path + ".bak-*")
	if len(matches) != 1 {
		t.Fatalf("want one backup beside the workbook, got %v", matches)
	}
}

func TestExportImportRoundTripIsByteIdentical(t *testing.T) {
	path := demoDB(t)
	first := mustOK(t, cli(t, path, "", "export")).stdout
	file := filepath.Join(t.TempDir(), "wb.json")
	mustOK(t, cli(t, path, "", "export", "-o", file))
	if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("export file mode: %v %v", info, err)
	}
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	mustOK(t, cli(t, fresh, "", "import", file))
	second := mustOK(t, cli(t, fresh, "", "export")).stdout
	if first != second {
		t.Fatal("export → import → export differs")
	}
	// Import refuses a workbook that has data, and leaves it as it was.
	oneSentence(t, cli(t, fresh, "", "import", file), 1, "empty")
}

func TestImportRejectsBadFilesAndImportsNothing(t *testing.T) {
	path := demoDB(t)
	good := mustOK(t, cli(t, path, "", "export")).stdout
	dir := t.TempDir()
	cases := []struct{ name, body, want string }{
		{"truncated", good[:len(good)/2], "truncated"},
		{"not json", "hello, world\n", "line 1"},
		{"wrong format", `{"format":"other","version":1}`, "not a backchannel workbook"},
		{"newer version", strings.Replace(good, fmt.Sprintf(`"version": %d`, model.WorkbookVersion), `"version": 99`, 1), "version"},
		{"bad row", strings.Replace(good, `"influence": 5`, `"influence": 7`, 1), "influence must be 1 to 5, got 7"},
		{"unknown field", strings.Replace(good, `"title":`, `"titel":`, 1), "titel"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".json")
			if err := os.WriteFile(file, []byte(c.body), 0o600); err != nil {
				t.Fatal(err)
			}
			target := filepath.Join(privateDir(t), "t.db")
			oneSentence(t, cli(t, target, "", "import", file), 1, c.want)
			if _, err := os.Stat(target); !os.IsNotExist(err) {
				t.Fatalf("a failed import left a workbook behind (%v)", err)
			}
		})
	}
}

// Bad input is one sentence; input wrong in itself (an empty name, a word
// that is not one of the valid ones, a date that cannot be read) is a usage
// mistake, exit 2, like a wrong flag; something not found is exit 1.
func TestBadInputGetsOneSentence(t *testing.T) {
	path := demoDB(t)
	before := mustOK(t, cli(t, path, "", "export")).stdout
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"empty name", []string{"contacts", "add", "   "}, 2, "name must not be empty"},
		{"empty title", []string{"proposals", "add", ""}, 2, "title must not be empty"},
		{"unknown enum", []string{"contacts", "add", "Zed", "--kind", "frenemy"}, 2, "valid: none, lateral, influencer, willing"},
		{"bad date", []string{"proposals", "add", "X", "--date", "next blue moon"}, 2, "cannot read date"},
		{"sentiment out of range", []string{"log", "Dana", "-p", "1", "--sentiment", "5"}, 2, "-2 to +2"},
		{"sentiment not a number", []string{"log", "Dana", "-p", "1", "--sentiment", "great"}, 2, "sentiment must be a number"},
		{"unknown person", []string{"log", "Nobody Atall", "-p", "1"}, 1, "nobody atall"},
		{"not on proposal", []string{"log", "Kwame", "-p", "1"}, 1, "room add"},
		{"unknown proposal", []string{"brief", "No such proposal"}, 1, "no such proposal"},
		{"ambiguous default", []string{"brief"}, 2, "name one"},
		{"what-if nobody", []string{"brief", "1", "--what-if", "Zed=supporter"}, 2, "nobody called"},
		{"what-if bad stance", []string{"brief", "1", "--what-if", "Dana=ecstatic"}, 2, "unknown stance"},
		{"what-if no stance", []string{"brief", "1", "--what-if", "Dana"}, 2, "NAME=STANCE"},
		{"unknown flag", []string{"proposals", "--colour"}, 2, "unknown flag"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"too many args", []string{"contacts", "add", "A", "B"}, 2, "takes"},
		{"unknown objection status", []string{"objections", "--status", "pending"}, 2, "valid: open, addressing, resolved, accepted, withdrawn"},
		{"unknown objection id", []string{"objections", "set", "999", "--status", "resolved"}, 1, "999"},
		{"empty objection text", []string{"objections", "add", " ", "-p", "1"}, 2, "must not be empty"},
		{"future conversation", []string{"log", "Dana", "-p", "1", "--date", "+3d"}, 2, "future"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			oneSentence(t, cli(t, path, "", c.args...), c.code, c.want)
		})
	}
	if after := mustOK(t, cli(t, path, "", "export")).stdout; after != before {
		t.Fatal("bad input changed the workbook")
	}
}

func TestBadWorkbookFiles(t *testing.T) {
	dir := t.TempDir()
	random := filepath.Join(dir, "random.db")
	noise := bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef, 0x13, 0x37}, 2000)
	if err := os.WriteFile(random, noise, 0o600); err != nil {
		t.Fatal(err)
	}
	oneSentence(t, cli(t, random, "", "proposals"), 1, "not a backchannel workbook")
	if got, _ := os.ReadFile(random); !bytes.Equal(got, noise) {
		t.Fatal("opening a random file changed it")
	}
	oneSentence(t, cli(t, dir, "", "proposals"), 1, dir)

	if os.Geteuid() != 0 { // root ignores folder permissions
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		oneSentence(t, cli(t, filepath.Join(ro, "w.db"), "", "init"), 1, "permission denied")
	}

	// A missing folder is created, private to the user.
	nested := filepath.Join(dir, "new", "folder", "w.db")
	mustOK(t, cli(t, nested, "", "init"))
	if info, err := os.Stat(filepath.Dir(nested)); err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("created folder: %v %v", info, err)
	}
}

func TestLogConversationChangesScore(t *testing.T) {
	path := demoDB(t)
	score := func() int {
		var rows []struct {
			Score int `json:"score"`
		}
		if err := json.Unmarshal([]byte(mustOK(t, cli(t, path, "", "proposals", "--json")).stdout), &rows); err != nil {
			t.Fatal(err)
		}
		return rows[0].Score
	}
	before := score()
	// Grace is a decision-maker nobody has talked to yet on the first proposal.
	logged := mustOK(t, cli(t, path, "", "log", "Grace", "-p", "Consolidate", "--kind", "advice", "--channel", "1:1",
		"--sentiment", "+2", "--said", "She will back it.", "--stance", "champion")).stdout
	if !strings.Contains(logged, "with Grace Whitfield on") {
		t.Errorf("log should name the person the prefix found, got %q", logged)
	}
	if after := score(); after <= before {
		t.Fatalf("talking to an uncovered decision-maker who backs it should raise the score: %d → %d", before, after)
	}
	out := mustOK(t, cli(t, path, "", "brief", "Consolidate")).stdout
	if !strings.Contains(out, "She will back it.") {
		t.Error("the brief's log should show the new conversation")
	}
}

func TestBriefOutputs(t *testing.T) {
	path := demoDB(t)
	file := filepath.Join(t.TempDir(), "brief.md")
	mustOK(t, cli(t, path, "", "brief", "1", "-o", file, "--today", "2026-11-21"))
	info, err := os.Stat(file)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("brief file: %v %v", info, err)
	}
	plain, _ := os.ReadFile(file)
	if !strings.Contains(string(plain), "Dana Reyes") {
		t.Error("plain brief should name people")
	}
	redacted := mustOK(t, cli(t, path, "", "brief", "1", "--redact")).stdout
	for _, name := range []string{"Dana", "Reyes", "dana.reyes@northwind.example", "Tom Becker", "Priya"} {
		if strings.Contains(strings.ToLower(redacted), strings.ToLower(name)) {
			t.Errorf("redacted brief exposes %q", name)
		}
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(mustOK(t, cli(t, path, "", "brief", "1", "--json")).stdout), &doc); err != nil {
		t.Fatalf("brief --json: %v", err)
	}
}

// brief --what-if shows the room as it would be and saves nothing: winning
// Dana (the skeptical veto holder) and Grace (the decider nobody has asked)
// lifts the demo's data-warehouse proposal out of Not ready.
func TestBriefWhatIf(t *testing.T) {
	path := demoDB(t)
	before := mustOK(t, cli(t, path, "", "export")).stdout
	type doc struct {
		Verdict  string   `json:"verdict"`
		Score    int      `json:"score"`
		WhatIf   []string `json:"what_if"`
		Forecast struct {
			Outcome string `json:"outcome"`
		} `json:"forecast"`
	}
	read := func(args ...string) doc {
		t.Helper()
		var d doc
		out := mustOK(t, cli(t, path, "", append([]string{"brief", "Consolidate", "--json", "--today", "2026-11-21"}, args...)...)).stdout
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatalf("brief --json: %v", err)
		}
		return d
	}
	real := read()
	what := read("--what-if", "Dana=supporter", "--what-if", "grace whitfield=champion")
	if real.Verdict != "Not ready" || real.Forecast.Outcome != "fails" || len(real.WhatIf) != 0 {
		t.Fatalf("the real brief says %+v; the demo changed under this test", real)
	}
	if what.Verdict != "Getting there" || what.Forecast.Outcome != "passes" || what.Score <= real.Score {
		t.Errorf("with Dana and Grace won over: %+v, want Getting there and a passing room above %d", what, real.Score)
	}
	if len(what.WhatIf) != 2 || what.WhatIf[0] != "Dana Reyes is a supporter" {
		t.Errorf("the brief should say what it assumes: %q", what.WhatIf)
	}
	md := mustOK(t, cli(t, path, "", "brief", "Consolidate", "--what-if", "Tom=absent")).stdout
	if !strings.Contains(md, "**What if:** Tom Becker is absent. Nothing is saved") {
		t.Errorf("the markdown brief should be headed by the what-if:\n%s", md[:min(len(md), 600)])
	}
	if after := mustOK(t, cli(t, path, "", "export")).stdout; after != before {
		t.Fatal("a what-if changed the workbook")
	}
}

func TestObjectionsCommands(t *testing.T) {
	path := demoDB(t)
	var rows []struct {
		ID       int64  `json:"id"`
		Severity string `json:"severity"`
		Status   string `json:"status"`
		Response string `json:"response"`
		Voice    string `json:"voice"`
		Proposal string `json:"proposal_title"`
	}
	list := func(args ...string) {
		t.Helper()
		rows = nil
		r := mustOK(t, cli(t, path, "", append([]string{"objections", "--json"}, args...)...))
		if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
			t.Fatalf("objections --json: %v", err)
		}
	}
	list("--status", "open,addressing", "--severity", "major", "--severity", "blocker")
	if len(rows) == 0 {
		t.Fatal("the demo has open major and blocker objections")
	}
	for _, r := range rows {
		if r.Severity == "minor" || (r.Status != "open" && r.Status != "addressing") {
			t.Errorf("filter let through %+v", r)
		}
	}
	target := rows[0].ID
	mustOK(t, cli(t, path, "", "objections", "set", itoa(target), "--response", "Dual-run | for six weeks", "--voice", "Marcus", "--status", "resolved"))
	list("--status", "open,addressing", "--severity", "major,blocker")
	for _, r := range rows {
		if r.ID == target {
			t.Fatal("a resolved objection is still in the open filter")
		}
	}
	md := mustOK(t, cli(t, path, "", "objections", "--md")).stdout
	if !strings.Contains(md, `Dual-run \| for six weeks`) {
		t.Errorf("--md should escape pipes in responses:\n%s", md)
	}
	list("--person", "anticipated")
	for _, r := range rows {
		if r.Voice == "" && r.Status == "" {
			t.Errorf("unexpected row %+v", r)
		}
	}
	mustOK(t, cli(t, path, "", "objections", "add", "Budget line is not in the Q1 plan", "-p", "Consolidate", "--severity", "blocker"))
	mustOK(t, cli(t, path, "", "blindspots", "add", "Is Q1 the right quarter?", "-p", "Consolidate"))
	r := mustOK(t, cli(t, path, "", "blindspots", "--person", "me", "--status", "open"))
	if !strings.Contains(r.stdout, "Is Q1 the right quarter?") {
		t.Errorf("new blind spot missing from the list:\n%s", r.stdout)
	}
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestVersionAndHelpNeedNoWorkbook(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "never", "created.db")
	r := mustOK(t, cli(t, missing, "", "version"))
	if !strings.HasPrefix(r.stdout, "backchannel ") {
		t.Errorf("version output %q", r.stdout)
	}
	mustOK(t, cli(t, missing, "", "--help"))
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Error("version/help created the workbook folder")
	}
}

func TestImportContactsFromCSVAndVCard(t *testing.T) {
	path := demoDB(t)
	dir := t.TempDir()
	csvFile := filepath.Join(dir, "people.csv")
	os.WriteFile(csvFile, []byte("name,title,email,kind\nZoe Park,Analyst,zoe@x.example,willing\nDana Reyes,CFO,dana.reyes@northwind.example,\n"), 0o600)
	r := mustOK(t, cli(t, path, "", "import", csvFile))
	if !strings.Contains(r.stdout, "Imported 1 new contact ") || !regexp.MustCompile(`line 3 +duplicate of #\d+ Dana Reyes`).MatchString(r.stdout) {
		t.Errorf("csv import said %q", r.stdout)
	}
	vcf := filepath.Join(dir, "people.vcf")
	os.WriteFile(vcf, []byte("BEGIN:VCARD\nVERSION:3.0\nFN:Yusuf Ali\nEMAIL:yusuf@x.example\nEND:VCARD\n"), 0o600)
	mustOK(t, cli(t, path, "", "import", vcf))
	list := mustOK(t, cli(t, path, "", "contacts")).stdout
	for _, name := range []string{"Zoe Park", "Yusuf Ali"} {
		if !strings.Contains(list, name) {
			t.Errorf("%s missing after import:\n%s", name, list)
		}
	}
	before := mustOK(t, cli(t, path, "", "export")).stdout
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("name,kind\nAmy,lateral\nBo,frenemy\n"), 0o600)
	oneSentence(t, cli(t, path, "", "import", bad), 1, "line 3")
	truncated := filepath.Join(dir, "cut.vcf")
	os.WriteFile(truncated, []byte("BEGIN:VCARD\nFN:Cut Off\n"), 0o600)
	oneSentence(t, cli(t, path, "", "import", truncated), 1, "never closed")
	if after := mustOK(t, cli(t, path, "", "export")).stdout; after != before {
		t.Fatal("a refused contacts import changed the workbook")
	}
}

func TestShellCompletionOffersProposalsAndPeople(t *testing.T) {
	path := demoDB(t)
	r := mustOK(t, cli(t, path, "", "__complete", "brief", ""))
	if !strings.Contains(r.stdout, "1\tConsolidate onto one data warehouse") {
		t.Errorf("brief completion: %q", r.stdout)
	}
	r = mustOK(t, cli(t, path, "", "__complete", "log", "Da"))
	if !strings.Contains(r.stdout, "Dana Reyes") || strings.Contains(r.stdout, "Tom Becker") {
		t.Errorf("log completion: %q", r.stdout)
	}
	r = mustOK(t, cli(t, path, "", "__complete", "objections", "--severity", ""))
	if !strings.Contains(r.stdout, "blocker") {
		t.Errorf("severity completion: %q", r.stdout)
	}
	mustOK(t, cli(t, path, "", "completion", "bash"))
}

// objections set says what changed: no "is now open" for a response alone,
// and a note that names the person and reads as a sentence when the voice
// picked is not a supporter in the room.
func TestObjectionsSetSaysWhatChanged(t *testing.T) {
	path := demoDB(t)
	r := mustOK(t, cli(t, path, "", "objections", "set", "2", "--response", "Dual-run for six weeks", "--voice", "Grace"))
	if !strings.Contains(r.stdout, "updated; it is still open") {
		t.Errorf("a response and voice alone should not read as a status change: %q", r.stdout)
	}
	if want := "note: Grace Whitfield's stance is unknown; a voice in the room is best a supporter who will be there.\n"; r.stderr != want {
		t.Errorf("voice note %q, want %q", r.stderr, want)
	}
	r = mustOK(t, cli(t, path, "", "objections", "set", "2", "--voice", "Priya"))
	if r.stderr != "" {
		t.Errorf("a champion in the room needs no note, got %q", r.stderr)
	}
	r = mustOK(t, cli(t, path, "", "objections", "set", "2", "--status", "addressing"))
	if !strings.Contains(r.stdout, "is now addressing") {
		t.Errorf("a status change should say so: %q", r.stdout)
	}
}

func TestBlindspotsSetSaysWhatChanged(t *testing.T) {
	path := demoDB(t)
	r := mustOK(t, cli(t, path, "", "blindspots", "set", "2", "--how", "Asked the analytics leads to co-write the plan."))
	if !strings.Contains(r.stdout, "updated; it is still open") {
		t.Errorf("a note on how alone should not read as a status change: %q", r.stdout)
	}
	r = mustOK(t, cli(t, path, "", "blindspots", "set", "2", "--status", "addressed"))
	if !strings.Contains(r.stdout, "is now addressed") {
		t.Errorf("a status change should say so: %q", r.stdout)
	}
}

func TestDemoLargeWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.db")
	r := mustOK(t, cli(t, path, "", "demo", "--proposals", "2", "--stakeholders", "40", "--conversations", "300"))
	if !strings.Contains(r.stdout, "2 proposals, 80 people, 600 conversations") {
		t.Errorf("demo said %q", r.stdout)
	}
	var rows []struct {
		Score int `json:"score"`
	}
	if err := json.Unmarshal([]byte(mustOK(t, cli(t, path, "", "proposals", "--json")).stdout), &rows); err != nil || len(rows) != 2 {
		t.Fatalf("large demo proposals: %v %d", err, len(rows))
	}
	oneSentence(t, cli(t, filepath.Join(t.TempDir(), "x.db"), "", "demo", "--stakeholders", "0"), 1, "at least 1")
}

// Every redacted output names nobody in the workbook, in any edition, and
// a wrong edition or --redact without --md is a usage error.
func TestRedactedOutputsNameNobody(t *testing.T) {
	path := demoDB(t)
	store, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	contacts, err := store.ListContacts(context.Background(), true)
	store.Close()
	if err != nil || len(contacts) < 5 {
		t.Fatalf("%d contacts, %v", len(contacts), err)
	}
	outputs := map[string]string{}
	for _, args := range [][]string{
		{"brief", "1", "--redact"}, {"brief", "2", "--redact=full"}, {"brief", "3", "--redact", "--json"},
		{"objections", "--md", "--redact", "--all"}, {"blindspots", "--md", "--redact", "--all"},
	} {
		outputs[strings.Join(args, " ")] = mustOK(t, cli(t, path, "", args...)).stdout
	}
	for what, out := range outputs {
		words := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(out), func(r rune) bool { return !unicode.IsLetter(r) }) {
			words[w] = true
		}
		for _, c := range contacts {
			for _, part := range strings.Fields(strings.ToLower(c.Name)) {
				if len(part) > 2 && words[part] {
					t.Errorf("%s names %q of %q", what, part, c.Name)
				}
			}
			if c.Email != "" && strings.Contains(strings.ToLower(out), strings.ToLower(c.Email)) {
				t.Errorf("%s shows %q", what, c.Email)
			}
		}
	}
	if !strings.Contains(outputs["objections --md --redact --all"], "Person A") {
		t.Errorf("objections --md --redact shows no labels:\n%s", outputs["objections --md --redact --all"])
	}
	oneSentence(t, cli(t, path, "", "brief", "1", "--redact=everything"), 2, "sponsor")
	oneSentence(t, cli(t, path, "", "objections", "--redact"), 2, "--md")
}
