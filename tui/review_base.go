package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/backchannel/backchannel/tui/widget"
)

// This file holds the part of the review screen (review_screen.go) that
// does not depend on the kind of row: its keys, the loaded data with scope,
// search and filters, list movement and the readiness announcement after an
// edit. The frame it draws in and the detail pane's parts are in
// review_view.go.

// reviewKeys are the review screen's keys: the common ones plus filters and
// actions on the selected row.
type reviewKeys struct {
	keyMap
	Search         key.Binding
	SearchDone     key.Binding
	StatusFilter   key.Binding
	SeverityFilter key.Binding
	Scope          key.Binding
	Filter         key.Binding
	Archived       key.Binding
	Clear          key.Binding
	Mark           key.Binding
	Respond        key.Binding
	Voice          key.Binding
	Person         key.Binding
	Talk           key.Binding
	// Delete removes the selected row, after one question.
	Delete key.Binding
}

// newReviewKeys returns the review screens' default bindings.
func newReviewKeys() reviewKeys {
	k := reviewKeys{keyMap: newKeyMap()}
	k.Open = key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "open"))
	k.Edit = key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit"))
	k.Delete = key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "delete"))
	k.Add = key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add"))
	k.Search = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search"))
	k.SearchDone = key.NewBinding(key.WithKeys("enter", "down", "up"), key.WithHelp("enter", "keep search"))
	k.StatusFilter = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "by status"))
	k.SeverityFilter = key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "by severity"))
	k.Scope = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "this proposal/all"))
	k.Filter = key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "more filters"))
	k.Archived = key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "show archived"))
	k.Clear = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "clear filters"))
	k.Mark = key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "status"))
	k.Respond = key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "respond"))
	k.Voice = key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "voice"))
	k.Person = key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "who raised it"))
	k.Talk = key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "the talk"))
	return k
}

// reviewBase is the review screen's state that no kind changes.
type reviewBase struct {
	b    *backend
	st   *Styles
	keys reviewKeys

	width, height int

	seq     int
	loading bool
	loaded  bool
	data    *reviewData

	// scope is the one proposal shown; 0 lists every proposal.
	scope    int64
	archived bool
	person   string
	widget.SearchBox

	list widget.Grid
	host widget.FormHost
	// formTop and fullTop are the lines over a form and over a row in
	// full, measured by sizeParts.
	formTop, fullTop int
	// editID is the row a form edits; 0 while adding.
	editID  int64
	saveSeq int
	waiting bool
	// leaving is set when a save was asked for on the way out of a form, so
	// that "back" then closes the form rather than the screen.
	leaving bool

	// full is set while the selected row is read in full (enter), fullID
	// is that row and fullOff the first line shown.
	full    bool
	fullID  int64
	fullOff int

	// focus is the row to select after the next load.
	focus int64
	// announce is the proposal whose readiness change to report after the
	// next load, with its readiness before the edit and what was saved.
	announce  int64
	before    readiness.Readiness
	savedWhat string
	// beforeOK is set when the readiness before the edit was known: the
	// scores arrive after the rows, and a quick edit can come first.
	beforeOK bool

	// filterForm is true while the form on screen is the filter form, whose
	// answers are not data and are never "unsaved input".
	filterForm bool
	fdraft     *filterDraft
}

// load reads every proposal again.
func (r *reviewBase) load() tea.Cmd {
	r.seq++
	r.loading = true
	return r.b.loadReview(r.seq)
}

// sizeParts splits the body between the list and the detail pane. The list
// is at most what is left after a detail pane of two fifths; a short list
// leaves the pane more, since View puts the pane right under the rows.
func (r *reviewBase) sizeParts(w, h int) {
	r.width, r.height = w, h
	// The head is measured as drawn at this width (its title and filters
	// are cut to a line each); the rule over the detail takes one more.
	top := lipgloss.Height(r.head(r.titleLine("", 0, 0), r.filterLine()))
	avail := max(h-top-1, 4)
	detail := min(max(avail*2/5, 5), 14)
	if avail-detail < 3 {
		detail = max(avail-3, 0)
	}
	r.list.SetSize(w, avail-detail)
	// The headings over a form and over a row in full, measured as drawn
	// (the line the form or the row starts on is not theirs).
	r.formTop = lipgloss.Height(r.formHead("", "")) - 1
	r.fullTop = lipgloss.Height(r.fullHead("")) - 1
	r.host.SetSize(w, h-r.formTop)
}

// proposalTitle is a proposal's cleaned title.
func (r *reviewBase) proposalTitle(id int64) string {
	if r.data == nil {
		return ""
	}
	if t := clean(r.data.dir.Proposals[id].Title); t != "" {
		return t
	}
	return "untitled proposal"
}

// includeArchived is whether archived proposals are listed: when asked, or
// when the one proposal in scope is itself archived.
func (r *reviewBase) includeArchived() bool {
	if r.archived {
		return true
	}
	return r.data != nil && r.scope != 0 && r.data.dir.Proposals[r.scope].Status == model.StatusArchived
}

// move handles the list movement keys; it reports whether k was one.
func (r *reviewBase) move(k tea.KeyPressMsg) bool { return r.list.MoveKey(r.keys.keyMap.moves(), k) }

// selectedID is the id of the row under the cursor, 0 when none.
func (r *reviewBase) selectedID() int64 {
	if row, ok := r.list.Selected(); ok {
		return row.ID
	}
	return 0
}

// capturing reports whether typed characters go to the search or a form.
func (r *reviewBase) capturing() bool { return r.Searching || r.host.Capturing() }

// wantsEsc reports whether esc ends the search or a form's filter instead of
// going back.
func (r *reviewBase) wantsEsc() bool { return r.Searching || r.host.WantsEsc() }

// back closes a form (or the form a save just came from), then the row
// read in full, before the screen.
func (r *reviewBase) back() (bool, tea.Cmd) {
	switch {
	case r.host.Active() || r.leaving || r.waiting:
		r.leaving, r.filterForm, r.fdraft = false, false, nil
		r.host.Stop()
		return true, nil
	case r.full:
		r.full = false
		return true, nil
	}
	return false, nil
}

// readinessNote says how the edited proposal's readiness moved, once the
// reload after a save has landed: "Response saved. “Consolidate…”:
// readiness 57 → 61." The title gives way so the line fits the terminal.
func (r *reviewBase) readinessNote() string {
	if r.announce == 0 || r.data == nil {
		return ""
	}
	id := r.announce
	r.announce = 0
	after, ok := r.data.readiness[id]
	if !ok || !r.beforeOK {
		return r.savedWhat
	}
	move := "readiness " + itoa(r.before.Score) + " → " + itoa(after.Score)
	switch {
	case after.Score == r.before.Score:
		move = "readiness unchanged at " + itoa(after.Score)
	case after.Verdict != r.before.Verdict:
		move += ", now " + after.Verdict.String()
	}
	lead := r.savedWhat + " “"
	tail := "”: " + move + "."
	room := r.width - ansi.StringWidth(lead) - ansi.StringWidth(tail)
	if room >= 12 {
		return lead + ansi.Truncate(r.proposalTitle(id), room, "…") + tail
	}
	// A long confirmation leaves no room for a readable title. The readiness
	// move matters more than the title, and more than the confirmation, whose
	// details the pane below shows: it is what the line must not lose.
	move = strings.ToUpper(move[:1]) + move[1:] + "."
	if ansi.StringWidth(r.savedWhat)+1+ansi.StringWidth(move) <= r.width {
		return r.savedWhat + " " + move
	}
	return move + " " + r.savedWhat
}

// expectChange remembers a proposal's readiness before a save.
func (r *reviewBase) expectChange(proposalID int64, what string) {
	r.announce, r.savedWhat = proposalID, what
	r.before, r.beforeOK = readiness.Readiness{}, false
	if r.data != nil {
		r.before, r.beforeOK = r.data.readiness[proposalID]
	}
}

// metaLine is the proposal's title with its readiness on the right:
// "Consolidate onto one data warehouse        readiness 57/100 · Getting there".
func (r *reviewBase) metaLine(proposalID int64) string {
	st := r.st
	right := ""
	if rd, ok := r.data.readiness[proposalID]; ok {
		right = "readiness " + itoa(rd.Score) + "/100 · " + rd.Verdict.String()
	}
	room := r.width - ansi.StringWidth(right) - 2
	if room < 12 {
		return st.Muted.Render(ansi.Truncate(widget.JoinNonEmpty(" · ", r.proposalTitle(proposalID), right), r.width, "…"))
	}
	left := ansi.Truncate(r.proposalTitle(proposalID), room, "…")
	gap := r.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	return st.Muted.Render(left) + strings.Repeat(" ", gap) + st.Text.Render(right)
}

// commonFilters are the proposal, person, search and archived parts of the
// filter line, the same for every kind.
func (r *reviewBase) commonFilters() []string {
	scope := "all proposals"
	if r.scope != 0 {
		scope = "this proposal"
	}
	person := r.person
	if person == "" {
		person = "anyone"
	}
	parts := []string{
		widget.FilterPart(r.st.filters(), "p", scope, r.scope != 0),
		widget.FilterPart(r.st.filters(), "f", person, r.person != ""),
		r.SearchPart(r.st.filters(), "search"),
	}
	if r.archived {
		parts = append(parts, widget.FilterPart(r.st.filters(), "A", "with archived", true))
	}
	return parts
}

// personLabel is a stakeholder with their part: "Dana Reyes (decides, skeptic)".
func (r *reviewBase) personLabel(id int64, fallback string) string {
	s, ok := r.data.stakeholder(id)
	if !ok {
		return fallback
	}
	return r.data.name(id, fallback) + " (" + shortRole(s.Role) + ", " + s.Stance.String() + ")"
}

// navHelp is the list movement in the key list, folded into pairs so the
// list fits 80 columns beside the filters and the actions.
func (r *reviewBase) navHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑↓ j/k", "move")),
		key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pg↑↓", "page")),
		key.NewBinding(key.WithKeys("g", "G"), key.WithHelp("g/G", "first/last")),
		r.keys.Refresh,
	}
}
