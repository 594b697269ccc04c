package tui

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// The fake's reads for the Contacts and Debrief screens, kept apart from the
// rest of the fake, and the people tests' views into its state.

func (f *fakeStore) GetContact(_ context.Context, id int64) (model.Contact, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.contacts {
		if c.ID == id {
			return c, nil
		}
	}
	return model.Contact{}, db.ErrNotFound
}

func (f *fakeStore) ListStakeholders(_ context.Context, proposalID int64) ([]model.Stakeholder, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.Stakeholder
	for _, s := range f.stakeholders {
		if s.ProposalID == proposalID {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Role != b.Role {
			return a.Role < b.Role
		}
		if a.Influence != b.Influence {
			return a.Influence > b.Influence
		}
		return a.ID < b.ID
	})
	return out, nil
}

func (f *fakeStore) ListTouchpoints(_ context.Context, proposalID int64) ([]model.Touchpoint, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.Touchpoint
	for _, t := range f.touchpoints {
		if t.ProposalID == proposalID {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// storedContact returns the contact the fake holds now.
func (f *fakeStore) storedContact(t testing.TB, id int64) model.Contact {
	t.Helper()
	return storedWhere(t, f, &f.contacts, func(c model.Contact) bool { return c.ID == id }, fmt.Sprintf("contact %d", id))
}

// contactNamed returns the contact the fake holds with that name.
func (f *fakeStore) contactNamed(t testing.TB, name string) model.Contact {
	t.Helper()
	return storedWhere(t, f, &f.contacts, func(c model.Contact) bool { return c.Name == name }, fmt.Sprintf("contact named %q", name))
}

// storedStakeholder returns the stakeholder the fake holds now.
func (f *fakeStore) storedStakeholder(t testing.TB, id int64) model.Stakeholder {
	t.Helper()
	return storedWhere(t, f, &f.stakeholders, func(s model.Stakeholder) bool { return s.ID == id }, fmt.Sprintf("stakeholder %d", id))
}

// storedProposal returns the proposal the fake holds now.
func (f *fakeStore) storedProposal(t testing.TB, id int64) model.Proposal {
	t.Helper()
	return storedWhere(t, f, &f.proposals, func(p model.Proposal) bool { return p.ID == id }, fmt.Sprintf("proposal %d", id))
}

// ListContactTouchpoints is every conversation with a contact, by date, then ID.
func (f *fakeStore) ListContactTouchpoints(_ context.Context, contactID int64) ([]model.Touchpoint, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.Touchpoint
	for _, t := range f.touchpoints {
		if t.ContactID == contactID {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[j].Date.After(out[i].Date)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// ContactLedgers counts each contact's conversations as model.ContactHealth does.
func (f *fakeStore) ContactLedgers(ctx context.Context, today model.Date) (map[int64]model.Ledger, error) {
	f.mu.Lock()
	contacts := slices.Clone(f.contacts)
	f.mu.Unlock()
	out := map[int64]model.Ledger{}
	for _, c := range contacts {
		ts, _ := f.ListContactTouchpoints(ctx, c.ID)
		if len(ts) == 0 {
			continue
		}
		h := model.ContactHealth(c, ts, today)
		out[c.ID] = model.Ledger{Last: h.LastSpoken, Gives: h.Gives, Asks: h.Asks}
	}
	return out, nil
}
