package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
)

// The readiness cache (migrations/0005_readiness_cache.sql) keeps each
// proposal's score and verdict with the day, the build and the last row the
// undo log had captured when it was assessed (change_rows.id: every write
// to a workbook fact is captured there, in whatever transaction, so it is
// the workbook's version). A list reads a proposal's row when the day and
// the build match and none of the rows captured since touched its inputs:
// its own rows (proposal, people, conversations, objections, blind spots),
// all a score reads (readiness.ScoreInputs; not the people's contacts,
// ledgers or conversations elsewhere). Everything else is assessed again,
// from those inputs alone, and written back. Purge is not a change, so it
// empties the cache itself.

// cacheScanLimit is how many captured rows since a cached assessment are
// read to find which proposals they touched; past it (an import, a merge of
// many contacts) every proposal is assessed again.
const cacheScanLimit = 2000

// ProposalScores lists the proposals ListProposals lists (archived ones too
// when includeArchived), in its order, each with its readiness score and
// verdict on day today: exactly what readiness.Assess gives on the proposal's
// dossier, without reading the dossier when the readiness cache holds a
// current answer. It is the read path for every list of proposals that
// shows a score (`proposals`, the TUI dashboard): one snapshot for the whole
// list; proposals whose inputs changed since they were cached, or that were
// cached for another day or build, have their score's inputs read
// (readiness.ScoreInputs: one conversation per person, not the log) and are
// scored (readiness.Score), and the answers are written back to
// the cache afterwards, unless the workbook is read-only or another process
// is writing at that moment (the next list writes them then).
func (s *Store) ProposalScores(ctx context.Context, today model.Date, includeArchived bool) ([]readiness.ProposalScore, error) {
	var out []readiness.ProposalScore
	var fresh []readiness.ProposalScore // assessed now, to cache
	var last int64
	restamp := false
	err := s.readDriver(ctx, func(q driver.QueryerContext) error {
		where, args := listProposalsWhere(includeArchived)
		ps, err := proposalTable.rawQuery(ctx, q, 0, where, args...)
		if err != nil || len(ps) == 0 {
			return err
		}
		if last, err = lastCapturedRow(ctx, q); err != nil {
			return err
		}
		cached, err := readCache(ctx, q, today, s.build, last, ps)
		if err != nil {
			return err
		}
		var stale []int64
		for _, p := range ps {
			if c, ok := cached.rows[p.ID]; !ok || cached.stale(p.ID) {
				stale = append(stale, p.ID)
			} else if c.change != last {
				restamp = true
			}
		}
		var inputs scoreInputs
		if len(stale) > 0 {
			// Most of the list: every proposal's rows, without naming them.
			if inputs, err = readScoreInputs(ctx, q, stale, 2*len(stale) > len(ps)); err != nil {
				return err
			}
		}
		out = make([]readiness.ProposalScore, 0, len(ps))
		for _, p := range ps {
			if c, ok := cached.rows[p.ID]; ok && !cached.stale(p.ID) {
				out = append(out, readiness.ProposalScore{Proposal: p, Score: c.score, Verdict: c.verdict})
				continue
			}
			d := inputs.dossier(p)
			score, verdict := readiness.Score(d, today)
			row := readiness.ProposalScore{Proposal: p, Score: score, Verdict: verdict}
			out = append(out, row)
			fresh = append(fresh, row)
		}
		s.assessed.Add(int64(len(fresh)))
		return nil
	})
	if err != nil {
		return nil, wrapf(err, "cannot list proposals")
	}
	if (len(fresh) > 0 || restamp) && s.readOnly == "" {
		s.writeCache(ctx, today, last, out)
	}
	return out, nil
}

// cacheRow is one proposal's cached readiness.
type cacheRow struct {
	change  int64
	score   int
	verdict readiness.Verdict
}

// readiness cache rows for one day and build, and what changed since.
type cacheState struct {
	rows map[int64]cacheRow
	// all: the rows captured since could not be followed, so nothing is current.
	all     bool
	touched map[int64]bool
}

// stale reports whether proposal id's cached row must be assessed again.
func (c cacheState) stale(id int64) bool { return c.all || c.touched[id] }

// lastCapturedRow is the id of the last row the undo log ever captured, or
// 0: the sequence AUTOINCREMENT keeps, which never goes back, even when
// purge deletes rows. A change of a workbook fact captures at least one
// row; what else writes (drafts, the cache itself) is no fact of readiness.
func lastCapturedRow(ctx context.Context, q driver.QueryerContext) (int64, error) {
	ids, err := rawAll(ctx, q, func(p *int64) []any { return []any{p} }, 1,
		"SELECT seq FROM sqlite_sequence WHERE name = 'change_rows'")
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	return ids[0], nil
}

// readCache reads the cached rows of the listed proposals for today and
// this build, and which proposals the rows captured since the oldest of
// them touched.
func readCache(ctx context.Context, q driver.QueryerContext, today model.Date, build string, last int64, listed []model.Proposal) (cacheState, error) {
	type row struct {
		id, change, score, verdict int64
	}
	rows, err := rawAll(ctx, q, func(r *row) []any { return []any{&r.id, &r.change, &r.score, &r.verdict} }, 0,
		"SELECT proposal_id, change_row, score, verdict FROM readiness_cache WHERE day = ? AND build = ? AND change_row <= ?",
		today.String(), build, last)
	if err != nil {
		return cacheState{}, err
	}
	st := cacheState{rows: make(map[int64]cacheRow, len(rows))}
	want := make(map[int64]bool, len(listed))
	for _, p := range listed {
		want[p.ID] = true
	}
	since := last
	for _, r := range rows {
		if !want[r.id] {
			continue // archived and not listed: its age must not widen the scan
		}
		st.rows[r.id] = cacheRow{change: r.change, score: int(r.score), verdict: readiness.Verdict(r.verdict)}
		since = min(since, r.change)
	}
	if since < last {
		st.touched, st.all, err = touchedSince(ctx, q, since)
	}
	return st, err
}

// touchedSince names the proposals whose readiness the rows captured after
// change_rows id since may have moved (each row as it was before and
// after): all of them when the rows are too many to follow or are of a
// table readiness is not known to ignore.
func touchedSince(ctx context.Context, q driver.QueryerContext, since int64) (map[int64]bool, bool, error) {
	type row struct {
		entity string
		rowID  int64
		p1, p2 sql.NullInt64
	}
	rows, err := rawAll(ctx, q, func(r *row) []any {
		return []any{&r.entity, &r.rowID, &r.p1, &r.p2}
	}, 0, `SELECT entity, row_id, json_extract(before, '$.proposal_id'), json_extract(after, '$.proposal_id')
		FROM change_rows WHERE id > ? ORDER BY id LIMIT ?`, since, int64(cacheScanLimit+1))
	if err != nil {
		return nil, false, err
	}
	if len(rows) > cacheScanLimit {
		return nil, true, nil
	}
	touched := map[int64]bool{}
	for _, r := range rows {
		switch r.entity {
		case "proposals":
			touched[r.rowID] = true
		case "stakeholders", "touchpoints", "objections", "blind_spots":
			// Their own proposal, as it was before and after: a score
			// reads its own rows only (readiness.ScoreInputs), not the
			// people's conversations elsewhere or ledgers.
			for _, p := range []sql.NullInt64{r.p1, r.p2} {
				if p.Valid {
					touched[p.Int64] = true
				}
			}
		case "contacts":
			// No score reads a contact: a new one, an edit or a merge
			// moves a score only through the rows it changes in a
			// proposal (people, go-betweens), which are captured too.
		default:
			return nil, true, nil
		}
	}
	return touched, false, nil
}

// writeCache stores the scores of a list as current at captured row last.
// It is best effort: a cache that cannot be written now is written by a
// later list, so it never waits for another process's write and never
// fails the list. The write is not a change (nothing to undo), and it skips
// the sync to disk: losing it in a power cut loses nothing but time.
func (s *Store) writeCache(ctx context.Context, today model.Date, last int64, rows []readiness.ProposalScore) {
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	exec := func(query string, args ...any) error {
		_, err := conn.ExecContext(ctx, query, args...)
		return err
	}
	if exec("PRAGMA busy_timeout = 0") != nil {
		conn.Raw(func(any) error { return driver.ErrBadConn })
		return
	}
	defer func() {
		if exec(fmt.Sprintf("PRAGMA busy_timeout = %d", s.busy.Milliseconds())) != nil || exec("PRAGMA synchronous = FULL") != nil {
			// A writer left without its settings must not go back to the pool.
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	if exec("PRAGMA synchronous = NORMAL") != nil || exec("BEGIN IMMEDIATE") != nil {
		return
	}
	err = func() error {
		// Another process may have changed the workbook since the list
		// was read: then these answers are not current at its last row.
		var now int64
		err := conn.QueryRowContext(ctx, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'change_rows'), 0)").Scan(&now)
		if err != nil || now != last {
			return fmt.Errorf("changed since: %w", err)
		}
		if err := exec("DELETE FROM readiness_cache WHERE day <> ? OR build <> ? OR proposal_id NOT IN (SELECT id FROM proposals)", today.String(), s.build); err != nil {
			return err
		}
		for len(rows) > 0 {
			n := min(len(rows), 150)
			var b strings.Builder
			args := make([]any, 0, 6*n)
			b.WriteString("INSERT OR REPLACE INTO readiness_cache (proposal_id, change_row, day, build, score, verdict) VALUES ")
			for i, r := range rows[:n] {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("(?, ?, ?, ?, ?, ?)")
				args = append(args, r.Proposal.ID, last, today.String(), s.build, r.Score, int64(r.Verdict))
			}
			if err := exec(b.String(), args...); err != nil {
				return err
			}
			rows = rows[n:]
		}
		return exec("COMMIT")
	}()
	if err != nil && exec("ROLLBACK") != nil {
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
}

// clearReadinessCache empties the cache inside a write that is not a
// change (purge), which the cache could not otherwise see.
func clearReadinessCache(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "DELETE FROM readiness_cache")
	return err
}

// buildStamp names the code that assessed a cached readiness, so a cache
// written by another version of backchannel, whose readiness may differ,
// is never read: the module version and source revision it was built from,
// and the size and time of its executable file, which differ for any other
// build.
var buildStamp = sync.OnceValue(func() string {
	var b strings.Builder
	if bi, ok := debug.ReadBuildInfo(); ok {
		b.WriteString(bi.Main.Version)
		for _, kv := range bi.Settings {
			if kv.Key == "vcs.revision" || kv.Key == "vcs.modified" {
				b.WriteString(" " + kv.Value)
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			fmt.Fprintf(&b, " %d %d", fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return b.String()
})
