package tui

import (
	"context"
	"errors"
	"testing"

	"github.com/backchannel/backchannel/db"
)

// P purges a contact for good, but only once "purge" is typed: y, a wrong
// word or esc keep everything; and u cannot bring the purge back.
func TestPurgeContactAsksForTheTypedWord(t *testing.T) {
	ctx := context.Background()
	st := demoDB(t)
	d := newDriver(t, st, 120, 40)
	tom := openContact(t, d, "tom", "Tom Becker")
	d.press("P")
	d.mustSee("Purge Tom Becker for good?")
	d.mustSee("Type purge and press enter:")
	d.press("y", "enter")
	d.mustSee("Kept it: the word was not typed, so nothing was changed.")
	if _, err := st.GetContact(ctx, tom.ID); err != nil {
		t.Fatalf("a y purged the contact: %v", err)
	}
	d.press("P")
	d.typ("purge")
	d.mustSee("Type purge and press enter: purge")
	d.press("enter")
	d.mustSee("Purged Tom Becker for good:")
	if _, err := st.GetContact(ctx, tom.ID); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("the contact is still there: %v", err)
	}
	d.press("u")
	d.mustSee("purge erased its text for good")
	if _, err := st.GetContact(ctx, tom.ID); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("u brought the purged contact back: %v", err)
	}
}

// P on the Log tab purges the selected conversation once "purge" is typed;
// esc keeps it, and undo cannot bring a purged one back.
func TestPurgeAConversation(t *testing.T) {
	ctx := context.Background()
	s := realStore(t)
	d := newDriver(t, s, 100, 30)
	openFirstProposal(d)
	d.press("4")
	row, _ := d.app.work.log.Selected()
	d.press("P")
	d.mustSee("Purge the conversation with", "Type purge and press enter:")
	d.press("esc")
	if _, err := s.GetTouchpoint(ctx, row.id); err != nil {
		t.Fatalf("esc purged the conversation: %v", err)
	}
	d.press("P")
	d.typ("purge")
	d.press("enter")
	d.mustSee("Purged the conversation with")
	if _, err := s.GetTouchpoint(ctx, row.id); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("the conversation is still there: %v", err)
	}
	d.press("u")
	if _, err := s.GetTouchpoint(ctx, row.id); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("u brought the purged conversation back: %v", err)
	}
}
