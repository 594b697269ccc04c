package tui

import (
	"fmt"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/exp/golden"
)

// htmlInMarkdown is raw HTML as glamour meets it in markdown, as a block
// and inline: what its HTML sanitizer (bluemonday's strict policy, or the
// stand-in in third_party/bluemonday) must reduce to text.
var htmlInMarkdown = []string{
	"<script>alert(1)</script>\n",
	"<style>p { color: red }</style>\n",
	"<div>\nblock <b>bold</b> text\n</div>\n",
	"<!-- hidden --> shown\n",
	"a <span style=\"color:red\">span</span> b\n",
	"<a href=\"javascript:alert(1)\">link</a> after\n",
	"<img src=x onerror=alert(1)> image\n",
	"<iframe src=\"x\">inside</iframe> out\n",
	"<title>t</title><noscript>n</noscript><object>o</object> kept\n",
	"<SCRIPT>upper</SCRIPT> case\n",
	"<p>para &amp; entity &lt;x&gt; &#x1b; 'quotes' \"double\"</p>\n",
	"<br/> self <hr /> closing\n",
	"<!DOCTYPE html><html><body>doc</body></html>\n",
	"<table><tr><td>cell</td></tr></table>\n",
	"<style>a</style><script>b</script>c <unknown>d</unknown>\n",
	"text with < and > and & alone\n",
	"<div>\n\n</div>\n",
	"   \n",
	"<details><summary>s</summary>body</details>\n",
	"<![CDATA[x]]> cdata\n",
	"<p>nested <b><i>tags</i></b> and <script>x</script> mixed</p>\n",
	"<object><param name=a>skipped</object> <iframe>a<iframe>b</iframe>c</iframe> d\n",
}

// Issue 13: glamour's HTML sanitizer is bluemonday's strict policy, whose
// CSS package compiled ~100 regular expressions at every start (~3 ms). A
// brief never has raw HTML (user text is escaped: TestSummaryHostileText),
// but whatever sanitizes it must strip exactly as bluemonday did: these
// goldens were recorded with bluemonday v1.0.27 in place.
func TestRawHTMLRendersAsWithBluemonday(t *testing.T) {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(80))
	if err != nil {
		t.Fatal(err)
	}
	for i, md := range htmlInMarkdown {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			out, err := r.Render(md)
			if err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, []byte(fmt.Sprintf("%q\n%s", md, out)))
		})
	}
}
