package tui

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// The real store must satisfy the interface the UI declares.
var _ Store = (*db.Store)(nil)

// fakeStore is an in-memory Store for Update-level tests. It keeps the
// store's observable rules that the UI relies on (ids, validation, logging a
// conversation marks the plan held, the demo imports only into an empty
// workbook) and can be told to fail.
type fakeStore struct {
	mu           sync.Mutex
	proposals    []model.Proposal
	contacts     []model.Contact
	stakeholders []model.Stakeholder
	touchpoints  []model.Touchpoint
	objections   []model.Objection
	blindSpots   []model.BlindSpot
	nextID       int64
	// fail, when set, is returned by the next write.
	fail  error
	calls []string
	// undo and redo are the fake's undo log: whole-state snapshots around
	// each write (fakestore_actions_test.go).
	undo, redo []fakeStep
	// changes is the undo log as history, oldest first: every settled step,
	// undo and redo (fakestore_history_test.go).
	changes []model.Change
	// inAction is set while a whole action runs the fake's smaller writes:
	// they are one step, recorded by the action.
	inAction bool
	drafts   map[string]model.Draft
}

var fakeNow = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

func newFakeStore() *fakeStore { return &fakeStore{nextID: 1000} }

// storedWhere returns the first item of *items that match accepts, read
// under the fake's lock, and fails the test naming what was looked for
// ("contact 7") when there is none. The slice is passed by pointer so it
// is read only once the lock is held.
func storedWhere[T any](t testing.TB, f *fakeStore, items *[]T, match func(T) bool, what string) T {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, it := range *items {
		if match(it) {
			return it
		}
	}
	t.Fatalf("the store has no %s", what)
	var zero T
	return zero
}

func (f *fakeStore) write(name string) error {
	if f.inAction {
		return nil
	}
	f.calls = append(f.calls, name)
	if err := f.fail; err != nil {
		f.fail = nil
		return err
	}
	f.settle()
	f.undo = append(f.undo, fakeStep{name: name, before: f.snapshot()})
	return nil
}

func (f *fakeStore) id() int64 { f.nextID++; return f.nextID }

func (f *fakeStore) Empty(context.Context) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.proposals) == 0 && len(f.contacts) == 0, nil
}

func (f *fakeStore) Import(_ context.Context, wb model.Workbook) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.write("Import"); err != nil {
		return err
	}
	if len(f.proposals)+len(f.contacts) > 0 {
		return fmt.Errorf("cannot import into a workbook that is not empty: %w", db.ErrConflict)
	}
	f.proposals = append(f.proposals, wb.Proposals...)
	f.contacts = append(f.contacts, wb.Contacts...)
	f.stakeholders = append(f.stakeholders, wb.Stakeholders...)
	f.touchpoints = append(f.touchpoints, wb.Touchpoints...)
	f.objections = append(f.objections, wb.Objections...)
	f.blindSpots = append(f.blindSpots, wb.BlindSpots...)
	return nil
}

func (f *fakeStore) CreateProposal(_ context.Context, p model.Proposal) (model.Proposal, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.write("CreateProposal"); err != nil {
		return model.Proposal{}, err
	}
	if err := p.Validate(); err != nil {
		return model.Proposal{}, err
	}
	p.ID, p.CreatedAt, p.UpdatedAt = f.id(), fakeNow, fakeNow
	f.proposals = append(f.proposals, p)
	return p, nil
}

func (f *fakeStore) UpdateProposal(_ context.Context, p model.Proposal) (model.Proposal, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.write("UpdateProposal"); err != nil {
		return model.Proposal{}, err
	}
	if err := p.Validate(); err != nil {
		return model.Proposal{}, err
	}
	for i := range f.proposals {
		if f.proposals[i].ID == p.ID {
			p.UpdatedAt = fakeNow
			f.proposals[i] = p
			return p, nil
		}
	}
	return model.Proposal{}, db.ErrNotFound
}

func (f *fakeStore) GetProposal(_ context.Context, id int64) (model.Proposal, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range f.proposals {
		if p.ID == id {
			return p, nil
		}
	}
	return model.Proposal{}, db.ErrNotFound
}

func (f *fakeStore) ListProposals(_ context.Context, includeArchived bool) ([]model.Proposal, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.Proposal
	for _, p := range f.proposals {
		if includeArchived || p.Status != model.StatusArchived {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Status.Open() != out[j].Status.Open() {
			return out[i].Status.Open()
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

func (f *fakeStore) CreateContact(_ context.Context, c model.Contact) (model.Contact, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.write("CreateContact"); err != nil {
		return model.Contact{}, err
	}
	if err := c.Validate(); err != nil {
		return model.Contact{}, err
	}
	c.ID, c.CreatedAt, c.UpdatedAt = f.id(), fakeNow, fakeNow
	f.contacts = append(f.contacts, c)
	return c, nil
}

func (f *fakeStore) UpdateContact(_ context.Context, c model.Contact) (model.Contact, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.write("UpdateContact"); err != nil {
		return model.Contact{}, err
	}
	if err := c.Validate(); err != nil {
		return model.Contact{}, err
	}
	for i := range f.contacts {
		if f.contacts[i].ID == c.ID {
			f.contacts[i] = c
			return c, nil
		}
	}
	return model.Contact{}, db.ErrNotFound
}

func (f *fakeStore) ListContacts(_ context.Context, _ bool) ([]model.Contact, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := append([]model.Contact(nil), f.contacts...)
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, nil
}

func (f *fakeStore) AddStakeholder(_ context.Context, s model.Stakeholder) (model.Stakeholder, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.write("AddStakeholder"); err != nil {
		return model.Stakeholder{}, err
	}
	if err := s.Validate(); err != nil {
		return model.Stakeholder{}, err
	}
	for _, o := range f.stakeholders {
		if o.ProposalID == s.ProposalID && o.ContactID == s.ContactID {
			return model.Stakeholder{}, fmt.Errorf("that person is already on the proposal: %w", db.ErrConflict)
		}
	}
	s.ID, s.CreatedAt, s.UpdatedAt = f.id(), fakeNow, fakeNow
	f.stakeholders = append(f.stakeholders, s)
	return s, nil
}

func (f *fakeStore) UpdateStakeholder(_ context.Context, s model.Stakeholder) (model.Stakeholder, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.write("UpdateStakeholder"); err != nil {
		return model.Stakeholder{}, err
	}
	if err := s.Validate(); err != nil {
		return model.Stakeholder{}, err
	}
	for i := range f.stakeholders {
		if f.stakeholders[i].ID == s.ID {
			f.stakeholders[i] = s
			return s, nil
		}
	}
	return model.Stakeholder{}, db.ErrNotFound
}

func (f *fakeStore) GetStakeholder(_ context.Context, id int64) (model.Stakeholder, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.stakeholders {
		if s.ID == id {
			return s, nil
		}
	}
	return model.Stakeholder{}, db.ErrNotFound
}

func (f *fakeStore) LogTouchpoint(_ context.Context, t model.Touchpoint) (model.Touchpoint, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.write("LogTouchpoint"); err != nil {
		return model.Touchpoint{}, err
	}
	if err := t.Validate(); err != nil {
		return model.Touchpoint{}, err
	}
	for i, s := range f.stakeholders {
		if s.ID == t.StakeholderID {
			t.ID, t.ProposalID, t.ContactID, t.CreatedAt = f.id(), s.ProposalID, s.ContactID, fakeNow
			f.touchpoints = append(f.touchpoints, t)
			f.stakeholders[i].Plan.Done = true
			return t, nil
		}
	}
	return model.Touchpoint{}, db.ErrNotFound
}

func (f *fakeStore) AddObjection(_ context.Context, o model.Objection) (model.Objection, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.write("AddObjection"); err != nil {
		return model.Objection{}, err
	}
	if err := o.Validate(); err != nil {
		return model.Objection{}, err
	}
	o.ID = f.id()
	f.objections = append(f.objections, o)
	return o, nil
}

func (f *fakeStore) GetObjection(_ context.Context, id int64) (model.Objection, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, o := range f.objections {
		if o.ID == id {
			return o, nil
		}
	}
	return model.Objection{}, db.ErrNotFound
}

func (f *fakeStore) UpdateObjection(_ context.Context, o model.Objection) (model.Objection, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.write("UpdateObjection"); err != nil {
		return model.Objection{}, err
	}
	if err := o.Validate(); err != nil {
		return model.Objection{}, err
	}
	for i := range f.objections {
		if f.objections[i].ID == o.ID {
			f.objections[i] = o
			return o, nil
		}
	}
	return model.Objection{}, db.ErrNotFound
}

func (f *fakeStore) GetBlindSpot(_ context.Context, id int64) (model.BlindSpot, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, b := range f.blindSpots {
		if b.ID == id {
			return b, nil
		}
	}
	return model.BlindSpot{}, db.ErrNotFound
}

func (f *fakeStore) UpdateBlindSpot(_ context.Context, b model.BlindSpot) (model.BlindSpot, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.write("UpdateBlindSpot"); err != nil {
		return model.BlindSpot{}, err
	}
	if err := b.Validate(); err != nil {
		return model.BlindSpot{}, err
	}
	for i := range f.blindSpots {
		if f.blindSpots[i].ID == b.ID {
			f.blindSpots[i] = b
			return b, nil
		}
	}
	return model.BlindSpot{}, db.ErrNotFound
}

func (f *fakeStore) AddBlindSpot(_ context.Context, b model.BlindSpot) (model.BlindSpot, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.write("AddBlindSpot"); err != nil {
		return model.BlindSpot{}, err
	}
	if err := b.Validate(); err != nil {
		return model.BlindSpot{}, err
	}
	b.ID = f.id()
	f.blindSpots = append(f.blindSpots, b)
	return b, nil
}

func (f *fakeStore) LoadDossier(_ context.Context, id int64) (model.Dossier, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var d model.Dossier
	found := false
	for _, p := range f.proposals {
		if p.ID == id {
			d.Proposal, found = p, true
		}
	}
	if !found {
		return d, fmt.Errorf("cannot load proposal %d: %w", id, db.ErrNotFound)
	}
	contacts := map[int64]model.Contact{}
	for _, c := range f.contacts {
		contacts[c.ID] = c
	}
	d.Contacts = map[int64]model.Contact{}
	on := map[int64]bool{}
	for _, s := range f.stakeholders {
		if s.ProposalID != id {
			continue
		}
		d.Stakeholders = append(d.Stakeholders, s)
		d.Contacts[s.ContactID] = contacts[s.ContactID]
		on[s.ContactID] = true
		if s.Plan.ViaID != 0 {
			d.Contacts[s.Plan.ViaID] = contacts[s.Plan.ViaID]
		}
	}
	sort.SliceStable(d.Stakeholders, func(i, j int) bool {
		a, b := d.Stakeholders[i], d.Stakeholders[j]
		if a.Role != b.Role {
			return a.Role < b.Role
		}
		if a.Influence != b.Influence {
			return a.Influence > b.Influence
		}
		return a.ID < b.ID
	})
	for _, t := range f.touchpoints {
		if on[t.ContactID] {
			d.ContactTouchpoints = append(d.ContactTouchpoints, t)
		}
		if t.ProposalID == id {
			d.Touchpoints = append(d.Touchpoints, t)
		}
	}
	for _, o := range f.objections {
		if o.ProposalID == id {
			d.Objections = append(d.Objections, o)
		}
	}
	for _, b := range f.blindSpots {
		if b.ProposalID == id {
			d.BlindSpots = append(d.BlindSpots, b)
		}
	}
	return d, nil
}

// errBoom is an injected store failure.
var errBoom = errors.New("the disk is full")
