package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/backchannel/backchannel/tui/widget"
)

// keyMap is every key the UI answers to. It is built by newKeyMap, never
// shared as a mutable variable; each screen keeps its own copy and disables
// what makes no sense in its current state.
type keyMap struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
	Back      key.Binding

	// Undo and Redo take back the last change and put it back, anywhere
	// but inside a form.
	Undo key.Binding
	Redo key.Binding

	// Objections and BlindSpots open the review screens from anywhere.
	Objections key.Binding
	BlindSpots key.Binding
	// Agenda opens today's agenda from anywhere; Find searches everything
	// from the dashboard.
	Agenda key.Binding
	Find   key.Binding

	Move     key.Binding
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding

	Open    key.Binding
	New     key.Binding
	Demo    key.Binding
	Walk    key.Binding
	Refresh key.Binding

	NextTab key.Binding
	PrevTab key.Binding
	JumpTab key.Binding
	Log     key.Binding
	Add     key.Binding
	Edit    key.Binding
	// Remove deletes or removes the selected thing, after one question;
	// EditDetails edits the proposal itself; Archived shows archived ones.
	Remove key.Binding
	// PurgeTalk erases the selected conversation for good (Log tab).
	PurgeTalk key.Binding
	// PurgeProposal erases the selected proposal for good and PurgeHistory
	// the change history before a day (dashboard); both ask for a typed word.
	PurgeProposal key.Binding
	PurgeHistory  key.Binding
	EditDetails   key.Binding
	Archived      key.Binding

	// Contacts opens the directory from the dashboard; Debrief records a
	// proposal's outcome and how each person acted, from its workspace.
	Contacts key.Binding
	Debrief  key.Binding

	NextStep key.Binding
	PrevStep key.Binding
	Finish   key.Binding

	Save    key.Binding
	Discard key.Binding
	Keep    key.Binding
	// SaveQuit only labels ctrl+c in the unsaved-input question, where a
	// second ctrl+c saves and quits; ForceQuit is the binding that matches.
	SaveQuit key.Binding
}

// newKeyMap returns the default bindings.
func newKeyMap() keyMap {
	return keyMap{
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),

		Undo: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Redo: key.NewBinding(key.WithKeys("U"), key.WithHelp("U", "redo")),

		Objections: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "objections")),
		BlindSpots: key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "blind spots")),
		Agenda:     key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "today's agenda")),
		Find:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),

		// Move only labels ↑/↓ in the short help; Up and Down do the work.
		Move:     key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "last")),

		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		New:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new proposal")),
		Demo:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "load demo")),
		Walk:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "walkthrough")),
		Refresh: key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "reload")),

		NextTab: key.NewBinding(key.WithKeys("tab", "right"), key.WithHelp("tab", "next tab")),
		PrevTab: key.NewBinding(key.WithKeys("shift+tab", "left"), key.WithHelp("shift+tab/←", "previous tab")),
		JumpTab: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6"), key.WithHelp("1–6", "jump to tab")),
		Log:     key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "log talk")),
		Add:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add person")),
		Edit:    key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e/enter", "edit")),

		Remove:        key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "remove")),
		PurgeTalk:     key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "purge talk")),
		PurgeProposal: key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "purge proposal")),
		PurgeHistory:  key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "purge old history")),
		EditDetails:   key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "edit proposal")),
		Archived:      key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "show archived")),

		Contacts: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "contacts")),
		Debrief:  key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "debrief")),

		NextStep: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next step")),
		PrevStep: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous step")),
		Finish:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "finish")),

		Save:     key.NewBinding(key.WithKeys("s", "y"), key.WithHelp("s", "save it")),
		Discard:  key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "discard it")),
		Keep:     key.NewBinding(key.WithKeys("esc", "n"), key.WithHelp("esc", "keep editing")),
		SaveQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "save and quit")),
	}
}

// navKeys are the list movement keys, shown together in full help.
func (k keyMap) navKeys() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}

// moves are the list movement keys, for widget.Grid.MoveKey.
func (k keyMap) moves() widget.MoveKeys {
	return widget.MoveKeys{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Top: k.Top, Bottom: k.Bottom}
}
