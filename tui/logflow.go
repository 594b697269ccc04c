package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// logStage is one form of "log a conversation". The stages fill one draft;
// nothing is written until the last is done, and then all of it is one
// action (one undo step): the talk, what was raised in it and the stance.
type logStage int

const (
	// logTalk: who, when, how, and the reading of it.
	logTalk logStage = iota
	// logRaised: objections and blind spots raised in it.
	logRaised
	// logStance: their stance now, with a suggestion from the reading.
	logStance
)

// logDraft is what the log forms edit; it is also what a kept draft holds.
type logDraft struct {
	StakeholderID int64
	Date          string
	Channel       model.Venue
	Kind          model.TouchKind
	Opener        model.Opener
	Sentiment     int
	Said          string
	Subtext       string
	FollowUp      string
	Objections    string
	Severity      model.Severity
	BlindSpots    string
	Stance        model.Stance
	// StanceSet is whether the stance form has been shown (and so Stance
	// holds an answer or the suggestion on screen), so a resumed draft
	// does not replace it with a fresh suggestion.
	StanceSet bool
	// PersonText is the typed name when the proposal has too many people to list.
	PersonText string
	// Owes and Due make the follow-up a commitment (Due as typed).
	Owes model.Commitment
	Due  string
}

// keptLog is a half-filled log kept as a draft: the stage reached and the
// answers so far.
type keptLog struct {
	Stage logStage
	Draft logDraft
	// Field is where the cursor was in the talk form (see formPlan.index).
	Field int
}

// logDraftKey names the kept draft of a conversation with a stakeholder.
func logDraftKey(stakeholderID int64) string {
	return "log:stakeholder:" + itoa64(stakeholderID)
}

// logFlow is "log a conversation": the talk and its reading, then what was
// raised, then the stance, written once at the end. Leaving midway keeps it
// as a draft that is offered again when the person logs with them next.
type logFlow struct {
	b     *backend
	st    *Styles
	host  widget.FormHost
	stage logStage
	draft *logDraft
	// pristine is the stage and draft the flow started from (fresh or
	// resumed): anything else is unsaved input.
	pristine keptLog
	dossier  model.Dossier
	seq      int
	// loading is set while a kept draft is looked for; offer is the one
	// found, shown with the resume-or-start-over question.
	loading bool
	offer   *model.Draft
	choice  resumeChoice
	// keptKey is the draft this flow resumed: dropped when it is saved or
	// discarded.
	keptKey string
	waiting bool
	done    bool
	summary []string
	pick    *widget.PersonPick
	// plan is the talk form's fields, to resume where the person left.
	plan formPlan
}

// newLogFlow prepares the flow with the selected person as the default.
func newLogFlow(b *backend, st *Styles, d model.Dossier, stakeholderID int64) *logFlow {
	dr := &logDraft{StakeholderID: stakeholderID, Date: "today", Channel: model.VenueInPerson, Kind: model.TouchAsk}
	if stakeholderID == 0 && len(d.Stakeholders) > 0 {
		dr.StakeholderID = d.Stakeholders[0].ID
	}
	if s, ok := stakeholderByID(d, dr.StakeholderID); ok {
		dr.Opener = s.Plan.Opener
		if s.Plan.Venue != model.VenueUnset {
			dr.Channel = s.Plan.Venue
		}
		if s.Plan.Approach == model.ApproachShare {
			dr.Kind = model.TouchShare
		}
	}
	return &logFlow{b: b, st: st, draft: dr, dossier: d}
}

// stakeholderByID finds a stakeholder in a dossier.
func stakeholderByID(d model.Dossier, id int64) (model.Stakeholder, bool) {
	for _, s := range d.Stakeholders {
		if s.ID == id {
			return s, true
		}
	}
	return model.Stakeholder{}, false
}

// personName is the cleaned name of a stakeholder in a dossier.
func personName(d model.Dossier, id int64) string {
	if s, ok := stakeholderByID(d, id); ok {
		if n := clean(d.Contacts[s.ContactID].Name); n != "" {
			return n
		}
	}
	return "them"
}

// Init looks for a kept draft with the person, then shows the first form.
func (f *logFlow) Init() tea.Cmd {
	if f.draft.StakeholderID == 0 {
		return f.begin()
	}
	f.seq++
	f.loading = true
	return f.b.loadDraft(f.seq, logDraftKey(f.draft.StakeholderID))
}

// begin shows the current stage, remembering it as the starting point.
func (f *logFlow) begin() tea.Cmd {
	f.pristine = keptLog{Stage: f.stage, Draft: *f.draft, Field: -1}
	return f.host.Start(f.stageForm(), f.st.huhTheme())
}

// SetSize resizes the current form.
func (f *logFlow) SetSize(w, h int) { f.host.SetSize(w, h) }

// busy reports a read or write under way: keys then go nowhere.
func (f *logFlow) busy() bool { return f.loading || f.waiting }

// dirty reports input not yet written to the workbook or kept as a draft.
func (f *logFlow) dirty() bool {
	if f.offer != nil || f.busy() || f.done || !f.host.Active() {
		return false
	}
	return f.host.Unsaved() || f.stage != f.pristine.Stage || *f.draft != f.pristine.Draft
}

// resolvePick reads the typed person when the list is too long to show.
func (f *logFlow) resolvePick() {
	if f.pick != nil && f.stage == logTalk {
		f.draft.StakeholderID = f.pick.Value(f.draft.StakeholderID, f.draft.PersonText)
	}
}

// saveDraft keeps the half-filled log as a draft ("save it" on leaving):
// nothing reaches the workbook before the last stage is done.
func (f *logFlow) saveDraft() tea.Cmd {
	f.resolvePick()
	key := logDraftKey(f.draft.StakeholderID)
	f.seq++
	f.waiting = true
	var drop tea.Cmd
	if f.keptKey != "" && f.keptKey != key {
		drop = f.b.dropDraft(f.keptKey)
	}
	title := "the conversation with " + personName(f.dossier, f.draft.StakeholderID)
	return tea.Batch(drop, f.b.keepDraft(f.seq, key, title, f.kept()))
}

// kept is the half-filled log as a draft holds it.
func (f *logFlow) kept() keptLog {
	k := keptLog{Stage: f.stage, Draft: *f.draft, Field: -1}
	if f.stage == logTalk && f.host.Active() {
		k.Field = f.plan.index(f.host.Form)
	}
	return k
}

// discardDraft drops the draft this flow resumed ("discard it" on leaving):
// discarding a log discards all of it.
func (f *logFlow) discardDraft() tea.Cmd {
	key := f.keptKey
	f.keptKey = ""
	return f.b.dropDraft(key)
}

// Update runs the forms, the draft offer and the final write.
func (f *logFlow) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case draftLoadedMsg:
		if msg.seq != f.seq {
			return nil
		}
		f.loading = false
		if msg.err != nil || !msg.ok {
			return tea.Batch(errCmd(msg.err), f.begin())
		}
		f.offer = &msg.draft
		return f.host.Start(resumeForm(msg.draft, f.b.today(), &f.choice), f.st.huhTheme())
	case draftKeptMsg:
		if msg.seq != f.seq {
			return nil
		}
		f.waiting = false
		if msg.err != nil {
			return reportErr(msg.err)
		}
		f.keptKey = ""
		return navigate(statusMsg{text: keptStatus(msg.title)})
	case conversationRecordedMsg:
		if msg.seq != f.seq {
			return nil
		}
		f.waiting = false
		if msg.err != nil {
			// Stay on the last form with every answer; the status line
			// says why, and the input still counts as unsaved.
			return tea.Batch(reportErr(msg.err), f.host.Restart(f.stageForm(), f.st.huhTheme()))
		}
		f.summary = append(f.summary, "Logged the talk with "+personName(f.dossier, f.draft.StakeholderID)+".")
		if n, m := len(msg.conv.Objections), len(msg.conv.BlindSpots); n+m > 0 {
			f.summary = append(f.summary, "+"+model.Plural(n, "objection", "objections")+", +"+model.Plural(m, "blind spot", "blind spots")+".")
		}
		f.done = true
		f.host.Stop()
		return nil
	}
	if f.busy() || !f.host.Active() {
		return nil
	}
	completed, cmd := f.host.Update(msg)
	if !completed {
		return cmd
	}
	if f.offer != nil {
		return tea.Batch(cmd, f.answerOffer())
	}
	return tea.Batch(cmd, f.next())
}

// answerOffer resumes the kept draft or drops it and starts afresh.
func (f *logFlow) answerOffer() tea.Cmd {
	d := *f.offer
	f.offer = nil
	if f.choice == startOver {
		return tea.Batch(f.b.dropDraft(d.Key), f.begin())
	}
	var kept keptLog
	if err := readDraft(d, &kept); err != nil {
		return tea.Batch(reportErr(err), f.begin())
	}
	if _, ok := stakeholderByID(f.dossier, kept.Draft.StakeholderID); !ok {
		kept.Draft.StakeholderID = f.draft.StakeholderID
	}
	*f.draft, f.stage = kept.Draft, min(max(kept.Stage, logTalk), logStance)
	f.keptKey = d.Key
	cmd := f.begin()
	if f.stage == logTalk {
		cmd = tea.Batch(cmd, f.plan.focus(f.host.Form, f.plan.at(kept.Field)))
	}
	return cmd
}

// next moves to the next stage, or writes the whole conversation after the
// last.
func (f *logFlow) next() tea.Cmd {
	f.resolvePick()
	if f.stage < logStance {
		f.stage++
		return f.host.Start(f.stageForm(), f.st.huhTheme())
	}
	f.seq++
	f.waiting = true
	drop := []string{logDraftKey(f.draft.StakeholderID)}
	if f.keptKey != "" && f.keptKey != drop[0] {
		drop = append(drop, f.keptKey)
	}
	return f.b.recordConversation(f.seq, *f.draft, drop...)
}

// errCmd reports err, or does nothing when there is none.
func errCmd(err error) tea.Cmd {
	if err == nil {
		return nil
	}
	return reportErr(err)
}

// stageForm is the current stage's form.
func (f *logFlow) stageForm() *huh.Form {
	switch f.stage {
	case logTalk:
		return f.talkForm()
	case logRaised:
		return f.raisedForm()
	}
	return f.stanceForm()
}

// View renders the current form.
func (f *logFlow) View() string {
	switch {
	case f.loading:
		return f.st.Muted.Render("Looking for a draft…")
	case f.waiting || !f.host.Active():
		return f.st.Muted.Render("Saving…")
	}
	return f.host.View()
}

// keyBinds are the focused field's keys.
func (f *logFlow) keyBinds() []key.Binding { return f.host.KeyBinds() }

// progress shows the three stages.
func (f *logFlow) progress() string {
	names := []string{"the conversation", "raised in it", "stance now"}
	parts := make([]string, len(names))
	for i, n := range names {
		switch {
		case i < int(f.stage):
			parts[i] = f.st.StepDone.Render("✓ " + n)
		case i == int(f.stage):
			parts[i] = f.st.StepCurrent.Render("[" + n + "]")
		default:
			parts[i] = f.st.StepTodo.Render(n)
		}
	}
	return strings.Join(parts, f.st.Muted.Render(" › "))
}
