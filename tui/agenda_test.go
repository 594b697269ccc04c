package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// The Agenda and search screens at 80×24 and 120×40.
func TestGoldenAgenda(t *testing.T) {
	runGolden(t, []scenario{
		{"agenda_demo", demoBook, func(d *driver) { d.press("T") }},
		{"agenda_commitment", demoBook, func(d *driver) { d.press("T", "G") }},
		{"agenda_empty", emptyStore, func(d *driver) { d.press("T") }},
		{"search_typing", demoBook, func(d *driver) { d.press("/"); d.typ("overrun") }},
		{"search_results", demoBook, func(d *driver) { d.press("/"); d.typ("overrun"); d.press("enter", "down") }},
		{"log_commitment", demoBook, func(d *driver) {
			d.press("enter", "2", "l", "enter", "enter", "enter", "enter", "enter", "up", "enter")
			d.typ("Fine by me")
			d.press("enter", "enter")
			d.typ("Send the memo")
			d.press("enter", "right")
		}},
	})
}

// T opens the Agenda from every screen that is not holding typed input,
// and ? lists it.
func TestAgendaKeyFromEveryScreen(t *testing.T) {
	for name, keys := range map[string][]string{
		"dashboard":  nil,
		"workspace":  {"enter"},
		"room":       {"enter", "2"},
		"contacts":   {"c"},
		"objections": {"o"},
	} {
		t.Run(name, func(t *testing.T) {
			d := newDriver(t, demoStore(t), 100, 30)
			d.press(keys...)
			d.press("?")
			d.mustSee("today's agenda")
			d.press("esc", "T")
			if d.app.state() != screenAgenda {
				t.Fatalf("T from %s left the app on screen %d", name, d.app.state())
			}
			d.mustSee("Hiroshi Tanaka", "overdue")
		})
	}
	// In a form's text field T is a letter.
	d := newDriver(t, demoStore(t), 100, 30)
	d.press("n")
	d.typ("T")
	if d.app.state() == screenAgenda {
		t.Error("T typed into the new proposal's title opened the Agenda")
	}
}

// enter on the first line logs the talk with Hiroshi; once logged, it
// leaves the agenda at once.
func TestAgendaLogTheTalkAndItLeaves(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 100, 30)
	d.press("T")
	d.mustSee("Hiroshi Tanaka")
	d.press("enter")
	if d.app.state() != screenLog {
		t.Fatalf("enter on an overdue talk opened screen %d, want the log", d.app.state())
	}
	d.mustSee("Hiroshi Tanaka")
	d.press("enter", "enter", "enter", "enter", "enter", "enter")
	d.typ("Wants the residency memo.")
	d.press("enter", "enter", "enter", "enter", "enter", "enter", "enter") // subtext, follow-up, objections, severity, blind spots, stance, save
	if d.app.state() != screenAgenda {
		t.Fatalf("after logging, screen %d, want the agenda", d.app.state())
	}
	for _, it := range d.app.agenda.ag.Items {
		if it.Who == "Hiroshi Tanaka" && it.Kind.IsTalk() {
			t.Fatalf("the talk with Hiroshi is still on the agenda: %+v", it)
		}
	}
	d.mustNotSee("overdue")
}

// x marks a commitment kept; it leaves the agenda, and u brings it back.
func TestAgendaMarkCommitmentKept(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 100, 30)
	d.press("T", "G")
	d.mustSee("Add a stop-loss clause")
	d.press("x")
	d.mustSee("Kept:")
	d.mustNotSee("I owe")
	var kept bool
	for _, tp := range store.touchpoints {
		kept = kept || (tp.FollowUp == "Add a stop-loss clause to the memo." && tp.CommitmentDone)
	}
	if !kept {
		t.Fatal("the commitment was not stored as kept")
	}
	d.press("u")
	d.mustSee("I owe")
}

// / on the dashboard searches; enter on a result goes to it.
func TestSearchFromTheDashboardJumpsToTheConversation(t *testing.T) {
	d := newDriver(t, realStore(t), 100, 30)
	d.press("/")
	d.typ("ERP")
	d.mustSee("Consolidate onto one data warehouse", "Dana Reyes", "objection", "conversation")
	d.press("enter")
	for i := 0; i < 5; i++ {
		if i, ok := d.app.search.selected(); ok && d.app.search.hits[i].Kind == model.SearchTalk {
			break
		}
		d.press("down")
	}
	i, _ := d.app.search.selected()
	talk := d.app.search.hits[i]
	if talk.Kind != model.SearchTalk {
		t.Fatalf("no conversation among the results: %+v", d.app.search.hits)
	}
	d.press("enter")
	if d.app.state() != screenWorkspace || d.app.workspace.tab != tabLog {
		t.Fatalf("enter went to screen %d tab %d, want the workspace's Log", d.app.state(), d.app.workspace.tab)
	}
	if r, ok := d.app.workspace.log.Selected(); !ok || r.ID != talk.ID {
		t.Errorf("selected conversation %d, want %d", r.ID, talk.ID)
	}
}

// Hostile text in a search result reaches the screen without escapes.
func TestSearchResultsAreSanitised(t *testing.T) {
	store := realStore(t)
	ctx := context.Background()
	ps, _ := store.ListProposals(ctx, false)
	stakes, _ := store.ListStakeholders(ctx, ps[0].ID)
	_, err := store.RecordConversation(ctx, model.Conversation{Touchpoint: model.Touchpoint{StakeholderID: stakes[0].ID,
		Date: testToday, Said: "zebra \x1b]8;;http://x\x07click\x1b]8;;\x07 \x1b[2J wiped \u202egnirts"}})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, store, 100, 30)
	d.press("/")
	d.typ("zebra")
	d.mustSee("zebra", "click", "wiped")
	raw := d.app.search.View()
	for _, bad := range []string{"\x1b]", "\x07", "\x1b[2J", "\u202e"} {
		if strings.Contains(raw, bad) {
			t.Errorf("the search screen shows %q", bad)
		}
	}
}
