package main

import (
	"fmt"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/brief"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/spf13/cobra"
)

// briefReadCacheKiB is the readers' page cache for brief: 64 pages.
const briefReadCacheKiB = 256

func (a *app) briefCommand() *cobra.Command {
	var out, todayFlag, redact string
	var whatIf []string
	var asJSON, force bool
	cmd := &cobra.Command{
		Use:   "brief [PROPOSAL]",
		Short: "Print the markdown readiness brief for a proposal",
		Long: `Print the readiness brief: verdict and score with every factor, the ask, the
room, open objections, blind spots, the conversation plan, risks, next actions,
relationship notes and the recent log.

PROPOSAL is an id, a title or a unique title prefix; when only one proposal is
open it is the default.

--redact replaces every person with a role label ("Decision-maker A") so the
brief can go to a sponsor without exposing the back channel: names as people
write them (name parts, initials, aliases, emails, accents and look-alike
letters, unique job titles), of anyone in the workbook. It is the sponsor
edition: no contact notes, value I bring, what was not said, follow-ups,
discretion ratings or names of who knows. --redact=full keeps those words,
still redacted. Redaction fails closed: a second, independent pass reads the
output and, if a name survived, prints nothing and exits 1.

--what-if NAME=STANCE (or NAME=absent), repeatable, prints the brief as it
would be if that person took that stance (as if heard today) or missed the
meeting; nothing is saved.`,
		Example: `  backchannel brief
  backchannel brief "Consolidate" --redact -o brief.md
  backchannel brief "Consolidate" --redact=full --json
  backchannel brief 1 --json --today 2026-11-21
  backchannel brief 1 --what-if "Dana=supporter" --what-if "Tom=absent"`,
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
			// One proposal's pages, each read once: a small page cache
			// (db.Options.ReadCacheKiB; 2 ms and ~600 page faults less
			// on 10,000 conversations, docs/performance.md).
			a.readCacheKiB = briefReadCacheKiB
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
			// The brief prints the free text of its recent log alone;
			// the store reads no other conversation's (the same brief).
			d, err := st.LoadDossierShowing(ctx, p.ID, brief.TextShown)
			if err != nil {
				return err
			}
			for _, spec := range whatIf {
				w, err := model.ParseWhatIf(d, spec)
				if err != nil {
					return usageError{err}
				}
				d.WhatIf = append(d.WhatIf, w)
			}
			// One ordering of the dossier serves the assessment and the
			// brief (issue 13: the log was ordered once for each).
			r, ix := readiness.AssessIndexed(d, day)
			opt := brief.Options{Today: day, Index: ix}
			var text []byte
			switch redact {
			case "":
			case "sponsor", "full":
				opt.Full = redact == "full"
				if opt.Workbook, err = st.ListContacts(ctx, true); err != nil {
					return err
				}
				if text, err = brief.Redacted(d, r, opt, asJSON); err != nil {
					return err
				}
				if asJSON {
					text = escapeForTerminal(text)
				}
			default:
				return usagef(fmt.Errorf("--redact takes sponsor (the default) or full, not %q", redact))
			}
			switch {
			case text != nil:
			case asJSON:
				if text, err = marshalJSON(brief.JSONData(d, r, opt)); err != nil {
					return err
				}
			default:
				text = []byte(brief.Markdown(d, r, opt))
			}
			if redact == "" {
				a.warnReadableStdout(out)
			}
			return a.writeOutput(out, force, text)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "write to FILE (atomically, mode 0600) instead of stdout")
	fl.BoolVar(&force, "force", false, "replace FILE if it exists (never a workbook)")
	fl.StringVar(&redact, "redact", "", "replace every person with a role label: sponsor (the default edition) or full")
	fl.Lookup("redact").NoOptDefVal = "sponsor"
	fl.BoolVar(&asJSON, "json", false, "print the same content as JSON")
	fl.StringVar(&todayFlag, "today", "", "the day to judge readiness on, YYYY-MM-DD (default: today)")
	fl.StringArrayVar(&whatIf, "what-if", nil, "NAME=STANCE or NAME=absent: show the brief as it would be, saving nothing (repeatable)")
	return cmd
}
