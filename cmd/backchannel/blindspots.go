package main

import (
	"fmt"
	"strconv"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/brief"
	"github.com/spf13/cobra"
)

func (a *app) blindSpotsCommand() *cobra.Command {
	var proposal, person, search string
	var statuses []string
	var asJSON, asMD, all, redact bool
	cmd := &cobra.Command{
		Use:     "blindspots",
		Aliases: []string{"blindspot", "b"},
		Short:   "Review blind spots across proposals, open first",
		Args:    exactArgs(0, "no arguments (use flags to filter)"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asJSON && asMD {
				return usagef(fmt.Errorf("--json and --md cannot be used together"))
			}
			if redact && !asMD {
				return usagef(fmt.Errorf("--redact goes with --md"))
			}
			ctx := cmd.Context()
			day, err := today()
			if err != nil {
				return err
			}
			f := model.BlindSpotFilter{Person: person, Text: search, IncludeArchived: all}
			if f.Statuses, err = parseList(statuses, model.ParseBlindSpotStatus); err != nil {
				return err
			}
			rv, err := a.openReview(ctx, proposal)
			if err != nil {
				return err
			}
			f.ProposalID = rv.proposalID
			spots, err := rv.st.ListBlindSpots(ctx, 0)
			if err != nil {
				return err
			}
			rows := model.BlindSpotRows(spots, rv.dir, f, day)
			if redact {
				md, err := brief.RedactedBlindSpotsMarkdown(rows, rv.dir)
				if err != nil {
					return err
				}
				_, err = fmt.Fprint(a.stdout, md)
				return err
			}
			if done, err := printRows(a, asJSON, asMD, rows, brief.BlindSpotsMarkdown, "No blind spots match."); done {
				return err
			}
			t := newTable(a.stdout, "ID", "PROPOSAL", "SURFACED BY", "STATUS", "AGE", "BLIND SPOT", "HOW ADDRESSED")
			for _, r := range rows {
				t.row(strconv.FormatInt(r.ID, 10), truncate(r.ProposalTitle, 24), r.SurfacedBy, r.Status.String(),
					fmt.Sprintf("%dd", r.AgeDays), truncate(r.Text, 44), truncate(orDash(r.HowAddressed), 36))
			}
			return t.flush()
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&proposal, "proposal", "p", "", "only this proposal (id, title or unique prefix)")
	fl.StringSliceVar(&statuses, "status", nil, "only these statuses: open, addressed")
	fl.StringVar(&person, "person", "", `only those surfaced by this person (part of a name; "me" for mine)`)
	fl.StringVar(&search, "search", "", "only those whose text contains this")
	fl.BoolVar(&all, "all", false, "include archived proposals")
	fl.BoolVar(&asJSON, "json", false, "print JSON (see docs/objections-json.md)")
	fl.BoolVar(&asMD, "md", false, "print a markdown table")
	fl.BoolVar(&redact, "redact", false, "with --md: replace every person with a label (Person A…), free text included; prints nothing if a name survives")
	cmd.AddCommand(a.blindSpotsAddCommand(), a.blindSpotsSetCommand(), a.blindSpotsDeleteCommand())
	return cmd
}

func (a *app) blindSpotsAddCommand() *cobra.Command {
	var proposal, by, how, status string
	cmd := &cobra.Command{
		Use:   "add TEXT",
		Short: "Add a blind spot or an assumption to test (surfaced by me unless --by)",
		Example: `  backchannel blindspots add "Am I assuming the board cares about cost more than speed?" -p Consolidate
  backchannel blindspots add - -p Consolidate < assumption.txt`,
		Args: exactArgs(1, "the blind spot's text (quote it)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			day, err := today()
			if err != nil {
				return err
			}
			text, err := a.longText("text", args[0])
			if err != nil {
				return err
			}
			if how, err = a.longText("how", how); err != nil {
				return err
			}
			b := model.BlindSpot{Text: text, HowAddressed: how, RaisedOn: day}
			if status != "" {
				if b.Status, err = model.ParseBlindSpotStatus(status); err != nil {
					return err
				}
			}
			if err := b.Validate(); err != nil {
				return err
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			p, err := a.resolveProposal(ctx, st, proposal)
			if err != nil {
				return err
			}
			b.ProposalID = p.ID
			if by != "" {
				s, err := findStakeholderOn(ctx, st, p.ID, by)
				if err != nil {
					return err
				}
				b.SurfacedByID = s.ID
			}
			if b, err = st.AddBlindSpot(ctx, b); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Added blind spot %d to %q.\n", b.ID, model.Clean(p.Title))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&proposal, "proposal", "p", "", "the proposal (default: the only open one)")
	fl.StringVar(&by, "by", "", "who surfaced it (default: me)")
	fl.StringVar(&how, "how", "", `how it was addressed ("-" reads standard input, @FILE a file)`)
	fl.StringVar(&status, "status", "", "open or addressed")
	return cmd
}

func (a *app) blindSpotsSetCommand() *cobra.Command {
	var status, how, text string
	cmd := &cobra.Command{
		Use:   "set ID",
		Short: "Change a blind spot's text, status or how it was addressed (kept in history)",
		Long: `Change a blind spot: reword it, mark it addressed or open, or say how it was
addressed. Only the flags given change; ` + "`backchannel undo`" + ` reverses the edit.`,
		Example: `  backchannel blindspots set 3 --status addressed --how "Asked two board members; speed matters more."
  backchannel blindspots set 3 --how - < findings.md`,
		Args: exactArgs(1, "the blind spot's id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := parseID("blind spot", args[0])
			if err != nil {
				return err
			}
			fl := cmd.Flags()
			if !fl.Changed("status") && !fl.Changed("how") && !fl.Changed("text") {
				return usagef(fmt.Errorf("nothing to change; give --text, --status or --how"))
			}
			var st2 model.BlindSpotStatus
			if fl.Changed("status") {
				if st2, err = model.ParseBlindSpotStatus(status); err != nil {
					return err
				}
			}
			if fl.Changed("how") {
				if how, err = a.longText("how", how); err != nil {
					return err
				}
			}
			if fl.Changed("text") {
				if text, err = a.longText("text", text); err != nil {
					return err
				}
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			b, err := st.EditBlindSpot(ctx, id, func(b *model.BlindSpot) error {
				if fl.Changed("status") {
					b.Status = st2
				}
				if fl.Changed("how") {
					b.HowAddressed = how
				}
				if fl.Changed("text") {
					b.Text = text
				}
				return b.Validate()
			})
			if err != nil {
				return err
			}
			if fl.Changed("status") {
				fmt.Fprintf(a.stdout, "Blind spot %d is now %s.\n", b.ID, b.Status)
			} else {
				fmt.Fprintf(a.stdout, "Blind spot %d updated; it is still %s.\n", b.ID, b.Status)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&status, "status", "", "open or addressed")
	fl.StringVar(&how, "how", "", `how it was addressed ("-" reads standard input, @FILE a file)`)
	fl.StringVar(&text, "text", "", `reword the blind spot ("-" reads standard input, @FILE a file)`)
	return cmd
}

func (a *app) blindSpotsDeleteCommand() *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:     "delete ID",
		Short:   "Delete a blind spot recorded by mistake (asks first)",
		Long:    "Delete a blind spot that should never have been recorded; one dealt with is marked addressed instead. It asks once on a terminal; --yes answers for a script. `backchannel undo` brings it back.",
		Example: `  backchannel blindspots delete 3`,
		Args:    exactArgs(1, "the blind spot's id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := parseID("blind spot", args[0])
			if err != nil {
				return err
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			b, err := st.GetBlindSpot(ctx, id)
			if err != nil {
				return err
			}
			what := fmt.Sprintf("blind spot %d (%q)", b.ID, truncate(b.Text, 60))
			if err := a.confirm("delete "+what, "", yes); err != nil {
				return err
			}
			if err := st.DeleteBlindSpot(ctx, id); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Deleted %s (undo with `backchannel undo`).\n", model.Clean(what))
			return nil
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask; delete")
	return cmd
}
