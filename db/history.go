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
)

// field is one named value of an entity, as history records it.
type field struct{ name, value string }

// change is one field whose value differs between the stored row and the
// update.
type change struct{ field, old, new string }

// diff lists the fields that changed, in the entity's field order.
func diff(old, new []field) []change {
	var out []change
	for i := range old {
		if old[i].value != new[i].value {
			out = append(out, change{old[i].name, old[i].value, new[i].value})
		}
	}
	return out
}

// updateEvents turns changes into history rows; archiving, when it names the
// field and value that mean "archived", gets its own action.
func updateEvents(entity string, id, proposalID int64, changes []change, archiveField, archiveValue string) []model.HistoryEvent {
	evs := make([]model.HistoryEvent, 0, len(changes))
	for _, c := range changes {
		action := model.ActionUpdate
		if c.field == archiveField && c.new == archiveValue {
			action = model.ActionArchive
		}
		evs = append(evs, model.HistoryEvent{Entity: entity, EntityID: id, ProposalID: proposalID,
			Action: action, Field: c.field, Old: c.old, New: c.new})
	}
	return evs
}

// historyTable is where the change log is stored. insertHistory writes new
// rows; its insert is for Import, which keeps IDs and times exactly.
var historyTable = newTable("history", "history row",
	`id, at, entity, entity_id, proposal_id, action, field, old, new`,
	historyDest, historyArgs)

// insertHistory appends events stamped at the given time, in one statement.
// It must run in the transaction that made the change.
func insertHistory(ctx context.Context, q querier, at time.Time, evs ...model.HistoryEvent) error {
	// One INSERT holds historyBatch rows at most (SQLite binds 32,766
	// values per statement): undoing a large import writes one row per
	// person.
	for len(evs) > historyBatch {
		if err := insertHistory(ctx, q, at, evs[:historyBatch]...); err != nil {
			return err
		}
		evs = evs[historyBatch:]
	}
	if len(evs) == 0 {
		return nil
	}
	// The open change is looked up once, not in a subquery per row: with
	// thousands of rows (an import) compiling those subqueries cost more
	// than writing the rows.
	var change sql.NullInt64
	if err := q.QueryRowContext(ctx, "SELECT id FROM changes WHERE is_open = 1").Scan(&change); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("cannot record the change in history: %w", err)
	}
	var b strings.Builder
	b.WriteString("INSERT INTO history (at, entity, entity_id, proposal_id, action, field, old, new, change_id) VALUES ")
	args := make([]any, 0, 9*len(evs))
	when := stamp(at)
	for i, e := range evs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?)")
		args = append(args, when, e.Entity, e.EntityID, nullID(e.ProposalID), e.Action, e.Field, e.Old, e.New, change)
	}
	if _, err := q.ExecContext(ctx, b.String(), args...); err != nil {
		return fmt.Errorf("cannot record the change in history: %w", err)
	}
	return nil
}

// historyDest lists where each column goes.
func historyDest(e *model.HistoryEvent) []any {
	return []any{&e.ID, timestamp(&e.At), &e.Entity, &e.EntityID, optID(&e.ProposalID), &e.Action, &e.Field, &e.Old, &e.New}
}

// historyArgs lists the stored value of each column.
func historyArgs(e model.HistoryEvent) []any {
	return []any{e.ID, stamp(e.At), e.Entity, e.EntityID, nullID(e.ProposalID), e.Action, e.Field, e.Old, e.New}
}

// HistoryFilter selects history rows; zero fields match everything.
type HistoryFilter struct {
	ProposalID int64
	Entity     string
	EntityID   int64
	// Limit keeps only the most recent Limit rows (still returned oldest
	// first); 0 means no limit.
	Limit int
}

// ListHistory returns the change log, oldest first.
func (s *Store) ListHistory(ctx context.Context, f HistoryFilter) ([]model.HistoryEvent, error) {
	var where []string
	var args []any
	if f.ProposalID != 0 {
		where = append(where, "proposal_id = ?")
		args = append(args, f.ProposalID)
	}
	if f.Entity != "" {
		where = append(where, "entity = ?")
		args = append(args, f.Entity)
	}
	if f.EntityID != 0 {
		where = append(where, "entity_id = ?")
		args = append(args, f.EntityID)
	}
	var rest string
	if len(where) > 0 {
		rest = "WHERE " + strings.Join(where, " AND ") + " "
	}
	limit := -1
	if f.Limit > 0 {
		limit = f.Limit
	}
	args = append(args, limit)
	evs, err := historyTable.query(ctx, s.r, rest+"ORDER BY id DESC LIMIT ?", args...)
	if err != nil {
		return nil, fmt.Errorf("cannot read history: %w", err)
	}
	slices.Reverse(evs)
	return evs, nil
}

// exists runs a query that returns one boolean.
func exists(ctx context.Context, q querier, query string, args ...any) (bool, error) {
	var ok bool
	err := q.QueryRowContext(ctx, query, args...).Scan(&ok)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return ok, err
}

// historyBatch is how many history rows one INSERT writes: 9 values each,
// well under SQLite's limit of 32,766 bound values per statement.
const historyBatch = 2000
