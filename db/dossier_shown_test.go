package db

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// Issue 13: LoadDossierShowing is LoadDossier with the free text and the
// creation time of the conversations shown does not name left out, on
// either list (the proposal's log, and every conversation with its people,
// other proposals' included), and nothing else different; shown is asked
// with the dossier as read (in the same transaction).
func TestLoadDossierShowingLeavesOutOnlyUnshownText(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	wb := demo.LargeWorkbook(model.NewDate(2026, 11, 21), demo.LargeOptions{Proposals: 3, Stakeholders: 12,
		Conversations: 150, Contacts: 20, Seed: 7})
	mustNoErr(t, s.Import(ctx, wb))
	for _, p := range wb.Proposals {
		full, err := s.LoadDossier(ctx, p.ID)
		mustNoErr(t, err)
		// a few of this proposal's conversations, and one of another's that
		// its people had (it is in ContactTouchpoints only)
		var shown []int64
		for k, tp := range full.Touchpoints {
			if k%40 == 3 {
				shown = append(shown, tp.ID)
			}
		}
		for _, tp := range full.ContactTouchpoints {
			if tp.ProposalID != p.ID {
				shown = append(shown, tp.ID)
				break
			}
		}
		var asked model.Dossier
		lean, err := s.LoadDossierShowing(ctx, p.ID, func(d model.Dossier) []int64 { asked = d; return shown })
		mustNoErr(t, err)
		if len(asked.Touchpoints) != len(full.Touchpoints) || len(asked.History) != len(full.History) {
			t.Fatalf("proposal %d: shown was asked before the dossier was read", p.ID)
		}
		want := full
		want.Touchpoints, want.ContactTouchpoints = withTextOf(full.Touchpoints, shown), withTextOf(full.ContactTouchpoints, shown)
		if !reflect.DeepEqual(lean, want) {
			t.Errorf("proposal %d: the dossier differs from LoadDossier's beyond the text not shown", p.ID)
		}
		texts := 0
		for _, tp := range lean.ContactTouchpoints {
			if tp.Said != "" && !tp.CreatedAt.IsZero() {
				texts++
			}
		}
		if texts != len(shown) || len(shown) < 4 {
			t.Errorf("proposal %d: %d conversations have their text, want the %d shown", p.ID, texts, len(shown))
		}
	}
}

// withTextOf is ts with the said, subtext, follow-up and creation time of
// every conversation not in ids left out.
func withTextOf(ts []model.Touchpoint, ids []int64) []model.Touchpoint {
	out := slices.Clone(ts)
	for k := range out {
		if !slices.Contains(ids, out[k].ID) {
			out[k].Said, out[k].Subtext, out[k].FollowUp, out[k].CreatedAt = "", "", "", time.Time{}
		}
	}
	return out
}
