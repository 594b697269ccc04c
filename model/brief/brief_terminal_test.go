package brief

import (
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
	"github.com/backchannel/backchannel/model/internal/sample"
	"github.com/backchannel/backchannel/model/readiness"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Issue 14: the terminal edition never writes the escapes a terminal
// renderer shows literally, whatever the user typed.
func TestBriefTerminalWritesNoLiteralEscapes(t *testing.T) {
	d := sample.FixtureDossier()
	d.Proposal.Ask = `M&A work: see http://x.example, ask a@b.example, ~strike~ = plain \& done`
	doc := Data(d, readiness.Assess(d, sample.FixtureToday), Options{Today: sample.FixtureToday})
	for _, width := range []int{72, 200} {
		md := Terminal(doc, width)
		for _, esc := range []string{`\&`, `\@`, `\~`, `\:`, `\=`} {
			// An escaped backslash is followed by the escaped character's
			// own escape; only a lone backslash before these would show.
			if strings.Contains(strings.ReplaceAll(md, `\\`, ""), esc) {
				t.Errorf("width %d: %s in the terminal edition", width, esc)
			}
		}
		if !strings.Contains(md, "M&amp;A") {
			t.Errorf("width %d: the ask's ampersand is not a character reference", width)
		}
	}
}

// A table is written only where every cell fits on a line: at 72 cells the
// room, plan and factors are lists that lead with who and when.
func TestBriefTerminalListsWhatCannotFit(t *testing.T) {
	d := sample.FixtureDossier()
	doc := Data(d, readiness.Assess(d, sample.FixtureToday), Options{Today: sample.FixtureToday})
	md := Terminal(doc, 72)
	if strings.Contains(md, "|") {
		t.Errorf("a table at 72 cells:\n%s", md)
	}
	for _, p := range doc.Room {
		if !strings.Contains(md, "- **"+EscapeInline(p.Name)+"**") {
			t.Errorf("the room does not lead with %s", p.Name)
		}
	}
	if md != Terminal(doc, 72) {
		t.Error("the same brief at the same width differs")
	}
}

func TestTableFits(t *testing.T) {
	rows := [][]string{{"ab", "cdef"}}
	// columns of 2 and 4 cells, 3 cells of padding and rule each, 2 edges
	if !tableFits([]string{"a", "b"}, rows, 2+4+6+2) {
		t.Error("a table that fits exactly does not fit")
	}
	if tableFits([]string{"a", "b"}, rows, 2+4+6+1) {
		t.Error("a table one cell too wide fits")
	}
}

// The terminal edition of the demo and of the hostile fixture, at the text
// width of an 80-column Summary, as golden files (read them); the hostile
// one parses to the same sections, none made by what the user typed.
func TestGoldenTerminalBriefs(t *testing.T) {
	day := model.NewDate(2026, 11, 21)
	wb := demo.Workbook(day)
	d := model.DossierFromWorkbook(wb, wb.Proposals[0].ID)
	golden(t, "brief_terminal_demo_72.md", Terminal(Data(d, readiness.Assess(d, day), Options{Today: day}), 72))

	h := sample.FixtureDossier()
	h.Proposal.Ask = "- move on-call\n> quoted\n```\nfenced\n```\n[click](http://evil.example) or www.evil.example & M&A"
	c := h.Contacts[4]
	c.Name = "Tom [Becker](http://evil) <b>"
	c.Notes = "<img src=x onerror=alert(1)> talks | freely\r\n# at drinks"
	h.Contacts[4] = c
	h.Objections[0].Text = "| Three | regions |\ntriple **cost** ~~now~~ a@b.example"
	h.Stakeholders[0].Plan.Message = "```go\npanic()\n```"
	doc := Data(h, readiness.Assess(h, sample.FixtureToday), Options{Today: sample.FixtureToday})
	md := Terminal(doc, 72)
	golden(t, "brief_terminal_hostile_72.md", md)
	var headings []string
	err := ast.Walk(parseMarkdown(md), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHeading:
			headings = append(headings, plainText(t, n, md))
			return ast.WalkSkipChildren, nil
		case ast.KindBlockquote, ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML,
			ast.KindLink, ast.KindAutoLink, ast.KindImage, ast.KindCodeSpan, east.KindStrikethrough:
			t.Errorf("the terminal brief holds a %s", n.Kind())
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{VerdictHeading(doc.Status, doc.Verdict, doc.Score), HeadingAsk, HeadingRoom,
		HeadingObjections, HeadingBlindSpots, HeadingPlan, HeadingRisks, HeadingNextActions, HeadingRelationships, HeadingRecentLog}
	if strings.Join(headings, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings %q, want %q", headings, want)
	}
}
