package main

import (
	"bufio"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

// proposalRow is one line of `proposals --json`: the proposal and its readiness today.
type proposalRow struct {
	model.Proposal
	Score    int    `json:"score"`
	Verdict  string `json:"verdict"`
	DaysLeft *int   `json:"days_left"`
}

func (a *app) proposalsCommand() *cobra.Command {
	var asJSON, all bool
	cmd := &cobra.Command{
		Use:     "proposals",
		Aliases: []string{"proposal", "p"},
		Short:   "List proposals with their readiness score and verdict",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			day, err := today()
			if err != nil {
				return err
			}
			rows, err := proposalRows(ctx, st, day, all)
			if err != nil {
				return err
			}
			if asJSON {
				if rows == nil {
					rows = []proposalRow{}
				}
				return writeJSON(a.stdout, rows)
			}
			if len(rows) == 0 {
				fmt.Fprintln(a.stdout, "No proposals yet. Add one with `backchannel proposals add TITLE`, or load the sample with `backchannel demo`.")
				return nil
			}
			// The table writer writes each cell and its padding by
			// itself: through a buffer, a hundred proposals are a few
			// writes to the terminal instead of 1,400.
			out := bufio.NewWriter(a.stdout)
			t := newTable(out, "ID", "TITLE", "STATUS", "SCORE", "VERDICT", "DECISION", "FORUM")
			for _, r := range rows {
				verdict := r.Verdict
				if r.Status.Decided() || r.Status == model.StatusArchived {
					verdict = "— (" + r.Status.String() + ")"
				}
				t.row(strconv.FormatInt(r.ID, 10), r.Title, r.Status.String(), strconv.Itoa(r.Score), verdict,
					dateAndDays(day, r.DecisionDate), r.Forum)
			}
			if err := t.flush(); err != nil {
				return err
			}
			return out.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&all, "all", false, "include archived proposals")
	cmd.AddCommand(a.proposalsAddCommand(), a.proposalsSetCommand(), a.proposalsArchiveCommand(true), a.proposalsArchiveCommand(false))
	return cmd
}

func dateAndDays(day, d model.Date) string {
	if d.IsZero() {
		return "no date"
	}
	return d.String() + " (" + d.Relative(day, false) + ")"
}

func proposalRows(ctx context.Context, st *db.Store, day model.Date, all bool) ([]proposalRow, error) {
	// One snapshot for the whole list, each score read from the readiness
	// cache when nothing it rests on changed (see db.ProposalScores).
	scores, err := st.ProposalScores(ctx, day, all)
	if err != nil {
		return nil, err
	}
	var rows []proposalRow
	for _, s := range scores {
		p := s.Proposal
		row := proposalRow{Proposal: p, Score: s.Score, Verdict: s.Verdict.String()}
		if !p.DecisionDate.IsZero() {
			n := day.DaysUntil(p.DecisionDate)
			row.DaysLeft = &n
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// proposalFlags are the editable fields of a proposal as flags; only flags the
// user set are applied, so `set` never blanks a field by accident.
type proposalFlags struct {
	title, ask, kind, forum, date, rule, status, moment string
}

func (f *proposalFlags) bind(cmd *cobra.Command, withTitle bool) {
	fl := cmd.Flags()
	if withTitle {
		fl.StringVar(&f.title, "title", "", "new title")
	}
	fl.StringVar(&f.ask, "ask", "", `the ask, in one or two sentences ("-" reads standard input, @FILE a file)`)
	fl.StringVar(&f.kind, "kind", "", "operational, governance, budget, hire/org, policy, deal, other")
	fl.StringVar(&f.forum, "forum", "", `the formal forum, e.g. "Q1 board meeting"`)
	fl.StringVar(&f.date, "date", "", "decision date: YYYY-MM-DD, +30d, a weekday")
	fl.StringVar(&f.rule, "rule", "", "decision rule: one decider, majority, consensus, unanimity")
	fl.StringVar(&f.status, "status", "", "draft, prewiring, ready, pitched, approved, rejected, deferred, archived")
	fl.StringVar(&f.moment, "moment", "", "before the change, test my bias, before the board, after the meeting")
}

// readLong reads the long-text flags given "-" from standard input, once,
// before anything is applied.
func (f *proposalFlags) readLong(a *app, cmd *cobra.Command) (err error) {
	if cmd.Flags().Changed("ask") {
		f.ask, err = a.longText("ask", f.ask)
	}
	return err
}

// given reports whether any field flag was given.
func (f *proposalFlags) given(cmd *cobra.Command) bool {
	for _, n := range []string{"title", "ask", "kind", "forum", "date", "rule", "status", "moment"} {
		if cmd.Flags().Changed(n) {
			return true
		}
	}
	return false
}

// apply sets on p every field whose flag was given, parsing as a person types.
func (f *proposalFlags) apply(cmd *cobra.Command, p *model.Proposal, day model.Date) error {
	fl := cmd.Flags()
	var err error
	set := func(name string, fn func() error) {
		if err == nil && fl.Changed(name) {
			err = fn()
		}
	}
	set("title", func() error { p.Title = f.title; return nil })
	set("ask", func() error { p.Ask = f.ask; return nil })
	set("forum", func() error { p.Forum = f.forum; return nil })
	set("kind", func() (e error) { p.Kind, e = model.ParseProposalKind(f.kind); return })
	set("rule", func() (e error) { p.DecisionRule, e = model.ParseDecisionRule(f.rule); return })
	set("status", func() (e error) { p.Status, e = model.ParseStatus(f.status); return })
	set("moment", func() (e error) { p.Moment, e = model.ParseMoment(f.moment); return })
	set("date", func() (e error) { p.DecisionDate, e = model.ParseDate(f.date, day); return })
	return err
}

func (a *app) proposalsAddCommand() *cobra.Command {
	var f proposalFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "add TITLE",
		Short: "Add a proposal",
		Example: `  backchannel proposals add "Move to quarterly planning" --forum "Q1 board meeting" \
    --date 2027-01-15 --rule majority --kind governance --ask @ask.txt
  backchannel proposals add "Reorg the platform team" --edit   # the ask in $EDITOR`,
		Args: exactArgs(1, "the title (quote it if it has spaces)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			day, err := today()
			if err != nil {
				return err
			}
			p := model.Proposal{Title: args[0], Status: model.StatusDraft}
			if err := f.readLong(a, cmd); err != nil {
				return err
			}
			if err := f.apply(cmd, &p, day); err != nil {
				return err
			}
			if err := p.Validate(); err != nil {
				return err
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			p, err = st.CreateProposal(ctx, p)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, p)
			}
			fmt.Fprintf(a.stdout, "Added proposal %d: %s\n", p.ID, model.Clean(p.Title))
			return nil
		},
	}
	f.bind(cmd, false)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the new proposal as JSON")
	return cmd
}

func (a *app) proposalsSetCommand() *cobra.Command {
	var f proposalFlags
	cmd := &cobra.Command{
		Use:   "set PROPOSAL",
		Short: "Change a proposal's fields (only the flags given)",
		Long: `Change a proposal's fields: title, ask, kind, forum, decision date, decision
rule, status (archived included) and moment. Only the flags given are changed;
every change is kept in the history (a moved forum or decision date feeds the
forum-shopping and endless-game flags) and ` + "`backchannel undo`" + ` reverses the edit.`,
		Example: `  backchannel proposals set 1 --forum "Q1 board meeting" --date 2027-01-20
  backchannel proposals set "Consolidate" --ask - < ask.txt
  backchannel proposals set 1 --status pitched`,
		Args: exactArgs(1, "a proposal id, title or unique title prefix"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if !f.given(cmd) {
				return usagef(fmt.Errorf("nothing to change; give at least one of --title, --ask, --kind, --forum, --date, --rule, --status, --moment"))
			}
			if err := f.readLong(a, cmd); err != nil {
				return err
			}
			day, err := today()
			if err != nil {
				return err
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			p, err := st.FindProposal(ctx, args[0])
			if err != nil {
				return err
			}
			// Parsed and checked on a copy first, so a bad flag is a
			// sentence before the write transaction opens; then applied
			// inside it, to the row as it is now.
			check := p
			if err := f.apply(cmd, &check, day); err != nil {
				return err
			}
			if p, err = st.EditProposal(ctx, p.ID, func(p *model.Proposal) error {
				if err := f.apply(cmd, p, day); err != nil {
					return err
				}
				return p.Validate()
			}); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Updated proposal %d: %s\n", p.ID, model.Clean(p.Title))
			return nil
		},
	}
	f.bind(cmd, true)
	return cmd
}

func (a *app) proposalsArchiveCommand(archive bool) *cobra.Command {
	use, short := "archive PROPOSAL", "Archive a proposal: hidden from lists and the agenda, kept whole"
	long := short + `. Its people, conversations, objections and history stay;
` + "`proposals unarchive`" + ` brings it back with the status it had.`
	if !archive {
		use, short = "unarchive PROPOSAL", "Bring an archived proposal back, with the status it had before"
		long = short + `. The status comes from the history; give --status to choose another.`
	}
	var status string
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Long:  long,
		Example: "  backchannel proposals " + strings.Fields(use)[0] + ` "Consolidate"
  backchannel proposals ` + strings.Fields(use)[0] + " 2",
		Args: exactArgs(1, "a proposal id, title or unique title prefix"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			p, err := st.FindProposal(ctx, args[0])
			if err != nil {
				return err
			}
			if (p.Status == model.StatusArchived) == archive {
				fmt.Fprintf(a.stdout, "Proposal %d (%s) is already %s; nothing changed.\n", p.ID, model.Clean(p.Title), map[bool]string{true: "archived", false: "not archived"}[archive])
				return nil
			}
			to := model.StatusArchived
			if !archive {
				if to, err = statusBeforeArchive(ctx, st, p.ID, status); err != nil {
					return err
				}
			}
			if p, err = st.EditProposal(ctx, p.ID, func(p *model.Proposal) error {
				p.Status = to
				return nil
			}); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Proposal %d (%s) is %s.\n", p.ID, model.Clean(p.Title), p.Status)
			return nil
		},
	}
	if !archive {
		cmd.Flags().StringVar(&status, "status", "", "the status to bring it back with (default: the one it had)")
	}
	return cmd
}

// statusBeforeArchive is the status a proposal had when it was archived,
// read from its history; given overrides it. With neither, the person is
// asked to say, rather than given a status they did not choose.
func statusBeforeArchive(ctx context.Context, st *db.Store, id int64, given string) (model.Status, error) {
	if given != "" {
		s, err := model.ParseStatus(given)
		if err == nil && s == model.StatusArchived {
			err = usagef(fmt.Errorf("--status for unarchive must not be archived"))
		}
		return s, err
	}
	evs, err := st.ListHistory(ctx, db.HistoryFilter{Entity: model.EntityProposal, EntityID: id})
	if err != nil {
		return 0, err
	}
	for i := len(evs) - 1; i >= 0; i-- {
		e := evs[i]
		if e.Field == "status" && e.New == model.StatusArchived.String() {
			if s, err := model.ParseStatus(e.Old); err == nil && s != model.StatusArchived {
				return s, nil
			}
		}
	}
	return 0, usagef(fmt.Errorf("the history does not say what status proposal %d had before it was archived; give --status (draft, prewiring, ready, pitched, approved, rejected, deferred)", id))
}
