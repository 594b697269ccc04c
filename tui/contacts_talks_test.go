package tui

import (
	"context"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// The Contacts screen holds the conversations of the person whose page is
// open, read when it opens, not everyone's (issue 13: the directory held
// all 200,000 of the large workbook). The page shows them all, newest
// first, and the health line counts the same conversations the ledger does.
func TestContactPageReadsOnlyThatPersonsConversations(t *testing.T) {
	s := reviewWorkbooks(t)["shared"]
	ctx := context.Background()
	d := newDriver(t, s, 100, 30)
	d.press("c")
	r, ok := d.app.contacts.list.Selected()
	if !ok {
		t.Fatal("the directory lists nobody")
	}
	want, err := s.ListContactTouchpoints(ctx, r.ID)
	if err != nil || len(want) == 0 {
		t.Fatalf("the first person has no conversations to show (%v)", err)
	}
	d.press("enter")
	c := d.app.contacts
	if c.mode != contactsDetail || c.talksOf != r.ID {
		t.Fatalf("the page of contact %d did not open with their conversations", r.ID)
	}
	if len(c.talks) != len(want) {
		t.Fatalf("the page holds %d conversations, the store has %d with them", len(c.talks), len(want))
	}
	for i, tp := range c.talks {
		if tp.ContactID != r.ID {
			t.Fatalf("the page holds a conversation with contact %d", tp.ContactID)
		}
		if i > 0 && tp.Date.After(c.talks[i-1].Date) {
			t.Fatal("the conversations are not newest first")
		}
	}
	d.mustSee("Conversations (" + itoa(len(want)) + ")")
	h := model.ContactHealth(d.app.contacts.data.contacts[d.app.contacts.data.byID[r.ID]], want, testToday)
	if got := c.data.health[r.ID]; got != h {
		t.Fatalf("the health from the counted ledger is %+v, from the conversations %+v", got, h)
	}

	// A late answer for someone else's page is dropped.
	d.send(contactTalksMsg{seq: c.talksSeq - 1, contactID: r.ID + 1})
	if c.talksOf != r.ID {
		t.Fatal("a late answer replaced the open page's conversations")
	}
}
