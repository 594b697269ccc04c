package tui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// The undo log as both stores keep it (db.Store.ListChanges): the fake the
// screen tests use must tell the same history and refuse undo and redo with
// the same typed errors as the real workbook, or a screen test could pass on
// a history the real program never shows.

// historian is a store that lists its undo log.
type historian interface {
	ListChanges(ctx context.Context, f db.ChangeFilter) ([]model.Change, error)
}

// historyPicture is the undo log in words without ids: each step's kind,
// whether it is undone or purged, which step it reverses (by position in
// the list, newest first), and whether an undo or redo kept the words of
// the step it reverses.
func historyPicture(t *testing.T, s Store, f db.ChangeFilter) string {
	t.Helper()
	h, ok := s.(historian)
	if !ok {
		t.Fatalf("%T lists no history", s)
	}
	chs, err := h.ListChanges(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	pos := map[int64]int{}
	for k, c := range chs {
		pos[c.ID] = k
	}
	var lines []string
	for _, c := range chs {
		line := fmt.Sprintf("%s undone=%v purged=%v", c.Kind, c.Undone, c.Purged)
		if c.TargetID != 0 {
			k, ok := pos[c.TargetID]
			switch {
			case !ok:
				line += " reverses an older step"
			default:
				line += fmt.Sprintf(" reverses #%d, same words %v", k, chs[k].Summary == c.Summary)
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// TestStoreContractHistory: every action is one step, newest first; an
// undo or redo is a step of its own that names the step it reverses, keeps
// its words and marks it undone; a refused action leaves no step and keeps
// redo; Limit keeps the newest; a proposal's history keeps only the steps
// that touched it.
func TestStoreContractHistory(t *testing.T) {
	ctx := context.Background()
	got := map[string][]string{}
	for name, s := range contractStores(t) {
		w := findWorld(t, s)
		var other model.Proposal
		ps, err := s.ListProposals(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if p.ID != w.proposal.ID && other.ID == 0 {
				other = p
			}
		}
		step := func(what string, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %s: %v", name, what, err)
			}
		}
		_, err = s.EditProposal(ctx, w.proposal.ID, func(p *model.Proposal) error { p.Title += " (v2)"; return nil })
		step("edit the proposal", err)
		step("delete a blind spot", s.DeleteBlindSpot(ctx, w.blindSpot.ID))
		undo, err := s.Undo(ctx)
		step("undo", err)
		if undo.Kind != model.ChangeUndo || undo.Summary == "" {
			t.Errorf("%s: undo returned %+v, want an undo step with words", name, undo)
		}
		// A refused action is no step and leaves redo where it was.
		if _, err := s.CreateContact(ctx, model.Contact{Name: "  "}); err == nil {
			t.Fatalf("%s: a contact without a name was saved", name)
		}
		redo, err := s.Redo(ctx)
		step("redo after a refused action", err)
		if redo.Kind != model.ChangeRedo || redo.Summary != undo.Summary {
			t.Errorf("%s: redo returned %+v, want a redo with the undo's words %q", name, redo, undo.Summary)
		}
		_, err = s.Undo(ctx)
		step("undo the redo", err)
		_, err = s.EditContact(ctx, w.contact.ID, func(c *model.Contact) error { c.Org = "Elsewhere"; return nil })
		step("edit a contact", err)

		all, err := s.(historian).ListChanges(ctx, db.ChangeFilter{})
		step("list the history", err)
		newest, err := s.(historian).ListChanges(ctx, db.ChangeFilter{Limit: 3})
		step("list the newest three", err)
		if len(newest) != 3 || len(all) < 3 || !slices.EqualFunc(newest, all[:3], func(a, b model.Change) bool { return a.ID == b.ID }) {
			t.Errorf("%s: Limit 3 gave %d steps, not the 3 newest of %d", name, len(newest), len(all))
		}
		got[name] = []string{historyPicture(t, s, db.ChangeFilter{}), historyPicture(t, s, db.ChangeFilter{ProposalID: w.proposal.ID}),
			historyPicture(t, s, db.ChangeFilter{ProposalID: other.ID})}
	}
	for k, what := range []string{"the whole log", "the proposal's steps", "another proposal's steps"} {
		if got["fake"][k] != got["real"][k] {
			t.Errorf("the stores disagree on %s:\nfake:\n%s\nreal:\n%s", what, got["fake"][k], got["real"][k])
		}
	}
	if got["real"][0] == "" {
		t.Error("the real store listed no history")
	}
}

// TestStoreContractUndoErrors: with nothing to undo or redo both stores say
// so with the typed errors the screens and commands test for, and a new
// action ends redo the same way.
func TestStoreContractUndoErrors(t *testing.T) {
	ctx := context.Background()
	for name, s := range contractStores(t) {
		// The demo's import is the only step: undo it, then nothing is left.
		if _, err := s.Undo(ctx); err != nil {
			t.Fatalf("%s: undo the import: %v", name, err)
		}
		if _, err := s.Undo(ctx); !errors.Is(err, db.ErrNothingToUndo) {
			t.Errorf("%s: undo with nothing left: %v, want db.ErrNothingToUndo", name, err)
		}
		if _, err := s.Redo(ctx); err != nil {
			t.Fatalf("%s: redo the import: %v", name, err)
		}
		if _, err := s.Redo(ctx); !errors.Is(err, db.ErrNothingToRedo) {
			t.Errorf("%s: redo with nothing undone: %v, want db.ErrNothingToRedo", name, err)
		}
		if _, err := s.Undo(ctx); err != nil {
			t.Fatalf("%s: undo the import again: %v", name, err)
		}
		if _, err := s.CreateContact(ctx, model.Contact{Name: "New Face"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Redo(ctx); !errors.Is(err, db.ErrNothingToRedo) {
			t.Errorf("%s: redo after a new action: %v, want db.ErrNothingToRedo", name, err)
		}
	}
}

// TestStoreContractUndoAfterPurge: a purge erases a person for good, in the
// undo log too; undoing a step whose words it erased is refused as a
// conflict (undo cannot bring them back), and the steps it left alone still
// undo.
func TestStoreContractUndoAfterPurge(t *testing.T) {
	ctx := context.Background()
	got := map[string]string{}
	for name, s := range contractStores(t) {
		w := findWorld(t, s)
		if _, err := s.EditProposal(ctx, w.proposal.ID, func(p *model.Proposal) error { p.Forum = "The board"; return nil }); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Purge(ctx, model.PurgeContact, w.contact.ID, model.Date{}); err != nil {
			t.Fatalf("%s: purge: %v", name, err)
		}
		before := picture(t, s)
		// The proposal edit did not touch the purged person: it undoes.
		if _, err := s.Undo(ctx); err != nil {
			t.Fatalf("%s: undo the proposal edit: %v", name, err)
		}
		// The demo's import wrote the purged person: it cannot be undone.
		undoneEdit := picture(t, s)
		_, err := s.Undo(ctx)
		if !errors.Is(err, db.ErrConflict) {
			t.Errorf("%s: undo of a step the purge erased: %v, want db.ErrConflict", name, err)
		}
		if p := picture(t, s); p != undoneEdit {
			t.Errorf("%s: the refused undo changed the workbook:\n%s", name, diff(undoneEdit, p))
		}
		got[name] = diff(before, undoneEdit) + "\n" + historyPicture(t, s, db.ChangeFilter{})
	}
	if got["fake"] != got["real"] {
		t.Errorf("the stores disagree:\nfake:\n%s\nreal:\n%s", got["fake"], got["real"])
	}
}
