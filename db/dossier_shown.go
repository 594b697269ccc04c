package db

import (
	"cmp"
	"context"
	"database/sql/driver"
	"slices"

	"github.com/backchannel/backchannel/model"
)

// LoadDossierShowing is LoadDossier for a reader that prints the free text
// of a few conversations only: the brief, whose recent log shows ten. A
// conversation's said, subtext and follow-up, and its creation time, are
// read for the conversations shown names and for no other; every other
// conversation in the dossier (Touchpoints and ContactTouchpoints) has
// them empty. shown is called inside the same read transaction with the
// dossier as read so far (everything else in it complete), so the text
// read is of the same snapshot. The model says which those are
// (brief.TextShown); nothing here decides it.
//
// On a long log the free text and the timestamps are four of a
// conversation's seventeen columns and most of its bytes, each column a
// few calls into the driver per row and a copy of the text
// (docs/performance.md, "Peers"). LoadDossier, which the terminal
// workbook's screens read, is unchanged.
func (s *Store) LoadDossierShowing(ctx context.Context, proposalID int64, shown func(model.Dossier) []int64) (model.Dossier, error) {
	var d model.Dossier
	err := s.readDriver(ctx, func(q driver.QueryerContext) error {
		var err error
		if d, err = loadDossier(ctx, q, proposalID, conversationFacts); err != nil {
			return err
		}
		return readShownText(ctx, q, d, shown(d))
	})
	if err != nil {
		return model.Dossier{}, wrapf(err, "cannot load proposal %d", proposalID)
	}
	return d, nil
}

// readShownText reads the free text and creation time of the
// conversations ids names into d's conversations (both lists, which are in
// ID order and may share an array).
func readShownText(ctx context.Context, q driver.QueryerContext, d model.Dossier, ids []int64) error {
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for k, id := range ids[:n] {
			args[k] = id
		}
		texts, err := rawAll(ctx, q, func(t *model.Touchpoint) []any {
			return []any{&t.ID, &t.Said, &t.Subtext, &t.FollowUp, timestamp(&t.CreatedAt)}
		}, n, "SELECT id, said, subtext, follow_up, created_at FROM touchpoints WHERE id IN ("+placeholders(n)+")", args...)
		if err != nil {
			return err
		}
		for _, t := range texts {
			for _, list := range [][]model.Touchpoint{d.Touchpoints, d.ContactTouchpoints} {
				if k, ok := slices.BinarySearchFunc(list, t.ID, func(row model.Touchpoint, id int64) int { return cmp.Compare(row.ID, id) }); ok {
					list[k].Said, list[k].Subtext, list[k].FollowUp, list[k].CreatedAt = t.Said, t.Subtext, t.FollowUp, t.CreatedAt
				}
			}
		}
		ids = ids[n:]
	}
	return nil
}
