package tui

import (
	"encoding/json"
	"errors"
	"strconv"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// A half-filled form is a draft, never workbook data with answers the person
// did not give. The multi-stage forms (log a conversation, add or edit a
// person, the walkthrough's proposal steps) keep what was typed under a key
// naming the form and what it is about ("log:stakeholder:12") when the person
// leaves midway, offer it again when they come back to the same thing, and
// drop it when the form is saved or discarded.

// draftLoadedMsg reports the draft kept under a key, if any.
type draftLoadedMsg struct {
	seq   int
	key   string
	draft model.Draft
	ok    bool
	err   error
}

// draftKeptMsg reports a half-filled form kept as a draft.
type draftKeptMsg struct {
	seq   int
	title string
	err   error
}

func (m draftKeptMsg) saveErr() error { return m.err }

// loadDraft reads the draft under key.
func (b *backend) loadDraft(seq int, key string) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		d, ok, err := store.GetDraft(ctx, key)
		return draftLoadedMsg{seq: seq, key: key, draft: d, ok: ok, err: err}
	}
}

// keepDraft stores data (the form's answers, as JSON) under key.
func (b *backend) keepDraft(seq int, key, title string, data any) tea.Cmd {
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		raw, err := json.Marshal(data)
		if err != nil {
			return draftKeptMsg{seq: seq, err: err}
		}
		err = store.SaveDraft(ctx, model.Draft{Key: key, Title: title, Data: string(raw)})
		return draftKeptMsg{seq: seq, title: title, err: err}
	}
}

// dropDraft forgets the draft under key (saved or discarded). Only a
// failure is reported.
func (b *backend) dropDraft(key string) tea.Cmd {
	if key == "" {
		return nil
	}
	store, ctx := b.store, b.ctx
	return func() tea.Msg {
		if err := store.DeleteDraft(ctx, key); err != nil {
			return errMsg{err: err}
		}
		return nil
	}
}

// readDraft decodes a draft's answers into v.
func readDraft(d model.Draft, v any) error {
	if err := json.Unmarshal([]byte(d.Data), v); err != nil {
		return errors.New("the kept draft cannot be read; starting over")
	}
	return nil
}

// keptStatus is the status line after a form is kept as a draft.
func keptStatus(title string) string {
	return "Kept as a draft, offered next time: " + title + "."
}

// resumeChoice is the answer to "you left this unfinished".
type resumeChoice int

const (
	resumeDraft resumeChoice = iota + 1
	startOver
)

// resumeForm offers a kept draft back: resume it, or start over (which
// drops it).
func resumeForm(d model.Draft, today model.Date, choice *resumeChoice) *huh.Form {
	when := ""
	if day := model.DateOf(d.UpdatedAt.Local()); !d.UpdatedAt.IsZero() && !day.After(today) {
		when = " (" + day.Relative(today, false) + ")"
	}
	opts := []huh.Option[resumeChoice]{
		huh.NewOption("Resume where I left off", resumeDraft),
		huh.NewOption("Start over (the draft is dropped)", startOver),
	}
	*choice = resumeDraft
	return huh.NewForm(huh.NewGroup(
		widget.StopAtEnds(huh.NewSelect[resumeChoice]().Title("You left this unfinished"+when+": "+clean(d.Title)).
			Options(opts...).Value(choice), opts),
	))
}

// formPlan records a form's fields group by group as it is built, so a
// resumed form can put the cursor on the first field still unanswered.
type formPlan struct{ groups [][]huh.Field }

// group adds a group of fields to the plan and returns it for the form.
func (p *formPlan) group(fields ...huh.Field) *huh.Group {
	p.groups = append(p.groups, fields)
	return huh.NewGroup(fields...)
}

// focus moves f's cursor to target, group by group then field by field,
// as the person would with enter (hidden groups are skipped by huh). f must
// have been started. It stops if a group refuses to be left.
func (p *formPlan) focus(f *huh.Form, target huh.Field) tea.Cmd {
	gi := -1
	for i, g := range p.groups {
		for _, fl := range g {
			if fl == target {
				gi = i
			}
		}
	}
	if gi < 0 || f == nil {
		return nil
	}
	in := func(i int) bool {
		for _, fl := range p.groups[i] {
			if f.GetFocusedField() == fl {
				return true
			}
		}
		return false
	}
	var cmds []tea.Cmd
	// Each NextGroup moves at least one group on, so gi of them reach the
	// target without ever running past the last group (which submits).
	for range gi {
		if in(gi) || f.State != huh.StateNormal {
			break
		}
		cmds = append(cmds, f.NextGroup())
	}
	for range p.groups[gi] {
		if !in(gi) || f.GetFocusedField() == target {
			break
		}
		cmds = append(cmds, f.NextField())
	}
	return tea.Batch(cmds...)
}

// itoa64 formats an id.
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// at is the i-th field of the plan counting across groups, or nil.
func (p *formPlan) at(i int) huh.Field {
	for _, g := range p.groups {
		if i < len(g) {
			if i < 0 {
				return nil
			}
			return g[i]
		}
		i -= len(g)
	}
	return nil
}

// index is the place of f's focused field in the plan, counting across
// groups, or -1: kept with a draft, it is where the person left off.
func (p *formPlan) index(f *huh.Form) int {
	if f == nil {
		return -1
	}
	focused := f.GetFocusedField()
	n := 0
	for _, g := range p.groups {
		for _, fl := range g {
			if fl == focused {
				return n
			}
			n++
		}
	}
	return -1
}
