package tui

import (
	"fmt"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// The Get and Update methods for objections and blind spots live with the
// rest of the fake; these are the review tests' views into its state.

// storedObjection returns the objection the fake holds now.
func (f *fakeStore) storedObjection(t testing.TB, id int64) model.Objection {
	t.Helper()
	return storedWhere(t, f, &f.objections, func(o model.Objection) bool { return o.ID == id }, fmt.Sprintf("objection %d", id))
}

// storedBlindSpot returns the blind spot the fake holds now.
func (f *fakeStore) storedBlindSpot(t testing.TB, id int64) model.BlindSpot {
	t.Helper()
	return storedWhere(t, f, &f.blindSpots, func(b model.BlindSpot) bool { return b.ID == id }, fmt.Sprintf("blind spot %d", id))
}

// setProposalStatus changes a proposal's status behind the UI's back.
func (f *fakeStore) setProposalStatus(id int64, s model.Status) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.proposals {
		if f.proposals[i].ID == id {
			f.proposals[i].Status = s
		}
	}
}

// countWrites counts the calls to one write method since the given index.
func (f *fakeStore) countWrites(name string, since int) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls[since:] {
		if c == name {
			n++
		}
	}
	return n
}

// callCount is how many writes the fake has seen.
func (f *fakeStore) callCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.calls)
}
