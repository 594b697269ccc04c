package main

import (
	"encoding/json"
	"fmt"

	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

func (a *app) briefCommand() *cobra.Command {
	var out, todayFlag string
	var redact, asJSON, force bool
	cmd := &cobra.Command{
		Use:   "brief [PROPOSAL]",
		Short: "Print the markdown readiness brief for a proposal",
		Long: `Print the readiness brief: verdict and score with every factor, the ask, the
room, open objections, blind spots, the conversation plan, risks, next actions,
relationship notes and the recent log.

PROPOSAL is an id, a title or a unique title prefix; when only one proposal is
open it is the default. --redact replaces every person with a role label so the
brief can go to a sponsor without exposing the back channel.`,
		Example: `  backchannel brief
  backchannel brief "Consolidate" --redact -o brief.md
  backchannel brief 1 --json --today 2026-11-21`,
		Args: maxArgs(1, "one proposal"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			day, err := today()
			if err != nil {
				return err
			}
			if todayFlag != "" {
				if err := day.UnmarshalText([]byte(todayFlag)); err != nil {
					return fmt.Errorf("--today: %w", err)
				}
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			ref := ""
			if len(args) == 1 {
				ref = args[0]
			}
			p, err := a.resolveProposal(ctx, st, ref)
			if err != nil {
				return err
			}
			d, err := st.LoadDossier(ctx, p.ID)
			if err != nil {
				return err
			}
			r := model.Assess(d, day)
			opt := model.BriefOptions{Today: day, Redact: redact}
			var text []byte
			if asJSON {
				if text, err = json.MarshalIndent(model.BriefData(d, r, opt), "", "  "); err != nil {
					return err
				}
				text = append(text, '\n')
			} else {
				text = []byte(model.Brief(d, r, opt))
			}
			return a.writeOutput(out, force, text)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "write to FILE (atomically, mode 0600) instead of stdout")
	fl.BoolVar(&force, "force", false, "replace FILE if it exists (never a workbook)")
	fl.BoolVar(&redact, "redact", false, "replace every person with a role label")
	fl.BoolVar(&asJSON, "json", false, "print the same content as JSON")
	fl.StringVar(&todayFlag, "today", "", "the day to judge readiness on, YYYY-MM-DD (default: today)")
	return cmd
}
