package db

import (
	"context"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

func TestImportContactsMergesKnownPeopleAndRecordsHistory(t *testing.T) {
	ctx := context.Background()
	st, _ := openTest(t)
	dana, err := st.CreateContact(ctx, model.Contact{Name: "Dana Reyes", Email: "DANA@x.example", Notes: "mine"})
	if err != nil {
		t.Fatal(err)
	}
	file := []model.Contact{
		{Name: "Dana R.", Email: "dana@x.example", Title: "CFO", Notes: "theirs"}, // same email: fills the title only
		{Name: "Ana Ng", Title: "Staff Engineer"},
		{Name: "ana  ng", Org: "Platform"}, // same name earlier in the file: one contact with both
		{Name: "Omar Haddad", Kind: model.PartnerLateral},
	}
	preview, err := st.PreviewContactImport(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.ImportContacts(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []model.ContactImport{preview, res} {
		if len(r.Added) != 2 || len(r.Merged) != 1 || len(r.Decisions) != 4 {
			t.Fatalf("added %d merged %d decisions %d", len(r.Added), len(r.Merged), len(r.Decisions))
		}
		if d := r.Decisions[0]; d.Action != model.ImportDuplicate || d.Of.ID != dana.ID || d.By != "same email" {
			t.Errorf("row 1: %+v", d)
		}
		if d := r.Decisions[2]; d.Action != model.ImportDuplicate || d.OfIndex != 1 {
			t.Errorf("row 3: %+v", d)
		}
	}
	all, err := st.ListContacts(ctx, true)
	if err != nil || len(all) != 3 {
		t.Fatalf("want 3 contacts, got %d (%v)", len(all), err)
	}
	got, _ := st.GetContact(ctx, dana.ID)
	if got.Title != "CFO" || got.Notes != "mine" || got.Name != "Dana Reyes" {
		t.Errorf("merge overwrote or missed: %+v", got)
	}
	for _, c := range res.Added {
		if c.Name == "Ana Ng" && (c.Title != "Staff Engineer" || c.Org != "Platform" || c.ID == 0) {
			t.Errorf("in-file duplicate not merged: %+v", c)
		}
	}
	hist, err := st.ListHistory(ctx, HistoryFilter{Entity: model.EntityContact, EntityID: dana.ID})
	if err != nil || len(hist) != 2 || hist[1].Field != "title" || hist[1].New != "CFO" {
		t.Fatalf("want creation and a title change in history, got %+v (%v)", hist, err)
	}
	again, err := st.ImportContacts(ctx, file)
	if err != nil || len(again.Added) != 0 || len(again.Merged) != 0 {
		t.Fatalf("importing the same file twice added %d, merged %d (%v)", len(again.Added), len(again.Merged), err)
	}
}

// The finding: a row without an email for a person already there created a
// second contact.
func TestImportContactsRowWithoutEmailMergesIntoTheSamePerson(t *testing.T) {
	ctx := context.Background()
	st, _ := openTest(t)
	if _, err := st.CreateContact(ctx, model.Contact{Name: "Dana Reyes", Org: "Northwind", Email: "dana@x.example"}); err != nil {
		t.Fatal(err)
	}
	res, err := st.ImportContacts(ctx, []model.Contact{{Name: "Dana Reyes", Org: "Northwind", Title: "CFO"}})
	if err != nil || len(res.Added) != 0 {
		t.Fatalf("added %d (%v)", len(res.Added), err)
	}
	if all, _ := st.ListContacts(ctx, true); len(all) != 1 || all[0].Title != "CFO" {
		t.Fatalf("contacts %+v", all)
	}
}

func TestPreviewWritesNothing(t *testing.T) {
	ctx := context.Background()
	st, _ := openTest(t)
	if _, err := st.PreviewContactImport(ctx, []model.Contact{{Name: "Ana Ng"}}); err != nil {
		t.Fatal(err)
	}
	if all, _ := st.ListContacts(ctx, true); len(all) != 0 {
		t.Fatalf("a preview stored %d contacts", len(all))
	}
}

func TestImportContactsIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	st, _ := openTest(t)
	_, err := st.ImportContacts(ctx, []model.Contact{{Name: "Fine"}, {Name: "   "}})
	if err == nil || !strings.Contains(err.Error(), "contact 2") {
		t.Fatalf("error %v should name the second contact", err)
	}
	// A failure inside the transaction (the context ends mid-import) leaves
	// nothing either.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := st.ImportContacts(cctx, []model.Contact{{Name: "A"}, {Name: "B"}}); err == nil {
		t.Fatal("a cancelled import succeeded")
	}
	if all, _ := st.ListContacts(ctx, true); len(all) != 0 {
		t.Fatalf("a refused import left %d contacts", len(all))
	}
}

func TestImportIsOneUndoStep(t *testing.T) {
	ctx := context.Background()
	st, _ := openTest(t)
	dana, err := st.CreateContact(ctx, model.Contact{Name: "Dana Reyes", Email: "dana@x.example"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportContacts(ctx, []model.Contact{{Name: "Dana", Email: "dana@x.example", Title: "CFO"}, {Name: "Ana Ng"}, {Name: "Omar Haddad"}}); err != nil {
		t.Fatal(err)
	}
	ch, err := st.Undo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ch.Summary, "imported 2 new contacts and filled in 1 known one") {
		t.Errorf("undo step %q", ch.Summary)
	}
	all, _ := st.ListContacts(ctx, true)
	if len(all) != 1 || all[0].ID != dana.ID || all[0].Title != "" {
		t.Fatalf("after one undo: %+v", all)
	}
}

// Text from an imported address book is stored exactly as given (escape
// sequences and all); it is cleaned only where it is shown.
func TestImportedContactTextIsStoredExactly(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	raw := "Met at \x1b]8;;http://x\x07the offsite\x1b]8;;\x07\twith\u202eR&D"
	if _, err := s.ImportContacts(ctx, []model.Contact{{Name: "Ines Duarte", Notes: raw, Title: "VP\x1b[1m Ops"}}); err != nil {
		t.Fatal(err)
	}
	cs, err := s.ListContacts(ctx, false)
	mustNoErr(t, err)
	if len(cs) != 1 || cs[0].Notes != raw || cs[0].Title != "VP\x1b[1m Ops" {
		t.Fatalf("stored %+v, want the notes and title exactly as imported", cs)
	}
}
