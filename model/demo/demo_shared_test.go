package demo

import (
	"testing"

	"github.com/backchannel/backchannel/model"
)

// With a pool of shared contacts, people recur across proposals as they do
// in life, but nobody sits on one proposal twice, and every stakeholder is a
// person from the pool.
func TestLargeWorkbookSharedContacts(t *testing.T) {
	wb := LargeWorkbook(model.NewDate(2026, 11, 21), LargeOptions{Proposals: 30, Stakeholders: 8, Conversations: 20, Contacts: 40, Seed: 3})
	if len(wb.Contacts) != 40 || len(wb.Stakeholders) != 240 || len(wb.Touchpoints) != 600 {
		t.Fatalf("got %d contacts, %d stakeholders, %d conversations", len(wb.Contacts), len(wb.Stakeholders), len(wb.Touchpoints))
	}
	pool := map[int64]bool{}
	for _, c := range wb.Contacts {
		pool[c.ID] = true
	}
	proposalsOf := map[int64]map[int64]bool{}
	for _, s := range wb.Stakeholders {
		if !pool[s.ContactID] {
			t.Fatalf("stakeholder %d is contact %d, not in the pool", s.ID, s.ContactID)
		}
		if proposalsOf[s.ContactID] == nil {
			proposalsOf[s.ContactID] = map[int64]bool{}
		}
		if proposalsOf[s.ContactID][s.ProposalID] {
			t.Fatalf("contact %d is on proposal %d twice", s.ContactID, s.ProposalID)
		}
		proposalsOf[s.ContactID][s.ProposalID] = true
	}
	recurring := 0
	for _, ps := range proposalsOf {
		if len(ps) > 1 {
			recurring++
		}
	}
	// 240 seats over 40 people: most people must sit on several proposals.
	if recurring < 30 {
		t.Errorf("only %d of 40 contacts are on more than one proposal", recurring)
	}
	// A proposal asking for more people than the pool holds gets the pool.
	small := LargeWorkbook(model.NewDate(2026, 11, 21), LargeOptions{Proposals: 2, Stakeholders: 9, Conversations: 5, Contacts: 4, Seed: 1})
	if len(small.Stakeholders) != 8 {
		t.Errorf("9 stakeholders from a pool of 4 gave %d stakeholders over 2 proposals, want 8", len(small.Stakeholders))
	}
}
