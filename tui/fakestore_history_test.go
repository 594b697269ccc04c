package tui

import (
	"context"
	"reflect"
	"slices"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// The fake's undo log as history, kept as the real store keeps it
// (db/changes.go): every action is one "do" step once it has changed
// something; an undo or a redo is a step of its own that names the step it
// reverses, keeps its words and marks it undone; a purge erases a person
// from the log and marks the steps that wrote them purged, which can then
// no longer be undone. store_contract_history_test.go holds the two to
// the same history and the same typed errors.

// fakeErr is a refusal worded as the real store words it, carrying the
// real store's sentinel so callers can test for it with errors.Is.
type fakeErr struct {
	msg string
	is  error
}

func (e fakeErr) Error() string { return e.msg }
func (e fakeErr) Unwrap() error { return e.is }

// settle makes the newest step history once the write it records is over:
// a write that changed nothing is no step (the real store rolls a refused
// write back, and keeps redo), one that did becomes a "do" and ends redo.
// The caller holds f.mu and is not inside an action.
func (f *fakeStore) settle() {
	if len(f.undo) == 0 || f.undo[len(f.undo)-1].change != 0 {
		return
	}
	st := &f.undo[len(f.undo)-1]
	now := f.snapshot()
	if reflect.DeepEqual(st.before, now) {
		f.undo = f.undo[:len(f.undo)-1]
		return
	}
	st.change = f.logChange(model.Change{Kind: model.ChangeDo, Summary: st.name, ProposalIDs: touchedProposals(st.before, now)})
	f.redo = nil
}

// logChange appends a step to the history and returns its ID.
func (f *fakeStore) logChange(c model.Change) int64 {
	c.ID = int64(len(f.changes) + 1)
	c.At = fakeNow
	f.changes = append(f.changes, c)
	return c.ID
}

// change is the history step with the ID.
func (f *fakeStore) change(id int64) *model.Change { return &f.changes[id-1] }

// Undo reverses the latest step still in effect (an action or a redo).
func (f *fakeStore) Undo(context.Context) (model.Change, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.settle()
	if len(f.undo) == 0 {
		return model.Change{}, fakeErr{"there is nothing to undo", db.ErrNothingToUndo}
	}
	st := f.undo[len(f.undo)-1]
	target := f.change(st.change)
	if target.Purged {
		return model.Change{}, fakeErr{"cannot undo \"" + target.Summary + "\": purge erased its text for good", db.ErrConflict}
	}
	f.undo = f.undo[:len(f.undo)-1]
	target.Undone = true
	st.after = f.snapshot()
	st.change = f.logChange(model.Change{Kind: model.ChangeUndo, TargetID: target.ID, Summary: target.Summary, ProposalIDs: target.ProposalIDs})
	f.restore(st.before)
	f.redo = append(f.redo, st)
	return *f.change(st.change), nil
}

// Redo re-applies the step most recently undone, unless an action came
// since (settle ends redo then).
func (f *fakeStore) Redo(context.Context) (model.Change, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.settle()
	if len(f.redo) == 0 {
		return model.Change{}, fakeErr{"there is nothing to redo", db.ErrNothingToRedo}
	}
	st := f.redo[len(f.redo)-1]
	target := f.change(st.change)
	if target.Purged {
		return model.Change{}, fakeErr{"cannot redo \"" + target.Summary + "\": purge erased its text for good", db.ErrConflict}
	}
	f.redo = f.redo[:len(f.redo)-1]
	target.Undone = true
	f.restore(st.after)
	id := f.logChange(model.Change{Kind: model.ChangeRedo, TargetID: target.ID, Summary: target.Summary, ProposalIDs: target.ProposalIDs})
	f.undo = append(f.undo, fakeStep{name: st.name, before: st.before, change: id})
	return *f.change(id), nil
}

// ListChanges returns the history newest first, as db.Store.ListChanges.
func (f *fakeStore) ListChanges(_ context.Context, filter db.ChangeFilter) ([]model.Change, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.settle()
	limit := filter.Limit
	if limit <= 0 {
		limit = 50
	}
	var out []model.Change
	for k := len(f.changes) - 1; k >= 0 && len(out) < limit; k-- {
		c := f.changes[k]
		if filter.ProposalID == 0 || slices.Contains(c.ProposalIDs, filter.ProposalID) {
			c.ProposalIDs = slices.Clone(c.ProposalIDs)
			out = append(out, c)
		}
	}
	return out, nil
}

// purgeFromLog erases a purged contact from the undo log: the steps that
// wrote any of their records are marked purged (pre is the workbook before
// the purge, the state after the newest step), and every snapshot forgets
// them, so that undoing a step the purge left alone cannot bring them back.
func (f *fakeStore) purgeFromLog(contactID int64, pre fakeState) {
	for k, st := range f.undo {
		after := pre
		if k+1 < len(f.undo) {
			after = f.undo[k+1].before
		}
		if touchesContact(st.before, after, contactID) {
			f.change(st.change).Purged = true
		}
	}
	for _, st := range f.redo {
		if touchesContact(st.before, st.after, contactID) {
			f.change(st.change).Purged = true
		}
	}
	for k := range f.undo {
		f.undo[k].before = withoutContact(f.undo[k].before, contactID)
	}
	for k := range f.redo {
		f.redo[k].before = withoutContact(f.redo[k].before, contactID)
		f.redo[k].after = withoutContact(f.redo[k].after, contactID)
	}
}

// touchedProposals lists the proposals whose records differ between two
// states, as the real log files a step under the proposals it touched.
func touchedProposals(a, b fakeState) []int64 {
	var ids []int64
	add := func(id int64) {
		if id != 0 && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	changedRows(a.proposals, b.proposals, func(p model.Proposal) int64 { return p.ID }, func(p model.Proposal) { add(p.ID) })
	changedRows(a.stakeholders, b.stakeholders, func(s model.Stakeholder) int64 { return s.ID }, func(s model.Stakeholder) { add(s.ProposalID) })
	changedRows(a.touchpoints, b.touchpoints, func(t model.Touchpoint) int64 { return t.ID }, func(t model.Touchpoint) { add(t.ProposalID) })
	changedRows(a.objections, b.objections, func(o model.Objection) int64 { return o.ID }, func(o model.Objection) { add(o.ProposalID) })
	changedRows(a.blindSpots, b.blindSpots, func(s model.BlindSpot) int64 { return s.ID }, func(s model.BlindSpot) { add(s.ProposalID) })
	slices.Sort(ids)
	return ids
}

// touchesContact reports whether a step between two states wrote any of a
// contact's records: the contact, their places on proposals, their talks.
func touchesContact(a, b fakeState, contactID int64) bool {
	hit := false
	changedRows(a.contacts, b.contacts, func(c model.Contact) int64 { return c.ID }, func(c model.Contact) { hit = hit || c.ID == contactID })
	changedRows(a.stakeholders, b.stakeholders, func(s model.Stakeholder) int64 { return s.ID },
		func(s model.Stakeholder) { hit = hit || s.ContactID == contactID })
	changedRows(a.touchpoints, b.touchpoints, func(t model.Touchpoint) int64 { return t.ID },
		func(t model.Touchpoint) { hit = hit || t.ContactID == contactID })
	return hit
}

// withoutContact is a state with a contact's records gone, as Purge
// leaves the workbook.
func withoutContact(s fakeState, contactID int64) fakeState {
	s.contacts = slices.DeleteFunc(slices.Clone(s.contacts), func(c model.Contact) bool { return c.ID == contactID })
	s.stakeholders = slices.DeleteFunc(slices.Clone(s.stakeholders), func(st model.Stakeholder) bool { return st.ContactID == contactID })
	s.touchpoints = slices.DeleteFunc(slices.Clone(s.touchpoints), func(t model.Touchpoint) bool { return t.ContactID == contactID })
	return s
}

// changedRows calls changed with every row (either side's) that was added,
// removed or edited between a and b.
func changedRows[T any](a, b []T, id func(T) int64, changed func(T)) {
	byID := make(map[int64]T, len(a))
	for _, r := range a {
		byID[id(r)] = r
	}
	seen := make(map[int64]bool, len(b))
	for _, r := range b {
		seen[id(r)] = true
		old, ok := byID[id(r)]
		if !ok || !reflect.DeepEqual(old, r) {
			changed(r)
			if ok {
				changed(old)
			}
		}
	}
	for _, r := range a {
		if !seen[id(r)] {
			changed(r)
		}
	}
}
