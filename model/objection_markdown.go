package model

import (
	"fmt"
	"strconv"
	"strings"
)

// ObjectionsMarkdown renders objection rows as a GFM table, with the brief's
// escaping rules so that whatever users typed stays inside its cell.
func ObjectionsMarkdown(rows []ObjectionRow) string {
	cells := make([][]string, 0, len(rows))
	for _, r := range rows {
		status := r.Status.String()
		if !r.ResolvedOn.IsZero() && !r.Status.Live() {
			status += " " + r.ResolvedOn.String()
		}
		cells = append(cells, []string{strconv.FormatInt(r.ID, 10), EscapeCell(r.ProposalTitle), EscapeCell(r.RaisedBy),
			r.Severity.String(), status, fmt.Sprintf("%dd", r.AgeDays), EscapeCell(r.Text), EscapeCell(r.Response), EscapeCell(r.Voice)})
	}
	return listMarkdown("Objections", "No objections match.",
		[]string{"#", "Proposal", "Raised by", "Severity", "Status", "Age", "Objection", "Our response", "Voice in the room"}, cells)
}

// BlindSpotsMarkdown renders blind spot rows as a GFM table.
func BlindSpotsMarkdown(rows []BlindSpotRow) string {
	cells := make([][]string, 0, len(rows))
	for _, r := range rows {
		cells = append(cells, []string{strconv.FormatInt(r.ID, 10), EscapeCell(r.ProposalTitle), EscapeCell(r.SurfacedBy),
			r.Status.String(), fmt.Sprintf("%dd", r.AgeDays), EscapeCell(r.Text), EscapeCell(r.HowAddressed)})
	}
	return listMarkdown("Blind spots", "No blind spots match.",
		[]string{"#", "Proposal", "Surfaced by", "Status", "Age", "Blind spot", "How addressed"}, cells)
}

// listMarkdown writes a titled list as the brief writes its tables (an
// empty cell shows a dash), or the empty note when there are no rows.
func listMarkdown(title, empty string, header []string, rows [][]string) string {
	var w mdWriter
	w.heading(1, title)
	if len(rows) == 0 {
		w.line(empty)
	} else {
		w.table(header, "", rows)
	}
	return strings.TrimRight(w.b.String(), "\n") + "\n"
}
