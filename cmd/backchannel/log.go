package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

// logFlags are the fields of a conversation as typed on the command line.
type logFlags struct {
	proposal, kind, channel, opener, sentiment, date, stance string
	said, subtext, followUp, heardVia                        string
	objections, blindSpots                                   []string
	severity                                                 string
	asJSON                                                   bool
	promise                                                  commitmentFlags
}

func (a *app) logCommand() *cobra.Command {
	var f logFlags
	cmd := &cobra.Command{
		Use:   "log PERSON",
		Short: "Record a conversation without opening the workbook",
		Long: `Record a conversation with a person about a proposal: what kind of talk it
was, where, how it felt (sentiment -2 to +2), what was said and what was not,
the objections and blind spots raised in it, and their stance after it. All of
it is one action: ` + "`backchannel undo`" + ` takes all of it back.

PERSON is someone on the proposal: a contact's id, whole name, email, or the
start of a name that fits only one contact (3 characters at least). Put a new
person on the proposal first with ` + "`backchannel room add`" + `.
--said, --subtext, --follow-up, --objection and --blindspot accept "-" to read
standard input (one of them per command), so notes need not sit in the
shell's history.`,
		Example: `  backchannel log "Dana" -p "Consolidate" --kind advice --channel coffee --sentiment +1 \
    --said "Open to it with a stop-loss." --edit      # what was not said, in $EDITOR
  backchannel log Dana --follow-up "Send the three-year model." --owes me --due friday
  backchannel log 4 -p 1 --date tuesday --said - < notes.txt
  backchannel log 4 -p 1 --said @talk.md --subtext @subtext.md --stance neutral`,
		Args: exactArgs(1, "the person (a contact's id, name or email)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.logConversation(cmd.Context(), args[0], f, cmd.Flags().Changed("severity"))
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.proposal, "proposal", "p", "", "proposal id, title or unique prefix (default: the only open one)")
	fl.StringVarP(&f.kind, "kind", "k", "ask", "ask, share, appreciate, advice, daydream")
	fl.StringVarP(&f.channel, "channel", "c", "", "1:1 in person, coffee/lunch, walk, call, video, chat, email, after a meeting, at an event")
	fl.StringVar(&f.opener, "opener", "", "compliment & appreciate, request advice, daydream aloud")
	fl.StringVarP(&f.sentiment, "sentiment", "s", "0", "how it felt, -2 to +2")
	fl.StringVarP(&f.date, "date", "d", "today", "when: YYYY-MM-DD, today, yesterday, -3d, or a weekday (the last one)")
	fl.StringVar(&f.said, "said", "", `what they said ("-" reads standard input, @FILE a file)`)
	fl.StringVar(&f.subtext, "subtext", "", `what was not said ("-" reads standard input, @FILE a file)`)
	fl.StringVar(&f.followUp, "follow-up", "", `what to do next ("-" reads standard input, @FILE a file)`)
	fl.StringArrayVar(&f.objections, "objection", nil, "an objection they raised (repeat for several)")
	fl.StringVar(&f.severity, "severity", "major", "severity of the objections raised: minor, major, blocker")
	fl.StringArrayVar(&f.blindSpots, "blindspot", nil, "a blind spot they surfaced (repeat for several)")
	fl.StringVar(&f.stance, "stance", "", "their stance now: champion, supporter, neutral, skeptic, opponent")
	fl.StringVar(&f.heardVia, "heard-via", "", "who told them about the proposal before this talk (a contact): they know too")
	fl.BoolVar(&f.asJSON, "json", false, "print the logged conversation, with what was raised in it, as JSON")
	f.promise.register(fl)
	return cmd
}

// loggedJSON is `log --json`: the conversation's own fields at the top (as
// before objections could be raised with it), then what was raised in it.
type loggedJSON struct {
	model.Touchpoint
	Objections []model.Objection `json:"objections,omitempty"`
	BlindSpots []model.BlindSpot `json:"blind_spots,omitempty"`
	Stance     *model.Stance     `json:"stance,omitempty"`
}

// readLong reads the long-text flags given "-" from standard input.
func (f *logFlags) readLong(a *app) error {
	var err error
	for _, p := range []struct {
		name string
		v    *string
	}{{"said", &f.said}, {"subtext", &f.subtext}, {"follow-up", &f.followUp}} {
		if *p.v, err = a.longText(p.name, *p.v); err != nil {
			return err
		}
	}
	for i := range f.objections {
		if f.objections[i], err = a.longText("objection", f.objections[i]); err != nil {
			return err
		}
	}
	for i := range f.blindSpots {
		if f.blindSpots[i], err = a.longText("blindspot", f.blindSpots[i]); err != nil {
			return err
		}
	}
	return nil
}

// conversation builds the whole conversation from the flags, checked, so
// that nothing is stored when any part of it is wrong.
func (f *logFlags) conversation(day model.Date) (model.Conversation, error) {
	var c model.Conversation
	t := &c.Touchpoint
	var err error
	if t.Kind, err = model.ParseTouchKind(f.kind); err != nil {
		return c, err
	}
	if f.channel != "" {
		if t.Channel, err = model.ParseVenue(f.channel); err != nil {
			return c, err
		}
	}
	if f.opener != "" {
		if t.Opener, err = model.ParseOpener(f.opener); err != nil {
			return c, err
		}
	}
	if t.Sentiment, err = parseSentiment(f.sentiment); err != nil {
		return c, err
	}
	if t.Date, err = parseTalkDate(f.date, day); err != nil {
		return c, err
	}
	if f.stance != "" {
		s, err := model.ParseStance(f.stance)
		if err != nil {
			return c, err
		}
		c.Stance = &s
	}
	t.Said, t.Subtext, t.FollowUp = f.said, f.subtext, f.followUp
	if err := f.promise.apply(t, day); err != nil {
		return c, err
	}
	if err := t.Validate(); err != nil {
		return c, err
	}
	sev, err := model.ParseSeverity(f.severity)
	if err != nil {
		return c, err
	}
	for _, text := range f.objections {
		o := model.Objection{Text: text, Severity: sev}
		if err := o.Validate(); err != nil {
			return c, err
		}
		c.Objections = append(c.Objections, o)
	}
	for _, text := range f.blindSpots {
		b := model.BlindSpot{Text: text}
		if err := b.Validate(); err != nil {
			return c, err
		}
		c.BlindSpots = append(c.BlindSpots, b)
	}
	return c, nil
}

func (a *app) logConversation(ctx context.Context, person string, f logFlags, severityGiven bool) error {
	if severityGiven && len(f.objections) == 0 {
		return usagef(fmt.Errorf("--severity is the severity of the objections raised; give them with --objection"))
	}
	day, err := today()
	if err != nil {
		return err
	}
	if err := f.readLong(a); err != nil {
		return err
	}
	conv, err := f.conversation(day)
	if err != nil {
		return err
	}
	// Three lookups and one write: one SQLite connection, one parse of the
	// schema (db.Options.OneConnection; `log` on big-200k 2.4× version
	// with two, docs/performance.md).
	a.oneConnection = true
	st, err := a.open(ctx)
	if err != nil {
		return err
	}
	p, err := a.resolveProposal(ctx, st, f.proposal)
	if err != nil {
		return err
	}
	c, err := st.FindContact(ctx, person)
	if err != nil {
		return err
	}
	sh, on, err := stakeholderOf(ctx, st, p.ID, c.ID)
	if err != nil {
		return err
	}
	if !on {
		return fmt.Errorf("%s is not on %q yet; add them first with `backchannel room add %d -p %d --role ROLE --influence 1-5`",
			model.Clean(c.Name), model.Clean(p.Title), c.ID, p.ID)
	}
	conv.Touchpoint.StakeholderID = sh.ID
	if f.heardVia != "" {
		teller, err := st.FindContact(ctx, f.heardVia)
		if err != nil {
			return fmt.Errorf("--heard-via: %w", err)
		}
		conv.Touchpoint.HeardViaID = teller.ID
	}
	if conv, err = st.RecordConversation(ctx, conv); err != nil {
		return err
	}
	if f.asJSON {
		return writeJSON(a.stdout, loggedJSON{conv.Touchpoint, conv.Objections, conv.BlindSpots, conv.Stance})
	}
	t := conv.Touchpoint
	// Name the person found, not what was typed: a prefix such as "Dana"
	// may have matched someone other than the one meant, and this line is
	// where the user finds out.
	var raised []string
	if n := len(conv.Objections); n > 0 {
		raised = append(raised, model.Plural(n, "objection", "objections"))
	}
	if n := len(conv.BlindSpots); n > 0 {
		raised = append(raised, model.Plural(n, "blind spot", "blind spots"))
	}
	if conv.Stance != nil {
		raised = append(raised, "stance "+conv.Stance.String())
	}
	extra := ""
	if len(raised) > 0 {
		extra = "; " + strings.Join(raised, ", ")
	}
	fmt.Fprintf(a.stdout, "Logged conversation %d with %s on %s (%s, sentiment %+d%s) for %q.\n", t.ID, model.Clean(c.Name), t.Date, t.Kind, t.Sentiment, extra, model.Clean(p.Title))
	return nil
}

// parseSentiment reads -2…+2, accepting a leading plus sign.
func parseSentiment(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(s), "+"))
	if err != nil {
		return 0, usagef(fmt.Errorf("sentiment must be a number from -2 to +2, got %q", s))
	}
	if n < -2 || n > 2 {
		return 0, usagef(fmt.Errorf("sentiment must be -2 to +2, got %d", n))
	}
	return n, nil
}
