package db

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
)

// A commitment is stored with its conversation, marked done by an edit
// (with history), undone by undo, and travels through export and import.
func TestCommitmentRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	due := model.NewDate(2026, 11, 27)
	conv, err := s.RecordConversation(ctx, model.Conversation{Touchpoint: model.Touchpoint{StakeholderID: f.sDana.ID,
		Date: model.NewDate(2026, 11, 20), Kind: model.TouchAsk, FollowUp: "Send Dana the three-year model.",
		Commitment: model.CommitmentMine, CommitmentDue: due}})
	mustNoErr(t, err)
	id := conv.Touchpoint.ID
	got, err := s.GetTouchpoint(ctx, id)
	mustNoErr(t, err)
	if got.Commitment != model.CommitmentMine || got.CommitmentDue != due || got.CommitmentDone {
		t.Fatalf("stored commitment = %v %v %v", got.Commitment, got.CommitmentDue, got.CommitmentDone)
	}
	_, err = s.EditTouchpoint(ctx, id, func(tp *model.Touchpoint) error { tp.CommitmentDone = true; return nil })
	mustNoErr(t, err)
	hist, err := s.ListHistory(ctx, HistoryFilter{})
	mustNoErr(t, err)
	last := hist[len(hist)-1]
	if last.Field != "commitment_done" || last.New != "true" {
		t.Errorf("last history row = %+v, want commitment_done → true", last)
	}

	first := exportJSON(t, s)
	if !bytes.Contains(first, []byte(`"commitment": "i owe them"`)) || !bytes.Contains(first, []byte(`"commitment_due": "2026-11-27"`)) ||
		!bytes.Contains(first, []byte(`"commitment_done": true`)) || !bytes.Contains(first, []byte(fmt.Sprintf(`"version": %d`, model.WorkbookVersion))) {
		t.Fatalf("export lacks the commitment or the version:\n%s", first)
	}
	var back model.Workbook
	mustNoErr(t, json.Unmarshal(first, &back))
	dst, _ := openTest(t)
	mustNoErr(t, dst.Import(ctx, back))
	if second := exportJSON(t, dst); !bytes.Equal(first, second) {
		t.Error("export → import → export differs")
	}
	// A conversation without a commitment writes none of the new fields,
	// so older exports and newer ones read alike.
	if n := strings.Count(string(first), `"commitment"`); n != 1 {
		t.Errorf("export names a commitment %d times, want once", n)
	}

	_, err = s.Undo(ctx) // marking it done
	mustNoErr(t, err)
	got, err = s.GetTouchpoint(ctx, id)
	mustNoErr(t, err)
	if !got.IsCommitment() || got.CommitmentDone {
		t.Errorf("after undo the commitment is %v, done %v; want open", got.Commitment, got.CommitmentDone)
	}
}

// Exports of versions 1 and 2 (before commitments) still import, and a
// commitment with no words is refused with the row named.
func TestImportReadsVersionTwoAndRefusesBadCommitments(t *testing.T) {
	ctx := context.Background()
	src, _ := openTest(t)
	buildFixture(t, src)
	js := exportJSON(t, src)
	for _, v := range []int{1, 2} {
		old := strings.Replace(string(js), fmt.Sprintf(`"version": %d`, model.WorkbookVersion), fmt.Sprintf(`"version": %d`, v), 1)
		var wb model.Workbook
		mustNoErr(t, json.Unmarshal([]byte(old), &wb))
		dst, _ := openTest(t)
		mustNoErr(t, dst.Import(ctx, wb))
		if back := exportJSON(t, dst); !bytes.Equal(back, js) {
			t.Errorf("a version-%d export does not import to the same workbook", v)
		}
	}
	f := buildFixture(t, src)
	_, err := src.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sDana.ID, Date: model.NewDate(2026, 11, 20), FollowUp: "x"})
	mustNoErr(t, err)
	wb, err := src.Export(ctx)
	mustNoErr(t, err)
	wb.Touchpoints[0].FollowUp, wb.Touchpoints[0].Commitment = "", model.CommitmentTheirs
	empty, _ := openTest(t)
	if err := empty.Import(ctx, wb); err == nil || !strings.Contains(err.Error(), "touchpoints[0]") {
		t.Errorf("a commitment with no words imported: %v", err)
	}
}

// The agenda reads every open proposal in one go: on the demo it starts
// with the overdue talk with Hiroshi Tanaka.
func TestStoreAgendaOnTheDemo(t *testing.T) {
	s, clk := demoStore(t)
	ag, err := s.Agenda(context.Background(), clk.today(), 0)
	mustNoErr(t, err)
	if len(ag.Items) == 0 || ag.Items[0].Who != "Hiroshi Tanaka" {
		t.Fatalf("agenda starts %+v", ag.Items)
	}
}
