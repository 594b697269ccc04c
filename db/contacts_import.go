package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/redact"
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

// ImportContacts adds contacts from an address book as one user action: one
// undo step, and on any error none of it stays. A contact already in the
// workbook (same email, or same name and no conflicting organisation or
// email; see model.PlanContactImport) is merged into it: its empty fields
// are filled, nothing is overwritten. Duplicates within cs merge the same
// way, so importing the same file twice adds nothing.
//
// A large import is written in chunks, each its own transaction of at most
// about importChunk or importChunkRows people, with a pause between them,
// so another backchannel process waiting to save (a `log` while 200,000
// people go in) is never held for more than a second or so (issue 11). The chunks add to one undo step
// (continueStep), so `undo` takes the whole import out at once. If a chunk
// fails (or ctx is cancelled), the chunks already written are undone
// before the error is returned. If the process dies between chunks, what
// was written stays as one step labelled "imported 40000 of 200000
// contacts (unfinished)": the history says so, `undo` takes it all out, and
// importing the file again adds the rest (duplicates merge).
func (s *Store) ImportContacts(ctx context.Context, cs []model.Contact) (model.ContactImport, error) {
	cs, err := tidyImport(cs)
	if err != nil {
		return model.ContactImport{}, err
	}
	if s.readOnly != "" {
		return model.ContactImport{}, s.refuseWrite()
	}
	if err := s.checkImportSpace(cs); err != nil {
		return model.ContactImport{}, err
	}
	run := &importRun{now: s.clock(), budget: s.importChunk}
	if run.budget <= 0 {
		run.budget = importChunk
	}
	// The plan (which file rows are people already known) is made on a
	// snapshot before the write lock is taken: for 200,000 people it takes
	// seconds. The first chunk checks nothing changed the contacts since,
	// and plans again under the lock if something did.
	var seen importSnapshot
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		if seen, err = snapshotContacts(ctx, tx); err != nil {
			return err
		}
		existing, err := contactTable.query(ctx, tx, "")
		if err != nil {
			return err
		}
		run.plan = planImport(existing, cs)
		return nil
	})
	if err != nil {
		return model.ContactImport{}, wrapf(s.Damaged(err), "cannot import contacts")
	}
	// Every commit would otherwise copy the whole log into the workbook
	// (SQLite checkpoints after a commit once the log passes 1,000 pages),
	// over and over as the import's log grows: that doubled its time. The
	// log is checkpointed once, at the end.
	if _, err := s.w.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err == nil {
		defer func() {
			_, _ = s.w.ExecContext(context.WithoutCancel(ctx), "PRAGMA wal_autocheckpoint = 1000")
			_, _ = s.w.ExecContext(context.WithoutCancel(ctx), "PRAGMA wal_checkpoint(PASSIVE)")
		}()
	}
	var step int64
	for first := true; first || !run.done(); first = false {
		if !first {
			if err := s.betweenChunks(ctx, run.chunks); err != nil {
				return model.ContactImport{}, s.abandonImport(ctx, step, run, err)
			}
		}
		if step == 0 {
			ch, err := s.changeTx(ctx, changeSpec{kind: kindDo}, func(tx *sql.Tx, _ int64) error {
				if first {
					now, err := snapshotContacts(ctx, tx)
					if err != nil {
						return err
					}
					if now != seen {
						existing, err := contactTable.query(ctx, tx, "")
						if err != nil {
							return err
						}
						run.plan = planImport(existing, cs)
					}
				}
				return run.chunk(ctx, tx)
			})
			if err != nil {
				return model.ContactImport{}, s.abandonImport(ctx, step, run, err)
			}
			step = ch.ID
		} else if err := s.continueStep(ctx, step, func(tx *sql.Tx) error { return run.chunk(ctx, tx) }); err != nil {
			return model.ContactImport{}, s.abandonImport(ctx, step, run, err)
		}
	}
	// An import is the other bulk write: check the workbook once, now.
	if err := quickCheck(ctx, s.r, s.path); err != nil {
		return model.ContactImport{}, err
	}
	return run.plan, nil
}

// importSnapshot tells whether the contacts changed between two reads: every
// change backchannel makes is a row in changes (undo and redo included; the
// step being opened is left out), and the count and latest update of
// contacts catch the rest.
type importSnapshot struct {
	lastChange int64
	contacts   int64
	updated    string
}

func snapshotContacts(ctx context.Context, q querier) (importSnapshot, error) {
	var v importSnapshot
	err := q.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM changes WHERE is_open = 0),
		(SELECT count(*) FROM contacts), (SELECT coalesce(max(updated_at), '') FROM contacts)`).Scan(&v.lastChange, &v.contacts, &v.updated)
	return v, err
}

// importChunk is how long one chunk of an import holds the write lock before
// it commits and lets others in; committing adds a little to it.
const importChunk = 500 * time.Millisecond

// importChunkRows caps the new contacts one chunk adds, whatever the time:
// a chunk's commit (its log pages, the full-text index) grows with it.
const importChunkRows = 10000

// importYield is the pause between two chunks of an import. SQLite's busy
// handler retries a waiting writer at most 100 ms apart, so a pause longer
// than that lets a writer that is waiting in (it then holds the lock, and
// the import's next chunk waits its turn); without the pause the import
// would take the lock back before anyone noticed it was free.
const importYield = 120 * time.Millisecond

// betweenChunks pauses between two chunks of an import, or stops it when ctx
// is done. Tests may run something in the gap (importHook).
func (s *Store) betweenChunks(ctx context.Context, done int) error {
	if s.importHook != nil {
		if err := s.importHook(done); err != nil {
			return err
		}
	}
	t := time.NewTimer(importYield)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// abandonImport undoes the chunks of an import already written (if any) so
// a failed import leaves nothing behind, and says what happened.
func (s *Store) abandonImport(ctx context.Context, step int64, run *importRun, cause error) error {
	cause = wrapf(s.Damaged(cause), "cannot import contacts")
	if step == 0 {
		return cause
	}
	// Undoing must happen even when the import stopped because ctx was
	// cancelled (ctrl+c).
	_, err := s.reverseStep(context.WithoutCancel(ctx), step)
	if err == nil || errors.Is(err, ErrNothingToUndo) { // nothing: undone already, from elsewhere
		return cause
	}
	// Taking the chunks out failed too (undoing writes as well, and a full
	// disk refuses that): say what is left, and how to finish or undo it.
	why := cause.Error()
	kind := error(nil)
	if errors.Is(cause, ErrDiskFull) {
		why, kind = "the disk holding the workbook is full", ErrDiskFull
	}
	total := len(run.plan.Added) + len(run.plan.Merged)
	return newError(kind, cause,
		"the import stopped after %d of %d contacts (%s) and they could not be taken out again (%v); they are kept as one step: free the cause, then `backchannel undo` takes them out, or importing the file again adds the rest",
		run.written, total, why, err)
}

// importSpace is a generous estimate of the disk one imported contact
// needs while the import runs: the row, its full-text index entry, its undo
// snapshot, its history row and the log holding all of them until the
// checkpoint at the end.
const importSpace = 4 << 10

// checkImportSpace refuses, before anything is written, an import the disk
// clearly cannot hold: failing midway could leave part of it behind when
// the disk is too full even to take it out again.
func (s *Store) checkImportSpace(cs []model.Contact) error {
	free, ok := freeSpace(dirOf(s.path))
	if !ok {
		return nil
	}
	need := uint64(0)
	for _, c := range cs {
		need += importSpace + 4*uint64(len(c.Name)+len(c.Title)+len(c.Org)+len(c.Email)+len(c.Aliases)+len(c.ValueIBring)+len(c.Notes))
	}
	if need <= free {
		return nil
	}
	return newError(ErrDiskFull, nil,
		"nothing was changed: importing %d contacts needs about %s of free disk and the disk holding the workbook has %s; free some space and try again (%s)",
		len(cs), megabytes(need), megabytes(free), s.path)
}

// megabytes writes a size for people.
func megabytes(n uint64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", max(1, n>>10))
	}
	return fmt.Sprintf("%d MB", n>>20)
}

// importRun is one import in progress: the plan, made in the first chunk,
// and how far the chunks have got through it.
type importRun struct {
	plan   model.ContactImport
	now    time.Time
	budget time.Duration
	added  int // contacts of plan.Added written
	merged int // contacts of plan.Merged written
	// written counts the contacts written so far, for messages.
	written int
	chunks  int
}

func (r *importRun) done() bool {
	return r.added == len(r.plan.Added) && r.merged == len(r.plan.Merged)
}

// importBatch is how many new contacts one step inside a chunk adds before
// the chunk looks at the time; addContacts writes them in one INSERT.
const importBatch = 500

// chunk writes as much of the plan as fits in the time budget, inside tx,
// and gives the step words that say whether the import is finished.
func (r *importRun) chunk(ctx context.Context, tx *sql.Tx) error {
	began := time.Now()
	added, merged := r.added, r.merged
	for added < len(r.plan.Added) && (added == r.added || time.Since(began) < r.budget && added-r.added < importChunkRows) {
		end := min(added+importBatch, len(r.plan.Added))
		if err := addContacts(ctx, tx, r.now, r.plan.Added[added:end]); err != nil {
			return err
		}
		added = end
	}
	for added == len(r.plan.Added) && merged < len(r.plan.Merged) && (merged == r.merged || time.Since(began) < r.budget && merged-r.merged < importChunkRows) {
		c := r.plan.Merged[merged]
		// Read the contact again: another process may have changed it since
		// the plan was made, and what it wrote is kept.
		current, err := contactTable.get(ctx, tx, c.ID)
		if errors.Is(err, sql.ErrNoRows) || errors.Is(err, ErrNotFound) {
			merged++ // removed since: nothing to fill in
			continue
		}
		if err != nil {
			return err
		}
		filled, _ := model.FillContact(current, c)
		if r.plan.Merged[merged], err = mergeContact(ctx, tx, r.now, current, filled); err != nil {
			return err
		}
		merged++
	}
	r.added, r.merged, r.chunks = added, merged, r.chunks+1
	r.written = added + merged
	if !r.done() {
		total := len(r.plan.Added) + len(r.plan.Merged)
		return say(ctx, tx, "imported %d of %d contacts (unfinished)", r.written, total)
	}
	return say(ctx, tx, "imported %s and filled in %s", model.Plural(len(r.plan.Added), "new contact", "new contacts"),
		model.Plural(len(r.plan.Merged), "known one", "known ones"))
}

// tidyImport tidies a copy of cs as the store stores text, and checks each.
func tidyImport(cs []model.Contact) ([]model.Contact, error) {
	cs = slices.Clone(cs) // the caller's list stays as given
	for i := range cs {
		// Text from a file is stored exactly as the file gives it (issue 11:
		// one text rule): escapes and control characters are data, cleaned
		// only where they are shown. Only the alias list is put in its one
		// form, since it is a list, not text.
		cs[i].Aliases = strings.Join(redact.SplitAliases(cs[i].Aliases), ", ")
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
		ids, err := queryColumn[int64](ctx, tx, b.String(), args...)
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
	return insertHistory(ctx, tx, now, events...)
}
