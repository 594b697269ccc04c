package db

import (
	"cmp"
	"context"
	"database/sql/driver"
	"reflect"
	"slices"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/readiness"
)

// A list that only scores reads of each proposal exactly what
// readiness.ScoreInputs keeps of its whole dossier: the people, the day
// each was last spoken to, the objections and the blind spots; whether the
// proposals are named or all are read.
func TestScoreReadsAreTheScoreInputs(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	day := model.NewDate(2026, 11, 21)
	wb := demo.LargeWorkbook(day, demo.LargeOptions{Proposals: 8, Stakeholders: 7, Conversations: 60, Contacts: 15, Seed: 5})
	for i := range wb.Touchpoints {
		// Few days, so that a person's latest day holds several talks.
		wb.Touchpoints[i].Date = day.AddDays(-(i % 3))
	}
	mustNoErr(t, s.Import(ctx, wb))
	ps, err := s.ListProposals(ctx, true)
	mustNoErr(t, err)
	var ids []int64
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	var some, every scoreInputs
	mustNoErr(t, s.readDriver(ctx, func(q driver.QueryerContext) (err error) {
		if some, err = readScoreInputs(ctx, q, ids[1:len(ids)-1], false); err == nil {
			every, err = readScoreInputs(ctx, q, nil, true)
		}
		return err
	}))
	for k, p := range ps {
		full, err := s.LoadDossier(ctx, p.ID)
		mustNoErr(t, err)
		want := readiness.ScoreInputs(full)
		got := every.dossier(p)
		if named := some.dossier(p); k == 0 || k == len(ps)-1 {
			if named.Stakeholders != nil || named.Touchpoints != nil || named.Objections != nil || named.BlindSpots != nil {
				t.Errorf("proposal %d was not asked for and was read", p.ID)
			}
		} else if !reflect.DeepEqual(named, got) {
			t.Errorf("proposal %d: read by name %+v, with all %+v", p.ID, named, got)
		}
		slices.SortFunc(want.Stakeholders, func(a, b model.Stakeholder) int { return cmp.Compare(a.ID, b.ID) })
		if len(want.Touchpoints) == 0 || len(want.Touchpoints) == len(full.Touchpoints) {
			t.Fatalf("proposal %d: %d of %d conversations are a score's inputs: the workbook cannot tell", p.ID, len(want.Touchpoints), len(full.Touchpoints))
		}
		if len(got.Touchpoints) != len(want.Touchpoints) {
			t.Fatalf("proposal %d: %d conversations read, want %d", p.ID, len(got.Touchpoints), len(want.Touchpoints))
		}
		if !reflect.DeepEqual(got.Touchpoints, want.Touchpoints) {
			t.Errorf("proposal %d: the last days read are %+v, want %+v", p.ID, got.Touchpoints, want.Touchpoints)
		}
		for what, same := range map[string]bool{
			"people":      reflect.DeepEqual(got.Stakeholders, want.Stakeholders),
			"objections":  reflect.DeepEqual(nilIfEmpty(got.Objections), nilIfEmpty(want.Objections)),
			"blind spots": reflect.DeepEqual(nilIfEmpty(got.BlindSpots), nilIfEmpty(want.BlindSpots)),
			"proposal":    got.Proposal == want.Proposal,
		} {
			if !same {
				t.Errorf("proposal %d: the %s read differ from its dossier's", p.ID, what)
			}
		}
		for _, today := range []model.Date{day, day.AddDays(1), day.AddDays(-100)} {
			gs, gv := readiness.Score(got, today)
			if r := readiness.Assess(full, today); gs != r.Score || gv != r.Verdict {
				t.Errorf("proposal %d on %s: scored %d %s from the reads, %d %s from the dossier", p.ID, today, gs, gv, r.Score, r.Verdict)
			}
		}
	}
}
