package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	tea "charm.land/bubbletea/v2"

	"github.com/backchannel/backchannel/model"
)

// Issue 13: the Summary tab rendered the whole brief with glamour again on
// every open, reload and resize. It renders once per brief content, width
// and style: reopening the proposal, or coming back to a width seen before,
// renders nothing; a change to what the brief says renders it again, and
// the tab never shows the old text.
func TestSummaryRendersOnlyWhatChanged(t *testing.T) {
	store := demoStore(t)
	d := newDriver(t, store, 80, 24)
	renders := 0
	d.holdIf = func(m tea.Msg) bool {
		if _, ok := m.(briefRenderedMsg); ok {
			renders++
		}
		return false
	}
	d.press("enter")
	if renders != 1 {
		t.Fatalf("opening the proposal rendered the brief %d times, want 1", renders)
	}
	ask := d.app.workspace.d.Proposal.Ask
	d.mustSee("Verdict: Not ready")

	d.press("esc", "enter")
	if renders != 1 {
		t.Fatalf("opening the proposal again rendered the brief again (%d renderings)", renders)
	}
	d.mustSee("Verdict: Not ready")

	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if renders != 2 {
		t.Fatalf("a new width and back rendered %d times in all, want 2", renders)
	}

	id := d.app.workspace.id
	if _, err := store.EditProposal(context.Background(), id, func(p *model.Proposal) error {
		p.Ask = "An ask rewritten from the command line."
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	d.press("esc", "enter")
	if renders != 3 {
		t.Fatalf("a changed brief rendered %d times in all, want 3", renders)
	}
	shown := ansi.Strip(d.app.workspace.summary.GetContent())
	if !strings.Contains(shown, "An ask rewritten from the command line.") || strings.Contains(shown, ask) {
		t.Fatalf("the Summary does not show the new ask in place of the old:\n%s", shown)
	}
}
