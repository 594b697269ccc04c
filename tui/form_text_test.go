package tui

import (
	"testing"
)

// Issue 14 (hostile goldens): a form opened on text holding an escape
// sequence showed what the text field left of it once it dropped the ESC
// ("N1 red [31mRED[0m text"), and saving the step stored that, so every
// screen showed the sequence's insides from then on. Forms open on the text
// as the screens show it.
func TestFormsOpenOnTextAsShown(t *testing.T) {
	store := demoStore(t)
	raw := "Consolidate \x1b[31monto\x1b[0m one \x1b]8;;https://evil.example\x1b\\data\x1b]8;;\x1b\\ warehouse"
	store.proposals[0].Title = raw
	d := newDriver(t, store, 100, 30)
	d.press("enter", "E")
	d.mustSee("Consolidate onto one data warehouse")
	d.mustNotSee("[31m", "]8;;")

	d = newDriver(t, store, 100, 30)
	d.press("w", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab")
	d.mustSee("Consolidate onto one data warehouse")
	d.mustNotSee("[31m", "]8;;")
	d.press("enter", "enter", "enter", "enter", "enter")
	// Untouched, the title is kept as it was given, or stored as shown;
	// never as the insides of its escapes.
	if got := store.storedProposal(t, store.proposals[0].ID).Title; got != raw && got != "Consolidate onto one data warehouse" {
		t.Fatalf("walking through the proposal step stored the title as %q", got)
	}
}

// The person form opens on the name as shown, not on what is left of an
// escape sequence.
func TestPersonFormOpensOnTheNameAsShown(t *testing.T) {
	store := demoStore(t)
	for id, c := range store.contacts {
		if c.Name == "Dana Reyes" {
			c.Name = "Dana \x1b]8;;https://evil.example\x1b\\Reyes\x1b]8;;\x1b\\"
			store.contacts[id] = c
		}
	}
	d := newDriver(t, store, 100, 30)
	d.press("enter", "2", "e")
	d.mustSee("Dana Reyes")
	d.mustNotSee("]8;;", "evil.example")
}
