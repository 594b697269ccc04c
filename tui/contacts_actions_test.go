package tui

import (
	"context"
	"errors"
	"testing"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// openContact opens the contacts and selects the one named exactly name,
// through the search.
func openContact(t *testing.T, d *driver, search, name string) model.Contact {
	t.Helper()
	d.press("c", "/")
	d.typ(search)
	d.press("enter")
	s := d.app.contacts
	for _, c := range s.data.contacts {
		if c.Name == name {
			s.list.SelectID(c.ID)
			return c
		}
	}
	t.Fatalf("no contact named %q", name)
	return model.Contact{}
}

// helenTwice is the demo with Helen Park on the first proposal, with a
// conversation, and a second Helen Park made by an address-book import
// with only her email, put on the second proposal.
func helenTwice(t *testing.T) (store *db.Store, helen, dup model.Contact) {
	t.Helper()
	ctx := context.Background()
	store = demoDB(t)
	ps, err := store.ListProposals(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := store.AddPerson(ctx, model.Contact{Name: "Helen Park", Title: "General Counsel", Org: "Legal"},
		model.Stakeholder{ProposalID: ps[0].ID, Role: model.RoleInRoom, Influence: 3})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.RecordConversation(ctx, model.Conversation{Touchpoint: model.Touchpoint{StakeholderID: sh.ID,
		Date: testToday.AddDays(-3), Said: "Wants the data residency clause."}}); err != nil {
		t.Fatal(err)
	}
	if helen, err = store.GetContact(ctx, sh.ContactID); err != nil {
		t.Fatal(err)
	}
	dsh, err := store.AddPerson(ctx, model.Contact{Name: "Helen Park", Email: "helen.park@northwind.example"},
		model.Stakeholder{ProposalID: ps[1].ID, Role: model.RoleAffected, Influence: 2})
	if err != nil {
		t.Fatal(err)
	}
	if dup, err = store.GetContact(ctx, dsh.ContactID); err != nil {
		t.Fatal(err)
	}
	return store, helen, dup
}

// A duplicate Helen Park from an import is merged into the first one from
// the Contacts screen: m on the one to keep, pick the other (listed first,
// as it has the same name), one question that says what moves, y. Her
// place on the second proposal moves; u takes the merge back.
func TestMergeADuplicateContact(t *testing.T) {
	ctx := context.Background()
	store, helen, dup := helenTwice(t)
	d := newDriver(t, store, 120, 40)
	openContact(t, d, "helen", "Helen Park")
	s := d.app.contacts
	s.list.SelectID(helen.ID)
	if s.list.Len() != 2 {
		t.Fatalf("searching helen lists %d contacts, want the two Helen Parks", s.list.Len())
	}
	d.press("m")
	if !s.host.Active() || s.formKind != contactFormMerge {
		t.Fatal("m did not open the merge picker")
	}
	if s.dirty() || d.app.undoAllowed(s) {
		t.Fatal("the picker counts as unsaved input, or u still undoes while it shows")
	}
	d.mustSee("Merge a duplicate into Helen Park", "Merge whom into Helen Park?", "Helen Park · helen.park@northwind.example")
	if s.mergePick != dup.ID {
		t.Fatalf("the picker starts on contact %d, want the other Helen Park %d", s.mergePick, dup.ID)
	}
	d.press("enter")
	d.mustSee("Merge Helen Park (helen.park@northwind.example) into Helen Park (Legal)? Their 1 proposal move over.")
	d.press("n")
	if _, err := store.GetContact(ctx, dup.ID); err != nil {
		t.Fatal("n merged the contacts")
	}

	d.press("m", "enter", "y")
	if _, err := store.GetContact(ctx, dup.ID); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("the duplicate is still there after the merge: %v", err)
	}
	kept, err := store.GetContact(ctx, helen.ID)
	if err != nil {
		t.Fatal(err)
	}
	if kept.Email != "helen.park@northwind.example" || kept.Org != "Legal" {
		t.Fatalf("the kept contact is %+v; her empty email should take the duplicate's", kept)
	}
	d.mustSee("Merged Helen Park (helen.park@northwind.example) into Helen Park (Legal); u undoes it.")
	if s.list.Len() != 1 {
		t.Fatalf("%d Helen Parks listed after the merge", s.list.Len())
	}
	if r, _ := s.list.Selected(); r.ID != helen.ID {
		t.Fatal("the kept contact is not selected")
	}
	d.press("enter")
	d.mustSee("Across proposals (2)", "Conversations (1)")

	d.press("u")
	d.mustSee("Undid: ")
	if _, err := store.GetContact(ctx, dup.ID); err != nil {
		t.Fatalf("u did not bring the duplicate back: %v", err)
	}
}

// The merge picker says so when there is nobody else.
func TestMergeWithNobodyElseSaysWhy(t *testing.T) {
	store := newFakeStore()
	if _, err := store.CreateContact(context.Background(), model.Contact{Name: "Ann Lee"}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, store, 80, 24)
	d.press("c", "m")
	if d.app.contacts.host.Active() {
		t.Fatal("m opened a picker with nobody in it")
	}
	d.mustSee("There is no other contact to merge into Ann Lee.")
}

// X on a contact that is on a proposal refuses in one sentence that says
// why and what to do instead; on a contact nothing refers to it asks once,
// deletes, and u brings them back.
func TestXDeletesOnlyAContactNothingRefersTo(t *testing.T) {
	ctx := context.Background()
	store := demoDB(t)
	loner, err := store.CreateContact(ctx, model.Contact{Name: "Ann Lee", Org: "Imported"})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, store, 120, 40)
	dana := openContact(t, d, "dana", "Dana Reyes")
	d.press("X")
	d.mustSee("✗ Dana Reyes is on 2 proposals and 4 conversations, so archive (z) or merge (m) instead of deleting.")
	if d.app.confirm != nil {
		t.Fatal("a contact on a proposal was offered for deletion")
	}
	if _, err := store.GetContact(ctx, dana.ID); err != nil {
		t.Fatal(err)
	}

	d.press("/", "ctrl+u")
	d.typ("ann")
	d.press("enter", "enter") // her page: X works there too
	d.press("X")
	d.mustSee("Delete Ann Lee from your contacts? Nothing refers to them; u undoes it.")
	d.press("y")
	if _, err := store.GetContact(ctx, loner.ID); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("y did not delete Ann Lee: %v", err)
	}
	d.mustSee("Deleted Ann Lee; u undoes it.")
	if d.app.contacts.mode != contactsList {
		t.Fatal("the page of a deleted contact is still open")
	}
	d.press("u")
	d.mustSee("Undid: deleted contact Ann Lee")
	if _, err := store.GetContact(ctx, loner.ID); err != nil {
		t.Fatalf("u did not bring Ann Lee back: %v", err)
	}
}

// z archives the selected contact at once and says so; on an archived one
// it brings them back. Both are single EditContact calls.
func TestZArchivesAndUnarchivesAContact(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 120, 40)
	mei := openContact(t, d, "mei", "Mei Lin")
	before := store.callCount()
	d.press("z")
	if !store.storedContact(t, mei.ID).Archived {
		t.Fatal("z did not archive Mei Lin")
	}
	d.mustSee("Archived Mei Lin: hidden from the directory and the pickers, history kept; u undoes it.")
	d.mustNotSee("Mei Lin ")
	d.press("A")
	d.app.contacts.list.SelectID(mei.ID)
	d.mustSee("z unarchive")
	d.press("z")
	if store.storedContact(t, mei.ID).Archived {
		t.Fatal("z did not unarchive Mei Lin")
	}
	d.mustSee("Unarchived Mei Lin; u undoes it.")
	if n := store.countWrites("EditContact", before); n != 2 || store.countWrites("UpdateContact", before) != 0 {
		t.Fatalf("archive and unarchive made %v", store.calls[before:])
	}
}

// Editing a contact is one EditContact call: the form's fields are applied
// to the contact as stored when the save runs, not as read when it opened.
func TestContactEditAppliesToTheStoredContact(t *testing.T) {
	ctx := context.Background()
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	dana := openContact(t, d, "dana", "Dana Reyes")
	d.press("e")
	// Meanwhile the command line changes her notes.
	if _, err := store.EditContact(ctx, dana.ID, func(c *model.Contact) error { c.Notes = "Changed by the CLI."; return nil }); err != nil {
		t.Fatal(err)
	}
	before := store.callCount()
	d.press("ctrl+u")
	d.typ("Dana R. Reyes")
	for range 11 { // every field as it is, and keep her in the directory
		d.press("enter")
	}
	got := store.storedContact(t, dana.ID)
	if got.Name != "Dana R. Reyes" || got.Notes != "Changed by the CLI." {
		t.Fatalf("saved name %q and notes %q", got.Name, got.Notes)
	}
	if store.countWrites("EditContact", before) != 1 || store.countWrites("UpdateContact", before) != 0 {
		t.Fatalf("the save made %v", store.calls[before:])
	}
	d.mustSee("Saved Dana R. Reyes: name changed; u undoes it.")
}

// space opens the person's page like enter: every row opens in full.
func TestSpaceOpensAContactsPage(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	dana := openContact(t, d, "dana", "Dana Reyes")
	d.press("space")
	if d.app.contacts.mode != contactsDetail || d.app.contacts.detailID != dana.ID {
		t.Fatal("space did not open Dana Reyes's page")
	}
	d.mustSee("Across proposals")
}

// u takes back an archive made with z, on the real store.
func TestUUndoesAnArchive(t *testing.T) {
	ctx := context.Background()
	store := demoDB(t)
	d := newDriver(t, store, 120, 40)
	mei := openContact(t, d, "mei", "Mei Lin")
	d.press("z")
	if c, _ := store.GetContact(ctx, mei.ID); !c.Archived {
		t.Fatal("z did not archive Mei Lin")
	}
	d.press("u")
	d.mustSee("Undid: ")
	if c, _ := store.GetContact(ctx, mei.ID); c.Archived {
		t.Fatal("u did not unarchive Mei Lin")
	}
	listed := false
	for _, r := range d.app.contacts.list.Rows() {
		listed = listed || r.ID == mei.ID
	}
	if !listed {
		t.Fatal("Mei Lin is not listed again after u")
	}
}
