package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

// app carries what every subcommand shares: the streams, the workbook path and
// the store, opened on first use so that `--help` and `version` never touch it.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	dbPath         string
	store          *db.Store
	// created is set when this run made the workbook file, so a command
	// that then fails can leave nothing behind (discardCreated).
	created bool
	// pass is the seal passphrase, once asked for.
	pass string
	// stdinTakenBy names the long-text flag that read standard input
	// ("-"), so a second one is refused rather than left empty.
	stdinTakenBy string
	// edited marks the long-text flags written in the editor (--edit).
	edited map[string]bool
	// readCacheKiB is the readers' page cache for this run (db.Options);
	// zero is SQLite's default. brief sets it before opening.
	readCacheKiB int
	// oneConnection opens the workbook with one SQLite connection, the
	// writer's, for a command that looks up a little and writes once
	// (db.Options.OneConnection).
	oneConnection bool
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	return &app{stdin: stdin, stdout: stdout, stderr: stderr}
}

func (a *app) close() {
	if a.store != nil {
		_ = a.store.Close()
	}
}

// defaultDBPath is $BACKCHANNEL_DB, else $XDG_DATA_HOME/backchannel/workbook.db,
// else ~/.local/share/backchannel/workbook.db.
func defaultDBPath() string {
	if p := os.Getenv("BACKCHANNEL_DB"); p != "" {
		return p
	}
	base := os.Getenv("XDG_DATA_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "backchannel", "workbook.db")
}

// open returns the store, opening (and migrating) it on first use. A
// missing workbook is an error that says how to make one: only the commands
// that create a workbook (init, demo, import, the TUI) call openOrCreate.
func (a *app) open(ctx context.Context) (*db.Store, error) {
	return a.openStore(ctx, false)
}

// openOrCreate is open for the commands that may make a new workbook.
func (a *app) openOrCreate(ctx context.Context) (*db.Store, error) {
	return a.openStore(ctx, true)
}

func (a *app) openStore(ctx context.Context, create bool) (*db.Store, error) {
	if a.store != nil {
		return a.store, nil
	}
	if a.dbPath == "" {
		return nil, usagef(errors.New("--db must not be empty"))
	}
	_, statErr := os.Stat(a.dbPath)
	st, err := db.OpenWith(ctx, a.dbPath, db.Options{Create: create, SealBackup: a.sealMigrationBackup, ReadCacheKiB: a.readCacheKiB, OneConnection: a.oneConnection})
	if err != nil {
		return nil, err
	}
	a.created = errors.Is(statErr, os.ErrNotExist)
	for _, n := range st.Notes() {
		fmt.Fprintln(a.stderr, "backchannel: "+sentence(errors.New(n)))
	}
	st.OnWait(func(waiting bool) {
		if waiting {
			fmt.Fprintln(a.stderr, "backchannel: waiting for another backchannel process to finish writing to the workbook…")
		}
	})
	a.store = st
	return st, nil
}

// discardCreated removes the workbook this run created when the command
// that created it failed (an import with a bad row, say), so a failure
// leaves nothing behind; err is returned as it was.
func (a *app) discardCreated(err error) error {
	if !a.created || a.store == nil {
		return err
	}
	path := a.store.Path()
	_ = a.store.Close()
	a.store = nil
	for _, suffix := range []string{"", "-wal", "-shm"} {
		_ = os.Remove(path + suffix)
	}
	return err
}

// today is the calendar day the command works on. BACKCHANNEL_TODAY
// (YYYY-MM-DD) pins it, for reproducible briefs and tests.
func today() (model.Date, error) {
	if s := os.Getenv("BACKCHANNEL_TODAY"); s != "" {
		var d model.Date
		if err := d.UnmarshalText([]byte(s)); err != nil {
			return model.Date{}, fmt.Errorf("BACKCHANNEL_TODAY: %w", err)
		}
		return d, nil
	}
	return model.DateOf(time.Now()), nil
}

// resolveProposal finds a proposal by id, title or unique prefix; with no
// reference it picks the only open proposal.
func (a *app) resolveProposal(ctx context.Context, st *db.Store, ref string) (model.Proposal, error) {
	if ref != "" {
		return st.FindProposal(ctx, ref)
	}
	all, err := st.ListProposals(ctx, false)
	if err != nil {
		return model.Proposal{}, err
	}
	var open []model.Proposal
	for _, p := range all {
		if p.Status.Open() {
			open = append(open, p)
		}
	}
	switch {
	case len(open) == 1:
		return open[0], nil
	case len(all) == 0:
		return model.Proposal{}, errNoProposal
	case len(open) == 0:
		return model.Proposal{}, usagef(errors.New("no open proposal; name one (see `backchannel proposals`)"))
	}
	return model.Proposal{}, usagef(fmt.Errorf("%d proposals are open; name one by id or title (see `backchannel proposals`)", len(open)))
}

// exactArgs is cobra.ExactArgs with a usage error a person can read.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef(fmt.Errorf("%s takes %s, got %d arguments", cmd.CommandPath(), what, len(args)))
		}
		return nil
	}
}

// maxArgs is cobra.MaximumNArgs with a readable usage error.
func maxArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return usagef(fmt.Errorf("%s takes at most %s, got %d arguments", cmd.CommandPath(), what, len(args)))
		}
		return nil
	}
}
