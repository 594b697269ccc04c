package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/redact"
)

// contactTable is where contacts are stored.
var contactTable = newTable("contacts", "contact",
	`id, name, title, org, email, partner_kind, discretion, value_i_bring, notes, cadence_days, archived, created_at, updated_at, aliases`,
	contactDest, contactArgs)

// contactArgs lists the stored value of each column.
func contactArgs(c model.Contact) []any {
	return []any{nullID(c.ID), c.Name, c.Title, c.Org, c.Email, word(c.Kind), word(c.Discretion), c.ValueIBring, c.Notes,
		c.CadenceDays, c.Archived, stamp(c.CreatedAt), stamp(c.UpdatedAt), c.Aliases}
}

// contactDest lists where each column goes.
func contactDest(c *model.Contact) []any {
	return []any{&c.ID, &c.Name, &c.Title, &c.Org, &c.Email, text(&c.Kind), text(&c.Discretion), &c.ValueIBring, &c.Notes,
		integer(&c.CadenceDays), &c.Archived, timestamp(&c.CreatedAt), timestamp(&c.UpdatedAt), &c.Aliases}
}

func normalizeContact(c *model.Contact) {
	c.Name = model.Normalize(c.Name, false)
	c.Title = model.Normalize(c.Title, false)
	c.Org = model.Normalize(c.Org, false)
	c.Email = model.Normalize(c.Email, false)
	c.Aliases = strings.Join(redact.SplitAliases(c.Aliases), ", ")
	c.ValueIBring = model.Normalize(c.ValueIBring, true)
	c.Notes = model.Normalize(c.Notes, true)
}

func contactFields(c model.Contact) []field {
	return []field{
		{"name", c.Name},
		{"title", c.Title},
		{"org", c.Org},
		{"email", c.Email},
		{"aliases", c.Aliases},
		{"partner_kind", c.Kind.String()},
		{"discretion", c.Discretion.String()},
		{"value_i_bring", c.ValueIBring},
		{"notes", c.Notes},
		{"cadence_days", itoa(c.CadenceDays)},
		{"archived", btoa(c.Archived)},
	}
}

// CreateContact validates c, stores it with a new ID and timestamps, and
// records its creation in history. c.ID is ignored.
func (s *Store) CreateContact(ctx context.Context, c model.Contact) (model.Contact, error) {
	normalizeContact(&c)
	if err := c.Validate(); err != nil {
		return model.Contact{}, invalid(err)
	}
	var added model.Contact
	err := s.WithTx(ctx, func(tx *sql.Tx) (err error) {
		added, err = addContact(ctx, tx, s.clock(), c)
		return err
	})
	if err != nil {
		return model.Contact{}, wrapf(err, "cannot create contact %q", c.Name)
	}
	return added, nil
}

// addContact stores a checked contact as a new row created at now, with its
// history row, inside the caller's transaction. CreateContact and
// ImportContacts both add people through it.
func addContact(ctx context.Context, tx *sql.Tx, now time.Time, c model.Contact) (model.Contact, error) {
	c.ID, c.CreatedAt, c.UpdatedAt = 0, now, now
	id, err := contactTable.insert(ctx, tx, c)
	if err != nil {
		return model.Contact{}, err
	}
	c.ID = id
	return c, insertHistory(ctx, tx, now, addedEvent(c))
}

// addedEvent is the history row for a new contact.
func addedEvent(c model.Contact) model.HistoryEvent {
	return model.HistoryEvent{Entity: model.EntityContact, EntityID: c.ID, Action: model.ActionCreate, New: c.Name}
}

// UpdateContact stores c over the contact with c.ID, one history row per
// changed field. Setting Archived records an "archive" row.
func (s *Store) UpdateContact(ctx context.Context, c model.Contact) (model.Contact, error) {
	var out model.Contact
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.updateContact(ctx, tx, c)
		return err
	})
	if err != nil {
		return model.Contact{}, wrapf(err, "cannot update contact %q", c.Name)
	}
	return out, nil
}

// updateContact is UpdateContact inside the caller's transaction.
func (s *Store) updateContact(ctx context.Context, tx *sql.Tx, c model.Contact) (model.Contact, error) {
	normalizeContact(&c)
	if err := c.Validate(); err != nil {
		return model.Contact{}, invalid(err)
	}
	err := func() error {
		old, err := contactTable.get(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		changes := diff(contactFields(old), contactFields(c))
		if len(changes) == 0 {
			c = old
			return nil
		}
		now := s.clock()
		c.CreatedAt, c.UpdatedAt = old.CreatedAt, now
		if err := contactTable.update(ctx, tx, c); err != nil {
			return err
		}
		return insertHistory(ctx, tx, now, updateEvents(model.EntityContact, c.ID, 0, changes, "archived", btoa(true))...)
	}()
	return c, err
}

// GetContact returns the contact with the given ID.
func (s *Store) GetContact(ctx context.Context, id int64) (model.Contact, error) {
	return contactTable.get(ctx, s.r, id)
}

// ListContacts returns contacts by name (then ID), leaving out archived ones
// unless asked for.
func (s *Store) ListContacts(ctx context.Context, includeArchived bool) ([]model.Contact, error) {
	where := ""
	if !includeArchived {
		where = "WHERE archived = 0 "
	}
	cs, err := contactTable.query(ctx, s.r, where+"ORDER BY name COLLATE NOCASE, id")
	if err != nil {
		return nil, fmt.Errorf("cannot list contacts: %w", err)
	}
	return cs, nil
}

// FindContact resolves what a person typed: a numeric ID ("7" or "#7"), an
// exact name or email (any case), or a prefix of one name at least
// MinPrefix characters long. When a prefix fits several, a single unarchived
// one wins; otherwise, or when the prefix is shorter, ErrAmbiguous lists the
// candidates.
func (s *Store) FindContact(ctx context.Context, ref string) (model.Contact, error) {
	ref = model.Clean(ref)
	if ref == "" {
		return model.Contact{}, notFoundf("no contact named; give their id, name or email")
	}
	if id, ok := parseID(ref); ok {
		c, err := s.GetContact(ctx, id)
		if !errors.Is(err, ErrNotFound) {
			return c, err
		}
	}
	all, err := contactTable.query(ctx, s.r, "ORDER BY id")
	if err != nil {
		return model.Contact{}, fmt.Errorf("cannot search contacts: %w", err)
	}
	m, short := match(all, ref,
		func(c model.Contact) string { return c.Name },
		func(c model.Contact) string { return c.Email },
		func(c model.Contact) bool { return c.Archived })
	if short {
		return model.Contact{}, tooShort("contacts", ref, m, func(c model.Contact) (int64, string) { return c.ID, c.Name })
	}
	switch len(m) {
	case 0:
		return model.Contact{}, notFoundf("no contact matches %q", ref)
	case 1:
		return m[0], nil
	}
	return model.Contact{}, ambiguous("contacts", ref, m, func(c model.Contact) (int64, string) { return c.ID, c.Name })
}

// RemoveContact deletes a contact nobody refers to. A contact that is a
// stakeholder, an intermediary or party to a logged conversation is kept as
// the record and archived instead; archived reports which happened.
func (s *Store) RemoveContact(ctx context.Context, id int64) (archived bool, err error) {
	err = s.WithTx(ctx, func(tx *sql.Tx) error {
		c, err := contactTable.get(ctx, tx, id)
		if err != nil {
			return err
		}
		referred, err := exists(ctx, tx, `SELECT EXISTS (SELECT 1 FROM stakeholders WHERE contact_id = ?1)
			OR EXISTS (SELECT 1 FROM stakeholders WHERE plan_via_id = ?1)
			OR EXISTS (SELECT 1 FROM touchpoints WHERE contact_id = ?1)`, id)
		if err != nil {
			return err
		}
		now := s.clock()
		if referred {
			archived = true
			if c.Archived {
				return nil
			}
			if _, err := tx.ExecContext(ctx, "UPDATE contacts SET archived = 1, updated_at = ? WHERE id = ?", stamp(now), id); err != nil {
				return err
			}
			return insertHistory(ctx, tx, now, model.HistoryEvent{Entity: model.EntityContact, EntityID: id,
				Action: model.ActionArchive, Field: "archived", Old: btoa(false), New: btoa(true)})
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM contacts WHERE id = ?", id); err != nil {
			return err
		}
		return insertHistory(ctx, tx, now, model.HistoryEvent{Entity: model.EntityContact, EntityID: id,
			Action: model.ActionDelete, Old: c.Name})
	})
	if err != nil {
		return false, wrapf(err, "cannot remove contact %d", id)
	}
	return archived, nil
}
