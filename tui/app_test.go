// Long by design: the router's tests (screens, navigation, status, quitting), one behaviour each.

package tui

import (
	"image/color"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/readiness"
)

func TestEmptyDashboardOffersWalkthroughAndDemo(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	d.mustSee("Press n to walk through a new proposal", "Press d to load a demo workbook")

	d.press("d")
	if len(store.proposals) == 0 || len(store.contacts) == 0 {
		t.Fatal("d did not import the demo workbook")
	}
	if got := d.app.dashboard.list.Len(); got != len(store.proposals) {
		t.Fatalf("dashboard lists %d proposals, the store has %d", got, len(store.proposals))
	}
	d.mustSee("Demo workbook loaded", "Consolidate onto one data warehouse", "Not ready")
}

func TestDemoKeyOnlyWorksOnAnEmptyWorkbook(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	calls := len(store.calls)
	d.press("d")
	for _, c := range store.calls[calls:] {
		if c == "Import" {
			t.Fatal("d imported the demo into a workbook that already has proposals")
		}
	}
	d.mustNotSee("d load demo")
}

func TestWorkspaceTabsSwitchWithTabDigitsAndArrows(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("enter")
	if d.app.state() != screenWorkspace {
		t.Fatalf("enter opened screen %d, want the workspace", d.app.state())
	}
	w := d.app.workspace
	steps := []struct {
		key  string
		want wsTab
	}{
		{"tab", tabRoom}, {"3", tabPlan}, {"shift+tab", tabRoom}, {"right", tabPlan},
		{"left", tabRoom}, {"6", tabBlindSpots}, {"tab", tabSummary}, {"shift+tab", tabBlindSpots},
	}
	for _, s := range steps {
		d.press(s.key)
		if w.tab != s.want {
			t.Fatalf("after %s the tab is %s, want %s", s.key, tabNames[w.tab], tabNames[s.want])
		}
	}
	d.press("esc")
	if d.app.state() != screenDashboard {
		t.Fatal("esc did not go back to the dashboard")
	}
}

func TestRoomCursorMovesAndLogDefaultsToSelectedPerson(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("enter", "2", "down", "down")
	w := d.app.workspace
	if w.room.Cursor() != 2 {
		t.Fatalf("cursor at %d after two downs, want 2", w.room.Cursor())
	}
	want := w.d.Stakeholders[2].ID
	d.press("l")
	if d.app.state() != screenLog {
		t.Fatal("l did not open the conversation log")
	}
	if got := d.app.log.flow.draft.StakeholderID; got != want {
		t.Fatalf("log preselects stakeholder %d, want the selected %d", got, want)
	}
}

func TestQuitFromDashboard(t *testing.T) {
	d := newDriver(t, newFakeStore(), 80, 24)
	d.press("q")
	if !d.quit {
		t.Fatal("q on the dashboard did not quit")
	}
}

func TestQIsTextInATextField(t *testing.T) {
	d := newDriver(t, newFakeStore(), 80, 24)
	d.press("n")
	d.typ("quorum")
	if d.quit {
		t.Fatal("typing q in the title quit the app")
	}
	if got := d.app.walkthrough.draft.Title; got != "quorum" {
		t.Fatalf("title is %q, want %q", got, "quorum")
	}
	d.press("?")
	if d.app.showKeys {
		t.Fatal("? in a text field opened the key list instead of typing")
	}
}

func TestCtrlCWithTypedTextAsksThenSaves(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	d.press("n")
	d.typ("Budget for Q3")
	d.press("ctrl+c")
	if d.quit {
		t.Fatal("ctrl+c with typed text quit without asking")
	}
	if d.app.ask != pendingQuit {
		t.Fatal("ctrl+c with typed text did not ask")
	}
	d.mustSee("You have unsaved input. Save it before you quit?")

	d.press("esc")
	if d.app.ask != pendingNone || d.app.walkthrough.draft.Title != "Budget for Q3" {
		t.Fatal("esc did not go back to editing with the text intact")
	}

	d.press("ctrl+c", "s")
	if !d.quit {
		t.Fatal("save-and-quit did not quit after saving")
	}
	// Half a proposal is a draft, offered again by n, never a proposal.
	if len(store.proposals) != 0 {
		t.Fatalf("a half-filled proposal reached the workbook: %+v", store.proposals)
	}
	if kept, ok, _ := store.GetDraft(t.Context(), walkDraftKey(0)); !ok || !strings.Contains(kept.Data, "Budget for Q3") {
		t.Fatalf("the typed title was not kept: %+v", kept)
	}
}

func TestEscWithTypedTextAsksThenDiscards(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	d.press("n")
	d.typ("Never mind")
	d.press("esc")
	if d.app.ask != pendingBack || d.app.state() != screenWalk {
		t.Fatal("esc with typed text did not ask before leaving")
	}
	d.press("d")
	if d.app.state() != screenDashboard {
		t.Fatal("discard did not go back to the dashboard")
	}
	if len(store.proposals) != 0 {
		t.Fatal("discarded input was saved")
	}
}

func TestEscWithoutInputGoesStraightBack(t *testing.T) {
	d := newDriver(t, newFakeStore(), 80, 24)
	d.press("n", "esc")
	if d.app.state() != screenDashboard || d.app.ask != pendingNone {
		t.Fatal("esc on an untouched form did not go straight back")
	}
}

func TestSaveAndQuitFailureStaysWithInput(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	d.press("n")
	d.typ("Budget")
	store.fail = errBoom
	d.press("ctrl+c", "s")
	if d.quit {
		t.Fatal("the app quit although saving failed")
	}
	d.mustSee("✗ The disk is full.")
	if d.app.walkthrough.draft.Title != "Budget" {
		t.Fatal("the typed title was lost after a failed save")
	}
}

func TestWalkthroughSavesEachStepAndResumes(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	walkToWhom(d)
	if len(store.proposals) != 1 {
		t.Fatalf("want one proposal after the first steps, have %d", len(store.proposals))
	}
	p := store.proposals[0]
	if p.WalkStep != int(walkWhen) || p.Moment != model.MomentBeforeChange || p.Kind != model.KindOperational {
		t.Fatalf("steps not saved as completed: step %d, moment %s, kind %s", p.WalkStep, p.Moment, p.Kind)
	}
	if want := testToday.AddDays(10); !p.DecisionDate.Equal(want) {
		t.Fatalf("decision date %s, want %s", p.DecisionDate, want)
	}
	if d.app.walkthrough.step != walkWhom {
		t.Fatalf("after when the walkthrough is on step %d, want whom", d.app.walkthrough.step)
	}

	// Whom needs someone before going on.
	d.press("tab")
	d.mustSee("✗ Add at least the person who decides")
	if d.app.walkthrough.step != walkWhom {
		t.Fatal("tab left whom with nobody on the list")
	}

	// Quit and reopen: the walkthrough resumes at the first step not done.
	d.press("q")
	if !d.quit {
		t.Fatal("q on a list step did not quit")
	}
	d2 := newDriver(t, store, 80, 24)
	d2.press("w")
	if d2.app.walkthrough == nil || d2.app.walkthrough.step != walkWhom {
		t.Fatal("re-entering did not resume at whom")
	}
}

func TestWalkthroughAddsAPersonWithPrompts(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	walkToWhom(d)
	d.mustSee("Partners still missing: lateral", "Who will object?", "Who will be in the room?")

	d.press("a") // nobody in the directory yet: straight to the name
	d.typ("Priya Shah")
	d.press("enter")
	d.typ("VP Engineering")
	d.press("enter", "enter", "right", "enter", "enter")          // org, lateral, discretion
	d.press("right", "enter")                                     // decides (nothing is preselected)
	d.press("right", "right", "right", "right", "right", "enter") // influence 5
	d.press("y", "n")                                             // votes, no veto
	d.press("left", "left", "enter")                              // skeptic
	d.press("left", "left", "left", "left", "enter", "enter")     // target supporter, not a spoiler
	d.typ("Fewer meetings")
	d.press("enter")
	d.typ("Losing touch")
	d.press("enter")

	if len(store.stakeholders) != 1 || len(store.contacts) != 1 {
		t.Fatalf("want one person saved, have %d stakeholders and %d contacts", len(store.stakeholders), len(store.contacts))
	}
	s, c := store.stakeholders[0], store.contacts[0]
	if c.Name != "Priya Shah" || c.Title != "VP Engineering" || c.Kind != model.PartnerLateral {
		t.Fatalf("contact saved as %+v", c)
	}
	if s.Role != model.RoleDecisionMaker || s.Influence != 5 || !s.Votes || s.Veto ||
		s.Stance != model.StanceSkeptic || s.TargetStance != model.StanceSupporter || s.Wants != "Fewer meetings" {
		t.Fatalf("stakeholder saved as %+v", s)
	}
	d.mustSee("Saved Priya Shah.", "Who will object? So far: Priya Shah.")
	d.mustNotSee("lateral (a peer)")
}

func TestWhatStepSuggestsAnOpener(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("down", "w") // the second demo proposal resumes at what
	w := d.app.walkthrough
	if w.step != walkWhat {
		t.Fatalf("resumed at step %d, want what", w.step)
	}
	d.press("enter")
	if w.flow == nil {
		t.Fatal("enter did not open the what form")
	}
	s, _ := stakeholderByID(w.d, w.flow.base.ID)
	want, _ := readiness.SuggestOpener(w.d.Contacts[s.ContactID].Kind, s.Stance)
	if w.flow.draft.Opener != want {
		t.Fatalf("opener preset to %s, want the suggestion %s", w.flow.draft.Opener, want)
	}
	d.mustSee("(suggested)")
}

func TestLogConversationSavesEverythingAndShowsTheScoreMove(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	d.press("enter", "2")
	w := d.app.workspace
	before := w.r.Score
	dana := w.d.Stakeholders[0]
	touches := len(store.touchpoints)

	d.press("l", "enter", "enter", "enter", "enter", "enter") // person, date, channel, kind, opener
	d.press("up", "enter")                                    // sentiment +1
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

	suggested := readiness.SuggestStance(dana.Stance, 1)
	if got := d.app.log.flow.draft.Stance; got != suggested {
		t.Fatalf("stance preset to %s, want the suggestion %s", got, suggested)
	}
	d.press("enter")

	if d.app.state() != screenWorkspace {
		t.Fatal("the log did not return to the workspace")
	}
	if len(store.touchpoints) != touches+1 {
		t.Fatal("the conversation was not logged")
	}
	tp := store.touchpoints[len(store.touchpoints)-1]
	if tp.StakeholderID != dana.ID || tp.Sentiment != 1 || tp.Said != "Open to it with a stop-loss" ||
		tp.Subtext != "Still wary of overruns" || tp.FollowUp != "Send the stop-loss memo" || !tp.Date.Equal(testToday) {
		t.Fatalf("conversation saved as %+v", tp)
	}
	o := store.objections[len(store.objections)-1]
	if o.Text != "Vendor lock-in" || o.Severity != model.SeverityMajor || o.RaisedByID != dana.ID || o.TouchpointID != tp.ID {
		t.Fatalf("objection saved as %+v", o)
	}
	b := store.blindSpots[len(store.blindSpots)-1]
	if b.Text != "Finance close week clashes" || b.SurfacedByID != dana.ID {
		t.Fatalf("blind spot saved as %+v", b)
	}
	got, _ := store.GetStakeholder(t.Context(), dana.ID)
	if got.Stance != suggested || !got.Plan.Done {
		t.Fatalf("stakeholder after the log: stance %s, plan done %v", got.Stance, got.Plan.Done)
	}
	d.mustSee("Readiness "+itoa(before)+" → "+itoa(d.app.workspace.r.Score), "Logged the talk with Dana Reyes.")
}

func TestAddPersonFromWorkspaceWalksWhomWhenWhatWhere(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	d.press("enter", "a", "enter") // someone new
	d.typ("Zoe Park")
	d.press("enter", "enter", "enter", "enter", "enter")          // title, org, kind, discretion
	d.press("right", "enter", "right", "right", "right", "enter") // decides, influence 3
	d.press("enter", "enter")                                     // votes, veto
	d.press("enter", "enter", "enter")                            // stance, target, spoiler
	d.press("enter", "enter")                                     // wants, fears
	// when
	d.press("enter")
	d.typ("+2d")
	d.press("enter", "enter")
	// what
	d.press("right", "enter")
	d.typ("Share the benchmark")
	d.press("enter", "enter")
	// where
	d.press("down", "down", "enter")
	d.typ("the lobby")
	d.press("enter", "enter")

	if d.app.state() != screenWorkspace {
		t.Fatalf("adding a person ended on screen %d, want the workspace", d.app.state())
	}
	s := store.stakeholders[len(store.stakeholders)-1]
	if !s.Plan.Complete() || s.Plan.Approach != model.ApproachShare || s.Plan.Message != "Share the benchmark" ||
		s.Plan.Venue != model.VenueWalk || s.Plan.Place != "the lobby" || !s.Plan.TargetDate.Equal(testToday.AddDays(2)) {
		t.Fatalf("plan saved as %+v", s.Plan)
	}
	d.mustSee("Saved Zoe Park.")
}

func TestEditPlanFromPlanTab(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	d.press("enter", "3")
	w := d.app.workspace
	row, _ := w.plan.Selected()
	d.press("e")
	if d.app.state() != screenPerson || d.app.person.flow.stage() != stageWhen {
		t.Fatal("e on the plan did not open when, what and where")
	}
	d.press("enter", "enter", "enter") // when unchanged
	d.press("enter")                   // approach
	for range 80 {
		d.press("backspace")
	}
	d.typ("New message")
	d.press("enter", "enter", "enter", "enter", "enter")
	got, _ := store.GetStakeholder(t.Context(), row.ID)
	if got.Plan.Message != "New message" {
		t.Fatalf("message is %q after the edit", got.Plan.Message)
	}
}

func TestLateAnswersAreDropped(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("enter")
	w := d.app.workspace
	title := w.d.Proposal.Title
	stale := model.Dossier{Proposal: model.Proposal{ID: w.id, Title: "stale"}}
	d.send(dossierLoadedMsg{seq: w.seq - 1, dossier: stale})
	if w.d.Proposal.Title != title {
		t.Fatal("a late dossier replaced the current one")
	}
	d.send(briefRenderedMsg{key: briefKey("an older brief", w.briefWidth(), w.st.glamourStyle()), out: "stale"})
	if strings.Contains(d.view(), "stale") {
		t.Fatal("a late rendering was shown")
	}
}

func TestBackgroundColourRestylesAndRerendersTheBrief(t *testing.T) {
	store := demoStore(t)
	d := &driver{t: t, store: store}
	d.app = New(store, Options{Today: func() model.Date { return testToday }})
	d.app.opts.NoColor = false
	d.app.styles = newStyles(true, false)
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.run(d.app.Init())
	d.press("enter")
	w := d.app.workspace
	if _, ok := w.b.briefs.get(briefKey(w.sum, w.briefWidth(), "dark")); !ok {
		t.Fatal("the brief was not rendered in the dark style")
	}
	d.send(tea.BackgroundColorMsg{Color: color.White})
	if d.app.styles.isDark {
		t.Fatal("a white background left the dark styles in place")
	}
	if _, ok := w.b.briefs.get(briefKey(w.sum, w.briefWidth(), "light")); !ok {
		t.Fatal("the brief was not re-rendered in the light style")
	}
}

func TestUserTextIsCleanedBeforeDisplay(t *testing.T) {
	store := demoStore(t)
	evil := "Eve\x1b]8;;http://evil.example\x07 link\x1b]8;;\x07\x1b[2J\u202eevil\r"
	store.contacts[0].Name = evil
	store.proposals[0].Title = "Plan\x1b[31m red\x1b[0m"
	d := newDriver(t, store, 120, 40)
	for _, keys := range [][]string{{}, {"enter", "2"}, {"3"}, {"4"}} {
		d.press(keys...)
		raw := d.app.View().Content
		for _, bad := range []string{"\x1b]8", "\x1b[2J", "\u202e", "\r", "\x1b[31m"} {
			if strings.Contains(raw, bad) {
				t.Fatalf("screen contains %q from user text", bad)
			}
		}
	}
	d.press("2")
	d.mustSee("Eve link")
}

func TestResizeReflowsEveryScreen(t *testing.T) {
	d := newDriver(t, demoStore(t), 120, 40)
	for _, keys := range [][]string{{}, {"enter"}, {"2"}, {"3"}, {"4"}, {"l"}} {
		d.press(keys...)
		for _, size := range [][2]int{{80, 24}, {100, 30}, {60, 20}, {120, 40}} {
			d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			checkFrame(t, d.view(), size[0], size[1])
		}
	}
}

func TestResizeRendersTheBriefAtTheNewWidth(t *testing.T) {
	d := newDriver(t, demoStore(t), 120, 40)
	d.press("enter")
	d.mustSee("Verdict: Not ready")
	for _, size := range [][2]int{{60, 20}, {90, 30}, {120, 40}} {
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		d.mustNotSee("Rendering the readiness brief")
		d.mustSee("Verdict: Not ready")
	}
}

func TestHelpListsEveryKeyAndAnyKeyCloses(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("enter", "?")
	if !d.app.showKeys {
		t.Fatal("? did not show the keys")
	}
	d.mustSee("All keys", "jump to tab", "log talk", "quit")
	d.press("x")
	if d.app.showKeys || d.app.state() != screenWorkspace {
		t.Fatal("a key did not close the key list")
	}
}

func TestLoadErrorIsOneSentenceInTheStatusLine(t *testing.T) {
	d := newDriver(t, newFakeStore(), 80, 24)
	d.send(openWorkspaceMsg{id: 4242})
	d.mustSee("✗ Cannot load proposal 4242: not found.")
}

func TestLongPeopleListsAreTypedNotScrolled(t *testing.T) {
	store := newFakeStore()
	wb := demo.LargeWorkbook(testToday, demo.LargeOptions{Proposals: 1, Stakeholders: 100, Conversations: 10, Seed: 2})
	if err := store.Import(t.Context(), wb); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, store, 100, 30)
	d.press("enter", "2", "l")
	if !d.app.log.capturing() {
		t.Fatal("with 100 people the person field should be a name to type, not a list")
	}
	w := d.app.workspace
	target := w.d.Stakeholders[7]
	name := w.d.Contacts[target.ContactID].Name
	for range 60 {
		d.press("backspace")
	}
	d.typ("Nobody Atall")
	d.press("enter")
	d.mustSee("nobody by that name here")
	for range 60 {
		d.press("backspace")
	}
	d.typ(strings.ToLower(name))
	d.press("enter", "enter", "enter", "enter", "enter") // date, channel, kind, opener
	d.press("enter", "enter", "enter", "enter")          // sentiment, said, subtext, follow-up
	d.press("enter", "enter", "enter", "enter")          // objections, severity, blind spots, stance
	tp := store.touchpoints[len(store.touchpoints)-1]
	if tp.StakeholderID != target.ID {
		t.Fatalf("logged against stakeholder %d, want %d (%s)", tp.StakeholderID, target.ID, name)
	}
}

func TestEscInAPersonFormAsksThenReturnsToTheStep(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	walkToWhom(d)
	d.press("a")
	d.typ("Half typed")
	d.press("esc")
	if d.app.ask != pendingBack {
		t.Fatal("esc with a half-typed person did not ask")
	}
	d.press("d")
	w := d.app.walkthrough
	if d.app.state() != screenWalk || w.flow != nil || w.step != walkWhom {
		t.Fatal("discarding the person did not return to the whom step")
	}
	if len(store.contacts) != 0 {
		t.Fatal("a discarded person was saved")
	}
}

func TestAddingToAnEmptyDirectoryStartsAtTheName(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	walkToWhom(d)
	d.press("a")
	// A name typed at once goes into the name field: its o, b and q are
	// letters, not the keys that open the objections or quit.
	d.typ("Quinn Bob")
	if d.quit || d.app.state() != screenWalk || d.app.walkthrough.flow == nil {
		t.Fatal("typing a name after a left the person form")
	}
	if got := d.app.walkthrough.flow.draft.Name; got != "Quinn Bob" {
		t.Fatalf("name field holds %q, want the typed name", got)
	}
	d.mustSee("About them", "Who will object? Who will be in the room?")
	d.mustNotSee("Someone new")
}

func TestConversationWithoutAChannelShowsADash(t *testing.T) {
	store := demoStore(t)
	for i := range store.touchpoints {
		store.touchpoints[i].Channel = model.VenueUnset
	}
	d := newDriver(t, store, 120, 40)
	d.press("enter", "4")
	d.mustSee("Channel")
	d.mustNotSee("unset")
	d.press("esc", "o", "down", "down") // Tom's objection, raised in a talk
	d.mustSee("From the talk with Tom Becker on Sat 31 Oct (ask)")
	d.mustNotSee("unset")
}

func TestSecondCtrlCSavesWhatWasTypedAndQuits(t *testing.T) {
	store := newFakeStore()
	d := newDriver(t, store, 80, 24)
	d.press("n")
	d.typ("Budget for Q4")
	d.press("ctrl+c")
	d.mustSee("You have unsaved input. Save it before you quit?", "ctrl+c save and quit")
	d.press("ctrl+c")
	if !d.quit {
		t.Fatal("a second ctrl+c at the unsaved-input question did not quit")
	}
	if kept, ok, _ := store.GetDraft(t.Context(), walkDraftKey(0)); !ok || !strings.Contains(kept.Data, "Budget for Q4") {
		t.Fatalf("the typed title was lost: %+v", kept)
	}
}

func TestCtrlCAfterEscQuestionSavesAndQuits(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	d.press("c", "a")
	d.typ("Nadia Karim")
	d.press("esc")
	if d.app.ask != pendingBack {
		t.Fatal("esc with a typed name did not ask")
	}
	d.press("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c at the leave question did not quit")
	}
	found := false
	for _, c := range store.contacts {
		found = found || c.Name == "Nadia Karim"
	}
	if !found {
		t.Fatal("the typed contact was not saved on the way out")
	}
}

func TestUnchangedScoreSaysWhichFactorsMoved(t *testing.T) {
	d := newDriver(t, demoStore(t), 120, 40)
	d.press("enter")
	w := d.app.workspace
	// A talk that covers someone (+4) but brings a new major objection (−4)
	// leaves the sum where it was.
	w.prevScore, w.prevVerd = w.r.Score, w.r.Verdict
	w.prevFacts = slices.Clone(w.r.Factors)
	for i := range w.prevFacts {
		switch w.prevFacts[i].Key {
		case readiness.FactorCoverage:
			w.prevFacts[i].Points -= 4
		case readiness.FactorObjections:
			w.prevFacts[i].Points += 4
		}
	}
	want := "Readiness unchanged at " + itoa(w.r.Score) + " (" + w.r.Verdict.String() + "): coverage +4, objections −4."
	if got := w.scoreChange(); got != want {
		t.Fatalf("score change reads %q, want %q", got, want)
	}
	w.prevFacts = slices.Clone(w.r.Factors)
	if got := w.scoreChange(); got != "" {
		t.Fatalf("nothing moved, yet the status says %q", got)
	}
}

func TestPersonJustAddedIsTheOneLNext(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	d.press("enter", "a", "enter") // someone new, from the Summary tab
	d.typ("Zoe Park")
	d.press("enter", "enter", "enter", "enter", "enter")          // name, title, org, kind, discretion
	d.press("right", "enter", "right", "right", "right", "enter") // decides, influence 3
	for range 7 {                                                 // the rest of whom as offered
		d.press("enter")
	}
	d.press("enter")
	d.typ("+2d")
	d.press("enter", "enter") // when
	d.press("right", "enter")
	d.typ("Share the benchmark")
	d.press("enter", "enter")                  // what
	d.press("down", "enter", "enter", "enter") // where
	if d.app.state() != screenWorkspace {
		t.Fatalf("adding a person ended on screen %d, want the workspace", d.app.state())
	}
	w := d.app.workspace
	var zoe int64
	for _, s := range w.d.Stakeholders {
		if w.d.Contacts[s.ContactID].Name == "Zoe Park" {
			zoe = s.ID
		}
	}
	if zoe == 0 {
		t.Fatal("Zoe Park was not added")
	}
	if r, ok := w.room.Selected(); !ok || r.ID != zoe {
		t.Fatal("the Room tab does not select the person just added")
	}
	d.press("l")
	if d.app.state() != screenLog || d.app.log.flow.draft.StakeholderID != zoe {
		t.Fatal("l after adding someone does not log a talk with them")
	}
}

func TestWalkthroughOfADecidedProposalShowsTheOutcome(t *testing.T) {
	d := newDriver(t, demoStore(t), 120, 40)
	d.press("G", "w") // the demo's approved proposal
	if d.app.walkthrough == nil || d.app.walkthrough.p.Status != model.StatusApproved {
		t.Fatal("this test expects the last demo proposal to be approved")
	}
	d.mustSee("approved · ")
	d.mustNotSee("Ready to pitch · ")
}

// Issue 14: leaving a form without saving said "Readiness unchanged at 38"
// on the workspace, as if something had been done. Nothing moved, so the
// status says only that the form was discarded.
func TestDiscardedFormSaysNothingOfReadiness(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("enter", "2", "e")
	d.typ("x")
	d.press("esc")
	if d.app.ask != pendingNone {
		d.press("d")
	}
	if d.app.state() != screenWorkspace {
		t.Fatalf("discarding the person form left screen %d, not the workspace", d.app.state())
	}
	d.mustNotSee("Readiness unchanged", "Readiness 38 → 38")
	d.mustSee("Discarded what you typed.")
	// Viewing another screen and coming back says nothing either.
	d.press("c", "esc")
	d.mustNotSee("Readiness unchanged")
}

// Issue 14 (read at 80×24): the workspace's key list ran past the bottom
// of the screen and lost "U redo"; every key shows at every size.
func TestEveryKeyShowsAt80x24(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
		d := newDriver(t, demoStore(t), size[0], size[1])
		d.press("enter", "2", "?")
		d.mustSee("jump to tab", "what if", "contacts", "today's agenda", "undo", "redo", "quit")
		checkFrame(t, d.view(), size[0], size[1])
	}
}

// Every screen's key list shows each of its keys whole at 80×24, 100×30 and
// 120×40: nothing runs past the bottom of the terminal.
func TestEveryScreenListsEveryKey(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
		for _, keys := range [][]string{{}, {"enter"}, {"enter", "2"}, {"enter", "3"}, {"enter", "4"}, {"o"}, {"b"}, {"c"}, {"T"}, {"w"}, {"enter", "D"}} {
			d := newDriver(t, demoStore(t), size[0], size[1])
			d.press(keys...)
			cur, _ := d.app.current()
			a := d.app
			global := append(append(a.globalKeys(cur), a.reviewKeysHelp()...), a.agendaKeysHelp()...)
			if a.undoAllowed(cur) {
				global = append(global, a.keys.Undo, a.keys.Redo)
			}
			var want []string
			for _, g := range append(cur.FullHelp(), global) {
				for _, b := range g {
					if b.Enabled() && b.Help().Desc != "" {
						want = append(want, b.Help().Desc)
					}
				}
			}
			d.press("?")
			v := d.view()
			checkFrame(t, v, size[0], size[1])
			for _, w := range want {
				if !strings.Contains(v, w) {
					t.Errorf("%dx%d after %v: the key list lacks %q:\n%s", size[0], size[1], keys, w, v)
					break
				}
			}
		}
	}
}
