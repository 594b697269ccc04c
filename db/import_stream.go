package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/backchannel/backchannel/model"
)

// ImportSource gives ImportFrom an exported workbook as it is read, one row
// at a time, so that a large file is never held whole (the 200,000
// conversation export took 510 MB decoded).
type ImportSource interface {
	// Header is the file's format and version, asked for once, first.
	Header() (format string, version int, err error)
	// Table reads the named table's rows in the file's order, calling row
	// once per element; row is given fill, which decodes the element into
	// dst (a pointer to the table's model type). A table the file lacks has
	// no rows. Tables are asked for in the export's order.
	Table(name string, row func(fill func(dst any) error) error) error
	// End is called after the last table: anything left in the file (data
	// after the workbook) is an error, and nothing is imported.
	End() error
}

// ImportCounts is what an import holds, for the sentence that reports it.
type ImportCounts struct {
	Proposals, Contacts, Touchpoints int
}

// WorkbookSource is an ImportSource over a workbook held in memory.
func WorkbookSource(wb model.Workbook) ImportSource { return &workbookSource{wb: wb} }

type workbookSource struct{ wb model.Workbook }

func (w *workbookSource) Header() (string, int, error) { return w.wb.Format, w.wb.Version, nil }
func (w *workbookSource) End() error                   { return nil }

func (w *workbookSource) Table(name string, row func(fill func(dst any) error) error) error {
	switch name {
	case proposalTable.name:
		return eachRow(w.wb.Proposals, row)
	case contactTable.name:
		return eachRow(w.wb.Contacts, row)
	case stakeholderTable.name:
		return eachRow(w.wb.Stakeholders, row)
	case touchpointTable.name:
		return eachRow(w.wb.Touchpoints, row)
	case objectionTable.name:
		return eachRow(w.wb.Objections, row)
	case blindSpotTable.name:
		return eachRow(w.wb.BlindSpots, row)
	case historyTable.name:
		return eachRow(w.wb.History, row)
	}
	return fmt.Errorf("no table %q", name)
}

func eachRow[T any](rows []T, row func(fill func(dst any) error) error) error {
	for i := range rows {
		if err := row(func(dst any) error {
			p, ok := dst.(*T)
			if !ok {
				return fmt.Errorf("row %d: want %T, got %T", i, p, dst)
			}
			*p = rows[i]
			return nil
		}); err != nil {
			return err
		}
	}
	return nil
}

// CheckImport reads src through as ImportFrom would and writes nothing: a
// dry run. It gives the same refusals, except that it does not know whether
// a workbook is empty.
func CheckImport(ctx context.Context, src ImportSource) (ImportCounts, error) {
	counts, err := readImport(ctx, nil, src)
	var refused *importRefusal
	if errors.As(err, &refused) {
		return ImportCounts{}, refused.err
	}
	return counts, err
}

// importRefusal carries an error in the file (or from its source) through
// the transaction unwrapped: the sentence already says what and where.
type importRefusal struct{ err error }

func (r *importRefusal) Error() string { return r.err.Error() }
func (r *importRefusal) Unwrap() error { return r.err }

func refuse(err error) error {
	if err == nil {
		return nil
	}
	var already *importRefusal
	if errors.As(err, &already) {
		return err
	}
	return &importRefusal{err: err}
}

// stakeRef is what the later tables' checks need of a stakeholder.
type stakeRef struct{ proposalID, contactID int64 }

// importCheck holds the ids that later rows may refer to, and nothing more.
type importCheck struct {
	proposals, contacts map[int64]bool
	stakes              map[int64]stakeRef
	talks               map[int64]int64 // conversation id → its proposal
}

// readImport validates src table by table in the export's order and, when
// tx is not nil, hands the rows to it in batches as they pass (see
// ImportFrom: the batches are written in chunks, each its own transaction).
func readImport(ctx context.Context, tx rowSink, src ImportSource) (ImportCounts, error) {
	format, version, err := src.Header()
	if err != nil {
		return ImportCounts{}, refuse(err)
	}
	if format != model.WorkbookFormat {
		return ImportCounts{}, refuse(fmt.Errorf("this is not a backchannel workbook export (format %q, expected %q)", format, model.WorkbookFormat))
	}
	if version > model.WorkbookVersion {
		return ImportCounts{}, refuse(fmt.Errorf("this export was written by a newer version of backchannel (workbook version %d, this build reads %d); upgrade backchannel to import it",
			version, model.WorkbookVersion))
	}
	// Versions 1 and 2 lack only optional fields (aliases, heard_via_id;
	// commitments): they read as they are and are written back as the
	// current version.
	if version < 1 {
		return ImportCounts{}, refuse(fmt.Errorf("workbook version %d is not supported; this build reads versions 1 to %d", version, model.WorkbookVersion))
	}
	c := importCheck{proposals: map[int64]bool{}, contacts: map[int64]bool{}, stakes: map[int64]stakeRef{}, talks: map[int64]int64{}}
	var counts ImportCounts

	counts.Proposals, err = importTable(ctx, tx, src, proposalTable, func(p *model.Proposal) error {
		return firstOf(uniqueID(c.proposals, p.ID), p.Validate())
	}, nil)
	if err != nil {
		return counts, err
	}
	counts.Contacts, err = importTable(ctx, tx, src, contactTable, func(ct *model.Contact) error {
		return firstOf(uniqueID(c.contacts, ct.ID), ct.Validate())
	}, nil)
	if err != nil {
		return counts, err
	}

	// "Talk before" may name a later stakeholder: checked once all are in.
	type before struct {
		i              int
		id, proposalID int64
	}
	var befores []before
	seen := map[int64]bool{}
	// A chunk is not committed while a stakeholder in it names one not yet
	// written ("talk before" a later row): its commit would fail on the
	// foreign key. waiting holds those names.
	waiting := map[int64]bool{}
	pairs := map[[2]int64]bool{}
	n := 0
	if _, err = importTable(ctx, tx, src, stakeholderTable, func(st *model.Stakeholder) error {
		i := n
		n++
		if err := firstOf(uniqueID(seen, st.ID), st.Validate(),
			refTo("proposal", st.ProposalID, c.proposals), refTo("contact", st.ContactID, c.contacts),
			labelled("plan.via_id", optRefTo("contact", st.Plan.ViaID, c.contacts))); err != nil {
			return err
		}
		pair := [2]int64{st.ProposalID, st.ContactID}
		if pairs[pair] {
			return fmt.Errorf("contact %d is on proposal %d twice", st.ContactID, st.ProposalID)
		}
		pairs[pair] = true
		c.stakes[st.ID] = stakeRef{proposalID: st.ProposalID, contactID: st.ContactID}
		delete(waiting, st.ID)
		if st.Plan.BeforeID != 0 {
			befores = append(befores, before{i: i, id: st.Plan.BeforeID, proposalID: st.ProposalID})
			if _, ok := c.stakes[st.Plan.BeforeID]; !ok {
				waiting[st.Plan.BeforeID] = true
			}
		}
		return nil
	}, func() bool { return len(waiting) > 0 }); err != nil {
		return counts, err
	}
	pairs = nil
	for _, b := range befores {
		if err := onProposal("plan.before_id", b.id, b.proposalID, c.stakes); err != nil {
			return counts, refuse(rowError(stakeholderTable.name, b.i, err))
		}
	}
	befores = nil

	seen = map[int64]bool{}
	counts.Touchpoints, err = importTable(ctx, tx, src, touchpointTable, func(t *model.Touchpoint) error {
		if err := firstOf(uniqueID(seen, t.ID), t.Validate(), labelled("heard_via_id", optRefTo("contact", t.HeardViaID, c.contacts))); err != nil {
			return err
		}
		st, ok := c.stakes[t.StakeholderID]
		switch {
		case !ok:
			return fmt.Errorf("no stakeholder with id %d", t.StakeholderID)
		case st.proposalID != t.ProposalID || st.contactID != t.ContactID:
			return fmt.Errorf("proposal %d and contact %d do not match stakeholder %d (proposal %d, contact %d)",
				t.ProposalID, t.ContactID, t.StakeholderID, st.proposalID, st.contactID)
		}
		c.talks[t.ID] = t.ProposalID
		return nil
	}, nil)
	if err != nil {
		return counts, err
	}

	seen = map[int64]bool{}
	if _, err = importTable(ctx, tx, src, objectionTable, func(o *model.Objection) error {
		return firstOf(uniqueID(seen, o.ID), o.Validate(), refTo("proposal", o.ProposalID, c.proposals),
			onProposal("raised_by_id", o.RaisedByID, o.ProposalID, c.stakes),
			onProposal("voice_id", o.VoiceID, o.ProposalID, c.stakes),
			talkOnProposal(o.TouchpointID, o.ProposalID, c.talks))
	}, nil); err != nil {
		return counts, err
	}
	seen = map[int64]bool{}
	if _, err = importTable(ctx, tx, src, blindSpotTable, func(b *model.BlindSpot) error {
		return firstOf(uniqueID(seen, b.ID), b.Validate(), refTo("proposal", b.ProposalID, c.proposals),
			onProposal("surfaced_by_id", b.SurfacedByID, b.ProposalID, c.stakes),
			talkOnProposal(b.TouchpointID, b.ProposalID, c.talks))
	}, nil); err != nil {
		return counts, err
	}
	seen = map[int64]bool{}
	if _, err = importTable(ctx, tx, src, historyTable, func(e *model.HistoryEvent) error {
		return firstOf(uniqueID(seen, e.ID), optRefTo("proposal", e.ProposalID, c.proposals),
			oneOf("entity", e.Entity, historyEntities), oneOf("action", e.Action, historyActions))
	}, nil); err != nil {
		return counts, err
	}
	if err := src.End(); err != nil {
		return counts, refuse(err)
	}
	return counts, nil
}

// importRowsHeld is how many rows are held before they are written (in
// statements of insertBatch rows): enough to share a prepared statement,
// few enough that memory stays at a few rows' worth.
const importRowsHeld = 2000

// importTable reads one table from src, checks each row with check (an
// error is the row's, named "table[i]: …") and, when tx is not nil, hands
// the rows to it in batches; hold (if not nil) says whether the rows so far
// refer forward, so that the chunk holding them must not commit yet. It
// returns how many rows the table had.
func importTable[T any](ctx context.Context, tx rowSink, src ImportSource, t *table[T], check func(*T) error, hold func() bool) (int, error) {
	var chunk []T
	first, n := 0, 0
	flush := func() error {
		if tx == nil || len(chunk) == 0 {
			chunk = chunk[:0]
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		ids := make([]int64, len(chunk))
		for i := range chunk {
			ids[i] = rowID(t.args(chunk[i]))
		}
		rows, at := chunk, first
		err := tx.write(ctx, rowBatch{table: t.name, ids: ids, hold: hold != nil && hold(),
			write: func(wtx *sql.Tx) error { return insertRowsAt(ctx, wtx, t, rows, at) }})
		first += len(chunk)
		chunk = chunk[:0]
		return err
	}
	var mine error // what the callback returned, as against the source's own errors
	err := src.Table(t.name, func(fill func(dst any) error) error {
		mine = func() error {
			var r T
			if err := fill(&r); err != nil {
				return refuse(err)
			}
			if err := check(&r); err != nil {
				return refuse(rowError(t.name, n, err))
			}
			n++
			if tx == nil {
				return nil
			}
			chunk = append(chunk, r)
			if len(chunk) >= importRowsHeld {
				return flush()
			}
			return nil
		}()
		return mine
	})
	if err != nil {
		if mine == nil || !errors.Is(err, mine) {
			// The source could not read its file: its sentence is the refusal.
			return n, refuse(err)
		}
		return n, err
	}
	return n, flush()
}
