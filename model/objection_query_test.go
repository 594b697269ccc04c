package model

import (
	"testing"
)

func demoDirectory(wb Workbook) Directory {
	return NewDirectory(wb.Proposals, wb.Stakeholders, wb.Contacts)
}

func TestObjectionRowsOrderMostUrgentFirst(t *testing.T) {
	today := NewDate(2026, 11, 21)
	wb := DemoWorkbook(today)
	rows := ObjectionRows(wb.Objections, demoDirectory(wb), ObjectionFilter{}, today)
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
	if rows[0].Severity != SeverityBlocker || rows[1].Severity != SeverityBlocker || !rows[0].DecisionDate.Before(rows[1].DecisionDate) {
		t.Errorf("first rows should be the blockers, nearest decision first: %+v / %+v", rows[0].Text, rows[1].Text)
	}
}

func TestObjectionRowsFilters(t *testing.T) {
	today := NewDate(2026, 11, 21)
	wb := DemoWorkbook(today)
	dir := demoDirectory(wb)
	cases := []struct {
		name  string
		f     ObjectionFilter
		check func(ObjectionRow) bool
	}{
		{"open majors and blockers", ObjectionFilter{Statuses: []ObjectionStatus{ObjectionOpen, ObjectionAddressing}, Severities: []Severity{SeverityMajor, SeverityBlocker}},
			func(r ObjectionRow) bool { return r.Status.Live() && r.Severity >= SeverityMajor }},
		{"one proposal", ObjectionFilter{ProposalID: 2}, func(r ObjectionRow) bool { return r.ProposalID == 2 }},
		{"person, any case", ObjectionFilter{Person: "tom"}, func(r ObjectionRow) bool { return r.RaisedBy == "Tom Becker" || r.Voice == "Tom Becker" }},
		{"text search in response", ObjectionFilter{Text: "STOP-LOSS"}, func(r ObjectionRow) bool { return containsFold(r.Response+r.Text, "stop-loss") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows := ObjectionRows(wb.Objections, dir, c.f, today)
			want := 0
			for _, o := range wb.Objections {
				row := ObjectionRows([]Objection{o}, dir, ObjectionFilter{}, today)[0]
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
	today := NewDate(2026, 11, 21)
	wb := DemoWorkbook(today)
	wb.Proposals[1].Status = StatusArchived
	dir := demoDirectory(wb)
	for _, r := range ObjectionRows(wb.Objections, dir, ObjectionFilter{}, today) {
		if r.ProposalID == wb.Proposals[1].ID {
			t.Fatalf("objection %q of an archived proposal is listed", r.Text)
		}
	}
	all := ObjectionRows(wb.Objections, dir, ObjectionFilter{IncludeArchived: true}, today)
	if len(all) != len(wb.Objections) {
		t.Fatalf("with archived: %d rows, want %d", len(all), len(wb.Objections))
	}
}

func TestBlindSpotRowsOpenFirst(t *testing.T) {
	today := NewDate(2026, 11, 21)
	wb := DemoWorkbook(today)
	rows := BlindSpotRows(wb.BlindSpots, demoDirectory(wb), BlindSpotFilter{}, today)
	seenAddressed := false
	for _, r := range rows {
		if r.Status == BlindSpotAddressed {
			seenAddressed = true
		} else if seenAddressed {
			t.Fatalf("open blind spot %q after an addressed one", r.Text)
		}
	}
	mine := BlindSpotRows(wb.BlindSpots, demoDirectory(wb), BlindSpotFilter{Person: Me}, today)
	if len(mine) != 1 || mine[0].SurfacedBy != Me {
		t.Fatalf("blind spots surfaced by me: %+v", mine)
	}
}
