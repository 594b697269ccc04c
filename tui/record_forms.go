package tui

import (
	"errors"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// proposalForm edits every detail of a proposal: title, ask, kind, forum,
// decision date, rule and status (archive and unarchive included).
type proposalForm struct {
	id             int64
	started, draft proposalEdit
}

// proposalEdit is what the proposal form edits; the date is typed text.
type proposalEdit struct {
	Title, Ask, Forum, Date string
	Kind                    model.ProposalKind
	Rule                    model.DecisionRule
	Status                  model.Status
}

func newProposalForm(p model.Proposal) *proposalForm {
	d := proposalEdit{Title: editable(p.Title), Ask: editable(p.Ask), Forum: editable(p.Forum), Date: p.DecisionDate.String(),
		Kind: p.Kind, Rule: p.DecisionRule, Status: p.Status}
	return &proposalForm{id: p.ID, started: d, draft: d}
}

func (f *proposalForm) heading() string { return "Edit “" + clean(f.started.Title) + "”" }

func (f *proposalForm) changed() bool {
	a, b := f.started, f.draft
	return edited(a.Title, b.Title) || edited(a.Ask, b.Ask) || edited(a.Forum, b.Forum) || edited(a.Date, b.Date) ||
		a.Kind != b.Kind || a.Rule != b.Rule || a.Status != b.Status
}

func (f *proposalForm) build(today model.Date) *huh.Form {
	d := &f.draft
	return huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title("Title").Value(&d.Title).CharLimit(200).
				Validate(func(s string) error {
					if strings.TrimSpace(s) == "" {
						return errors.New("a proposal needs a title")
					}
					return nil
				}),
			huh.NewInput().Title("Forum").Description("where it is decided: “Q1 board meeting”").Value(&d.Forum).CharLimit(200),
			huh.NewInput().Title("Decision date").Description("2027-01-15, +3w, friday; empty for none").Value(&d.Date).
				Validate(func(s string) error { _, err := model.ParseDate(s, today); return err }),
			widget.StopAtEnds(huh.NewSelect[model.DecisionRule]().Title("How the forum decides").Inline(true).
				Options(enumOptions(model.DecisionRules())...).Value(&d.Rule), enumOptions(model.DecisionRules())),
		).Title("The proposal"),
		huh.NewGroup(
			huh.NewText().Title("The ask").Description("one or two sentences").Lines(3).Value(&d.Ask).CharLimit(model.MaxTextLen),
			widget.StopAtEnds(huh.NewSelect[model.ProposalKind]().Title("Kind").Inline(true).Options(enumOptions(model.ProposalKinds())...).Value(&d.Kind),
				enumOptions(model.ProposalKinds())),
			widget.StopAtEnds(huh.NewSelect[model.Status]().Title("Status").Description("archived hides it from the dashboard until you show archived (A)").
				Inline(true).Options(enumOptions(model.Statuses())...).Value(&d.Status), enumOptions(model.Statuses())),
		).Title("The ask and where it stands"),
	)
}

func (f *proposalForm) save(b *backend) tea.Cmd {
	store, ctx, today, was, d, id := b.store, b.ctx, b.today(), f.started, f.draft, f.id
	return func() tea.Msg {
		date, err := model.ParseDate(d.Date, today)
		if err != nil {
			return recordSavedMsg{err: err}
		}
		// Only what the form changed is applied to the record as stored, so
		// a change made meanwhile elsewhere (the CLI) is kept, and text the
		// input field could not show exactly is never rewritten unasked.
		p, err := store.EditProposal(ctx, id, func(p *model.Proposal) error {
			setIfEdited(&p.Title, was.Title, d.Title)
			setIfEdited(&p.Ask, was.Ask, d.Ask)
			setIfEdited(&p.Forum, was.Forum, d.Forum)
			if edited(was.Date, d.Date) {
				p.DecisionDate = date
			}
			setIfChanged(&p.Kind, was.Kind, d.Kind)
			setIfChanged(&p.DecisionRule, was.Rule, d.Rule)
			setIfChanged(&p.Status, was.Status, d.Status)
			return nil
		})
		if err != nil {
			return recordSavedMsg{err: err}
		}
		return recordSavedMsg{status: "Saved “" + clean(p.Title) + "”."}
	}
}

// conversationForm edits a logged conversation: every field but who.
type conversationForm struct {
	id             int64
	who            string
	started, draft conversationEdit
}

// conversationEdit is what the conversation form edits.
type conversationEdit struct {
	Date                    string
	Channel                 model.Venue
	Kind                    model.TouchKind
	Sentiment               int
	Said, Subtext, FollowUp string
}

func newConversationForm(t model.Touchpoint, who string) *conversationForm {
	d := conversationEdit{Date: t.Date.String(), Channel: t.Channel, Kind: t.Kind, Sentiment: t.Sentiment,
		Said: editable(t.Said), Subtext: editable(t.Subtext), FollowUp: editable(t.FollowUp)}
	return &conversationForm{id: t.ID, who: who, started: d, draft: d}
}

func (f *conversationForm) heading() string {
	return "Edit the conversation with " + f.who
}

func (f *conversationForm) changed() bool {
	a, b := f.started, f.draft
	return edited(a.Date, b.Date) || a.Channel != b.Channel || a.Kind != b.Kind || a.Sentiment != b.Sentiment ||
		edited(a.Said, b.Said) || edited(a.Subtext, b.Subtext) || edited(a.FollowUp, b.FollowUp)
}

func (f *conversationForm) build(today model.Date) *huh.Form {
	d := &f.draft
	return huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title("When").Description("2026-11-19, yesterday, -3d, friday (the last one)").Value(&d.Date).
				Validate(func(s string) error { _, err := model.ParsePastDate(s, today); return err }),
			widget.StopAtEnds(huh.NewSelect[model.Venue]().Title("Channel").Inline(true).Options(enumOptions(model.Venues())...).Value(&d.Channel),
				enumOptions(model.Venues())),
			widget.StopAtEnds(huh.NewSelect[model.TouchKind]().Title("What kind of conversation").Inline(true).
				Options(enumOptions(model.TouchKinds())...).Value(&d.Kind), enumOptions(model.TouchKinds())),
			sentimentField(&d.Sentiment),
		),
		huh.NewGroup(
			huh.NewText().Title("What did they say?").Description("ctrl+e writes in $EDITOR").
				Lines(4).Value(&d.Said).CharLimit(model.MaxTextLen),
		).Title("What was said"),
		huh.NewGroup(
			huh.NewText().Title("What was not said?").Lines(3).Value(&d.Subtext).CharLimit(model.MaxTextLen),
			huh.NewInput().Title("Follow-up").Value(&d.FollowUp).CharLimit(500),
		).Title("What was not said"),
	)
}

func (f *conversationForm) save(b *backend) tea.Cmd {
	store, ctx, today, was, d, id, who := b.store, b.ctx, b.today(), f.started, f.draft, f.id, f.who
	return func() tea.Msg {
		date, err := model.ParsePastDate(d.Date, today)
		if err != nil {
			return recordSavedMsg{err: err}
		}
		_, err = store.EditTouchpoint(ctx, id, func(t *model.Touchpoint) error {
			if edited(was.Date, d.Date) {
				t.Date = date
			}
			setIfChanged(&t.Channel, was.Channel, d.Channel)
			setIfChanged(&t.Kind, was.Kind, d.Kind)
			setIfChanged(&t.Sentiment, was.Sentiment, d.Sentiment)
			setIfEdited(&t.Said, was.Said, d.Said)
			setIfEdited(&t.Subtext, was.Subtext, d.Subtext)
			setIfEdited(&t.FollowUp, was.FollowUp, d.FollowUp)
			return nil
		})
		if err != nil {
			return recordSavedMsg{err: err}
		}
		return recordSavedMsg{status: "Saved the conversation with " + who + "."}
	}
}

// edited reports whether a text field was changed in the form. Input
// fields drop control characters and turn tabs and line breaks into spaces,
// so stored text holding them would read as changed on sight; both sides
// are compared without control characters and white space.
func edited(was, now string) bool { return visible(was) != visible(now) }

// visible is text without control characters and white space.
func visible(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// setIfEdited applies a text field the form changed.
func setIfEdited(dst *string, was, now string) {
	if edited(was, now) {
		*dst = now
	}
}

// setIfChanged applies a choice the form changed.
func setIfChanged[T comparable](dst *T, was, now T) {
	if was != now {
		*dst = now
	}
}
