package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/backchannel/backchannel/model"
)

// Purge erases records for good: the rows, every history record and undo
// snapshot (change_rows' before/after JSON) that held their text, drafts
// that quote it, and the words of undo steps that name it. It runs with
// PRAGMA secure_delete on (freed pages are overwritten with zeros), then
// checkpoints the write-ahead log and vacuums, so the text is gone from the
// workbook file and its -wal, not only from view.
//
// A purge is not an undo step, and the steps whose snapshots it erased are
// marked purged: undo refuses them with a sentence saying why.
func (s *Store) Purge(ctx context.Context, scope model.PurgeScope, id int64, before model.Date) (model.PurgeReport, error) {
	var rep model.PurgeReport
	// A purge deletes and rewrites undo snapshots by the thousand (every
	// snapshot that holds the text) and VACUUM rebuilds the whole file in a
	// temporary database: with the writer's temp_store(MEMORY), the
	// statement journal and that database were held in memory (219 MB for
	// a purge on the 200k workbook). For a purge they are files, which
	// SQLite unlinks as it opens them.
	if err := s.writerTempStore(ctx, "FILE"); err != nil {
		return rep, err
	}
	defer s.writerTempStore(context.WithoutCancel(ctx), "MEMORY")
	err := s.rawTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
			return err
		}
		p := &purge{ctx: ctx, tx: tx, rep: &rep}
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM changes WHERE purged = 1").Scan(&p.purgedBefore); err != nil {
			return err
		}
		var err error
		switch scope {
		case model.PurgeConversation:
			err = p.conversation(id)
		case model.PurgeContact:
			err = p.contact(id)
		case model.PurgeProposal:
			err = p.proposal(id)
		case model.PurgeHistoryBefore:
			err = p.historyBefore(before)
		default:
			err = invalidf("nothing to purge")
		}
		if err != nil {
			return err
		}
		if err := clearReadinessCache(ctx, tx); err != nil {
			return err
		}
		return p.scrub()
	})
	if err != nil {
		return rep, wrapf(err, "cannot purge")
	}
	busy, err := s.compact(ctx)
	rep.WALBusy = busy
	if err != nil {
		return rep, fmt.Errorf("purged, but could not compact the workbook file: %w", err)
	}
	return rep, nil
}

// HistoryPurgeImpact says what purging the history before day would
// erase: the history entries and the undo steps older than that day, so
// the question asked first can give numbers. It reads; it changes nothing.
func (s *Store) HistoryPurgeImpact(ctx context.Context, day model.Date) (model.PurgeReport, error) {
	var rep model.PurgeReport
	if day.IsZero() {
		return rep, invalidf("purging history needs a day")
	}
	rep.What = "the history before " + day.String()
	cut := day.String() // timestamps are RFC 3339 text: they sort as text
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM history WHERE at < ?1),
			(SELECT count(*) FROM changes WHERE at < ?1 AND purged = 0)`, cut).Scan(&rep.History, &rep.UndoSteps)
	})
	if err != nil {
		return rep, wrapf(err, "cannot read the history")
	}
	return rep, nil
}

// writerTempStore sets where the writer connection keeps temporary data
// (FILE or MEMORY, the writer's own setting: see dsn).
func (s *Store) writerTempStore(ctx context.Context, where string) error {
	if s.readOnly != "" {
		return nil
	}
	_, err := s.w.ExecContext(ctx, "PRAGMA temp_store = "+where)
	return err
}

// compact empties the write-ahead log into the file, rebuilds the file
// without free pages (VACUUM), and empties the log again. busy reports a
// reader in another process that kept the log from being truncated.
func (s *Store) compact(ctx context.Context) (busy bool, err error) {
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA secure_delete = OFF")
	if _, err := conn.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
		return false, err
	}
	checkpoint := func() (bool, error) {
		var b, log, done int
		if err := conn.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&b, &log, &done); err != nil {
			return false, err
		}
		return b != 0, nil
	}
	if _, err := checkpoint(); err != nil {
		return false, err
	}
	if s.vacuumHook != nil {
		s.vacuumHook(conn)
	}
	if _, err := conn.ExecContext(ctx, "VACUUM"); err != nil {
		return false, err
	}
	return checkpoint()
}

// purge is one purge in progress: it deletes rows and remembers the text
// they held, so that scrub can erase it from history, undo snapshots,
// drafts and step words.
type purge struct {
	ctx   context.Context
	tx    *sql.Tx
	rep   *model.PurgeReport
	texts []string
	// purgedBefore counts the steps already purged, so the report says how
	// many this purge made final.
	purgedBefore int
}

func (p *purge) exec(q string, args ...any) (int, error) {
	res, err := p.tx.ExecContext(p.ctx, q, args...)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// remember keeps the text of rows about to be deleted.
func (p *purge) remember(q string, args ...any) error {
	rows, err := p.tx.QueryContext(p.ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]sql.NullString, len(cols))
	dest := make([]any, len(cols))
	for i := range vals {
		dest[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		for _, v := range vals {
			// Very short values ("CFO", "ok") would match too much text
			// elsewhere; the rows holding them are deleted whole anyway.
			if v.Valid && utf8.RuneCountInString(v.String) >= 3 {
				p.texts = append(p.texts, v.String)
			}
		}
	}
	return rows.Err()
}

// forget deletes the history of the given rows and the undo snapshots of
// them, marking those steps purged.
func (p *purge) forget(entity, table string, ids string, args ...any) error {
	if _, err := p.exec(`UPDATE changes SET purged = 1 WHERE id IN (SELECT change_id FROM change_rows WHERE entity = ? AND row_id IN (`+ids+`))`,
		append([]any{table}, args...)...); err != nil {
		return err
	}
	n, err := p.exec(`DELETE FROM change_rows WHERE entity = ? AND row_id IN (`+ids+`)`, append([]any{table}, args...)...)
	if err != nil {
		return err
	}
	_ = n
	h, err := p.exec(`DELETE FROM history WHERE entity = ? AND entity_id IN (`+ids+`)`, append([]any{entity}, args...)...)
	p.rep.History += h
	return err
}

const touchpointText = "said, subtext, follow_up"

func (p *purge) conversation(id int64) error {
	var who, day string
	err := p.tx.QueryRowContext(p.ctx, `SELECT c.name, t.date FROM touchpoints t JOIN contacts c ON c.id = t.contact_id WHERE t.id = ?`, id).Scan(&who, &day)
	if errors.Is(err, sql.ErrNoRows) {
		return notFoundf("no conversation with id %d", id)
	}
	if err != nil {
		return err
	}
	p.rep.What = fmt.Sprintf("the conversation with %s on %s", who, day)
	if err := p.allowHistoryDelete(); err != nil {
		return err
	}
	if err := p.remember("SELECT "+touchpointText+" FROM touchpoints WHERE id = ?", id); err != nil {
		return err
	}
	if err := p.forget(model.EntityTouchpoint, "touchpoints", "?", id); err != nil {
		return err
	}
	for _, q := range []string{
		"UPDATE objections SET touchpoint_id = NULL WHERE touchpoint_id = ?",
		"UPDATE blind_spots SET touchpoint_id = NULL WHERE touchpoint_id = ?",
	} {
		if _, err := p.exec(q, id); err != nil {
			return err
		}
	}
	n, err := p.exec("DELETE FROM touchpoints WHERE id = ?", id)
	p.rep.Rows += n
	return err
}

func (p *purge) contact(id int64) error {
	var name string
	err := p.tx.QueryRowContext(p.ctx, "SELECT name FROM contacts WHERE id = ?", id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return notFoundf("no contact with id %d", id)
	}
	if err != nil {
		return err
	}
	p.rep.What = "the contact " + name
	if err := p.allowHistoryDelete(); err != nil {
		return err
	}
	if err := p.remember("SELECT name, title, org, email, aliases, value_i_bring, notes FROM contacts WHERE id = ?", id); err != nil {
		return err
	}
	if err := p.remember("SELECT wants, fears, plan_message, plan_place FROM stakeholders WHERE contact_id = ?", id); err != nil {
		return err
	}
	if err := p.remember("SELECT "+touchpointText+" FROM touchpoints WHERE contact_id = ?", id); err != nil {
		return err
	}
	const stakes = "SELECT id FROM stakeholders WHERE contact_id = ?"
	const talks = "SELECT id FROM touchpoints WHERE contact_id = ?"
	if err := p.forget(model.EntityTouchpoint, "touchpoints", talks, id); err != nil {
		return err
	}
	if err := p.forget(model.EntityStakeholder, "stakeholders", stakes, id); err != nil {
		return err
	}
	if err := p.forget(model.EntityContact, "contacts", "?", id); err != nil {
		return err
	}
	for _, q := range []string{
		"UPDATE objections SET touchpoint_id = NULL WHERE touchpoint_id IN (" + talks + ")",
		"UPDATE blind_spots SET touchpoint_id = NULL WHERE touchpoint_id IN (" + talks + ")",
		"UPDATE objections SET raised_by_id = NULL WHERE raised_by_id IN (" + stakes + ")",
		"UPDATE objections SET voice_id = NULL WHERE voice_id IN (" + stakes + ")",
		"UPDATE blind_spots SET surfaced_by_id = NULL WHERE surfaced_by_id IN (" + stakes + ")",
		"UPDATE stakeholders SET plan_before_id = NULL WHERE plan_before_id IN (" + stakes + ")",
		"UPDATE stakeholders SET plan_via_id = NULL WHERE plan_via_id = ?",
		"UPDATE touchpoints SET heard_via_id = NULL WHERE heard_via_id = ?",
	} {
		if _, err := p.exec(q, id); err != nil {
			return err
		}
	}
	for _, q := range []string{
		"DELETE FROM touchpoints WHERE contact_id = ?",
		"DELETE FROM stakeholders WHERE contact_id = ?",
		"DELETE FROM contacts WHERE id = ?",
	} {
		n, err := p.exec(q, id)
		if err != nil {
			return err
		}
		p.rep.Rows += n
	}
	return nil
}

func (p *purge) proposal(id int64) error {
	var title string
	err := p.tx.QueryRowContext(p.ctx, "SELECT title FROM proposals WHERE id = ?", id).Scan(&title)
	if errors.Is(err, sql.ErrNoRows) {
		return notFoundf("no proposal with id %d", id)
	}
	if err != nil {
		return err
	}
	p.rep.What = "the proposal " + title
	if err := p.allowHistoryDelete(); err != nil {
		return err
	}
	for _, q := range []string{
		"SELECT title, ask, forum FROM proposals WHERE id = ?",
		"SELECT wants, fears, plan_message, plan_place FROM stakeholders WHERE proposal_id = ?",
		"SELECT " + touchpointText + " FROM touchpoints WHERE proposal_id = ?",
		"SELECT text, response FROM objections WHERE proposal_id = ?",
		"SELECT text, how_addressed FROM blind_spots WHERE proposal_id = ?",
		"SELECT old, new FROM history WHERE proposal_id = ?",
	} {
		if err := p.remember(q, id); err != nil {
			return err
		}
	}
	for _, t := range []struct{ entity, table string }{
		{model.EntityObjection, "objections"}, {model.EntityBlindSpot, "blind_spots"}, {model.EntityTouchpoint, "touchpoints"},
		{model.EntityStakeholder, "stakeholders"}, {model.EntityProposal, "proposals"},
	} {
		ids := "SELECT id FROM " + t.table + " WHERE proposal_id = ?"
		if t.table == "proposals" {
			ids = "?"
		}
		if err := p.forget(t.entity, t.table, ids, id); err != nil {
			return err
		}
	}
	h, err := p.exec("DELETE FROM history WHERE proposal_id = ?", id)
	if err != nil {
		return err
	}
	p.rep.History += h
	if _, err := p.exec("UPDATE stakeholders SET plan_before_id = NULL WHERE proposal_id = ?", id); err != nil {
		return err
	}
	for _, q := range []string{
		"DELETE FROM objections WHERE proposal_id = ?",
		"DELETE FROM blind_spots WHERE proposal_id = ?",
		"DELETE FROM touchpoints WHERE proposal_id = ?",
		"DELETE FROM stakeholders WHERE proposal_id = ?",
		"DELETE FROM proposals WHERE id = ?",
	} {
		n, err := p.exec(q, id)
		if err != nil {
			return err
		}
		p.rep.Rows += n
	}
	return nil
}

func (p *purge) historyBefore(day model.Date) error {
	if day.IsZero() {
		return invalidf("--history-before needs a day")
	}
	p.rep.What = "the history before " + day.String()
	if err := p.allowHistoryDelete(); err != nil {
		return err
	}
	cut := day.String() // timestamps are RFC 3339 text: they sort as text
	h, err := p.exec("DELETE FROM history WHERE at < ?", cut)
	if err != nil {
		return err
	}
	p.rep.History += h
	if _, err := p.exec("UPDATE changes SET purged = 1 WHERE at < ? AND purged = 0", cut); err != nil {
		return err
	}
	// A step's words quote what it changed ("edited proposal Codename X"):
	// they are history too.
	if _, err := p.exec("UPDATE changes SET summary = 'a change erased by purge' WHERE at < ?", cut); err != nil {
		return err
	}
	_, err = p.exec("DELETE FROM change_rows WHERE change_id IN (SELECT id FROM changes WHERE at < ?)", cut)
	return err
}

// allowHistoryDelete lifts history's append-only triggers for this
// transaction; scrub puts them back before it commits.
func (p *purge) allowHistoryDelete() error {
	for _, q := range []string{"DROP TRIGGER IF EXISTS history_no_update", "DROP TRIGGER IF EXISTS history_no_delete"} {
		if _, err := p.exec(q); err != nil {
			return err
		}
	}
	return nil
}

// scrub erases the remembered text wherever else it was kept: history
// values that quote it are blanked, undo snapshots holding it are deleted
// (their steps marked purged), drafts quoting it are discarded, and step
// words naming it are replaced. Then history is append-only again.
func (p *purge) scrub() error {
	seen := map[string]bool{}
	for _, t := range p.texts {
		if seen[t] {
			continue
		}
		seen[t] = true
		// In JSON the text is escaped; json_quote gives the escaped form.
		const inJSON = "substr(json_quote(?1), 2, length(json_quote(?1)) - 2)"
		h, err := p.exec("UPDATE history SET old = CASE WHEN instr(old, ?1) > 0 THEN '(purged)' ELSE old END, new = CASE WHEN instr(new, ?1) > 0 THEN '(purged)' ELSE new END WHERE instr(old, ?1) > 0 OR instr(new, ?1) > 0", t)
		if err != nil {
			return err
		}
		p.rep.History += h
		if _, err := p.exec("UPDATE changes SET purged = 1 WHERE id IN (SELECT change_id FROM change_rows WHERE instr(before, "+inJSON+") > 0 OR instr(after, "+inJSON+") > 0)", t); err != nil {
			return err
		}
		if _, err := p.exec("DELETE FROM change_rows WHERE instr(before, "+inJSON+") > 0 OR instr(after, "+inJSON+") > 0", t); err != nil {
			return err
		}
		if _, err := p.exec("UPDATE changes SET summary = 'a change erased by purge' WHERE instr(summary, ?1) > 0", t); err != nil {
			return err
		}
		d, err := p.exec("DELETE FROM drafts WHERE instr(data, ?1) > 0 OR instr(data, "+inJSON+") > 0 OR instr(title, ?1) > 0", t)
		if err != nil {
			return err
		}
		p.rep.Drafts += d
	}
	var n int
	if err := p.tx.QueryRowContext(p.ctx, "SELECT count(*) FROM changes WHERE purged = 1").Scan(&n); err != nil {
		return err
	}
	p.rep.UndoSteps = n - p.purgedBefore
	for _, q := range []string{
		"CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END",
		"CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END",
	} {
		if _, err := p.exec(q); err != nil {
			return err
		}
	}
	return nil
}
