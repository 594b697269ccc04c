// Long by design: the undo engine's tests, one invariant each, beside changes.go.

package db

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// recordJSON is the export without history: the facts undo must restore.
func recordJSON(t testing.TB, s *Store) []byte {
	t.Helper()
	wb, err := s.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	wb.History = nil
	b, err := json.MarshalIndent(wb, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// demoStore is a store holding the demo workbook.
func demoStore(t testing.TB) (*Store, *testClock) {
	t.Helper()
	s, clk := openTest(t)
	mustNoErr(t, s.Import(context.Background(), demo.Workbook(clk.today())))
	return s, clk
}

// randomAction applies one random user action and reports whether it
// changed the workbook (some, like deleting a referred-to contact, are
// refused, and that is part of what is tested).
func randomAction(t *testing.T, s *Store, rng *rand.Rand) (string, bool) {
	t.Helper()
	ctx := context.Background()
	wb, err := s.Export(ctx)
	mustNoErr(t, err)
	pick := func(n int) int { return rng.IntN(max(n, 1)) }
	var name string
	switch rng.IntN(14) {
	case 0:
		if len(wb.Touchpoints) == 0 {
			return "", false
		}
		tp := wb.Touchpoints[pick(len(wb.Touchpoints))]
		name = "edit conversation"
		_, err = s.EditTouchpoint(ctx, tp.ID, func(t *model.Touchpoint) error {
			t.Sentiment = rng.IntN(5) - 2
			t.Said += " (corrected)"
			return nil
		})
	case 1:
		if len(wb.Touchpoints) == 0 {
			return "", false
		}
		name = "delete conversation"
		err = s.DeleteTouchpoint(ctx, wb.Touchpoints[pick(len(wb.Touchpoints))].ID)
	case 2:
		if len(wb.Stakeholders) == 0 {
			return "", false
		}
		name = "edit person"
		_, err = s.EditStakeholder(ctx, wb.Stakeholders[pick(len(wb.Stakeholders))].ID, func(st *model.Stakeholder) error {
			st.Stance = model.Stances()[pick(len(model.Stances()))]
			st.Influence = 1 + rng.IntN(5)
			st.Plan.Message = "Revised message"
			return nil
		})
	case 3:
		if len(wb.Stakeholders) == 0 {
			return "", false
		}
		name = "remove person"
		err = s.RemoveStakeholder(ctx, wb.Stakeholders[pick(len(wb.Stakeholders))].ID)
	case 4:
		if len(wb.Objections) == 0 {
			return "", false
		}
		name = "edit objection"
		_, err = s.EditObjection(ctx, wb.Objections[pick(len(wb.Objections))].ID, func(o *model.Objection) error {
			o.Text = "Reworded: " + o.Text
			o.Severity = model.SeverityBlocker
			o.Status = model.ObjectionResolved
			return nil
		})
	case 5:
		if len(wb.Objections) == 0 {
			return "", false
		}
		name = "delete objection"
		err = s.DeleteObjection(ctx, wb.Objections[pick(len(wb.Objections))].ID)
	case 6:
		if len(wb.BlindSpots) == 0 {
			return "", false
		}
		name = "edit blind spot"
		_, err = s.EditBlindSpot(ctx, wb.BlindSpots[pick(len(wb.BlindSpots))].ID, func(b *model.BlindSpot) error {
			b.Text += " — checked"
			return nil
		})
	case 7:
		if len(wb.BlindSpots) == 0 {
			return "", false
		}
		name = "delete blind spot"
		err = s.DeleteBlindSpot(ctx, wb.BlindSpots[pick(len(wb.BlindSpots))].ID)
	case 8:
		name = "edit proposal"
		_, err = s.EditProposal(ctx, wb.Proposals[pick(len(wb.Proposals))].ID, func(p *model.Proposal) error {
			p.Forum = "Moved forum"
			p.DecisionDate = p.DecisionDate.AddDays(7)
			if rng.IntN(3) == 0 {
				p.Status = model.StatusArchived
			}
			return nil
		})
	case 9:
		name = "edit contact"
		_, err = s.EditContact(ctx, wb.Contacts[pick(len(wb.Contacts))].ID, func(c *model.Contact) error {
			c.Title = "Renamed title"
			c.Archived = !c.Archived
			return nil
		})
	case 10:
		if len(wb.Contacts) < 2 {
			return "", false
		}
		a, b := wb.Contacts[pick(len(wb.Contacts))], wb.Contacts[pick(len(wb.Contacts))]
		name = "merge contacts"
		_, err = s.MergeContacts(ctx, a.ID, b.ID)
	case 11:
		name = "delete contact"
		err = s.DeleteContact(ctx, wb.Contacts[pick(len(wb.Contacts))].ID)
	case 12:
		name = "add person"
		_, err = s.AddPerson(ctx, model.Contact{Name: fmt.Sprintf("New Person %d", rng.IntN(1000))},
			model.Stakeholder{ProposalID: wb.Proposals[pick(len(wb.Proposals))].ID, Role: model.RoleInRoom, Influence: 3})
	case 13:
		if len(wb.Stakeholders) == 0 {
			return "", false
		}
		st := wb.Stakeholders[pick(len(wb.Stakeholders))]
		stance := model.StanceOpponent
		name = "record conversation"
		_, err = s.RecordConversation(ctx, model.Conversation{
			Touchpoint: model.Touchpoint{StakeholderID: st.ID, Date: model.NewDate(2026, 11, 20), Sentiment: -1, Said: "Not this year."},
			Objections: []model.Objection{{Text: "Too expensive", Severity: model.SeverityMajor}},
			BlindSpots: []model.BlindSpot{{Text: "Union consultation"}},
			Stance:     &stance,
		})
	}
	if err != nil {
		if errors.Is(err, ErrConflict) || strings.Contains(err.Error(), "itself") || strings.Contains(err.Error(), "already") {
			return name, false
		}
		t.Fatalf("%s: %v", name, err)
	}
	return name, true
}

// From the demo workbook, a random sequence of 1–30 actions of every kind,
// all undone, leaves the record byte for byte as it was; all redone, as it
// was after the actions.
func TestUndoRedoRestoresEveryAction(t *testing.T) {
	ctx := context.Background()
	seen := map[string]bool{}
	for seed := range uint64(40) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			s, _ := demoStore(t)
			rng := rand.New(rand.NewPCG(seed, 7))
			start := recordJSON(t, s)
			var done []string
			for range 1 + rng.IntN(30) {
				if name, ok := randomAction(t, s, rng); ok {
					done = append(done, name)
					seen[name] = true
				}
			}
			after := recordJSON(t, s)
			for i := len(done) - 1; i >= 0; i-- {
				if _, err := s.Undo(ctx); err != nil {
					t.Fatalf("undo of %q (step %d of %v): %v", done[i], i, done, err)
				}
			}
			if got := recordJSON(t, s); !bytes.Equal(got, start) {
				t.Fatalf("after undoing %v the record differs from the start:\n%s", done, firstDiff(start, got))
			}
			for i := range done {
				if _, err := s.Redo(ctx); err != nil {
					t.Fatalf("redo of %q: %v", done[i], err)
				}
			}
			if got := recordJSON(t, s); !bytes.Equal(got, after) {
				t.Fatalf("after redoing %v the record differs:\n%s", done, firstDiff(after, got))
			}
			if _, err := s.Redo(ctx); !errors.Is(err, ErrNothingToRedo) {
				t.Errorf("a redo past the last = %v, want ErrNothingToRedo", err)
			}
		})
	}
	// The generator is only as strong as what it reaches: every kind of
	// action must have been applied somewhere.
	if len(seen) != 14 {
		t.Errorf("the sequences applied %d kinds of action, want all 14: %v", len(seen), seen)
	}
}

// firstDiff shows where two exports part.
func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n want %s\n  got %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(al), len(bl))
}

// Undo says what it undid in words, and a new action ends redo.
func TestUndoWordsAndRedoStack(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	tp, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 25), Sentiment: 2})
	mustNoErr(t, err)
	mustNoErr(t, s.DeleteTouchpoint(ctx, tp.ID))
	ch, err := s.Undo(ctx)
	mustNoErr(t, err)
	if got, want := ch.Sentence(), "Undid: deleted the conversation with Dana Reyes on Wed 25 Nov"; got != want {
		t.Errorf("undo says %q, want %q", got, want)
	}
	if _, err := s.GetTouchpoint(ctx, tp.ID); err != nil {
		t.Errorf("the conversation is not back with its id: %v", err)
	}
	ch, err = s.Redo(ctx)
	mustNoErr(t, err)
	if got := ch.Sentence(); got != "Redid: deleted the conversation with Dana Reyes on Wed 25 Nov" {
		t.Errorf("redo says %q", got)
	}
	_, err = s.Undo(ctx)
	mustNoErr(t, err)
	_, err = s.CreateContact(ctx, model.Contact{Name: "Ada"})
	mustNoErr(t, err)
	if _, err := s.Redo(ctx); !errors.Is(err, ErrNothingToRedo) {
		t.Errorf("redo after a new action = %v, want ErrNothingToRedo", err)
	}
	// Undo works across processes: a second store on the same file undoes
	// the first one's last action.
	s2, err := Open(ctx, s.Path())
	mustNoErr(t, err)
	defer s2.Close()
	ch, err = s2.Undo(ctx)
	mustNoErr(t, err)
	if ch.Summary != "added contact Ada" {
		t.Errorf("the other process undid %q", ch.Summary)
	}
	list, err := s.ListChanges(ctx, ChangeFilter{ProposalID: f.proposal.ID})
	mustNoErr(t, err)
	if len(list) == 0 || list[0].Kind != model.ChangeUndo {
		t.Errorf("history of the proposal = %+v", list)
	}
}

// An action whose rows were changed since, outside the record, is refused
// rather than clobbered, and nothing is undone.
func TestUndoRefusesWhatChangedSince(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	_, err := s.EditStakeholder(ctx, f.sDana.ID, func(st *model.Stakeholder) error { st.Stance = model.StanceOpponent; return nil })
	mustNoErr(t, err)
	// Another program (or a hand edit) changes the row without a change step.
	_, err = s.w.ExecContext(ctx, "UPDATE stakeholders SET wants = 'changed by hand' WHERE id = ?", f.sDana.ID)
	mustNoErr(t, err)
	before := recordJSON(t, s)
	_, err = s.Undo(ctx)
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "changed since") {
		t.Fatalf("undo = %v, want a conflict saying it changed since", err)
	}
	if !bytes.Equal(before, recordJSON(t, s)) {
		t.Error("a refused undo changed the record")
	}
}

// Every multi-row action is all or nothing: when its last write fails,
// nothing of it is stored, and a retry stores it exactly once.
func TestMultiRowActionsAreAtomic(t *testing.T) {
	ctx := context.Background()
	type action struct {
		name  string
		table string // the table whose insert or update is made to fail
		run   func(s *Store, f fixture) error
	}
	stance := model.StanceSupporter
	actions := []action{
		{"add person", "stakeholders", func(s *Store, f fixture) error {
			_, err := s.AddPerson(ctx, model.Contact{Name: "Helen Park"}, model.Stakeholder{ProposalID: f.proposal.ID, Role: model.RoleInRoom, Influence: 2})
			return err
		}},
		{"record conversation", "blind_spots", func(s *Store, f fixture) error {
			_, err := s.RecordConversation(ctx, model.Conversation{
				Touchpoint: model.Touchpoint{StakeholderID: f.sMarcus.ID, Date: model.NewDate(2026, 11, 20)},
				Objections: []model.Objection{{Text: "Cost", Severity: model.SeverityMinor}},
				BlindSpots: []model.BlindSpot{{Text: "Legal review"}}, Stance: &stance})
			return err
		}},
		{"remove person", "stakeholders", func(s *Store, f fixture) error { return s.RemoveStakeholder(ctx, f.sDana.ID) }},
		{"merge contacts", "contacts", func(s *Store, f fixture) error { _, err := s.MergeContacts(ctx, f.dana.ID, f.via.ID); return err }},
	}
	for _, a := range actions {
		t.Run(a.name, func(t *testing.T) {
			s, _ := openTest(t)
			f := buildFixture(t, s)
			_, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 19)})
			mustNoErr(t, err)
			before := recordJSON(t, s)
			// The fault: a trigger that fails the action's last kind of write.
			for _, ev := range []string{"INSERT", "DELETE"} {
				_, err = s.w.ExecContext(ctx, fmt.Sprintf(`CREATE TEMP TRIGGER fault_%s AFTER %s ON main.%s
					BEGIN SELECT RAISE(ABORT, 'injected fault'); END`, strings.ToLower(ev), ev, a.table))
				mustNoErr(t, err)
			}
			if a.table == "contacts" {
				_, err = s.w.ExecContext(ctx, "DROP TRIGGER fault_insert")
				mustNoErr(t, err)
			}
			if err := a.run(s, f); err == nil || !strings.Contains(err.Error(), "injected fault") {
				t.Fatalf("the action did not meet the fault: %v", err)
			}
			if !bytes.Equal(before, recordJSON(t, s)) {
				t.Fatal("a failed action left part of itself behind")
			}
			for _, tr := range []string{"fault_insert", "fault_delete"} {
				_, _ = s.w.ExecContext(ctx, "DROP TRIGGER IF EXISTS "+tr)
			}
			mustNoErr(t, a.run(s, f))
			var steps int
			mustNoErr(t, s.w.QueryRowContext(ctx, "SELECT count(*) FROM changes WHERE kind = 'do' AND id > (SELECT max(id) - 1 FROM changes)").Scan(&steps))
			if steps != 1 {
				t.Errorf("the retry made %d undo steps, want 1", steps)
			}
			if _, err := s.Undo(ctx); err != nil {
				t.Fatalf("undo of the retried action: %v", err)
			}
			if !bytes.Equal(before, recordJSON(t, s)) {
				t.Error("one undo did not take back the whole action")
			}
		})
	}
}

// A workbook of schema 1 (made by the build before undo existed: the demo,
// written by that build's `demo` command) migrates: its history is kept
// whole, and the first action after the upgrade can be undone.
func TestMigrateFromSchemaOne(t *testing.T) {
	ctx := context.Background()
	src, err := os.ReadFile(filepath.Join("testdata", "schema1-demo.db"))
	mustNoErr(t, err)
	path := filepath.Join(t.TempDir(), "workbook.db")
	mustNoErr(t, os.WriteFile(path, src, 0o600))
	s, err := Open(ctx, path)
	mustNoErr(t, err)
	defer s.Close()
	hist, err := s.ListHistory(ctx, HistoryFilter{})
	mustNoErr(t, err)
	var v1 int
	mustNoErr(t, s.w.QueryRowContext(ctx, "SELECT count(*) FROM history WHERE change_id IS NULL").Scan(&v1))
	if len(hist) == 0 || len(hist) != v1 {
		t.Errorf("history after the upgrade has %d rows, %d of them from schema 1; want all kept", len(hist), v1)
	}
	ps, err := s.ListProposals(ctx, true)
	mustNoErr(t, err)
	if len(ps) != 3 {
		t.Fatalf("proposals after the upgrade = %d, want the demo's 3", len(ps))
	}
	before := recordJSON(t, s)
	_, err = s.EditProposal(ctx, ps[0].ID, func(p *model.Proposal) error { p.Forum = "Another forum"; return nil })
	mustNoErr(t, err)
	ch, err := s.Undo(ctx)
	mustNoErr(t, err)
	if !strings.HasPrefix(ch.Summary, "edited proposal ") {
		t.Errorf("undo words = %q", ch.Summary)
	}
	if !bytes.Equal(before, recordJSON(t, s)) {
		t.Error("undo after the upgrade did not restore the proposal")
	}
	// Undo is history too: the forum went and came back.
	h, err := s.ListHistory(ctx, HistoryFilter{ProposalID: ps[0].ID, Limit: 1})
	mustNoErr(t, err)
	if len(h) != 1 || h[0].Field != "forum" || h[0].New != ps[0].Forum {
		t.Errorf("the undo's history = %+v", h)
	}
}

// A draft is kept, offered back and dropped, and is never an undo step.
func TestDraftsAreNotActions(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	mustNoErr(t, s.SaveDraft(ctx, model.Draft{Key: "log:stakeholder:1", Title: "Conversation with Dana", Data: `{"said":"half"}`}))
	mustNoErr(t, s.SaveDraft(ctx, model.Draft{Key: "log:stakeholder:1", Title: "Conversation with Dana", Data: `{"said":"half a sentence"}`}))
	d, ok, err := s.GetDraft(ctx, "log:stakeholder:1")
	mustNoErr(t, err)
	if !ok || d.Data != `{"said":"half a sentence"}` {
		t.Errorf("draft = %+v, %v", d, ok)
	}
	if _, err := s.Undo(ctx); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo after saving drafts = %v, want nothing to undo", err)
	}
	mustNoErr(t, s.DeleteDraft(ctx, "log:stakeholder:1"))
	if _, ok, _ := s.GetDraft(ctx, "log:stakeholder:1"); ok {
		t.Error("the discarded draft is still there")
	}
}

// Loading a whole workbook is one step; its rows refer forward to each
// other ("talk to X before Y"), and undo still takes all of it back.
func TestUndoALoadedWorkbook(t *testing.T) {
	ctx := context.Background()
	s, _ := demoStore(t)
	loaded := recordJSON(t, s)
	ch, err := s.Undo(ctx)
	mustNoErr(t, err)
	if !strings.HasPrefix(ch.Summary, "loaded a workbook of 3 proposals") {
		t.Errorf("undo words = %q", ch.Summary)
	}
	if empty, err := s.Empty(ctx); err != nil || !empty {
		t.Errorf("after undoing the load the workbook is not empty (%v)", err)
	}
	_, err = s.Redo(ctx)
	mustNoErr(t, err)
	if !bytes.Equal(loaded, recordJSON(t, s)) {
		t.Error("redo of the load differs from the load")
	}
}

// A merge loses nothing of the duplicate: its different email and name
// become aliases of the contact kept.
func TestMergeKeepsTheDuplicatesWaysOfWriting(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	keep, err := s.CreateContact(ctx, model.Contact{Name: "Helen Park", Email: "helen@corp.example", Title: "Counsel"})
	mustNoErr(t, err)
	dup, err := s.CreateContact(ctx, model.Contact{Name: "Helen M. Park", Email: "h.park@home.example", Aliases: "HP"})
	mustNoErr(t, err)
	got, err := s.MergeContacts(ctx, keep.ID, dup.ID)
	mustNoErr(t, err)
	if got.Email != "helen@corp.example" || got.Title != "Counsel" {
		t.Errorf("the kept contact's own fields changed: %+v", got)
	}
	if got.Aliases != "Helen M. Park, h.park@home.example, HP" {
		t.Errorf("aliases after the merge = %q", got.Aliases)
	}
}

// Renaming a person and changing their role from the whom form is one
// action: one undo takes back both.
func TestEditPersonIsOneStep(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	before := recordJSON(t, s)
	c, st, err := s.EditPerson(ctx, f.sDana.ID,
		func(c *model.Contact) error { c.Name = "Dana Reyes-Ortiz"; return nil },
		func(st *model.Stakeholder) error { st.Role = model.RoleInfluencer; return nil })
	mustNoErr(t, err)
	if c.Name != "Dana Reyes-Ortiz" || st.Role != model.RoleInfluencer {
		t.Fatalf("after the edit: %q, %v", c.Name, st.Role)
	}
	ch, err := s.Undo(ctx)
	mustNoErr(t, err)
	if ch.Summary != "edited Dana Reyes-Ortiz on Consolidate the warehouses" {
		t.Errorf("undo words = %q", ch.Summary)
	}
	if !bytes.Equal(before, recordJSON(t, s)) {
		t.Error("one undo did not take back both the contact and the stakeholder")
	}
}
