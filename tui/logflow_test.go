package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// openLogOnDana opens the demo's first proposal, its room, and "log a
// conversation" with the first person (Dana Reyes).
func openLogOnDana(t *testing.T, d *driver) model.Stakeholder {
	t.Helper()
	d.press("enter", "2")
	dana := d.app.workspace.d.Stakeholders[0]
	d.press("l")
	if d.app.state() != screenLog {
		t.Fatal("l did not open the log")
	}
	return dana
}

// toSentiment answers the first group of the talk form with its defaults.
func toSentiment(d *driver) {
	d.press("enter", "enter", "enter", "enter", "enter") // person, date, channel, kind, opener
}

// Finding 1: the sentiment picker wrapped from −2 hostile to +2
// enthusiastic. It is a scale now: both ends on screen, and the cursor
// stops at them.
func TestSentimentScaleStopsAtItsEnds(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	openLogOnDana(t, d)
	toSentiment(d)
	d.mustSee("+2 enthusiastic", "+1 warm", "0 neutral", "−1 cool", "−2 hostile")
	f := d.app.log.flow
	for i, want := range []int{-1, -2, -2, -2} {
		d.press("down")
		if f.draft.Sentiment != want {
			t.Fatalf("after %d presses of down the sentiment is %d, want %d", i+1, f.draft.Sentiment, want)
		}
	}
	for range 9 {
		d.press("up")
	}
	if f.draft.Sentiment != 2 {
		t.Fatalf("up from the bottom stopped at %d, want +2", f.draft.Sentiment)
	}
	d.press("up")
	if f.draft.Sentiment != 2 {
		t.Fatalf("up at +2 moved to %d", f.draft.Sentiment)
	}
	d.mustSee("+2 enthusiastic", "−2 hostile")
}

// Every inline choice in the forms stops at its ends too (the channel is
// the first of them in the log).
func TestInlineChoicesStopAtTheirEnds(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	openLogOnDana(t, d)
	d.press("enter", "enter") // person, date: the channel is focused
	f := d.app.log.flow
	venues := model.Venues()
	for range len(venues) + 3 {
		d.press("right")
	}
	if last := venues[len(venues)-1]; f.draft.Channel != last {
		t.Fatalf("right past the end gave %s, want the last channel %s", f.draft.Channel, last)
	}
	for range len(venues) + 3 {
		d.press("left")
	}
	if f.draft.Channel != venues[0] {
		t.Fatalf("left past the start gave %s, want the first channel %s", f.draft.Channel, venues[0])
	}
}

// logDanaTalk fills every stage of the log form but the last enter.
func logDanaTalk(d *driver) {
	toSentiment(d)
	d.press("up", "enter") // +1 warm
	d.typ("Open to it with a stop-loss")
	d.press("enter")
	d.typ("Still wary of overruns")
	d.press("enter")
	d.typ("Send the stop-loss memo")
	d.press("enter")
	d.press("enter", "enter") // a follow-up asks: not a commitment, no due day
	d.typ("Vendor lock-in")
	d.press("enter", "right", "enter") // major
	d.typ("Finance close week clashes")
	d.press("enter")
}

// Findings 6 and 8: the log's stages are one action. Nothing is written
// until the last stage, then one store call writes the talk, the objection,
// the blind spot and the stance; one undo takes all of it back.
func TestLogIsWrittenOnceAtTheEndAndUndoneAsOne(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	dana := openLogOnDana(t, d)
	touches, objs, spots, calls := len(store.touchpoints), len(store.objections), len(store.blindSpots), store.callCount()

	logDanaTalk(d)
	if store.callCount() != calls || len(store.touchpoints) != touches || len(store.objections) != objs {
		t.Fatalf("the first stages wrote to the workbook before the last: %v", store.calls[calls:])
	}
	d.mustSee("Where does Dana Reyes stand now?")
	d.press("up", "enter") // one step warmer than suggested
	if got := store.calls[calls:]; len(got) != 1 || got[0] != "RecordConversation" {
		t.Fatalf("logging made the writes %v, want one RecordConversation", got)
	}
	if len(store.touchpoints) != touches+1 || len(store.objections) != objs+1 || len(store.blindSpots) != spots+1 {
		t.Fatal("the conversation and what was raised in it were not all written")
	}
	if d.app.state() != screenWorkspace {
		t.Fatal("the log did not return to the workspace")
	}
	if !strings.Contains(d.app.status, "Logged the talk with Dana Reyes. +1 objection, +1 blind spot.") {
		t.Fatalf("status line says %q", d.app.status)
	}

	stance := store.storedStakeholder(t, dana.ID).Stance
	if stance == dana.Stance {
		t.Fatalf("the stance chosen was not written (still %s)", stance)
	}
	d.press("u")
	if len(store.touchpoints) != touches || len(store.objections) != objs || len(store.blindSpots) != spots ||
		store.storedStakeholder(t, dana.ID).Stance != dana.Stance {
		t.Fatal("one undo did not take back the whole conversation")
	}
}

// Finding 6: leaving midway keeps the half-filled log as a draft, not as a
// conversation; coming back to log with the same person offers it again,
// and resuming finishes it.
func TestQuitMidLogKeepsADraftAndOffersItBack(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	dana := openLogOnDana(t, d)
	toSentiment(d)
	d.press("down", "enter") // −1 cool
	d.typ("Said yes in the corridor")
	touches, calls := len(store.touchpoints), store.callCount()
	d.press("ctrl+c")
	if d.app.ask != pendingQuit {
		t.Fatal("ctrl+c while writing what was said did not ask")
	}
	d.press("s")
	if !d.quit {
		t.Fatal("keeping the draft did not quit")
	}
	if len(store.touchpoints) != touches || store.callCount() != calls {
		t.Fatal("quitting midway wrote to the workbook")
	}
	kept, ok, _ := store.GetDraft(context.Background(), logDraftKey(dana.ID))
	if !ok || !strings.Contains(kept.Data, "Said yes in the corridor") {
		t.Fatalf("no draft kept for Dana: %+v", kept)
	}

	d2 := newDriver(t, store, 80, 24)
	openLogOnDana(t, d2)
	d2.mustSee("You left this unfinished", "Dana Reyes", "Resume where I left off", "Start over")
	d2.press("enter")
	f := d2.app.log.flow
	if f.draft.Said != "Said yes in the corridor" || f.draft.Sentiment != -1 {
		t.Fatalf("resumed draft holds %q, sentiment %d", f.draft.Said, f.draft.Sentiment)
	}
	d2.press("enter", "enter")                   // said (the cursor is back there), subtext
	d2.press("enter", "enter", "enter", "enter") // follow-up, no objections, minor, no blind spots
	d2.press("enter")                            // the suggested stance
	if len(store.touchpoints) != touches+1 || store.touchpoints[len(store.touchpoints)-1].Said != "Said yes in the corridor" ||
		store.touchpoints[len(store.touchpoints)-1].Sentiment != -1 {
		t.Fatal("the resumed conversation was not logged as typed")
	}
	if _, ok, _ := store.GetDraft(context.Background(), logDraftKey(dana.ID)); ok {
		t.Fatal("the draft is still offered after the conversation was logged")
	}
}

// A resumed talk puts the cursor where the person left off.
func TestResumedLogReturnsToTheFieldLeft(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	openLogOnDana(t, d)
	toSentiment(d)
	d.press("down", "enter")
	d.typ("Half")
	d.press("ctrl+c", "s")
	if !d.quit {
		t.Fatal("keeping the draft did not quit")
	}
	d2 := newDriver(t, store, 80, 24)
	openLogOnDana(t, d2)
	d2.press("enter") // resume
	d2.typ(" a thought")
	if got := d2.app.log.flow.draft.Said; got != "Half a thought" {
		t.Fatalf("typing after resuming went elsewhere; said holds %q", got)
	}
}

// Finding 6: discarding a resumed log discards all of it, the draft too.
func TestDiscardingALogDropsItsDraftAndWritesNothing(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	dana := openLogOnDana(t, d)
	toSentiment(d)
	d.press("enter")
	d.typ("Half a note")
	d.press("esc", "s") // keep it as a draft
	if d.app.state() != screenWorkspace {
		t.Fatal("keeping the draft did not go back")
	}
	d.mustSee("Kept as a draft")
	touches, calls := len(store.touchpoints), store.callCount()

	d.press("l", "enter") // resume
	d.typ(" and more")
	d.press("esc")
	if d.app.ask != pendingBack {
		t.Fatal("esc with typed text did not ask")
	}
	d.press("d")
	if _, ok, _ := store.GetDraft(context.Background(), logDraftKey(dana.ID)); ok {
		t.Fatal("discarding kept the draft")
	}
	if len(store.touchpoints) != touches || store.callCount() != calls {
		t.Fatal("discarding wrote to the workbook")
	}
	d.press("l")
	d.mustNotSee("You left this unfinished")
}

// Starting over drops the kept draft.
func TestStartOverDropsTheDraft(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	dana := openLogOnDana(t, d)
	toSentiment(d)
	d.press("enter")
	d.typ("Old note")
	d.press("esc", "s", "l")
	d.press("down", "enter") // start over
	if f := d.app.log.flow; f.draft.Said != "" {
		t.Fatalf("starting over kept %q", f.draft.Said)
	}
	if _, ok, _ := store.GetDraft(context.Background(), logDraftKey(dana.ID)); ok {
		t.Fatal("starting over kept the draft")
	}
}

// Finding 7: while the conversation is being written, keys go nowhere:
// o, b and q do not open the objections or blind spots or quit, and esc
// does not leave.
func TestKeysWhileTheLogSavesGoNowhere(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	openLogOnDana(t, d)
	logDanaTalk(d)
	// The last enter starts the write; its answer is held back, as while
	// the store works.
	d.holdIf = func(m tea.Msg) bool { _, ok := m.(conversationRecordedMsg); return ok }
	d.press("enter")
	d.mustSee("Saving…")
	for _, k := range []string{"o", "b", "q", "?", "u", "esc", "c"} {
		d.press(k)
		if d.quit || d.app.state() != screenLog || d.app.showKeys || d.app.ask != pendingNone {
			t.Fatalf("%s while saving reached the app (screen %d, quit %v)", k, d.app.state(), d.quit)
		}
	}
	d.release()
	if d.app.state() != screenWorkspace {
		t.Fatal("the save did not finish once the keys were ignored")
	}
	if !strings.Contains(d.app.status, "Logged the talk with Dana Reyes.") {
		t.Fatalf("status line says %q", d.app.status)
	}
}

// A failed write stays on the last form with every answer, and nothing of
// the conversation is stored.
func TestFailedLogWriteKeepsEveryAnswer(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	openLogOnDana(t, d)
	touches, objs := len(store.touchpoints), len(store.objections)
	logDanaTalk(d)
	store.fail = errBoom
	d.press("enter")
	d.mustSee("✗ The disk is full.", "Where does Dana Reyes stand now?")
	if len(store.touchpoints) != touches || len(store.objections) != objs {
		t.Fatal("a failed write left part of the conversation behind")
	}
	if !d.app.log.dirty() {
		t.Fatal("the answers of a failed write do not count as unsaved")
	}
	d.press("enter")
	if len(store.touchpoints) != touches+1 || len(store.objections) != objs+1 {
		t.Fatal("the retry did not write the conversation once")
	}
}
