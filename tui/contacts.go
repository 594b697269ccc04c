package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// contactsMode is what the Contacts screen shows: the list or one person.
type contactsMode int

const (
	contactsList contactsMode = iota
	contactsDetail
)

// contactsKeys are the Contacts screen's keys.
type contactsKeys struct {
	keyMap
	Search     key.Binding
	SearchDone key.Binding
	Sort       key.Binding
	Archived   key.Binding
	Import     key.Binding
	// ArchiveOne archives or unarchives a contact; Merge folds another
	// contact into this one; Delete deletes one nothing refers to.
	ArchiveOne key.Binding
	Merge      key.Binding
	Delete     key.Binding
	// Purge erases a contact for good, after a typed confirmation.
	Purge key.Binding
}

// newContactsKeys returns the Contacts screen's bindings.
func newContactsKeys() contactsKeys {
	k := contactsKeys{keyMap: newKeyMap()}
	k.Open = key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "history"))
	k.Add = key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add"))
	k.Edit = key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit"))
	k.Search = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find by name"))
	k.SearchDone = key.NewBinding(key.WithKeys("enter", "down", "up"), key.WithHelp("enter", "keep search"))
	k.Sort = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by name"))
	k.Archived = key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "show archived"))
	k.Import = key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "import a file"))
	k.ArchiveOne = key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "archive"))
	k.Merge = key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "merge"))
	k.Delete = key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "delete"))
	k.Purge = key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "purge for good"))
	return k
}

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
	cells map[int64]gridRow
	lower map[int64]string
	// flags are each contact's flags (said≠did, ask-only, reconnect);
	// attention marks the active contacts with any.
	flags     map[int64][]string
	attention map[int64]bool
	// active counts the contacts not archived; flagged those of them that
	// need attention.
	active, flagged int

	list grid
	mode contactsMode
	searchBox
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

	host     formHost
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
}

// contactsTop is the lines above the list: the title, the filter line, a gap.
const contactsTop = 3

// newContactsScreen builds the Contacts screen.
func newContactsScreen(b *backend, st *Styles) *contactsScreen {
	s := &contactsScreen{b: b, st: st, keys: newContactsKeys()}
	s.list = newGrid([]column{
		{title: "Name", min: 16},
		{title: "Title · org", min: 20, priority: 3},
		{title: "Kind", width: 10, priority: 2},
		{title: "Discreet", width: 8, priority: 5},
		{title: "Spoke", width: 8, priority: 1},
		{title: "Give/ask", width: 8, right: true, priority: 4},
		{title: "Flag", min: 9, shorten: shortenFlags},
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
	s.list.SetSize(w, max(h-contactsTop-1, 2))
	s.host.SetSize(w, h-formHeading)
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
	s.host.setStyles(st)
	s.buildDetail()
	if s.imp != nil {
		s.imp.st = st
		s.imp.build()
	}
	return nil
}

// Update handles loads, saves, the form, the search and the keys.
func (s *contactsScreen) Update(msg tea.Msg) (*contactsScreen, tea.Cmd) {
	if handled, cmd := s.updateImport(msg); handled {
		s.syncKeys()
		return s, cmd
	}
	switch msg := msg.(type) {
	case peopleLoadedMsg:
		if msg.seq != s.seq {
			return s, nil
		}
		s.loading = false
		if msg.err != nil {
			return s, reportErr(msg.err)
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
				return s, s.loadTalks()
			}
		}
		return s, nil
	case contactTalksMsg:
		if msg.seq != s.talksSeq {
			return s, nil
		}
		if msg.err != nil {
			return s, reportErr(msg.err)
		}
		s.talks, s.talksOf = msg.talks, msg.contactID
		s.buildDetail()
		return s, nil
	case contactSavedMsg:
		return s, s.saved(msg)
	case contactImpactMsg:
		return s, s.impact(msg)
	case contactActMsg:
		return s, s.act(msg)
	case contactPurgeMsg:
		return s, s.purge(msg)
	case contactChangedMsg:
		return s, s.changed(msg)
	case tea.PasteMsg:
		if s.pasteSearch(msg) {
			s.rebuild()
			return s, nil
		}
	}
	if s.host.active() {
		if s.waiting {
			return s, nil
		}
		completed, cmd := s.host.update(msg)
		switch {
		case completed && s.formKind == contactFormMerge:
			return s, tea.Batch(cmd, s.picked())
		case completed:
			return s, tea.Batch(cmd, s.save())
		}
		return s, cmd
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		cmd := s.handleKey(k)
		s.syncKeys()
		return s, cmd
	}
	return s, nil
}

// handleKey runs the search, movement and the actions of the mode.
func (s *contactsScreen) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if s.searching {
		if s.searchKey(k, s.keys.SearchDone, s.move) {
			s.rebuild()
		}
		return nil
	}
	if key.Matches(k, s.keys.Refresh) {
		return s.load()
	}
	if !s.loaded || s.waiting {
		return nil
	}
	if s.mode == contactsDetail {
		switch {
		case key.Matches(k, s.keys.Edit):
			return s.openForm(s.detailID)
		case key.Matches(k, s.keys.Add):
			return s.openForm(0)
		}
		if cmd, ok := s.contactKey(k); ok {
			return cmd
		}
		s.scroll(k)
		return nil
	}
	if s.move(k) {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Search):
		s.searching = true
	case key.Matches(k, s.keys.Sort):
		s.byName = !s.byName
		s.rebuild()
	case key.Matches(k, s.keys.Archived):
		s.archived = !s.archived
		s.rebuild()
	case key.Matches(k, s.keys.Add):
		return s.openForm(0)
	case key.Matches(k, s.keys.Import):
		return s.openImport()
	case key.Matches(k, s.keys.Edit):
		if r, ok := s.list.Selected(); ok {
			return s.openForm(r.id)
		}
	case key.Matches(k, s.keys.Open):
		if r, ok := s.list.Selected(); ok {
			return s.openDetail(r.id)
		}
	default:
		cmd, _ := s.contactKey(k)
		return cmd
	}
	return nil
}

// contactKey runs archive, merge or delete on the contact on the page or
// under the cursor; it reports whether k was one of them.
func (s *contactsScreen) contactKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	c, ok := s.target()
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(k, s.keys.ArchiveOne):
		return s.toggleArchived(c), true
	case key.Matches(k, s.keys.Merge):
		return s.openMerge(c), true
	case key.Matches(k, s.keys.Delete):
		return s.askDelete(c), true
	case key.Matches(k, s.keys.Purge):
		return s.askPurge(c), true
	}
	return nil, false
}

// move handles the list movement keys; it reports whether k was one.
func (s *contactsScreen) move(k tea.KeyPressMsg) bool { return s.list.moveKey(s.keys.keyMap, k) }

// scroll moves the detail page.
func (s *contactsScreen) scroll(k tea.KeyPressMsg) {
	page := s.detailWindow()
	switch {
	case key.Matches(k, s.keys.Up):
		s.detailOff--
	case key.Matches(k, s.keys.Down):
		s.detailOff++
	case key.Matches(k, s.keys.PageUp):
		s.detailOff -= page
	case key.Matches(k, s.keys.PageDown):
		s.detailOff += page
	case key.Matches(k, s.keys.Top):
		s.detailOff = 0
	case key.Matches(k, s.keys.Bottom):
		s.detailOff = len(s.detail)
	}
	s.clampDetail()
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
	s.cells = make(map[int64]gridRow, len(d.contacts))
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
			keep = r.id
		}
	}
	s.focus = 0
	q := strings.ToLower(strings.TrimSpace(s.query))
	rows := make([]gridRow, 0, len(s.data.contacts))
	var later []gridRow
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
	return s.searching || s.host.capturing() || s.imp != nil
}

// wantsEsc reports whether esc ends the search or a form's filter.
func (s *contactsScreen) wantsEsc() bool { return s.searching || s.host.wantsEsc() || s.imp != nil }

// back closes the form, then the person's page, before the screen.
func (s *contactsScreen) back() (bool, tea.Cmd) {
	if handled, cmd := s.backImport(); handled {
		s.syncKeys()
		return true, cmd
	}
	switch {
	case s.host.active() || s.waiting:
		s.host.stop()
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

// syncKeys enables what applies now.
func (s *contactsScreen) syncKeys() {
	list := s.loaded && s.mode == contactsList
	has := list && s.list.Len() > 0
	any := list && len(s.data.contacts) > 0
	s.keys.Open.SetEnabled(has)
	s.keys.Edit.SetEnabled(has || (s.loaded && s.mode == contactsDetail))
	s.keys.Add.SetEnabled(s.loaded)
	s.keys.Search.SetEnabled(any)
	s.keys.Sort.SetEnabled(any)
	s.keys.Archived.SetEnabled(any)
	s.keys.Import.SetEnabled(list)
	c, ok := s.target()
	for _, b := range []*key.Binding{&s.keys.ArchiveOne, &s.keys.Merge, &s.keys.Delete, &s.keys.Purge} {
		b.SetEnabled(s.loaded && ok)
	}
	s.keys.ArchiveOne.SetHelp("z", "archive")
	if ok && c.Archived {
		s.keys.ArchiveOne.SetHelp("z", "unarchive")
	}
	s.keys.Sort.SetHelp("s", "sort by name")
	if s.byName {
		s.keys.Sort.SetHelp("s", "sort by attention")
	}
	s.keys.Archived.SetHelp("A", "show archived")
	if s.archived {
		s.keys.Archived.SetHelp("A", "hide archived")
	}
	s.keys.Move.SetHelp("↑/↓", "move")
	s.keys.Edit.SetHelp("e", "edit")
	if s.mode == contactsDetail {
		s.keys.Move.SetHelp("↑/↓", "scroll")
		s.keys.Edit.SetHelp("e", "edit them")
	}
	s.keys.Move.SetEnabled(has || (s.loaded && s.mode == contactsDetail))
}

// ShortHelp implements help.KeyMap; the most useful keys first, since the
// line drops keys from the end when the terminal is narrow.
func (s *contactsScreen) ShortHelp() []key.Binding {
	switch {
	case s.imp != nil:
		return s.imp.help()
	case s.host.active():
		return s.host.keyBinds()
	case s.searching:
		return []key.Binding{s.keys.SearchDone}
	case s.mode == contactsDetail:
		return []key.Binding{s.keys.Edit, s.keys.Move, s.keys.Merge, s.keys.ArchiveOne, s.keys.Delete, s.keys.Add}
	}
	return []key.Binding{s.keys.Open, s.keys.Search, s.keys.Edit, s.keys.Add, s.keys.Merge, s.keys.ArchiveOne, s.keys.Delete,
		s.keys.Sort, s.keys.Archived, s.keys.Import}
}

// FullHelp implements help.KeyMap.
func (s *contactsScreen) FullHelp() [][]key.Binding {
	if s.imp != nil {
		return [][]key.Binding{s.imp.help()}
	}
	if s.host.active() {
		return [][]key.Binding{s.host.keyBinds()}
	}
	return [][]key.Binding{
		{s.keys.Open, s.keys.Add, s.keys.Edit, s.keys.Merge, s.keys.ArchiveOne, s.keys.Delete, s.keys.Purge, s.keys.Import},
		{s.keys.Search, s.keys.Sort, s.keys.Archived, s.keys.Refresh},
		s.keys.navKeys(),
	}
}
