package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// This file holds the frame the review screen draws its rows in: the
// loading message, the title and filter lines, the list with its empty
// note, the detail pane under a rule, and the heading over a form.

// notLoadedView is the screen before the first load lands, or after it
// failed; what names the rows ("objections").
func (r *reviewBase) notLoadedView(what string) string {
	if r.loading {
		return r.st.Muted.Render("Loading " + what + "…")
	}
	return r.st.Muted.Render("The " + what + " could not be loaded. Press ctrl+r to try again, esc to go back.")
}

// listView is the list, or when no row is shown its header over a note
// from empty saying why: nothing recorded yet, or nothing matching.
func (r *reviewBase) listView(empty func() string) string {
	list := r.list.View(r.st.grid())
	if r.list.Len() > 0 {
		return list
	}
	head := list
	if i := strings.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	return head + "\n" + strings.Join(widget.WrapLines([]string{r.st.Muted.Render(empty())}, r.width), "\n")
}

// page stacks the title, the filter line, the list and, in the lines left
// under a rule, the detail pane; detail gets the height it may fill.
func (r *reviewBase) page(title, filters, list string, detail func(height int) []string) string {
	head := r.head(title, filters)
	used := lipgloss.Height(head) + lipgloss.Height(list)
	lines := detail(r.height - used - 1)
	out := head + "\n" + list
	if len(lines) > 0 {
		out += "\n" + r.rule() + "\n" + strings.Join(lines, "\n")
	}
	return out
}

// head is what the list is drawn under: the title, the filter line and a gap.
func (r *reviewBase) head(title, filters string) string {
	return title + "\n" + filters + "\n"
}

// titleLine is "Objections · every proposal · 9 shown, 4 still open"; the
// list itself says how many rows are out of sight.
func (r *reviewBase) titleLine(name string, shown, open int) string {
	st := r.st
	where := "every proposal"
	if r.scope != 0 {
		where = "“" + ansi.Truncate(r.proposalTitle(r.scope), 40, "…") + "”"
	}
	left := st.Title.Render(name) + st.Muted.Render(" · "+where+" · "+itoa(shown)+" shown, "+itoa(open)+" still open")
	return ansi.Truncate(left, r.width, "…")
}

// filterLine shows the screen's own filters, then the common ones, each with
// its key; while searching it is the search field instead.
func (r *reviewBase) filterLine(own ...string) string {
	if r.Searching {
		return ansi.Truncate(r.SearchPart(r.st.filters(), "search"), r.width, "…")
	}
	return ansi.Truncate(strings.Join(append(own, r.commonFilters()...), "  "), r.width, "…")
}

// formFrame puts a title and a line of context over the open form, or says
// the form is being saved.
func (r *reviewBase) formFrame(title, context string) string {
	st := r.st
	if r.waiting {
		return st.Muted.Render("Saving…")
	}
	return r.formHead(title, context) + r.host.View()
}

// formHead is the title and a line of context over a form, and a gap; the
// form starts on its last line.
func (r *reviewBase) formHead(title, context string) string {
	return r.st.Title.Render(title) + "\n" + r.st.Muted.Render(ansi.Truncate(context, r.width, "…")) + "\n\n"
}

// section is a block of the detail pane: its lines and the fewest it may
// be cut to when the pane is short.
type section struct {
	lines []string
	min   int
}

// fitSections lays sections out in order within height lines of width
// cells: each first gets its minimum (sections that do not fit at all are
// dropped from the end), then the spare lines go to sections in order until
// they are whole. A cut section ends in "…".
func fitSections(secs []section, height, width int) []string {
	if height <= 0 {
		return nil
	}
	give := make([]int, len(secs))
	left := height
	for i, s := range secs {
		n := min(s.min, len(s.lines))
		if n > left {
			break
		}
		give[i] = n
		left -= n
	}
	for i, s := range secs {
		if left == 0 {
			break
		}
		if give[i] == 0 && s.min > 0 {
			continue
		}
		extra := min(len(s.lines)-give[i], left)
		give[i] += extra
		left -= extra
	}
	var out []string
	for i, s := range secs {
		lines := s.lines[:give[i]]
		if give[i] < len(s.lines) && give[i] > 0 {
			lines = append([]string(nil), lines...)
			last := lines[len(lines)-1]
			lines[len(lines)-1] = widget.MarkCut(last, width)
		}
		out = append(out, lines...)
	}
	return out
}

// labelled wraps "Label: text" to width, the label on the first line and
// the rest indented under the text.
func labelled(st *Styles, label, text string, width, maxLines int) []string {
	lead := ansi.StringWidth(label) + 1
	body := widget.WrapText(text, max(width-lead, 10), maxLines)
	if len(body) == 0 {
		return nil
	}
	out := make([]string, len(body))
	for i, l := range body {
		prefix := strings.Repeat(" ", lead)
		if i == 0 {
			prefix = st.Muted.Render(label) + " "
		}
		out[i] = prefix + st.Text.Render(l)
	}
	return out
}

// statusChanges describes the status history of a row:
// "raised 2026-11-01 · open → addressing on 2026-11-19". A row whose log
// has no status change (imported, say) still says where it stands.
func statusChanges(evs []model.HistoryEvent, raised model.Date, status string, settledOn model.Date) string {
	var parts []string
	if !raised.IsZero() {
		parts = append(parts, "raised "+raised.String())
	}
	changes := 0
	for _, e := range evs {
		if e.Action == model.ActionUpdate && e.Field == "status" {
			parts = append(parts, clean(e.Old)+" → "+clean(e.New)+" on "+model.DateOf(e.At).String())
			changes++
		}
	}
	switch {
	case changes > 0:
	case !settledOn.IsZero():
		parts = append(parts, status+" on "+settledOn.String())
	case status != "open":
		parts = append(parts, "now "+status)
	default:
		parts = append(parts, "no status change yet")
	}
	return strings.Join(parts, " · ")
}

// talkLines shows the conversation a row came from: when, how, what was said
// and what was not; full shows all of it.
func talkLines(st *Styles, t model.Touchpoint, who string, width int, full bool, today model.Date) []string {
	how := t.Kind.String()
	if t.Channel != model.VenueUnset {
		how = t.Channel.String() + ", " + how
	}
	head := "From the talk with " + who + " on " + fullDate(t.Date, today) + " (" + how + ")"
	out := []string{st.Muted.Render(ansi.Truncate(head, width, "…"))}
	if full {
		out = styled(st.Muted, widget.WrapText(head, width, 0))
	}
	out = append(out, labelled(st, "  said:", t.Said, width, limit(2, full))...)
	out = append(out, labelled(st, "  not said:", t.Subtext, width, limit(2, full))...)
	return out
}

// ageCell is a compact age: "20d", "14w", "2y".
func ageCell(days int, raised model.Date) string {
	switch {
	case raised.IsZero():
		return "—"
	case days < 100:
		return itoa(max(days, 0)) + "d"
	case days < 700:
		return itoa(days/7) + "w"
	}
	return itoa(days/365) + "y"
}

// rule is the line between the list and the detail pane.
func (r *reviewBase) rule() string {
	return r.st.TabGap.Render(strings.Repeat("─", max(r.width, 1)))
}
