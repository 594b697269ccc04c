package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// Empty reports whether the workbook has no proposals and no contacts.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	empty, err := exists(ctx, s.r, "SELECT NOT EXISTS (SELECT 1 FROM proposals) AND NOT EXISTS (SELECT 1 FROM contacts)")
	if err != nil {
		return false, fmt.Errorf("cannot read the workbook: %w", err)
	}
	return empty, nil
}

// Backup writes a consistent copy of the workbook to dest (mode 0600). It
// refuses to overwrite an existing file.
func (s *Store) Backup(ctx context.Context, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("cannot resolve backup path %q: %w", dest, err)
	}
	err = vacuumInto(ctx, s.w, abs)
	if err == nil {
		// The copy is what a restore will rely on: prove it reads whole.
		if err = checkCopy(ctx, abs); err != nil {
			_ = os.Remove(abs)
			return err
		}
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return conflictf("%s already exists; choose a new name for the backup", abs)
	case errors.Is(err, ErrNotWorkbook):
		return err
	case isNotDatabase(err):
		return s.Damaged(err)
	case err != nil:
		return fmt.Errorf("cannot back up the workbook to %s: %w", abs, unwrapPath(err))
	}
	return nil
}

// Export returns the whole workbook, every table ordered by ID, read in one
// transaction.
func (s *Store) Export(ctx context.Context) (model.Workbook, error) {
	wb := model.Workbook{Format: model.WorkbookFormat, Version: model.WorkbookVersion}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		if wb.Proposals, err = proposalTable.query(ctx, tx, "ORDER BY id"); err != nil {
			return err
		}
		if wb.Contacts, err = contactTable.query(ctx, tx, "ORDER BY id"); err != nil {
			return err
		}
		if wb.Stakeholders, err = stakeholderTable.query(ctx, tx, "ORDER BY id"); err != nil {
			return err
		}
		if wb.Touchpoints, err = touchpointTable.query(ctx, tx, "ORDER BY id"); err != nil {
			return err
		}
		if wb.Objections, err = objectionTable.query(ctx, tx, "ORDER BY id"); err != nil {
			return err
		}
		if wb.BlindSpots, err = blindSpotTable.query(ctx, tx, "ORDER BY id"); err != nil {
			return err
		}
		wb.History, err = historyTable.query(ctx, tx, "ORDER BY id")
		return err
	})
	if err != nil {
		return model.Workbook{}, fmt.Errorf("cannot export the workbook: %w", err)
	}
	// Empty tables export as [] rather than null, which reads better.
	wb.Proposals = nonNil(wb.Proposals)
	wb.Contacts = nonNil(wb.Contacts)
	wb.Stakeholders = nonNil(wb.Stakeholders)
	wb.Touchpoints = nonNil(wb.Touchpoints)
	wb.Objections = nonNil(wb.Objections)
	wb.BlindSpots = nonNil(wb.BlindSpots)
	wb.History = nonNil(wb.History)
	return wb, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Import loads a whole exported workbook into this one, which must hold no
// data at all (ErrConflict otherwise). Every row is validated and every
// reference checked before anything is written, and the rows go in within
// one transaction, so a bad file imports nothing. IDs, timestamps and
// history are kept exactly, so export → import → export is byte-identical.
func (s *Store) Import(ctx context.Context, wb model.Workbook) error {
	wb, err := checkWorkbook(wb)
	if err != nil {
		return err
	}
	err = s.WithTx(ctx, func(tx *sql.Tx) error {
		used, err := exists(ctx, tx, `SELECT EXISTS (SELECT 1 FROM proposals) OR EXISTS (SELECT 1 FROM contacts)
			OR EXISTS (SELECT 1 FROM history)`)
		if err != nil {
			return err
		}
		if used {
			return conflictf("%s already has data; import into a new, empty workbook file", s.path)
		}
		if err := say(ctx, tx, "loaded a workbook of %s and %s", model.Plural(len(wb.Proposals), "proposal", "proposals"),
			model.Plural(len(wb.Contacts), "contact", "contacts")); err != nil {
			return err
		}
		// Rows may refer forward ("talk before" a later stakeholder); the
		// references were checked above and are checked again at commit.
		if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
			return err
		}
		return withSearchIndexedAfter(ctx, tx, func() error {
			for _, step := range []func() error{
				func() error { return insertRows(ctx, tx, proposalTable, wb.Proposals) },
				func() error { return insertRows(ctx, tx, contactTable, wb.Contacts) },
				func() error { return insertRows(ctx, tx, stakeholderTable, wb.Stakeholders) },
				func() error { return insertRows(ctx, tx, touchpointTable, wb.Touchpoints) },
				func() error { return insertRows(ctx, tx, objectionTable, wb.Objections) },
				func() error { return insertRows(ctx, tx, blindSpotTable, wb.BlindSpots) },
				func() error { return insertRows(ctx, tx, historyTable, wb.History) },
			} {
				if err := step(); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		return wrapf(s.Damaged(err), "cannot import the workbook")
	}
	// A load writes most of the file: check it once, now, rather than on
	// every later open.
	return quickCheck(ctx, s.r, s.path)
}

// insertRows writes one table's rows, many to a statement: each statement
// that fires the search triggers makes FTS5 flush its pending terms, so a
// row a statement made a whole-workbook load spend a third of its time
// flushing tiny index segments. An error names the row as the export file
// does ("stakeholders[3]"): a failed batch changed nothing (a statement is
// atomic) and is written again row by row to find it.
func insertRows[T any](ctx context.Context, tx *sql.Tx, t *table[T], rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	ncols := strings.Count(t.cols, ",") + 1
	per := max(1, min(insertBatch, maxBindings/ncols))
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	for start := 0; start < len(rows); start += per {
		batch := rows[start:min(start+per, len(rows))]
		if len(batch) == per && full == nil && per > 1 {
			stmt, err := tx.PrepareContext(ctx, batchInsertSQL(t, ncols, per))
			if err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
			full = stmt
		}
		args := make([]any, 0, len(batch)*ncols)
		for _, r := range batch {
			args = append(args, t.args(r)...)
		}
		var err error
		if len(batch) == per && per > 1 {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, batchInsertSQL(t, ncols, len(batch)), args...)
		}
		if err == nil {
			continue
		}
		for i, r := range batch {
			if _, err := tx.ExecContext(ctx, t.insertSQL, t.args(r)...); err != nil {
				return fmt.Errorf("%s[%d]: %w", t.name, start+i, err)
			}
		}
		return fmt.Errorf("%s[%d…%d]: %w", t.name, start, start+len(batch)-1, err)
	}
	return nil
}

// Batches of rows per INSERT: large enough that the per-statement costs
// (a savepoint, an FTS5 flush, a trip through database/sql) are shared, and
// within SQLite's limit on bound parameters.
const (
	insertBatch = 200
	maxBindings = 32000
)

// batchInsertSQL is t's INSERT with n rows of values.
func batchInsertSQL[T any](t *table[T], ncols, n int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + t.name + " (" + t.cols + ") VALUES ")
	row := "(" + placeholders(ncols) + ")"
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(row)
	}
	return b.String()
}

// checkWorkbook validates an export before import and returns a copy (the
// caller's slices are left alone). Text is kept exactly as given, so a file
// written by another tool imports and exports back byte for byte; it is
// cleaned where it is shown, like all text. The error names
// the first bad row: "stakeholders[3]: influence must be 1 to 5, got 7".
func checkWorkbook(wb model.Workbook) (model.Workbook, error) {
	if wb.Format != model.WorkbookFormat {
		return wb, fmt.Errorf("this is not a backchannel workbook export (format %q, expected %q)", wb.Format, model.WorkbookFormat)
	}
	if wb.Version > model.WorkbookVersion {
		return wb, fmt.Errorf("this export was written by a newer version of backchannel (workbook version %d, this build reads %d); upgrade backchannel to import it",
			wb.Version, model.WorkbookVersion)
	}
	// Versions 1 and 2 lack only optional fields (aliases, heard_via_id;
	// commitments): they read as they are and are written back as the
	// current version.
	if wb.Version < 1 {
		return wb, fmt.Errorf("workbook version %d is not supported; this build reads versions 1 to %d", wb.Version, model.WorkbookVersion)
	}
	wb.Version = model.WorkbookVersion
	wb.Proposals = slices.Clone(wb.Proposals)
	wb.Contacts = slices.Clone(wb.Contacts)
	wb.Stakeholders = slices.Clone(wb.Stakeholders)
	wb.Touchpoints = slices.Clone(wb.Touchpoints)
	wb.Objections = slices.Clone(wb.Objections)
	wb.BlindSpots = slices.Clone(wb.BlindSpots)
	wb.History = slices.Clone(wb.History)

	proposals := map[int64]bool{}
	for i := range wb.Proposals {
		p := &wb.Proposals[i]
		if err := firstOf(uniqueID(proposals, p.ID), p.Validate()); err != nil {
			return wb, rowError("proposals", i, err)
		}
	}
	contacts := map[int64]bool{}
	for i := range wb.Contacts {
		c := &wb.Contacts[i]
		if err := firstOf(uniqueID(contacts, c.ID), c.Validate()); err != nil {
			return wb, rowError("contacts", i, err)
		}
	}

	stakes := map[int64]model.Stakeholder{}
	seen := map[int64]bool{}
	pairs := map[[2]int64]bool{}
	for i := range wb.Stakeholders {
		st := &wb.Stakeholders[i]
		if err := firstOf(uniqueID(seen, st.ID), st.Validate(),
			refTo("proposal", st.ProposalID, proposals), refTo("contact", st.ContactID, contacts),
			labelled("plan.via_id", optRefTo("contact", st.Plan.ViaID, contacts))); err != nil {
			return wb, rowError("stakeholders", i, err)
		}
		pair := [2]int64{st.ProposalID, st.ContactID}
		if pairs[pair] {
			return wb, rowError("stakeholders", i, fmt.Errorf("contact %d is on proposal %d twice", st.ContactID, st.ProposalID))
		}
		pairs[pair] = true
		stakes[st.ID] = *st
	}
	for i, st := range wb.Stakeholders {
		if err := onProposal("plan.before_id", st.Plan.BeforeID, st.ProposalID, stakes); err != nil {
			return wb, rowError("stakeholders", i, err)
		}
	}

	talks := map[int64]model.Touchpoint{}
	seen = map[int64]bool{}
	for i := range wb.Touchpoints {
		t := &wb.Touchpoints[i]
		err := firstOf(uniqueID(seen, t.ID), t.Validate(), labelled("heard_via_id", optRefTo("contact", t.HeardViaID, contacts)))
		if err == nil {
			st, ok := stakes[t.StakeholderID]
			switch {
			case !ok:
				err = fmt.Errorf("no stakeholder with id %d", t.StakeholderID)
			case st.ProposalID != t.ProposalID || st.ContactID != t.ContactID:
				err = fmt.Errorf("proposal %d and contact %d do not match stakeholder %d (proposal %d, contact %d)",
					t.ProposalID, t.ContactID, st.ID, st.ProposalID, st.ContactID)
			}
		}
		if err != nil {
			return wb, rowError("touchpoints", i, err)
		}
		talks[t.ID] = *t
	}

	seen = map[int64]bool{}
	for i := range wb.Objections {
		o := &wb.Objections[i]
		if err := firstOf(uniqueID(seen, o.ID), o.Validate(), refTo("proposal", o.ProposalID, proposals),
			onProposal("raised_by_id", o.RaisedByID, o.ProposalID, stakes),
			onProposal("voice_id", o.VoiceID, o.ProposalID, stakes),
			talkOnProposal(o.TouchpointID, o.ProposalID, talks)); err != nil {
			return wb, rowError("objections", i, err)
		}
	}
	seen = map[int64]bool{}
	for i := range wb.BlindSpots {
		b := &wb.BlindSpots[i]
		if err := firstOf(uniqueID(seen, b.ID), b.Validate(), refTo("proposal", b.ProposalID, proposals),
			onProposal("surfaced_by_id", b.SurfacedByID, b.ProposalID, stakes),
			talkOnProposal(b.TouchpointID, b.ProposalID, talks)); err != nil {
			return wb, rowError("blind_spots", i, err)
		}
	}

	seen = map[int64]bool{}
	for i := range wb.History {
		e := &wb.History[i]
		if err := firstOf(uniqueID(seen, e.ID), optRefTo("proposal", e.ProposalID, proposals),
			oneOf("entity", e.Entity, historyEntities), oneOf("action", e.Action, historyActions)); err != nil {
			return wb, rowError("history", i, err)
		}
	}
	return wb, nil
}

var (
	historyEntities = []string{model.EntityProposal, model.EntityContact, model.EntityStakeholder,
		model.EntityTouchpoint, model.EntityObjection, model.EntityBlindSpot}
	historyActions = []string{model.ActionCreate, model.ActionUpdate, model.ActionArchive, model.ActionDelete}
)

// labelled prefixes a reference error with the field it is about.
func labelled(field string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", field, err)
}

func rowError(table string, i int, err error) error { return fmt.Errorf("%s[%d]: %w", table, i, err) }

func firstOf(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func uniqueID(seen map[int64]bool, id int64) error {
	if id <= 0 {
		return fmt.Errorf("id must be a positive number, got %d", id)
	}
	if seen[id] {
		return fmt.Errorf("id %d appears twice", id)
	}
	seen[id] = true
	return nil
}

func refTo(what string, id int64, ids map[int64]bool) error {
	if !ids[id] {
		return fmt.Errorf("no %s with id %d", what, id)
	}
	return nil
}

func optRefTo(what string, id int64, ids map[int64]bool) error {
	if id == 0 {
		return nil
	}
	return refTo(what, id, ids)
}

// onProposal checks an optional stakeholder reference that must stay within
// one proposal.
func onProposal(what string, id, proposalID int64, stakes map[int64]model.Stakeholder) error {
	if id == 0 {
		return nil
	}
	st, ok := stakes[id]
	if !ok {
		return fmt.Errorf("%s: no stakeholder with id %d", what, id)
	}
	if st.ProposalID != proposalID {
		return fmt.Errorf("%s: stakeholder %d is on proposal %d, not %d", what, id, st.ProposalID, proposalID)
	}
	return nil
}

func talkOnProposal(id, proposalID int64, talks map[int64]model.Touchpoint) error {
	if id == 0 {
		return nil
	}
	t, ok := talks[id]
	if !ok {
		return fmt.Errorf("touchpoint_id: no conversation with id %d", id)
	}
	if t.ProposalID != proposalID {
		return fmt.Errorf("touchpoint_id: conversation %d is about proposal %d, not %d", id, t.ProposalID, proposalID)
	}
	return nil
}

func oneOf(what, v string, valid []string) error {
	if !slices.Contains(valid, v) {
		return fmt.Errorf("unknown %s %q", what, v)
	}
	return nil
}
