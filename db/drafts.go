package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/backchannel/backchannel/model"
)

// Drafts are written outside the undo log (rawTx): saving what a person is
// typing is not an action they could want to undo, and a draft never
// becomes data until its form is saved.

// SaveDraft keeps (or replaces) the draft under d.Key.
func (s *Store) SaveDraft(ctx context.Context, d model.Draft) error {
	if d.Key == "" {
		return invalidf("a draft needs a key")
	}
	err := s.rawTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO drafts (key, title, data, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET title = excluded.title, data = excluded.data, updated_at = excluded.updated_at`,
			d.Key, model.Clean(d.Title), d.Data, stamp(s.clock()))
		return err
	})
	if err != nil {
		return fmt.Errorf("cannot keep the draft: %w", err)
	}
	return nil
}

// GetDraft returns the draft under key; ok is false when there is none.
func (s *Store) GetDraft(ctx context.Context, key string) (d model.Draft, ok bool, err error) {
	err = s.r.QueryRowContext(ctx, "SELECT key, title, data, updated_at FROM drafts WHERE key = ?", key).
		Scan(&d.Key, &d.Title, &d.Data, timestamp(&d.UpdatedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return model.Draft{}, false, nil
	}
	if err != nil {
		return model.Draft{}, false, fmt.Errorf("cannot read the draft: %w", err)
	}
	return d, true, nil
}

// DeleteDraft drops the draft under key (saved or discarded); no draft is
// not an error.
func (s *Store) DeleteDraft(ctx context.Context, key string) error {
	err := s.rawTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM drafts WHERE key = ?", key)
		return err
	})
	if err != nil {
		return fmt.Errorf("cannot drop the draft: %w", err)
	}
	return nil
}

// ListDrafts returns every draft, most recent first.
func (s *Store) ListDrafts(ctx context.Context) ([]model.Draft, error) {
	out, err := queryAll(ctx, s.r, func(d *model.Draft) []any {
		return []any{&d.Key, &d.Title, &d.Data, timestamp(&d.UpdatedAt)}
	}, 0, "SELECT key, title, data, updated_at FROM drafts ORDER BY updated_at DESC, key")
	if err != nil {
		return nil, fmt.Errorf("cannot read drafts: %w", err)
	}
	return out, nil
}
