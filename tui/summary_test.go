package tui

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/internal/hostile"
	"github.com/backchannel/backchannel/model/brief"
	"github.com/backchannel/backchannel/model/readiness"
)

// summaryWidths are the terminal widths the Summary must read at.
var summaryWidths = []int{80, 100, 120, 200}

// renderSummary renders a proposal's terminal brief as the Summary tab does
// at a terminal width, and returns the plain text and its markdown source.
func renderSummary(t *testing.T, store Store, id int64, width int) (shown, source string) {
	t.Helper()
	d, err := store.LoadDossier(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	doc := brief.Data(d, readiness.Assess(d, testToday), brief.Options{Today: testToday})
	w := &workspace{width: width}
	msg := renderBrief("", doc, w.briefWidth(), "dark")().(briefRenderedMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	return ansi.Strip(msg.out), brief.Terminal(doc, briefTextWidth(w.briefWidth()))
}

// wordRE finds words: letters and digits, with inner apostrophes.
var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*`)

// Issue 14: at 80 columns glamour broke words inside squeezed table cells
// ("platfor m", "coffee/lunc h") and showed markdown escapes literally
// ("compliment \& appreciate"). Every word on the Summary must be a word of
// its markdown source, whole, and no escape backslash may show.
func TestSummaryReadsWithoutBrokenWordsOrEscapes(t *testing.T) {
	store := demoStore(t)
	for _, p := range store.proposals {
		for _, width := range summaryWidths {
			shown, source := renderSummary(t, store, p.ID, width)
			words := map[string]bool{}
			for _, w := range wordRE.FindAllString(source, -1) {
				words[w] = true
			}
			for _, line := range strings.Split(shown, "\n") {
				if ansi.StringWidth(line) > width {
					t.Errorf("%s at %d: line wider than the terminal: %q", p.Title, width, line)
				}
				for _, w := range wordRE.FindAllString(line, -1) {
					if !words[w] {
						t.Errorf("%s at %d: %q is not a word of the brief (broken?) in %q", p.Title, width, w, line)
					}
				}
				if strings.Contains(line, `\`) {
					t.Errorf("%s at %d: an escape shows: %q", p.Title, width, line)
				}
			}
		}
	}
}

// The demo has "compliment & appreciate" in its plan: it shows with a bare
// ampersand, which the printed brief's escape (\&) did not.
func TestSummaryShowsAmpersandsBare(t *testing.T) {
	store := demoStore(t)
	found := false
	for _, p := range store.proposals {
		shown, _ := renderSummary(t, store, p.ID, 80)
		if strings.Contains(shown, "compliment & appreciate") {
			found = true
		}
	}
	if !found {
		t.Fatal(`no proposal's Summary shows "compliment & appreciate"`)
	}
}

// The hostile corpus on the Summary: no escape sequence reaches the
// terminal and every line fits, at every width.
func TestSummaryHostileText(t *testing.T) {
	store := newFakeStore()
	if err := store.Import(context.Background(), hostile.Workbook(testToday)); err != nil {
		t.Fatal(err)
	}
	for _, p := range store.proposals {
		for _, width := range summaryWidths {
			d, err := store.LoadDossier(context.Background(), p.ID)
			if err != nil {
				t.Fatal(err)
			}
			doc := brief.Data(d, readiness.Assess(d, testToday), brief.Options{Today: testToday})
			w := &workspace{width: width}
			msg := renderBrief("", doc, w.briefWidth(), "dark")().(briefRenderedMsg)
			if msg.err != nil {
				t.Fatal(msg.err)
			}
			if err := hostile.CheckTerminal(msg.out); err != nil {
				t.Errorf("%d: %v", width, err)
			}
			for _, line := range strings.Split(ansi.Strip(msg.out), "\n") {
				if ansi.StringWidth(line) > width {
					t.Errorf("%d: line wider than the terminal: %q", width, line)
				}
			}
		}
	}
}
