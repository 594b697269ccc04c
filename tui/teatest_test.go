package tui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/internal/screentest"
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
)

// program is a running app under teatest with helpers to type like a person.
type program struct {
	t  *testing.T
	tm *teatest.TestModel
	// out is everything the program has drawn so far, which a test may
	// check at the end.
	out bytes.Buffer
	// frame is the screen as the program last drew it, whole (the output
	// stream carries only what changed between frames).
	frame *lastFrame
}

// lastFrame holds the latest view the program drew, as drawn: with its
// styles, since a moved highlight may change nothing else.
type lastFrame struct {
	mu  sync.Mutex
	raw string
}

func (f *lastFrame) drawn() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.raw
}

// framed is the app as Bubble Tea runs it, noting each view it draws so a
// test can wait on what the screen shows now.
type framed struct {
	tea.Model
	frame *lastFrame
}

func (f framed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := f.Model.Update(msg)
	f.Model = m
	return f, cmd
}

func (f framed) View() tea.View {
	v := f.Model.View()
	f.frame.mu.Lock()
	f.frame.raw = v.Content
	f.frame.mu.Unlock()
	return v
}

// dashboardRead is what the dashboard shows once it has read the
// proposals: their count, or the empty workbook's welcome. Before that its
// first frames hold only the header, and a key would meet an empty list.
var dashboardRead = regexp.MustCompile(`\d+ proposals?\b|Your workbook is empty\.`)

func startProgram(t *testing.T, store Store) *program {
	t.Helper()
	app := New(store, Options{Today: func() model.Date { return testToday }, NoColor: true})
	frame := &lastFrame{}
	tm := teatest.NewTestModel(t, framed{app, frame}, teatest.WithInitialTermSize(100, 30))
	p := &program{t: t, tm: tm, frame: frame}
	p.settle("the dashboard's proposals", func(screen string) bool {
		return screentest.KeyLanded("", screen) && dashboardRead.MatchString(ansi.Strip(screen))
	})
	return p
}

// finalApp waits for the program to end and returns the app as it ended.
func (p *program) finalApp() *App {
	p.t.Helper()
	return p.tm.FinalModel(p.t, teatest.WithFinalTimeout(5*time.Second)).(framed).Model.(*App)
}

// shows waits until the screen, as last drawn, holds every one of texts:
// the visible sign that a key has had its effect (a field focused, a
// line written), which a pause cannot promise on a loaded machine.
func (p *program) shows(texts ...string) {
	p.t.Helper()
	p.settle(fmt.Sprintf("%q", texts), func(screen string) bool {
		screen = ansi.Strip(screen)
		for _, s := range texts {
			if !strings.Contains(screen, s) {
				return false
			}
		}
		return true
	})
}

// pull appends what the program has drawn since the last read to out.
func (p *program) pull() {
	var chunk [32 << 10]byte
	for {
		n, _ := p.tm.Output().Read(chunk[:])
		if n == 0 {
			return
		}
		p.out.Write(chunk[:n])
	}
}

// settle waits until landed says of the screen as last drawn (with its
// styles) that it shows what: a key's effect (screentest.KeyLanded), text
// typed (TextLanded), or the lines a test waits for (shows). Every key the
// tests send changes the screen, so a screen that never shows it is a
// failure.
func (p *program) settle(what string, landed func(screen string) bool) {
	p.t.Helper()
	var screen string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(15 * time.Millisecond) {
		p.pull()
		if screen = p.frame.drawn(); landed(screen) {
			return
		}
	}
	p.t.Fatalf("the screen never showed %s; last screen:\n%s", what, ansi.Strip(screen))
}

// keys presses keys, each once the screen shows the one before it landed.
func (p *program) keys(keys ...string) {
	p.t.Helper()
	for _, k := range keys {
		before := p.frame.drawn()
		p.tm.Send(keyMsg(k))
		p.settle("the effect of the key "+k, func(screen string) bool { return screentest.KeyLanded(before, screen) })
	}
}

// typ types text into the focused field and waits for all of it to be drawn.
func (p *program) typ(s string) {
	p.t.Helper()
	before := p.frame.drawn()
	p.tm.Type(s)
	p.settle("all of "+s+" typed", func(screen string) bool { return screentest.TextLanded(before, screen, s) })
}

// eventually polls cond until it holds or five seconds pass.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestWalkthroughEndToEndOnARealStore drives the real program against a
// SQLite workbook: a new proposal through every walkthrough step, a logged
// conversation, quit, and everything still there when reopened.
func TestWalkthroughEndToEndOnARealStore(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the whole program with pauses between keys")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workbook.db")
	store, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()

	p := startProgram(t, store)
	proposal := func() model.Proposal {
		ps, err := store.ListProposals(ctx, true)
		if err != nil || len(ps) != 1 {
			return model.Proposal{}
		}
		return ps[0]
	}

	// Step 1, the proposal.
	p.keys("n")
	p.shows("┃ Title") // the form has the focus: typing goes into it
	p.typ("Move standup to async")
	p.keys("enter")
	p.typ("Replace the daily standup with a written check-in.")
	p.keys("enter", "enter")
	p.typ("Eng leads")
	p.keys("enter")
	p.typ("+10d")
	p.keys("enter", "enter")
	eventually(t, "the proposal step to be saved", func() bool { return proposal().WalkStep == 1 })

	// Step 2, when: the moment. Each choice below is made once the screen
	// shows its field focused (┃): the focus moves in a later frame, and a
	// key sent before it would go to the field it is leaving.
	p.shows("┃ Which moment are you in?")
	p.keys("down")
	p.shows("┃ > test my bias")
	p.keys("enter")
	eventually(t, "the when step to be saved", func() bool { return proposal().WalkStep == 2 })
	if m := proposal().Moment; m != model.MomentTestBias {
		t.Fatalf("moment saved as %s, want %s", m, model.MomentTestBias)
	}

	// Step 3, whom: one new person, a skeptical decision-maker.
	p.keys("a") // nobody in the directory yet: straight to the name
	p.shows("┃ Name")
	p.typ("Priya Shah")
	p.keys("enter", "enter", "enter", "enter", "enter") // title, org, partner kind, discretion
	p.shows("┃ Their part in the decision")
	p.keys("right", "enter") // decides
	p.shows("┃ Influence")
	p.keys("right", "right", "right", "enter") // influence 3
	p.shows("┃ Do they vote?")
	p.keys("y") // votes
	p.shows("┃ Can they veto it?")
	p.keys("n") // no veto
	p.shows("┃ Where do they stand today?")
	p.keys("left", "left", "enter", "enter", "enter") // skeptic, target supporter, no spoiler
	p.keys("enter", "enter")                          // wants, fears left blank
	eventually(t, "the person to be saved", func() bool {
		d, err := store.LoadDossier(ctx, proposal().ID)
		return err == nil && len(d.Stakeholders) == 1
	})
	p.keys("tab")
	eventually(t, "the whom step to be saved", func() bool { return proposal().WalkStep == 3 })

	// Step 4, what.
	p.keys("enter", "enter")
	p.shows("┃ The message, in one line")
	p.typ("Would a written check-in lose anything you rely on?")
	p.keys("enter", "enter", "tab")
	eventually(t, "the what step to be saved", func() bool { return proposal().WalkStep == 4 })

	// Step 5, when and where for that person.
	p.keys("enter", "enter")
	p.shows("┃ Talk by")
	p.typ("+3d")
	p.keys("enter", "enter")
	p.shows("┃ Where or how?")
	p.keys("down")
	p.shows("┃   1:1 in person", "┃ > coffee/lunch")
	p.keys("enter", "enter", "enter", "tab")
	eventually(t, "the where step to be saved", func() bool { return proposal().WalkStep == 5 })

	d, err := store.LoadDossier(ctx, proposal().ID)
	if err != nil {
		t.Fatal(err)
	}
	before := readiness.Assess(d, testToday).Score
	s := d.Stakeholders[0]
	if !s.Plan.Complete() || s.Plan.Venue != model.VenueCoffee || !s.Plan.TargetDate.Equal(testToday.AddDays(3)) {
		t.Fatalf("plan saved as %+v", s.Plan)
	}

	// Step 6, review, then the workspace; log a conversation there.
	p.keys("enter")
	eventually(t, "the walkthrough to finish", func() bool {
		pr := proposal()
		return pr.WalkStep == 6 && pr.Status == model.StatusPrewiring
	})
	p.keys("2", "l")
	p.shows("┃ Who did you talk to?") // the form has the focus
	p.keys("enter", "enter", "enter", "enter", "enter")
	p.shows("┃ How did it go?")
	p.keys("up", "up")
	p.shows("┃ > +2 enthusiastic")
	p.keys("enter")
	p.shows("┃ What did they say?")
	p.typ("Happy to try it for a month.")
	p.keys("enter", "enter", "enter", "enter", "enter", "enter", "enter")
	eventually(t, "the conversation to be logged with the new stance", func() bool {
		d, err := store.LoadDossier(ctx, proposal().ID)
		return err == nil && len(d.Touchpoints) == 1 && d.Stakeholders[0].Stance == model.StanceNeutral
	})
	d, _ = store.LoadDossier(ctx, proposal().ID)
	after := readiness.Assess(d, testToday).Score
	if after <= before {
		t.Fatalf("readiness went from %d to %d after a warm conversation with the decider", before, after)
	}
	p.tm.Send(keyMsg("q"))
	p.tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	// Reopen: the dashboard shows the proposal with its new score.
	p2 := startProgram(t, store)
	p2.shows("Move standup to async")
	p2.tm.Send(keyMsg("q"))
	out := append(p2.out.Bytes(), readAll(t, p2.tm.FinalOutput(t, teatest.WithFinalTimeout(5*time.Second)))...)
	for _, want := range []string{"Move standup to async", itoa(after)} {
		if !bytes.Contains(out, []byte(want)) {
			t.Fatalf("reopened dashboard does not show %q", want)
		}
	}
}

func readAll(t *testing.T, r io.Reader) []byte {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
