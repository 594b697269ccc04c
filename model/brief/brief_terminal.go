package brief

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/rivo/uniseg"
)

// Terminal writes the terminal edition of the brief: the same content as
// Markdown, laid out for a screen of the given width (in cells, the text width a
// renderer such as glamour wraps to) rather than for a document.
//
// The printed brief is built of wide tables; squeezed into 80 columns a table
// renderer breaks words inside cells and cuts headers. So here a table is
// written only when every cell fits on one line at this width (the factor
// table does); every other section is a list whose items lead with who and
// when, which a renderer wraps between words. The title and the header line
// are left out: the workspace shows them above the tabs. Escapes are written
// so that a terminal renderer shows none of them (see termEscape).
//
// Same document and same width give the same bytes, so screens built on it
// can be golden files.
func Terminal(doc Doc, width int) string {
	var w mdWriter
	esc := func(s string) string { return termEscape(EscapeInline(s)) }

	if len(doc.WhatIf) > 0 {
		w.line("**What if:** ", esc(strings.Join(doc.WhatIf, "; ")), ". Nothing is saved: this is the room as it would be, not as the workbook has it.")
		w.line()
	}
	w.line("## ", esc(VerdictHeading(doc.Status, doc.Verdict, doc.Score)))
	w.line()
	termFactors(&w, doc, width, esc)
	if len(doc.Caps) > 0 {
		w.line("Held at **", doc.Verdict.String(), "** whatever the other factors say: ", esc(strings.Join(doc.Caps, "; ")), ".")
		w.line()
	}
	if !doc.Status.Open() {
		w.line("The forum has decided. The factors above read the preparation as it stood; on them the verdict would be ", doc.Verdict.String(), ".")
		w.line()
	}

	w.line("## ", HeadingAsk)
	w.line()
	if doc.Ask == "" {
		w.line("No ask written yet: say in one or two sentences what the forum should decide.")
	} else {
		w.line(esc(doc.Ask))
	}
	w.line()
	w.line("Kind: ", doc.Kind.String(), " · decided by ", doc.Rule.String(), ".")
	w.line()

	termRoom(&w, doc, esc)
	termObjections(&w, doc, esc)
	termBlindSpots(&w, doc, esc)
	termPlan(&w, doc, esc)

	w.line("## ", HeadingRisks)
	w.line()
	if len(doc.Risks) == 0 {
		w.line("No risk flags raised.")
	}
	for _, k := range doc.Risks {
		w.line("- **", esc(k.Title), ".** ", esc(k.Evidence))
	}
	w.line()

	w.line("## ", HeadingNextActions)
	w.line()
	if len(doc.NextActions) == 0 {
		w.line("Nothing pressing: keep the channel warm.")
	}
	for k, a := range doc.NextActions {
		w.line(strconv.Itoa(k+1), ". ", esc(a.Text))
	}
	w.line()

	// The relationship notes are already a list of paragraphs; only the
	// escapes differ.
	var rel mdWriter
	renderRelationships(&rel, doc)
	w.b.WriteString(termEscape(rel.b.String()))

	termLog(&w, doc, esc)
	return strings.TrimRight(w.b.String(), "\n") + "\n"
}

// termFactors writes the factors: as the brief's table when every cell fits
// on one line at this width, and otherwise as a list, one factor an item with
// its points first, since a squeezed table wraps every reason into a column a
// few words wide.
func termFactors(w *mdWriter, doc Doc, width int, esc func(string) string) {
	header := []string{"Factor", "Points", "Why", "Based on"}
	rows := make([][]string, 0, len(doc.Factors)+1)
	for _, f := range doc.Factors {
		pts := fmt.Sprintf("%d / %d", f.Points, f.Max)
		if f.Key == readiness.FactorCap {
			pts = model.Signed(f.Points)
		}
		rows = append(rows, []string{f.Name, pts, f.Reason, f.Basis})
	}
	if tableFits(header, rows, width) {
		out := make([][]string, 0, len(rows)+1)
		for _, r := range rows {
			out = append(out, []string{esc(r[0]), r[1], esc(r[2]), esc(r[3])})
		}
		out = append(out, []string{"**Score**", fmt.Sprintf("**%d / 100**", doc.Score), "the sum of the points above", ""})
		w.table(header, "-r--", out)
		return
	}
	for i, f := range doc.Factors {
		line := "- **" + esc(f.Name) + ": " + rows[i][1] + ".** " + esc(model.UpperFirst(f.Reason))
		if f.Basis != "" {
			line += "; based on " + esc(f.Basis)
		}
		w.line(model.FullStop(line))
	}
	w.line()
	w.line("**Score: ", strconv.Itoa(doc.Score), " / 100**, the sum of the points above.")
	w.line()
}

// tableFits says whether a table whose cells are the given plain texts fits
// the width without wrapping any cell: each column as wide as its widest
// cell, plus a cell of padding either side and a separator between columns.
func tableFits(header []string, rows [][]string, width int) bool {
	total := 0
	for k := range header {
		wk := utf8.RuneCountInString(header[k])
		for _, r := range rows {
			if k < len(r) {
				wk = max(wk, cellWidth(r[k]))
			}
		}
		total += wk + 3
	}
	return total+2 <= width
}

// cellWidth is a cell's width in cells, counting wide runes as two.
func cellWidth(s string) int { return uniseg.StringWidth(model.Clean(s)) }

// termRoom writes the forecast and one item per person: who, when last
// spoken to and what is next, then role, influence and stance.
func termRoom(w *mdWriter, doc Doc, esc func(string) string) {
	w.line("## ", HeadingRoom)
	w.line()
	if !roomOpening(w, doc, esc) {
		return
	}
	for _, p := range doc.Room {
		who := "**" + esc(p.Name) + "**"
		if p.Title != "" {
			who += ", " + esc(p.Title)
		}
		last := "never spoken to"
		if !p.LastSpoken.IsZero() {
			last = "last spoken to " + p.LastSpoken.HumanAround(doc.Generated)
		}
		role, stance := p.roleWithMarks("possible spoiler"), p.stanceToTarget()
		line := "- " + who + ": " + last + ". " + model.UpperFirst(role) + ", influence " + strconv.Itoa(p.Influence) + ", " + stance + "."
		if p.NextStep != "" {
			line += " Next: " + esc(model.FullStop(p.NextStep))
		}
		w.line(line)
	}
	w.line()
	roomSwing(w, doc.Forecast.Swing, esc)
}

// termObjections writes one item per open objection, led by who raised it.
func termObjections(w *mdWriter, doc Doc, esc func(string) string) {
	w.line("## ", HeadingObjections)
	w.line()
	if len(doc.Objections) == 0 {
		w.line("None open.")
		w.line()
		return
	}
	for _, o := range doc.Objections {
		line := "- **" + model.UpperFirst(esc(o.RaisedBy)) + "** (" + o.Severity.String() + ", " + o.Status.String() + "): " + esc(model.FullStop(o.Text))
		if o.Response != "" {
			line += " Our response: " + esc(model.FullStop(o.Response))
		}
		if o.Voice != "" {
			line += " Voice in the room: " + esc(o.Voice) + "."
		} else {
			line += " No voice in the room yet."
		}
		w.line(line)
	}
	w.line()
}

// termBlindSpots writes one item per blind spot, led by who surfaced it.
func termBlindSpots(w *mdWriter, doc Doc, esc func(string) string) {
	w.line("## ", HeadingBlindSpots)
	w.line()
	if len(doc.BlindSpots) == 0 {
		w.line("None recorded. Ask a trusted peer: am I thinking about this right?")
		w.line()
		return
	}
	for _, b := range doc.BlindSpots {
		line := "- **" + model.UpperFirst(esc(b.SurfacedBy)) + "** (" + b.Status.String() + "): " + esc(model.FullStop(b.Text))
		if b.HowAddressed != "" {
			line += " Addressed: " + esc(model.FullStop(b.HowAddressed))
		}
		w.line(line)
	}
	w.line()
}

// termPlan writes one item per talk still to hold, led by when and whom.
func termPlan(w *mdWriter, doc Doc, esc func(string) string) {
	w.line("## ", HeadingPlan)
	w.line()
	if len(doc.Plan) == 0 {
		w.line("No talks left to hold.")
		w.line()
	}
	for _, t := range doc.Plan {
		day := "No date yet"
		if !t.TargetDate.IsZero() {
			day = t.TargetDate.HumanAround(doc.Generated)
		}
		line := "- **" + day + "**"
		if !t.LatestSafe.IsZero() {
			line += " (latest " + t.LatestSafe.HumanAround(doc.Generated) + ")"
		}
		line += " · **" + esc(t.Whom) + "** (" + t.Role.String() + ")"
		var flags []string
		if t.Overdue {
			flags = append(flags, "**overdue**")
		}
		if t.Critical {
			flags = append(flags, "critical path")
		}
		if len(flags) > 0 {
			line += ", " + strings.Join(flags, ", ")
		}
		line += "."
		what := ""
		if t.Approach != model.ApproachUnset {
			what = t.Approach.String()
			if t.Message != "" {
				what += ": " + esc(t.Message)
			}
		} else if t.Message != "" {
			what = esc(t.Message)
		}
		if what != "" {
			line += " " + model.FullStop(model.UpperFirst(what))
		}
		where := ""
		if t.Venue != model.VenueUnset {
			where = t.Venue.String()
		}
		if t.Place != "" {
			if where != "" {
				where += ", "
			}
			where += esc(t.Place)
		}
		var more []string
		if where != "" {
			more = append(more, "where: "+where)
		}
		if t.Opener != model.OpenerUnset {
			more = append(more, "open with "+t.Opener.String())
		}
		if t.Via != "" {
			more = append(more, "via "+esc(t.Via))
		}
		if t.Before != "" {
			more = append(more, "ahead of "+esc(t.Before))
		}
		if t.Moment != model.MomentUnset {
			more = append(more, "moment: "+t.Moment.String())
		}
		if len(more) > 0 {
			line += " " + model.UpperFirst(strings.Join(more, "; ")) + "."
		}
		w.line(line)
	}
	if len(doc.Plan) > 0 {
		w.line()
	}
	planClosing(w, doc, esc)
}

// termLog writes the recent log, one item per conversation led by when and
// with whom.
func termLog(w *mdWriter, doc Doc, esc func(string) string) {
	w.line("## ", HeadingRecentLog)
	w.line()
	if len(doc.RecentLog) == 0 {
		w.line("No conversations logged yet.")
		return
	}
	for _, t := range doc.RecentLog {
		facts := []string{}
		if t.Channel != model.VenueUnset {
			facts = append(facts, t.Channel.String())
		}
		facts = append(facts, t.Kind.String(), "mood "+model.Signed(t.Sentiment))
		line := "- **" + t.Date.HumanAround(doc.Generated) + " · " + esc(t.Whom) + "**: " + strings.Join(facts, ", ") + "."
		for _, f := range []struct {
			label, text string
			n           int
		}{{"Said", t.Said, 160}, {"Not said", t.Subtext, 120}, {"Follow-up", t.FollowUp, 80}} {
			if f.text != "" {
				line += " " + f.label + ": " + esc(model.FullStop(model.Snippet(f.text, f.n)))
			}
		}
		w.line(line)
	}
}

// termEscape rewrites the backslash escapes that terminal markdown renderers
// print literally (glamour shows "\&", "\@", "\~", "\:" and "\=" as they
// are) as character references, which every renderer shows as the character
// alone and which still cannot start an entity, an autolink or
// strikethrough. Other escapes are left as they are: they render cleanly.
func termEscape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		next := s[i+1]
		switch next {
		case '&':
			b.WriteString("&amp;")
		case '@':
			b.WriteString("&#64;")
		case '~':
			b.WriteString("&#126;")
		case ':':
			b.WriteString("&#58;")
		case '=':
			b.WriteString("&#61;")
		default:
			// An escape that renders well (or an escaped backslash): keep
			// the pair together so the second character is never read as
			// the start of another escape.
			b.WriteByte(c)
			b.WriteByte(next)
		}
		i++
	}
	return b.String()
}
