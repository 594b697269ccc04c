package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

// logFlags are the fields of a conversation as typed on the command line.
type logFlags struct {
	proposal, kind, channel, opener, sentiment, date, stance, role string
	said, subtext, followUp, heardVia                              string
	asJSON                                                         bool
}

func (a *app) logCommand() *cobra.Command {
	var f logFlags
	cmd := &cobra.Command{
		Use:   "log PERSON",
		Short: "Record a conversation without opening the workbook",
		Long: `Record a conversation with a person about a proposal: what kind of talk it
was, where, how it felt (sentiment -2 to +2), what was said and what was not.
PERSON is a contact's id, name, unique name prefix or email. If they are not yet
on the proposal, pass --role to add them.`,
		Example: `  backchannel log "Dana" -p "Consolidate" --kind advice --channel coffee --sentiment +1 \
    --said "Open to it with a stop-loss." --subtext "First time she said when, not if."`,
		Args: exactArgs(1, "the person (a contact's id, name or email)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.logConversation(cmd.Context(), args[0], f)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.proposal, "proposal", "p", "", "proposal id, title or unique prefix (default: the only open one)")
	fl.StringVarP(&f.kind, "kind", "k", "ask", "ask, share, appreciate, advice, daydream")
	fl.StringVarP(&f.channel, "channel", "c", "", "1:1 in person, coffee/lunch, walk, call, video, chat, email, after a meeting, at an event")
	fl.StringVar(&f.opener, "opener", "", "compliment & appreciate, request advice, daydream aloud")
	fl.StringVarP(&f.sentiment, "sentiment", "s", "0", "how it felt, -2 to +2")
	fl.StringVarP(&f.date, "date", "d", "today", "when: YYYY-MM-DD, today, yesterday, -3d, or a weekday (the last one)")
	fl.StringVar(&f.said, "said", "", "what they said")
	fl.StringVar(&f.subtext, "subtext", "", "what was not said")
	fl.StringVar(&f.followUp, "follow-up", "", "what to do next")
	fl.StringVar(&f.stance, "stance", "", "their stance now: champion, supporter, neutral, skeptic, opponent")
	fl.StringVar(&f.role, "role", "", "add them to the proposal with this role if they are not on it yet")
	fl.StringVar(&f.heardVia, "heard-via", "", "who told them about the proposal before this talk (a contact): they know too")
	fl.BoolVar(&f.asJSON, "json", false, "print the logged conversation as JSON")
	return cmd
}

func (a *app) logConversation(ctx context.Context, person string, f logFlags) error {
	day, err := today()
	if err != nil {
		return err
	}
	t := model.Touchpoint{}
	if t.Kind, err = model.ParseTouchKind(f.kind); err != nil {
		return err
	}
	if f.channel != "" {
		if t.Channel, err = model.ParseVenue(f.channel); err != nil {
			return err
		}
	}
	if f.opener != "" {
		if t.Opener, err = model.ParseOpener(f.opener); err != nil {
			return err
		}
	}
	if t.Sentiment, err = parseSentiment(f.sentiment); err != nil {
		return err
	}
	if t.Date, err = model.ParsePastDate(f.date, day); err != nil {
		return err
	}
	if t.Date.IsZero() {
		t.Date = day
	}
	if t.Date.After(day) {
		return fmt.Errorf("the conversation date %s is in the future; log it once it has happened", t.Date)
	}
	var stance model.Stance
	if f.stance != "" {
		if stance, err = model.ParseStance(f.stance); err != nil {
			return err
		}
	}
	t.Said, t.Subtext, t.FollowUp = f.said, f.subtext, f.followUp
	if err := t.Validate(); err != nil {
		return err
	}
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	p, err := a.resolveProposal(ctx, st, f.proposal)
	if err != nil {
		return err
	}
	sh, err := findOrAddStakeholder(ctx, st, p, person, f.role)
	if err != nil {
		return err
	}
	t.StakeholderID = sh.ID
	if f.heardVia != "" {
		teller, err := st.FindContact(ctx, f.heardVia)
		if err != nil {
			return fmt.Errorf("--heard-via: %w", err)
		}
		t.HeardViaID = teller.ID
	}
	if t, err = st.LogTouchpoint(ctx, t); err != nil {
		return err
	}
	if f.stance != "" && stance != sh.Stance {
		sh, err = st.GetStakeholder(ctx, sh.ID)
		if err != nil {
			return err
		}
		sh.Stance = stance
		if _, err = st.UpdateStakeholder(ctx, sh); err != nil {
			return err
		}
	}
	if f.asJSON {
		return writeJSON(a.stdout, t)
	}
	// Name the person found, not what was typed: a prefix such as "Dana"
	// may have matched someone other than the one meant, and this line is
	// where the user finds out.
	who := person
	if c, err := st.GetContact(ctx, sh.ContactID); err == nil {
		who = c.Name
	}
	fmt.Fprintf(a.stdout, "Logged %s with %s on %s (sentiment %+d) for %q.\n", t.Kind, model.Clean(who), t.Date, t.Sentiment, model.Clean(p.Title))
	return nil
}

// parseSentiment reads -2…+2, accepting a leading plus sign.
func parseSentiment(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(s), "+"))
	if err != nil {
		return 0, fmt.Errorf("sentiment must be a number from -2 to +2, got %q", s)
	}
	if n < -2 || n > 2 {
		return 0, fmt.Errorf("sentiment must be -2 to +2, got %d", n)
	}
	return n, nil
}

// findOrAddStakeholder finds the person's part in the proposal, adding them
// with the given role when asked to.
func findOrAddStakeholder(ctx context.Context, st *db.Store, p model.Proposal, person, role string) (model.Stakeholder, error) {
	var r model.Role
	if role != "" {
		var err error
		if r, err = model.ParseRole(role); err != nil {
			return model.Stakeholder{}, err
		}
	}
	c, err := st.FindContact(ctx, person)
	if errors.Is(err, db.ErrNotFound) && role != "" {
		c, err = st.CreateContact(ctx, model.Contact{Name: person})
	}
	if err != nil {
		return model.Stakeholder{}, err
	}
	if s, ok, err := stakeholderOf(ctx, st, p.ID, c.ID); ok || err != nil {
		return s, err
	}
	if role == "" {
		return model.Stakeholder{}, fmt.Errorf("%s is not on %q yet; pass --role (decision-maker, in the room, influencer, implementer, affected) to add them", model.Clean(c.Name), model.Clean(p.Title))
	}
	return st.AddStakeholder(ctx, model.Stakeholder{ProposalID: p.ID, ContactID: c.ID, Role: r, Influence: 3})
}
