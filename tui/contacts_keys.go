package tui

// The Contacts screen's keys: what each does on the list and on a person's
// page, and which are on.

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
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

// handleKey runs the search, movement and the actions of the mode.
func (s *contactsScreen) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if s.Searching {
		if s.SearchKey(k, s.keys.SearchDone, s.move) {
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
		s.Searching = true
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
			return s.openForm(r.ID)
		}
	case key.Matches(k, s.keys.Open):
		if r, ok := s.list.Selected(); ok {
			return s.openDetail(r.ID)
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
func (s *contactsScreen) move(k tea.KeyPressMsg) bool {
	return s.list.MoveKey(s.keys.keyMap.moves(), k)
}

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
	case s.host.Active():
		return s.host.KeyBinds()
	case s.Searching:
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
	if s.host.Active() {
		return [][]key.Binding{s.host.KeyBinds()}
	}
	return [][]key.Binding{
		{s.keys.Open, s.keys.Add, s.keys.Edit, s.keys.Merge, s.keys.ArchiveOne, s.keys.Delete, s.keys.Purge, s.keys.Import},
		{s.keys.Search, s.keys.Sort, s.keys.Archived, s.keys.Refresh},
		s.keys.navKeys(),
	}
}
