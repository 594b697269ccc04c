package main

import (
	"fmt"
	"strconv"

	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

// contactRow is one line of `contacts --json`: the contact and its relationship health.
type contactRow struct {
	model.Contact
	Health model.Health `json:"health"`
}

func (a *app) contactsCommand() *cobra.Command {
	var asJSON, all bool
	cmd := &cobra.Command{
		Use:     "contacts",
		Aliases: []string{"contact", "c"},
		Short:   "List contacts with relationship health (last spoken to, gives vs asks)",
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
			contacts, err := st.ListContacts(ctx, all)
			if err != nil {
				return err
			}
			// Counted in SQL (one GROUP BY), not read row by row: the
			// list needs each person's figures, not their conversations.
			ledgers, err := st.ContactLedgers(ctx, day)
			if err != nil {
				return err
			}
			rows := []contactRow{}
			for _, c := range contacts {
				rows = append(rows, contactRow{Contact: c, Health: ledgers[c.ID].Health(c, day)})
			}
			if asJSON {
				return writeJSON(a.stdout, rows)
			}
			if len(rows) == 0 {
				fmt.Fprintln(a.stdout, "No contacts yet. Add one with `backchannel contacts add NAME`, or load the sample with `backchannel demo`.")
				return nil
			}
			t := newTable(a.stdout, "ID", "NAME", "TITLE", "PARTNER", "DISCRETION", "LAST SPOKEN", "GIVES/ASKS", "")
			for _, r := range rows {
				last := "never"
				if !r.Health.LastSpoken.IsZero() {
					last = r.Health.LastSpoken.Relative(day, false)
				}
				var note string
				switch {
				case r.Archived:
					note = "archived"
				case r.Health.AskOnly:
					note = "ask-only: give something"
				case r.Health.Due:
					note = "due a reconnect"
				}
				t.row(strconv.FormatInt(r.ID, 10), r.Name, r.Title, r.Kind.String(), r.Discretion.String(), last,
					fmt.Sprintf("%d/%d", r.Health.Gives, r.Health.Asks), note)
			}
			return t.flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&all, "all", false, "include archived contacts")
	cmd.AddCommand(a.contactsAddCommand(), a.contactsSetCommand(), a.contactsMergeCommand(),
		a.contactsArchiveCommand(true), a.contactsArchiveCommand(false), a.contactsDeleteCommand(), a.contactsExportCommand())
	return cmd
}

func (a *app) contactsAddCommand() *cobra.Command {
	var c model.Contact
	var kind, discretion string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: "Add a contact",
		Example: `  backchannel contacts add "Dana Reyes" --title CFO --org Finance --kind influencer --discretion high \
    --aliases "DR, Dee, @dreyes" --notes @dana-notes.txt
  backchannel contacts add "Tom Becker" --edit   # notes and value I bring in $EDITOR`,
		Args: exactArgs(1, "the name (quote it if it has spaces)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			c.Name = args[0]
			var err error
			if c.ValueIBring, err = a.longText("value", c.ValueIBring); err != nil {
				return err
			}
			if c.Notes, err = a.longText("notes", c.Notes); err != nil {
				return err
			}
			if c.Kind, err = model.ParsePartnerKind(kind); err != nil {
				return err
			}
			if c.Discretion, err = model.ParseDiscretion(discretion); err != nil {
				return err
			}
			if err := c.Validate(); err != nil {
				return err
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			if c, err = st.CreateContact(ctx, c); err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, c)
			}
			fmt.Fprintf(a.stdout, "Added contact %d: %s\n", c.ID, model.Clean(c.Name))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&c.Title, "title", "", "job title")
	fl.StringVar(&c.Org, "org", "", "team or organisation")
	fl.StringVar(&c.Email, "email", "", "email or handle")
	fl.StringVar(&c.Aliases, "aliases", "", "other ways people write them, comma-separated (nicknames, initials, handles): redaction finds these too")
	fl.StringVar(&kind, "kind", "none", "partner kind: lateral, influencer, willing, none")
	fl.StringVar(&discretion, "discretion", "unknown", "can they keep a confidence: high, medium, low, unknown")
	fl.StringVar(&c.ValueIBring, "value", "", `what value I bring them ("-" reads standard input, @FILE a file)`)
	fl.StringVar(&c.Notes, "notes", "", `free notes ("-" reads standard input, @FILE a file)`)
	fl.IntVar(&c.CadenceDays, "cadence", 0, "reconnect every N days (0: the default)")
	fl.BoolVar(&asJSON, "json", false, "print the new contact as JSON")
	return cmd
}
