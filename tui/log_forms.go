package tui

// The three forms of "log a conversation" (the talk, what was raised, the
// stance after it) and the fields they share.

import (
	"strings"

	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/tui/widget"
)

// talkForm asks about the conversation: who, when, how, and how it went.
func (f *logFlow) talkForm() *huh.Form {
	d := f.draft
	today := f.b.today()
	labels := make([]string, 0, len(f.dossier.Stakeholders))
	ids := make([]int64, 0, len(f.dossier.Stakeholders))
	for _, s := range f.dossier.Stakeholders {
		labels, ids = append(labels, clean(f.dossier.Contacts[s.ContactID].Name)), append(ids, s.ID)
	}
	people := widget.NewPersonPick("", labels, ids)
	f.pick = &people
	openers := append([]huh.Option[model.Opener]{huh.NewOption("none", model.OpenerUnset)}, enumOptions(model.Openers())...)
	venues, kinds := enumOptions(model.Venues()), enumOptions(model.TouchKinds())
	f.plan = formPlan{}
	return huh.NewForm(
		f.plan.group(
			people.Field("Who did you talk to?", "", &d.StakeholderID, &d.PersonText, 5),
			huh.NewInput().Title("When").Description("today, yesterday, -3d, 2026-11-19").Value(&d.Date).
				Validate(func(s string) error { _, err := model.ParsePastDate(s, today); return err }),
			widget.StopAtEnds(huh.NewSelect[model.Venue]().Title("Channel").Inline(true).Options(venues...).Value(&d.Channel), venues),
			widget.StopAtEnds(huh.NewSelect[model.TouchKind]().Title("What kind of conversation").Inline(true).
				Options(kinds...).Value(&d.Kind), kinds),
			widget.StopAtEnds(huh.NewSelect[model.Opener]().Title("Opener used").Inline(true).Options(openers...).Value(&d.Opener), openers),
		).Title("Log a conversation"),
		// One text field per group: huh hands $EDITOR's result to every
		// text field of the group on screen.
		f.plan.group(sentimentField(&d.Sentiment),
			huh.NewText().Title("What did they say?").Description("ctrl+e writes in $EDITOR").
				Lines(4).Value(&d.Said).CharLimit(model.MaxTextLen),
		).Title("How it went"),
		f.plan.group(
			huh.NewText().Title("What was not said?").Description("the subtext: hesitations, what they avoided").
				Lines(4).Value(&d.Subtext).CharLimit(model.MaxTextLen),
			huh.NewInput().Title("Follow-up").Placeholder("optional: what you promised to send or do").
				Value(&d.FollowUp).CharLimit(500),
		).Title("How it went"),
		commitmentGroup(&f.plan, d, today),
	)
}

// sentimentField is the reading of their sentiment as a scale: +2
// enthusiastic at the top down to −2 hostile at the bottom, every step on
// screen, and the cursor stops at both ends.
func sentimentField(v *int) huh.Field {
	opts := make([]huh.Option[int], 0, 5)
	for n := 2; n >= -2; n-- {
		opts = append(opts, huh.NewOption(sentimentLabel(n), n))
	}
	return widget.StopAtEnds(huh.NewSelect[int]().Title("How did it go?").
		Description("your reading of them, from +2 enthusiastic down to −2 hostile").
		Options(opts...).Value(v).Height(len(opts)+2), opts)
}

// raisedForm asks for objections and blind spots raised in the conversation.
func (f *logFlow) raisedForm() *huh.Form {
	d := f.draft
	title := "Raised in the conversation with " + personName(f.dossier, d.StakeholderID)
	sev := enumOptions([]model.Severity{model.SeverityMinor, model.SeverityMajor, model.SeverityBlocker})
	return huh.NewForm(
		huh.NewGroup(
			huh.NewText().Title("Objections they raised").Description("one per line; leave empty if none").
				Lines(4).Value(&d.Objections).CharLimit(model.MaxTextLen),
			widget.StopAtEnds(huh.NewSelect[model.Severity]().Title("How serious are they?").Inline(true).
				Options(sev...).Value(&d.Severity), sev),
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
	suggested := readiness.SuggestStance(s.Stance, d.Sentiment)
	if !d.StanceSet {
		d.Stance, d.StanceSet = suggested, true
	}
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
		widget.StopAtEnds(huh.NewSelect[model.Stance]().Title("Where does "+personName(f.dossier, d.StakeholderID)+" stand now?").
			Description(hint).Options(opts...).Value(&d.Stance), opts),
	).Title("Their stance"))
}
