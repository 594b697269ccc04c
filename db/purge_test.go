package db

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// fileHolds reports which of the secrets the workbook file or its -wal
// holds, byte for byte, as `strings` would find them.
func fileHolds(t *testing.T, path string, secrets ...string) []string {
	t.Helper()
	var found []string
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(path + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) {
				found = append(found, s+" in "+suffix+"file")
			}
		}
	}
	return found
}

// purgeWorkbook is a workbook whose secrets sit in rows, in edits (history
// and undo snapshots) and in a draft.
func purgeWorkbook(t *testing.T) (*Store, fixture, model.Touchpoint) {
	t.Helper()
	ctx := context.Background()
	s, clk := openTest(t)
	f := buildFixture(t, s)
	talk, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sMarcus.ID, Date: clk.today(), Kind: model.TouchAsk,
		Said: "SAID-ORIGINAL-zebra", Subtext: "SUBTEXT-quokka told me off the record"})
	mustNoErr(t, err)
	talk.Said = "SAID-EDITED-narwhal"
	talk, err = s.UpdateTouchpoint(ctx, talk)
	mustNoErr(t, err)
	_, err = s.AddObjection(ctx, model.Objection{ProposalID: f.proposal.ID, RaisedByID: f.sMarcus.ID, TouchpointID: talk.ID,
		Text: "Staffing the night shift", Severity: model.SeverityMajor, Status: model.ObjectionOpen})
	mustNoErr(t, err)
	mustNoErr(t, s.SaveDraft(ctx, model.Draft{Key: "log:stakeholder:1", Title: "Conversation with Marcus",
		Data: `{"said":"SAID-EDITED-narwhal and more"}`}))
	marcus := f.marcus
	marcus.Notes = "NOTES-okapi drinks on Thursdays"
	marcus.Aliases = "Marco-pangolin"
	_, err = s.UpdateContact(ctx, marcus)
	mustNoErr(t, err)
	return s, f, talk
}

// Purging a conversation erases its text from the file and the -wal: the
// row, its history, the undo snapshots of its logging and editing, and the
// draft that quoted it; and undo refuses to bring it back, saying why.
func TestPurgeConversationLeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	s, _, talk := purgeWorkbook(t)
	secrets := []string{"SAID-ORIGINAL-zebra", "SAID-EDITED-narwhal", "SUBTEXT-quokka"}
	if got := fileHolds(t, s.Path(), secrets...); len(got) == 0 {
		t.Fatal("the secrets are not in the file before the purge: the test proves nothing")
	}
	rep, err := s.Purge(ctx, model.PurgeConversation, talk.ID, model.Date{})
	mustNoErr(t, err)
	if rep.Rows != 1 || rep.History == 0 || rep.UndoSteps == 0 || rep.Drafts != 1 {
		t.Errorf("report %+v", rep)
	}
	if got := fileHolds(t, s.Path(), secrets...); len(got) > 0 {
		t.Errorf("after the purge the workbook still holds %v", got)
	}
	if _, err := s.GetTouchpoint(ctx, talk.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the conversation is still there: %v", err)
	}
	// However far undo goes, the conversation does not come back.
	for range 6 {
		if _, err := s.Undo(ctx); err != nil {
			break
		}
	}
	if _, err := s.GetTouchpoint(ctx, talk.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("undo brought the purged conversation back: %v", err)
	}
	// History is append-only again.
	if _, err := s.w.ExecContext(ctx, "DELETE FROM history"); err == nil {
		t.Error("history can be deleted after a purge")
	}
	// The objection raised in it stays.
	objs, err := s.ListObjections(ctx, 0)
	mustNoErr(t, err)
	if len(objs) != 1 || objs[0].TouchpointID != 0 {
		t.Errorf("objections after the purge: %+v", objs)
	}
}

// Purging a contact erases the person's own text everywhere; purging a
// proposal erases its whole record.
func TestPurgeContactAndProposal(t *testing.T) {
	ctx := context.Background()
	s, f, _ := purgeWorkbook(t)
	secrets := []string{"Marcus Oyelaran", "NOTES-okapi", "Marco-pangolin", "SAID-EDITED-narwhal", "SUBTEXT-quokka"}
	rep, err := s.Purge(ctx, model.PurgeContact, f.marcus.ID, model.Date{})
	mustNoErr(t, err)
	if got := fileHolds(t, s.Path(), secrets...); len(got) > 0 {
		t.Errorf("after purging the contact the workbook still holds %v (report %+v)", got, rep)
	}
	if _, err := s.GetContact(ctx, f.marcus.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the contact is still there: %v", err)
	}
	d, err := s.LoadDossier(ctx, f.proposal.ID)
	mustNoErr(t, err)
	if len(d.Stakeholders) != 1 || d.Objections[0].RaisedByID != 0 {
		t.Errorf("after purging Marcus: %d stakeholders, objection raised by %d", len(d.Stakeholders), d.Objections[0].RaisedByID)
	}

	proposalSecrets := []string{"Consolidate the warehouses", "Approve $1.2M.", "Walk her through the cost model.", "Staffing the night shift"}
	if got := fileHolds(t, s.Path(), proposalSecrets...); len(got) == 0 {
		t.Fatal("the proposal's text is not in the file before the purge")
	}
	_, err = s.Purge(ctx, model.PurgeProposal, f.proposal.ID, model.Date{})
	mustNoErr(t, err)
	if got := fileHolds(t, s.Path(), proposalSecrets...); len(got) > 0 {
		t.Errorf("after purging the proposal the workbook still holds %v", got)
	}
	if _, err := s.GetContact(ctx, f.dana.ID); err != nil {
		t.Errorf("purging a proposal removed a contact: %v", err)
	}
}

// --history-before erases old history and undo steps, nothing else.
func TestPurgeHistoryBefore(t *testing.T) {
	ctx := context.Background()
	s, f, talk := purgeWorkbook(t)
	// A title edited away lives on in history, the undo snapshots and the
	// words of the two steps ("edited proposal Codename Marmoset").
	const codename = "Codename Marmoset-Quillback"
	for _, title := range []string{codename, f.proposal.Title} {
		_, err := s.EditProposal(ctx, f.proposal.ID, func(p *model.Proposal) error { p.Title = title; return nil })
		mustNoErr(t, err)
	}
	rep, err := s.Purge(ctx, model.PurgeHistoryBefore, 0, model.NewDate(2100, 1, 1))
	mustNoErr(t, err)
	if rep.History == 0 || rep.UndoSteps == 0 {
		t.Errorf("report %+v", rep)
	}
	hist, err := s.ListHistory(ctx, HistoryFilter{})
	mustNoErr(t, err)
	if len(hist) != 0 {
		t.Errorf("%d history rows left", len(hist))
	}
	if got := fileHolds(t, s.Path(), "SAID-ORIGINAL-zebra", codename); len(got) > 0 {
		t.Errorf("the edited-away text survives: %v", got)
	}
	if _, err := s.GetTouchpoint(ctx, talk.ID); err != nil {
		t.Errorf("purging history removed a conversation: %v", err)
	}
	if _, err := s.Undo(ctx); err == nil || !strings.Contains(err.Error(), "purge") {
		t.Errorf("undo after purging history: %v", err)
	}
	_ = f
}

// Undo says in a sentence that it cannot bring a purge back.
func TestUndoRefusesAPurge(t *testing.T) {
	ctx := context.Background()
	s, clk := openTest(t)
	f := buildFixture(t, s)
	talk, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: clk.today(), Kind: model.TouchAsk, Said: "off the record"})
	mustNoErr(t, err)
	_, err = s.Purge(ctx, model.PurgeConversation, talk.ID, model.Date{})
	mustNoErr(t, err)
	_, err = s.Undo(ctx)
	if err == nil || !strings.Contains(err.Error(), "purge erased its text for good") {
		t.Fatalf("undo after purge: %v", err)
	}
	if _, err := s.GetTouchpoint(ctx, talk.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the purged conversation came back: %v", err)
	}
}

// A purge keeps its temporary data in files, not in memory (the writer
// keeps it in memory: for a purge's statement journals and VACUUM that was
// 219 MB on the 200k workbook), and leaves the writer as it found it.
func TestPurgeVacuumsThroughAFile(t *testing.T) {
	ctx := context.Background()
	s, clk := openTest(t)
	f := buildFixture(t, s)
	tp, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: clk.today(), Said: "Erase me."})
	mustNoErr(t, err)
	const memory = 2 // PRAGMA temp_store: 0 default, 1 file, 2 memory
	if got := pragmaInt(t, s.w, "temp_store"); got != memory {
		t.Fatalf("the writer's temp_store is %d before, want %d", got, memory)
	}
	var during int64 = -1
	s.vacuumHook = func(q querier) { during = pragmaInt(t, q, "temp_store") }
	_, err = s.Purge(ctx, model.PurgeConversation, tp.ID, model.Date{})
	mustNoErr(t, err)
	if during != 1 {
		t.Errorf("VACUUM ran with temp_store %d, want 1 (a file)", during)
	}
	if got := pragmaInt(t, s.w, "temp_store"); got != memory {
		t.Errorf("the writer's temp_store is %d after a purge, want %d back", got, memory)
	}
}
