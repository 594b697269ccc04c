package db

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// buildFullWorkbook uses every kind of change the API offers, so the export
// holds every entity, archived rows, a deleted contact's history and
// timestamps with nanoseconds.
func buildFullWorkbook(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	f := buildFixture(t, s)
	talk, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 19),
		Channel: model.VenueCall, Kind: model.TouchAdvice, Opener: model.OpenerAdvice, Sentiment: -1,
		Said: "Show me the three-year view.\nWith risks.", Subtext: "Not convinced yet.", FollowUp: "Memo by Friday."})
	mustNoErr(t, err)
	_, err = s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sMarcus.ID, Date: model.NewDate(2026, 11, 20), Kind: model.TouchShare, Sentiment: 2})
	mustNoErr(t, err)
	o, err := s.AddObjection(ctx, model.Objection{ProposalID: f.proposal.ID, RaisedByID: f.sDana.ID, TouchpointID: talk.ID,
		Text: "Overrun risk.", Severity: model.SeverityMajor, VoiceID: f.sMarcus.ID})
	mustNoErr(t, err)
	o.Status = model.ObjectionResolved
	o.Response = "Phased plan with exit points."
	_, err = s.UpdateObjection(ctx, o)
	mustNoErr(t, err)
	_, err = s.AddBlindSpot(ctx, model.BlindSpot{ProposalID: f.proposal.ID, SurfacedByID: f.sMarcus.ID, Text: "Staffing for the cut-over."})
	mustNoErr(t, err)
	_, err = s.AddBlindSpot(ctx, model.BlindSpot{ProposalID: f.other.ID, Text: "Precedent.", Status: model.BlindSpotAddressed, HowAddressed: "Scoped to one council."})
	mustNoErr(t, err)
	p := f.other
	p.Status = model.StatusArchived
	_, err = s.UpdateProposal(ctx, p)
	mustNoErr(t, err)
	gone, err := s.CreateContact(ctx, model.Contact{Name: "Temp Contact"})
	mustNoErr(t, err)
	_, err = s.RemoveContact(ctx, gone.ID)
	mustNoErr(t, err)
	_, err = s.RemoveContact(ctx, f.via.ID) // archived: Dana's talk goes via Sofia
	mustNoErr(t, err)
	st := f.sMarcus
	st.Plan.BeforeID = 0
	st.Acted = model.ActedSpokeFor
	_, err = s.UpdateStakeholder(ctx, st)
	mustNoErr(t, err)
	// A stakeholder whose plan refers forward to a later one, so import has
	// to cope with rows that point ahead.
	c, err := s.CreateContact(ctx, model.Contact{Name: "Late Addition", Email: "late@example.com"})
	mustNoErr(t, err)
	late, err := s.AddStakeholder(ctx, model.Stakeholder{ProposalID: f.proposal.ID, ContactID: c.ID, Role: model.RoleInfluencer, Influence: 2})
	mustNoErr(t, err)
	dana := f.sDana
	dana.Plan.BeforeID = late.ID
	_, err = s.UpdateStakeholder(ctx, dana)
	mustNoErr(t, err)
}

func TestExportImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	src, _ := openTest(t)
	buildFullWorkbook(t, src)
	first := exportJSON(t, src)

	wb, err := src.Export(ctx)
	mustNoErr(t, err)
	if wb.Format != model.WorkbookFormat || wb.Version != model.WorkbookVersion {
		t.Errorf("format %q version %d", wb.Format, wb.Version)
	}
	for name, n := range map[string]int{"proposals": len(wb.Proposals), "contacts": len(wb.Contacts),
		"stakeholders": len(wb.Stakeholders), "touchpoints": len(wb.Touchpoints), "objections": len(wb.Objections),
		"blind spots": len(wb.BlindSpots), "history": len(wb.History)} {
		if n == 0 {
			t.Errorf("the export has no %s; the round trip would prove little", name)
		}
	}

	// Through JSON, as the CLI does it.
	var back model.Workbook
	mustNoErr(t, json.Unmarshal(first, &back))
	dst, _ := openTest(t)
	mustNoErr(t, dst.Import(ctx, back))
	second := exportJSON(t, dst)
	if !bytes.Equal(first, second) {
		t.Errorf("export → import → export differs:\n%s\n----\n%s", first, second)
	}

	// The imported store carries on: new rows get fresh ids after the
	// imported ones.
	c, err := dst.CreateContact(ctx, model.Contact{Name: "After import"})
	mustNoErr(t, err)
	if c.ID <= wb.Contacts[len(wb.Contacts)-1].ID {
		t.Errorf("new contact id %d reuses an imported id", c.ID)
	}
}

func TestImportDemoWorkbook(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	demo := demo.Workbook(model.NewDate(2026, 11, 21))
	mustNoErr(t, s.Import(ctx, demo))
	got, err := s.Export(ctx)
	mustNoErr(t, err)
	want, _ := json.MarshalIndent(demo, "", "  ")
	have, _ := json.MarshalIndent(got, "", "  ")
	if !bytes.Equal(want, have) {
		t.Error("the demo workbook does not survive import → export unchanged")
	}
	empty, err := s.Empty(ctx)
	if err != nil || empty {
		t.Errorf("Empty() = %v, %v after import", empty, err)
	}
}

func TestImportRefusesNonEmptyWorkbook(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	empty, err := s.Empty(ctx)
	if err != nil || !empty {
		t.Fatalf("new workbook: Empty() = %v, %v", empty, err)
	}
	_, err = s.CreateContact(ctx, model.Contact{Name: "Already here"})
	mustNoErr(t, err)
	before := exportJSON(t, s)
	err = s.Import(ctx, demo.Workbook(model.NewDate(2026, 11, 21)))
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("Import into a used workbook = %v, want ErrConflict", err)
	}
	if !bytes.Equal(before, exportJSON(t, s)) {
		t.Error("a refused import changed the workbook")
	}
}

// A bad row is named and nothing at all is imported.
func TestImportRejectsBadRows(t *testing.T) {
	ctx := context.Background()
	today := model.NewDate(2026, 11, 21)
	cases := []struct {
		name   string
		break_ func(*model.Workbook)
		want   string
	}{
		{"format", func(wb *model.Workbook) { wb.Format = "something-else" }, `this is not a backchannel workbook export (format "something-else", expected "backchannel-workbook")`},
		{"newer version", func(wb *model.Workbook) { wb.Version = 7 }, fmt.Sprintf("this export was written by a newer version of backchannel (workbook version 7, this build reads %d); upgrade backchannel to import it", model.WorkbookVersion)},
		{"invalid row", func(wb *model.Workbook) { wb.Stakeholders[3].Influence = 7 }, "stakeholders[3]: influence must be 1 to 5, got 7"},
		{"empty title", func(wb *model.Workbook) { wb.Proposals[1].Title = "\x1b[2J" }, "proposals[1]: title must not be empty"},
		{"duplicate id", func(wb *model.Workbook) { wb.Contacts[2].ID = wb.Contacts[1].ID }, "contacts[2]: id 2 appears twice"},
		{"stakeholder's contact missing", func(wb *model.Workbook) { wb.Stakeholders[0].ContactID = 999 }, "stakeholders[0]: no contact with id 999"},
		{"via missing", func(wb *model.Workbook) { wb.Stakeholders[2].Plan.ViaID = 999 }, "stakeholders[2]: plan.via_id: no contact with id 999"},
		{"before on another proposal", func(wb *model.Workbook) {
			wb.Stakeholders[0].Plan.BeforeID = wb.Stakeholders[len(wb.Stakeholders)-1].ID
		}, "stakeholders[0]: plan.before_id: stakeholder"},
		{"touchpoint's stakeholder missing", func(wb *model.Workbook) { wb.Touchpoints[4].StakeholderID = 999 }, "touchpoints[4]: no stakeholder with id 999"},
		{"touchpoint's contact mismatch", func(wb *model.Workbook) { wb.Touchpoints[0].ContactID++ }, "touchpoints[0]: proposal"},
		{"objection voice missing", func(wb *model.Workbook) { wb.Objections[1].VoiceID = 999 }, "objections[1]: voice_id: no stakeholder with id 999"},
		{"objection touchpoint missing", func(wb *model.Workbook) { wb.Objections[0].TouchpointID = 999 }, "objections[0]: touchpoint_id: no conversation with id 999"},
		{"blind spot proposal missing", func(wb *model.Workbook) { wb.BlindSpots[0].ProposalID = 999 }, "blind_spots[0]: no proposal with id 999"},
		{"history proposal missing", func(wb *model.Workbook) { wb.History[5].ProposalID = 999 }, "history[5]: no proposal with id 999"},
		{"history unknown action", func(wb *model.Workbook) { wb.History[0].Action = "explode" }, `history[0]: unknown action "explode"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wb := demo.Workbook(today)
			c.break_(&wb)
			s, _ := openTest(t)
			err := s.Import(ctx, wb)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Fatalf("got  %v\nwant %q", err, c.want)
			}
			empty, err := s.Empty(ctx)
			if err != nil || !empty {
				t.Error("something was imported")
			}
			if n := count(t, s, "SELECT (SELECT count(*) FROM history) + (SELECT count(*) FROM stakeholders)"); n != 0 {
				t.Errorf("%d rows were imported", n)
			}
		})
	}
}

// When the database itself rejects a row (here a CHECK that validation does
// not duplicate), the transaction still rolls back whole.
func TestImportRollsBackOnDatabaseError(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	_, err := s.w.ExecContext(ctx, `CREATE TEMP TRIGGER refuse_touchpoint BEFORE INSERT ON main.touchpoints
		WHEN NEW.id = 3 BEGIN SELECT RAISE(ABORT, 'refused by test'); END`)
	mustNoErr(t, err)
	err = s.Import(ctx, demo.Workbook(model.NewDate(2026, 11, 21)))
	if err == nil || !strings.Contains(err.Error(), "touchpoints[2]:") {
		t.Fatalf("got %v, want the failing row named", err)
	}
	// A constraint SQLite enforces is a clash with what is stored, said in
	// one sentence without SQLite's numeric code.
	if !errors.Is(err, ErrConflict) || strings.Contains(err.Error(), "(1811)") || strings.Contains(err.Error(), "(19)") {
		t.Errorf("a failed constraint = %q, want ErrConflict without a code", err)
	}
	if n := count(t, s, "SELECT (SELECT count(*) FROM proposals) + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM touchpoints)"); n != 0 {
		t.Errorf("%d rows survived a failed import", n)
	}
}

func TestImportDoesNotChangeCallersWorkbook(t *testing.T) {
	s, _ := openTest(t)
	wb := demo.Workbook(model.NewDate(2026, 11, 21))
	wb.Contacts[0].Name = "  Spaced   Out  "
	mustNoErr(t, s.Import(context.Background(), wb))
	if wb.Contacts[0].Name != "  Spaced   Out  " {
		t.Error("Import changed the caller's slice")
	}
	// Issue 11, finding 8: imported text is stored exactly as given (it is
	// cleaned where it is shown), so export → import → export is exact.
	c, _ := s.GetContact(context.Background(), wb.Contacts[0].ID)
	if c.Name != "  Spaced   Out  " {
		t.Errorf("imported name %q was changed", c.Name)
	}
}
