package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
)

// walkStep is a step of the walkthrough. Proposal.WalkStep stores the last
// one completed, so re-entering resumes at the next.
type walkStep int

const (
	walkProposal walkStep = iota + 1
	walkWhen
	walkWhom
	walkWhat
	walkWhere
	walkReview
)

// walkStepNames label the steps in the progress line.
var walkStepNames = [...]string{"", "Proposal", "When", "Whom", "What", "Where", "Review"}

// walkTop is the lines above a step's body: the progress line and a gap.
const walkTop = 2

// proposalDraft is what the proposal and when steps edit.
type proposalDraft struct {
	Title  string
	Ask    string
	Kind   model.ProposalKind
	Forum  string
	Date   string
	Rule   model.DecisionRule
	Moment model.Moment
}

// walkthrough guides a proposal through the proposal, when, whom, what,
// where and review steps, saving each as it is completed.
type walkthrough struct {
	b    *backend
	st   *Styles
	keys keyMap

	width, height int

	id      int64
	step    walkStep
	p       model.Proposal
	d       model.Dossier
	r       model.Readiness
	loaded  bool
	seq     int
	saveSeq int
	waiting bool
	after   walkStep
	finish  bool
	host    formHost
	draft   *proposalDraft
	// base is the draft as the workbook holds it (after the last load or
	// save): a form step whose draft differs has unsaved input.
	base proposalDraft
	// plan is the step form's fields, to resume at the first unanswered.
	plan formPlan
	// loadingDraft is set while a kept draft is looked for; offer is the
	// one found, shown with the resume-or-start-over question.
	loadingDraft bool
	offer        *model.Draft
	choice       resumeChoice
	// keptKey is the draft this walkthrough resumed: dropped when its step
	// is saved or discarded.
	keptKey string
	flow    *personFlow
	people  grid
	review  viewport.Model
}

// newWalkthrough prepares the walkthrough for a proposal (0 starts a new one).
func newWalkthrough(b *backend, st *Styles, id int64) *walkthrough {
	w := &walkthrough{b: b, st: st, keys: newKeyMap(), id: id, draft: &proposalDraft{}}
	w.review = viewport.New()
	w.keys.Edit.SetHelp("enter", "fill in")
	return w
}

// keptWalk is a half-filled proposal or when step kept as a draft.
type keptWalk struct {
	Step  walkStep
	Draft proposalDraft
	// Field is where the cursor was (see formPlan.index).
	Field int
}

// walkDraftKey names the kept draft of a new proposal or of one proposal.
func walkDraftKey(id int64) string {
	if id == 0 {
		return "walk:new"
	}
	return "walk:proposal:" + itoa64(id)
}

// Init looks for a kept draft of a new proposal, or loads an existing one
// to resume (and then looks for its draft).
func (w *walkthrough) Init() tea.Cmd {
	if w.id == 0 {
		w.loaded = true
		w.p = model.Proposal{Status: model.StatusDraft}
		w.fillDraft()
		return w.lookForDraft()
	}
	return w.load()
}

// lookForDraft reads the kept draft of this proposal's form steps.
func (w *walkthrough) lookForDraft() tea.Cmd {
	w.step = min(max(walkStep(w.p.WalkStep+1), walkProposal), walkReview)
	w.saveSeq++
	w.loadingDraft = true
	return w.b.loadDraft(w.saveSeq, walkDraftKey(w.p.ID))
}

// busy reports a read or write under way: keys then go nowhere.
func (w *walkthrough) busy() bool {
	return w.loadingDraft || w.waiting || (w.flow != nil && w.flow.busy())
}

// load reads the dossier; every save is followed by one.
func (w *walkthrough) load() tea.Cmd {
	w.seq++
	id := w.p.ID
	if id == 0 {
		id = w.id
	}
	return w.b.loadDossier(w.seq, id)
}

// title is the breadcrumb.
func (w *walkthrough) title() string {
	if t := clean(w.p.Title); t != "" {
		return "Walkthrough: " + t
	}
	return "New proposal"
}

// SetSize lays out the step's body.
func (w *walkthrough) SetSize(width, height int) {
	w.width, w.height = width, height
	body := max(height-walkTop, 4)
	w.host.SetSize(width, body)
	if w.flow != nil {
		w.flow.SetSize(width, body-2)
	}
	w.people.SetSize(width, max(body-6, 3))
	w.review.SetWidth(width)
	w.review.SetHeight(max(body-1, 2))
	if w.step == walkReview {
		w.review.SetContent(w.reviewText())
	}
}

// setStyles re-themes the forms.
func (w *walkthrough) setStyles(st *Styles) tea.Cmd {
	w.st = st
	w.host.setStyles(st)
	if w.flow != nil {
		w.flow.st = st
		w.flow.host.setStyles(st)
	}
	if w.step == walkReview {
		w.review.SetContent(w.reviewText())
	}
	return nil
}

// enter shows a step.
func (w *walkthrough) enter(s walkStep) tea.Cmd {
	w.step = min(max(s, walkProposal), walkReview)
	w.flow = nil
	w.host.stop()
	w.syncKeys()
	switch w.step {
	case walkProposal, walkWhen:
		return w.startForm(w.stepForm())
	case walkWhom, walkWhat, walkWhere:
		w.buildPeople()
		w.people.SetCursor(w.firstIncomplete())
	case walkReview:
		w.review.SetContent(w.reviewText())
		w.review.GotoTop()
	}
	w.syncKeys()
	return nil
}

// startForm shows a step form.
func (w *walkthrough) startForm(f *huh.Form) tea.Cmd { return w.host.start(f, w.st) }

// stepForm is the form of the proposal or when step.
func (w *walkthrough) stepForm() *huh.Form {
	w.plan = formPlan{}
	if w.step == walkWhen {
		return w.whenForm()
	}
	return w.proposalForm()
}

// atFirstField reports whether the step form's cursor is on its first field.
func (w *walkthrough) atFirstField() bool {
	return w.host.active() && w.plan.index(w.host.form) == 0
}

// fillDraft copies the proposal into the draft: the form steps edit the
// draft, which keeps what was typed while moving between them.
func (w *walkthrough) fillDraft() {
	p := w.p
	*w.draft = proposalDraft{Title: p.Title, Ask: p.Ask, Kind: p.Kind, Forum: p.Forum,
		Date: p.DecisionDate.String(), Rule: p.DecisionRule, Moment: p.Moment}
	if w.draft.Moment == model.MomentUnset {
		// Shown preselected on the when step, saved only when chosen there.
		w.draft.Moment = model.MomentBeforeChange
	}
	w.base = *w.draft
}

// answerOffer resumes the kept draft at its step, on the first field still
// unanswered, or drops it and resumes the walkthrough as stored.
func (w *walkthrough) answerOffer() tea.Cmd {
	d := *w.offer
	w.offer = nil
	resume := walkStep(w.p.WalkStep + 1)
	if w.choice == startOver {
		return tea.Batch(w.b.dropDraft(d.Key), w.enter(resume))
	}
	var kept keptWalk
	if err := readDraft(d, &kept); err != nil {
		return tea.Batch(reportErr(err), w.enter(resume))
	}
	*w.draft = kept.Draft
	w.keptKey = d.Key
	step := kept.Step
	if step != walkProposal && step != walkWhen {
		step = walkProposal
	}
	cmd := w.enter(step)
	return tea.Batch(cmd, w.plan.focus(w.host.form, w.firstUnanswered(kept.Field)))
}

// Update handles loads, saves, the forms and the list keys.
func (w *walkthrough) Update(msg tea.Msg) (*walkthrough, tea.Cmd) {
	switch msg := msg.(type) {
	case dossierLoadedMsg:
		if msg.seq != w.seq {
			return w, nil
		}
		if msg.err != nil {
			return w, reportErr(msg.err)
		}
		w.d, w.r, w.p = msg.dossier, msg.readiness, msg.dossier.Proposal
		first := !w.loaded
		w.loaded = true
		if first {
			w.fillDraft()
			return w, w.lookForDraft()
		}
		if w.flow == nil && !w.host.active() {
			w.buildPeople()
			if w.step == walkReview {
				w.review.SetContent(w.reviewText())
			}
		}
		w.syncKeys()
		return w, nil
	case draftLoadedMsg:
		if msg.seq != w.saveSeq {
			return w, nil
		}
		w.loadingDraft = false
		if msg.err == nil && msg.ok {
			w.offer = &msg.draft
			return w, w.host.start(resumeForm(msg.draft, w.b.today(), &w.choice), w.st)
		}
		return w, tea.Batch(errCmd(msg.err), w.enter(walkStep(w.p.WalkStep+1)))
	case draftKeptMsg:
		if w.flow != nil {
			break // the person form's draft
		}
		if msg.seq != w.saveSeq {
			return w, nil
		}
		w.waiting = false
		if msg.err != nil {
			return w, reportErr(msg.err)
		}
		w.keptKey = ""
		return w, navigate(statusMsg{text: keptStatus(msg.title)})
	case proposalSavedMsg:
		if msg.seq != w.saveSeq {
			return w, nil
		}
		w.waiting = false
		if msg.err != nil {
			if w.host.form != nil && !w.host.active() {
				// The form was submitted: show it again with what was typed,
				// still counted as unsaved.
				return w, tea.Batch(reportErr(msg.err), w.host.restart(w.stepForm(), w.st))
			}
			return w, reportErr(msg.err)
		}
		w.p, w.id = msg.proposal, msg.proposal.ID
		w.base, w.keptKey = *w.draft, ""
		if w.finish {
			return w, navigate(openWorkspaceMsg{id: w.p.ID, replace: true,
				status: "Walkthrough complete. Press l after you talk to someone."})
		}
		return w, tea.Batch(w.enter(w.after), w.load())
	}
	if w.flow != nil {
		cmd := w.flow.Update(msg)
		if w.flow.done {
			name := clean(w.flow.contact.Name)
			w.d = w.flow.dossier
			w.flow = nil
			w.buildPeople()
			w.people.SelectID(w.lastEdited(name))
			if next := w.firstIncomplete(); w.step != walkWhom && next >= 0 {
				w.people.SetCursor(next)
			}
			w.syncKeys()
			return w, tea.Batch(cmd, w.load(), navigate(statusMsg{text: w.savedHint(name)}))
		}
		return w, cmd
	}
	if w.busy() {
		return w, nil
	}
	if w.host.active() {
		if k, ok := msg.(tea.KeyPressMsg); ok && w.offer == nil && key.Matches(k, w.keys.PrevStep) && w.atFirstField() {
			// shift+tab on a step form's first field goes back a step,
			// keeping what was typed in the draft.
			if w.step > walkProposal {
				return w, w.enter(w.step - 1)
			}
			return w, nil
		}
		completed, cmd := w.host.update(msg)
		if !completed {
			return w, cmd
		}
		if w.offer != nil {
			return w, tea.Batch(cmd, w.answerOffer())
		}
		return w, tea.Batch(cmd, w.submitForm())
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		cmd := w.handleKey(k)
		w.syncKeys()
		return w, cmd
	}
	return w, nil
}

// lastEdited finds the stakeholder whose name was just saved.
func (w *walkthrough) lastEdited(name string) int64 {
	for _, s := range w.d.Stakeholders {
		if clean(w.d.Contacts[s.ContactID].Name) == name {
			return s.ID
		}
	}
	return 0
}

// savedHint tells the user what to do after a person is saved.
func (w *walkthrough) savedHint(name string) string {
	switch w.step {
	case walkWhom:
		return "Saved " + name + ". Press a to add someone else, or tab when everyone is listed."
	case walkWhat:
		return "Saved what to bring " + name + ". Pick the next person, or tab to go on to where."
	}
	return "Saved when and where to talk to " + name + ". Tab goes on to the review."
}

// submitForm saves a completed step form and moves to the next step.
func (w *walkthrough) submitForm() tea.Cmd { return w.saveStep(w.step + 1) }

// saveDraft keeps what is on screen without writing it to the workbook: a
// person's form as that person's draft, a step form as the walkthrough's
// draft. A step is marked done only when its form is completed.
func (w *walkthrough) saveDraft() tea.Cmd {
	if w.flow != nil {
		return w.flow.saveDraft()
	}
	if !w.host.active() {
		return nil
	}
	key := walkDraftKey(w.p.ID)
	var drop tea.Cmd
	if w.keptKey != "" && w.keptKey != key {
		drop = w.b.dropDraft(w.keptKey)
	}
	title := "the new proposal"
	if t := clean(w.draft.Title); t != "" {
		title = "“" + t + "”"
	}
	w.saveSeq++
	w.waiting = true
	kept := keptWalk{Step: w.step, Draft: *w.draft, Field: w.plan.index(w.host.form)}
	return tea.Batch(drop, w.b.keepDraft(w.saveSeq, key, title, kept))
}

// discardDraft drops the draft the open form was resumed from.
func (w *walkthrough) discardDraft() tea.Cmd {
	if w.flow != nil {
		return w.flow.discardDraft()
	}
	key := w.keptKey
	w.keptKey = ""
	return w.b.dropDraft(key)
}

// saveStep writes the proposal with this step marked complete, then shows next.
func (w *walkthrough) saveStep(next walkStep) tea.Cmd {
	w.after = next
	d := *w.draft
	step := w.step
	var date model.Date
	if step == walkProposal {
		var err error
		if date, err = model.ParseDate(d.Date, w.b.today()); err != nil {
			return reportErr(err)
		}
		if strings.TrimSpace(d.Title) == "" {
			return reportErr(errors.New("the proposal needs a title before it can be saved"))
		}
	}
	apply := func(p *model.Proposal) error {
		switch step {
		case walkProposal:
			p.Title, p.Ask, p.Kind = model.Normalize(d.Title, false), model.Normalize(d.Ask, true), d.Kind
			p.Forum, p.DecisionDate, p.DecisionRule = model.Normalize(d.Forum, false), date, d.Rule
		case walkWhen:
			p.Moment = d.Moment
		}
		p.WalkStep = max(p.WalkStep, int(step))
		return nil
	}
	drop := []string{walkDraftKey(w.p.ID)}
	if w.keptKey != "" && w.keptKey != drop[0] {
		drop = append(drop, w.keptKey)
	}
	w.saveSeq++
	w.waiting = true
	return w.b.saveWalkStep(w.saveSeq, w.p.ID, apply, drop)
}

// saveWalkStep creates the proposal (id 0) or edits it with apply, reading
// and writing in one transaction, then drops the drafts it came from.
func (b *backend) saveWalkStep(seq int, id int64, apply func(*model.Proposal) error, dropKeys []string) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		var p model.Proposal
		var err error
		if id == 0 {
			p = model.Proposal{Status: model.StatusDraft}
			if err = apply(&p); err == nil {
				p, err = store.CreateProposal(ctx, p)
			}
		} else {
			p, err = store.EditProposal(ctx, id, apply)
		}
		if err != nil {
			return proposalSavedMsg{seq: seq, err: err}
		}
		for _, k := range dropKeys {
			// The step is stored; a draft left behind is only offered again.
			_ = store.DeleteDraft(ctx, k)
		}
		return proposalSavedMsg{seq: seq, proposal: p}
	}
}

// handleKey handles the list steps and the review.
func (w *walkthrough) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if w.waiting {
		return nil
	}
	switch {
	case key.Matches(k, w.keys.PrevStep):
		if w.step > walkProposal {
			return w.enter(w.step - 1)
		}
		return nil
	case key.Matches(k, w.keys.JumpTab):
		return w.jump(walkStep(int(k.Code - '0')))
	case w.step == walkReview && key.Matches(k, w.keys.Finish):
		w.finish = true
		w.saveSeq++
		w.waiting = true
		return w.b.saveWalkStep(w.saveSeq, w.p.ID, func(p *model.Proposal) error {
			p.WalkStep = int(walkReview)
			if p.Status == model.StatusDraft {
				p.Status = model.StatusPrewiring
			}
			return nil
		}, nil)
	case w.step == walkReview:
		w.scrollReview(k)
		return nil
	case key.Matches(k, w.keys.NextStep):
		if w.step == walkWhom && len(w.d.Stakeholders) == 0 {
			return reportErr(errors.New("add at least the person who decides (press a) before going on"))
		}
		return w.saveStep(w.step + 1)
	case w.people.moveKey(w.keys, k):
		// Moved the people list; nothing more to do.
		return nil
	case w.step == walkWhom && key.Matches(k, w.keys.Add):
		return w.openFlow(0, []personStage{stageWhom})
	case key.Matches(k, w.keys.Edit):
		r, ok := w.people.Selected()
		if !ok {
			return nil
		}
		switch w.step {
		case walkWhom:
			return w.openFlow(r.id, []personStage{stageWhom})
		case walkWhat:
			return w.openFlow(r.id, []personStage{stageWhat})
		case walkWhere:
			return w.openFlow(r.id, []personStage{stageWhen, stageWhere})
		}
	}
	return nil
}

// jump goes to any step done so far, or the next one to do.
func (w *walkthrough) jump(s walkStep) tea.Cmd {
	if s < walkProposal || s > walkReview {
		return nil
	}
	if int(s) > w.p.WalkStep+1 {
		return reportErr(errors.New("finish step " + itoa(w.p.WalkStep+1) + " (" + walkStepNames[w.p.WalkStep+1] + ") before going to " + walkStepNames[s]))
	}
	return w.enter(s)
}

// scrollReview scrolls the readiness summary.
func (w *walkthrough) scrollReview(k tea.KeyPressMsg) {
	switch {
	case key.Matches(k, w.keys.Up):
		w.review.ScrollUp(1)
	case key.Matches(k, w.keys.Down):
		w.review.ScrollDown(1)
	case key.Matches(k, w.keys.PageUp):
		w.review.PageUp()
	case key.Matches(k, w.keys.PageDown):
		w.review.PageDown()
	}
}

// openFlow opens the person forms inside the walkthrough.
func (w *walkthrough) openFlow(id int64, stages []personStage) tea.Cmd {
	w.flow = newPersonFlow(w.b, w.st, w.d, id, stages)
	w.flow.SetSize(w.width, max(w.height-walkTop-2, 4))
	w.syncKeys()
	return w.flow.Init()
}

// back closes an open person form before leaving the walkthrough.
func (w *walkthrough) back() (bool, tea.Cmd) {
	if w.flow != nil {
		w.flow = nil
		w.syncKeys()
		return true, w.load()
	}
	return false, nil
}

// capturing reports whether the walkthrough takes every key: a text field
// has them, or something is read or written (keys then go nowhere).
func (w *walkthrough) capturing() bool {
	if w.busy() {
		return true
	}
	if w.flow != nil {
		return w.flow.host.capturing()
	}
	return w.host.capturing()
}

// wantsEsc reports whether esc belongs to a form (leaving a filter), or is
// held while something is written.
func (w *walkthrough) wantsEsc() bool {
	if w.waiting || (w.flow != nil && w.flow.waiting) {
		return true
	}
	if w.flow != nil {
		return w.flow.host.wantsEsc()
	}
	return w.host.wantsEsc()
}

// formShowing reports a form on screen: u and U wait until it is closed.
func (w *walkthrough) formShowing() bool { return w.flow != nil || w.host.active() }

// dirty reports input on screen neither written nor kept.
func (w *walkthrough) dirty() bool {
	if w.flow != nil {
		return w.flow.dirty()
	}
	if w.offer != nil || w.busy() {
		return false
	}
	return w.host.active() && (w.host.unsaved || *w.draft != w.base)
}

// firstUnanswered is where a resumed step form puts the cursor: the first
// of its questions with no answer, else where the person left off.
func (w *walkthrough) firstUnanswered(left int) huh.Field {
	d := w.draft
	if w.step == walkProposal {
		for i, empty := range []bool{d.Title == "", d.Ask == "", false, d.Forum == "", d.Date == ""} {
			if empty {
				return w.plan.at(i)
			}
		}
	}
	return w.plan.at(left)
}

// syncKeys enables the keys of the current step.
func (w *walkthrough) syncKeys() {
	list := w.flow == nil && (w.step == walkWhom || w.step == walkWhat || w.step == walkWhere)
	w.keys.Add.SetEnabled(list && w.step == walkWhom)
	w.keys.Edit.SetEnabled(list && w.people.Len() > 0)
	w.keys.NextStep.SetEnabled(list)
	w.keys.PrevStep.SetEnabled(w.flow == nil && w.step > walkProposal)
	w.keys.JumpTab.SetEnabled(list || w.step == walkReview)
	w.keys.JumpTab.SetHelp("1–6", "go to step")
	w.keys.Finish.SetEnabled(w.flow == nil && w.step == walkReview)
	w.keys.Finish.SetHelp("enter", "finish")
	w.keys.NextStep.SetHelp("tab", "next step")
	w.keys.PrevStep.SetHelp("shift+tab", "step back")
	w.keys.Edit.SetHelp("enter", "fill in")
	if w.step == walkWhom {
		w.keys.Edit.SetHelp("enter", "edit")
	}
	for _, b := range []*key.Binding{&w.keys.Up, &w.keys.Down, &w.keys.Move} {
		b.SetEnabled(list || w.step == walkReview)
	}
	w.keys.Move.SetHelp("↑/↓", "move")
	if w.step == walkReview {
		w.keys.Move.SetHelp("↑/↓", "scroll")
	}
}

// ShortHelp implements help.KeyMap.
func (w *walkthrough) ShortHelp() []key.Binding {
	if w.flow != nil {
		return w.flow.keyBinds()
	}
	if w.host.active() {
		return w.formKeys()
	}
	return []key.Binding{w.keys.Add, w.keys.Edit, w.keys.Finish, w.keys.NextStep, w.keys.PrevStep, w.keys.Move, w.keys.JumpTab}
}

// FullHelp implements help.KeyMap.
func (w *walkthrough) FullHelp() [][]key.Binding {
	if w.flow != nil {
		return [][]key.Binding{w.flow.keyBinds()}
	}
	if w.host.active() {
		return [][]key.Binding{w.formKeys()}
	}
	return [][]key.Binding{
		{w.keys.Add, w.keys.Edit, w.keys.NextStep, w.keys.PrevStep, w.keys.JumpTab, w.keys.Finish},
		w.keys.navKeys(),
	}
}

// formKeys are a step form's keys, with shift+tab back a step where it
// means that (the form's first field, after the first step).
func (w *walkthrough) formKeys() []key.Binding {
	keys := w.host.keyBinds()
	if w.offer != nil || w.step == walkProposal || !w.atFirstField() || len(keys) == 0 {
		return keys
	}
	return append([]key.Binding{keys[0], w.keys.PrevStep}, keys[1:]...)
}

// progress is the step indicator: "Step 3 of 6  ✓ Proposal › ✓ When › Whom › …".
func (w *walkthrough) progress() string {
	st := w.st
	parts := make([]string, 0, 6)
	for s := walkProposal; s <= walkReview; s++ {
		name := walkStepNames[s]
		switch {
		case s == w.step:
			parts = append(parts, st.StepCurrent.Render("["+name+"]"))
		case int(s) <= w.p.WalkStep:
			parts = append(parts, st.StepDone.Render("✓ "+name))
		default:
			parts = append(parts, st.StepTodo.Render(name))
		}
	}
	return st.Muted.Render("Step "+itoa(int(w.step))+" of 6  ") + strings.Join(parts, st.Muted.Render(" › "))
}

// View shows the progress line and the step.
func (w *walkthrough) View() string {
	if !w.loaded {
		return w.st.Muted.Render("Loading the proposal…")
	}
	var body string
	switch {
	case w.flow != nil:
		heading := "Add a person"
		if !w.flow.adding() {
			heading = clean(w.flow.contact.Name)
		}
		if p := w.flow.progress(); p != "" {
			heading += "  " + p
		}
		body = w.st.Heading.Render(heading) + "\n\n" + w.flow.View()
	case w.waiting && !w.host.active():
		body = w.st.Muted.Render("Saving…")
	case w.host.active():
		body = w.host.view()
	case w.step == walkReview:
		hint := "Press enter to finish and open the workspace."
		if !w.review.AtBottom() {
			hint = "↓ scrolls for more · " + hint
		}
		body = w.review.View() + "\n" + w.st.Muted.Render(hint)
	default:
		body = w.listView()
	}
	return w.progress() + "\n\n" + body
}
