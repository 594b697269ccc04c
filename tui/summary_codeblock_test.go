package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/backchannel/backchannel/internal/hostile"
	"github.com/backchannel/backchannel/model/brief"
	"github.com/backchannel/backchannel/model/readiness"
)

// codeTexts is what people paste when they quote code or a config in a
// note: fences of both kinds with and without a language, indented lines
// (after text and after a blank line), tabs, and HTML pre.
var codeTexts = []hostile.Text{
	{Label: "backtick fence", Value: "```go\nfunc main() {}\n```"},
	{Label: "tilde fence", Value: "~~~python\nprint(1)\n~~~"},
	{Label: "indented", Value: "    indented code line"},
	{Label: "tab", Value: "\tx := 1"},
	{Label: "indented after a blank line", Value: "a paragraph\n\n    code after a blank line\n    second line"},
	{Label: "lone fence", Value: "```"},
	{Label: "indented fence", Value: "   ```yaml\n   key: value\n   ```"},
	{Label: "pre", Value: "<pre><code>x = 1</code></pre>"},
	{Label: "inline code", Value: "`inline` and ``double`` ticks"},
}

// codeBlocks counts the code blocks goldmark finds in md, parsed as
// glamour parses it (GFM and definition lists).
func codeBlocks(md string) int {
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).
		Parser().Parse(text.NewReader(src))
	n := 0
	_ = gast.Walk(doc, func(node gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering && (node.Kind() == gast.KindCodeBlock || node.Kind() == gast.KindFencedCodeBlock) {
			n++
		}
		return gast.WalkContinue, nil
	})
	return n
}

// Issue 13: glamour's code-block highlighter (chroma) is replaced by a
// plain-text stand-in (third_party/chroma) because its package init cost
// every start ~15–19 ms. That is only invisible if no brief ever has a code
// block: user text is escaped, so fences and indented lines typed into any
// field stay text. This checks it on both editions of every proposal's
// brief, and that the Summary renders byte for byte as it did with chroma
// (the goldens were recorded with chroma v2.14.0 in place).
func TestBriefWithCodeInUserTextHasNoCodeBlock(t *testing.T) {
	store := newFakeStore()
	if err := store.Import(context.Background(), hostile.Filled(testToday, codeTexts)); err != nil {
		t.Fatal(err)
	}
	if len(store.proposals) == 0 {
		t.Fatal("no proposals in the workbook")
	}
	sawFence := false
	for _, p := range store.proposals {
		d, err := store.LoadDossier(context.Background(), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		r := readiness.Assess(d, testToday)
		doc := brief.Data(d, r, brief.Options{Today: testToday})
		printed := brief.Markdown(d, r, brief.Options{Today: testToday})
		sawFence = sawFence || strings.Contains(printed, "\\`\\`\\`")
		if n := codeBlocks(printed); n != 0 {
			t.Errorf("proposal %d: the printed brief has %d code blocks", p.ID, n)
		}
		for _, width := range []int{80, 120} {
			w := &workspace{width: width}
			md := brief.Terminal(doc, briefTextWidth(w.briefWidth()))
			if n := codeBlocks(md); n != 0 {
				t.Errorf("proposal %d at %d: the terminal brief has %d code blocks", p.ID, width, n)
			}
			t.Run(fmt.Sprintf("p%d_w%d", p.ID, width), func(t *testing.T) {
				msg := renderBrief("", doc, w.briefWidth(), "dark")().(briefRenderedMsg)
				if msg.err != nil {
					t.Fatal(msg.err)
				}
				golden.RequireEqual(t, []byte(msg.out))
			})
		}
	}
	if !sawFence {
		t.Error("no fence reached the printed brief: the workbook does not test what it should")
	}
}

// A code block that did reach glamour (none can from a brief, above) shows
// its text as written, without colouring it token by token as chroma did.
func TestCodeBlockRendersAsPlainText(t *testing.T) {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(80))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render("```go\nx := map[string]int{\"a\": 1}\n```\n")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `x := map[string]int{"a": 1}`) {
		t.Errorf("code not shown as plain text: %q", out)
	}
	if !strings.Contains(ansi.Strip(out), `x := map[string]int{"a": 1}`) {
		t.Errorf("code missing: %q", ansi.Strip(out))
	}
}
