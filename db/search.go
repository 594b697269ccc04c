package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/backchannel/backchannel/model"
)

// The search index (table search, FTS5) is kept in step with the workbook
// by triggers (migration 0004), so every write, undo and redo included,
// changes what a search finds in the same transaction.

// Highlight markers around matching words in a snippet: Unicode
// noncharacters, which text people write does not hold.
const (
	matchOpen  = "\uFDD0"
	matchClose = "\uFDD1"
)

// DefaultSearchLimit is how many records a search returns unless asked.
const DefaultSearchLimit = 200

// snippetWords is how many words of context a snippet holds.
const snippetWords = 16

// ftsQuery turns a person's words into an FTS5 query: every word must
// match, as a word or the start of one ("migr" finds "migration").
func ftsQuery(terms []string) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"*`
	}
	return strings.Join(parts, " ")
}

// Search finds every record whose text holds all the words of query (each
// as a prefix, accents and case ignored), best match first, at most limit
// (0: DefaultSearchLimit). Each hit says what it belongs to.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]model.SearchHit, error) {
	terms := model.SearchTerms(query)
	if len(terms) == 0 {
		return nil, invalid(model.ErrEmptySearch)
	}
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	var hits []model.SearchHit
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var ranks []float64
		var err error
		hits, ranks, err = searchIndex(ctx, tx, ftsQuery(terms), limit)
		if err != nil {
			return err
		}
		for i := range hits {
			if err := describeHit(ctx, tx, &hits[i]); err != nil {
				return err
			}
		}
		model.SortSearchHits(hits, ranks)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot search the workbook: %w", err)
	}
	return hits, nil
}

// searchIndex runs the full-text query and returns the hits with their
// matching fields, and the index's rank of each (lower is better).
func searchIndex(ctx context.Context, tx *sql.Tx, q string, limit int) ([]model.SearchHit, []float64, error) {
	snip := func(col int) string {
		return fmt.Sprintf("snippet(search, %d, '%s', '%s', '…', %d)", col, matchOpen, matchClose, snippetWords)
	}
	rows, err := tx.QueryContext(ctx, "SELECT rowid, rank, "+snip(0)+", "+snip(1)+", "+snip(2)+", "+snip(3)+
		" FROM search WHERE search MATCH ? ORDER BY rank LIMIT ?", q, limit)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var hits []model.SearchHit
	var ranks []float64
	for rows.Next() {
		var rowid int64
		var rank float64
		var cols [4]string
		if err := rows.Scan(&rowid, &rank, &cols[0], &cols[1], &cols[2], &cols[3]); err != nil {
			return nil, nil, err
		}
		h := model.SearchHit{Kind: model.SearchKind(rowid % 8), ID: rowid / 8}
		for i, c := range cols {
			if strings.Contains(c, matchOpen) {
				h.Matches = append(h.Matches, model.SearchMatch{Field: model.SearchFields[h.Kind][i], Snippet: snippetParts(c)})
			}
		}
		hits = append(hits, h)
		ranks = append(ranks, rank)
	}
	return hits, ranks, rows.Err()
}

// snippetParts splits a marked snippet into plain and matching parts.
func snippetParts(s string) []model.SearchPart {
	var out []model.SearchPart
	for s != "" {
		i := strings.Index(s, matchOpen)
		if i < 0 {
			out = append(out, model.SearchPart{Text: s})
			break
		}
		if i > 0 {
			out = append(out, model.SearchPart{Text: s[:i]})
		}
		s = s[i+len(matchOpen):]
		j := strings.Index(s, matchClose)
		if j < 0 {
			j = len(s)
		}
		out = append(out, model.SearchPart{Text: s[:j], Match: true})
		s = strings.TrimPrefix(s[j:], matchClose)
	}
	return out
}

// describeHit fills in what a hit belongs to: its proposal, its person and
// its date, read from the record itself in the same snapshot.
func describeHit(ctx context.Context, tx *sql.Tx, h *model.SearchHit) error {
	var q string
	switch h.Kind {
	case model.SearchProposal:
		q = `SELECT p.id, p.title, 0, 0, '', '' FROM proposals p WHERE p.id = ?`
	case model.SearchContact:
		q = `SELECT 0, '', 0, c.id, c.name, '' FROM contacts c WHERE c.id = ?`
	case model.SearchPlan:
		q = `SELECT p.id, p.title, s.id, c.id, c.name, s.plan_target_date FROM stakeholders s
			JOIN proposals p ON p.id = s.proposal_id JOIN contacts c ON c.id = s.contact_id WHERE s.id = ?`
	case model.SearchTalk:
		q = `SELECT p.id, p.title, t.stakeholder_id, c.id, c.name, t.date FROM touchpoints t
			JOIN proposals p ON p.id = t.proposal_id JOIN contacts c ON c.id = t.contact_id WHERE t.id = ?`
	case model.SearchObjection:
		q = `SELECT p.id, p.title, coalesce(s.id, 0), coalesce(c.id, 0), coalesce(c.name, ''), o.raised_on FROM objections o
			JOIN proposals p ON p.id = o.proposal_id LEFT JOIN stakeholders s ON s.id = o.raised_by_id
			LEFT JOIN contacts c ON c.id = s.contact_id WHERE o.id = ?`
	case model.SearchBlindSpot:
		q = `SELECT p.id, p.title, coalesce(s.id, 0), coalesce(c.id, 0), coalesce(c.name, ''), b.raised_on FROM blind_spots b
			JOIN proposals p ON p.id = b.proposal_id LEFT JOIN stakeholders s ON s.id = b.surfaced_by_id
			LEFT JOIN contacts c ON c.id = s.contact_id WHERE b.id = ?`
	default:
		return fmt.Errorf("the search index holds an unknown kind of record (%d)", h.Kind)
	}
	return tx.QueryRowContext(ctx, q, h.ID).Scan(&h.ProposalID, &h.ProposalTitle, &h.StakeholderID,
		&h.ContactID, &h.ContactName, date(&h.Date))
}

// searchIndexSQL fills the search index from the tables, as migration 0004
// did: one statement per table, so FTS5 writes each in one go.
var searchIndexSQL = []string{
	`INSERT INTO search (rowid, a, b, c, d) SELECT id * 8 + 1, title, ask, forum, '' FROM proposals`,
	`INSERT INTO search (rowid, a, b, c, d) SELECT id * 8 + 2, name, trim(title || ' ' || org || ' ' || aliases), notes, value_i_bring FROM contacts`,
	`INSERT INTO search (rowid, a, b, c, d) SELECT id * 8 + 3, wants, fears, plan_message, plan_place FROM stakeholders`,
	`INSERT INTO search (rowid, a, b, c, d) SELECT id * 8 + 4, said, subtext, follow_up, '' FROM touchpoints`,
	`INSERT INTO search (rowid, a, b, c, d) SELECT id * 8 + 5, text, response, '', '' FROM objections`,
	`INSERT INTO search (rowid, a, b, c, d) SELECT id * 8 + 6, text, how_addressed, '', '' FROM blind_spots`,
}
