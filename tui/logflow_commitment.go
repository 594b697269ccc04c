package tui

import (
	"errors"

	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// commitmentGroup asks whether the follow-up is a commitment and when it
// is due; it is shown only when there is a follow-up to owe.
func commitmentGroup(plan *formPlan, d *logDraft, today model.Date) *huh.Group {
	return plan.group(commitmentField(d), dueField(d, today)).
		Title("The follow-up").WithHideFunc(func() bool { return model.Blank(d.FollowUp) })
}

// commitmentField asks whether the follow-up is a promise, and whose.
func commitmentField(d *logDraft) huh.Field {
	opts := []huh.Option[model.Commitment]{
		huh.NewOption("no, a note to self", model.CommitmentNone),
		huh.NewOption("I owe them", model.CommitmentMine),
		huh.NewOption("they owe me", model.CommitmentTheirs),
	}
	return widget.StopAtEnds(huh.NewSelect[model.Commitment]().Title("Is the follow-up a commitment?").Inline(true).
		Options(opts...).Value(&d.Owes).Validate(func(c model.Commitment) error {
		if c != model.CommitmentNone && model.Blank(d.FollowUp) {
			return errors.New("write the follow-up that is owed first")
		}
		return nil
	}), opts)
}

// dueField asks when a commitment is due; empty is "no date".
func dueField(d *logDraft, today model.Date) huh.Field {
	return huh.NewInput().Title("Due").Description("for a commitment: tomorrow, +3d, friday, 2026-12-04; empty for none").
		Value(&d.Due).Validate(func(s string) error { _, err := model.ParseDate(s, today); return err })
}

// commitment sets the draft's commitment on t: a due date only counts
// with a direction.
func (d logDraft) commitment(t *model.Touchpoint, today model.Date) error {
	if d.Owes == model.CommitmentNone {
		return nil
	}
	due, err := model.ParseDate(d.Due, today)
	if err != nil {
		return err
	}
	t.Commitment, t.CommitmentDue = d.Owes, due
	return nil
}
