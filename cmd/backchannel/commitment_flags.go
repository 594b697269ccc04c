package main

import (
	"errors"
	"fmt"

	"github.com/backchannel/backchannel/model"
	"github.com/spf13/pflag"
)

// commitmentFlags make a logged conversation's follow-up a promise: who
// owes whom, by when, and whether it is already kept.
type commitmentFlags struct {
	owes, due string
	done      bool
}

// register adds --owes, --due and --done to a command's flags.
func (c *commitmentFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&c.owes, "owes", "", `make the follow-up a commitment: "me" (I owe them) or "them" (they owe me)`)
	fl.StringVar(&c.due, "due", "", "when the commitment is due: YYYY-MM-DD, tomorrow, +3d, or a weekday (the next one)")
	fl.BoolVar(&c.done, "done", false, "the commitment is already kept")
}

// apply sets the commitment on t, or says in one sentence what is wrong.
func (c commitmentFlags) apply(t *model.Touchpoint, today model.Date) error {
	if c.owes == "" {
		if c.due != "" || c.done {
			return errors.New("--due and --done need --owes (me: I owe them; them: they owe me)")
		}
		return nil
	}
	who, err := parseOwes(c.owes)
	if err != nil {
		return err
	}
	due, err := model.ParseDate(c.due, today)
	if err != nil {
		return fmt.Errorf("--due: %w", err)
	}
	t.Commitment, t.CommitmentDue, t.CommitmentDone = who, due, c.done
	if who != model.CommitmentNone && model.Blank(t.FollowUp) {
		return errors.New("a commitment needs --follow-up to say what is owed")
	}
	return nil
}

// parseOwes reads who owes: "me" is a promise I made, "them" one they made.
func parseOwes(s string) (model.Commitment, error) {
	switch s {
	case "me", "i", "I":
		return model.CommitmentMine, nil
	case "them", "they":
		return model.CommitmentTheirs, nil
	}
	c, err := model.ParseCommitment(s)
	if err != nil {
		return c, fmt.Errorf("--owes must be me (I owe them) or them (they owe me), got %q", s)
	}
	return c, nil
}
