package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/tui/widget"
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
	r       readiness.Readiness
	loaded  bool
	seq     int
	saveSeq int
	waiting bool
	after   walkStep
	finish  bool
	host    widget.FormHost
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
	people  widget.Grid
	review  viewport.Model
	// sizes are the parts' heights as last laid out (walk_layout.go).
	sizes walkSizes
}

// newWalkthrough prepares the walkthrough for a proposal (0 starts a new one).
func newWalkthrough(b *backend, st *Styles, id int64) *walkthrough {
	w := &walkthrough{b: b, st: st, keys: newKeyMap(), id: id, draft: &proposalDraft{}}
	w.review = viewport.New()
	w.keys.Edit.SetHelp("enter", "fill in")
	return w
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
	w.sizes = walkSizes{}
	w.layout()
	w.review.SetWidth(width)
	if w.step == walkReview {
		w.review.SetContent(w.reviewText())
	}
}

// setStyles re-themes the forms.
func (w *walkthrough) setStyles(st *Styles) tea.Cmd {
	w.st = st
	w.host.SetTheme(st.huhTheme())
	if w.flow != nil {
		w.flow.st = st
		w.flow.host.SetTheme(st.huhTheme())
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
	w.host.Stop()
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
func (w *walkthrough) startForm(f *huh.Form) tea.Cmd { return w.host.Start(f, w.st.huhTheme()) }

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
	return w.host.Active() && w.plan.index(w.host.Form) == 0
}

// Update handles loads, saves, the forms and the list keys, then lays out:
// a load changes the prompts over the list, a person form its heading.
func (w *walkthrough) Update(msg tea.Msg) (*walkthrough, tea.Cmd) {
	cmd := w.update(msg)
	w.layout()
	return w, cmd
}

// update is Update before the layout.
func (w *walkthrough) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dossierLoadedMsg:
		if msg.seq != w.seq {
			return nil
		}
		if msg.err != nil {
			return reportErr(msg.err)
		}
		w.d, w.r, w.p = msg.dossier, msg.readiness, msg.dossier.Proposal
		first := !w.loaded
		w.loaded = true
		if first {
			w.fillDraft()
			return w.lookForDraft()
		}
		if w.flow == nil && !w.host.Active() {
			w.buildPeople()
			if w.step == walkReview {
				w.review.SetContent(w.reviewText())
			}
		}
		w.syncKeys()
		return nil
	case draftLoadedMsg:
		if msg.seq != w.saveSeq {
			return nil
		}
		w.loadingDraft = false
		if msg.err == nil && msg.ok {
			w.offer = &msg.draft
			return w.host.Start(resumeForm(msg.draft, w.b.today(), &w.choice), w.st.huhTheme())
		}
		return tea.Batch(errCmd(msg.err), w.enter(walkStep(w.p.WalkStep+1)))
	case draftKeptMsg:
		if w.flow != nil {
			break // the person form's draft
		}
		if msg.seq != w.saveSeq {
			return nil
		}
		w.waiting = false
		if msg.err != nil {
			return reportErr(msg.err)
		}
		w.keptKey = ""
		return navigate(statusMsg{text: keptStatus(msg.title)})
	case proposalSavedMsg:
		if msg.seq != w.saveSeq {
			return nil
		}
		w.waiting = false
		if msg.err != nil {
			if w.host.Form != nil && !w.host.Active() {
				// The form was submitted: show it again with what was typed,
				// still counted as unsaved.
				return tea.Batch(reportErr(msg.err), w.host.Restart(w.stepForm(), w.st.huhTheme()))
			}
			return reportErr(msg.err)
		}
		w.p, w.id = msg.proposal, msg.proposal.ID
		w.base, w.keptKey = *w.draft, ""
		if w.finish {
			return navigate(openWorkspaceMsg{id: w.p.ID, replace: true,
				status: "Walkthrough complete. Press l after you talk to someone."})
		}
		return tea.Batch(w.enter(w.after), w.load())
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
			return tea.Batch(cmd, w.load(), navigate(statusMsg{text: w.savedHint(name)}))
		}
		return cmd
	}
	if w.busy() {
		return nil
	}
	if w.host.Active() {
		if k, ok := msg.(tea.KeyPressMsg); ok && w.offer == nil && key.Matches(k, w.keys.PrevStep) && w.atFirstField() {
			// shift+tab on a step form's first field goes back a step,
			// keeping what was typed in the draft.
			if w.step > walkProposal {
				return w.enter(w.step - 1)
			}
			return nil
		}
		completed, cmd := w.host.Update(msg)
		if !completed {
			return cmd
		}
		if w.offer != nil {
			return tea.Batch(cmd, w.answerOffer())
		}
		return tea.Batch(cmd, w.submitForm())
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		cmd := w.handleKey(k)
		w.syncKeys()
		return cmd
	}
	return nil
}

// openFlow opens the person forms inside the walkthrough.
func (w *walkthrough) openFlow(id int64, stages []personStage) tea.Cmd {
	w.flow = newPersonFlow(w.b, w.st, w.d, id, stages)
	w.sizes.flow = 0 // a new flow is sized under its own heading
	w.layout()
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
		return w.flow.host.Capturing()
	}
	return w.host.Capturing()
}

// wantsEsc reports whether esc belongs to a form (leaving a filter), or is
// held while something is written.
func (w *walkthrough) wantsEsc() bool {
	if w.waiting || (w.flow != nil && w.flow.waiting) {
		return true
	}
	if w.flow != nil {
		return w.flow.host.WantsEsc()
	}
	return w.host.WantsEsc()
}

// formShowing reports a form on screen: u and U wait until it is closed.
func (w *walkthrough) formShowing() bool { return w.flow != nil || w.host.Active() }

// dirty reports input on screen neither written nor kept.
func (w *walkthrough) dirty() bool {
	if w.flow != nil {
		return w.flow.dirty()
	}
	if w.offer != nil || w.busy() {
		return false
	}
	return w.host.Active() && (w.host.Unsaved() || *w.draft != w.base)
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
		body = w.flowHead() + "\n\n" + w.flow.View()
	case w.waiting && !w.host.Active():
		body = w.st.Muted.Render("Saving…")
	case w.host.Active():
		body = w.host.View()
	case w.step == walkReview:
		body = w.review.View() + "\n" + w.reviewHint()
	default:
		body = w.listHead() + "\n\n" + w.people.View(w.st.grid())
	}
	return w.top() + "\n\n" + body
}
