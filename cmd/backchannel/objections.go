// Long by design: the objections command tree (list, add, set, delete) and the review helpers the blind-spots command shares.

package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/brief"
	"github.com/spf13/cobra"
)

// loadDirectory reads every proposal, stakeholder and contact, for lists that
// span proposals and need names.
func loadDirectory(ctx context.Context, st *db.Store) (model.Directory, error) {
	props, err := st.ListProposals(ctx, true)
	if err != nil {
		return model.Directory{}, err
	}
	var stakes []model.Stakeholder
	for _, p := range props {
		list, err := st.ListStakeholders(ctx, p.ID)
		if err != nil {
			return model.Directory{}, err
		}
		stakes = append(stakes, list...)
	}
	contacts, err := st.ListContacts(ctx, true)
	if err != nil {
		return model.Directory{}, err
	}
	return model.NewDirectory(props, stakes, contacts), nil
}

// review is what the objection and blind-spot lists read: the store, names
// for every id, and the proposal the list is narrowed to (0 = all).
type review struct {
	st         *db.Store
	dir        model.Directory
	proposalID int64
}

func (a *app) openReview(ctx context.Context, proposalRef string) (review, error) {
	st, err := a.open(ctx)
	if err != nil {
		return review{}, err
	}
	rv := review{st: st}
	if proposalRef != "" {
		p, err := st.FindProposal(ctx, proposalRef)
		if err != nil {
			return review{}, err
		}
		rv.proposalID = p.ID
	}
	rv.dir, err = loadDirectory(ctx, st)
	return rv, err
}

// printRows writes rows as JSON or markdown when asked, or says that nothing
// matched; done reports whether the caller still has a table to print.
func printRows[T any](a *app, asJSON, asMD bool, rows []T, markdown func([]T) string, none string) (done bool, err error) {
	switch {
	case asJSON:
		return true, writeJSON(a.stdout, rows)
	case asMD:
		_, err := fmt.Fprint(a.stdout, markdown(rows))
		return true, err
	case len(rows) == 0:
		_, err := fmt.Fprintln(a.stdout, none)
		return true, err
	}
	return false, nil
}

// parseList parses each word (comma-separated or repeated flags) with parse.
func parseList[T any](words []string, parse func(string) (T, error)) ([]T, error) {
	var out []T
	for _, w := range words {
		for _, part := range strings.Split(w, ",") {
			if strings.TrimSpace(part) == "" {
				continue
			}
			v, err := parse(part)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
	}
	return out, nil
}

// findStakeholderOn resolves a person to their stakeholder row on a proposal.
func findStakeholderOn(ctx context.Context, st *db.Store, proposalID int64, person string) (model.Stakeholder, error) {
	c, err := st.FindContact(ctx, person)
	if err != nil {
		return model.Stakeholder{}, err
	}
	s, ok, err := stakeholderOf(ctx, st, proposalID, c.ID)
	if err == nil && !ok {
		title := fmt.Sprintf("proposal %d", proposalID)
		if p, perr := st.GetProposal(ctx, proposalID); perr == nil {
			title = strconv.Quote(p.Title)
		}
		err = fmt.Errorf("%s is not a stakeholder of %s; put them on it with `backchannel room add %d -p %d --role ROLE --influence 1-5`",
			model.Clean(c.Name), model.Clean(title), c.ID, proposalID)
	}
	return s, err
}

// stakeholderOf is the contact's part in the proposal, if they have one.
func stakeholderOf(ctx context.Context, st *db.Store, proposalID, contactID int64) (model.Stakeholder, bool, error) {
	list, err := st.ListStakeholders(ctx, proposalID)
	if err != nil {
		return model.Stakeholder{}, false, err
	}
	for _, s := range list {
		if s.ContactID == contactID {
			return s, true, nil
		}
	}
	return model.Stakeholder{}, false, nil
}

// voiceNote says why someone is a weak voice in the room ("" when they are
// a supporter who will be there), in words a person reads.
func voiceNote(name string, s model.Stakeholder) string {
	var why string
	switch {
	case !s.Stance.For() && !s.Role.InRoom():
		why = fmt.Sprintf("%s's stance is %s and their role (%s) may keep them out of the room", name, s.Stance, s.Role)
	case !s.Stance.For():
		why = fmt.Sprintf("%s's stance is %s", name, s.Stance)
	case !s.Role.InRoom():
		why = fmt.Sprintf("%s's role (%s) may keep them out of the room", name, s.Role)
	default:
		return ""
	}
	return "note: " + why + "; a voice in the room is best a supporter who will be there."
}

func (a *app) objectionsCommand() *cobra.Command {
	var proposal, person, search string
	var statuses, severities []string
	var asJSON, asMD, all, redact bool
	cmd := &cobra.Command{
		Use:     "objections",
		Aliases: []string{"objection", "o"},
		Short:   "Review every objection across proposals, most urgent first",
		Long: `List objections across proposals, most urgent first: live before settled, then
severity, then the nearest decision date, then the oldest. Objections of
archived proposals are hidden unless --all is given.`,
		Example: `  backchannel objections --status open,addressing --severity major,blocker
  backchannel objections -p "Consolidate" --md > objections.md`,
		Args: exactArgs(0, "no arguments (use flags to filter)"),
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
			f := model.ObjectionFilter{Person: person, Text: search, IncludeArchived: all}
			if f.Statuses, err = parseList(statuses, model.ParseObjectionStatus); err != nil {
				return err
			}
			if f.Severities, err = parseList(severities, model.ParseSeverity); err != nil {
				return err
			}
			rv, err := a.openReview(ctx, proposal)
			if err != nil {
				return err
			}
			f.ProposalID = rv.proposalID
			objs, err := rv.st.ListObjections(ctx, 0)
			if err != nil {
				return err
			}
			rows := model.ObjectionRows(objs, rv.dir, f, day)
			if redact {
				md, err := brief.RedactedObjectionsMarkdown(rows, rv.dir)
				if err != nil {
					return err
				}
				_, err = fmt.Fprint(a.stdout, md)
				return err
			}
			if done, err := printRows(a, asJSON, asMD, rows, brief.ObjectionsMarkdown, "No objections match."); done {
				return err
			}
			t := newTable(a.stdout, "ID", "PROPOSAL", "RAISED BY", "SEVERITY", "STATUS", "AGE", "OBJECTION", "RESPONSE", "VOICE")
			for _, r := range rows {
				t.row(strconv.FormatInt(r.ID, 10), truncate(r.ProposalTitle, 24), r.RaisedBy, r.Severity.String(), r.Status.String(),
					fmt.Sprintf("%dd", r.AgeDays), truncate(r.Text, 40), truncate(orDash(r.Response), 30), orDash(r.Voice))
			}
			return t.flush()
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&proposal, "proposal", "p", "", "only this proposal (id, title or unique prefix)")
	fl.StringSliceVar(&statuses, "status", nil, "only these statuses: open, addressing, resolved, accepted, withdrawn")
	fl.StringSliceVar(&severities, "severity", nil, "only these severities: minor, major, blocker")
	fl.StringVar(&person, "person", "", "only objections raised or voiced by this person (part of a name; \"anticipated\" for none)")
	fl.StringVar(&search, "search", "", "only objections whose text or response contains this")
	fl.BoolVar(&all, "all", false, "include archived proposals")
	fl.BoolVar(&asJSON, "json", false, "print JSON (see docs/objections-json.md)")
	fl.BoolVar(&asMD, "md", false, "print a markdown table")
	fl.BoolVar(&redact, "redact", false, "with --md: replace every person with a label (Person A…), free text included; prints nothing if a name survives")
	cmd.AddCommand(a.objectionsAddCommand(), a.objectionsSetCommand(), a.objectionsDeleteCommand())
	return cmd
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// objectionEdits are the flags shared by `objections add` and `objections set`.
type objectionEdits struct {
	severity, status, response, voice, by, raised string
}

func (e *objectionEdits) bind(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&e.severity, "severity", "", "minor, major, blocker")
	fl.StringVar(&e.status, "status", "", "open, addressing, resolved, accepted, withdrawn")
	fl.StringVar(&e.response, "response", "", `our response (empty clears it; "-" reads standard input, @FILE a file)`)
	fl.StringVar(&e.voice, "voice", "", "the supporter who will answer it in the room (a person; empty clears it)")
}

// apply changes o for every flag the user gave.
func (e *objectionEdits) apply(ctx context.Context, cmd *cobra.Command, st *db.Store, o *model.Objection) (warning string, err error) {
	fl := cmd.Flags()
	if fl.Changed("severity") {
		if o.Severity, err = model.ParseSeverity(e.severity); err != nil {
			return "", err
		}
	}
	if fl.Changed("status") {
		if o.Status, err = model.ParseObjectionStatus(e.status); err != nil {
			return "", err
		}
	}
	if fl.Changed("response") {
		o.Response = e.response
	}
	if fl.Changed("voice") {
		o.VoiceID = 0
		if strings.TrimSpace(e.voice) != "" {
			s, err := findStakeholderOn(ctx, st, o.ProposalID, e.voice)
			if err != nil {
				return "", err
			}
			o.VoiceID = s.ID
			name := e.voice
			if c, err := st.GetContact(ctx, s.ContactID); err == nil {
				name = c.Name
			}
			warning = voiceNote(model.Clean(name), s)
		}
	}
	return warning, nil
}

func (a *app) objectionsAddCommand() *cobra.Command {
	var e objectionEdits
	var proposal string
	cmd := &cobra.Command{
		Use:   "add TEXT",
		Short: "Add an objection (anticipated unless --by names who raised it; TEXT - reads standard input)",
		Example: `  backchannel objections add "Dashboards will break during the cut-over" -p Consolidate --by Tom --severity major
  backchannel objections add @objection.txt -p Consolidate --edit   # the response in $EDITOR`,
		Args: exactArgs(1, "the objection's text (quote it)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			day, err := today()
			if err != nil {
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
			text, err := a.longText("text", args[0])
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("response") {
				if e.response, err = a.longText("response", e.response); err != nil {
					return err
				}
			}
			o := model.Objection{ProposalID: p.ID, Text: text, Severity: model.SeverityMajor, RaisedOn: day}
			if e.by != "" {
				s, err := findStakeholderOn(ctx, st, p.ID, e.by)
				if err != nil {
					return err
				}
				o.RaisedByID = s.ID
			}
			if e.raised != "" {
				if o.RaisedOn, err = model.ParsePastDate(e.raised, day); err != nil {
					return err
				}
			}
			warning, err := e.apply(ctx, cmd, st, &o)
			if err != nil {
				return err
			}
			if err := o.Validate(); err != nil {
				return err
			}
			if o, err = st.AddObjection(ctx, o); err != nil {
				return err
			}
			if warning != "" {
				fmt.Fprintln(a.stderr, warning)
			}
			fmt.Fprintf(a.stdout, "Added objection %d (%s, %s) to %q.\n", o.ID, o.Severity, o.Status, model.Clean(p.Title))
			return nil
		},
	}
	e.bind(cmd)
	cmd.Flags().StringVarP(&proposal, "proposal", "p", "", "the proposal (default: the only open one)")
	cmd.Flags().StringVar(&e.by, "by", "", "who raised it (default: anticipated)")
	cmd.Flags().StringVar(&e.raised, "raised", "", "when it was raised (default: today)")
	return cmd
}

func (a *app) objectionsSetCommand() *cobra.Command {
	var e objectionEdits
	var text string
	cmd := &cobra.Command{
		Use:   "set ID",
		Short: "Change an objection's text, severity, status, response or voice (each change kept in history)",
		Long: `Change an objection: reword it, change its severity or status, write our
response, or name the voice in the room who will answer it. Only the flags
given change; ` + "`backchannel undo`" + ` reverses the edit.`,
		Example: `  backchannel objections set 2 --status resolved --response "Dual-running for six weeks" --voice Priya
  backchannel objections set 2 --text "Dashboards break during cut-over" --severity blocker
  backchannel objections set 2 --response - < response.md
  backchannel objections set 2 --edit`,
		Args: exactArgs(1, "the objection's id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := parseID("objection", args[0])
			if err != nil {
				return err
			}
			fl := cmd.Flags()
			if !fl.Changed("status") && !fl.Changed("response") && !fl.Changed("voice") && !fl.Changed("severity") && !fl.Changed("text") {
				return usagef(fmt.Errorf("nothing to change; give --text, --severity, --status, --response or --voice"))
			}
			if fl.Changed("text") {
				if text, err = a.longText("text", text); err != nil {
					return err
				}
			}
			if fl.Changed("response") {
				if e.response, err = a.longText("response", e.response); err != nil {
					return err
				}
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			// Read once to learn the proposal (it never changes) so the
			// voice is found among its people before the write begins.
			cur, err := st.GetObjection(ctx, id)
			if err != nil {
				return err
			}
			probe := cur
			warning, err := e.apply(ctx, cmd, st, &probe)
			if err != nil {
				return err
			}
			o, err := st.EditObjection(ctx, id, func(o *model.Objection) error {
				if fl.Changed("text") {
					o.Text = text
				}
				if fl.Changed("severity") {
					o.Severity = probe.Severity
				}
				if fl.Changed("status") {
					o.Status = probe.Status
				}
				if fl.Changed("response") {
					o.Response = probe.Response
				}
				if fl.Changed("voice") {
					o.VoiceID = probe.VoiceID
				}
				return o.Validate()
			})
			if err != nil {
				return err
			}
			if warning != "" {
				fmt.Fprintln(a.stderr, warning)
			}
			if fl.Changed("status") {
				fmt.Fprintf(a.stdout, "Objection %d is now %s (%s).\n", o.ID, o.Status, o.Severity)
			} else {
				// "is now open" after changing only the response would
				// claim a status change that did not happen.
				fmt.Fprintf(a.stdout, "Objection %d updated; it is still %s (%s).\n", o.ID, o.Status, o.Severity)
			}
			return nil
		},
	}
	e.bind(cmd)
	cmd.Flags().StringVar(&text, "text", "", `reword the objection ("-" reads standard input, @FILE a file)`)
	return cmd
}

func (a *app) objectionsDeleteCommand() *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "delete ID",
		Short: "Delete an objection logged by mistake (asks first)",
		Long: `Delete an objection that should never have been recorded. An objection that was
dropped is a status, not a deletion: use ` + "`objections set ID --status withdrawn`" + `.
It asks once on a terminal; --yes answers for a script. ` + "`backchannel undo`" + ` brings it back.`,
		Example: `  backchannel objections delete 7`,
		Args:    exactArgs(1, "the objection's id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := parseID("objection", args[0])
			if err != nil {
				return err
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			o, err := st.GetObjection(ctx, id)
			if err != nil {
				return err
			}
			what := fmt.Sprintf("objection %d (%q)", o.ID, truncate(o.Text, 60))
			if err := a.confirm("delete "+what, "", yes); err != nil {
				return err
			}
			if err := st.DeleteObjection(ctx, id); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Deleted %s (undo with `backchannel undo`).\n", model.Clean(what))
			return nil
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask; delete")
	return cmd
}
