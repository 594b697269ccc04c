package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// cachedHolds reports which of texts a kept Summary rendering holds, read as
// a person would (no colours, lines joined).
func cachedHolds(c *briefCache, texts []string) []string {
	var found []string
	for _, s := range texts {
		want := strings.Join(strings.Fields(s), " ")
		for _, out := range c.out {
			if strings.Contains(strings.Join(strings.Fields(ansi.Strip(out)), " "), want) {
				found = append(found, s)
				break
			}
		}
	}
	return found
}

// A proposal purged from the dashboard leaves none of its text in the
// Summary renderings the TUI keeps across workspaces: purging is for good,
// and that includes the memory of the program still running.
func TestPurgeForgetsTheRenderedBriefs(t *testing.T) {
	store := demoDB(t)
	d := newDriver(t, store, 120, 40)
	row, ok := d.app.dashboard.list.Selected()
	if !ok {
		t.Fatal("no proposal selected")
	}
	texts := proposalOnlyTexts(t, store, row.ID)
	openFirstProposal(d)
	d.mustSee("Verdict:")
	if got := cachedHolds(&d.app.b.briefs, texts); len(got) == 0 {
		t.Fatal("no rendering kept holds the proposal's text before the purge: the test proves nothing")
	}
	d.press("esc")
	d.press("P")
	d.typ("purge")
	d.press("enter")
	d.mustSee("Purged “")
	if got := cachedHolds(&d.app.b.briefs, texts); len(got) > 0 {
		t.Errorf("after the purge the kept renderings still hold %q", got)
	}
}

// A rendering that began before a purge and answers after it is not kept:
// it may be of the text the purge erased.
func TestARenderingFromBeforeAPurgeIsNotKept(t *testing.T) {
	d := newDriver(t, demoStore(t), 100, 30)
	openFirstProposal(d)
	w := d.app.workspace
	w.rendering, w.renderingGen = "stale/116/dark", d.app.b.briefs.gen
	d.app.b.briefs.forget()
	d.send(briefRenderedMsg{key: "stale/116/dark", out: "the purged words"})
	if got := cachedHolds(&d.app.b.briefs, []string{"the purged words"}); len(got) > 0 {
		t.Fatal("a rendering begun before the purge was kept after it")
	}
}
