package db

import (
	"context"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

func TestImportContactsSkipsKnownPeopleAndRecordsHistory(t *testing.T) {
	ctx := context.Background()
	st, _ := openTest(t)
	if _, err := st.CreateContact(ctx, model.Contact{Name: "Dana Reyes", Email: "DANA@x.example"}); err != nil {
		t.Fatal(err)
	}
	res, err := st.ImportContacts(ctx, []model.Contact{
		{Name: "Dana R.", Email: "dana@x.example"}, // same email, other spelling
		{Name: "Ana Ng", Title: "Staff Engineer"},
		{Name: "ana  ng"}, // same name earlier in the file
		{Name: "Omar Haddad", Kind: model.PartnerLateral},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 2 || len(res.Skipped) != 2 {
		t.Fatalf("added %d, skipped %v", len(res.Added), res.Skipped)
	}
	all, err := st.ListContacts(ctx, true)
	if err != nil || len(all) != 3 {
		t.Fatalf("want 3 contacts, got %d (%v)", len(all), err)
	}
	hist, err := st.ListHistory(ctx, HistoryFilter{Entity: model.EntityContact})
	if err != nil || len(hist) != 3 {
		t.Fatalf("want a history row per contact, got %d (%v)", len(hist), err)
	}
	again, err := st.ImportContacts(ctx, []model.Contact{{Name: "Ana Ng"}, {Name: "Omar Haddad"}})
	if err != nil || len(again.Added) != 0 {
		t.Fatalf("importing the same people twice added %d (%v)", len(again.Added), err)
	}
}

func TestImportContactsIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	st, _ := openTest(t)
	_, err := st.ImportContacts(ctx, []model.Contact{{Name: "Fine"}, {Name: "   "}})
	if err == nil || !strings.Contains(err.Error(), "contact 2") {
		t.Fatalf("error %v should name the second contact", err)
	}
	if all, _ := st.ListContacts(ctx, true); len(all) != 0 {
		t.Fatalf("a refused import left %d contacts", len(all))
	}
}
