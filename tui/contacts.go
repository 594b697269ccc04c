package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// contactsMode is what the Contacts screen shows: the list or one person.
type contactsMode int

const (
	contactsList contactsMode = iota
	contactsDetail
)

// contactsScreen is the directory: every person with their relationship
// health, sorted with those who need attention first (or by name), a search
// by name, and a page per person with their history across proposals and
// their recent conversations. a adds a person, e edits one.
type contactsScreen struct {
	b    *backend
	st   *Styles
	keys contactsKeys

	width, height int

	seq     int
	loading bool
	loaded  bool
	data    *peopleData
	// cells are each contact's row, built once per load; lower their names
	// in lower case for the search.
	cells map[int64]widget.Row
	lower map[int64]string
	// flags are each contact's flags (said≠did, ask-only, reconnect);
	// attention marks the active contacts with any.
	flags     map[int64][]string
	attention map[int64]bool
	// active counts the contacts not archived; flagged those of them that
	// need attention.
	active, flagged int

	list widget.Grid
	mode contactsMode
	widget.SearchBox
	byName   bool
	archived bool
	// focus is the contact to select after the next load.
	focus int64

	// detailID is the person on the detail page; detail its lines, built on
	// open, load and resize, and detailOff the first line shown.
	detailID  int64
	detail    []string
	detailOff int
	// talks are the conversations of talksOf, newest first, read when the
	// page opens or the directory reloads (talksSeq tags the read).
	talks    []model.Touchpoint
	talksOf  int64
	talksSeq int

	host     widget.FormHost
	draft    *contactDraft
	started  contactDraft
	editID   int64
	formName string
	formFrom contactsMode
	saveSeq  int
	waiting  bool
	leaving  bool

	// formKind is what the open form does: edit a contact or pick one to
	// merge. mergeKeep is the contact another is merged into, mergePick
	// the one picked; askSeq tags the reads made to ask a question.
	formKind  contactForm
	mergeKeep int64
	mergePick int64
	askSeq    int

	// imp is the import flow while it is open (contacts_import.go).
	imp *importFlow

	// listH and formH are the heights the list and the form were last
	// given: what the head and legend, or the form's heading, leave
	// (layout).
	listH, formH int
}

// newContactsScreen builds the Contacts screen.
func newContactsScreen(b *backend, st *Styles) *contactsScreen {
	s := &contactsScreen{b: b, st: st, keys: newContactsKeys()}
	s.list = widget.NewGrid([]widget.Column{
		{Title: "Name", Min: 16},
		{Title: "Title · org", Min: 20, Priority: 3},
		{Title: "Kind", Width: 10, Priority: 2},
		{Title: "Discreet", Width: 8, Priority: 5},
		{Title: "Spoke", Width: 8, Priority: 1},
		{Title: "Give/ask", Width: 8, Right: true, Priority: 4},
		{Title: "Flag", Min: 9, Shorten: shortenFlags},
	}, "")
	s.syncKeys()
	return s
}

// Init loads the directory.
func (s *contactsScreen) Init() tea.Cmd { return s.load() }

// refresh reloads when the screen comes back into view.
func (s *contactsScreen) refresh() tea.Cmd { return s.load() }

// load reads the directory again.
func (s *contactsScreen) load() tea.Cmd {
	s.seq++
	s.loading = true
	return s.b.loadPeople(s.seq)
}

// title is the breadcrumb.
func (s *contactsScreen) title() string {
	if s.mode == contactsDetail && s.data != nil {
		if c, ok := s.data.contact(s.detailID); ok {
			return "Contacts › " + clean(c.Name)
		}
	}
	return "Contacts"
}

// SetSize lays out the list, the detail page and the form.
func (s *contactsScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.listH, s.formH = -1, -1
	s.layout()
	if s.imp != nil {
		s.imp.setSize(w, h)
	}
	// The flag cells are fitted to the column's new width.
	s.rebuild()
	s.buildDetail()
}

// setStyles re-themes the page and the form.
func (s *contactsScreen) setStyles(st *Styles) tea.Cmd {
	s.st = st
	s.host.SetTheme(st.huhTheme())
	s.buildDetail()
	if s.imp != nil {
		s.imp.st = st
		s.imp.build()
	}
	return nil
}

// layout gives the list and the form what is drawn around them, measured:
// the list's head (its filter line wraps between its parts when the search
// is long) and legend, the form's heading (a long name takes two lines). It
// runs on a resize and after every message, and resizes a part only when
// its height changed.
func (s *contactsScreen) layout() {
	if list := max(s.height-lipgloss.Height(s.listTop())-1-lipgloss.Height(s.legend()), 2); list != s.listH {
		s.listH = list
		s.list.SetSize(s.width, list)
	}
	if form := s.height - lipgloss.Height(s.formTop()) - 1; form != s.formH {
		s.formH = form
		s.host.SetSize(s.width, form)
	}
}

// Update handles loads, saves, the form, the search and the keys, then lays
// out again: any of them can change what the head says.
func (s *contactsScreen) Update(msg tea.Msg) (*contactsScreen, tea.Cmd) {
	cmd := s.update(msg)
	s.layout()
	return s, cmd
}

// update is Update before the layout.
func (s *contactsScreen) update(msg tea.Msg) tea.Cmd {
	if handled, cmd := s.updateImport(msg); handled {
		s.syncKeys()
		return cmd
	}
	switch msg := msg.(type) {
	case peopleLoadedMsg:
		if msg.seq != s.seq {
			return nil
		}
		s.loading = false
		if msg.err != nil {
			return reportErr(msg.err)
		}
		s.loaded, s.data = true, msg.data
		s.index()
		s.rebuild()
		if s.mode == contactsDetail {
			if _, ok := s.data.contact(s.detailID); !ok {
				s.mode = contactsList
			}
			s.buildDetail()
			if s.mode == contactsDetail {
				return s.loadTalks()
			}
		}
		return nil
	case contactTalksMsg:
		if msg.seq != s.talksSeq {
			return nil
		}
		if msg.err != nil {
			return reportErr(msg.err)
		}
		s.talks, s.talksOf = msg.talks, msg.contactID
		s.buildDetail()
		return nil
	case contactSavedMsg:
		return s.saved(msg)
	case contactImpactMsg:
		return s.impact(msg)
	case contactActMsg:
		return s.act(msg)
	case contactPurgeMsg:
		return s.purge(msg)
	case contactChangedMsg:
		return s.changed(msg)
	case tea.PasteMsg:
		if s.PasteSearch(msg) {
			s.rebuild()
			return nil
		}
	}
	if s.host.Active() {
		if s.waiting {
			return nil
		}
		completed, cmd := s.host.Update(msg)
		switch {
		case completed && s.formKind == contactFormMerge:
			return tea.Batch(cmd, s.picked())
		case completed:
			return tea.Batch(cmd, s.save())
		}
		return cmd
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		cmd := s.handleKey(k)
		s.syncKeys()
		return cmd
	}
	return nil
}

// detailWindow is how many lines of the page show at once: all of the
// height, less a line for the scroll hint when the page is longer.
func (s *contactsScreen) detailWindow() int {
	if len(s.detail) <= s.height {
		return max(s.height, 1)
	}
	return max(s.height-1, 1)
}

// clampDetail keeps the detail page's window on its lines.
func (s *contactsScreen) clampDetail() {
	s.detailOff = max(min(s.detailOff, len(s.detail)-s.detailWindow()), 0)
}

// openDetail shows one person's page and reads their conversations.
func (s *contactsScreen) openDetail(id int64) tea.Cmd {
	s.mode, s.detailID, s.detailOff = contactsDetail, id, 0
	s.buildDetail()
	return s.loadTalks()
}

// loadTalks reads the conversations of the person on the page.
func (s *contactsScreen) loadTalks() tea.Cmd {
	s.talksSeq++
	return s.b.loadContactTalks(s.talksSeq, s.detailID)
}

// index builds each contact's row and search key once per load.
func (s *contactsScreen) index() {
	d, today := s.data, s.b.today()
	s.cells = make(map[int64]widget.Row, len(d.contacts))
	s.lower = make(map[int64]string, len(d.contacts))
	s.flags = make(map[int64][]string, len(d.contacts))
	s.attention = make(map[int64]bool, len(d.contacts))
	s.active, s.flagged = 0, 0
	for _, c := range d.contacts {
		if !c.Archived {
			s.active++
		}
		s.lower[c.ID] = strings.ToLower(clean(c.Name))
		row, flags := contactRow(c, d, today)
		s.cells[c.ID], s.flags[c.ID] = row, flags
		if len(flags) > 0 && !c.Archived {
			s.attention[c.ID] = true
			s.flagged++
		}
	}
}

// rebuild filters and orders the rows again, keeping the selection on the
// same person.
func (s *contactsScreen) rebuild() {
	if s.data == nil {
		return
	}
	keep := s.focus
	if keep == 0 {
		if r, ok := s.list.Selected(); ok {
			keep = r.ID
		}
	}
	s.focus = 0
	q := strings.ToLower(strings.TrimSpace(s.Query))
	rows := make([]widget.Row, 0, len(s.data.contacts))
	var later []widget.Row
	for _, c := range s.data.contacts {
		if c.Archived && !s.archived {
			continue
		}
		if q != "" && !strings.Contains(s.lower[c.ID], q) {
			continue
		}
		row := s.cells[c.ID]
		if !s.byName && !s.attention[c.ID] {
			later = append(later, row)
			continue
		}
		rows = append(rows, row)
	}
	rows = append(rows, later...)
	s.list.SetRows(rows)
	if keep != 0 {
		s.list.SelectID(keep)
	}
	s.syncKeys()
}

// capturing reports whether typed characters go to the search or a form.
func (s *contactsScreen) capturing() bool {
	return s.Searching || s.host.Capturing() || s.imp != nil
}

// wantsEsc reports whether esc ends the search or a form's filter.
func (s *contactsScreen) wantsEsc() bool { return s.Searching || s.host.WantsEsc() || s.imp != nil }

// back closes the form, then the person's page, before the screen.
func (s *contactsScreen) back() (bool, tea.Cmd) {
	if handled, cmd := s.backImport(); handled {
		s.syncKeys()
		return true, cmd
	}
	switch {
	case s.host.Active() || s.waiting:
		s.host.Stop()
		s.waiting, s.leaving = false, false
		s.mode = s.formFrom
		s.syncKeys()
		return true, nil
	case s.leaving:
		// The save asked for on the way out has closed the form already.
		s.leaving = false
		return true, nil
	case s.mode == contactsDetail:
		s.mode = contactsList
		s.list.SelectID(s.detailID)
		s.syncKeys()
		return true, nil
	}
	return false, nil
}
