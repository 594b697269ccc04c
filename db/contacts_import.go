package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// ContactImport is what ImportContacts did: the contacts it added, and the
// names it skipped because the workbook (or the file, earlier) already had them.
type ContactImport struct {
	Added   []model.Contact
	Skipped []string
}

// ImportContacts adds contacts from an address book in one transaction: all
// of them or, on any error, none. A contact whose email (or, without email,
// whose name) is already in the workbook or earlier in the list is skipped, so
// importing the same file twice adds nothing.
func (s *Store) ImportContacts(ctx context.Context, cs []model.Contact) (ContactImport, error) {
	cs = slices.Clone(cs) // tidied below; the caller's list stays as given
	for i := range cs {
		normalizeContact(&cs[i])
		if err := cs[i].Validate(); err != nil {
			return ContactImport{}, fmt.Errorf("contact %d (%s): %w", i+1, model.Clean(cs[i].Name), err)
		}
	}
	var out ContactImport
	now := s.clock()
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		out = ContactImport{}
		seen := map[string]bool{}
		existing, err := contactTable.query(ctx, tx, "")
		if err != nil {
			return err
		}
		for _, c := range existing {
			seen[contactKey(c)] = true
		}
		for _, c := range cs {
			key := contactKey(c)
			if seen[key] {
				out.Skipped = append(out.Skipped, c.Name)
				continue
			}
			seen[key] = true
			c.Archived = false
			added, err := addContact(ctx, tx, now, c)
			if err != nil {
				return err
			}
			out.Added = append(out.Added, added)
		}
		return nil
	})
	if err != nil {
		return ContactImport{}, wrapf(err, "cannot import contacts")
	}
	return out, nil
}

// contactKey identifies a person across address books: the email when there
// is one, else the name, case-insensitively.
func contactKey(c model.Contact) string {
	if e := strings.ToLower(strings.TrimSpace(c.Email)); e != "" {
		return "email:" + e
	}
	return "name:" + strings.ToLower(strings.Join(strings.Fields(c.Name), " "))
}
