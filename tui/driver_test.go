package tui

import (
	"context"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// testToday is the fixed day every UI test runs on.
var testToday = model.NewDate(2026, time.November, 21)

// driver feeds an App messages the way Bubble Tea would, running the
// commands it returns and feeding their messages back, so tests can press
// keys and read the screen without a terminal.
type driver struct {
	t     testing.TB
	app   *App
	quit  bool
	store Store
	// holdIf, when set, keeps back the messages it matches (a store call's
	// answer) in held, as if the store were still working.
	holdIf func(tea.Msg) bool
	held   []tea.Msg
}

// cmdTimeout is how long a command may run before the test gives up; the
// benchmarks on issue 13's workbooks allow longer (bench_workbook_test.go).
var cmdTimeout = 10 * time.Second

// newDriver opens the app on st at the given size and runs Init.
func newDriver(t testing.TB, store Store, w, h int) *driver {
	t.Helper()
	d := &driver{t: t, store: store}
	d.app = New(store, Options{Today: func() model.Date { return testToday }, NoColor: true})
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.run(d.app.Init())
	return d
}

// demoStore returns a fake store holding the demo workbook.
func demoStore(t testing.TB) *fakeStore {
	t.Helper()
	store := newFakeStore()
	if err := store.Import(context.Background(), demo.Workbook(testToday)); err != nil {
		t.Fatal(err)
	}
	for _, p := range store.proposals {
		store.nextID = max(store.nextID, p.ID)
	}
	return store
}

// send delivers one message and runs what follows from it.
func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	_, cmd := d.app.Update(msg)
	d.run(cmd)
}

// run executes commands breadth first, feeding their messages back into the
// app until nothing is left. Commands of one round run concurrently and their
// messages are applied in order. Timers (the cursor blink) are not run: they
// would only redraw the cursor, and waiting for them would make tests slow.
func (d *driver) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for round := 0; len(queue) > 0; round++ {
		if round > 200 {
			d.t.Fatal("commands did not settle after 200 rounds")
		}
		results := make([]chan tea.Msg, len(queue))
		for i, c := range queue {
			results[i] = make(chan tea.Msg, 1)
			if c == nil || isTimer(c) {
				results[i] <- nil
				continue
			}
			go func(c tea.Cmd, out chan tea.Msg) { out <- c() }(c, results[i])
		}
		msgs := make([]tea.Msg, len(queue))
		for i := range results {
			select {
			case msgs[i] = <-results[i]:
			case <-time.After(cmdTimeout):
				d.t.Fatalf("command %s did not return", funcName(queue[i]))
			}
		}
		queue = queue[:0]
		for _, m := range msgs {
			queue = append(queue, d.expand(m)...)
		}
	}
}

// isTimer reports whether a command only waits for a timer.
func isTimer(c tea.Cmd) bool {
	n := funcName(c)
	return strings.Contains(n, "cursor.(*Model).Blink") || strings.Contains(n, "bubbletea/v2.Tick") ||
		strings.Contains(n, "bubbletea/v2.Every")
}

// funcName is the name of the function behind a command.
func funcName(c tea.Cmd) string {
	return runtime.FuncForPC(reflect.ValueOf(c).Pointer()).Name()
}

// expand turns one message into the commands that follow from it.
func (d *driver) expand(m tea.Msg) []tea.Cmd {
	switch m := m.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		return m
	case tea.QuitMsg:
		d.quit = true
		return nil
	}
	// tea.Sequence's message is unexported: a slice of commands.
	if v := reflect.ValueOf(m); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		out := make([]tea.Cmd, v.Len())
		for i := range out {
			out[i] = v.Index(i).Interface().(tea.Cmd)
		}
		return out
	}
	if d.quit {
		return nil
	}
	if d.holdIf != nil && d.holdIf(m) {
		d.held = append(d.held, m)
		return nil
	}
	_, cmd := d.app.Update(m)
	return []tea.Cmd{cmd}
}

// release delivers the messages held back, and stops holding.
func (d *driver) release() {
	d.t.Helper()
	held := d.held
	d.holdIf, d.held = nil, nil
	for _, m := range held {
		d.send(m)
	}
}

// keyMsg builds the key press Bubble Tea sends for a key name.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	}
	if rest, ok := strings.CutPrefix(k, "ctrl+"); ok && len(rest) == 1 {
		return tea.KeyPressMsg{Code: rune(rest[0]), Mod: tea.ModCtrl}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("unknown key " + k)
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// press sends key presses one after the other.
func (d *driver) press(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		d.send(keyMsg(k))
	}
}

// typ types text character by character.
func (d *driver) typ(s string) {
	d.t.Helper()
	for _, r := range s {
		if r == ' ' {
			d.send(keyMsg("space"))
			continue
		}
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// view is the screen as plain text.
func (d *driver) view() string {
	return ansi.Strip(d.app.View().Content)
}

// mustSee fails unless the screen shows every one of the texts.
func (d *driver) mustSee(texts ...string) {
	d.t.Helper()
	v := d.view()
	for _, s := range texts {
		if !strings.Contains(v, s) {
			d.t.Fatalf("screen does not show %q:\n%s", s, v)
		}
	}
}

// mustNotSee fails if the screen shows any of the texts.
func (d *driver) mustNotSee(texts ...string) {
	d.t.Helper()
	v := d.view()
	for _, s := range texts {
		if strings.Contains(v, s) {
			d.t.Fatalf("screen shows %q but should not:\n%s", s, v)
		}
	}
}
