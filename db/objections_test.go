package db

import (
	"context"
	"reflect"
	"testing"

	"github.com/backchannel/backchannel/model"
)

func TestObjectionLifecycle(t *testing.T) {
	ctx := context.Background()
	s, clk := openTest(t)
	f := buildFixture(t, s)
	talk, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 19)})
	mustNoErr(t, err)

	o, err := s.AddObjection(ctx, model.Objection{ProposalID: f.proposal.ID, RaisedByID: f.sDana.ID, TouchpointID: talk.ID,
		Text: "It will overrun like the ERP did.", Severity: model.SeverityBlocker, VoiceID: f.sMarcus.ID})
	mustNoErr(t, err)
	if !o.RaisedOn.Equal(clk.today()) || !o.ResolvedOn.IsZero() {
		t.Errorf("raised %v resolved %v; want today %v and unset", o.RaisedOn, o.ResolvedOn, clk.today())
	}
	got, err := s.GetObjection(ctx, o.ID)
	mustNoErr(t, err)
	if !reflect.DeepEqual(got, o) {
		t.Errorf("get:\n got %+v\nwant %+v", got, o)
	}

	steps := []struct {
		status       model.ObjectionStatus
		wantResolved bool
	}{
		{model.ObjectionAddressing, false},
		{model.ObjectionResolved, true},
		{model.ObjectionOpen, false},
		{model.ObjectionWithdrawn, true},
	}
	for _, st := range steps {
		got.Status = st.status
		got.Response = "Phased plan, " + st.status.String()
		u, err := s.UpdateObjection(ctx, got)
		mustNoErr(t, err)
		if st.wantResolved != !u.ResolvedOn.IsZero() {
			t.Errorf("status %s: resolved on %q", st.status, u.ResolvedOn)
		}
		if st.wantResolved && !u.ResolvedOn.Equal(clk.today()) {
			t.Errorf("status %s: resolved on %v, want today", st.status, u.ResolvedOn)
		}
		got, _ = s.GetObjection(ctx, o.ID)
		if !reflect.DeepEqual(got, u) {
			t.Errorf("after %s:\n got %+v\nwant %+v", st.status, got, u)
		}
	}
	hist, _ := s.ListHistory(ctx, HistoryFilter{Entity: model.EntityObjection, EntityID: o.ID})
	var statuses []string
	for _, h := range hist {
		if h.Field == "status" {
			statuses = append(statuses, h.Old+"→"+h.New)
		}
	}
	want := []string{"open→addressing", "addressing→resolved", "resolved→open", "open→withdrawn"}
	if !reflect.DeepEqual(statuses, want) {
		t.Errorf("status history %q, want %q", statuses, want)
	}

	// An objection voiced by someone on another proposal is refused.
	st, err := s.AddStakeholder(ctx, model.Stakeholder{ProposalID: f.other.ID, ContactID: f.marcus.ID, Influence: 1})
	mustNoErr(t, err)
	_, err = s.AddObjection(ctx, model.Objection{ProposalID: f.proposal.ID, Text: "x", VoiceID: st.ID})
	if err == nil || err.Error() != "voice in the room: stakeholder 3 is on proposal 2, not 1" {
		t.Errorf("cross-proposal voice: %v", err)
	}
	anticipated, err := s.AddObjection(ctx, model.Objection{ProposalID: f.other.ID, Text: "Precedent for other groups.",
		Status: model.ObjectionAccepted})
	mustNoErr(t, err)
	if anticipated.RaisedByID != 0 || !anticipated.ResolvedOn.Equal(clk.today()) {
		t.Errorf("anticipated, already accepted objection: %+v", anticipated)
	}

	cases := []struct {
		proposal int64
		want     int
	}{{f.proposal.ID, 1}, {f.other.ID, 1}, {0, 2}}
	for _, c := range cases {
		list, err := s.ListObjections(ctx, c.proposal)
		if err != nil || len(list) != c.want {
			t.Errorf("ListObjections(%d) = %d rows, %v; want %d", c.proposal, len(list), err, c.want)
		}
	}
}

func TestBlindSpotLifecycle(t *testing.T) {
	ctx := context.Background()
	s, clk := openTest(t)
	f := buildFixture(t, s)

	b, err := s.AddBlindSpot(ctx, model.BlindSpot{ProposalID: f.proposal.ID, SurfacedByID: f.sMarcus.ID,
		Text: "Am I underestimating the cut-over?\n\nPossibly.", RaisedOn: model.NewDate(2026, 11, 10)})
	mustNoErr(t, err)
	if !b.RaisedOn.Equal(model.NewDate(2026, 11, 10)) || b.Text != "Am I underestimating the cut-over?\n\nPossibly." {
		t.Errorf("added: %+v", b)
	}
	got, err := s.GetBlindSpot(ctx, b.ID)
	mustNoErr(t, err)
	if !reflect.DeepEqual(got, b) {
		t.Errorf("get:\n got %+v\nwant %+v", got, b)
	}
	got.Status = model.BlindSpotAddressed
	got.HowAddressed = "Added a rollback plan."
	u, err := s.UpdateBlindSpot(ctx, got)
	mustNoErr(t, err)
	if !u.AddressedOn.Equal(clk.today()) {
		t.Errorf("addressed on %v, want today", u.AddressedOn)
	}
	got, _ = s.GetBlindSpot(ctx, b.ID)
	if !reflect.DeepEqual(got, u) {
		t.Errorf("after update:\n got %+v\nwant %+v", got, u)
	}
	got.Status = model.BlindSpotOpen
	u, err = s.UpdateBlindSpot(ctx, got)
	mustNoErr(t, err)
	if !u.AddressedOn.IsZero() {
		t.Errorf("reopened blind spot keeps addressed on %v", u.AddressedOn)
	}
	mine, err := s.AddBlindSpot(ctx, model.BlindSpot{ProposalID: f.other.ID, Text: "My own assumption."})
	mustNoErr(t, err)
	if mine.SurfacedByID != 0 || !mine.RaisedOn.Equal(clk.today()) {
		t.Errorf("blind spot surfaced by me: %+v", mine)
	}
	all, err := s.ListBlindSpots(ctx, 0)
	if err != nil || len(all) != 2 || all[0].ID != b.ID {
		t.Errorf("all blind spots = %+v, %v", all, err)
	}
	one, err := s.ListBlindSpots(ctx, f.other.ID)
	if err != nil || len(one) != 1 || one[0].ID != mine.ID {
		t.Errorf("blind spots of proposal %d = %+v, %v", f.other.ID, one, err)
	}
}
