package tui

import (
	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// This file holds what the review screen draws for its kind: the list
// page (title, filters, rows, the selected row's detail), the row in full,
// and the heading over a form. The frame itself is in review_view.go.

// View shows the title, the filters, the list and the selected row, or the
// row in full, or the open form.
func (s *reviewScreen[R, D]) View() string {
	if !s.loaded {
		return s.notLoadedView(s.kind.many)
	}
	// A form stays on screen while it is saved ("Saving…"); m on a kind
	// that acts at once has no form to show.
	direct := s.edit == editStatus && s.kind.mark != nil
	if s.host.Form != nil && (s.host.Active() || (s.waiting && !direct)) {
		return s.formView()
	}
	if s.full {
		return s.fullView()
	}
	// The list is drawn first, as it lays out the grid the title's scroll
	// hint reads.
	list := s.listView(s.emptyNote)
	return s.page(s.reviewBase.titleLine(s.kind.name, len(s.rows), s.open), s.filterLine(), list, s.detailLines)
}

// emptyNote says why no row is listed: nothing recorded, or nothing
// matching.
func (s *reviewScreen[R, D]) emptyNote() string {
	switch {
	case len(s.data.proposals) == 0:
		return s.kind.noProposals
	case s.kind.recorded(s.data) == 0:
		return s.kind.noRows
	}
	return "Nothing matches these filters. Press x to clear them."
}

// filterLine shows each filter with its key, the narrowing ones accented:
// the kind's cycles, then the common ones.
func (s *reviewScreen[R, D]) filterLine() string {
	parts := make([]string, len(s.kind.cycles))
	for i, c := range s.kind.cycles {
		label := c.choices[s.cycle[i]]
		if s.cycle[i] == 0 {
			label = c.anyLabel
		}
		parts[i] = widget.FilterPart(s.st.filters(), c.key(&s.keys).Help().Key, label, s.cycle[i] != 0)
	}
	return s.reviewBase.filterLine(parts...)
}

// detailLines describes the selected row in at most height lines.
func (s *reviewScreen[R, D]) detailLines(height int) []string {
	row, ok := s.selectedRow()
	if !ok || height <= 0 {
		return nil
	}
	return fitSections(s.kind.sections(s, row, false), height, s.width)
}

// fullView is the selected row with nothing cut.
func (s *reviewScreen[R, D]) fullView() string {
	row, ok := s.selectedRow()
	if !ok {
		return ""
	}
	return s.fullPage(model.UpperFirst(s.kind.one), flatten(s.kind.sections(s, row, true)))
}

// fullLen is the number of lines of the full page, for scrolling.
func (s *reviewScreen[R, D]) fullLen() int {
	row, ok := s.selectedRow()
	if !ok {
		return 0
	}
	return len(flatten(s.kind.sections(s, row, true)))
}

// formView shows what is being edited above the form.
func (s *reviewScreen[R, D]) formView() string {
	k := s.kind
	title, context := k.addTitle, k.addContext
	switch {
	case s.filterForm:
		title, context = "Filter the "+k.many, k.filterContext
	case s.edit != editAdd:
		row, _ := s.rowByID(s.editID)
		title, context = k.editTitles[s.edit], k.context(row)
	}
	return s.formFrame(title, context)
}

// styled renders each line with a style.
func styled(style interface{ Render(...string) string }, lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = style.Render(l)
	}
	return out
}
