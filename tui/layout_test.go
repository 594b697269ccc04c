package tui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/backchannel/backchannel/model"
)

// The screens below measured nothing: their heads were assumed to be a
// fixed number of lines (contactsTop, importTop, debriefTop, walkTop,
// formScreenTop, search's 3), so a long title or filter was cut at the
// edge, and a head drawn on more lines would push the list's last rows and
// the screen's own footer under the app's key help, where the app cuts
// them. Each test gives a screen a head too long for 80 columns and wants
// it read whole, with the end of the list and the footer still on screen.

// longTitle is a proposal title that cannot fit one line at 80 columns; it
// ends in a word a test can look for.
const longTitle = "Consolidate the regional finance, people and procurement data marts onto one governed warehouse by Zanzibar"

// mustFitBody fails unless the screen draws within the body the app gives
// it (what goes below is cut by the app, the screen's footer first) and
// shows every text.
func (d *driver) mustFitBody(texts ...string) {
	d.t.Helper()
	cur, _ := d.app.current()
	if h := lipgloss.Height(cur.View()); h > d.app.lay.bodyH {
		d.t.Fatalf("the screen draws %d lines in a body of %d, so its last lines are cut:\n%s", h, d.app.lay.bodyH, d.view())
	}
	d.mustSee(texts...)
}

// mustContinue fails unless the line after the first one starting with
// first starts with next: a head wrapped onto a second line rather than
// cut at the edge.
func (d *driver) mustContinue(first, next string) {
	d.t.Helper()
	lines := strings.Split(d.view(), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, first) {
			if i+1 == len(lines) || !strings.HasPrefix(lines[i+1], next) {
				d.t.Fatalf("the line after %q does not go on with %q:\n%s", l, next, d.view())
			}
			return
		}
	}
	d.t.Fatalf("no line starts with %q:\n%s", first, d.view())
}

// retitle gives the proposal titled was a new title in the fake store.
func retitle(t *testing.T, store *fakeStore, was, now string) {
	t.Helper()
	for i, p := range store.proposals {
		if p.Title == was {
			store.proposals[i].Title = now
			return
		}
	}
	t.Fatalf("no proposal titled %q", was)
}

// A search typed with the archived shown: the filter line goes on to a
// second line instead of hiding "with archived", and the list shrinks so
// its more-hint and the legend stay.
func TestContactsFilterLineWrapsAndTheListShrinks(t *testing.T) {
	store := demoStore(t)
	for i := 1; i <= 30; i++ {
		store.contacts = append(store.contacts, model.Contact{ID: store.id(), Name: fmt.Sprintf("Person Number %02d", i)})
	}
	d := newDriver(t, store, 80, 24)
	d.press("c", "A", "/")
	d.typ("person number")
	d.mustFitBody("person number▏", "with archived", "Person Number 01", "more ↓", "+N more")
}

// Editing a person with a long name: the heading wraps, the form under it
// is sized to what is left.
func TestContactFormHeadingWraps(t *testing.T) {
	store := demoStore(t)
	name := "Alexandra Konstantinopoulou-Vanderbilt-Montgomery de la Cruz y Fernández Zanzibar"
	store.contacts = append(store.contacts, model.Contact{ID: store.id(), Name: name})
	d := newDriver(t, store, 80, 24)
	d.press("c", "/")
	d.typ("Alexandra")
	d.press("enter", "e")
	d.mustFitBody("Edit Alexandra", "Every change is kept in the history.")
	d.mustContinue("Edit Alexandra", "Zanzibar")
}

// An import file with a long name: the preview's title wraps, its rows
// scroll under it, and the scroll hint stays.
func TestImportPreviewTitleWraps(t *testing.T) {
	store := importStore(t)
	var cards strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&cards, "BEGIN:VCARD\nVERSION:3.0\nFN:Person Number %02d\nEND:VCARD\n", i)
	}
	file := writeFile(t, "contacts-exported-from-the-old-work-account-before-the-reorg.vcf", cards.String())
	d := newDriver(t, store, 80, 24)
	d.press("c", "i")
	d.typ(file)
	d.press("enter")
	d.mustFitBody("↑/↓ scroll")
	d.mustContinue("Import contacts › contacts-exported", "reorg.vcf")
}

// A long query kept: the field wraps, the results shrink, the selected
// result stays in full at the bottom.
func TestSearchFieldWrapsAndTheDetailStays(t *testing.T) {
	d := newDriver(t, demoStore(t), 80, 24)
	d.press("/")
	d.typ("the quarterly budget review with the finance committee before the whole board meets")
	d.press("enter")
	d.mustFitBody("whole board", "meets”", "said: Liked the idea")
	// The selected result in full: its field's name was put in front of a
	// line wrapped without it, which cut the line's end ("ad…" and then "jobs.").
	d.mustSee("hoc jobs.")
}

// The debrief of a proposal with a long title and forum: both wrap, the
// last person, the legend and the tally stay.
func TestDebriefTitleWraps(t *testing.T) {
	store := demoStore(t)
	retitle(t, store, "Hire a VP of Security", "Hire a VP of Security "+longTitle)
	d := newDriver(t, store, 80, 24)
	openHireDebrief(d)
	d.mustFitBody("Debrief: Hire", "Zanzibar", "Tom Becker", "0 clear", "in the room recorded")
}

// Logging a conversation on a proposal with a long title: the heading
// wraps and the stages stay under it.
func TestLogFormHeadingWraps(t *testing.T) {
	store := demoStore(t)
	store.proposals[0].Title = longTitle
	d := newDriver(t, store, 80, 24)
	openLogOnDana(t, d)
	d.mustFitBody("Log a conversation on", "Zanzibar”", "[the conversation]")
}

// Adding a person to a proposal with a long title: the same.
func TestPersonFormHeadingWraps(t *testing.T) {
	store := demoStore(t)
	store.proposals[0].Title = longTitle
	d := newDriver(t, store, 80, 24)
	addSomeoneNew(t, d, "Zoe Park")
	d.mustFitBody("Add a person to", "Zanzibar”", "[whom] › when")
}

// In the walkthrough, a person with a long name: the heading over the
// person forms wraps instead of being cut.
func TestWalkPersonHeadingWraps(t *testing.T) {
	store := demoStore(t)
	for id, c := range store.contacts {
		if c.Name == "Dana Reyes" {
			store.contacts[id].Name = "Dana Reyes-Konstantinopoulou-Vanderbilt-Montgomery de la Cruz y Fernández de Zanzibar"
		}
	}
	d := newDriver(t, store, 80, 24)
	d.press("w", "shift+tab", "shift+tab", "shift+tab")
	d.mustSee("Whom will you talk to?")
	d.press("enter")
	d.mustFitBody("Name")
	d.mustContinue("Dana Reyes-", "Zanzibar")
}

// Editing a proposal with a long title: the heading wraps over the form.
func TestRecordFormHeadingWraps(t *testing.T) {
	store := demoStore(t)
	store.proposals[0].Title = longTitle
	d := newDriver(t, store, 80, 24)
	d.press("enter", "E")
	d.mustFitBody("Title")
	d.mustContinue("Edit “Consolidate the regional", "one governed warehouse by Zanzibar”")
}

// The dashboard gives its list the whole body: at 80×24 (a body of 20
// lines: the count, a gap, the column titles, the rows, the more line, the
// footer) 15 of 40 proposals show; it assumed two lines more than it drew
// and showed 13.
func TestDashboardListUsesTheBody(t *testing.T) {
	store := newFakeStore()
	for i := 1; i <= 40; i++ {
		store.proposals = append(store.proposals, model.Proposal{ID: store.id(), Title: fmt.Sprintf("Proposal %02d", i), Status: model.StatusPrewiring})
	}
	d := newDriver(t, store, 80, 24)
	d.mustFitBody("40 proposals", "1–15 of 40")
}

// The walkthrough's list of people gets the lines its prompts leave: at
// 120×40 the What step's prompts take two lines, and the list two more rows
// than when four were assumed for them (a body of 36 lines: progress, gap,
// heading, two prompt lines, gap, column titles, 28 rows, the more line).
func TestWalkListUsesWhatThePromptsLeave(t *testing.T) {
	store := demoStore(t)
	pid := store.proposals[0].ID
	for i := 1; i <= 30; i++ {
		c := model.Contact{ID: store.id(), Name: fmt.Sprintf("Person Number %02d", i)}
		store.contacts = append(store.contacts, c)
		store.stakeholders = append(store.stakeholders, model.Stakeholder{ID: store.id(), ProposalID: pid, ContactID: c.ID,
			Role: model.RoleAffected, Influence: 1, Stance: model.StanceNeutral, TargetStance: model.StanceNeutral})
	}
	d := newDriver(t, store, 120, 40)
	d.press("w", "shift+tab", "shift+tab")
	d.mustSee("What will you bring each of them?")
	d.mustFitBody("1–28 of 40")
}
