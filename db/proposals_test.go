package db

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/backchannel/backchannel/model"
)

func TestProposalRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	in := model.Proposal{
		Title:        "  Budget \x1b[31mask\x1b[0m\nfor Q1 ",
		Ask:          "  Approve $1.2M.\r\nOver two years.\x07  ",
		Kind:         model.KindBudget,
		Forum:        "Steering\tcommittee",
		DecisionDate: model.NewDate(2026, 12, 3),
		DecisionRule: model.RuleConsensus,
		Status:       model.StatusPrewiring,
		Moment:       model.MomentTestBias,
		WalkStep:     2,
	}
	p, err := s.CreateProposal(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || p.CreatedAt.IsZero() || !p.CreatedAt.Equal(p.UpdatedAt) {
		t.Errorf("create did not set id and timestamps: %+v", p)
	}
	if p.Title != "Budget ask for Q1" || p.Ask != "Approve $1.2M.\nOver two years." || p.Forum != "Steering committee" {
		t.Errorf("text not normalised: %q / %q / %q", p.Title, p.Ask, p.Forum)
	}
	got, err := s.GetProposal(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, p) {
		t.Errorf("get:\n got %+v\nwant %+v", got, p)
	}

	upd := got
	upd.Forum = "Board"
	upd.DecisionDate = model.Date{}
	upd.Status = model.StatusReady
	u, err := s.UpdateProposal(ctx, upd)
	if err != nil {
		t.Fatal(err)
	}
	if !u.CreatedAt.Equal(p.CreatedAt) || !u.UpdatedAt.After(p.UpdatedAt) {
		t.Errorf("update timestamps: created %v (was %v), updated %v", u.CreatedAt, p.CreatedAt, u.UpdatedAt)
	}
	got, _ = s.GetProposal(ctx, p.ID)
	if !reflect.DeepEqual(got, u) {
		t.Errorf("get after update:\n got %+v\nwant %+v", got, u)
	}

	// An update that changes nothing writes nothing.
	again, err := s.UpdateProposal(ctx, got)
	if err != nil || !reflect.DeepEqual(again, got) {
		t.Errorf("no-op update = %+v, %v", again, err)
	}
	hist, _ := s.ListHistory(ctx, HistoryFilter{Entity: model.EntityProposal, EntityID: p.ID})
	var fields []string
	for _, h := range hist {
		fields = append(fields, h.Action+":"+h.Field+":"+h.Old+"→"+h.New)
	}
	want := []string{
		"create::→Budget ask for Q1",
		"update:forum:Steering committee→Board",
		"update:decision_date:2026-12-03→",
		"update:status:prewiring→ready",
	}
	if !reflect.DeepEqual(fields, want) {
		t.Errorf("history:\n got %q\nwant %q", fields, want)
	}

	list, err := s.ListProposals(ctx, false)
	if err != nil || len(list) != 1 || !reflect.DeepEqual(list[0], got) {
		t.Errorf("list = %+v, %v", list, err)
	}
}

func TestArchiveProposal(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	p, err := s.CreateProposal(ctx, model.Proposal{Title: "Old idea"})
	mustNoErr(t, err)
	p.Status = model.StatusArchived
	_, err = s.UpdateProposal(ctx, p)
	mustNoErr(t, err)
	hist, _ := s.ListHistory(ctx, HistoryFilter{ProposalID: p.ID})
	last := hist[len(hist)-1]
	if last.Action != model.ActionArchive || last.Field != "status" || last.New != "archived" {
		t.Errorf("archive history = %+v", last)
	}
	open, _ := s.ListProposals(ctx, false)
	all, _ := s.ListProposals(ctx, true)
	if len(open) != 0 || len(all) != 1 {
		t.Errorf("archived proposal listed: %d without archived, %d with", len(open), len(all))
	}
}

func TestListProposalsOrder(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	rows := []struct {
		title  string
		status model.Status
		date   model.Date
	}{
		{"approved early", model.StatusApproved, model.NewDate(2026, 12, 1)},
		{"draft undated", model.StatusDraft, model.Date{}},
		{"prewiring late", model.StatusPrewiring, model.NewDate(2026, 12, 10)},
		{"ready soon", model.StatusReady, model.NewDate(2026, 12, 5)},
		{"archived", model.StatusArchived, model.NewDate(2026, 11, 1)},
		{"pitched undated", model.StatusPitched, model.Date{}},
		{"deferred undated", model.StatusDeferred, model.Date{}},
	}
	for _, r := range rows {
		_, err := s.CreateProposal(ctx, model.Proposal{Title: r.title, Status: r.status, DecisionDate: r.date})
		mustNoErr(t, err)
	}
	cases := []struct {
		archived bool
		want     []string
	}{
		{false, []string{"ready soon", "prewiring late", "draft undated", "pitched undated", "approved early", "deferred undated"}},
		{true, []string{"ready soon", "prewiring late", "draft undated", "pitched undated", "archived", "approved early", "deferred undated"}},
	}
	for _, c := range cases {
		list, err := s.ListProposals(ctx, c.archived)
		mustNoErr(t, err)
		var got []string
		for _, p := range list {
			got = append(got, p.Title)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("includeArchived=%v:\n got %q\nwant %q", c.archived, got, c.want)
		}
	}
}

// Validation errors come back as the model's one sentence, untouched.
func TestValidationErrorsAsIs(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	cases := []struct {
		name string
		call func() error
		want string
	}{
		{"proposal without title", func() error {
			_, err := s.CreateProposal(ctx, model.Proposal{Title: " \x1b[0m "})
			return err
		}, "title must not be empty"},
		{"proposal bad status", func() error {
			p := f.proposal
			p.Status = 42
			_, err := s.UpdateProposal(ctx, p)
			return err
		}, "status must be 0 to 7, got 42"},
		{"contact without name", func() error {
			_, err := s.CreateContact(ctx, model.Contact{})
			return err
		}, "name must not be empty"},
		{"stakeholder influence", func() error {
			st := f.sDana
			st.Influence = 7
			_, err := s.UpdateStakeholder(ctx, st)
			return err
		}, "influence must be 1 to 5, got 7"},
		{"conversation without date", func() error {
			_, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID})
			return err
		}, "a conversation needs a date"},
		{"empty objection", func() error {
			_, err := s.AddObjection(ctx, model.Objection{ProposalID: f.proposal.ID, Text: "\n\t"})
			return err
		}, "an objection's text must not be empty"},
		{"empty blind spot", func() error {
			_, err := s.AddBlindSpot(ctx, model.BlindSpot{ProposalID: f.proposal.ID})
			return err
		}, "a blind spot's text must not be empty"},
		{"talk before someone on another proposal", func() error {
			other, err := s.AddStakeholder(ctx, model.Stakeholder{ProposalID: f.other.ID, ContactID: f.dana.ID, Influence: 1})
			if err != nil {
				return err
			}
			st := f.sMarcus
			st.Plan.BeforeID = other.ID
			_, err = s.UpdateStakeholder(ctx, st)
			return err
		}, "the talk can only be planned before someone on the same proposal (stakeholder 3 is on proposal 2)"},
		{"own intermediary", func() error {
			st := f.sMarcus
			st.Plan.ViaID = f.marcus.ID
			_, err := s.UpdateStakeholder(ctx, st)
			return err
		}, "a person cannot be their own intermediary"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.call()
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	cases := []struct {
		call func() error
		want string
	}{
		{func() error { _, err := s.GetProposal(ctx, 42); return err }, "no proposal with id 42"},
		{func() error { _, err := s.GetContact(ctx, 42); return err }, "no contact with id 42"},
		{func() error { _, err := s.GetStakeholder(ctx, 42); return err }, "no stakeholder with id 42"},
		{func() error { _, err := s.GetTouchpoint(ctx, 42); return err }, "no conversation with id 42"},
		{func() error { _, err := s.GetObjection(ctx, 42); return err }, "no objection with id 42"},
		{func() error { _, err := s.GetBlindSpot(ctx, 42); return err }, "no blind spot with id 42"},
		{func() error { _, err := s.LoadDossier(ctx, 42); return err }, "no proposal with id 42"},
		{func() error { _, err := s.UpdateProposal(ctx, model.Proposal{ID: 42, Title: "x"}); return err }, "no proposal with id 42"},
		{func() error { _, err := s.RemoveContact(ctx, 42); return err }, "no contact with id 42"},
		{func() error { return s.RemoveStakeholder(ctx, 42) }, "no stakeholder with id 42"},
		{func() error {
			_, err := s.AddStakeholder(ctx, model.Stakeholder{ProposalID: f.proposal.ID, ContactID: 42, Influence: 1})
			return err
		}, "no contact with id 42"},
		{func() error {
			_, err := s.AddObjection(ctx, model.Objection{ProposalID: f.proposal.ID, Text: "x", VoiceID: 42})
			return err
		}, "voice in the room: no stakeholder with id 42"},
		{func() error {
			_, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: 42, Date: model.NewDate(2026, 1, 1)})
			return err
		}, "no stakeholder with id 42"},
	}
	for _, c := range cases {
		err := c.call()
		if !errors.Is(err, ErrNotFound) || err.Error() != c.want {
			t.Errorf("got %v, want ErrNotFound %q", err, c.want)
		}
	}
}
