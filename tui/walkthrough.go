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

	id       int64
	step     walkStep
	p        model.Proposal
	d        model.Dossier
	r        model.Readiness
	loaded   bool
	seq      int
	saveSeq  int
	waiting  bool
	after    walkStep
	finish   bool
	host     formHost
	draft    *proposalDraft
	started  proposalDraft
	flow     *personFlow
	people   grid
	review   viewport.Model
	hasShown bool
}

// newWalkthrough prepares the walkthrough for a proposal (0 starts a new one).
func newWalkthrough(b *backend, st *Styles, id int64) *walkthrough {
	w := &walkthrough{b: b, st: st, keys: newKeyMap(), id: id, draft: &proposalDraft{}}
	w.review = viewport.New()
	w.keys.Edit.SetHelp("enter", "fill in")
	return w
}

// Init starts a new proposal at once, or loads an existing one to resume.
func (w *walkthrough) Init() tea.Cmd {
	if w.id == 0 {
		w.loaded = true
		w.p = model.Proposal{Status: model.StatusDraft}
		return w.enter(walkProposal)
	}
	return w.load()
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
	case walkProposal:
		w.fillDraft()
		return w.startForm(w.proposalForm())
	case walkWhen:
		w.fillDraft()
		return w.startForm(w.whenForm())
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

// startForm shows a step form, snapshotting the draft to detect typing.
func (w *walkthrough) startForm(f *huh.Form) tea.Cmd {
	cmd := w.host.start(f, w.st)
	w.started = *w.draft
	return cmd
}

// fillDraft copies the proposal into the draft.
func (w *walkthrough) fillDraft() {
	p := w.p
	*w.draft = proposalDraft{Title: p.Title, Ask: p.Ask, Kind: p.Kind, Forum: p.Forum,
		Date: p.DecisionDate.String(), Rule: p.DecisionRule, Moment: p.Moment}
	if w.draft.Moment == model.MomentUnset {
		w.draft.Moment = model.MomentBeforeChange
	}
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
			return w, w.enter(walkStep(w.p.WalkStep + 1))
		}
		if w.flow == nil && !w.host.active() {
			w.buildPeople()
			if w.step == walkReview {
				w.review.SetContent(w.reviewText())
			}
		}
		w.syncKeys()
		return w, nil
	case proposalSavedMsg:
		if msg.seq != w.saveSeq {
			return w, nil
		}
		w.waiting = false
		if msg.err != nil {
			if w.host.form != nil && !w.host.active() {
				// The form was submitted: show it again with what was typed,
				// still counted as unsaved.
				f := w.proposalForm()
				if w.step == walkWhen {
					f = w.whenForm()
				}
				return w, tea.Batch(reportErr(msg.err), w.host.restart(f, w.st))
			}
			return w, reportErr(msg.err)
		}
		w.p, w.id = msg.proposal, msg.proposal.ID
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
	if w.host.active() {
		completed, cmd := w.host.update(msg)
		if completed {
			return w, tea.Batch(cmd, w.submitForm())
		}
		return w, cmd
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

// saveDraft writes the proposal (or the person being edited) as it stands,
// staying on this step.
func (w *walkthrough) saveDraft() tea.Cmd {
	if w.flow != nil {
		return w.flow.saveDraft()
	}
	return w.saveStep(w.step)
}

// saveStep writes the proposal with this step marked complete, then shows next.
func (w *walkthrough) saveStep(next walkStep) tea.Cmd {
	w.after = next
	p := w.p
	d := w.draft
	switch w.step {
	case walkProposal:
		date, err := model.ParseDate(d.Date, w.b.today())
		if err != nil {
			return reportErr(err)
		}
		p.Title, p.Ask, p.Kind = model.Normalize(d.Title, false), model.Normalize(d.Ask, true), d.Kind
		p.Forum, p.DecisionDate, p.DecisionRule = model.Normalize(d.Forum, false), date, d.Rule
		if strings.TrimSpace(p.Title) == "" {
			return reportErr(errors.New("the proposal needs a title before it can be saved"))
		}
	case walkWhen:
		p.Moment = d.Moment
	}
	p.WalkStep = max(p.WalkStep, int(w.step))
	w.saveSeq++
	w.waiting = true
	return w.b.saveProposal(w.saveSeq, p)
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
	case w.step == walkReview && key.Matches(k, w.keys.Finish):
		w.finish = true
		p := w.p
		p.WalkStep = int(walkReview)
		if p.Status == model.StatusDraft {
			p.Status = model.StatusPrewiring
		}
		w.saveSeq++
		w.waiting = true
		return w.b.saveProposal(w.saveSeq, p)
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

// capturing reports whether a text field has the keys.
func (w *walkthrough) capturing() bool {
	if w.flow != nil {
		return w.flow.host.capturing()
	}
	return w.host.capturing()
}

// wantsEsc reports whether esc belongs to a form (leaving a filter).
func (w *walkthrough) wantsEsc() bool {
	if w.flow != nil {
		return w.flow.host.wantsEsc()
	}
	return w.host.wantsEsc()
}

// dirty reports unsaved input in the form on screen.
func (w *walkthrough) dirty() bool {
	if w.flow != nil {
		return w.flow.dirty()
	}
	return w.host.active() && (w.host.unsaved || *w.draft != w.started)
}

// syncKeys enables the keys of the current step.
func (w *walkthrough) syncKeys() {
	list := w.flow == nil && (w.step == walkWhom || w.step == walkWhat || w.step == walkWhere)
	w.keys.Add.SetEnabled(list && w.step == walkWhom)
	w.keys.Edit.SetEnabled(list && w.people.Len() > 0)
	w.keys.NextStep.SetEnabled(list)
	w.keys.PrevStep.SetEnabled(w.flow == nil && w.step > walkProposal && !w.host.active())
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
		return w.host.keyBinds()
	}
	return []key.Binding{w.keys.Add, w.keys.Edit, w.keys.Finish, w.keys.NextStep, w.keys.PrevStep, w.keys.Move}
}

// FullHelp implements help.KeyMap.
func (w *walkthrough) FullHelp() [][]key.Binding {
	if w.flow != nil {
		return [][]key.Binding{w.flow.keyBinds()}
	}
	if w.host.active() {
		return [][]key.Binding{w.host.keyBinds()}
	}
	return [][]key.Binding{
		{w.keys.Add, w.keys.Edit, w.keys.NextStep, w.keys.PrevStep, w.keys.Finish},
		w.keys.navKeys(),
	}
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
