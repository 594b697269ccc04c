package brief

import (
	"bytes"
	"html"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/internal/sample"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// md is the parser the tests read markdown with: CommonMark plus every GFM
// extension (tables, autolinks, strikethrough, task lists), which is at
// least as eager to find structure as any renderer the brief will meet.
var md = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote))

func parseMarkdown(src string) ast.Node {
	return md.Parser().Parse(text.NewReader([]byte(src)))
}

var tagRE = regexp.MustCompile(`</?(p|td|th|strong|h[1-6])( [^>]*)?>`)

// plainText is what a reader sees of a node: rendered to HTML, our own
// tags removed and entities decoded.
func plainText(t *testing.T, n ast.Node, src string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, []byte(src), n); err != nil {
		t.Fatalf("render: %v", err)
	}
	return strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(buf.String(), "")))
}

// children lists a node's children. (ChildCount is not trusted: goldmark's
// table transformer replaces a paragraph without keeping the count.)
func children(n ast.Node) []ast.Node {
	var out []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

func TestEscapeInlineExamples(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"# x", `\# x`},
		{"- y", `\- y`},
		{"+ y", `\+ y`},
		{"> z", `\> z`},
		{"1. one", `1\. one`},
		{"12) two", `12\) two`},
		{"```", "\\`\\`\\`"},
		{"~~~", `\~\~\~`},
		{"---", `\---`},
		{"a|b", `a\|b`},
		{"*em* _em_", `\*em\* \_em\_`},
		{"[a](http://e)", `\[a\](http\://e)`},
		{"<script>", `\<script\>`},
		{"&amp;", `\&amp;`},
		{"x@y.com", `x\@y.com`},
		{"see www.x.com", `see www\.x.com`},
		{"line\nbreak\r\nagain", "line break again"},
		{"\x1b]8;;http://evil\x07link\x1b]8;;\x07", "link"},
		{"back\\slash", `back\\slash`},
		{"emoji 🎉 שלום e\u0301", "emoji 🎉 שלום e\u0301"},
		{"", ""},
	}
	for _, c := range cases {
		if got := EscapeInline(c.in); got != c.want {
			t.Errorf("EscapeInline(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := EscapeCell(c.in); got != c.want {
			t.Errorf("EscapeCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// randomHostile strings are glued from markdown and terminal attacks.
func randomHostile(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(5) {
		b.WriteString(sample.Hostile[r.IntN(len(sample.Hostile))])
		if r.IntN(3) == 0 {
			b.WriteString(sample.GenPhrases[r.IntN(len(sample.GenPhrases))])
		}
	}
	return b.String()
}

// Whatever goes in, an escaped paragraph is one paragraph of plain text that
// reads exactly as the cleaned input.
func TestEscapeInlineIsAlwaysPlainText(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 3000 {
		in := randomHostile(r)
		src := EscapeInline(in)
		root := parseMarkdown(src)
		if model.Clean(in) == "" {
			if src != "" || len(children(root)) != 0 {
				t.Fatalf("EscapeInline(%q) = %q, want nothing", in, src)
			}
			continue
		}
		if n := len(children(root)); n != 1 || root.FirstChild().Kind() != ast.KindParagraph {
			t.Fatalf("EscapeInline(%q) = %q parses as %d blocks", in, src, n)
		}
		for c := root.FirstChild().FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind() != ast.KindText && c.Kind() != ast.KindString {
				t.Fatalf("EscapeInline(%q) = %q holds a %s", in, src, c.Kind())
			}
		}
		if got, want := plainText(t, root, src), model.Clean(in); got != want {
			t.Fatalf("EscapeInline(%q) = %q reads as %q, want %q", in, src, got, want)
		}
	}
}

// In a table cell, escaped text stays in its one cell, whatever it holds.
func TestEscapeCellStaysInItsCell(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for range 3000 {
		a, b := randomHostile(r), randomHostile(r)
		src := "| A | B |\n|---|---|\n| " + EscapeCell(a) + " | " + EscapeCell(b) + " |\n"
		root := parseMarkdown(src)
		if len(children(root)) != 1 || root.FirstChild().Kind() != east.KindTable {
			t.Fatalf("cells %q, %q: the table did not survive:\n%s", a, b, src)
		}
		table := root.FirstChild()
		if n := len(children(table)); n != 2 {
			t.Fatalf("cells %q, %q: %d rows, want header and one row", a, b, n)
		}
		row := table.LastChild()
		if n := len(children(row)); n != 2 {
			t.Fatalf("cells %q, %q: row has %d cells", a, b, n)
		}
		if got := plainText(t, row.FirstChild(), src); got != model.Clean(a) {
			t.Fatalf("cell %q reads as %q, want %q", a, got, model.Clean(a))
		}
		if got := plainText(t, row.LastChild(), src); got != model.Clean(b) {
			t.Fatalf("cell %q reads as %q, want %q", b, got, model.Clean(b))
		}
	}
}

// EscapeInline's fast path is sound: text it passes through unchanged is
// text the full escaping would have left unchanged too.
func TestInlineSafeTextNeedsNoEscape(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 13))
	pieces := append(append([]string{"Dana Reyes", "Zoë O’Brien", " ", "w", "ww", "www", ".", "WwW.", "1", "2.", "-", "+", "=", ":", "/", "é"},
		sample.Hostile...), sample.GenPhrases...)
	safe := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(4) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := model.Clean(b.String())
		if inlineSafe(s) {
			safe++
			if got := escapeInline(s); got != s {
				t.Fatalf("inlineSafe(%q), but escaping gives %q", s, got)
			}
		}
	}
	if safe < 1000 {
		t.Fatalf("only %d safe strings among the samples: the test is too weak", safe)
	}
}

// Issue 13: the brief escapes every name it prints; a name with nothing
// to escape costs no copy.
func TestEscapeInlineCopiesNothingForPlainNames(t *testing.T) {
	for _, s := range []string{"Dana Reyes", "Zoë O’Brien", "Head of Finance"} {
		if n := testing.AllocsPerRun(100, func() { _ = EscapeInline(s) }); n != 0 {
			t.Errorf("EscapeInline(%q) allocates %.0f times", s, n)
		}
	}
}
