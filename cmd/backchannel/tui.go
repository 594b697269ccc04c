package main

import (
	"os"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui"
	"github.com/spf13/cobra"
)

// runTUI opens the terminal workbook on the workbook at --db.
func (a *app) runTUI(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	if _, err := today(); err != nil {
		return err
	}
	st, err := a.openOrCreate(ctx)
	if err != nil {
		return err
	}
	return tui.Run(ctx, st, tui.Options{
		Today: func() model.Date {
			d, _ := today() // checked above; the clock itself cannot fail
			return d
		},
		NoColor: os.Getenv("NO_COLOR") != "",
		DBPath:  a.dbPath,
	})
}
