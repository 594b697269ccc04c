package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/internal/hostile"
	"github.com/backchannel/backchannel/model"
)

// Issue 11: the hostile corpus, in every text field, is drawn on every
// screen at 80×24 (and 120×40) without a single escape sequence but our own
// styling (SGR), control character or bidi control reaching the terminal.
func TestHostileTextOnEveryScreen(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		store := newFakeStore()
		if err := store.Import(context.Background(), hostile.Workbook(testToday)); err != nil {
			t.Fatal(err)
		}
		for _, p := range store.proposals {
			store.nextID = max(store.nextID, p.ID)
		}
		d := &driver{t: t, store: store}
		d.app = New(store, Options{Today: func() model.Date { return testToday }})
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		d.run(d.app.Init())

		visited := map[screenID]bool{}
		check := func(where string) {
			t.Helper()
			visited[d.app.state()] = true
			if err := hostile.CheckTerminal(d.app.View().Content); err != nil {
				t.Errorf("%dx%d %s: %v", size[0], size[1], where, err)
			}
		}
		// leave goes back one screen, discarding anything a form holds.
		leave := func() {
			d.press("esc")
			if d.app.ask != pendingNone {
				d.press("d")
			}
		}
		check("dashboard")
		for range 3 {
			d.press("down")
			check("dashboard, another row")
		}
		d.press("g", "enter")
		for tab := 1; tab <= 6; tab++ {
			d.press(string(rune('0' + tab)))
			check("workspace tab " + string(rune('0'+tab)))
			d.press("down", "down")
			check("workspace tab, moved")
		}
		d.press("2", "enter")
		check("a person in full")
		leave()
		d.press("e")
		check("a person")
		leave()
		d.press("3", "enter")
		check("a planned talk in full")
		leave()
		d.press("4", "enter")
		check("a conversation in full")
		leave()
		d.press("e")
		check("a conversation's record")
		leave()
		d.press("E")
		check("the proposal's record")
		leave()
		d.press("1", "l")
		check("log form")
		leave()
		d.press("D")
		check("debrief")
		leave()
		d.press("w")
		check("walkthrough")
		for range 5 {
			d.press("tab")
			check("walkthrough step")
		}
		leave()
		leave()
		d.press("o")
		check("objections")
		d.press("enter")
		check("an objection")
		leave()
		leave()
		d.press("b")
		check("blind spots")
		d.press("enter")
		check("a blind spot")
		leave()
		leave()
		d.press("c")
		check("contacts")
		d.press("enter")
		check("a contact")
		leave()
		leave()
		d.press("T")
		check("agenda")
		leave()
		d.press("/")
		d.typ("n")
		check("search")
		d.press("enter")
		check("search results")
		leave()
		d.press("?")
		check("all keys")
		d.press("esc")
		if t.Failed() {
			return
		}
		var missing []string
		for id := screenID(0); id < screenCount; id++ {
			if !visited[id] {
				missing = append(missing, fmt.Sprint(int(id)))
			}
		}
		if len(missing) > 0 {
			t.Errorf("%dx%d: screens not visited: %s", size[0], size[1], strings.Join(missing, ", "))
		}
	}
}
