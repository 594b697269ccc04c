package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/tui/widget"
)

// A column's own shortening replaces the plain cut when its cell is wider.
func TestGridShortensACellItsOwnWay(t *testing.T) {
	g := widget.NewGrid([]widget.Column{
		{Title: "Name", Min: 30},
		{Title: "Flag", Min: 10, Shorten: shortenFlags},
	}, "")
	g.SetRows([]widget.Row{{ID: 1, Cells: []string{"Dana Reyes, Chief Financial Officer of the Group", strings.Join([]string{"said≠did", "ask-only", "reconnect"}, flagSep)}}})
	g.SetSize(42, 5)
	if row := gridLines(&g)[1]; !strings.Contains(row, "said≠did +2") {
		t.Errorf("the flag cell reads %q, want said≠did +2", row)
	}
	g.SetSize(80, 5)
	if row := gridLines(&g)[1]; !strings.Contains(row, "said≠did, ask-only, reconnect") {
		t.Errorf("with room the flag cell reads %q", row)
	}
}

// gridLines renders g without colour and splits it into lines.
func gridLines(g *widget.Grid) []string {
	return strings.Split(ansi.Strip(g.View(newStyles(true, true).grid())), "\n")
}
