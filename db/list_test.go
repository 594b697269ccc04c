package db

import (
	"context"
	"reflect"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/readiness"
)

// Issue 13, finding 2: a list's score-only read must judge every proposal
// exactly as its whole dossier does, on a workbook where people recur across
// proposals (the ledger comes from every proposal) and on days before and
// after the conversations (the ledger's "last spoken" is counted to today).
func TestListDossiersAssessLikeLoadDossier(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	day := model.NewDate(2026, 11, 21)
	wb := demo.LargeWorkbook(day, demo.LargeOptions{Proposals: 12, Stakeholders: 9, Conversations: 40, Contacts: 20, Seed: 11})
	// A kept promise of mine counts as a give: make some. Talks today and
	// weeks ago tell "last spoken" up to today from before it.
	for i := range wb.Touchpoints {
		wb.Touchpoints[i].Date = day.AddDays(-45)
		if i%3 == 0 {
			wb.Touchpoints[i].Date = day
		}
		if i%7 == 0 {
			wb.Touchpoints[i].FollowUp = "Send the cost model."
			wb.Touchpoints[i].Commitment = model.CommitmentMine
			wb.Touchpoints[i].CommitmentDone = true
		}
	}
	mustNoErr(t, s.Import(ctx, wb))
	for _, today := range []model.Date{day, day.AddDays(-200), day.AddDays(90)} {
		list, err := s.ListDossiers(ctx, today, true)
		mustNoErr(t, err)
		all, err := s.ListProposals(ctx, true)
		mustNoErr(t, err)
		if len(list) != len(all) {
			t.Fatalf("%d dossiers for %d proposals", len(list), len(all))
		}
		for i, d := range list {
			if d.Proposal.ID != all[i].ID {
				t.Fatalf("row %d is proposal %d, ListProposals has %d there", i, d.Proposal.ID, all[i].ID)
			}
			full, err := s.LoadDossier(ctx, d.Proposal.ID)
			mustNoErr(t, err)
			if !reflect.DeepEqual(d.Contacts, full.Contacts) {
				t.Fatalf("proposal %d: the list holds %d contacts, its dossier %d, or they differ", d.Proposal.ID, len(d.Contacts), len(full.Contacts))
			}
			got, want := readiness.Assess(d, today), readiness.Assess(full, today)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("proposal %d on %s: the list judges it %d (%s), its dossier %d (%s)\nlist:  %+v\nwhole: %+v",
					d.Proposal.ID, today, got.Score, got.Verdict, want.Score, want.Verdict, got.Risks, want.Risks)
			}
		}
	}
}

// Issue 13, finding 4: the contacts list's figures come from one GROUP BY,
// and say what model.ContactHealth says from every conversation row.
func TestContactLedgersAgreeWithTheRows(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	day := model.NewDate(2026, 11, 21)
	wb := demo.LargeWorkbook(day, demo.LargeOptions{Proposals: 6, Stakeholders: 8, Conversations: 30, Contacts: 15, Seed: 4})
	for i := range wb.Touchpoints {
		if i%5 == 0 {
			wb.Touchpoints[i].Date = day
			wb.Touchpoints[i].FollowUp = "Send the memo."
			wb.Touchpoints[i].Commitment = model.CommitmentMine
			wb.Touchpoints[i].CommitmentDone = i%10 == 0
		}
	}
	mustNoErr(t, s.Import(ctx, wb))
	for _, today := range []model.Date{day, day.AddDays(-1), day.AddDays(-120)} {
		ledgers, err := s.ContactLedgers(ctx, today)
		mustNoErr(t, err)
		for _, c := range wb.Contacts {
			got, want := ledgers[c.ID].Health(c, today), model.ContactHealth(c, wb.Touchpoints, today)
			if got != want {
				t.Errorf("%s on %s: counted %+v, from the rows %+v", c.Name, today, got, want)
			}
		}
	}
}
