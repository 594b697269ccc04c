package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

// maxSteps bounds `undo N` and `redo N`: a typo such as 1000 should not
// unwind a month of work in one go.
const maxSteps = 100

func (a *app) undoCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "undo [N]",
		Short: "Undo the last action (or the last N), from this or any earlier session",
		Long: `Undo the most recent action that is still in effect, whichever process or
session made it: a conversation logged, a person removed, a contact merged.
It restores exactly what was there, ids included, and is itself recorded, so
` + "`backchannel redo`" + ` brings the action back. An action whose records were
changed since is refused rather than overwritten; undo the later one first.
A very large action (an import of thousands of people) is undone in chunks
with a pause between, so other saves are not held up; if it is cut short
(the process killed), ` + "`backchannel history`" + ` shows it as unfinished and
the next undo finishes it. See what would be undone with ` + "`backchannel history`" + `.`,
		Example: `  backchannel undo        # the last action
  backchannel undo 3      # the last three, newest first`,
		Args: maxArgs(1, "how many actions to undo"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.reverseSteps(cmd.Context(), args, (*db.Store).Undo, db.ErrNothingToUndo)
		},
	}
}

func (a *app) redoCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "redo [N]",
		Short: "Redo the action most recently undone (or the last N undone)",
		Long: `Redo the action most recently undone, as long as no new action was made
since the undo (a new action starts a new branch, as in an editor).`,
		Example: `  backchannel undo && backchannel redo`,
		Args:    maxArgs(1, "how many actions to redo"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.reverseSteps(cmd.Context(), args, (*db.Store).Redo, db.ErrNothingToRedo)
		},
	}
}

// reverseSteps undoes or redoes N steps, one store call (one transaction)
// each, saying what each did. Running out after at least one is not an
// error: the person learns how many were reversed.
func (a *app) reverseSteps(ctx context.Context, args []string, step func(*db.Store, context.Context) (model.Change, error), none error) error {
	n := 1
	if len(args) == 1 {
		v, err := strconv.Atoi(args[0])
		if err != nil || v < 1 || v > maxSteps {
			return usagef(fmt.Errorf("the number of steps must be from 1 to %d, got %q", maxSteps, args[0]))
		}
		n = v
	}
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		ch, err := step(st, ctx)
		if errors.Is(err, none) && i > 0 {
			fmt.Fprintf(a.stdout, "%s; that was all.\n", model.UpperFirst(none.Error()))
			return nil
		}
		if err != nil {
			if errors.Is(err, db.ErrUnfinished) && errors.Is(err, context.Canceled) {
				// ctrl+c exits quietly (130), but a large undo cut short
				// stays unfinished: say so, and how to finish it.
				fmt.Fprintln(a.stderr, "backchannel: "+sentence(err))
			}
			return err
		}
		fmt.Fprintln(a.stdout, model.Clean(ch.Sentence())+".")
	}
	return nil
}

// historyRow is one line of `history --json`: a step of the undo log with
// its words and what undo or redo would do with it.
type historyRow struct {
	model.Change
	Sentence string `json:"sentence"`
	// State is "in effect" or "undone" for an action ("part undone" while
	// an undo of it is unfinished), "undid #N" or "redid #N" for an undo or
	// redo (with ", redone" or ", undone" when that was itself reversed),
	// "undoing #N, unfinished" or "redoing #N, unfinished" for one that
	// stopped midway.
	State string `json:"state"`
}

func (a *app) historyCommand() *cobra.Command {
	var proposal string
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "history",
		Short: "The undo log, newest first: what each action did and whether it is undone",
		Long: `The undo log, newest first. Each line is one action (one transaction): its id,
when, what it did in words, and its state — in effect, undone, or for an undo
or redo, which action it reversed. ` + "`backchannel undo`" + ` reverses the newest
action still in effect; ` + "`backchannel redo`" + ` the newest undo.`,
		Example: `  backchannel history -p "Consolidate"
  backchannel history --json --limit 200`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if limit < 1 {
				return usagef(fmt.Errorf("--limit must be at least 1, got %d", limit))
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			f := db.ChangeFilter{Limit: limit}
			if proposal != "" {
				p, err := st.FindProposal(ctx, proposal)
				if err != nil {
					return err
				}
				f.ProposalID = p.ID
			}
			changes, err := st.ListChanges(ctx, f)
			if err != nil {
				return err
			}
			reversedBy := map[int64]model.Change{}
			for _, c := range changes {
				if c.Kind != model.ChangeDo {
					reversedBy[c.TargetID] = c
				}
			}
			rows := []historyRow{}
			for _, c := range changes {
				rows = append(rows, historyRow{Change: c, Sentence: c.Sentence(), State: changeState(c, reversedBy)})
			}
			if asJSON {
				return writeJSON(a.stdout, rows)
			}
			if len(rows) == 0 {
				fmt.Fprintln(a.stdout, "Nothing in the undo log yet.")
				return nil
			}
			t := newTable(a.stdout, "ID", "WHEN", "STATE", "WHAT")
			for _, r := range rows {
				t.cells(120, strconv.FormatInt(r.ID, 10), r.At.Local().Format("2006-01-02 15:04"), r.State, r.Sentence)
			}
			return t.flush()
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&proposal, "proposal", "p", "", "only actions that touched this proposal (id, title or unique prefix)")
	fl.IntVar(&limit, "limit", 50, "show at most this many, newest first")
	fl.BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// changeState says where a step stands for undo and redo. An action that
// was undone and then redone is in effect again although its own row stays
// marked undone (the redo is the step now in effect), so the chain of steps
// reversing it is followed: reversedBy maps a step to the step that
// reversed it. Each step is reversed at most once (an undone step is never
// the target of another undo; its redo is).
func changeState(c model.Change, reversedBy map[int64]model.Change) string {
	if c.Unfinished {
		return fmt.Sprintf("%s #%d, unfinished", map[string]string{model.ChangeUndo: "undoing", model.ChangeRedo: "redoing"}[c.Kind], c.TargetID)
	}
	switch c.Kind {
	case model.ChangeUndo:
		if c.Undone {
			return fmt.Sprintf("undid #%d, redone", c.TargetID)
		}
		return fmt.Sprintf("undid #%d", c.TargetID)
	case model.ChangeRedo:
		if c.Undone {
			return fmt.Sprintf("redid #%d, undone", c.TargetID)
		}
		return fmt.Sprintf("redid #%d", c.TargetID)
	}
	if !c.Undone {
		if by, ok := reversedBy[c.ID]; ok && by.Unfinished {
			return "part undone" // an undo of it stopped midway
		}
		return "in effect"
	}
	// D undone by U, U redone by R, R undone by U2…: the first step of the
	// chain still in effect decides; an even place re-applies the action.
	cur, n := c, 0
	for cur.Undone {
		next, ok := reversedBy[cur.ID]
		if !ok {
			break // the reversing step is older than the list shows
		}
		cur, n = next, n+1
	}
	if n%2 == 0 && !cur.Undone {
		return "redone"
	}
	return "undone"
}
