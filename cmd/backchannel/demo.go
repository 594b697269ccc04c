package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/spf13/cobra"
)

// Bounds on the large sample workbook: far beyond any real proposal (the
// benchmarks use 300 people and 20,000 conversations, or 500 proposals over
// 10,000 shared contacts with 200,000 conversations in all), small enough
// that a typo cannot run for minutes or fill the disk.
const (
	maxDemoProposals          = 1000
	maxDemoStakeholders       = 5000
	maxDemoConversations      = 200000
	maxDemoContacts           = 100000
	maxDemoTotalConversations = 1000000
)

func (a *app) demoCommand() *cobra.Command {
	var force bool
	var size demo.LargeOptions
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Write a realistic sample workbook into --db",
		Long: `Write a sample workbook: a budget ask nine days from its steering committee, a
governance change heading for the board, and an approved hire with its debrief,
with fourteen people and weeks of conversations.

With --proposals, --stakeholders, --conversations or --contacts it writes a
large synthetic workbook instead, for benchmarks: --stakeholders and
--conversations are per proposal, and --contacts is a pool of people the
proposals share (without it every stakeholder is a new person). It refuses to write into a workbook that has data
unless --force is given; --force first saves a backup next to it.`,
		Example: `  backchannel --db /tmp/demo.db demo
  backchannel --db /tmp/big.db demo --stakeholders 300 --conversations 20000
  backchannel --db /tmp/shared.db demo --proposals 500 --stakeholders 20 --conversations 400 --contacts 10000`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			day, err := today()
			if err != nil {
				return err
			}
			fl := cmd.Flags()
			large := fl.Changed("stakeholders") || fl.Changed("conversations") || fl.Changed("proposals") || fl.Changed("contacts")
			if large && (size.Stakeholders < 1 || size.Conversations < 0 || size.Proposals < 1 || size.Contacts < 0) {
				return fmt.Errorf("--proposals and --stakeholders must be at least 1, --conversations and --contacts at least 0")
			}
			if large && (size.Proposals > maxDemoProposals || size.Stakeholders > maxDemoStakeholders || size.Conversations > maxDemoConversations ||
				size.Contacts > maxDemoContacts || size.Proposals*size.Conversations > maxDemoTotalConversations) {
				return usagef(fmt.Errorf("a sample workbook has at most --proposals %d, --stakeholders %d, --conversations %d (per proposal, %d in all) and --contacts %d",
					maxDemoProposals, maxDemoStakeholders, maxDemoConversations, maxDemoTotalConversations, maxDemoContacts))
			}
			if size.Contacts > 0 && size.Stakeholders > size.Contacts {
				return usagef(fmt.Errorf("--stakeholders %d is more than the --contacts %d they are drawn from", size.Stakeholders, size.Contacts))
			}
			wb := demo.Workbook(day)
			if large {
				wb = demo.LargeWorkbook(day, size)
			}
			if err := a.replaceWithWorkbook(ctx, wb, force); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Wrote the sample workbook to %s: %d proposals, %d people, %d conversations.\nOpen it with `backchannel --db %s`, or read a brief with `backchannel --db %s brief 1`.\n",
				a.dbPath, len(wb.Proposals), len(wb.Contacts), len(wb.Touchpoints), a.dbPath, a.dbPath)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&force, "force", false, "replace a workbook that already has data (a backup is saved first)")
	fl.IntVar(&size.Proposals, "proposals", 1, "large workbook: number of proposals")
	fl.IntVar(&size.Stakeholders, "stakeholders", 300, "large workbook: stakeholders per proposal")
	fl.IntVar(&size.Conversations, "conversations", 20000, "large workbook: conversations per proposal")
	fl.IntVar(&size.Contacts, "contacts", 0, "large workbook: a pool of people shared across the proposals (0: a new person per stakeholder)")
	fl.Uint64Var(&size.Seed, "seed", 1, "large workbook: random seed")
	return cmd
}

// replaceWithWorkbook imports wb into the workbook at a.dbPath. A workbook
// with data is only replaced with force, and only after a backup succeeded.
func (a *app) replaceWithWorkbook(ctx context.Context, wb model.Workbook, force bool) error {
	st, err := a.openOrCreate(ctx)
	if err != nil {
		return err
	}
	empty, err := st.Empty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		if !force {
			return errors.New("the workbook " + a.dbPath + " already has data; use --force to replace it (a backup is saved first) or pick another file with --db")
		}
		cfg, err := a.sealConfig()
		if err != nil {
			return err
		}
		backup := sealedName(cfg, a.dbPath+".bak-"+time.Now().UTC().Format("20060102-150405"))
		if err := a.saveBackup(ctx, st, cfg, backup); err != nil {
			return err
		}
		fmt.Fprintf(a.stderr, "Saved a backup of the old workbook to %s.\n", backup)
		if err := st.Close(); err != nil {
			return err
		}
		a.store = nil
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(a.dbPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("cannot replace %s: %w", a.dbPath, unwrapPathError(err))
			}
		}
		if st, err = a.openOrCreate(ctx); err != nil {
			return err
		}
	}
	return st.Import(ctx, wb)
}
