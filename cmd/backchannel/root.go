package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "backchannel",
		Short: "A workbook for the meeting before the meeting",
		Long: `backchannel prepares a proposal for the forum that decides it: when to talk
to whom, about what (an ask or a share) and where; what each person thinks,
objects to and has not seen; how ready the proposal is; and a readiness brief.

Run it without a command to open the terminal workbook.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef(fmt.Errorf("unknown command %q; see `backchannel --help`", args[0]))
			}
			return nil
		},
		RunE: a.runTUI,
	}
	root.PersistentFlags().StringVar(&a.dbPath, "db", defaultDBPath(), "workbook file (env BACKCHANNEL_DB)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usagef(flagHint(cmd, err)) })
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetIn(a.stdin)
	root.AddCommand(
		a.initCommand(),
		a.proposalsCommand(),
		a.contactsCommand(),
		a.logCommand(),
		a.conversationsCommand(),
		a.roomCommand(),
		a.undoCommand(),
		a.redoCommand(),
		a.historyCommand(),
		a.briefCommand(),
		a.objectionsCommand(),
		a.blindSpotsCommand(),
		a.demoCommand(),
		a.exportCommand(),
		a.importCommand(),
		a.backupCommand(),
		a.checkCommand(),
		a.restoreCommand(),
		a.sealCommand(),
		a.purgeCommand(),
		a.versionCommand(),
		a.agendaCommand(),
		a.calendarCommand(),
		a.searchCommand(),
	)
	addEditFlags(root)
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if cmd != root {
			beforeCommand()
		}
		if f := cmd.Flags().Lookup("edit"); f != nil && f.Changed && f.Value.String() == "true" {
			return a.editLongTexts(cmd)
		}
		return nil
	}
	a.addCompletions(root)
	return root
}

// flagHint adds, to an unknown-flag error, how to pass text that starts
// with "-" ("-1 on the budget", "- Bob"), which the flag parser otherwise
// reads as flags and reports as "unknown shorthand flag: ' '". The example
// is the command that was run, so it can be copied.
func flagHint(cmd *cobra.Command, err error) error {
	if !strings.Contains(err.Error(), "unknown shorthand flag") && !strings.Contains(err.Error(), "unknown flag") {
		return err
	}
	return fmt.Errorf("%w; if that is text starting with \"-\", put it after -- (%s -- \"-Bob\") or give it as --flag=TEXT", err, cmd.CommandPath())
}
