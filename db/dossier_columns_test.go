package db

import (
	"context"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// Issue 13: LoadDossier and LoadDossierShowing read conversations their own
// way (the direct read, the proposal not read again); what
// they give is what the table's plain read gives, column by column, for
// every word of every enum and many combinations of them.
func TestDossierConversationsAreTheTablesRows(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	wb := demo.LargeWorkbook(model.NewDate(2026, 11, 21), demo.LargeOptions{Proposals: 2, Stakeholders: 10,
		Conversations: 700, Contacts: 12, Seed: 3})
	mustNoErr(t, s.Import(ctx, wb))
	// Every channel, kind, opener and commitment word, in 600 combinations.
	combos := 0
	for ch := range 10 {
		for k := range 5 {
			for op := range 4 {
				for cm := range 3 {
					combos++
					_, err := s.w.ExecContext(ctx, `UPDATE touchpoints SET channel = ?, kind = ?, opener = ?, commitment = ?,
						commitment_due = CASE WHEN ?4 = 'none' THEN '' ELSE '2026-12-01' END WHERE id = ?`,
						word(model.Venue(ch)), word(model.TouchKind(k)), word(model.Opener(op)), word(model.Commitment(cm)), combos*2)
					mustNoErr(t, err)
				}
			}
		}
	}
	for _, p := range wb.Proposals {
		want, err := touchpointTable.query(ctx, s.r, "WHERE proposal_id = ? ORDER BY id", p.ID)
		mustNoErr(t, err)
		full, err := s.LoadDossier(ctx, p.ID)
		mustNoErr(t, err)
		if !equalJSON(t, full.Touchpoints, want) {
			t.Errorf("proposal %d: LoadDossier's conversations differ from the table's rows", p.ID)
		}
		facts, err := s.LoadDossierShowing(ctx, p.ID, func(model.Dossier) []int64 { return nil })
		mustNoErr(t, err)
		for k := range want {
			want[k].Said, want[k].Subtext, want[k].FollowUp, want[k].CreatedAt = "", "", "", facts.Touchpoints[k].CreatedAt
		}
		if !equalJSON(t, facts.Touchpoints, want) {
			t.Errorf("proposal %d: LoadDossierShowing's conversations differ from the table's rows", p.ID)
		}
		others := 0
		for _, tp := range full.ContactTouchpoints {
			if tp.ProposalID != p.ID {
				others++
				got, err := touchpointTable.get(ctx, s.r, tp.ID)
				mustNoErr(t, err)
				if !equalJSON(t, tp, got) {
					t.Errorf("conversation %d of proposal %d differs from its row", tp.ID, tp.ProposalID)
				}
			}
		}
		if others == 0 {
			t.Errorf("proposal %d: no conversation of another proposal with its people: the workbook should share people", p.ID)
		}
	}
}

// A word no enum has, or a day that is not one (a workbook edited by hand),
// is an error that names the column and the value, as reading that column
// alone would.
func TestDossierNamesABadWord(t *testing.T) {
	ctx := context.Background()
	wb := demo.Workbook(model.NewDate(2026, 11, 21))
	p := wb.Proposals[0].ID
	for _, c := range []struct{ col, word string }{{"channel", "pigeon"}, {"kind", "gossip"}, {"opener", "flattery"}, {"commitment", "maybe"},
		{"date", "soon"}, {"date", "2026-13-01"}} {
		s, _ := openTest(t)
		mustNoErr(t, s.Import(ctx, wb))
		_, err := s.w.ExecContext(ctx, "UPDATE touchpoints SET "+c.col+" = ? WHERE id = (SELECT min(id) FROM touchpoints WHERE proposal_id = ?)", c.word, p)
		mustNoErr(t, err)
		for _, load := range []func() (model.Dossier, error){
			func() (model.Dossier, error) { return s.LoadDossier(ctx, p) },
			func() (model.Dossier, error) {
				return s.LoadDossierShowing(ctx, p, func(model.Dossier) []int64 { return nil })
			},
		} {
			want := c.col + ": unknown"
			if c.col == "date" {
				want = "date: date " // the date column's own sentence: date "soon" is not YYYY-MM-DD
			}
			if _, err := load(); err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), `"`+c.word+`"`) {
				t.Errorf("a %s of %q: error %v", c.col, c.word, err)
			}
		}
	}
}
