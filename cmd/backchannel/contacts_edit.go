package main

import (
	"fmt"
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/spf13/cobra"
)

// contactFieldFlags declares every field of a contact.
func contactFieldFlags(cmd *cobra.Command) *fieldFlags {
	f := newFieldFlags(cmd)
	f.field("name", "their name")
	f.field("title", "job title")
	f.field("org", "team or organisation")
	f.field("email", "email or handle")
	f.field("aliases", "other ways people write them, comma-separated (replaces the list; empty clears): redaction finds these too")
	f.field("kind", "partner kind: lateral, influencer, willing, none")
	f.field("discretion", "can they keep a confidence: high, medium, low, unknown")
	f.text("value", "what value I bring them")
	f.text("notes", "free notes")
	f.field("cadence", "reconnect every N days (0: the default)")
	return f
}

// setContact sets one field of a contact from its flag.
func setContact(c *model.Contact, name, v string) error {
	var err error
	switch name {
	case "name":
		c.Name = v
	case "title":
		c.Title = v
	case "org":
		c.Org = v
	case "email":
		c.Email = v
	case "aliases":
		c.Aliases = v
	case "kind":
		c.Kind, err = model.ParsePartnerKind(v)
	case "discretion":
		c.Discretion, err = model.ParseDiscretion(v)
	case "value":
		c.ValueIBring = v
	case "notes":
		c.Notes = v
	case "cadence":
		// The form's rule (model.ParseCadence): "21" or "21d", blank for
		// the default; anything else is invalid input (exit 2).
		c.CadenceDays, err = model.ParseCadence(v)
	}
	return err
}

func (a *app) contactsSetCommand() *cobra.Command {
	var f *fieldFlags
	cmd := &cobra.Command{
		Use:   "set CONTACT",
		Short: "Change a contact's details (only the flags given)",
		Long: `Change any of a contact's details. Only the flags given change; each change is
kept in the history and ` + "`backchannel undo`" + ` reverses the edit. CONTACT is an id,
whole name, email or unique prefix (3 characters at least).`,
		Example: `  backchannel contacts set 4 --title "Chief Financial Officer" --discretion high
  backchannel contacts set "Dana Reyes" --notes - < dana.txt`,
		Args: exactArgs(1, "the contact (id, whole name, email or unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			vals, err := f.given(a)
			if err != nil {
				return err
			}
			if err := f.requireSome(vals); err != nil {
				return err
			}
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			c, err := st.FindContact(ctx, args[0])
			if err != nil {
				return err
			}
			c, err = st.EditContact(ctx, c.ID, func(c *model.Contact) error {
				if err := applyEach(vals, func(name, v string) error { return setContact(c, name, v) }); err != nil {
					return err
				}
				return c.Validate()
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Updated contact %d: %s\n", c.ID, model.Clean(c.Name))
			return nil
		},
	}
	f = contactFieldFlags(cmd)
	return cmd
}

func (a *app) contactsArchiveCommand(archive bool) *cobra.Command {
	use, short := "archive CONTACT", "Archive a contact: hidden from lists, kept as the record"
	if !archive {
		use, short = "unarchive CONTACT", "Bring an archived contact back into the lists"
	}
	return &cobra.Command{
		Use:   use,
		Short: short,
		Long: short + `. An archived contact keeps their places on proposals and
their conversations; take them off a proposal with ` + "`room remove`" + `.`,
		Example: "  backchannel contacts " + strings.Fields(use)[0] + ` "Helen Park"
  backchannel contacts ` + strings.Fields(use)[0] + " 19",
		Args: exactArgs(1, "the contact (id, whole name, email or unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			c, err := st.FindContact(ctx, args[0])
			if err != nil {
				return err
			}
			if c.Archived == archive {
				fmt.Fprintf(a.stdout, "Contact %d (%s) is already %s; nothing changed.\n", c.ID, model.Clean(c.Name), archivedWord(archive))
				return nil
			}
			c, err = st.EditContact(ctx, c.ID, func(c *model.Contact) error {
				c.Archived = archive
				return nil
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Contact %d (%s) is %s.\n", c.ID, model.Clean(c.Name), archivedWord(archive))
			return nil
		},
	}
}

func archivedWord(archived bool) string {
	if archived {
		return "archived"
	}
	return "not archived"
}

func (a *app) contactsMergeCommand() *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "merge KEEP OTHER",
		Short: "Merge contact OTHER into KEEP (a duplicate from an import, say); asks first",
		Long: `Merge two contacts that are one person. KEEP's details stay; its empty fields
take OTHER's values and the notes are joined. OTHER's places on proposals, its
conversations and the plans that name it move to KEEP, and OTHER is deleted.
Where both were on the same proposal, KEEP's place stays and OTHER's
conversations move onto it. It asks once on a terminal; --yes answers for a
script. ` + "`backchannel undo`" + ` splits them again.`,
		Example: `  backchannel contacts merge 4 19      # keep 4, fold 19 into it`,
		Args:    exactArgs(2, "two contacts: the one to keep, then the one to fold into it"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			keep, err := st.FindContact(ctx, args[0])
			if err != nil {
				return err
			}
			other, err := st.FindContact(ctx, args[1])
			if err != nil {
				return err
			}
			if keep.ID == other.ID {
				return usagef(fmt.Errorf("%q and %q are the same contact (%d); name two different ones", args[0], args[1], keep.ID))
			}
			r, err := st.ContactImpact(ctx, other.ID)
			if err != nil {
				return err
			}
			action := fmt.Sprintf("merge contact %d (%s) into contact %d (%s) and delete contact %d", other.ID, other.Name, keep.ID, keep.Name, other.ID)
			if err := a.confirm(action, mergeMoves(r, keep.ID), yes); err != nil {
				return err
			}
			merged, err := st.MergeContacts(ctx, keep.ID, other.ID)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Merged contact %d into %d (%s) (undo with `backchannel undo`).\n", other.ID, merged.ID, model.Clean(merged.Name))
			return nil
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask; merge")
	return cmd
}

// mergeMoves says what a merge moves onto the kept contact.
func mergeMoves(r model.Removal, keepID int64) string {
	var parts []string
	if r.Proposals > 0 {
		parts = append(parts, model.Plural(r.Proposals, "place on a proposal", "places on proposals"))
	}
	if r.Conversations > 0 {
		parts = append(parts, model.Plural(r.Conversations, "conversation", "conversations"))
	}
	if r.PlanRefs > 0 {
		parts = append(parts, model.Plural(r.PlanRefs, "mention in a plan", "mentions in plans"))
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("%s move to contact %d", strings.Join(parts, ", "), keepID)
}

func (a *app) contactsDeleteCommand() *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "delete CONTACT",
		Short: "Delete a contact nothing refers to (asks first)",
		Long: `Delete a contact that is on no proposal, in no conversation and in no plan — one
added by mistake. A contact that is part of the record is refused: archive it,
merge it into another, or take it off its proposals first. It asks once on a
terminal; --yes answers for a script. ` + "`backchannel undo`" + ` brings it back.`,
		Example: `  backchannel contacts delete 23`,
		Args:    exactArgs(1, "the contact (id, whole name, email or unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.open(ctx)
			if err != nil {
				return err
			}
			c, err := st.FindContact(ctx, args[0])
			if err != nil {
				return err
			}
			r, err := st.ContactImpact(ctx, c.ID)
			if err != nil {
				return err
			}
			if r.Proposals+r.Conversations+r.PlanRefs > 0 {
				// Refused before asking a question whose yes could not be
				// honoured; the store refuses it too.
				return fmt.Errorf("%s is %s; take them off those proposals first (`backchannel room remove`), or archive or merge the contact",
					c.Name, contactUses(r))
			}
			if err := a.confirm(fmt.Sprintf("delete contact %d (%s)", c.ID, c.Name), "", yes); err != nil {
				return err
			}
			if err := st.DeleteContact(ctx, c.ID); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "Deleted contact %d (%s) (undo with `backchannel undo`).\n", c.ID, model.Clean(c.Name))
			return nil
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask; delete")
	return cmd
}

// contactUses says where a contact appears: "on 1 proposal and in 2 conversations".
func contactUses(r model.Removal) string {
	var parts []string
	if r.Proposals > 0 {
		parts = append(parts, "on "+model.Plural(r.Proposals, "proposal", "proposals"))
	}
	if r.Conversations > 0 {
		parts = append(parts, "in "+model.Plural(r.Conversations, "conversation", "conversations"))
	}
	if r.PlanRefs > 0 {
		parts = append(parts, "named in "+model.Plural(r.PlanRefs, "plan", "plans"))
	}
	if len(parts) > 1 {
		return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return strings.Join(parts, "")
}
