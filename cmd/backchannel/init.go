package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

// initCommand makes a new, empty workbook. It is one of the few commands
// that create a file (with demo, import and the terminal workbook's first
// run), so a mistyped --db elsewhere never becomes a new empty workbook.
func (a *app) initCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Create a new, empty workbook at --db (private: 0600 in a 0700 folder)",
		Long: `Create a new, empty workbook at --db (default $XDG_DATA_HOME/backchannel/workbook.db).

Other commands never create a workbook: given a path where there is none they
say so and change nothing, so a mistyped --db cannot look like lost data. An
existing workbook is left as it is.`,
		Example: `  backchannel init
  backchannel --db ~/notes/board.db init`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, statErr := os.Stat(a.dbPath)
			existed := statErr == nil
			if _, err := a.openOrCreate(cmd.Context()); err != nil {
				return err
			}
			if existed {
				fmt.Fprintf(a.stdout, "%s is already a workbook; nothing was changed.\n", a.dbPath)
				return nil
			}
			if statErr != nil && !errors.Is(statErr, os.ErrNotExist) {
				return nil
			}
			fmt.Fprintf(a.stdout, "Created the workbook %s. Run `backchannel --db %s` to start, or `backchannel --db %s proposals add TITLE`.\n",
				a.dbPath, a.dbPath, a.dbPath)
			return nil
		},
	}
}
