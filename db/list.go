package db

import (
	"context"
	"database/sql/driver"
	"fmt"

	"github.com/backchannel/backchannel/model"
)

// ListDossiers reads what a list of proposals needs to show each one's
// score and verdict, in one read transaction (one snapshot for the whole
// list), in ListProposals' order. Each dossier is LoadDossier's except for
// two things readiness does not need row by row: the history holds only
// the proposal's own changes (forum and decision-date moves), not every
// logged conversation's record; and the people's conversations on other
// proposals come as counted ledgers (Dossier.Ledgers), from one GROUP BY
// over the workbook, instead of as rows. With shared contacts that was
// every proposal reading nearly every conversation again.
//
// today is the day the ledgers' "last spoken" is counted up to: the day
// readiness will be assessed for.
func (s *Store) ListDossiers(ctx context.Context, today model.Date, includeArchived bool) ([]model.Dossier, error) {
	var out []model.Dossier
	err := s.EachListDossier(ctx, today, includeArchived, func(d model.Dossier) error {
		out = append(out, d)
		return nil
	})
	return out, err
}

// EachListDossier is ListDossiers one dossier at a time, so a list of many
// large proposals never holds more than one in memory; fn's error stops it.
func (s *Store) EachListDossier(ctx context.Context, today model.Date, includeArchived bool, fn func(model.Dossier) error) error {
	err := s.readDriver(ctx, func(q driver.QueryerContext) error {
		where, args := listProposalsWhere(includeArchived)
		ps, err := proposalTable.rawQuery(ctx, q, 0, where, args...)
		if err != nil {
			return err
		}
		if len(ps) == 0 {
			return nil
		}
		ledgers, err := allLedgers(ctx, q, today)
		if err != nil {
			return err
		}
		reads := newListReads(ledgers)
		for _, p := range ps {
			d, err := reads.dossier(ctx, q, p)
			if err != nil {
				return err
			}
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return wrapf(err, "cannot list proposals")
	}
	return nil
}

// listProposalsWhere is ListProposals' selection and order.
func listProposalsWhere(includeArchived bool) (string, []any) {
	var open []any
	for _, st := range model.Statuses() {
		if st.Open() {
			open = append(open, word(st))
		}
	}
	var where string
	var args []any
	if !includeArchived {
		where = "WHERE status <> ? "
		args = append(args, word(model.StatusArchived))
	}
	args = append(args, open...)
	return where + "ORDER BY status IN (" + placeholders(len(open)) + ") DESC, decision_date = '', decision_date, id", args
}

// allLedgers counts every contact's nurture ledger in one pass over the
// conversations, as model's ledger counts it: a share or thanks is a give,
// and so is a promise of mine kept; a request or advice is an ask; "last
// spoken" is the latest day up to today. The pass reads the index
// touchpoints_contact_ledger alone (migration 0006), in contact order, so
// it needs neither the table's rows nor a sort (TestLedgersReadTheIndexOnly).
func allLedgers(ctx context.Context, q driver.QueryerContext, today model.Date) (map[int64]model.Ledger, error) {
	return countLedgers(ctx, q, today, "", nil)
}

// countLedgers is allLedgers' GROUP BY over the conversations that which
// (SQL after FROM touchpoints) selects; ids are its arguments, after the
// six the counting takes.
func countLedgers(ctx context.Context, q driver.QueryerContext, today model.Date, which string, ids []any) (map[int64]model.Ledger, error) {
	type row struct {
		contact     int64
		gives, asks int64
		last        string
	}
	args := append(ledgerArgs(today), ids...)
	rows, err := rawAll(ctx, q, func(r *row) []any { return []any{&r.contact, &r.gives, &r.asks, &r.last} }, 0,
		ledgerSQL(which), args...)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]model.Ledger, len(rows))
	for _, r := range rows {
		l := model.Ledger{Gives: int(r.gives), Asks: int(r.asks)}
		if r.last != "" {
			if err := l.Last.UnmarshalText([]byte(r.last)); err != nil {
				return nil, fmt.Errorf("conversation date %q: %w", r.last, err)
			}
		}
		out[r.contact] = l
	}
	return out, nil
}

// ledgerSQL is countLedgers' statement over the conversations that which
// selects. The six numbered parameters (ledgerArgs) come first; ids in
// which follow as ?7, ?8… (a plain ? after ?6 takes the next number).
func ledgerSQL(which string) string {
	return `SELECT contact_id,
			sum((kind IN (?1, ?2)) + (commitment = ?3 AND commitment_done = 1)),
			sum(kind IN (?4, ?5)),
			coalesce(max(date) FILTER (WHERE date <= ?6), '')
		FROM touchpoints ` + which + ` GROUP BY contact_id`
}

// ledgerArgs are ledgerSQL's six parameters for a count up to today.
func ledgerArgs(today model.Date) []any {
	return []any{word(model.TouchShare), word(model.TouchAppreciate), word(model.CommitmentMine),
		word(model.TouchAsk), word(model.TouchAdvice), today.String()}
}

// ContactLedgers counts every contact's nurture ledger across all
// proposals, "last spoken" up to today, in one GROUP BY: what
// model.ContactHealth reads from the rows, without reading them. A contact
// with no conversations is missing from the map.
func (s *Store) ContactLedgers(ctx context.Context, today model.Date) (map[int64]model.Ledger, error) {
	var out map[int64]model.Ledger
	err := s.readDriver(ctx, func(q driver.QueryerContext) error {
		var err error
		out, err = allLedgers(ctx, q, today)
		return err
	})
	if err != nil {
		return nil, wrapf(err, "cannot count the conversations")
	}
	return out, nil
}
