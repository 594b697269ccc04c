package db

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/backchannel/backchannel/model"
)

func TestStakeholderRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)

	got, err := s.GetStakeholder(ctx, f.sDana.ID)
	mustNoErr(t, err)
	if !reflect.DeepEqual(got, f.sDana) {
		t.Errorf("get:\n got %+v\nwant %+v", got, f.sDana)
	}

	upd := got
	upd.Stance = model.StanceSupporter
	upd.Plan.Venue = model.VenueCoffee
	upd.Plan.Place = " the coffee bar\non 3 "
	upd.Plan.ViaID = 0
	upd.Acted = model.ActedSpokeFor
	u, err := s.UpdateStakeholder(ctx, upd)
	mustNoErr(t, err)
	if u.Plan.Place != "the coffee bar on 3" {
		t.Errorf("place not normalised: %q", u.Plan.Place)
	}
	got, _ = s.GetStakeholder(ctx, f.sDana.ID)
	if !reflect.DeepEqual(got, u) {
		t.Errorf("after update:\n got %+v\nwant %+v", got, u)
	}
	hist, _ := s.ListHistory(ctx, HistoryFilter{Entity: model.EntityStakeholder, EntityID: f.sDana.ID})
	var changes []string
	for _, h := range hist[1:] {
		changes = append(changes, h.Field+":"+h.Old+"→"+h.New)
	}
	want := []string{"stance:skeptic→supporter", "plan.venue:1:1 in person→coffee/lunch",
		"plan.place:→the coffee bar on 3", "plan.via_id:3→", "acted:not recorded→spoke for"}
	if !reflect.DeepEqual(changes, want) {
		t.Errorf("history:\n got %q\nwant %q", changes, want)
	}

	// The proposal and person of a stakeholder are fixed.
	moved := got
	moved.ContactID = f.via.ID
	if _, err := s.UpdateStakeholder(ctx, moved); err == nil {
		t.Error("a stakeholder moved to another person")
	}

	_, err = s.AddStakeholder(ctx, model.Stakeholder{ProposalID: f.proposal.ID, ContactID: f.dana.ID, Influence: 2})
	if !errors.Is(err, ErrConflict) || err.Error() != `Dana Reyes is already a stakeholder on "Consolidate the warehouses"` {
		t.Errorf("duplicate stakeholder: %v", err)
	}
}

func TestListStakeholdersOrder(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	p, err := s.CreateProposal(ctx, model.Proposal{Title: "Order"})
	mustNoErr(t, err)
	people := []struct {
		name      string
		role      model.Role
		influence int
	}{
		{"affected", model.RoleAffected, 5},
		{"room low", model.RoleInRoom, 2},
		{"decider", model.RoleDecisionMaker, 3},
		{"room high", model.RoleInRoom, 4},
		{"room low twin", model.RoleInRoom, 2},
		{"influencer", model.RoleInfluencer, 1},
	}
	for _, pp := range people {
		c, err := s.CreateContact(ctx, model.Contact{Name: pp.name})
		mustNoErr(t, err)
		_, err = s.AddStakeholder(ctx, model.Stakeholder{ProposalID: p.ID, ContactID: c.ID, Role: pp.role, Influence: pp.influence})
		mustNoErr(t, err)
	}
	list, err := s.ListStakeholders(ctx, p.ID)
	mustNoErr(t, err)
	var got []int64
	for _, st := range list {
		got = append(got, st.ContactID)
	}
	// decider(3), room high(4), room low(2), room low twin(5), influencer(6), affected(1)
	if want := []int64{3, 4, 2, 5, 6, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("order by contact id %v, want %v", got, want)
	}
}

func TestRemoveStakeholder(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)

	// Marcus's talk must come before Dana's; removing Dana drops that
	// ordering (with history) rather than leave a dangling reference.
	mustNoErr(t, s.RemoveStakeholder(ctx, f.sDana.ID))
	if _, err := s.GetStakeholder(ctx, f.sDana.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("removed stakeholder still there: %v", err)
	}
	m, _ := s.GetStakeholder(ctx, f.sMarcus.ID)
	if m.Plan.BeforeID != 0 {
		t.Errorf("Marcus still planned before removed stakeholder %d", m.Plan.BeforeID)
	}
	hist, _ := s.ListHistory(ctx, HistoryFilter{ProposalID: f.proposal.ID, Limit: 1})
	if len(hist) != 1 || hist[0].Action != model.ActionDelete || hist[0].Old != "Dana Reyes" {
		t.Errorf("history = %+v", hist)
	}
	changes, _ := s.ListChanges(ctx, ChangeFilter{Limit: 1})
	if len(changes) != 1 || changes[0].Summary != "removed Dana Reyes from "+f.proposal.Title {
		t.Errorf("undo step = %+v", changes)
	}

}
