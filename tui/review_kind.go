package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/tui/widget"
)

// reviewSpec is what one kind of row brings to the review screen: its
// words, columns, filter cycles, rows and detail pane, its forms and the
// store commands that save and delete it, and its key labels. The screen
// does the rest, so a third kind is one value like objectionKind
// (objections.go) and blindSpotKind (blindspots.go) and its forms.
// R is the row the list shows, D the draft its forms edit.
type reviewSpec[R any, D comparable] struct {
	// id is the kind, for the messages the screen sends itself.
	id reviewKind
	// name is the screen's title ("Objections"); one names a row in a
	// sentence ("objection"), a with its article ("an objection"), many
	// the rows ("objections").
	name, one, a, many string

	// columns are the list's; proposalCol is the Proposal column, hidden
	// while the list shows one proposal.
	columns     []widget.Column
	proposalCol int
	// cycles are the filters a key steps through (s, then v), shown first
	// on the filter line.
	cycles []reviewCycle
	// index orders the kind's rows as on today, and gives the filter that
	// picks from them: positions in all, in order. It runs once per load
	// (and day); the filter runs on every key typed into the search, so
	// it only scans (model.ObjectionIndex).
	index func(d *reviewData, today model.Date) (all []R, match func(reviewFilter) []int)
	// ref is what the screen needs of every row.
	ref func(R) reviewRef
	// cells is a row's grid row: cleaned cells in column order, and tone.
	cells func(R) widget.Row
	// isOpen counts a row in "N still open".
	isOpen func(R) bool
	// noProposals and noRows are the empty list's notes: no proposal yet,
	// or none of this kind recorded (a filter that hides everything has a
	// note of its own).
	noProposals, noRows string
	// recorded is how many rows of the kind the workbook holds.
	recorded func(d *reviewData) int
	// sections describe a row: cut to the pane, or whole when full.
	sections func(s *reviewScreen[R, D], row R, full bool) []section

	// draftOf is a row's draft for an edit form; newDraft a new row's on
	// a proposal, for the add form; proposalOf the proposal a draft is on.
	draftOf    func(R) D
	newDraft   func(proposalID int64) D
	proposalOf func(D) int64
	// form is the huh form of an edit, bound to s.draft.
	form func(s *reviewScreen[R, D], e reviewEdit) *huh.Form
	// check refuses to open an edit on a row, with why; nil opens all.
	check func(s *reviewScreen[R, D], row R, e reviewEdit) error
	// mark is m on a row when it acts at once; nil opens editStatus.
	mark func(s *reviewScreen[R, D], row R) tea.Cmd
	// voice is whether i picks a voice in the room.
	voice bool
	// describe says what a save changes, for the status line.
	describe func(s *reviewScreen[R, D], e reviewEdit, d, was D) string
	// addTitle and addContext head the add form; editTitles each edit's
	// form, over context, the row the form is on.
	addTitle, addContext string
	editTitles           map[reviewEdit]string
	context              func(R) string
	// filterContext heads the filter form; personTitle is its person
	// field, whose choices are the names people lists.
	filterContext, personTitle string
	people                     func(d *reviewData) map[string]bool
	// save writes a draft (id 0 adds it); remove deletes a row. Both
	// answer with a reviewSavedMsg.
	save   func(b *backend, seq int, id int64, d, was D) tea.Cmd
	remove func(b *backend, seq int, id int64) tea.Cmd

	// labelKeys names the row's keys for the selected row (ok false when
	// none is).
	labelKeys func(k *reviewKeys, row R, ok bool)
	hints     reviewHints
}

// reviewRef is what the screen needs of any row: which it is, where it
// belongs, its words, and the person w opens.
type reviewRef struct {
	id, proposalID, touchpointID int64
	text                         string
	person                       int64
}

// reviewFilter is the screen's filters for a kind's rows: the proposal (0
// for every one), the choice in each of the kind's cycles, part of a
// person's name, the search, and whether archived proposals count.
type reviewFilter struct {
	proposalID int64
	cycle      []int
	person     string
	text       string
	archived   bool
}

// reviewCycle is a filter a key steps through: its key and the label of
// each choice, the first choosing everything ("any"), which the filter line
// shows as anyLabel ("any status").
type reviewCycle struct {
	key      func(k *reviewKeys) *key.Binding
	choices  []string
	anyLabel string
}

// reviewHints are a kind's keys in the key list, in its order: short and
// fullShort on the list and the page in full (actions first, as the line
// drops keys from the end), actions the row's own forms for the full list.
type reviewHints struct {
	short, fullShort, actions func(k *reviewKeys) []key.Binding
}

// reviewEdit is which change a review form makes.
type reviewEdit int

const (
	// editAll changes every field (e).
	editAll reviewEdit = iota
	// editStatus changes the status (m).
	editStatus
	// editRespond writes the answer: the response, how it was addressed (r).
	editRespond
	// editVoice picks the voice in the room (i).
	editVoice
	// editAdd records a new row (a).
	editAdd
)

// reviewSavedMsg reports a row written or deleted from a review screen:
// id is the row saved, 0 for a delete.
type reviewSavedMsg struct {
	kind reviewKind
	seq  int
	id   int64
	err  error
}

func (m reviewSavedMsg) saveErr() error { return m.err }

// reviewDeleteMsg is the yes to "delete this row?": the screen that asked
// deletes row id.
type reviewDeleteMsg struct {
	kind reviewKind
	id   int64
}
