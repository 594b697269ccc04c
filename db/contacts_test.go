package db

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/backchannel/backchannel/model"
)

func TestContactRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	c, err := s.CreateContact(ctx, model.Contact{Name: " Zoë\u202e Okafor ", Title: "VP", Org: "Eng", Email: "zoe@example.com",
		Kind: model.PartnerWilling, Discretion: model.DiscretionMedium, ValueIBring: "Air cover.\n\nAnd data.", Notes: "Met 2019.",
		CadenceDays: 21})
	mustNoErr(t, err)
	if c.Name != "Zoë Okafor" {
		t.Errorf("name not normalised: %q", c.Name)
	}
	got, err := s.GetContact(ctx, c.ID)
	mustNoErr(t, err)
	if !reflect.DeepEqual(got, c) {
		t.Errorf("get:\n got %+v\nwant %+v", got, c)
	}
	got.Discretion = model.DiscretionLow
	got.Notes = "Shares news widely."
	u, err := s.UpdateContact(ctx, got)
	mustNoErr(t, err)
	again, _ := s.GetContact(ctx, c.ID)
	if !reflect.DeepEqual(again, u) || u.Discretion != model.DiscretionLow {
		t.Errorf("after update:\n got %+v\nwant %+v", again, u)
	}
	hist, _ := s.ListHistory(ctx, HistoryFilter{Entity: model.EntityContact, EntityID: c.ID})
	if len(hist) != 3 || hist[1].Field != "discretion" || hist[1].Old != "medium" || hist[1].New != "low" || hist[1].ProposalID != 0 {
		t.Errorf("history = %+v", hist)
	}

	for _, name := range []string{"bea Adams", "Carl Berg", "adam Zeller"} {
		_, err := s.CreateContact(ctx, model.Contact{Name: name})
		mustNoErr(t, err)
	}
	list, err := s.ListContacts(ctx, false)
	mustNoErr(t, err)
	var names []string
	for _, c := range list {
		names = append(names, c.Name)
	}
	if want := []string{"adam Zeller", "bea Adams", "Carl Berg", "Zoë Okafor"}; !reflect.DeepEqual(names, want) {
		t.Errorf("list order %q, want %q", names, want)
	}
}

func TestRemoveContact(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	loner, err := s.CreateContact(ctx, model.Contact{Name: "Nobody Inparticular"})
	mustNoErr(t, err)

	cases := []struct {
		name         string
		id           int64
		wantArchived bool
	}{
		{"a stakeholder is archived", f.dana.ID, true},
		{"an intermediary is archived", f.via.ID, true},
		{"an unreferenced contact is deleted", loner.ID, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			archived, err := s.RemoveContact(ctx, c.id)
			mustNoErr(t, err)
			if archived != c.wantArchived {
				t.Fatalf("archived = %v, want %v", archived, c.wantArchived)
			}
			got, err := s.GetContact(ctx, c.id)
			hist, _ := s.ListHistory(ctx, HistoryFilter{Entity: model.EntityContact, EntityID: c.id})
			last := hist[len(hist)-1]
			if c.wantArchived {
				if err != nil || !got.Archived {
					t.Errorf("contact after archive = %+v, %v", got, err)
				}
				if last.Action != model.ActionArchive {
					t.Errorf("last history = %+v, want archive", last)
				}
			} else {
				if !errors.Is(err, ErrNotFound) {
					t.Errorf("deleted contact still readable: %v", err)
				}
				if last.Action != model.ActionDelete || last.Old != loner.Name {
					t.Errorf("last history = %+v, want delete of %q", last, loner.Name)
				}
			}
		})
	}
	// Archiving twice changes nothing and writes no history.
	before, _ := s.ListHistory(ctx, HistoryFilter{})
	archived, err := s.RemoveContact(ctx, f.dana.ID)
	after, _ := s.ListHistory(ctx, HistoryFilter{})
	if err != nil || !archived || len(after) != len(before) {
		t.Errorf("second remove: archived %v, err %v, history %d → %d", archived, err, len(before), len(after))
	}
	active, _ := s.ListContacts(ctx, false)
	all, _ := s.ListContacts(ctx, true)
	if len(active) != 1 || len(all) != 3 {
		t.Errorf("contacts: %d active, %d in all; want 1 and 3", len(active), len(all))
	}
}
