package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// checkCommand verifies the workbook on demand. Opening no longer checks the
// whole file (it cost most of every command's time on a large workbook);
// migrations, backups and imports check what they write, and this is the
// check a person runs when in doubt.
func (a *app) checkCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Verify the workbook file: every page, index and reference",
		Long: `Verify the workbook: SQLite's integrity check over every page and index,
and every reference between records. It prints one line when all is well;
a damaged workbook is one sentence on stderr that says how to restore it
(exit 1). Migrations, backups and imports check what they write themselves.`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			if err := st.Check(ctx); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "%s is sound: every page, index and reference checks out.\n", st.Path())
			return nil
		},
	}
}
