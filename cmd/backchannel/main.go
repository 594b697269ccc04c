// Command backchannel is a decision-prep workbook for the meeting before the
// meeting: with no arguments it opens the terminal UI, with a subcommand it
// works from the shell.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/backchannel/backchannel/db"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// Exit codes, per the usual conventions.
const (
	exitOK        = 0
	exitRuntime   = 1
	exitUsage     = 2
	exitInterrupt = 130
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	beforeCommand = paceCollectorForCommand
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes the CLI and maps every outcome to an exit code, writing at most
// one sentence to stderr. It is the only place that decides exit codes.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	defer app.close()
	root := app.rootCommand()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, tea.ErrInterrupted), errors.Is(err, huh.ErrUserAborted), errors.Is(err, context.Canceled):
		return exitInterrupt
	}
	if app.store != nil {
		// A damaged page met by any read is the one sentence that says so.
		err = app.store.Damaged(err)
	}
	fmt.Fprintln(stderr, "backchannel: "+sentence(err))
	var ue usageError
	if errors.As(err, &ue) || errors.Is(err, db.ErrInvalid) {
		return exitUsage
	}
	return exitRuntime
}
