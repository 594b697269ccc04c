package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/tui/widget"
)

// walkSizes are the heights the walkthrough last gave its parts; zero is
// "not laid out yet".
type walkSizes struct {
	body, flow, people, review int
}

// top is the progress line over every step, wrapped when the terminal is
// too narrow for it.
func (w *walkthrough) top() string {
	return strings.Join(widget.WrapLines([]string{w.progress()}, w.width), "\n")
}

// flowHead is the heading over the person forms: who (or "Add a person")
// and their stages, wrapped, so a long name does not hide the stages.
func (w *walkthrough) flowHead() string {
	if w.flow == nil {
		return ""
	}
	heading := "Add a person"
	if !w.flow.adding() {
		heading = clean(w.flow.contact.Name)
	}
	if p := w.flow.progress(); p != "" {
		heading += "  " + p
	}
	return strings.Join(widget.WrapLines([]string{w.st.Heading.Render(heading)}, w.width), "\n")
}

// reviewHint is the line under the review step's summary; one line, so
// the summary's height does not change as it scrolls.
func (w *walkthrough) reviewHint() string {
	hint := "Press enter to finish and open the workspace."
	if !w.review.AtBottom() {
		hint = "↓ scrolls for more · " + hint
	}
	return w.st.Muted.Render(ansi.Truncate(hint, w.width, "…"))
}

// layout gives each part of the step what is drawn around it leaves,
// measured with lipgloss.Height: the progress line and a gap over every
// step; the step's heading and prompts over the list of people (a load
// changes them); the person's heading over the person forms; the hint under
// the review. It runs on a resize and after every message, and resizes a
// part only when its height changed.
func (w *walkthrough) layout() {
	if w.width == 0 || w.height == 0 {
		return
	}
	body := max(w.height-lipgloss.Height(w.top())-1, 4)
	next := walkSizes{
		body:   body,
		people: max(body-lipgloss.Height(w.listHead())-1, 3),
		review: max(body-lipgloss.Height(w.reviewHint()), 2),
	}
	if w.flow != nil {
		next.flow = max(body-lipgloss.Height(w.flowHead())-1, 4)
	}
	was := w.sizes
	w.sizes = next
	if next.body != was.body {
		w.host.SetSize(w.width, next.body)
	}
	if next.flow != was.flow && w.flow != nil {
		w.flow.SetSize(w.width, next.flow)
	}
	if next.people != was.people {
		w.people.SetSize(w.width, next.people)
	}
	if next.review != was.review {
		w.review.SetHeight(next.review)
	}
}
