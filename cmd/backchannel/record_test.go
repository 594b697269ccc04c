// Long by design: the record-correcting commands' tests (log, edit, delete, remove, merge, undo), one behaviour each.

package main

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"
)

// Tests for the command line that keeps the record true (issue 8): undo,
// redo and history; conversations, room and contact edits and removals; the
// prefix rule; confirmation before a removal; long text from stdin.

// decode parses a command's JSON output into v.
func decode(t *testing.T, r result, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(r.stdout), v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
}

// snapshot is the whole workbook without its history, for "nothing
// changed" and "undo restored it" checks.
func snapshot(t *testing.T, path string) string {
	t.Helper()
	var wb map[string]any
	decode(t, mustOK(t, cli(t, path, "", "export")), &wb)
	delete(wb, "history")
	delete(wb, "exported_at")
	out, _ := json.Marshal(wb)
	return string(out)
}

// historyRows reads `history --json`.
func historyRows(t *testing.T, path string, args ...string) []historyRow {
	t.Helper()
	var rows []historyRow
	decode(t, mustOK(t, cli(t, path, "", append([]string{"history", "--json"}, args...)...)), &rows)
	return rows
}

type talk struct {
	ID        int64  `json:"id"`
	ContactID int64  `json:"contact_id"`
	Person    string `json:"person"`
	Date      string `json:"date"`
	Sentiment int    `json:"sentiment"`
	Said      string `json:"said"`
	Subtext   string `json:"subtext"`
	HeardVia  int64  `json:"heard_via_id"`
}

func conversations(t *testing.T, path string, args ...string) []talk {
	t.Helper()
	var rows []talk
	decode(t, mustOK(t, cli(t, path, "", append([]string{"conversations", "--json"}, args...)...)), &rows)
	return rows
}

type seat struct {
	ID           int64  `json:"id"`
	ContactID    int64  `json:"contact_id"`
	Name         string `json:"name"`
	Role         string `json:"role"`
	Influence    int    `json:"influence"`
	Votes        bool   `json:"votes"`
	Veto         bool   `json:"veto"`
	Stance       string `json:"stance"`
	TargetStance string `json:"target_stance"`
	Spoiler      bool   `json:"spoiler"`
	Wants        string `json:"wants"`
	Plan         struct {
		TargetDate string `json:"target_date"`
		BeforeID   int64  `json:"before_id"`
		Approach   string `json:"approach"`
		Message    string `json:"message"`
		Venue      string `json:"venue"`
		Place      string `json:"place"`
		ViaID      int64  `json:"via_id"`
	} `json:"plan"`
}

func room(t *testing.T, path, proposal string) map[string]seat {
	t.Helper()
	var rows []seat
	decode(t, mustOK(t, cli(t, path, "", "room", "-p", proposal, "--json")), &rows)
	out := map[string]seat{}
	for _, r := range rows {
		out[r.Name] = r
	}
	return out
}

// noTerminal pins the confirmation question to "no terminal" (the default
// under `go test`, said out loud so a test run from a terminal agrees).
func noTerminal(t *testing.T) {
	t.Helper()
	old := stdinIsTerminal
	stdinIsTerminal = func(io.Reader) bool { return false }
	t.Cleanup(func() { stdinIsTerminal = old })
}

// Issue 8, finding 2 and build item 6: "R" matched Raj as a prefix and
// logged a conversation with him for good. A prefix must be 3 characters
// and fit one name; ids and whole names always work.
func TestPrefixUnderThreeCharactersPicksNobody(t *testing.T) {
	path := demoDB(t)
	mustOK(t, cli(t, path, "", "room", "add", "Raj Patel", "-p", "1", "--role", "in the room", "--influence", "3"))
	before := snapshot(t, path)

	r := cli(t, path, "", "log", "R", "-p", "1")
	oneSentence(t, r, 1, `"R" is too short`)
	for _, want := range []string{"Raj Patel", "Rachel Stein", "3 characters"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("the refusal should list %q: %s", want, r.stderr)
		}
	}
	oneSentence(t, cli(t, path, "", "log", "Raj", "-p", "C"), 1, `"C" is too short`)
	if snapshot(t, path) != before {
		t.Fatal("a refused log changed the workbook")
	}

	for _, who := range []string{"Raj", "raj patel", "15", "#15"} {
		out := mustOK(t, cli(t, path, "", "log", who, "-p", "Consolidate onto one data warehouse", "--said", "via "+who)).stdout
		if !strings.Contains(out, "with Raj Patel on") {
			t.Errorf("log %q should name Raj Patel, got %q", who, out)
		}
	}
	if n := len(conversations(t, path, "--person", "Raj Patel")); n != 4 {
		t.Errorf("want 4 conversations with Raj, got %d", n)
	}
	// Two people with the same whole name: the whole name lists both.
	mustOK(t, cli(t, path, "", "contacts", "add", "Raj Patel", "--org", "Other Raj Inc"))
	oneSentence(t, cli(t, path, "", "log", "Raj Patel", "-p", "1"), 1, "matches 2 contacts")
}

// Issue 8, finding 8: the talk, what was raised in it and the new stance
// are one action; one undo takes all of it back.
func TestLogIsOneActionWithWhatWasRaised(t *testing.T) {
	path := demoDB(t)
	before := snapshot(t, path)
	steps := len(historyRows(t, path))
	var logged struct {
		ID         int64  `json:"id"`
		Stance     string `json:"stance"`
		Objections []struct {
			ID           int64  `json:"id"`
			Text         string `json:"text"`
			Severity     string `json:"severity"`
			RaisedByID   int64  `json:"raised_by_id"`
			TouchpointID int64  `json:"touchpoint_id"`
		} `json:"objections"`
		BlindSpots []struct {
			Text         string `json:"text"`
			TouchpointID int64  `json:"touchpoint_id"`
		} `json:"blind_spots"`
	}
	decode(t, mustOK(t, cli(t, path, "", "log", "Dana Reyes", "-p", "1", "--sentiment", "-1", "--said", "Not this quarter.",
		"--objection", "Licences double during the overlap", "--objection", "No rollback plan", "--severity", "blocker",
		"--blindspot", "Finance closes the books in that week", "--stance", "opponent", "--json")), &logged)
	if len(logged.Objections) != 2 || len(logged.BlindSpots) != 1 || logged.Stance != "opponent" {
		t.Fatalf("want 2 objections, 1 blind spot and the stance, got %+v", logged)
	}
	for _, o := range logged.Objections {
		if o.TouchpointID != logged.ID || o.RaisedByID == 0 || o.Severity != "blocker" {
			t.Errorf("objection %+v should be raised by Dana in conversation %d, as a blocker", o, logged.ID)
		}
	}
	if logged.BlindSpots[0].TouchpointID != logged.ID {
		t.Errorf("the blind spot should be tied to the conversation: %+v", logged.BlindSpots[0])
	}
	if s := room(t, path, "1")["Dana Reyes"].Stance; s != "opponent" {
		t.Errorf("Dana's stance is %s, want opponent", s)
	}
	if got := len(historyRows(t, path)); got != steps+1 {
		t.Fatalf("logging made %d undo steps, want 1", got-steps)
	}
	out := mustOK(t, cli(t, path, "", "undo")).stdout
	if !strings.HasPrefix(out, "Undid: logged the conversation with Dana Reyes on") {
		t.Errorf("undo should say what it undid, got %q", out)
	}
	if snapshot(t, path) != before {
		t.Fatal("one undo should take back the talk, its objections, blind spot and stance")
	}
}

// Issue 8, build item 3: undo works from the history across processes and
// restores exactly what was there, ids included; redo brings it back.
func TestUndoAcrossTwoProcesses(t *testing.T) {
	bin := builtBinary(t)
	path := demoDB(t)
	before := snapshot(t, path)
	run := func(args ...string) string {
		t.Helper()
		out, err := command(bin, path, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run("log", "Marcus Oyelaran", "-p", "1", "--said", "Send me the numbers.", "--objection", "Who pays for the overlap?")
	afterLog := snapshot(t, path)
	if afterLog == before {
		t.Fatal("log changed nothing")
	}
	if out := run("undo"); !strings.Contains(out, "Undid: logged the conversation with Marcus Oyelaran") {
		t.Errorf("undo in a second process said %q", out)
	}
	if snapshot(t, path) != before {
		t.Fatal("undo in a second process did not restore the workbook")
	}
	if out := run("redo"); !strings.Contains(out, "Redid: logged the conversation with Marcus Oyelaran") {
		t.Errorf("redo said %q", out)
	}
	if snapshot(t, path) != afterLog {
		t.Fatal("redo did not bring back exactly what was logged (ids included)")
	}
	rows := historyRows(t, path)
	if len(rows) < 3 || rows[0].Kind != "redo" || rows[1].Kind != "undo" || rows[2].Kind != "do" {
		t.Fatalf("history should read redo, undo, log newest first: %+v", rows)
	}
	if rows[1].TargetID != rows[2].ID || rows[0].TargetID != rows[1].ID {
		t.Errorf("undo should point at the log and redo at the undo: %+v", rows[:3])
	}
	if rows[2].State != "redone" || rows[1].State != "undid #"+strconv.FormatInt(rows[2].ID, 10)+", redone" {
		t.Errorf("states: %q %q %q", rows[0].State, rows[1].State, rows[2].State)
	}
}

func TestHistoryJSONAndUndoN(t *testing.T) {
	path := demoDB(t)
	before := snapshot(t, path)
	mustOK(t, cli(t, path, "", "contacts", "set", "Tom Becker", "--title", "Head of BI"))
	mustOK(t, cli(t, path, "", "proposals", "set", "2", "--forum", "Q2 board meeting"))
	mustOK(t, cli(t, path, "", "conversations", "edit", "4", "--sentiment", "-2"))

	rows := historyRows(t, path)
	for i := 1; i < len(rows); i++ {
		if rows[i].ID >= rows[i-1].ID {
			t.Fatalf("history is not newest first: %d then %d", rows[i-1].ID, rows[i].ID)
		}
	}
	want := []string{"Edited the conversation with Dana Reyes", "Edited proposal Give the employee council", "Edited contact Tom Becker"}
	for i, w := range want {
		if !strings.HasPrefix(rows[i].Sentence, w) || rows[i].State != "in effect" || rows[i].Kind != "do" {
			t.Errorf("history[%d] = %+v, want %q in effect", i, rows[i], w)
		}
	}
	for i, w := range []string{"(sentiment)", "(forum)", "(title)"} {
		if !strings.HasSuffix(rows[i].Sentence, w) {
			t.Errorf("history[%d] %q should say what the edit changed, %s", i, rows[i].Sentence, w)
		}
	}
	if p2 := historyRows(t, path, "-p", "2"); len(p2) == 0 || !strings.HasPrefix(p2[0].Sentence, "Edited proposal Give") {
		t.Errorf("history -p 2 should start with the forum change: %+v", p2)
	}

	out := mustOK(t, cli(t, path, "", "undo", "3")).stdout
	if strings.Count(out, "Undid:") != 3 {
		t.Errorf("undo 3 should say three things, got %q", out)
	}
	if snapshot(t, path) != before {
		t.Fatal("undo 3 did not restore the workbook")
	}
	rows = historyRows(t, path)
	for _, r := range rows[3:6] {
		if !r.Undone || r.State != "undone" {
			t.Errorf("%q should be undone: %+v", r.Sentence, r)
		}
	}
	oneSentence(t, cli(t, path, "", "undo", "0"), 2, "from 1 to 100")
	oneSentence(t, cli(t, path, "", "history", "--limit", "0"), 2, "--limit")
	table := mustOK(t, cli(t, path, "", "history")).stdout
	if !strings.Contains(table, "undone") || !strings.Contains(table, "Undid: edited contact Tom Becker") {
		t.Errorf("history table should show states and words:\n%s", table)
	}
}

func TestNothingToUndoOrRedo(t *testing.T) {
	path := initDB(t)
	oneSentence(t, cli(t, path, "", "undo"), 1, "nothing to undo")
	oneSentence(t, cli(t, path, "", "redo"), 1, "nothing to redo")
	mustOK(t, cli(t, path, "", "contacts", "add", "Zed"))
	out := mustOK(t, cli(t, path, "", "undo", "5")).stdout
	if !strings.Contains(out, "Undid: added contact Zed") || !strings.Contains(out, "Nothing to undo; that was all.") {
		t.Errorf("undo 5 with one step should undo it and say that was all: %q", out)
	}
}

func initDB(t *testing.T) string {
	t.Helper()
	path := privateDir(t) + "/w.db"
	mustOK(t, cli(t, path, "", "init"))
	return path
}

func TestConversationsEditAndDelete(t *testing.T) {
	noTerminal(t)
	path := demoDB(t)
	dana := conversations(t, path, "-p", "1", "--person", "Dana Reyes")
	if len(dana) != 3 {
		t.Fatalf("the demo has 3 talks with Dana on proposal 1, got %d", len(dana))
	}
	for i := 1; i < len(dana); i++ {
		if dana[i].Date > dana[i-1].Date {
			t.Errorf("conversations are not newest first: %s then %s", dana[i-1].Date, dana[i].Date)
		}
	}
	id := strconv.FormatInt(dana[0].ID, 10)
	if newest := conversations(t, path, "-p", "1", "--person", "Dana Reyes", "-n", "1"); len(newest) != 1 || newest[0].ID != dana[0].ID {
		t.Errorf("-n 1 should keep only the newest: %+v", newest)
	}

	// Issue 8, finding 1: a sentiment logged wrong can be put right, and
	// long text comes from standard input.
	mustOK(t, cli(t, path, "She never said yes.\n", "conversations", "edit", id, "--sentiment", "-2", "--subtext", "-", "--date", "tuesday", "--heard-via", "Tom Becker"))
	got := conversations(t, path, "--person", "Dana Reyes", "-p", "1")[0]
	if got.ID != dana[0].ID || got.Sentiment != -2 || got.Subtext != "She never said yes." || got.Said != dana[0].Said || got.Date != "2026-11-17" || got.HeardVia != 4 {
		t.Errorf("edit changed the wrong fields: %+v (was %+v)", got, dana[0])
	}
	oneSentence(t, cli(t, path, "", "conversations", "edit", id), 2, "nothing to change")
	oneSentence(t, cli(t, path, "", "conversations", "edit", id, "--date", "+2d"), 2, "future")
	oneSentence(t, cli(t, path, "", "conversations", "edit", "x1"), 2, "must be a number")
	oneSentence(t, cli(t, path, "", "conversations", "edit", "999", "--sentiment", "1"), 1, "999")

	before := snapshot(t, path)
	r := cli(t, path, "", "conversations", "delete", id)
	oneSentence(t, r, 2, "--yes")
	if !strings.Contains(r.stderr, "the conversation with Dana Reyes on") {
		t.Errorf("the refusal should say what would go: %s", r.stderr)
	}
	if snapshot(t, path) != before {
		t.Fatal("a refused delete changed the workbook")
	}
	mustOK(t, cli(t, path, "", "conversations", "delete", id, "--yes"))
	if n := len(conversations(t, path, "--person", "Dana Reyes", "-p", "1")); n != 2 {
		t.Errorf("want 2 talks left, got %d", n)
	}
	mustOK(t, cli(t, path, "", "undo"))
	if snapshot(t, path) != before {
		t.Fatal("undo did not bring the conversation back as it was")
	}
}

// A new person gets no invented role or influence (issue 8, finding 5):
// room add requires both and leaves everything else unset.
func TestRoomAddSetRemove(t *testing.T) {
	noTerminal(t)
	path := demoDB(t)
	before := snapshot(t, path)
	oneSentence(t, cli(t, path, "", "room", "add", "Raj Patel", "-p", "1"), 2, "--role and --influence")
	oneSentence(t, cli(t, path, "", "room", "add", "Raj Patel", "-p", "1", "--role", "dm"), 2, "--influence")
	oneSentence(t, cli(t, path, "", "room", "add", "Raj Patel", "-p", "1", "--role", "dm", "--influence", "9"), 1, "1 to 5")
	// A prefix of someone else's name is neither them nor a new person.
	oneSentence(t, cli(t, path, "", "room", "add", "Dan", "-p", "2", "--role", "affected", "--influence", "1"), 1, "--new")
	oneSentence(t, cli(t, path, "", "room", "add", "Dana Reyes", "-p", "1", "--role", "affected", "--influence", "1"), 1, "already on")
	oneSentence(t, cli(t, path, "", "room", "add", "99", "-p", "1", "--role", "affected", "--influence", "1"), 1, "no contact 99")
	if snapshot(t, path) != before {
		t.Fatal("refused room adds changed the workbook")
	}

	steps := len(historyRows(t, path))
	out := mustOK(t, cli(t, path, "", "room", "add", "Raj Patel", "-p", "1", "--role", "in the room", "--influence", "3", "--title", "VP Sales")).stdout
	if !strings.Contains(out, "new contact") || !strings.Contains(out, "stance unknown; no vote, no veto") {
		t.Errorf("room add should say what it made and what is unset: %q", out)
	}
	if got := len(historyRows(t, path)); got != steps+1 {
		t.Errorf("adding a new person made %d undo steps, want 1", got-steps)
	}
	raj := room(t, path, "1")["Raj Patel"]
	if raj.Role != "in the room" || raj.Influence != 3 || raj.Votes || raj.Veto || raj.Stance != "unknown" || raj.TargetStance != "unknown" || raj.Plan.Approach != "unset" {
		t.Errorf("a new person should have only what was given: %+v", raj)
	}
	// An existing contact by whole name or id; --new makes another.
	mustOK(t, cli(t, path, "", "room", "add", "Kwame Mensah", "-p", "1", "--role", "affected", "--influence", "1"))
	mustOK(t, cli(t, path, "", "room", "add", "Dan", "-p", "2", "--role", "affected", "--influence", "1", "--new"))
	oneSentence(t, cli(t, path, "", "room", "add", "1", "-p", "3", "--role", "affected", "--influence", "1", "--title", "x"), 2, "contacts set")

	// room set: every field, plan included, from flags and stdin.
	mustOK(t, cli(t, path, "Bring the licence numbers.", "room", "set", "Raj", "-p", "1", "--role", "dm", "--influence", "4",
		"--votes", "--veto=no", "--stance", "skeptic", "--target", "supporter", "--spoiler", "--wants", "a quiet Q1",
		"--when", "2026-11-25", "--before", "Dana Reyes", "--approach", "ask", "--message", "-", "--venue", "coffee",
		"--place", "the lobby café", "--via", "Priya"))
	raj = room(t, path, "1")["Raj Patel"]
	dana := room(t, path, "1")["Dana Reyes"]
	if raj.Role != "decision-maker" || raj.Influence != 4 || !raj.Votes || raj.Veto || raj.Stance != "skeptic" || raj.TargetStance != "supporter" ||
		!raj.Spoiler || raj.Wants != "a quiet Q1" || raj.Plan.TargetDate != "2026-11-25" || raj.Plan.BeforeID != dana.ID ||
		raj.Plan.Approach != "ask" || raj.Plan.Message != "Bring the licence numbers." || raj.Plan.Venue != "coffee/lunch" ||
		raj.Plan.Place != "the lobby café" || raj.Plan.ViaID != 3 {
		t.Errorf("room set did not set every field: %+v", raj)
	}
	mustOK(t, cli(t, path, "", "room", "set", "Raj", "-p", "1", "--before", "", "--via", "", "--place", ""))
	raj = room(t, path, "1")["Raj Patel"]
	if raj.Plan.BeforeID != 0 || raj.Plan.ViaID != 0 || raj.Plan.Place != "" || raj.Plan.Venue != "coffee/lunch" {
		t.Errorf("empty values should clear only those fields: %+v", raj.Plan)
	}
	oneSentence(t, cli(t, path, "", "room", "set", "Raj", "-p", "1"), 2, "nothing to change")
	oneSentence(t, cli(t, path, "", "room", "set", "Raj", "-p", "1", "--votes=maybe"), 2, "yes or no")
	oneSentence(t, cli(t, path, "", "room", "set", "Ingrid Larsen", "-p", "1", "--stance", "neutral"), 1, "not a stakeholder of \"Consolidate onto one data warehouse\"; put them on it with `backchannel room add 10 -p 1")

	// room remove: Dana has 3 conversations on proposal 1.
	mustOK(t, cli(t, path, "", "room", "set", "Raj", "-p", "1", "--before", "Dana Reyes"))
	beforeRemove := snapshot(t, path)
	r := cli(t, path, "", "room", "remove", "Dana Reyes", "-p", "1")
	oneSentence(t, r, 2, "--yes")
	if !strings.Contains(r.stderr, "3 conversations deleted with it") || !strings.Contains(r.stderr, "in others' plans cleared") {
		t.Errorf("the refusal should say what goes with the removal: %s", r.stderr)
	}
	mustOK(t, cli(t, path, "", "room", "remove", "Dana Reyes", "-p", "1", "--yes"))
	if _, on := room(t, path, "1")["Dana Reyes"]; on {
		t.Fatal("Dana is still on the proposal")
	}
	if n := len(conversations(t, path, "-p", "1", "--person", "Dana Reyes")); n != 0 {
		t.Errorf("her conversations on proposal 1 should go with her, %d left", n)
	}
	if n := len(conversations(t, path, "--person", "Dana Reyes")); n == 0 {
		t.Error("her conversations on other proposals should stay")
	}
	if room(t, path, "1")["Raj Patel"].Plan.BeforeID != 0 {
		t.Error("Raj's plan should no longer name Dana")
	}
	mustOK(t, cli(t, path, "", "undo"))
	if snapshot(t, path) != beforeRemove {
		t.Fatal("undo did not bring Dana back with her conversations and the plan reference")
	}
}

func TestContactsSetMergeArchiveDelete(t *testing.T) {
	noTerminal(t)
	path := demoDB(t)
	type contact struct {
		ID       int64  `json:"id"`
		Name     string `json:"name"`
		Title    string `json:"title"`
		Email    string `json:"email"`
		Aliases  string `json:"aliases"`
		Notes    string `json:"notes"`
		Kind     string `json:"partner_kind"`
		Archived bool   `json:"archived"`
		Cadence  int    `json:"cadence_days"`
	}
	contacts := func() map[string]contact {
		var rows []contact
		decode(t, mustOK(t, cli(t, path, "", "contacts", "--json", "--all")), &rows)
		out := map[string]contact{}
		for _, c := range rows {
			out[c.Name] = c
		}
		return out
	}
	mustOK(t, cli(t, path, "Knows everyone in finance.\nPrefers mornings.", "contacts", "set", "Tom Becker", "--name", "Thomas Becker",
		"--aliases", "TB, Tommy", "--kind", "lateral", "--notes", "-"))
	tom := contacts()["Thomas Becker"]
	if tom.ID != 4 || tom.Aliases != "TB, Tommy" || tom.Kind != "lateral" || tom.Notes != "Knows everyone in finance.\nPrefers mornings." {
		t.Errorf("contacts set: %+v", tom)
	}
	oneSentence(t, cli(t, path, "", "contacts", "set", "4", "--cadence", "often"), 2, "number of days")
	// The cadence reads as the contact form reads it (model.ParseCadence).
	mustOK(t, cli(t, path, "", "contacts", "set", "4", "--cadence", "21d"))
	if got := contacts()["Thomas Becker"].Cadence; got != 21 {
		t.Errorf("--cadence 21d gave %d days, want 21", got)
	}
	oneSentence(t, cli(t, path, "a", "contacts", "set", "4", "--notes", "-", "--value", "-"), 2, "only one flag")

	mustOK(t, cli(t, path, "", "contacts", "archive", "Thomas Becker"))
	if !contacts()["Thomas Becker"].Archived {
		t.Error("archive did not archive")
	}
	mustOK(t, cli(t, path, "", "contacts", "unarchive", "4"))
	if contacts()["Thomas Becker"].Archived {
		t.Error("unarchive did not bring him back")
	}

	// A duplicate from an import: merge it into the original.
	mustOK(t, cli(t, path, "", "contacts", "add", "Dana R.", "--email", "dana.r@example.com"))
	dup := contacts()["Dana R."]
	mustOK(t, cli(t, path, "", "room", "add", strconv.FormatInt(dup.ID, 10), "-p", "2", "--role", "affected", "--influence", "1"))
	mustOK(t, cli(t, path, "", "log", strconv.FormatInt(dup.ID, 10), "-p", "2", "--said", "from the duplicate"))
	before := snapshot(t, path)
	r := cli(t, path, "", "contacts", "merge", "Dana Reyes", "Dana R.")
	oneSentence(t, r, 2, "--yes")
	if !strings.Contains(r.stderr, "1 conversation move to contact 1") {
		t.Errorf("the refusal should say what moves: %s", r.stderr)
	}
	mustOK(t, cli(t, path, "", "contacts", "merge", "Dana Reyes", "Dana R.", "--yes"))
	after := contacts()
	if _, ok := after["Dana R."]; ok {
		t.Fatal("the duplicate is still there")
	}
	if after["Dana Reyes"].Email == "" {
		t.Error("an empty field of the kept contact should take the duplicate's value")
	}
	talks := conversations(t, path, "-p", "2", "--person", "Dana Reyes")
	if len(talks) == 0 || talks[0].Said != "from the duplicate" {
		t.Errorf("the duplicate's conversation should now be Dana's: %+v", talks)
	}
	oneSentence(t, cli(t, path, "", "contacts", "merge", "1", "Dana Reyes", "--yes"), 2, "same contact")
	mustOK(t, cli(t, path, "", "undo"))
	if snapshot(t, path) != before {
		t.Fatal("undo did not split the merged contacts again")
	}

	// Delete: refused while referenced, asked for otherwise.
	oneSentence(t, cli(t, path, "", "contacts", "delete", "Dana Reyes", "--yes"), 1, "archive or merge")
	mustOK(t, cli(t, path, "", "contacts", "add", "Typo Person"))
	oneSentence(t, cli(t, path, "", "contacts", "delete", "Typo Person"), 2, "--yes")
	mustOK(t, cli(t, path, "", "contacts", "delete", "Typo Person", "--yes"))
	if _, ok := contacts()["Typo Person"]; ok {
		t.Error("delete did not delete")
	}
}

func TestProposalsSetArchiveUnarchive(t *testing.T) {
	path := demoDB(t)
	type proposal struct {
		ID     int64  `json:"id"`
		Title  string `json:"title"`
		Ask    string `json:"ask"`
		Status string `json:"status"`
		Rule   string `json:"decision_rule"`
		Date   string `json:"decision_date"`
	}
	get := func(id int64) proposal {
		var rows []proposal
		decode(t, mustOK(t, cli(t, path, "", "proposals", "--json", "--all")), &rows)
		for _, p := range rows {
			if p.ID == id {
				return p
			}
		}
		t.Fatalf("no proposal %d", id)
		return proposal{}
	}
	mustOK(t, cli(t, path, "Move the board seat decision to Q2.\n", "proposals", "set", "2", "--ask", "-", "--rule", "consensus", "--date", "2027-03-01"))
	p := get(2)
	if p.Ask != "Move the board seat decision to Q2." || p.Rule != "consensus" || p.Date != "2027-03-01" {
		t.Errorf("proposals set: %+v", p)
	}
	oneSentence(t, cli(t, path, "", "proposals", "set", "2"), 2, "nothing to change")
	mustOK(t, cli(t, path, "", "proposals", "archive", "2"))
	if get(2).Status != "archived" {
		t.Fatal("archive did not archive")
	}
	if h := historyRows(t, path)[0].Sentence; !strings.HasPrefix(h, "Archived proposal Give the employee council") {
		t.Errorf("the undo log should say the proposal was archived: %q", h)
	}
	out := mustOK(t, cli(t, path, "", "proposals", "unarchive", "2")).stdout
	if get(2).Status != "prewiring" || !strings.Contains(out, "is prewiring") {
		t.Errorf("unarchive should bring back the status it had: %q, %+v", out, get(2))
	}
	// Archived from the start: the history cannot say, so the person must.
	mustOK(t, cli(t, path, "", "proposals", "add", "Old idea", "--status", "archived"))
	oneSentence(t, cli(t, path, "", "proposals", "unarchive", "Old idea"), 2, "give --status")
	mustOK(t, cli(t, path, "", "proposals", "unarchive", "Old idea", "--status", "draft"))
}

func TestObjectionsAndBlindSpotsEditAndDelete(t *testing.T) {
	noTerminal(t)
	path := demoDB(t)
	mustOK(t, cli(t, path, "Dashboards break during the cut-over.\n", "objections", "set", "2", "--text", "-", "--severity", "blocker"))
	var objs []struct {
		ID       int64  `json:"id"`
		Text     string `json:"text"`
		Severity string `json:"severity"`
	}
	decode(t, mustOK(t, cli(t, path, "", "objections", "--json", "--all")), &objs)
	found := false
	for _, o := range objs {
		if o.ID == 2 {
			found = o.Text == "Dashboards break during the cut-over." && o.Severity == "blocker"
		}
	}
	if !found {
		t.Errorf("objection 2 was not reworded: %+v", objs)
	}
	before := snapshot(t, path)
	oneSentence(t, cli(t, path, "", "objections", "delete", "2"), 2, "--yes")
	oneSentence(t, cli(t, path, "", "blindspots", "delete", "1"), 2, "--yes")
	if snapshot(t, path) != before {
		t.Fatal("refused deletes changed the workbook")
	}
	mustOK(t, cli(t, path, "", "objections", "delete", "2", "--yes"))
	mustOK(t, cli(t, path, "Asked finance.", "blindspots", "set", "1", "--how", "-", "--text", "Ad-hoc jobs have owners"))
	mustOK(t, cli(t, path, "", "blindspots", "delete", "1", "--yes"))
	oneSentence(t, cli(t, path, "", "objections", "set", "2", "--status", "resolved"), 1, "2")
	mustOK(t, cli(t, path, "", "undo", "3"))
	if snapshot(t, path) != before {
		t.Fatal("undo 3 did not restore the objection and blind spot")
	}
	// objections add and blindspots add take their TEXT from stdin too.
	mustOK(t, cli(t, path, "Costs double for a quarter.", "objections", "add", "-", "-p", "1"))
	mustOK(t, cli(t, path, "Nobody asked the auditors.", "blindspots", "add", "-", "-p", "1"))
	out := mustOK(t, cli(t, path, "", "objections", "-p", "1", "--search", "double")).stdout
	if !strings.Contains(out, "Costs double") {
		t.Errorf("objection from stdin not found:\n%s", out)
	}
}

// On a terminal a removal asks once, saying what goes with it; anything
// but yes keeps everything.
func TestRemovalAsksOnATerminal(t *testing.T) {
	old := stdinIsTerminal
	stdinIsTerminal = func(io.Reader) bool { return true }
	t.Cleanup(func() { stdinIsTerminal = old })
	path := demoDB(t)
	before := snapshot(t, path)
	for _, answer := range []string{"n\n", "\n", "", "maybe\n"} {
		r := cli(t, path, answer, "room", "remove", "Dana Reyes", "-p", "1")
		if r.code != 1 || !strings.Contains(r.stderr, "Remove Dana Reyes from Consolidate onto one data warehouse? 3 conversations deleted with it") ||
			!strings.Contains(r.stderr, "[y/N]") || !strings.Contains(r.stderr, "nothing was changed") {
			t.Errorf("answer %q: exit %d, stderr %q", answer, r.code, r.stderr)
		}
	}
	if snapshot(t, path) != before {
		t.Fatal("a removal not confirmed changed the workbook")
	}
	r := mustOK(t, cli(t, path, "y\n", "room", "remove", "Dana Reyes", "-p", "1"))
	if strings.Count(r.stderr, "[y/N]") != 1 || !strings.Contains(r.stdout, "Removed Dana Reyes") {
		t.Errorf("yes should remove after one question: %+v", r)
	}
}

func TestLongTextFromStdin(t *testing.T) {
	path := demoDB(t)
	said := "Line one.\nLine two with a secret."
	mustOK(t, cli(t, path, said+"\n", "log", "Dana Reyes", "-p", "1", "--said", "-"))
	if got := conversations(t, path, "-p", "1", "--person", "Dana Reyes")[0].Said; got != said {
		t.Errorf("said from stdin = %q, want %q", got, said)
	}
	oneSentence(t, cli(t, path, "x", "log", "Dana Reyes", "-p", "1", "--said", "-", "--subtext", "-"), 2, "only one flag")
	oneSentence(t, cli(t, path, "", "log", "Dana Reyes", "-p", "1", "--severity", "blocker"), 2, "--objection")
	// A literal dash inside text is just text.
	mustOK(t, cli(t, path, "", "log", "Dana Reyes", "-p", "1", "--said", "- fine -"))
}

func TestCompletionOffersConversationIdsAndPeople(t *testing.T) {
	path := demoDB(t)
	r := mustOK(t, cli(t, path, "", "__complete", "conversations", "delete", "1"))
	if !strings.Contains(r.stdout, "14\t2026-11-16 Dana Reyes") {
		t.Errorf("conversation ids should complete with day and person: %q", r.stdout)
	}
	r = mustOK(t, cli(t, path, "", "__complete", "room", "remove", "-p", "1", "Pri"))
	if !strings.Contains(r.stdout, "Priya Natarajan") {
		t.Errorf("room remove should complete people: %q", r.stdout)
	}
	r = mustOK(t, cli(t, path, "", "__complete", "room", "set", "Dana", "--target", ""))
	if !strings.Contains(r.stdout, "champion") {
		t.Errorf("--target should complete stances: %q", r.stdout)
	}
	r = mustOK(t, cli(t, path, "", "__complete", "contacts", "merge", "Dana Reyes", "To"))
	if !strings.Contains(r.stdout, "Tom Becker") {
		t.Errorf("contacts merge should complete contacts: %q", r.stdout)
	}
}
