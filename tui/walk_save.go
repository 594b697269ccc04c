package tui

// Saving the walkthrough: each step written as one store call when it is
// completed, and a half-filled step kept as a draft.

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
)

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
	if !w.host.Active() {
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
	kept := keptWalk{Step: w.step, Draft: *w.draft, Field: w.plan.index(w.host.Form)}
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

// lookForDraft reads the kept draft of this proposal's form steps.
func (w *walkthrough) lookForDraft() tea.Cmd {
	w.step = min(max(walkStep(w.p.WalkStep+1), walkProposal), walkReview)
	w.saveSeq++
	w.loadingDraft = true
	return w.b.loadDraft(w.saveSeq, walkDraftKey(w.p.ID))
}

// fillDraft copies the proposal into the draft: the form steps edit the
// draft, which keeps what was typed while moving between them.
func (w *walkthrough) fillDraft() {
	p := w.p
	*w.draft = proposalDraft{Title: editable(p.Title), Ask: editable(p.Ask), Kind: p.Kind, Forum: editable(p.Forum),
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
	return tea.Batch(cmd, w.plan.focus(w.host.Form, w.firstUnanswered(kept.Field)))
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
