package tui

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// Issue 13's TUI budgets, measured on its workbooks through the real store:
// the app's Update and View driven as Bubble Tea would drive them (the
// driver runs each command and feeds its message back). Process start, the
// terminal and tmux are scripts/bench-tui.sh's part; these are the app's.
//
// The workbooks are generated once per test process into a temporary folder
// (or into BACKCHANNEL_BENCH_DIR, kept there between runs): a few seconds
// each. BACKCHANNEL_BENCH_SHAPES=shared300 picks one.

// benchShape is one of issue 13's workbooks (docs/performance.md names them).
type benchShape struct {
	name string
	opts demo.LargeOptions
}

var benchShapes = []benchShape{
	// 100 proposals × 60 people drawn from 300 shared contacts, 50,000 conversations.
	{"shared300", demo.LargeOptions{Proposals: 100, Stakeholders: 60, Conversations: 500, Contacts: 300, Seed: 1}},
	// 50 proposals × 200 people, 200,000 conversations, 10,000 contacts.
	{"big200k", demo.LargeOptions{Proposals: 50, Stakeholders: 200, Conversations: 4000, Seed: 1}},
	// 500 proposals × 20 people drawn from 10,000 contacts, 200,000 conversations.
	{"shared10k", demo.LargeOptions{Proposals: 500, Stakeholders: 20, Conversations: 400, Contacts: 10000, Seed: 1}},
}

var (
	benchMu     sync.Mutex
	benchStores = map[string]*db.Store{}
	benchTmp    string
)

// TestMain removes the benchmark workbooks the run generated.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchTmp != "" {
		os.RemoveAll(benchTmp)
	}
	os.Exit(code)
}

// selectedShapes are the shapes BACKCHANNEL_BENCH_SHAPES names (all by default).
func selectedShapes() []benchShape {
	want := os.Getenv("BACKCHANNEL_BENCH_SHAPES")
	if want == "" {
		return benchShapes
	}
	var out []benchShape
	for _, s := range benchShapes {
		for _, w := range splitComma(want) {
			if w == s.name {
				out = append(out, s)
			}
		}
	}
	return out
}

func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

// benchStore opens the shape's workbook, generating it the first time.
func benchStore(b *testing.B, s benchShape) *db.Store {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if store, ok := benchStores[s.name]; ok {
		return store
	}
	dir := os.Getenv("BACKCHANNEL_BENCH_DIR")
	if dir == "" {
		if benchTmp == "" {
			var err error
			if benchTmp, err = os.MkdirTemp("", "backchannel-bench-"); err != nil {
				b.Fatal(err)
			}
		}
		dir = benchTmp
	}
	path := filepath.Join(dir, s.name+".db")
	_, statErr := os.Stat(path)
	ctx := context.Background()
	store, err := db.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	if statErr != nil {
		if err := store.Import(ctx, demo.LargeWorkbook(testToday, s.opts)); err != nil {
			b.Fatal(err)
		}
	}
	benchStores[s.name] = store
	return store
}

// eachShape runs fn as a sub-benchmark per workbook. A load may take
// minutes on them before it is fixed, so the driver waits that long.
func eachShape(b *testing.B, fn func(b *testing.B, store *db.Store)) {
	cmdTimeout = 10 * time.Minute
	for _, s := range selectedShapes() {
		b.Run(s.name, func(b *testing.B) { fn(b, benchStore(b, s)) })
	}
}

// heldMB is the heap still reachable after a collection, in MB: what the
// app keeps once it has drawn a screen.
func heldMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// BenchmarkTUIFirstFrame is the app's first frame: built on the store, sized,
// Init's commands started but not answered, one View (budget ≤ 100 ms
// with process start; see scripts/bench-tui.sh).
func BenchmarkTUIFirstFrame(b *testing.B) {
	eachShape(b, func(b *testing.B, store *db.Store) {
		b.ReportAllocs()
		for b.Loop() {
			a := New(store, Options{Today: func() model.Date { return testToday }, NoColor: true})
			a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			_ = a.Init()
			_ = a.View()
		}
	})
}

// BenchmarkTUIDashboard is the full dashboard: the app opened, every
// proposal listed with its score, drawn (budget ≤ 300 ms).
func BenchmarkTUIDashboard(b *testing.B) {
	eachShape(b, func(b *testing.B, store *db.Store) {
		b.ReportAllocs()
		var d *driver
		for b.Loop() {
			d = newDriver(b, store, 80, 24)
			_ = d.app.View()
		}
		if d.app.dashboard.list.Len() == 0 {
			b.Fatal("the dashboard listed no proposals")
		}
		b.ReportMetric(heldMB(), "MB-held")
		runtime.KeepAlive(d)
	})
}

// BenchmarkTUIObjections is o on the loaded dashboard until the objections
// of every proposal are listed and drawn (budget ≤ 300 ms); MB-held is what
// the screen keeps afterwards.
func BenchmarkTUIObjections(b *testing.B) {
	eachShape(b, func(b *testing.B, store *db.Store) {
		d := newDriver(b, store, 80, 24)
		b.ReportAllocs()
		for b.Loop() {
			d.press("o")
			_ = d.app.View()
			b.StopTimer()
			d.press("esc")
			b.StartTimer()
		}
		d.press("o")
		if d.app.objections == nil || d.app.objections.list.Len() == 0 {
			b.Fatal("the objections screen listed nothing")
		}
		b.ReportMetric(heldMB(), "MB-held")
		runtime.KeepAlive(d)
	})
}

// BenchmarkTUISummary opens the first proposal's workspace on its Summary
// tab until the brief is rendered and drawn.
func BenchmarkTUISummary(b *testing.B) {
	eachShape(b, func(b *testing.B, store *db.Store) {
		d := newDriver(b, store, 80, 24)
		b.ReportAllocs()
		for b.Loop() {
			d.press("enter")
			_ = d.app.View()
			b.StopTimer()
			if d.app.workspace == nil || !d.app.workspace.briefShown() {
				b.Fatal("the Summary tab shows no brief")
			}
			d.press("esc")
			b.StartTimer()
		}
	})
}

// keyScreens are the screens a key is timed on: how to reach each from the
// loaded dashboard and which key to press there (a move down; the cursor
// goes back to the top at the end of a list, outside the timing). answered
// keys are timed until the answer their command fetches is drawn: the
// search's results come from the store, and a person waits for them.
var keyScreens = []struct {
	name     string
	reach    []string
	key      string
	answered bool
}{
	{"dashboard", nil, "down", false},
	{"summary", []string{"enter"}, "down", false},
	{"room", []string{"enter", "2"}, "down", false},
	{"plan", []string{"enter", "3"}, "down", false},
	{"log", []string{"enter", "4"}, "down", false},
	{"ws-objections", []string{"enter", "5"}, "down", false},
	{"ws-blindspots", []string{"enter", "6"}, "down", false},
	{"objections", []string{"o"}, "down", false},
	{"blindspots", []string{"b"}, "down", false},
	{"contacts", []string{"c"}, "down", false},
	{"agenda", []string{"T"}, "down", false},
	{"objections-search", []string{"o", "/"}, "a", false},
	{"search", []string{"/"}, "a", true},
}

// BenchmarkTUIKey is one key on every screen, Update and View together, as
// the program does per key (budget ≤ 16 ms, one frame at 60 Hz).
func BenchmarkTUIKey(b *testing.B) {
	for _, sc := range keyScreens {
		b.Run(sc.name, func(b *testing.B) {
			eachShape(b, func(b *testing.B, store *db.Store) {
				d := newDriver(b, store, 80, 24)
				d.press(sc.reach...)
				k := keyMsg(sc.key)
				top := d.app.state()
				b.ReportAllocs()
				for b.Loop() {
					_, cmd := d.app.Update(k)
					_ = d.app.View()
					if sc.answered {
						d.run(cmd)
						_ = d.app.View()
						cmd = nil
					}
					b.StopTimer()
					d.run(cmd)
					if sc.key == "down" && atBottom(d.app) {
						d.press("g")
					}
					if sc.key != "down" {
						d.press("backspace")
					}
					b.StartTimer()
				}
				if d.app.state() != top {
					b.Fatalf("the key left the screen (%d → %d)", top, d.app.state())
				}
			})
		})
	}
}

// atBottom reports whether the screen's cursor or scroll cannot move down.
func atBottom(a *App) bool {
	switch a.state() {
	case screenDashboard:
		return a.dashboard.list.Cursor() == a.dashboard.list.Len()-1
	case screenWorkspace:
		w := a.workspace
		switch w.tab {
		case tabSummary:
			return w.summary.AtBottom()
		case tabRoom:
			return w.room.Cursor() == w.room.Len()-1
		case tabPlan:
			return w.plan.Cursor() == w.plan.Len()-1
		case tabLog:
			return w.log.Cursor() == w.log.Len()-1
		case tabObjections:
			return w.objs.Cursor() == w.objs.Len()-1
		case tabBlindSpots:
			return w.spots.Cursor() == w.spots.Len()-1
		}
	case screenObjections:
		return a.objections.list.Cursor() == a.objections.list.Len()-1
	case screenBlindSpots:
		return a.blindSpots.list.Cursor() == a.blindSpots.list.Len()-1
	case screenContacts:
		return a.contacts.list.Cursor() == a.contacts.list.Len()-1
	case screenAgenda:
		return a.agenda.list.Cursor() == a.agenda.list.Len()-1
	}
	return false
}

// briefShown reports whether the Summary tab has its rendering to show.
func (w *workspace) briefShown() bool {
	_, ok := w.b.briefs.get(w.briefKey())
	return ok
}

// BenchmarkTUIScreensHeld opens every screen in turn, as bench-tui.sh does,
// and reports the heap each leaves reachable (MB-<screen>): where the
// process's memory goes (budget: ≤ 120 MB resident after every screen).
func BenchmarkTUIScreensHeld(b *testing.B) {
	eachShape(b, func(b *testing.B, store *db.Store) {
		for b.Loop() {
			d := newDriver(b, store, 80, 24)
			b.ReportMetric(heldMB(), "MB-dashboard")
			for _, s := range []struct{ name, key string }{
				{"objections", "o"}, {"blindspots", "b"}, {"contacts", "c"}, {"agenda", "T"},
			} {
				d.press(s.key)
				b.ReportMetric(heldMB(), "MB-"+s.name)
			}
			for i := 0; i < 6 && d.app.state() != screenDashboard; i++ {
				d.press("esc")
			}
			d.press("enter")
			if d.app.state() != screenWorkspace {
				b.Fatal("the workspace did not open")
			}
			b.ReportMetric(heldMB(), "MB-workspace")
			runtime.KeepAlive(d)
		}
	})
}
