package main

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

func (a *app) purgeCommand() *cobra.Command {
	var before string
	var yes bool
	cmd := &cobra.Command{
		Use:   "purge (conversation ID | contact ID | proposal ID | --history-before DATE)",
		Short: "Erase records for good: rows, their history, undo snapshots and drafts",
		Long: `Erase for good, unlike remove (which undo can bring back):

  conversation ID   one logged conversation
  contact ID        a person, their places on proposals and their
                    conversations (objections and blind spots they raised
                    stay, unattributed)
  proposal ID       a proposal with its room, log, objections and blind spots
  --history-before DATE   the change history and undo steps older than DATE

Every history record and undo snapshot that held the text goes too, and so do
drafts that quote it. The workbook is then rewritten (secure delete, WAL
checkpoint, vacuum) so the text is gone from the file and its -wal. Undo
cannot bring a purge back. Copies made before — backups, exports — still
hold the text. Asks you to type "purge" unless --yes.`,
		Example: `  backchannel purge conversation 42
  backchannel purge contact 7 --yes
  backchannel purge --history-before 2026-01-01`,
		Args: func(cmd *cobra.Command, args []string) error {
			if before != "" {
				return exactArgs(0, "no arguments with --history-before")(cmd, args)
			}
			return exactArgs(2, "what to purge and its id: conversation ID, contact ID or proposal ID")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			var scope model.PurgeScope
			var id int64
			var day model.Date
			if before != "" {
				today, err := today()
				if err != nil {
					return err
				}
				if day, err = model.ParseDate(before, today); err != nil {
					return usagef(fmt.Errorf("--history-before: %w", err))
				}
				scope = model.PurgeHistoryBefore
			} else {
				switch strings.ToLower(args[0]) {
				case "conversation", "talk", "touchpoint":
					scope = model.PurgeConversation
				case "contact", "person":
					scope = model.PurgeContact
				case "proposal":
					scope = model.PurgeProposal
				default:
					return usagef(fmt.Errorf("cannot purge %q; purge a conversation, a contact or a proposal by id, or --history-before DATE", args[0]))
				}
				n, err := strconv.ParseInt(args[1], 10, 64)
				if err != nil || n <= 0 {
					return usagef(fmt.Errorf("%q is not an id; purge takes the number shown by the lists (--json)", args[1]))
				}
				id = n
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			what := "the history before " + day.String()
			if scope != model.PurgeHistoryBefore {
				what = args[0] + " " + args[1]
			} else {
				// Say how much is older than the day, and nothing to do
				// when nothing is.
				imp, err := st.HistoryPurgeImpact(ctx, day)
				if err != nil {
					return err
				}
				if imp.History == 0 && imp.UndoSteps == 0 {
					fmt.Fprintf(a.stdout, "Nothing to erase: the history holds nothing from before %s.\n", day)
					return nil
				}
				var counts []string
				if imp.History > 0 {
					counts = append(counts, model.Plural(imp.History, "history entry", "history entries"))
				}
				if imp.UndoSteps > 0 {
					counts = append(counts, model.Plural(imp.UndoSteps, "undo step", "undo steps"))
				}
				what += " (" + strings.Join(counts, ", ") + ")"
			}
			if !yes {
				if !stdinIsTerminal(a.stdin) {
					return usagef(fmt.Errorf("purge erases %s for good and undo cannot bring it back; there is no terminal to confirm on, so add --yes", what))
				}
				fmt.Fprintf(a.stderr, "Erase %s for good? Undo cannot bring it back. Type purge to go ahead: ", what)
				line, _ := bufio.NewReader(a.stdin).ReadString('\n')
				if strings.TrimSpace(line) != "purge" {
					return errNotConfirmed
				}
			}
			rep, err := st.Purge(ctx, scope, id, day)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Purged %s: %s, %s, %s made final, %s discarded.\n", model.Clean(rep.What),
				model.Plural(rep.Rows, "record", "records"), model.Plural(rep.History, "history entry", "history entries"),
				model.Plural(rep.UndoSteps, "undo step", "undo steps"), model.Plural(rep.Drafts, "draft", "drafts"))
			if rep.WALBusy {
				fmt.Fprintln(a.stderr, "backchannel: another backchannel process is reading the workbook, so its -wal file may still hold the old text until that process closes")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&before, "history-before", "", "erase history and undo steps older than this day (YYYY-MM-DD)")
	cmd.Flags().BoolVar(&yes, "yes", false, "do not ask for confirmation")
	return cmd
}
