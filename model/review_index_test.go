package model_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// indexWorkbooks are the demo (names, responses, an archived-free small
// list) and a generated workbook with shared contacts, one proposal
// archived, and a few rows that tie on everything but their id.
func indexWorkbooks(t *testing.T, today model.Date) map[string]model.Workbook {
	t.Helper()
	big := demo.LargeWorkbook(today, demo.LargeOptions{Proposals: 8, Stakeholders: 40, Conversations: 20, Contacts: 60, Seed: 3})
	big.Proposals[1].Status = model.StatusArchived
	// Copies of a row under new ids: equal on every ordering key.
	for i := range 3 {
		o := big.Objections[0]
		o.ID = int64(100000 + i)
		o.Response = "Ask Legal ÉTÉ first"
		big.Objections = append(big.Objections, o)
		b := big.BlindSpots[0]
		b.ID = int64(100000 + i)
		b.HowAddressed = "Checked with Finance"
		big.BlindSpots = append(big.BlindSpots, b)
	}
	return map[string]model.Workbook{"demo": demo.Workbook(today), "generated": big}
}

// The words the filters are tried with: parts of names and texts in either
// case, placeholders, blanks, and text found nowhere.
var (
	indexPeople = []string{"", "me", "ME", "anticipated", "Anticipated ", "  ", "dana", "TOM", "a", "zzz", "Becker"}
	indexTexts  = []string{"", "the", "THE", "objection 1", "generated", "stop-loss", "été", "legal", "finance", "zebra", " "}
)

// pick is a random subset of all, empty half the time.
func pick[T any](rng *rand.Rand, all []T) []T {
	if rng.IntN(2) == 0 {
		return nil
	}
	var out []T
	for _, v := range all {
		if rng.IntN(2) == 0 {
			out = append(out, v)
		}
	}
	return out
}

// proposalOf is 0 (every proposal), a proposal of the workbook, or one that
// does not exist.
func proposalOf(rng *rand.Rand, wb model.Workbook) int64 {
	switch rng.IntN(3) {
	case 0:
		return 0
	case 1:
		return wb.Proposals[rng.IntN(len(wb.Proposals))].ID
	}
	return 999999
}

func TestObjectionIndexMatchesObjectionRows(t *testing.T) {
	today := model.NewDate(2026, 11, 21)
	rng := rand.New(rand.NewPCG(1, 2))
	for name, wb := range indexWorkbooks(t, today) {
		dir := model.NewDirectory(wb.Proposals, wb.Stakeholders, wb.Contacts)
		x := model.NewObjectionIndex(wb.Objections, dir, today)
		// The generator must reach the cases that matter: some filters keep
		// nothing, some keep some, some keep everything.
		var none, some, all int
		for range 3000 {
			f := model.ObjectionFilter{
				ProposalID: proposalOf(rng, wb), Statuses: pick(rng, model.ObjectionStatuses()),
				Severities:      pick(rng, []model.Severity{model.SeverityMinor, model.SeverityMajor, model.SeverityBlocker}),
				Person:          indexPeople[rng.IntN(len(indexPeople))],
				Text:            indexTexts[rng.IntN(len(indexTexts))],
				IncludeArchived: rng.IntN(2) == 0,
			}
			want := model.ObjectionRows(wb.Objections, dir, f, today)
			var got []model.ObjectionRow
			for _, i := range x.Match(f) {
				got = append(got, x.All()[i])
			}
			if !slices.EqualFunc(got, want, func(a, b model.ObjectionRow) bool { return a.ID == b.ID && a.AgeDays == b.AgeDays }) {
				t.Fatalf("%s: %+v: the index kept %v, ObjectionRows %v", name, f, objIDs(got), objIDs(want))
			}
			switch len(want) {
			case 0:
				none++
			case len(wb.Objections):
				all++
			default:
				some++
			}
		}
		if none == 0 || some < 100 || all == 0 {
			t.Fatalf("%s: the filters tried kept nothing %d times, some %d, everything %d: too weak", name, none, some, all)
		}
	}
}

func TestBlindSpotIndexMatchesBlindSpotRows(t *testing.T) {
	today := model.NewDate(2026, 11, 21)
	rng := rand.New(rand.NewPCG(3, 4))
	for name, wb := range indexWorkbooks(t, today) {
		dir := model.NewDirectory(wb.Proposals, wb.Stakeholders, wb.Contacts)
		x := model.NewBlindSpotIndex(wb.BlindSpots, dir, today)
		var none, some, all int
		for range 3000 {
			f := model.BlindSpotFilter{
				ProposalID:      proposalOf(rng, wb),
				Statuses:        pick(rng, []model.BlindSpotStatus{model.BlindSpotOpen, model.BlindSpotAddressed}),
				Person:          indexPeople[rng.IntN(len(indexPeople))],
				Text:            indexTexts[rng.IntN(len(indexTexts))],
				IncludeArchived: rng.IntN(2) == 0,
			}
			want := model.BlindSpotRows(wb.BlindSpots, dir, f, today)
			var got []model.BlindSpotRow
			for _, i := range x.Match(f) {
				got = append(got, x.All()[i])
			}
			if !slices.EqualFunc(got, want, func(a, b model.BlindSpotRow) bool { return a.ID == b.ID && a.AgeDays == b.AgeDays }) {
				t.Fatalf("%s: %+v: the index kept %d rows, BlindSpotRows %d", name, f, len(got), len(want))
			}
			switch len(want) {
			case 0:
				none++
			case len(wb.BlindSpots):
				all++
			default:
				some++
			}
		}
		if none == 0 || some < 100 || all == 0 {
			t.Fatalf("%s: the filters tried kept nothing %d times, some %d, everything %d: too weak", name, none, some, all)
		}
	}
}

func objIDs(rows []model.ObjectionRow) []int64 {
	out := make([]int64, len(rows))
	for i, r := range rows {
		out[i] = r.ID
	}
	return out
}
