package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/backchannel/backchannel/model"
)

// PreviewContactImport says what ImportContacts would do with cs, reading
// one snapshot of the workbook and writing nothing.
func (s *Store) PreviewContactImport(ctx context.Context, cs []model.Contact) (model.ContactImport, error) {
	cs, err := tidyImport(cs)
	if err != nil {
		return model.ContactImport{}, err
	}
	var out model.ContactImport
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		existing, err := contactTable.query(ctx, tx, "")
		if err != nil {
			return err
		}
		out = planImport(existing, cs)
		return nil
	})
	if err != nil {
		return model.ContactImport{}, wrapf(err, "cannot preview the import")
	}
	return out, nil
}

// ImportContacts adds contacts from an address book in one transaction: all
// of them or, on any error, none. A contact already in the workbook (same
// email, or same name and no conflicting organisation or email; see
// model.PlanContactImport) is merged into it: its empty fields are filled,
// nothing is overwritten. Duplicates within cs merge the same way, so
// importing the same file twice adds nothing.
func (s *Store) ImportContacts(ctx context.Context, cs []model.Contact) (model.ContactImport, error) {
	cs, err := tidyImport(cs)
	if err != nil {
		return model.ContactImport{}, err
	}
	var out model.ContactImport
	now := s.clock()
	err = s.WithTx(ctx, func(tx *sql.Tx) error {
		existing, err := contactTable.query(ctx, tx, "")
		if err != nil {
			return err
		}
		out = planImport(existing, cs)
		if err := addContacts(ctx, tx, now, out.Added); err != nil {
			return err
		}
		byID := make(map[int64]model.Contact, len(existing))
		for _, c := range existing {
			byID[c.ID] = c
		}
		for i, c := range out.Merged {
			if out.Merged[i], err = mergeContact(ctx, tx, now, byID[c.ID], c); err != nil {
				return err
			}
		}
		return say(ctx, tx, "imported %s and filled in %s", model.Plural(len(out.Added), "new contact", "new contacts"),
			model.Plural(len(out.Merged), "known one", "known ones"))
	})
	if err != nil {
		return model.ContactImport{}, wrapf(s.Damaged(err), "cannot import contacts")
	}
	// An import is the other bulk write: check the workbook once, now.
	if err := quickCheck(ctx, s.r, s.path); err != nil {
		return model.ContactImport{}, err
	}
	return out, nil
}

// tidyImport tidies a copy of cs as the store stores text, and checks each.
func tidyImport(cs []model.Contact) ([]model.Contact, error) {
	cs = slices.Clone(cs) // the caller's list stays as given
	for i := range cs {
		// Text from a file is stored exactly as the file gives it (issue 11:
		// one text rule): escapes and control characters are data, cleaned
		// only where they are shown. Only the alias list is put in its one
		// form, since it is a list, not text.
		cs[i].Aliases = strings.Join(model.SplitAliases(cs[i].Aliases), ", ")
		cs[i].ID, cs[i].Archived = 0, false
		if err := cs[i].Validate(); err != nil {
			return nil, fmt.Errorf("contact %d (%s): %w", i+1, model.Clean(cs[i].Name), err)
		}
	}
	return cs, nil
}

// planImport applies the plan: the new contacts with the file's later
// duplicates merged into them, and the workbook contacts that gain fields.
func planImport(existing, cs []model.Contact) model.ContactImport {
	out := model.ContactImport{Decisions: model.PlanContactImport(existing, cs)}
	added := map[int]int{} // index in cs → index in out.Added
	merged := map[int64]int{}
	for i, d := range out.Decisions {
		switch {
		case d.Action == model.ImportNew:
			added[i] = len(out.Added)
			out.Added = append(out.Added, cs[i])
		case d.OfIndex >= 0:
			a := added[d.OfIndex]
			out.Added[a], _ = model.FillContact(out.Added[a], cs[i])
		case len(d.Fills) > 0:
			m, ok := merged[d.Of.ID]
			if !ok {
				m = len(out.Merged)
				merged[d.Of.ID] = m
				out.Merged = append(out.Merged, d.Of)
			}
			out.Merged[m], _ = model.FillContact(out.Merged[m], cs[i])
		}
	}
	return out
}

// mergeContact stores the filled-in contact over old with a history row
// per filled field, inside the caller's transaction.
func mergeContact(ctx context.Context, tx *sql.Tx, now time.Time, old, c model.Contact) (model.Contact, error) {
	changes := diff(contactFields(old), contactFields(c))
	if len(changes) == 0 {
		return old, nil
	}
	c.CreatedAt, c.UpdatedAt = old.CreatedAt, now
	if err := contactTable.update(ctx, tx, c); err != nil {
		return model.Contact{}, err
	}
	return c, insertHistory(ctx, tx, now, updateEvents(model.EntityContact, c.ID, 0, changes, "archived", btoa(true))...)
}

// addContacts is addContact for many people at once, filling in their IDs.
// Thousands of rows in one transaction hold the write lock for all of it,
// so the rows go in a few hundred per INSERT and their history in batches:
// every statement costs a parse (with the capture triggers it carries), a
// statement journal and a flush of the full-text index, so one statement
// per row made a 20,000-person import take about six times as long (see
// BenchmarkImportContacts).
func addContacts(ctx context.Context, tx *sql.Tx, now time.Time, cs []model.Contact) error {
	ncols := strings.Count(contactTable.cols, ",") + 1
	batch := max(1, min(500, 30000/ncols))
	events := make([]model.HistoryEvent, 0, len(cs))
	for start := 0; start < len(cs); start += batch {
		rows := cs[start:min(start+batch, len(cs))]
		var b strings.Builder
		b.WriteString("INSERT INTO contacts (" + contactTable.cols + ") VALUES ")
		args := make([]any, 0, ncols*len(rows))
		for i := range rows {
			c := &rows[i]
			c.ID, c.CreatedAt, c.UpdatedAt = 0, now, now
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(" + placeholders(ncols) + ")")
			args = append(args, contactTable.args(*c)...)
		}
		b.WriteString(" RETURNING id")
		ids, err := queryIDs(ctx, tx, b.String(), args...)
		if err != nil {
			return err
		}
		if len(ids) != len(rows) {
			return fmt.Errorf("inserted %d contacts, expected %d", len(ids), len(rows))
		}
		// The rows of one INSERT get increasing ids in the order they are
		// listed; RETURNING may give them in any order.
		slices.Sort(ids)
		for i := range rows {
			rows[i].ID = ids[i]
			events = append(events, addedEvent(rows[i]))
		}
	}
	for len(events) > 0 {
		n := min(len(events), historyBatch)
		if err := insertHistory(ctx, tx, now, events[:n]...); err != nil {
			return err
		}
		events = events[n:]
	}
	return nil
}

// queryIDs runs a statement that returns one id per row.
func queryIDs(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
	rs, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var ids []int64
	for rs.Next() {
		var id int64
		if err := rs.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rs.Err()
}

// historyBatch is how many history rows one INSERT writes: 9 values each,
// well under SQLite's limit of 32,766 bound values per statement.
const historyBatch = 2000
