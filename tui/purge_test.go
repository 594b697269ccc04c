package tui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// P purges a contact for good, but only once "purge" is typed: y, a wrong
// word or esc keep everything; and u cannot bring the purge back.
func TestPurgeContactAsksForTheTypedWord(t *testing.T) {
	ctx := context.Background()
	store := demoDB(t)
	d := newDriver(t, store, 120, 40)
	tom := openContact(t, d, "tom", "Tom Becker")
	d.press("P")
	d.mustSee("Purge Tom Becker for good?")
	d.mustSee("Type purge and press enter:")
	d.press("y", "enter")
	d.mustSee("Kept it: the word was not typed, so nothing was changed.")
	if _, err := store.GetContact(ctx, tom.ID); err != nil {
		t.Fatalf("a y purged the contact: %v", err)
	}
	d.press("P")
	d.typ("purge")
	d.mustSee("Type purge and press enter: purge")
	d.press("enter")
	d.mustSee("Purged Tom Becker for good:")
	if _, err := store.GetContact(ctx, tom.ID); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("the contact is still there: %v", err)
	}
	d.press("u")
	d.mustSee("purge erased its text for good")
	if _, err := store.GetContact(ctx, tom.ID); !errors.Is(err, db.ErrNotFound) {
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
	row, _ := d.app.workspace.log.Selected()
	d.press("P")
	d.mustSee("Purge the conversation with", "Type purge and press enter:")
	d.press("esc")
	if _, err := s.GetTouchpoint(ctx, row.ID); err != nil {
		t.Fatalf("esc purged the conversation: %v", err)
	}
	d.press("P")
	d.typ("purge")
	d.press("enter")
	d.mustSee("Purged the conversation with")
	if _, err := s.GetTouchpoint(ctx, row.ID); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("the conversation is still there: %v", err)
	}
	d.press("u")
	if _, err := s.GetTouchpoint(ctx, row.ID); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("u brought the purged conversation back: %v", err)
	}
}

// fileHolds reports which of texts the workbook file or its -wal holds,
// byte for byte, as `strings` over them would find them.
func fileHolds(t *testing.T, path string, texts ...string) []string {
	t.Helper()
	var found []string
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(path + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		for _, s := range texts {
			if bytes.Contains(data, []byte(s)) {
				found = append(found, fmt.Sprintf("%q in the file%s", s, suffix))
			}
		}
	}
	return found
}

// proposalOnlyTexts are the words of one proposal that no other proposal
// or contact holds: after purging it, none may be left in the file.
func proposalOnlyTexts(t *testing.T, store *db.Store, id int64) []string {
	t.Helper()
	ctx := context.Background()
	d, err := store.LoadDossier(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{d.Proposal.Title, d.Proposal.Ask}
	for _, tp := range d.Touchpoints {
		texts = append(texts, tp.Said, tp.Subtext)
	}
	for _, o := range d.Objections {
		texts = append(texts, o.Text, o.Response)
	}
	for _, b := range d.BlindSpots {
		texts = append(texts, b.Text)
	}
	others, err := store.ListProposals(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := ""
	for _, p := range others {
		if p.ID == id {
			continue
		}
		od, err := store.LoadDossier(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(od)
		elsewhere += string(b)
	}
	var own []string
	for _, s := range texts {
		if len(s) >= 8 && !strings.Contains(elsewhere, s) {
			own = append(own, s)
		}
	}
	if len(own) < 5 {
		t.Fatalf("only %d texts of its own: the test would prove little", len(own))
	}
	return own
}

// P on the dashboard purges the selected proposal once "purge" is typed:
// a y, a wrong word or esc keep it; afterwards none of its words are left
// in the workbook file or its -wal, the contacts stay, and u cannot bring
// it back.
func TestPurgeAProposalFromTheDashboard(t *testing.T) {
	ctx := context.Background()
	store := demoDB(t)
	d := newDriver(t, store, 120, 40)
	row, ok := d.app.dashboard.list.Selected()
	if !ok {
		t.Fatal("no proposal selected")
	}
	title := row.Cells[0]
	texts := proposalOnlyTexts(t, store, row.ID)
	if got := fileHolds(t, store.Path(), texts...); len(got) == 0 {
		t.Fatal("the proposal's words are not in the file before the purge: the test proves nothing")
	}
	contacts, err := store.ListContacts(ctx, true)
	if err != nil {
		t.Fatal(err)
	}

	d.press("P")
	d.mustSee("Purge “"+title+"” for good?", "Undo cannot bring it back.", "Type purge and press")
	d.press("y", "enter")
	d.mustSee("Kept it: the word was not typed, so nothing was changed.")
	d.press("P")
	d.typ("purg")
	d.press("esc")
	d.mustSee("Kept it: nothing was changed.")
	if _, err := store.GetProposal(ctx, row.ID); err != nil {
		t.Fatalf("the proposal went without the word: %v", err)
	}

	d.press("P")
	d.typ("purge")
	d.press("enter")
	d.mustSee("Purged “" + title + "” for good:")
	d.mustNotSee(title + " ")
	if _, err := store.GetProposal(ctx, row.ID); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("the proposal is still there: %v", err)
	}
	if got := fileHolds(t, store.Path(), texts...); len(got) > 0 {
		t.Errorf("after the purge the workbook still holds %v", got)
	}
	after, err := store.ListContacts(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(contacts) {
		t.Errorf("purging a proposal took contacts with it: %d before, %d after", len(contacts), len(after))
	}
	for range 5 {
		d.press("u")
	}
	if _, err := store.GetProposal(ctx, row.ID); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("u brought the purged proposal back: %v", err)
	}
}

// H on the dashboard asks for a day, says how much history is older than
// it, and erases it once "purge" is typed: an edited-away title is then gone
// from the file and its -wal, while the records stay as they are.
func TestPurgeHistoryFromTheDashboard(t *testing.T) {
	ctx := context.Background()
	store := demoDB(t)
	ps, err := store.ListProposals(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	p := ps[0]
	const codename = "Codename Marmoset-Quillback"
	for _, title := range []string{codename, p.Title} {
		if _, err := store.EditProposal(ctx, p.ID, func(q *model.Proposal) error { q.Title = title; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	if got := fileHolds(t, store.Path(), codename); len(got) == 0 {
		t.Fatal("the edited-away title is not in the file before the purge: the test proves nothing")
	}
	d := newDriver(t, store, 120, 40)
	d.press("H")
	d.mustSee("Erase the change history from before which day?")
	d.typ("someday")
	d.press("enter")
	d.mustSee("someday")
	d.press("H")
	d.press("esc")
	d.mustSee("Kept it: nothing was changed.")
	d.press("H")
	d.typ("2026-01-01")
	d.press("enter")
	d.mustSee("Nothing to erase: the history holds nothing from before 2026-01-01.")

	d.press("H")
	d.typ("tomorrow")
	d.press("enter")
	d.mustSee("history entries and", "undo steps from before 2026-11-22 for good?", "bring the old values back.", "Type purge and press")
	d.press("enter")
	d.mustSee("Kept it: the word was not typed, so nothing was changed.")
	if got := fileHolds(t, store.Path(), codename); len(got) == 0 {
		t.Fatal("the history went without the word")
	}
	d.press("H")
	d.typ("tomorrow")
	d.press("enter")
	d.typ("purge")
	d.press("enter")
	d.mustSee("Erased the history before 2026-11-22:")
	if got := fileHolds(t, store.Path(), codename); len(got) > 0 {
		t.Errorf("after the purge the workbook still holds %v", got)
	}
	if got, err := store.GetProposal(ctx, p.ID); err != nil || got.Title != p.Title {
		t.Errorf("the proposal after purging history: %q, %v", got.Title, err)
	}
	d.press("u")
	d.mustSee("purge")
	if got, _ := store.GetProposal(ctx, p.ID); got.Title != p.Title {
		t.Errorf("u changed the proposal after the history purge: %q", got.Title)
	}
}
