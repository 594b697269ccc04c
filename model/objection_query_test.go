package model_test

import (
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

func demoDirectory(wb model.Workbook) model.Directory {
	return model.NewDirectory(wb.Proposals, wb.Stakeholders, wb.Contacts)
}

func TestObjectionRowsOrderMostUrgentFirst(t *testing.T) {
	today := model.NewDate(2026, 11, 21)
	wb := demo.Workbook(today)
	rows := model.ObjectionRows(wb.Objections, demoDirectory(wb), model.ObjectionFilter{}, today)
	if len(rows) != len(wb.Objections) {
		t.Fatalf("unfiltered list has %d rows, want %d", len(rows), len(wb.Objections))
	}
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		if !a.Status.Live() && b.Status.Live() {
			t.Errorf("row %d: settled %q before live %q", i, a.Text, b.Text)
		}
		if a.Status.Live() == b.Status.Live() && a.Severity < b.Severity {
			t.Errorf("row %d: %s before %s", i, a.Severity, b.Severity)
		}
	}
	// The two live blockers: the one whose decision is nine days out comes before the one 68 days out.
	if rows[0].Severity != model.SeverityBlocker || rows[1].Severity != model.SeverityBlocker || !rows[0].DecisionDate.Before(rows[1].DecisionDate) {
		t.Errorf("first rows should be the blockers, nearest decision first: %+v / %+v", rows[0].Text, rows[1].Text)
	}
}

func TestObjectionRowsFilters(t *testing.T) {
	today := model.NewDate(2026, 11, 21)
	wb := demo.Workbook(today)
	dir := demoDirectory(wb)
	cases := []struct {
		name  string
		f     model.ObjectionFilter
		check func(model.ObjectionRow) bool
	}{
		{"open majors and blockers", model.ObjectionFilter{Statuses: []model.ObjectionStatus{model.ObjectionOpen, model.ObjectionAddressing}, Severities: []model.Severity{model.SeverityMajor, model.SeverityBlocker}},
			func(r model.ObjectionRow) bool { return r.Status.Live() && r.Severity >= model.SeverityMajor }},
		{"one proposal", model.ObjectionFilter{ProposalID: 2}, func(r model.ObjectionRow) bool { return r.ProposalID == 2 }},
		{"person, any case", model.ObjectionFilter{Person: "tom"}, func(r model.ObjectionRow) bool { return r.RaisedBy == "Tom Becker" || r.Voice == "Tom Becker" }},
		{"text search in response", model.ObjectionFilter{Text: "STOP-LOSS"}, func(r model.ObjectionRow) bool {
			return strings.Contains(strings.ToLower(r.Response+r.Text), "stop-loss")
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows := model.ObjectionRows(wb.Objections, dir, c.f, today)
			want := 0
			for _, o := range wb.Objections {
				row := model.ObjectionRows([]model.Objection{o}, dir, model.ObjectionFilter{}, today)[0]
				if c.check(row) {
					want++
				}
			}
			if len(rows) != want || want == 0 {
				t.Fatalf("got %d rows, want %d (and more than none)", len(rows), want)
			}
			for _, r := range rows {
				if !c.check(r) {
					t.Errorf("row %q should have been filtered out", r.Text)
				}
			}
		})
	}
}

func TestObjectionRowsHideArchivedProposals(t *testing.T) {
	today := model.NewDate(2026, 11, 21)
	wb := demo.Workbook(today)
	wb.Proposals[1].Status = model.StatusArchived
	dir := demoDirectory(wb)
	for _, r := range model.ObjectionRows(wb.Objections, dir, model.ObjectionFilter{}, today) {
		if r.ProposalID == wb.Proposals[1].ID {
			t.Fatalf("objection %q of an archived proposal is listed", r.Text)
		}
	}
	all := model.ObjectionRows(wb.Objections, dir, model.ObjectionFilter{IncludeArchived: true}, today)
	if len(all) != len(wb.Objections) {
		t.Fatalf("with archived: %d rows, want %d", len(all), len(wb.Objections))
	}
}

func TestBlindSpotRowsOpenFirst(t *testing.T) {
	today := model.NewDate(2026, 11, 21)
	wb := demo.Workbook(today)
	rows := model.BlindSpotRows(wb.BlindSpots, demoDirectory(wb), model.BlindSpotFilter{}, today)
	seenAddressed := false
	for _, r := range rows {
		if r.Status == model.BlindSpotAddressed {
			seenAddressed = true
		} else if seenAddressed {
			t.Fatalf("open blind spot %q after an addressed one", r.Text)
		}
	}
	mine := model.BlindSpotRows(wb.BlindSpots, demoDirectory(wb), model.BlindSpotFilter{Person: model.Me}, today)
	if len(mine) != 1 || mine[0].SurfacedBy != model.Me {
		t.Fatalf("blind spots surfaced by me: %+v", mine)
	}
}
