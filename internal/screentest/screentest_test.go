package screentest

import "testing"

func TestKeyLanded(t *testing.T) {
	const (
		list       = "Proposals\n> Consolidate\n  Hire\n"
		listMoved  = "Proposals\n  Consolidate\n> Hire\n"
		title      = "┃ Title\n┃ > \n  Ask\n    \n"
		titleTyped = "┃ Title\n┃ > Budget\n  Ask\n    \n"
		askFocused = "  Title\n    Budget\n┃ Ask\n┃ > \n"
		titleError = "┃ Title\n┃ > \n┃ * a title is needed\n  Ask\n"
	)
	cases := []struct {
		name           string
		before, screen string
		want           bool
	}{
		{"nothing drawn yet", list, list, false},
		{"a list's cursor moved", list, listMoved, true},
		{"saving", list, list + "Saving…\n", false},
		{"still loading a screen", list, "Loading…\n", false},
		{"text typed into the focused field", title, titleTyped, true},
		{"enter: the focus moved to the next field", titleTyped, askFocused, true},
		{"enter: something else changed, the focus not yet moved", titleTyped, titleTyped + "status: 1 draft\n", false},
		{"enter: the field says what is wrong and keeps the focus", title, titleError, true},
		{"the form closed", askFocused, list, true},
	}
	for _, c := range cases {
		if got := KeyLanded(c.before, c.screen); got != c.want {
			t.Errorf("%s: KeyLanded = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestFocused(t *testing.T) {
	if got := Focused("  Title\n┃ Ask\n┃ > x\n  Where\n"); got != "┃ Ask\n┃ > x\n" {
		t.Errorf("Focused = %q", got)
	}
	if got := Focused("Proposals\n> Consolidate\n"); got != "" {
		t.Errorf("no form: Focused = %q", got)
	}
}

func TestTextLanded(t *testing.T) {
	const (
		empty   = "┃ Forum\n┃ > \n  Date\n"
		partial = "┃ Forum\n┃ > Eng le\n  Date\n"
		whole   = "┃ Forum\n┃ > Eng leads\n  Date\n"
		search  = "Contacts\n/ \nDana Reyes\n"
	)
	cases := []struct {
		name                 string
		before, screen, text string
		want                 bool
	}{
		{"the first letters drawn, the rest still coming", empty, partial, "Eng leads", false},
		{"all of it drawn in the field", empty, whole, "Eng leads", true},
		{"the last word elsewhere on screen only", "┃ Title\n┃ > \n  Eng leads\n", "┃ Title\n┃ > Eng\n  Eng leads\n", "Eng leads", false},
		{"a search box, outside a form", search, "Contacts\n/ dana\nDana Reyes\n", "dana", true},
		{"a search box still empty", search, search, "dana", false},
	}
	for _, c := range cases {
		if got := TextLanded(c.before, c.screen, c.text); got != c.want {
			t.Errorf("%s: TextLanded = %v, want %v", c.name, got, c.want)
		}
	}
}
