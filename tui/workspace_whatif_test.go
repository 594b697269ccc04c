package tui

import (
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
)

// The Room tab shows the forecast and who holds a veto; f starts a what-if
// that moves the forecast, the score and the verdict as stances are tried,
// saves nothing, and esc returns to the real state.
func TestRoomWhatIfMovesTheForecastAndSavesNothing(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	d.press("enter", "2")
	w := d.app.workspace
	if w.tab != tabRoom || !w.loaded {
		t.Fatal("the Room tab of the first demo proposal did not open")
	}
	real := w.r
	if real.Forecast.Outcome != readiness.OutcomeFails {
		t.Fatalf("the demo's data-warehouse room %s today; this test expects it to fail", real.Forecast.Outcome)
	}
	d.mustSee("Forecast (majority): fails", "◆V Dana Reyes", "V veto", "f what if")
	writes := store.callCount()

	// f starts on the swing person (Dana, the skeptic with a veto); → warms her.
	d.press("f")
	if sel, _ := w.room.Selected(); w.name(sel.ID) != "Dana Reyes" {
		t.Fatalf("the what-if starts on %q, want the swing person Dana Reyes", w.name(sel.ID))
	}
	d.mustSee("What if (not saved", "swing: Dana Reyes")
	d.press("right", "right")
	d.mustSee("if supporter", "Dana Reyes supporter", "Readiness "+itoa(real.Score)+" Not ready → ")
	if w.whatIf.r.Score <= real.Score || w.whatIf.r.Forecast.For != real.Forecast.For+1 {
		t.Errorf("winning Dana moved readiness %d → %d and the room's yes votes %d → %d", real.Score, w.whatIf.r.Score, real.Forecast.For, w.whatIf.r.Forecast.For)
	}
	// Grace, the decider nobody has asked, comes round too: the room passes.
	d.press("down", "right", "right")
	if got := w.whatIf.r.Forecast.Outcome; got != readiness.OutcomePasses {
		t.Errorf("with Dana and Grace for, the room %s; want passes", got)
	}
	if w.whatIf.r.Verdict <= real.Verdict {
		t.Errorf("the verdict did not move: %s", w.whatIf.r.Verdict)
	}
	d.mustSee("Forecast (majority): passes", "Getting there")
	// Other keys wait: nothing is edited against a room that is not real.
	d.press("l")
	if d.app.state() != screenWorkspace || !w.whatIf.active {
		t.Fatal("l during a what-if left it")
	}

	d.press("esc")
	if w.whatIf.active || d.app.state() != screenWorkspace {
		t.Fatal("esc did not return to the real room")
	}
	d.mustSee("Forecast (majority): fails")
	d.mustNotSee("if supporter", "What if")
	if w.r.Score != real.Score {
		t.Errorf("the real score moved from %d to %d", real.Score, w.r.Score)
	}
	if got := store.callCount(); got != writes {
		t.Errorf("the what-if wrote to the store: %d calls, was %d", got, writes)
	}
	stored, err := store.LoadDossier(t.Context(), w.id)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stored.Stakeholders {
		if name := w.name(s.ID); name == "Dana Reyes" && s.Stance != model.StanceSkeptic {
			t.Errorf("Dana's stored stance is %s", s.Stance)
		}
	}
	if !strings.Contains(d.view(), "f what if") {
		t.Error("the help line should offer the what-if again")
	}
}

// Issue 14 (read in tmux at 80×24): the Room's forecast was cut at "needs 3
// …", losing "and no veto from Dana Reyes"; it wraps to a second line, and
// a what-if keeps the table where it was.
func TestRoomForecastReadsWholeAt80(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("enter", "2")
	d.mustSee("no veto from Dana Reyes")
	header := func() int {
		for i, l := range strings.Split(d.view(), "\n") {
			if strings.Contains(l, "Person ") {
				return i
			}
		}
		return -1
	}
	before := header()
	d.press("f", "right", "right")
	checkFrame(t, d.view(), 80, 24)
	if after := header(); after != before {
		t.Errorf("the what-if moved the table from %d to %d", before, after)
	}
}
