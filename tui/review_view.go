package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// This file holds the frame both review screens draw their rows in: the
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
	return head + "\n" + strings.Join(wrapLines([]string{r.st.Muted.Render(empty())}, r.width), "\n")
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
	return st.Title.Render(title) + "\n" + st.Muted.Render(ansi.Truncate(context, r.width, "…")) + "\n\n" + r.host.View()
}
