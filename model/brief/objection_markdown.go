package brief

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/redact"
)

// ObjectionsMarkdown renders objection rows as a GFM table, with the brief's
// escaping rules so that whatever users typed stays inside its cell.
func ObjectionsMarkdown(rows []model.ObjectionRow) string {
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
func BlindSpotsMarkdown(rows []model.BlindSpotRow) string {
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

// RedactedObjectionsMarkdown is ObjectionsMarkdown with every person
// replaced by a label ("Person A"), in the names and in free text, checked
// by the leak guard: if a name survives it returns a *LeakError and no text.
func RedactedObjectionsMarkdown(rows []model.ObjectionRow, dir model.Directory) (string, error) {
	var ids []int64
	for _, r := range rows {
		ids = append(ids, dir.ContactOf(r.RaisedByID), dir.ContactOf(r.VoiceID))
	}
	rd := redact.NewListRedactor(dir, ids)
	out := make([]model.ObjectionRow, len(rows))
	for k, r := range rows {
		r.ProposalTitle, r.Text, r.Response = rd.Text(r.ProposalTitle), rd.Text(r.Text), rd.Text(r.Response)
		if id := dir.ContactOf(r.RaisedByID); id != 0 {
			r.RaisedBy = rd.Label(id)
		}
		if id := dir.ContactOf(r.VoiceID); id != 0 {
			r.Voice = rd.Label(id)
		}
		out[k] = r
	}
	md := ObjectionsMarkdown(out)
	if err := rd.Check(out, md, false); err != nil {
		return "", err
	}
	return md, nil
}

// RedactedBlindSpotsMarkdown is BlindSpotsMarkdown redacted and checked as
// RedactedObjectionsMarkdown is.
func RedactedBlindSpotsMarkdown(rows []model.BlindSpotRow, dir model.Directory) (string, error) {
	var ids []int64
	for _, r := range rows {
		ids = append(ids, dir.ContactOf(r.SurfacedByID))
	}
	rd := redact.NewListRedactor(dir, ids)
	out := make([]model.BlindSpotRow, len(rows))
	for k, r := range rows {
		r.ProposalTitle, r.Text, r.HowAddressed = rd.Text(r.ProposalTitle), rd.Text(r.Text), rd.Text(r.HowAddressed)
		if id := dir.ContactOf(r.SurfacedByID); id != 0 {
			r.SurfacedBy = rd.Label(id)
		}
		out[k] = r
	}
	md := BlindSpotsMarkdown(out)
	if err := rd.Check(out, md, false); err != nil {
		return "", err
	}
	return md, nil
}
