package db

import (
	"context"
	"reflect"
	"testing"

	"github.com/backchannel/backchannel/model"
)

func TestTouchpointRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)

	logged := []model.Touchpoint{
		{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 18), Channel: model.VenueCall, Kind: model.TouchAsk,
			Sentiment: -1, Said: "Numbers first.\x1b]8;;http://x\x07link\x1b]8;;\x07", Subtext: "Worried about the ERP.\n"},
		{StakeholderID: f.sMarcus.ID, Date: model.NewDate(2026, 11, 16), Kind: model.TouchShare, Sentiment: 2},
		{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 16), Kind: model.TouchAppreciate, Opener: model.OpenerAppreciate},
	}
	var ids []int64
	for _, in := range logged {
		tp, err := s.LogTouchpoint(ctx, in)
		mustNoErr(t, err)
		st, _ := s.GetStakeholder(ctx, in.StakeholderID)
		if tp.ProposalID != st.ProposalID || tp.ContactID != st.ContactID {
			t.Errorf("proposal/contact not filled from the stakeholder: %+v", tp)
		}
		if !st.Plan.Done {
			t.Errorf("stakeholder %d's plan not marked done", st.ID)
		}
		got, err := s.GetTouchpoint(ctx, tp.ID)
		mustNoErr(t, err)
		if !reflect.DeepEqual(got, tp) {
			t.Errorf("get:\n got %+v\nwant %+v", got, tp)
		}
		ids = append(ids, tp.ID)
	}
	first, _ := s.GetTouchpoint(ctx, ids[0])
	if first.Said != "Numbers first.link" || first.Subtext != "Worried about the ERP." {
		t.Errorf("text not normalised: %q / %q", first.Said, first.Subtext)
	}

	// Logging a second talk with Dana does not mark her plan done again.
	hist, _ := s.ListHistory(ctx, HistoryFilter{Entity: model.EntityStakeholder, EntityID: f.sDana.ID})
	var done int
	for _, h := range hist {
		if h.Field == "plan.done" {
			done++
		}
	}
	if done != 1 {
		t.Errorf("%d plan.done history rows for two talks, want 1", done)
	}

	list, err := s.ListTouchpoints(ctx, f.proposal.ID)
	mustNoErr(t, err)
	var order []int64
	for _, tp := range list {
		order = append(order, tp.ID)
	}
	if want := []int64{ids[1], ids[2], ids[0]}; !reflect.DeepEqual(order, want) {
		t.Errorf("order %v, want by date then id %v", order, want)
	}

	// Dana on another proposal: her log spans both.
	st, err := s.AddStakeholder(ctx, model.Stakeholder{ProposalID: f.other.ID, ContactID: f.dana.ID, Influence: 2})
	mustNoErr(t, err)
	elsewhere, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: st.ID, Date: model.NewDate(2026, 11, 17)})
	mustNoErr(t, err)
	mine, err := s.ListContactTouchpoints(ctx, f.dana.ID)
	mustNoErr(t, err)
	order = nil
	for _, tp := range mine {
		order = append(order, tp.ID)
	}
	if want := []int64{ids[2], elsewhere.ID, ids[0]}; !reflect.DeepEqual(order, want) {
		t.Errorf("Dana's log %v, want %v", order, want)
	}

	upd := first
	upd.Sentiment = 1
	upd.FollowUp = "Send the memo."
	u, err := s.UpdateTouchpoint(ctx, upd)
	mustNoErr(t, err)
	got, _ := s.GetTouchpoint(ctx, first.ID)
	if !reflect.DeepEqual(got, u) || got.Sentiment != 1 {
		t.Errorf("after update:\n got %+v\nwant %+v", got, u)
	}
	th, _ := s.ListHistory(ctx, HistoryFilter{Entity: model.EntityTouchpoint, EntityID: first.ID})
	if len(th) != 3 || th[0].New != "ask on 2026-11-18" || th[1].Field != "sentiment" || th[1].Old != "-1" || th[1].New != "1" {
		t.Errorf("touchpoint history = %+v", th)
	}
	moved := got
	moved.StakeholderID = f.sMarcus.ID
	if _, err := s.UpdateTouchpoint(ctx, moved); err == nil {
		t.Error("a conversation moved to another stakeholder")
	}
}
