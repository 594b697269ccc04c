package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/internal/hugeheap"
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
	limitTUIMemory()
	// Importing internal/hugeheap puts every command's heap on huge pages
	// from its start (a fifth less CPU for a brief on a virtual machine).
	// That is for commands that run and exit; the workbook stays open for
	// hours, and the kernel would fill huge pages again where the runtime
	// gives memory back.
	hugeheap.Withdraw()
	return tui.Run(ctx, st, opts)
}

// tuiMemoryLimit is the Go runtime's soft memory limit for the terminal
// workbook (issue 13 gives the TUI 120 MB resident after every screen; the
// rest is the binary's code and SQLite's page caches).
const tuiMemoryLimit = 80 << 20

// limitTUIMemory sets the soft memory limit, unless GOMEMLIMIT sets one.
// The TUI stays open for hours and reads a large workbook screen after
// screen; left alone, the Go heap grows to twice what is live after each
// read and the process keeps those pages. The limit only makes the collector
// run more often near it: what a screen holds is a few MB to tens of MB.
func limitTUIMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(tuiMemoryLimit)
	}
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
