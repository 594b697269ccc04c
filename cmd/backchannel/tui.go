package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui"
	"github.com/spf13/cobra"
)

// runTUI opens the terminal workbook on the workbook at --db.
func (a *app) runTUI(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	// The environment is read here, once: BACKCHANNEL_TODAY pins the day
	// for the whole session; otherwise the clock is asked, so a session
	// left open past midnight moves on with it.
	pinned, err := today()
	if err != nil {
		return err
	}
	clock := func() model.Date { return model.DateOf(time.Now()) }
	if os.Getenv("BACKCHANNEL_TODAY") != "" {
		clock = func() model.Date { return pinned }
	}
	opts := tui.Options{Today: clock, NoColor: os.Getenv("NO_COLOR") != "", DBPath: a.dbPath}
	if path := os.Getenv("BACKCHANNEL_DEBUG"); path != "" {
		logf, err := openDebugLog(path)
		if err != nil {
			return err
		}
		defer logf.Close()
		opts.Debug = log.Printf
	}
	st, err := a.openOrCreate(ctx)
	if err != nil {
		return err
	}
	return tui.Run(ctx, st, opts)
}

// openDebugLog sends the standard logger to path, created 0600: the log
// names screens and errors, which can quote the workbook.
func openDebugLog(path string) (io.Closer, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot open the debug log BACKCHANNEL_DEBUG=%s: %w", path, err)
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, fmt.Errorf("cannot make the debug log private: %w", err)
	}
	f.Close()
	return tea.LogToFile(path, "backchannel")
}
