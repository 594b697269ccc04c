package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/readiness"
)

// The "done when", part one: on the demo the agenda lists the
// overdue talk with Hiroshi Tanaka first.
func TestAgendaOnTheDemo(t *testing.T) {
	path := demoDB(t)
	out := mustOK(t, cli(t, path, "", "agenda")).stdout
	lines := strings.Split(out, "\n")
	first := ""
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "1. ") {
			first = l
			break
		}
	}
	if !strings.Contains(first, "Hiroshi Tanaka") || !strings.Contains(out, "Overdue talks") {
		t.Fatalf("the agenda does not start with the overdue talk with Hiroshi Tanaka:\n%s", out)
	}
	var ag readiness.Agenda
	js := mustOK(t, cli(t, path, "", "agenda", "--json", "--days", "14")).stdout
	if err := json.Unmarshal([]byte(js), &ag); err != nil {
		t.Fatal(err)
	}
	if ag.Days != 14 || len(ag.Items) == 0 || ag.Items[0].Who != "Hiroshi Tanaka" || ag.Items[0].Kind != readiness.AgendaOverdueTalk {
		t.Errorf("JSON agenda = %+v", ag)
	}
	if r := cli(t, path, "", "agenda", "--days", "0"); r.code != 2 {
		t.Errorf("--days 0: exit %d, want 2", r.code)
	}
}

// The "done when", part two: the calendar imports into a parser
// (an independent one: github.com/arran4/golang-ical) with one event per
// dated planned talk, and names nobody by default.
func TestCalendarParsesBackWithOneEventPerDatedTalk(t *testing.T) {
	path := demoDB(t)
	dir := privateDir(t)
	file := filepath.Join(dir, "plan.ics")
	r := mustOK(t, cli(t, path, "", "calendar", "-o", file))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(string(data)))
	if err != nil {
		t.Fatalf("the calendar does not parse: %v\n%s", err, data)
	}
	wb := demo.Workbook(model.NewDate(2026, 11, 21))
	open := map[int64]bool{}
	for _, p := range wb.Proposals {
		open[p.ID] = p.Status.Open()
	}
	talks := map[string]model.Date{}
	for _, s := range wb.Stakeholders {
		if open[s.ProposalID] && !s.Plan.Done && !s.Plan.TargetDate.IsZero() {
			talks[uidPrefix("talk", s.ID)] = s.Plan.TargetDate
		}
	}
	seen := map[string]int{}
	for _, ev := range cal.Events() {
		uid := ev.Id()
		start, err := ev.GetAllDayStartAt()
		if err != nil {
			t.Fatalf("event %s has no all-day start: %v", uid, err)
		}
		for prefix, day := range talks {
			if strings.HasPrefix(uid, prefix) {
				seen[prefix]++
				if model.DateOf(start) != day {
					t.Errorf("event %s is on %s, want %s", uid, model.DateOf(start), day)
				}
			}
		}
		text := ics.FromText(prop(ev, ics.ComponentPropertySummary)) + "\n" + ics.FromText(prop(ev, ics.ComponentPropertyDescription)) +
			"\n" + ics.FromText(prop(ev, ics.ComponentPropertyLocation))
		for _, c := range wb.Contacts {
			for _, part := range strings.Fields(c.Name) {
				if strings.Contains(text, part) {
					t.Errorf("event %s names %s (%q) without --names:\n%s", uid, c.Name, part, text)
				}
			}
		}
	}
	if len(seen) != len(talks) {
		t.Errorf("%d dated planned talks, %d found in the calendar", len(talks), len(seen))
	}
	for prefix, n := range seen {
		if n != 1 {
			t.Errorf("talk %s has %d events, want 1", prefix, n)
		}
	}
	if !strings.Contains(r.stderr, "wrote") {
		t.Errorf("stderr = %q", r.stderr)
	}

	// Exported again, every event keeps its UID; with --names people are named.
	again := mustOK(t, cli(t, path, "", "calendar", "--names")).stdout
	cal2, err := ics.ParseCalendar(strings.NewReader(again))
	if err != nil {
		t.Fatal(err)
	}
	if uids(cal2) != uids(cal) {
		t.Errorf("UIDs changed between exports:\n%s\n%s", uids(cal), uids(cal2))
	}
	if !strings.Contains(again, "Hiroshi Tanaka") {
		t.Error("--names does not name people")
	}
	for _, line := range strings.Split(again, "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
	}
}

func uidPrefix(kind string, id int64) string { return kind + "-" + strconv.FormatInt(id, 10) + "-" }

func prop(ev *ics.VEvent, p ics.ComponentProperty) string {
	if v := ev.GetProperty(p); v != nil {
		return v.Value
	}
	return ""
}

func uids(cal *ics.Calendar) string {
	var out []string
	for _, ev := range cal.Events() {
		out = append(out, ev.Id())
	}
	return strings.Join(out, " ")
}

// The "done when", part three: searching ERP finds the CFO's
// objection and the conversations that mention it, marked.
func TestSearchERPOnTheDemo(t *testing.T) {
	path := demoDB(t)
	out := mustOK(t, cli(t, path, "", "search", "ERP")).stdout
	for _, want := range []string{"Dana Reyes", "objection", "The [ERP] migration overran", "conversation", "Not before the [ERP] overrun"} {
		if !strings.Contains(out, want) {
			t.Errorf("search ERP lacks %q:\n%s", want, out)
		}
	}
	var groups []model.SearchGroup
	js := mustOK(t, cli(t, path, "", "search", "erp", "--json")).stdout
	if err := json.Unmarshal([]byte(js), &groups); err != nil {
		t.Fatal(err)
	}
	if len(groups) != 1 || len(groups[0].People) == 0 || groups[0].People[0].ContactName != "Dana Reyes" {
		t.Errorf("grouped results = %+v", groups)
	}
	if r := cli(t, path, "", "search", "--", "-*"); r.code != 2 || !strings.Contains(r.stderr, "word") {
		t.Errorf("a search with no words: exit %d, %q", r.code, r.stderr)
	}
	if r := mustOK(t, cli(t, path, "", "search", "zzzz")); !strings.Contains(r.stdout, "Nothing") {
		t.Errorf("no match says %q", r.stdout)
	}
}

// log takes a commitment; the agenda shows it; a commitment with no
// words is refused and nothing is stored.
func TestLogCommitment(t *testing.T) {
	path := demoDB(t)
	r := mustOK(t, cli(t, path, "", "log", "Hiroshi", "-p", "1", "--follow-up", "Send the residency memo.", "--owes", "me", "--due", "+2d", "--json"))
	var tp model.Touchpoint
	if err := json.Unmarshal([]byte(r.stdout), &tp); err != nil {
		t.Fatal(err)
	}
	if tp.Commitment != model.CommitmentMine || tp.CommitmentDue != model.NewDate(2026, 11, 23) {
		t.Errorf("logged %+v", tp)
	}
	out := mustOK(t, cli(t, path, "", "agenda")).stdout
	if !strings.Contains(out, "Send the residency memo.") {
		t.Errorf("the new commitment is not on the agenda:\n%s", out)
	}
	if strings.Contains(out, "Overdue talks") && strings.Contains(strings.Split(out, "On the critical path")[0], "Hiroshi") {
		t.Errorf("logging the talk with Hiroshi did not take it off the agenda:\n%s", out)
	}
	for _, args := range [][]string{
		{"log", "Dana", "-p", "1", "--owes", "me"},
		{"log", "Dana", "-p", "1", "--follow-up", "x", "--due", "friday"},
		{"log", "Dana", "-p", "1", "--follow-up", "x", "--owes", "nobody"},
	} {
		if r := cli(t, path, "", args...); r.code == 0 || r.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// agenda done marks a commitment kept: it leaves the agenda; --undone
// brings it back; a conversation without one is refused.
func TestAgendaDoneMarksACommitmentKept(t *testing.T) {
	path := demoDB(t)
	var ag readiness.Agenda
	if err := json.Unmarshal([]byte(mustOK(t, cli(t, path, "", "agenda", "--json")).stdout), &ag); err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, it := range ag.Items {
		if it.Kind == readiness.AgendaCommitment {
			id = it.TouchpointID
		}
	}
	if id == 0 {
		t.Fatal("the demo agenda has no commitment")
	}
	ref := strconv.FormatInt(id, 10)
	if out := mustOK(t, cli(t, path, "", "agenda")).stdout; !strings.Contains(out, "backchannel agenda done "+ref) {
		t.Errorf("the agenda does not say how to mark the commitment kept:\n%s", out)
	}
	mustOK(t, cli(t, path, "", "agenda", "done", ref))
	if out := mustOK(t, cli(t, path, "", "agenda")).stdout; strings.Contains(out, "Commitments due") {
		t.Errorf("a kept commitment is still on the agenda:\n%s", out)
	}
	mustOK(t, cli(t, path, "", "agenda", "done", ref, "--undone"))
	if out := mustOK(t, cli(t, path, "", "agenda")).stdout; !strings.Contains(out, "Commitments due") {
		t.Errorf("a commitment opened again is not on the agenda:\n%s", out)
	}
	if r := cli(t, path, "", "agenda", "done", "1"); r.code == 0 || !strings.Contains(r.stderr, "no commitment") {
		t.Errorf("a conversation without a commitment: exit %d, %q", r.code, r.stderr)
	}
}

// The calendar is built one proposal at a time (issue 13: it held every
// proposal's dossier at once, 177 MB on the 200k workbook) and is exactly
// the calendar of all the dossiers at once, names or role labels, on a
// workbook whose people sit on several proposals.
func TestCalendarOneProposalAtATime(t *testing.T) {
	path := filepath.Join(privateDir(t), "w.db")
	mustOK(t, cli(t, path, "", "demo", "--proposals", "6", "--stakeholders", "8", "--conversations", "60", "--contacts", "20"))
	store, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	day := model.NewDate(2026, 11, 21)
	ds, err := store.ListDossiers(context.Background(), day, false)
	if err != nil {
		t.Fatal(err)
	}
	contacts, err := store.ListContacts(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	store.Close()
	for _, names := range []bool{true, false} {
		events, buildErr := readiness.BuildCalendar(ds, contacts, readiness.CalendarOptions{Names: names})
		args := []string{"calendar"}
		if names {
			args = append(args, "--names")
		}
		r := cli(t, path, "", args...)
		if buildErr != nil {
			// A generated workbook names nobody in free text: a refusal
			// here is the guard misreading the calendar's own words.
			t.Fatalf("names %v: the calendar of a generated workbook is refused: %v", names, buildErr)
		}
		want, err := encodeCalendar(events)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) == 0 {
			t.Fatalf("names %v: no events, nothing compared", names)
		}
		if r.code != 0 || r.stdout != string(guardTerminal(want)) {
			t.Errorf("names %v: exit %d, the calendar differs from the one of all the dossiers at once (%d bytes, want %d)", names, r.code, len(r.stdout), len(want))
		}
	}
}

// The default calendar of a generated workbook is written (issue 10's
// fail-closed guard read one proposal's two-letter labels, "Implementer
// AF", as initials when it checked the next proposal's events), whole and
// one proposal at a time, and the same proposals' redacted briefs print.
func TestCalendarOfGeneratedWorkbookIsWritten(t *testing.T) {
	path := filepath.Join(privateDir(t), "w.db")
	mustOK(t, cli(t, path, "", "demo", "--proposals", "3", "--stakeholders", "60", "--conversations", "100"))
	r := cli(t, path, "", "calendar")
	if r.code != 0 {
		t.Fatalf("the calendar of a generated workbook: exit %d, %s", r.code, r.stderr)
	}
	whole := strings.Count(r.stdout, "BEGIN:VEVENT")
	sum := 0
	for _, p := range []string{"1", "2", "3"} {
		one := cli(t, path, "", "calendar", "-p", p)
		if one.code != 0 {
			t.Fatalf("calendar -p %s: exit %d, %s", p, one.code, one.stderr)
		}
		sum += strings.Count(one.stdout, "BEGIN:VEVENT")
		if b := cli(t, path, "", "brief", p, "--redact"); b.code != 0 || b.stdout == "" {
			t.Errorf("brief %s --redact: exit %d, %s", p, b.code, b.stderr)
		}
	}
	if whole == 0 || whole != sum {
		t.Errorf("%d events in the calendar, %d in the proposals' calendars", whole, sum)
	}
}
