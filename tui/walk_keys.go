package tui

// The walkthrough's keys: moving between steps, the review's scrolling,
// and which keys are on.

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

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
	case w.people.MoveKey(w.keys.moves(), k):
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
			return w.openFlow(r.ID, []personStage{stageWhom})
		case walkWhat:
			return w.openFlow(r.ID, []personStage{stageWhat})
		case walkWhere:
			return w.openFlow(r.ID, []personStage{stageWhen, stageWhere})
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
	if w.host.Active() {
		return w.formKeys()
	}
	return []key.Binding{w.keys.Add, w.keys.Edit, w.keys.Finish, w.keys.NextStep, w.keys.PrevStep, w.keys.Move, w.keys.JumpTab}
}

// FullHelp implements help.KeyMap.
func (w *walkthrough) FullHelp() [][]key.Binding {
	if w.flow != nil {
		return [][]key.Binding{w.flow.keyBinds()}
	}
	if w.host.Active() {
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
	keys := w.host.KeyBinds()
	if w.offer != nil || w.step == walkProposal || !w.atFirstField() || len(keys) == 0 {
		return keys
	}
	return append([]key.Binding{keys[0], w.keys.PrevStep}, keys[1:]...)
}
