package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// searchScreen searches everything written in the workbook (/ on the
// dashboard): results grouped by proposal and person, the matching words
// highlighted, the selected result in full below, enter to jump to it.
type searchScreen struct {
	b    *backend
	st   *Styles
	keys searchKeys
	widget.SearchBox
	hits   []model.SearchHit
	lines  []searchLine
	picks  []int // indexes into lines of the results that can be selected
	cursor int   // index into picks
	offset int   // first line shown
	listH  int   // lines for the results, measured by layout
	seq    int
	// done is the query the results are for; loading is set while a newer
	// one is being answered.
	done    string
	loading bool
	err     error
	width   int
	height  int
}

// searchKeys are the search screen's keys.
type searchKeys struct {
	keyMap
	SearchDone key.Binding
	Edit       key.Binding
}

func newSearchKeys() searchKeys {
	k := searchKeys{keyMap: newKeyMap()}
	k.SearchDone = key.NewBinding(key.WithKeys("enter", "down", "up"), key.WithHelp("enter", "to the results"))
	k.Edit = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search again"))
	k.Open.SetHelp("enter", "go to it")
	return k
}

// searchLine is one line of the results: a proposal, a person, or a result.
type searchLine struct {
	level int // 0 proposal, 1 person, 2 result
	text  string
	hit   int // for a result: its index in hits
}

// searchResultsMsg carries the answer to one search.
type searchResultsMsg struct {
	seq   int
	query string
	hits  []model.SearchHit
	err   error
}

// searchDetailLines is how many lines the selected result takes in full.
const searchDetailLines = 4

func newSearchScreen(b *backend, st *Styles) *searchScreen {
	s := &searchScreen{b: b, st: st, keys: newSearchKeys()}
	s.Searching = true
	s.syncKeys()
	return s
}

// Init has nothing to load until something is typed.
func (s *searchScreen) Init() tea.Cmd { return nil }

// title is the breadcrumb.
func (s *searchScreen) title() string { return "Search" }

// capturing is true while the search field takes keys, q and ? included.
func (s *searchScreen) capturing() bool { return s.Searching }

// wantsEsc lets esc clear the field before it leaves the screen.
func (s *searchScreen) wantsEsc() bool { return s.Searching }

// refresh searches again when the screen comes back into view: what was
// found may have been edited or removed.
func (s *searchScreen) refresh() tea.Cmd { return s.run() }

// SetSize keeps the sizes and lays out.
func (s *searchScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.layout()
}

// setStyles swaps in new styles.
func (s *searchScreen) setStyles(st *Styles) tea.Cmd { s.st = st; return nil }

// run asks the store for the current query.
func (s *searchScreen) run() tea.Cmd {
	s.seq++
	q := s.Query
	if len(model.SearchTerms(q)) == 0 {
		s.hits, s.lines, s.picks, s.done, s.err, s.loading = nil, nil, nil, q, nil, false
		return nil
	}
	s.loading = true
	store, ctx, seq := s.b.store, s.b.ctx, s.seq
	return func() tea.Msg {
		hits, err := store.Search(ctx, q, 0)
		return searchResultsMsg{seq: seq, query: q, hits: hits, err: err}
	}
}

// Update handles results and keys, then lays out: each can change the
// status line and the selection.
func (s *searchScreen) Update(msg tea.Msg) (*searchScreen, tea.Cmd) {
	cmd := s.update(msg)
	s.layout()
	return s, cmd
}

// update is Update before the layout.
func (s *searchScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case searchResultsMsg:
		if msg.seq != s.seq {
			return nil
		}
		s.loading, s.done, s.err = false, msg.query, msg.err
		s.hits = msg.hits
		s.build()
		s.syncKeys()
		return nil
	case tea.PasteMsg:
		if s.PasteSearch(msg) {
			return s.run()
		}
	case tea.KeyPressMsg:
		cmd := s.handleKey(msg)
		s.syncKeys()
		return cmd
	}
	return nil
}

func (s *searchScreen) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if s.Searching {
		if s.SearchKey(k, s.keys.SearchDone, s.move) {
			return s.run()
		}
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Edit):
		s.Searching = true
	case key.Matches(k, s.keys.Open):
		if i, ok := s.selected(); ok {
			return jumpTo(s.hits[i])
		}
	case key.Matches(k, s.keys.Refresh):
		return s.run()
	default:
		s.move(k)
	}
	return nil
}

// move moves the cursor over the results; it reports whether k moved it.
func (s *searchScreen) move(k tea.KeyPressMsg) bool {
	n := len(s.picks)
	if n == 0 {
		return false
	}
	page := max(s.listHeight()/2, 1)
	switch {
	case key.Matches(k, s.keys.Up):
		s.cursor--
	case key.Matches(k, s.keys.Down):
		s.cursor++
	case key.Matches(k, s.keys.PageUp):
		s.cursor -= page
	case key.Matches(k, s.keys.PageDown):
		s.cursor += page
	case key.Matches(k, s.keys.Top):
		s.cursor = 0
	case key.Matches(k, s.keys.Bottom):
		s.cursor = n - 1
	default:
		return false
	}
	s.cursor = min(max(s.cursor, 0), n-1)
	return true
}

// selected is the index in hits of the result under the cursor.
func (s *searchScreen) selected() (int, bool) {
	if s.cursor < 0 || s.cursor >= len(s.picks) {
		return 0, false
	}
	return s.lines[s.picks[s.cursor]].hit, true
}

// build lays the results out as lines, grouped by proposal and person,
// once per answer and never per frame.
func (s *searchScreen) build() {
	s.lines, s.picks, s.cursor, s.offset = nil, nil, 0, 0
	index := make(map[[2]int64]int, len(s.hits))
	for i, h := range s.hits {
		index[[2]int64{int64(h.Kind), h.ID}] = i
	}
	for _, g := range model.GroupSearch(s.hits) {
		title := clean(g.ProposalTitle)
		s.lines = append(s.lines, searchLine{level: 0, text: title})
		for _, p := range g.People {
			name := clean(p.ContactName)
			if p.ContactID == 0 {
				name = "the proposal itself, or no one in particular"
			}
			if g.ProposalID != 0 || p.ContactID == 0 {
				s.lines = append(s.lines, searchLine{level: 1, text: name})
			}
			for _, h := range p.Hits {
				s.picks = append(s.picks, len(s.lines))
				s.lines = append(s.lines, searchLine{level: 2, hit: index[[2]int64{int64(h.Kind), h.ID}]})
			}
		}
	}
}

// hitLabel says what a result is: "conversation 26 Nov · said".
func hitLabel(h model.SearchHit, today model.Date) string {
	label := h.Kind.String()
	if !h.Date.IsZero() {
		label += " " + fullDate(h.Date, today)
	}
	if h.Kind == model.SearchContact {
		label = "contact"
	}
	if len(h.Matches) > 0 {
		label += " · " + h.Matches[0].Field
	}
	return label
}

// snippet renders a match with its matching words highlighted; every part
// is cleaned of control characters and escapes first.
func (s *searchScreen) snippet(m model.SearchMatch, selected bool) string {
	base, hl := s.st.Text, s.st.Accent.Bold(true).Underline(true)
	if selected {
		base = s.st.GridSelected
		hl = s.st.GridSelected.Bold(true).Underline(true)
	}
	var b strings.Builder
	for i, p := range m.Snippet {
		t := p.Shown()
		if i == 0 {
			t = strings.TrimLeft(t, " ")
		}
		if p.Match {
			b.WriteString(hl.Render(t))
		} else {
			b.WriteString(base.Render(t))
		}
	}
	return b.String()
}

// head is the field and the status line as drawn; each wraps (to three
// lines at most), so a long query or an error is read, not cut.
func (s *searchScreen) head() string {
	st := s.st
	field := s.SearchPart(st.filters(), "search everything: conversations, notes, objections, plans")
	var status string
	switch {
	case s.err != nil:
		status = st.Bad.Render(clean(humanError(s.err)))
	case len(model.SearchTerms(s.Query)) == 0:
		status = st.Muted.Render("Type words to find; each may be the start of a word, accents and case do not matter.")
	case s.loading && s.done != s.Query:
		status = st.Muted.Render("Searching…")
	case len(s.hits) == 0:
		status = st.Text.Render("Nothing matches “" + clean(s.Query) + "”.")
	default:
		status = st.Muted.Render(plural(len(s.hits), "record", "records") + " match; enter goes to the one selected.")
	}
	return strings.Join(append(widget.WrapAtMost(field, s.width, 3), widget.WrapAtMost(status, s.width, 3)...), "\n")
}

// layout measures the head and gives the results what it and the detail
// under them leave, then scrolls the results to keep the selected one in
// view. It runs on a resize and after every message (a query, an answer,
// a key), never in View.
func (s *searchScreen) layout() {
	s.listH = max(s.height-lipgloss.Height(s.head())-1-searchDetailLines-1, 2)
	h := s.listH
	sel := -1
	if s.cursor < len(s.picks) {
		sel = s.picks[s.cursor]
	}
	if sel < 0 {
		return
	}
	if sel < s.offset {
		s.offset = sel
	}
	if sel >= s.offset+h {
		s.offset = sel - h + 1
	}
	if s.offset > 0 && s.lines[s.offset-1].level < 2 && sel-s.offset+1 < h {
		s.offset-- // keep the heading above the first result shown
	}
}

// listHeight is the lines left for results between the head and the
// detail, as last measured.
func (s *searchScreen) listHeight() int { return s.listH }

// View shows the field, the grouped results, and the selected one in full.
func (s *searchScreen) View() string {
	body := []string{s.head(), ""}
	sel := -1
	if s.cursor < len(s.picks) {
		sel = s.picks[s.cursor]
	}
	for i := s.offset; i < len(s.lines) && i < s.offset+s.listH; i++ {
		body = append(body, s.lineView(s.lines[i], i == sel))
	}
	if i, ok := s.selected(); ok {
		body = append(body, "")
		body = append(body, s.detail(s.hits[i])...)
	}
	return widget.Clip(strings.Join(body, "\n"), s.width, max(s.height, 1))
}

// lineView renders one line of the results.
func (s *searchScreen) lineView(l searchLine, selected bool) string {
	st := s.st
	switch l.level {
	case 0:
		return st.Title.Render(ansi.Truncate(l.text, s.width, "…"))
	case 1:
		return st.Heading.Render(ansi.Truncate("  "+l.text, s.width, "…"))
	}
	h := s.hits[l.hit]
	label := "    " + hitLabel(h, s.b.today()) + ": "
	lead := st.Muted.Render(label)
	if selected {
		lead = st.GridSelected.Render(label)
	}
	text := ""
	if len(h.Matches) > 0 {
		text = s.snippet(h.Matches[0], selected)
	}
	return ansi.Truncate(lead+text, s.width, "…")
}

// detail is the selected result in full: every field that matched.
func (s *searchScreen) detail(h model.SearchHit) []string {
	st := s.st
	var out []string
	for _, m := range h.Matches {
		// The field's name is wrapped with the text: put in front of a
		// line wrapped without it, it pushed the line's end off the edge.
		for _, l := range widget.WrapText(m.Field+": "+m.Plain(), s.width, searchDetailLines) {
			out = append(out, st.Text.Render(l))
		}
	}
	if len(out) > searchDetailLines {
		out = out[:searchDetailLines]
	}
	return out
}

// syncKeys enables what applies now.
func (s *searchScreen) syncKeys() {
	has := len(s.picks) > 0
	s.keys.Open.SetEnabled(has && !s.Searching)
	s.keys.Edit.SetEnabled(!s.Searching)
	for _, b := range []*key.Binding{&s.keys.Up, &s.keys.Down, &s.keys.PageUp, &s.keys.PageDown, &s.keys.Top, &s.keys.Bottom} {
		b.SetEnabled(has)
	}
}

// ShortHelp implements help.KeyMap.
func (s *searchScreen) ShortHelp() []key.Binding {
	if s.Searching {
		return []key.Binding{s.keys.SearchDone}
	}
	return []key.Binding{s.keys.Open, s.keys.Edit, s.keys.Move}
}

// FullHelp implements help.KeyMap.
func (s *searchScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.Open, s.keys.Edit, s.keys.SearchDone, s.keys.Refresh}, s.keys.navKeys()}
}

// jumpTo goes to the thing a result is: the proposal, the person's plan,
// the conversation on the Log tab, the objection or blind spot in its
// review, the contact in the directory.
func jumpTo(h model.SearchHit) tea.Cmd {
	switch h.Kind {
	case model.SearchPlan:
		return navigate(jumpMsg{proposalID: h.ProposalID, tab: tabPlan, stakeholderID: h.StakeholderID})
	case model.SearchTalk:
		return navigate(jumpMsg{proposalID: h.ProposalID, tab: tabLog, talkID: h.ID})
	case model.SearchObjection:
		return navigate(openReviewMsg{kind: reviewObjections, proposalID: h.ProposalID, selectID: h.ID})
	case model.SearchBlindSpot:
		return navigate(openReviewMsg{kind: reviewBlindSpots, proposalID: h.ProposalID, selectID: h.ID})
	case model.SearchContact:
		return navigate(openContactMsg{name: h.ContactName})
	}
	return navigate(jumpMsg{proposalID: h.ProposalID, tab: tabSummary})
}
