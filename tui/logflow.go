package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
)

// logStage is one form of "log a conversation"; each is saved on completion.
type logStage int

const (
	// logTalk: who, when, how, and the reading of it.
	logTalk logStage = iota
	// logRaised: objections and blind spots raised in it.
	logRaised
	// logStance: their stance now, with a suggestion from the reading.
	logStance
)

// logDraft is what the log forms edit.
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
	// PersonText is the typed name when the proposal has too many people to list.
	PersonText string
}

// touchpointLoggedMsg reports the conversation written to the store.
type touchpointLoggedMsg struct {
	seq        int
	touchpoint model.Touchpoint
	err        error
}

func (m touchpointLoggedMsg) saveErr() error { return m.err }

// raisedSavedMsg reports the objections and blind spots written.
type raisedSavedMsg struct {
	seq        int
	objections int
	blindSpots int
	err        error
}

func (m raisedSavedMsg) saveErr() error { return m.err }

// stanceSavedMsg reports the stakeholder's new stance written.
type stanceSavedMsg struct {
	seq         int
	stakeholder model.Stakeholder
	err         error
}

func (m stanceSavedMsg) saveErr() error { return m.err }

// logTouchpoint writes the conversation.
func (b *backend) logTouchpoint(seq int, d logDraft) tea.Cmd {
	st, ctx, today := b.st, b.ctx, b.today()
	return func() tea.Msg {
		date, err := model.ParsePastDate(d.Date, today)
		if err != nil {
			return touchpointLoggedMsg{seq: seq, err: err}
		}
		if date.IsZero() {
			date = today
		}
		t, err := st.LogTouchpoint(ctx, model.Touchpoint{
			StakeholderID: d.StakeholderID, Date: date, Channel: d.Channel, Kind: d.Kind, Opener: d.Opener,
			Sentiment: d.Sentiment, Said: model.Normalize(d.Said, true), Subtext: model.Normalize(d.Subtext, true),
			FollowUp: model.Normalize(d.FollowUp, false),
		})
		return touchpointLoggedMsg{seq: seq, touchpoint: t, err: err}
	}
}

// saveRaised writes one objection per line and one blind spot per line.
func (b *backend) saveRaised(seq int, d logDraft, t model.Touchpoint) tea.Cmd {
	st, ctx := b.st, b.ctx
	return func() tea.Msg {
		msg := raisedSavedMsg{seq: seq}
		for _, line := range lines(d.Objections) {
			_, err := st.AddObjection(ctx, model.Objection{
				ProposalID: t.ProposalID, RaisedByID: t.StakeholderID, TouchpointID: t.ID,
				Text: line, Severity: d.Severity, Status: model.ObjectionOpen, RaisedOn: t.Date,
			})
			if err != nil {
				msg.err = err
				return msg
			}
			msg.objections++
		}
		for _, line := range lines(d.BlindSpots) {
			_, err := st.AddBlindSpot(ctx, model.BlindSpot{
				ProposalID: t.ProposalID, SurfacedByID: t.StakeholderID, TouchpointID: t.ID,
				Text: line, Status: model.BlindSpotOpen, RaisedOn: t.Date,
			})
			if err != nil {
				msg.err = err
				return msg
			}
			msg.blindSpots++
		}
		return msg
	}
}

// saveStance writes the stakeholder's new stance. It re-reads the row first:
// logging the conversation has just marked their planned talk as held.
func (b *backend) saveStance(seq int, id int64, stance model.Stance) tea.Cmd {
	st, ctx := b.st, b.ctx
	return func() tea.Msg {
		s, err := st.GetStakeholder(ctx, id)
		if err != nil {
			return stanceSavedMsg{seq: seq, err: err}
		}
		if s.Stance == stance {
			return stanceSavedMsg{seq: seq, stakeholder: s}
		}
		s.Stance = stance
		s, err = st.UpdateStakeholder(ctx, s)
		return stanceSavedMsg{seq: seq, stakeholder: s, err: err}
	}
}

// lines splits typed text into its non-empty, normalised lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(model.Normalize(s, true), "\n") {
		if l = model.Normalize(l, false); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// logFlow is "log a conversation": the talk and its reading, then what was
// raised, then the stance. A component used by the log screen.
type logFlow struct {
	b       *backend
	st      *Styles
	host    formHost
	stage   logStage
	draft   *logDraft
	started logDraft
	dossier model.Dossier
	logged  model.Touchpoint
	seq     int
	waiting bool
	done    bool
	summary []string
	pick    *personPick
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

// Init shows the first form.
func (f *logFlow) Init() tea.Cmd { return f.startStage() }

// SetSize resizes the current form.
func (f *logFlow) SetSize(w, h int) { f.host.SetSize(w, h) }

// dirty reports whether something entered has not been saved yet.
func (f *logFlow) dirty() bool {
	return f.host.active() && (f.host.unsaved || *f.draft != f.started)
}

// saveDraft saves the current stage as it stands.
func (f *logFlow) saveDraft() tea.Cmd {
	if f.pick != nil && f.stage == logTalk {
		f.draft.StakeholderID = f.pick.value(f.draft.StakeholderID, f.draft.PersonText)
	}
	f.seq++
	f.waiting = true
	switch f.stage {
	case logRaised:
		return f.b.saveRaised(f.seq, *f.draft, f.logged)
	case logStance:
		return f.b.saveStance(f.seq, f.draft.StakeholderID, f.draft.Stance)
	}
	return f.b.logTouchpoint(f.seq, *f.draft)
}

// Update runs the forms and the saves between them.
func (f *logFlow) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case touchpointLoggedMsg:
		return f.saved(msg.seq, msg.err, func() {
			f.logged = msg.touchpoint
			f.summary = append(f.summary, "Logged the talk with "+personName(f.dossier, f.draft.StakeholderID)+".")
		})
	case raisedSavedMsg:
		return f.saved(msg.seq, msg.err, func() {
			if msg.objections+msg.blindSpots > 0 {
				f.summary = append(f.summary, "+"+plural(msg.objections, "objection", "objections")+", +"+plural(msg.blindSpots, "blind spot", "blind spots")+".")
			}
		})
	case stanceSavedMsg:
		return f.saved(msg.seq, msg.err, func() {})
	}
	if f.waiting || !f.host.active() {
		return nil
	}
	completed, cmd := f.host.update(msg)
	if completed {
		return tea.Batch(cmd, f.saveDraft())
	}
	return cmd
}

// saved moves to the next stage after a successful write, or stays put.
func (f *logFlow) saved(seq int, err error, ok func()) tea.Cmd {
	if seq != f.seq {
		return nil
	}
	f.waiting = false
	if err != nil {
		return tea.Batch(reportErr(err), f.host.restart(f.stageForm(), f.st))
	}
	ok()
	if f.stage == logStance {
		f.done = true
		f.host.stop()
		return nil
	}
	f.stage++
	return f.startStage()
}

// startStage shows the current stage's form, built from the draft.
func (f *logFlow) startStage() tea.Cmd {
	f.started = *f.draft
	return f.host.start(f.stageForm(), f.st)
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
	if f.waiting || !f.host.active() {
		return f.st.Muted.Render("Saving…")
	}
	return f.host.view()
}

// keyBinds are the focused field's keys.
func (f *logFlow) keyBinds() []key.Binding { return f.host.keyBinds() }

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

// talkForm asks about the conversation: who, when, how, and how it went.
func (f *logFlow) talkForm() *huh.Form {
	d := f.draft
	today := f.b.today()
	labels := make([]string, 0, len(f.dossier.Stakeholders))
	ids := make([]int64, 0, len(f.dossier.Stakeholders))
	for _, s := range f.dossier.Stakeholders {
		labels, ids = append(labels, clean(f.dossier.Contacts[s.ContactID].Name)), append(ids, s.ID)
	}
	people := newPersonPick("", labels, ids)
	f.pick = &people
	openers := append([]huh.Option[model.Opener]{huh.NewOption("none", model.OpenerUnset)}, enumOptions(model.Openers())...)
	sentiments := make([]huh.Option[int], 0, 5)
	for n := 2; n >= -2; n-- {
		sentiments = append(sentiments, huh.NewOption(sentimentLabel(n), n))
	}
	return huh.NewForm(
		huh.NewGroup(
			people.field("Who did you talk to?", "", &d.StakeholderID, &d.PersonText, 5),
			huh.NewInput().Title("When").Description("today, yesterday, -3d, 2026-11-19").Value(&d.Date).
				Validate(func(s string) error { _, err := model.ParsePastDate(s, today); return err }),
			huh.NewSelect[model.Venue]().Title("Channel").Inline(true).Options(enumOptions(model.Venues())...).Value(&d.Channel),
			huh.NewSelect[model.TouchKind]().Title("What kind of conversation").Inline(true).
				Options(enumOptions(model.TouchKinds())...).Value(&d.Kind),
			huh.NewSelect[model.Opener]().Title("Opener used").Inline(true).Options(openers...).Value(&d.Opener),
		).Title("Log a conversation"),
		// One text field per group: huh hands $EDITOR's result to every
		// text field of the group on screen.
		huh.NewGroup(
			huh.NewSelect[int]().Title("How did it go?").Description("your reading of their sentiment").
				Options(sentiments...).Value(&d.Sentiment),
			huh.NewText().Title("What did they say?").Description("ctrl+e writes in $EDITOR").
				Lines(4).Value(&d.Said).CharLimit(model.MaxTextLen),
		).Title("How it went"),
		huh.NewGroup(
			huh.NewText().Title("What was not said?").Description("the subtext: hesitations, what they avoided").
				Lines(4).Value(&d.Subtext).CharLimit(model.MaxTextLen),
			huh.NewInput().Title("Follow-up").Placeholder("optional: what you promised to send or do").
				Value(&d.FollowUp).CharLimit(500),
		).Title("How it went"),
	)
}

// raisedForm asks for objections and blind spots raised in the conversation.
func (f *logFlow) raisedForm() *huh.Form {
	d := f.draft
	title := "Raised in the conversation with " + personName(f.dossier, d.StakeholderID)
	return huh.NewForm(
		huh.NewGroup(
			huh.NewText().Title("Objections they raised").Description("one per line; leave empty if none").
				Lines(4).Value(&d.Objections).CharLimit(model.MaxTextLen),
			huh.NewSelect[model.Severity]().Title("How serious are they?").Inline(true).
				Options(enumOptions([]model.Severity{model.SeverityMinor, model.SeverityMajor, model.SeverityBlocker})...).Value(&d.Severity),
		).Title(title),
		huh.NewGroup(
			huh.NewText().Title("Blind spots they surfaced").Description("things you had not seen; one per line").
				Lines(4).Value(&d.BlindSpots).CharLimit(model.MaxTextLen),
		).Title(title),
	)
}

// stanceForm asks where they stand now, suggesting a move from the reading.
func (f *logFlow) stanceForm() *huh.Form {
	d := f.draft
	s, _ := stakeholderByID(f.dossier, d.StakeholderID)
	suggested := model.SuggestStance(s.Stance, d.Sentiment)
	d.Stance = suggested
	opts := make([]huh.Option[model.Stance], 0, 6)
	for _, st := range model.Stances() {
		label := st.String()
		switch {
		case st == suggested && st == s.Stance:
			label += " (unchanged, suggested)"
		case st == suggested:
			label += " (suggested)"
		case st == s.Stance:
			label += " (before)"
		}
		opts = append(opts, huh.NewOption(label, st))
	}
	hint := "A " + strings.TrimSpace(sentimentLabel(d.Sentiment)) + " reading of someone " + s.Stance.String() + " suggests " + suggested.String() + "."
	return huh.NewForm(huh.NewGroup(
		huh.NewSelect[model.Stance]().Title("Where does " + personName(f.dossier, d.StakeholderID) + " stand now?").
			Description(hint).Options(opts...).Value(&d.Stance),
	).Title("Their stance"))
}
