package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
)

func (a *app) agendaCommand() *cobra.Command {
	var days int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "agenda",
		Short: "What to do today and this week, across every proposal",
		Long: `List what needs doing now across the proposals still open, in the order that
matters: planned talks already overdue, talks on the critical path due within
the next days, commitments due or overdue (what I owe first), key people due a
reconnect, objections nobody will answer in a room that meets within the next
days, and the decisions coming up. Each line says who, what, where, for which
proposal, and why now.`,
		Example: `  backchannel agenda
  backchannel agenda --days 14 --json`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.showAgenda(cmd.Context(), days, asJSON)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&days, "days", readiness.DefaultAgendaDays, "how many days ahead to look")
	fl.BoolVar(&asJSON, "json", false, "print the agenda as JSON")
	cmd.AddCommand(a.agendaDoneCommand())
	return cmd
}

// agendaDoneCommand marks a commitment kept: the conversation's follow-up,
// by the conversation's id (the agenda shows it).
func (a *app) agendaDoneCommand() *cobra.Command {
	var undone bool
	cmd := &cobra.Command{
		Use:   "done CONVERSATION",
		Short: "Mark a commitment kept (by the id of the conversation it was made in)",
		Long: `Mark the commitment made in a conversation as kept, so it leaves the agenda;
a kept promise of mine counts as a give in the nurture ledger. --undone opens
it again. One action: ` + "`backchannel undo`" + ` takes it back.`,
		Example: `  backchannel agenda done 14`,
		Args:    exactArgs(1, "the conversation's id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID("conversation", args[0])
			if err != nil {
				return err
			}
			st, err := a.open(cmd.Context())
			if err != nil {
				return err
			}
			t, err := st.EditTouchpoint(cmd.Context(), id, func(t *model.Touchpoint) error {
				if !t.IsCommitment() {
					return fmt.Errorf("conversation %d has no commitment; make its follow-up one with `backchannel log --owes`", id)
				}
				t.CommitmentDone = !undone
				return nil
			})
			if err != nil {
				return err
			}
			state := "kept"
			if undone {
				state = "open again"
			}
			_, err = fmt.Fprintf(a.stdout, "Commitment %s: %s\n", state, model.Clean(t.FollowUp))
			return err
		},
	}
	cmd.Flags().BoolVar(&undone, "undone", false, "open the commitment again")
	return cmd
}

func (a *app) showAgenda(ctx context.Context, days int, asJSON bool) error {
	if days < 1 || days > 366 {
		return usagef(fmt.Errorf("--days must be 1 to 366, got %d", days))
	}
	day, err := today()
	if err != nil {
		return err
	}
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	ag, err := st.Agenda(ctx, day, days)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(a.stdout, ag)
	}
	_, err = fmt.Fprint(a.stdout, agendaText(ag))
	return err
}

// agendaText is the agenda as plain text: a heading per kind, then each
// line's who and proposal, what, and where and why, indented under it.
func agendaText(ag readiness.Agenda) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Agenda for %s, looking %s ahead\n", ag.Today.Human(), model.Plural(ag.Days, "day", "days"))
	if len(ag.Items) == 0 {
		b.WriteString("\nNothing is due. Plan talks with dates (backchannel room) to see them here.\n")
		return b.String()
	}
	kind := readiness.AgendaKind(-1)
	for i, it := range ag.Items {
		if it.Kind != kind {
			kind = it.Kind
			fmt.Fprintf(&b, "\n%s\n", agendaHeading(kind))
		}
		who := model.Clean(it.Who)
		if who == "" {
			who = model.Clean(it.ProposalTitle)
		} else {
			who += " · " + model.Clean(it.ProposalTitle)
		}
		fmt.Fprintf(&b, "%3d. %s\n", i+1, who)
		fmt.Fprintf(&b, "     %s\n", model.Clean(it.What))
		if it.Where != "" {
			fmt.Fprintf(&b, "     where: %s\n", model.Clean(it.Where))
		}
		fmt.Fprintf(&b, "     why now: %s\n", model.Clean(it.Why))
		if it.Kind == readiness.AgendaCommitment {
			fmt.Fprintf(&b, "     kept? backchannel agenda done %d\n", it.TouchpointID)
		}
	}
	return b.String()
}

// agendaHeading names a group of agenda lines.
func agendaHeading(k readiness.AgendaKind) string {
	switch k {
	case readiness.AgendaOverdueTalk:
		return "Overdue talks"
	case readiness.AgendaCriticalTalk:
		return "On the critical path"
	case readiness.AgendaPlannedTalk:
		return "Talks planned"
	case readiness.AgendaCommitment:
		return "Commitments due"
	case readiness.AgendaReconnect:
		return "Reconnect"
	case readiness.AgendaVoice:
		return "Objections that need a voice"
	case readiness.AgendaDecision:
		return "Decisions"
	}
	return "Other"
}
