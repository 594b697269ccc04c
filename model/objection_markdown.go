package model

import (
	"fmt"
	"strings"
)

// ObjectionsMarkdown renders objection rows as a GFM table, with the brief's
// escaping rules so that whatever users typed stays inside its cell.
func ObjectionsMarkdown(rows []ObjectionRow) string {
	var b strings.Builder
	b.WriteString("# Objections\n\n")
	if len(rows) == 0 {
		b.WriteString("No objections match.\n")
		return b.String()
	}
	b.WriteString("| # | Proposal | Raised by | Severity | Status | Age | Objection | Our response | Voice in the room |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		status := r.Status.String()
		if !r.ResolvedOn.IsZero() && !r.Status.Live() {
			status += " " + r.ResolvedOn.String()
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %dd | %s | %s | %s |\n", r.ID,
			EscapeCell(r.ProposalTitle), EscapeCell(r.RaisedBy), r.Severity, status, r.AgeDays,
			EscapeCell(r.Text), cellOrDash(r.Response), cellOrDash(r.Voice))
	}
	return b.String()
}

// BlindSpotsMarkdown renders blind spot rows as a GFM table.
func BlindSpotsMarkdown(rows []BlindSpotRow) string {
	var b strings.Builder
	b.WriteString("# Blind spots\n\n")
	if len(rows) == 0 {
		b.WriteString("No blind spots match.\n")
		return b.String()
	}
	b.WriteString("| # | Proposal | Surfaced by | Status | Age | Blind spot | How addressed |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %dd | %s | %s |\n", r.ID, EscapeCell(r.ProposalTitle), EscapeCell(r.SurfacedBy),
			r.Status, r.AgeDays, EscapeCell(r.Text), cellOrDash(r.HowAddressed))
	}
	return b.String()
}

func cellOrDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return EscapeCell(s)
}
