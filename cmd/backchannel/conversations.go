package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

// conversationRow is one line of `conversations --json`: the logged talk
// with the names of who and what it was about.
type conversationRow struct {
	model.Touchpoint
	Person   string `json:"person"`
	Proposal string `json:"proposal"`
}

func (a *app) conversationsCommand() *cobra.Command {
	var proposal, person string
	var asJSON, all bool
	var limit int
	cmd := &cobra.Command{
		Use:     "conversations",
		Aliases: []string{"conversation", "talks"},
		Short:   "List logged conversations with their ids, newest first",
		Long: `List logged conversations, newest first, with the ids that
` + "`conversations edit`" + ` and ` + "`conversations delete`" + ` take. Conversations on archived
proposals are listed only with --all or -p.`,
		Example: `  backchannel conversations -p "Consolidate" --person "Dana Reyes"
  backchannel conversations --json`,
		Args: exactArgs(0, "no arguments (use -p and --person to narrow)"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if limit < 0 {
				return usagef(fmt.Errorf("--limit must be 0 (all) or more, got %d", limit))
			}
			return a.listConversations(cmd.Context(), proposal, person, all, asJSON, limit)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&proposal, "proposal", "p", "", "only this proposal (id, title or unique prefix)")
	fl.StringVar(&person, "person", "", "only conversations with this person (id, name, email or unique prefix)")
	fl.BoolVar(&all, "all", false, "include archived proposals")
	fl.IntVarP(&limit, "limit", "n", 0, "show only the newest N (0: all)")
	fl.BoolVar(&asJSON, "json", false, "print JSON")
	cmd.AddCommand(a.conversationsEditCommand(), a.conversationsDeleteCommand())
	return cmd
}

func (a *app) listConversations(ctx context.Context, proposalRef, personRef string, all, asJSON bool, limit int) error {
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	var props []model.Proposal
	if proposalRef != "" {
		p, err := st.FindProposal(ctx, proposalRef)
		if err != nil {
			return err
		}
		props = []model.Proposal{p}
	} else if props, err = st.ListProposals(ctx, all); err != nil {
		return err
	}
	var personID int64
	if personRef != "" {
		c, err := st.FindContact(ctx, personRef)
		if err != nil {
			return err
		}
		personID = c.ID
	}
	contacts, err := st.ListContacts(ctx, true)
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, c := range contacts {
		names[c.ID] = c.Name
	}
	rows := []conversationRow{}
	for _, p := range props {
		tps, err := st.ListTouchpoints(ctx, p.ID)
		if err != nil {
			return err
		}
		for _, t := range tps {
			if personID == 0 || t.ContactID == personID {
				rows = append(rows, conversationRow{Touchpoint: t, Person: names[t.ContactID], Proposal: p.Title})
			}
		}
	}
	slices.SortStableFunc(rows, func(x, y conversationRow) int {
		switch {
		case x.Date.After(y.Date):
			return -1
		case y.Date.After(x.Date):
			return 1
		}
		return int(y.ID - x.ID)
	})
	if limit > 0 && len(rows) > limit {
		rows = rows[:limit]
	}
	if asJSON {
		return writeJSON(a.stdout, rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(a.stdout, "No conversations match. Log one with `backchannel log PERSON -p PROPOSAL`.")
		return nil
	}
	t := newTable(a.stdout, "ID", "DATE", "PERSON", "PROPOSAL", "KIND", "CHANNEL", "SENTIMENT", "SAID")
	for _, r := range rows {
		t.row(strconv.FormatInt(r.ID, 10), r.Date.String(), r.Person, truncate(r.Proposal, 24), r.Kind.String(),
			orDash(channelWord(r.Channel)), fmt.Sprintf("%+d", r.Sentiment), truncate(orDash(r.Said), 40))
	}
	return t.flush()
}

// channelWord is the channel's word, or "" when none was given.
func channelWord(v model.Venue) string {
	if v == model.VenueUnset {
		return ""
	}
	return v.String()
}

// parseID reads a record id as typed ("12" or "#12").
func parseID(what, s string) (int64, error) {
	id, err := strconv.ParseInt(trimHash(s), 10, 64)
	if err != nil || id < 1 {
		return 0, usagef(fmt.Errorf("%s id must be a number such as 12, got %q", what, s))
	}
	return id, nil
}

func trimHash(s string) string {
	if len(s) > 0 && s[0] == '#' {
		return s[1:]
	}
	return s
}

func (a *app) conversationsEditCommand() *cobra.Command {
	var f *fieldFlags
	cmd := &cobra.Command{
		Use:   "edit ID",
		Short: "Correct a logged conversation (only the flags given change)",
		Long: `Correct a logged conversation: its date, channel, kind, opener, sentiment, what
was said, the subtext, the follow-up or who they had heard of it from. Only the flags given change; the edit
is one action that ` + "`backchannel undo`" + ` reverses. Find the id with
` + "`backchannel conversations`" + `.`,
		Example: `  backchannel conversations edit 14 --sentiment -2
  backchannel conversations edit 14 --subtext - < notes.txt`,
		Args: exactArgs(1, "the conversation's id (see `backchannel conversations`)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := parseID("conversation", args[0])
			if err != nil {
				return err
			}
			vals, err := f.given(a)
			if err != nil {
				return err
			}
			if err := f.requireSome(vals); err != nil {
				return err
			}
			day, err := today()
			if err != nil {
				return err
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			var heardVia int64
			for _, v := range vals {
				if v.name == "heard-via" && strings.TrimSpace(v.value) != "" {
					teller, err := st.FindContact(ctx, v.value)
					if err != nil {
						return fmt.Errorf("--heard-via: %w", err)
					}
					heardVia = teller.ID
				}
			}
			t, err := st.EditTouchpoint(ctx, id, func(t *model.Touchpoint) error {
				if err := applyEach(vals, func(name, v string) error {
					if name == "heard-via" {
						t.HeardViaID = heardVia
						return nil
					}
					return setTouchpoint(t, name, v, day)
				}); err != nil {
					return err
				}
				return t.Validate()
			})
			if err != nil {
				return err
			}
			who := "someone"
			if c, err := st.GetContact(ctx, t.ContactID); err == nil {
				who = c.Name
			}
			fmt.Fprintf(a.stdout, "Updated conversation %d with %s on %s (%s, sentiment %+d).\n", t.ID, model.Clean(who), t.Date, t.Kind, t.Sentiment)
			return nil
		},
	}
	f = newFieldFlags(cmd)
	f.field("date", "when: YYYY-MM-DD, yesterday, -3d, or a weekday (the last one)")
	f.field("channel", "1:1 in person, coffee/lunch, walk, call, video, chat, email, after a meeting, at an event (empty clears)")
	f.field("kind", "ask, share, appreciate, advice, daydream")
	f.field("opener", "compliment & appreciate, request advice, daydream aloud (empty clears)")
	f.field("sentiment", "how it felt, -2 to +2")
	f.text("said", "what they said")
	f.text("subtext", "what was not said")
	f.text("follow-up", "what to do next")
	f.field("heard-via", "who told them about the proposal before this talk (a contact; empty clears)")
	return cmd
}

// setTouchpoint sets one field of a conversation from its flag.
func setTouchpoint(t *model.Touchpoint, name, v string, day model.Date) error {
	var err error
	switch name {
	case "date":
		if t.Date, err = parseTalkDate(v, day); err != nil {
			return err
		}
	case "channel":
		t.Channel = model.VenueUnset
		if v != "" {
			t.Channel, err = model.ParseVenue(v)
		}
	case "kind":
		t.Kind, err = model.ParseTouchKind(v)
	case "opener":
		t.Opener = model.OpenerUnset
		if v != "" {
			t.Opener, err = model.ParseOpener(v)
		}
	case "sentiment":
		t.Sentiment, err = parseSentiment(v)
	case "said":
		t.Said = v
	case "subtext":
		t.Subtext = v
	case "follow-up":
		t.FollowUp = v
	}
	return err
}

// parseTalkDate reads the date of a conversation that has happened: a
// weekday is the last one, and a day after today is refused.
func parseTalkDate(s string, day model.Date) (model.Date, error) {
	d, err := model.ParsePastDate(s, day)
	if err != nil {
		return d, err
	}
	if d.IsZero() {
		return d, errors.New("a conversation needs a date")
	}
	if d.After(day) {
		return d, usagef(fmt.Errorf("the conversation date %s is in the future; log it once it has happened", d))
	}
	return d, nil
}

func (a *app) conversationsDeleteCommand() *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "delete ID",
		Short: "Delete a logged conversation (asks first; undo brings it back)",
		Long: `Delete a logged conversation. Objections and blind spots raised in it are kept,
no longer linked to it. It asks once on a terminal, saying what goes with it;
--yes answers for a script. ` + "`backchannel undo`" + ` brings it back.`,
		Example: `  backchannel conversations delete 14
  backchannel conversations delete 14 --yes`,
		Args: exactArgs(1, "the conversation's id (see `backchannel conversations`)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := parseID("conversation", args[0])
			if err != nil {
				return err
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			r, err := st.TouchpointImpact(ctx, id)
			if err != nil {
				return err
			}
			if err := a.confirm("delete "+r.What, r.Consequences(), yes); err != nil {
				return err
			}
			if err := st.DeleteTouchpoint(ctx, id); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Deleted %s (undo with `backchannel undo`).\n", model.Clean(r.What))
			return nil
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask; delete")
	return cmd
}
