package demo

import (
	"testing"

	"github.com/backchannel/backchannel/model"
)

// The demo must be a valid workbook: every row validates and every reference
// points at a row that exists, or import would refuse it.
func TestDemoWorkbookIsConsistent(t *testing.T) {
	wb := Workbook(model.NewDate(2026, 11, 21))
	if len(wb.Proposals) < 2 || len(wb.Contacts) < 12 {
		t.Fatalf("demo too small: %d proposals, %d contacts", len(wb.Proposals), len(wb.Contacts))
	}
	contacts := map[int64]bool{}
	for _, c := range wb.Contacts {
		if err := c.Validate(); err != nil {
			t.Errorf("contact %d: %v", c.ID, err)
		}
		contacts[c.ID] = true
	}
	proposals := map[int64]bool{}
	for _, p := range wb.Proposals {
		if err := p.Validate(); err != nil {
			t.Errorf("proposal %d: %v", p.ID, err)
		}
		proposals[p.ID] = true
	}
	stakes := map[int64]model.Stakeholder{}
	for _, s := range wb.Stakeholders {
		stakes[s.ID] = s
	}
	for _, s := range wb.Stakeholders {
		if err := s.Validate(); err != nil {
			t.Errorf("stakeholder %d: %v", s.ID, err)
		}
		if !proposals[s.ProposalID] || !contacts[s.ContactID] {
			t.Errorf("stakeholder %d refers to a missing proposal or contact", s.ID)
		}
		if s.Plan.ViaID != 0 && !contacts[s.Plan.ViaID] {
			t.Errorf("stakeholder %d: via %d missing", s.ID, s.Plan.ViaID)
		}
		if b := s.Plan.BeforeID; b != 0 && stakes[b].ProposalID != s.ProposalID {
			t.Errorf("stakeholder %d: before %d is not on the same proposal", s.ID, b)
		}
	}
	for _, tp := range wb.Touchpoints {
		if err := tp.Validate(); err != nil {
			t.Errorf("touchpoint %d: %v", tp.ID, err)
		}
		st, ok := stakes[tp.StakeholderID]
		if !ok || st.ProposalID != tp.ProposalID || st.ContactID != tp.ContactID {
			t.Errorf("touchpoint %d does not match its stakeholder", tp.ID)
		}
	}
	severities := map[model.Severity]bool{}
	statuses := map[model.ObjectionStatus]bool{}
	for _, o := range wb.Objections {
		if err := o.Validate(); err != nil {
			t.Errorf("objection %d: %v", o.ID, err)
		}
		severities[o.Severity] = true
		statuses[o.Status] = true
		for _, ref := range []int64{o.RaisedByID, o.VoiceID} {
			if ref != 0 && stakes[ref].ProposalID != o.ProposalID {
				t.Errorf("objection %d refers to stakeholder %d of another proposal", o.ID, ref)
			}
		}
	}
	if len(severities) != 3 || len(statuses) != 5 {
		t.Errorf("objections should cover every severity and status, got %v and %v", severities, statuses)
	}
	for i, h := range wb.History {
		if h.ID != int64(i+1) || (i > 0 && h.At.Before(wb.History[i-1].At)) {
			t.Fatalf("history %d out of order", i)
		}
	}
	kinds := map[model.PartnerKind]bool{}
	for _, c := range wb.Contacts {
		kinds[c.Kind] = true
	}
	if len(kinds) != 4 {
		t.Errorf("demo should cover every partner kind, got %v", kinds)
	}
}

// The same day gives the same workbook, so golden briefs are stable.
func TestDemoWorkbookDeterministic(t *testing.T) {
	a, b := Workbook(model.NewDate(2026, 11, 21)), Workbook(model.NewDate(2026, 11, 21))
	if len(a.History) != len(b.History) || a.History[len(a.History)-1] != b.History[len(b.History)-1] {
		t.Fatal("demo differs between two calls on the same day")
	}
}

// A large generated workbook has the requested size and consistent references.
func TestLargeWorkbookSize(t *testing.T) {
	wb := LargeWorkbook(model.NewDate(2026, 11, 21), LargeOptions{Proposals: 2, Stakeholders: 50, Conversations: 400, Seed: 7})
	if len(wb.Proposals) != 2 || len(wb.Stakeholders) != 100 || len(wb.Touchpoints) != 800 {
		t.Fatalf("got %d proposals, %d stakeholders, %d conversations", len(wb.Proposals), len(wb.Stakeholders), len(wb.Touchpoints))
	}
	stakes := map[int64]model.Stakeholder{}
	for _, s := range wb.Stakeholders {
		stakes[s.ID] = s
		if err := s.Validate(); err != nil {
			t.Fatalf("stakeholder %d: %v", s.ID, err)
		}
	}
	for _, s := range wb.Stakeholders {
		if b := s.Plan.BeforeID; b != 0 && stakes[b].ProposalID != s.ProposalID {
			t.Fatalf("stakeholder %d orders before %d on another proposal", s.ID, b)
		}
	}
	for _, tp := range wb.Touchpoints {
		if stakes[tp.StakeholderID].ContactID != tp.ContactID {
			t.Fatalf("touchpoint %d mismatched", tp.ID)
		}
	}
}

// An objection raised in a conversation is dated the day of that conversation.
func TestDemoObjectionsMatchTheirConversations(t *testing.T) {
	wb := Workbook(model.NewDate(2026, 11, 21))
	talks := map[int64]model.Touchpoint{}
	for _, tp := range wb.Touchpoints {
		talks[tp.ID] = tp
	}
	for _, o := range wb.Objections {
		if o.TouchpointID == 0 {
			continue
		}
		tp := talks[o.TouchpointID]
		if !tp.Date.Equal(o.RaisedOn) || tp.StakeholderID != o.RaisedByID {
			t.Errorf("objection %q raised %s by %d, but its conversation is %s with %d", o.Text, o.RaisedOn, o.RaisedByID, tp.Date, tp.StakeholderID)
		}
	}
}
