// Long by design: the fake store's whole actions, mirroring db/actions.go and db/remove.go; store_contract_test.go holds them to the real store.

package tui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/redact"
)

// The fake's whole actions and undo log. Undo restores whole-state
// snapshots: coarse, but it keeps the rule the UI relies on (one action, one
// step; undo then redo is where you were).

// fakeState is everything the fake holds.
type fakeState struct {
	proposals    []model.Proposal
	contacts     []model.Contact
	stakeholders []model.Stakeholder
	touchpoints  []model.Touchpoint
	objections   []model.Objection
	blindSpots   []model.BlindSpot
}

// fakeStep is one recorded write: the state before it (and, once undone,
// after it), and the step of the history it is (0 until settled).
type fakeStep struct {
	name   string
	before fakeState
	after  fakeState
	change int64
}

func (f *fakeStore) snapshot() fakeState {
	return fakeState{slices.Clone(f.proposals), slices.Clone(f.contacts), slices.Clone(f.stakeholders),
		slices.Clone(f.touchpoints), slices.Clone(f.objections), slices.Clone(f.blindSpots)}
}

func (f *fakeStore) restore(s fakeState) {
	f.proposals, f.contacts, f.stakeholders = slices.Clone(s.proposals), slices.Clone(s.contacts), slices.Clone(s.stakeholders)
	f.touchpoints, f.objections, f.blindSpots = slices.Clone(s.touchpoints), slices.Clone(s.objections), slices.Clone(s.blindSpots)
}

// action runs fn (which calls the fake's smaller writes) as one step: all
// of it, or nothing of it when fn fails.
func (f *fakeStore) action(name string, fn func() error) error {
	f.mu.Lock()
	if f.inAction { // an action made of other actions is still one step
		f.mu.Unlock()
		return fn()
	}
	if err := f.write(name); err != nil {
		f.mu.Unlock()
		return err
	}
	before := f.snapshot()
	f.inAction = true
	f.mu.Unlock()
	err := fn()
	f.mu.Lock()
	defer f.mu.Unlock()
	f.inAction = false
	if err != nil {
		f.restore(before)
		f.undo = f.undo[:len(f.undo)-1]
	}
	return err
}

func (f *fakeStore) AddPerson(ctx context.Context, c model.Contact, st model.Stakeholder) (model.Stakeholder, error) {
	var out model.Stakeholder
	err := f.action("AddPerson", func() error {
		if c.ID == 0 {
			created, err := f.CreateContact(ctx, c)
			if err != nil {
				return err
			}
			c = created
		}
		st.ContactID = c.ID
		var err error
		out, err = f.AddStakeholder(ctx, st)
		return err
	})
	return out, err
}

func (f *fakeStore) RecordConversation(ctx context.Context, c model.Conversation) (model.Conversation, error) {
	out := model.Conversation{Stance: c.Stance}
	err := f.action("RecordConversation", func() error {
		t, err := f.LogTouchpoint(ctx, c.Touchpoint)
		if err != nil {
			return err
		}
		out.Touchpoint = t
		for _, o := range c.Objections {
			o.ProposalID, o.TouchpointID, o.RaisedByID = t.ProposalID, t.ID, t.StakeholderID
			if o, err = f.AddObjection(ctx, o); err != nil {
				return err
			}
			out.Objections = append(out.Objections, o)
		}
		for _, b := range c.BlindSpots {
			b.ProposalID, b.TouchpointID, b.SurfacedByID = t.ProposalID, t.ID, t.StakeholderID
			if b, err = f.AddBlindSpot(ctx, b); err != nil {
				return err
			}
			out.BlindSpots = append(out.BlindSpots, b)
		}
		if c.Stance != nil {
			_, err := f.EditStakeholder(ctx, t.StakeholderID, func(s *model.Stakeholder) error { s.Stance = *c.Stance; return nil })
			return err
		}
		return nil
	})
	return out, err
}

// fakeEdit is the fake's read-modify-write.
func fakeEdit[T any](f *fakeStore, name string, get func() (T, error), fn func(*T) error, put func(T) (T, error)) (T, error) {
	var out T
	err := f.action(name, func() error {
		v, err := get()
		if err != nil {
			return err
		}
		if err := fn(&v); err != nil {
			return err
		}
		out, err = put(v)
		return err
	})
	return out, err
}

func (f *fakeStore) EditProposal(ctx context.Context, id int64, fn func(*model.Proposal) error) (model.Proposal, error) {
	return fakeEdit(f, "EditProposal", func() (model.Proposal, error) { return f.GetProposal(ctx, id) }, fn,
		func(p model.Proposal) (model.Proposal, error) { return f.UpdateProposal(ctx, p) })
}

func (f *fakeStore) EditContact(ctx context.Context, id int64, fn func(*model.Contact) error) (model.Contact, error) {
	return fakeEdit(f, "EditContact", func() (model.Contact, error) { return f.GetContact(ctx, id) }, fn,
		func(c model.Contact) (model.Contact, error) { return f.UpdateContact(ctx, c) })
}

func (f *fakeStore) EditStakeholder(ctx context.Context, id int64, fn func(*model.Stakeholder) error) (model.Stakeholder, error) {
	return fakeEdit(f, "EditStakeholder", func() (model.Stakeholder, error) { return f.GetStakeholder(ctx, id) }, fn,
		func(s model.Stakeholder) (model.Stakeholder, error) { return f.UpdateStakeholder(ctx, s) })
}

func (f *fakeStore) EditObjection(ctx context.Context, id int64, fn func(*model.Objection) error) (model.Objection, error) {
	return fakeEdit(f, "EditObjection", func() (model.Objection, error) { return f.GetObjection(ctx, id) }, fn,
		func(o model.Objection) (model.Objection, error) { return f.UpdateObjection(ctx, o) })
}

func (f *fakeStore) EditBlindSpot(ctx context.Context, id int64, fn func(*model.BlindSpot) error) (model.BlindSpot, error) {
	return fakeEdit(f, "EditBlindSpot", func() (model.BlindSpot, error) { return f.GetBlindSpot(ctx, id) }, fn,
		func(b model.BlindSpot) (model.BlindSpot, error) { return f.UpdateBlindSpot(ctx, b) })
}

func (f *fakeStore) EditTouchpoint(_ context.Context, id int64, fn func(*model.Touchpoint) error) (model.Touchpoint, error) {
	var out model.Touchpoint
	err := f.action("EditTouchpoint", func() error {
		f.mu.Lock()
		defer f.mu.Unlock()
		for i, t := range f.touchpoints {
			if t.ID == id {
				if err := fn(&t); err != nil {
					return err
				}
				if err := t.Validate(); err != nil {
					return err
				}
				f.touchpoints[i], out = t, t
				return nil
			}
		}
		return fmt.Errorf("no conversation with id %d: %w", id, db.ErrNotFound)
	})
	return out, err
}

// removeWhere drops the items that match, under the lock.
func removeWhere[T any](items *[]T, match func(T) bool) int {
	n := len(*items)
	*items = slices.DeleteFunc(*items, match)
	return n - len(*items)
}

func (f *fakeStore) StakeholderImpact(_ context.Context, id int64) (model.Removal, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var r model.Removal
	found := false
	for _, s := range f.stakeholders {
		if s.ID == id {
			found = true
			r.What = fmt.Sprintf("%s from %s", f.contactNameLocked(s.ContactID), f.proposalTitleLocked(s.ProposalID))
		}
	}
	if !found {
		return r, fmt.Errorf("no stakeholder with id %d: %w", id, db.ErrNotFound)
	}
	for _, t := range f.touchpoints {
		if t.StakeholderID == id {
			r.Conversations++
		}
	}
	for _, o := range f.objections {
		if o.RaisedByID == id || o.VoiceID == id {
			r.Objections++
		}
	}
	for _, b := range f.blindSpots {
		if b.SurfacedByID == id {
			r.BlindSpots++
		}
	}
	for _, s := range f.stakeholders {
		if s.Plan.BeforeID == id {
			r.PlanRefs++
		}
	}
	return r, nil
}

func (f *fakeStore) RemoveStakeholder(_ context.Context, id int64) error {
	return f.action("RemoveStakeholder", func() error {
		f.mu.Lock()
		defer f.mu.Unlock()
		if removeWhere(&f.stakeholders, func(s model.Stakeholder) bool { return s.ID == id }) == 0 {
			return fmt.Errorf("no stakeholder with id %d: %w", id, db.ErrNotFound)
		}
		removeWhere(&f.touchpoints, func(t model.Touchpoint) bool { return t.StakeholderID == id })
		for i := range f.objections {
			if f.objections[i].RaisedByID == id {
				f.objections[i].RaisedByID, f.objections[i].TouchpointID = 0, 0
			}
			if f.objections[i].VoiceID == id {
				f.objections[i].VoiceID = 0
			}
		}
		for i := range f.blindSpots {
			if f.blindSpots[i].SurfacedByID == id {
				f.blindSpots[i].SurfacedByID, f.blindSpots[i].TouchpointID = 0, 0
			}
		}
		for i := range f.stakeholders {
			if f.stakeholders[i].Plan.BeforeID == id {
				f.stakeholders[i].Plan.BeforeID = 0
			}
		}
		return nil
	})
}

func (f *fakeStore) TouchpointImpact(_ context.Context, id int64) (model.Removal, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var r model.Removal
	i := slices.IndexFunc(f.touchpoints, func(t model.Touchpoint) bool { return t.ID == id })
	if i < 0 {
		return r, fmt.Errorf("no conversation with id %d: %w", id, db.ErrNotFound)
	}
	r.What = fmt.Sprintf("the conversation with %s on %s", f.contactNameLocked(f.touchpoints[i].ContactID), f.touchpoints[i].Date.Human())
	for _, o := range f.objections {
		if o.TouchpointID == id {
			r.Objections++
		}
	}
	for _, b := range f.blindSpots {
		if b.TouchpointID == id {
			r.BlindSpots++
		}
	}
	return r, nil
}

func (f *fakeStore) DeleteTouchpoint(_ context.Context, id int64) error {
	return f.action("DeleteTouchpoint", func() error {
		f.mu.Lock()
		defer f.mu.Unlock()
		if removeWhere(&f.touchpoints, func(t model.Touchpoint) bool { return t.ID == id }) == 0 {
			return fmt.Errorf("no conversation with id %d: %w", id, db.ErrNotFound)
		}
		for i := range f.objections {
			if f.objections[i].TouchpointID == id {
				f.objections[i].TouchpointID = 0
			}
		}
		for i := range f.blindSpots {
			if f.blindSpots[i].TouchpointID == id {
				f.blindSpots[i].TouchpointID = 0
			}
		}
		return nil
	})
}

func (f *fakeStore) DeleteObjection(_ context.Context, id int64) error {
	return f.action("DeleteObjection", func() error {
		f.mu.Lock()
		defer f.mu.Unlock()
		if removeWhere(&f.objections, func(o model.Objection) bool { return o.ID == id }) == 0 {
			return fmt.Errorf("no objection with id %d: %w", id, db.ErrNotFound)
		}
		return nil
	})
}

func (f *fakeStore) DeleteBlindSpot(_ context.Context, id int64) error {
	return f.action("DeleteBlindSpot", func() error {
		f.mu.Lock()
		defer f.mu.Unlock()
		if removeWhere(&f.blindSpots, func(b model.BlindSpot) bool { return b.ID == id }) == 0 {
			return fmt.Errorf("no blind spot with id %d: %w", id, db.ErrNotFound)
		}
		return nil
	})
}

func (f *fakeStore) ContactImpact(_ context.Context, id int64) (model.Removal, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var r model.Removal
	if !slices.ContainsFunc(f.contacts, func(c model.Contact) bool { return c.ID == id }) {
		return r, fmt.Errorf("no contact with id %d: %w", id, db.ErrNotFound)
	}
	r.What = f.contactNameLocked(id)
	for _, s := range f.stakeholders {
		if s.ContactID == id {
			r.Proposals++
		}
		if s.Plan.ViaID == id {
			r.PlanRefs++
		}
	}
	for _, t := range f.touchpoints {
		if t.ContactID == id {
			r.Conversations++
		}
		if t.HeardViaID == id { // the real store counts "heard via" as a plan reference
			r.PlanRefs++
		}
	}
	return r, nil
}

// contactNameLocked and proposalTitleLocked name a record for a question;
// the caller holds the lock.
func (f *fakeStore) contactNameLocked(id int64) string {
	for _, c := range f.contacts {
		if c.ID == id {
			return c.Name
		}
	}
	return fmt.Sprintf("contact %d", id)
}

func (f *fakeStore) proposalTitleLocked(id int64) string {
	for _, p := range f.proposals {
		if p.ID == id {
			return p.Title
		}
	}
	return fmt.Sprintf("proposal %d", id)
}

func (f *fakeStore) DeleteContact(ctx context.Context, id int64) error {
	r, _ := f.ContactImpact(ctx, id)
	if r.Proposals+r.Conversations+r.PlanRefs > 0 {
		return fmt.Errorf("the contact is on %d proposals; remove them first, or archive or merge the contact: %w", r.Proposals, db.ErrConflict)
	}
	return f.action("DeleteContact", func() error {
		f.mu.Lock()
		defer f.mu.Unlock()
		if removeWhere(&f.contacts, func(c model.Contact) bool { return c.ID == id }) == 0 {
			return fmt.Errorf("no contact with id %d: %w", id, db.ErrNotFound)
		}
		return nil
	})
}

// MergeContacts folds other into keep as the real store does: keep's empty
// fields are filled from other, other's name and email become aliases, and
// where both were on one proposal the two places become keep's one.
func (f *fakeStore) MergeContacts(_ context.Context, keepID, otherID int64) (model.Contact, error) {
	var out model.Contact
	err := f.action("MergeContacts", func() error {
		f.mu.Lock()
		defer f.mu.Unlock()
		if keepID == otherID {
			return errors.New("a contact cannot be merged into itself")
		}
		ki := slices.IndexFunc(f.contacts, func(c model.Contact) bool { return c.ID == keepID })
		oi := slices.IndexFunc(f.contacts, func(c model.Contact) bool { return c.ID == otherID })
		if ki < 0 || oi < 0 {
			return fmt.Errorf("no contact with id %d or %d: %w", keepID, otherID, db.ErrNotFound)
		}
		f.contacts[ki] = fakeMergedContact(f.contacts[ki], f.contacts[oi])
		out = f.contacts[ki]
		for _, st := range slices.Clone(f.stakeholders) {
			if st.ContactID != otherID {
				continue
			}
			k := slices.IndexFunc(f.stakeholders, func(s model.Stakeholder) bool {
				return s.ProposalID == st.ProposalID && s.ContactID == keepID
			})
			if k < 0 {
				i := slices.IndexFunc(f.stakeholders, func(s model.Stakeholder) bool { return s.ID == st.ID })
				f.stakeholders[i].ContactID = keepID
				continue
			}
			keepRow := f.stakeholders[k].ID
			f.relinkStakeholderLocked(st.ID, keepRow)
			removeWhere(&f.stakeholders, func(s model.Stakeholder) bool { return s.ID == st.ID })
		}
		for i := range f.stakeholders {
			if f.stakeholders[i].Plan.ViaID == otherID {
				f.stakeholders[i].Plan.ViaID = keepID
			}
		}
		for i := range f.touchpoints {
			t := &f.touchpoints[i]
			if t.ContactID == otherID {
				t.ContactID = keepID
			}
			if t.HeardViaID == otherID {
				t.HeardViaID = keepID
				if t.HeardViaID == t.ContactID {
					t.HeardViaID = 0
				}
			}
		}
		removeWhere(&f.contacts, func(c model.Contact) bool { return c.ID == otherID })
		return nil
	})
	return out, err
}

// relinkStakeholderLocked points everything that named stakeholder from at
// stakeholder to (a merge of two places on one proposal).
func (f *fakeStore) relinkStakeholderLocked(from, to int64) {
	for i := range f.touchpoints {
		if f.touchpoints[i].StakeholderID == from {
			f.touchpoints[i].StakeholderID = to
		}
	}
	for i := range f.objections {
		if f.objections[i].RaisedByID == from {
			f.objections[i].RaisedByID = to
		}
		if f.objections[i].VoiceID == from {
			f.objections[i].VoiceID = to
		}
	}
	for i := range f.blindSpots {
		if f.blindSpots[i].SurfacedByID == from {
			f.blindSpots[i].SurfacedByID = to
		}
	}
	for i := range f.stakeholders {
		if f.stakeholders[i].Plan.BeforeID == from {
			f.stakeholders[i].Plan.BeforeID = to
			if to == f.stakeholders[i].ID {
				f.stakeholders[i].Plan.BeforeID = 0
			}
		}
	}
}

// fakeMergedContact is db's mergedContact for the fields the screens show.
func fakeMergedContact(keep, other model.Contact) model.Contact {
	for _, p := range []struct {
		dst *string
		src string
	}{{&keep.Title, other.Title}, {&keep.Org, other.Org}, {&keep.Email, other.Email}} {
		if *p.dst == "" {
			*p.dst = p.src
		}
	}
	aliases := redact.SplitAliases(keep.Aliases)
	for _, a := range append([]string{other.Name, other.Email}, redact.SplitAliases(other.Aliases)...) {
		if a != "" && !strings.EqualFold(a, keep.Name) && !strings.EqualFold(a, keep.Email) &&
			!slices.ContainsFunc(aliases, func(b string) bool { return strings.EqualFold(a, b) }) {
			aliases = append(aliases, a)
		}
	}
	keep.Aliases = strings.Join(aliases, ", ")
	return keep
}

func (f *fakeStore) SaveDraft(_ context.Context, d model.Draft) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail; err != nil { // keeping a draft is a write too
		f.fail = nil
		return err
	}
	if f.drafts == nil {
		f.drafts = map[string]model.Draft{}
	}
	d.UpdatedAt = fakeNow
	f.drafts[d.Key] = d
	return nil
}

func (f *fakeStore) GetDraft(_ context.Context, key string) (model.Draft, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.drafts[key]
	return d, ok, nil
}

func (f *fakeStore) DeleteDraft(_ context.Context, key string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.drafts, key)
	return nil
}

// Purge erases a contact with their places and conversations; the fake's
// undo log forgets everything, as a purge makes earlier steps final.
func (f *fakeStore) Purge(_ context.Context, scope model.PurgeScope, id int64, _ model.Date) (model.PurgeReport, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	// A purge is no undo step (undo cannot bring it back), so it takes no
	// write step of its own; it is still a store call the tests can see.
	f.calls = append(f.calls, "Purge")
	if err := f.fail; err != nil {
		f.fail = nil
		return model.PurgeReport{}, err
	}
	f.settle()
	pre := f.snapshot()
	if scope != model.PurgeContact {
		return model.PurgeReport{}, fmt.Errorf("the fake purges contacts only")
	}
	var rep model.PurgeReport
	rep.Rows += removeWhere(&f.touchpoints, func(t model.Touchpoint) bool { return t.ContactID == id })
	rep.Rows += removeWhere(&f.stakeholders, func(s model.Stakeholder) bool { return s.ContactID == id })
	if n := removeWhere(&f.contacts, func(c model.Contact) bool { return c.ID == id }); n == 0 {
		return model.PurgeReport{}, fmt.Errorf("no contact with id %d: %w", id, db.ErrNotFound)
	}
	rep.Rows++
	f.purgeFromLog(id, pre)
	return rep, nil
}

// HistoryPurgeImpact: the fake keeps no dated history, so it cannot count
// what is older than a day; history purges are tested on the real store.
func (f *fakeStore) HistoryPurgeImpact(context.Context, model.Date) (model.PurgeReport, error) {
	return model.PurgeReport{}, errors.New("the fake keeps no dated history")
}

func (f *fakeStore) EditPerson(ctx context.Context, stakeholderID int64, editContact func(*model.Contact) error,
	editStakeholder func(*model.Stakeholder) error) (model.Contact, model.Stakeholder, error) {
	var c model.Contact
	var s model.Stakeholder
	err := f.action("EditPerson", func() error {
		var err error
		if s, err = f.storedStakeholderErr(stakeholderID); err != nil {
			return err
		}
		if editContact != nil {
			if c, err = f.EditContact(ctx, s.ContactID, editContact); err != nil {
				return err
			}
		} else if c, err = f.GetContact(ctx, s.ContactID); err != nil {
			return err
		}
		s, err = f.EditStakeholder(ctx, stakeholderID, editStakeholder)
		return err
	})
	return c, s, err
}

// storedStakeholderErr finds a stakeholder, or says there is none.
func (f *fakeStore) storedStakeholderErr(id int64) (model.Stakeholder, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.stakeholders {
		if s.ID == id {
			return s, nil
		}
	}
	return model.Stakeholder{}, fmt.Errorf("no stakeholder with id %d: %w", id, db.ErrNotFound)
}
