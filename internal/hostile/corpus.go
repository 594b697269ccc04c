// Package hostile is a corpus of text an attacker, a careless paste or
// another tool's export could put in any field, and the checks that output
// shown to a terminal stays safe. Only tests use it.
package hostile

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Corpus returns the hostile strings, each with a short label. Every one is
// valid UTF-8 and has visible text, so it passes validation as a name.
func Corpus() []Text {
	long := strings.Repeat("long line without a break ", 400)[:10000]
	return []Text{
		// Escape families: CSI, OSC (BEL and ST), DCS, APC, PM, SOS, and the
		// short escapes.
		{"csi colour", "red \x1b[31mRED\x1b[0m text"},
		{"csi clear screen", "clear\x1b[2J\x1b[H screen"},
		{"csi cursor up", "over\x1b[5Awrite"},
		{"csi device status query", "dsr\x1b[6n query"},
		{"csi window report", "win\x1b[21t report"},
		{"csi private mode alt screen", "alt\x1b[?1049h screen"},
		{"csi scroll region", "scroll\x1b[1;3r region"},
		{"osc title bel", "title\x1b]0;pwned\x07 bel"},
		{"osc title st", "title\x1b]2;pwned\x1b\\ st"},
		{"osc 8 hyperlink", "link \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ here"},
		{"osc 52 clipboard", "clip\x1b]52;c;cm0gLXJmIH4=\x07 board"},
		{"osc unterminated", "Pat \x1b]0;x Jones"},
		{"osc nested csi", "Pat \x1b]0;x\x1b[31m Jones"},
		{"dcs", "dcs\x1bPq#0;2;0;0;0#0~~\x1b\\ sixel"},
		{"dcs unterminated", "dcs\x1bP1$r rest"},
		{"apc", "apc\x1b_Gf=100;AAAA\x1b\\ kitty"},
		{"pm", "pm\x1b^private\x1b\\ msg"},
		{"sos", "sos\x1bXstring\x1b\\ end"},
		{"esc reset", "reset\x1bc now"},
		{"esc save restore", "save\x1b7 and\x1b8 restore"},
		{"esc charset", "charset\x1b(0lqk\x1b(B"},
		{"stray esc", "stray \x1b text"},
		{"esc at end", "ends with esc\x1b"},
		{"esc esc", "double\x1b\x1b[31m esc"},
		// C1 controls, 8-bit forms of the above, DEL and other C0.
		{"c1 csi", "c1\u009b31m csi"},
		{"c1 osc", "c1\u009d0;title\u009c osc"},
		{"c1 nel", "next\u0085line"},
		{"c1 dcs", "c1\u0090q dcs\u009c"},
		{"del", "del\x7fete"},
		{"nul", "nul\x00byte"},
		{"bel", "bell\x07 ring"},
		{"backspace overwrite", "secret\x08\x08\x08\x08\x08\x08public"},
		{"carriage return overwrite", "hidden text\rshown"},
		{"vertical tab form feed", "vt\x0bff\x0c text"},
		{"crlf", "two\r\nlines"},
		{"newlines", "line one\nline two\n\nline four"},
		{"tabs", "col1\tcol2\tcol3"},
		{"line separator", "ls\u2028ps\u2029 seps"},
		// Bidi controls: overrides, embeddings, isolates, marks.
		{"rlo", "invoice \u202egnp.exe\u202c done"},
		{"lro", "lro \u202dtext\u202c"},
		{"rle lre", "emb \u202bright\u202c \u202aleft\u202c"},
		{"isolates", "iso \u2067rtl\u2069 \u2066ltr\u2069 \u2068first\u2069"},
		{"marks", "mark\u200e lrm\u200f rlm\u061c alm"},
		// Zero-width and invisible.
		{"zero width space", "zero\u200bwidth\u200cnon\u200djoiner"},
		{"word joiner bom", "wj\u2060bom\ufeff text"},
		{"soft hyphen", "soft\u00adhyphen"},
		// Long, wide, combining, right-to-left, emoji.
		{"10000 characters", long},
		{"emoji zwj", "dev 👩‍💻 family 👨‍👩‍👧 flag 🇳🇿"},
		{"combining", "e\u0301 a\u0308 zalgo Z̷̢̛a̴l̶g̸o̵"},
		{"arabic", "مرحبا بالعالم"},
		{"hebrew mixed", "שלום world עולם"},
		{"cjk wide", "漢字かなカナ 한국어"},
		{"fullwidth", "ＦＵＬＬ　ｗｉｄｔｈ"},
		// Markdown and HTML that must stay text.
		{"markdown heading", "# not a heading"},
		{"markdown table pipe", "a | b | c"},
		{"markdown link", "[click](javascript:alert(1))"},
		{"markdown image", "![x](https://evil.example/t.png)"},
		{"markdown fence", "```\ncode\n```"},
		{"markdown emphasis", "**bold** _it_ `code`"},
		{"markdown quote list", "> quote\n- item\n1. one"},
		{"markdown rule", "---"},
		{"html script", "<script>alert(1)</script>"},
		{"html comment", "<!-- hidden --> shown"},
		{"html entity", "&lt;b&gt; &amp; &#x1b;"},
		// Spreadsheet formulas.
		{"formula equals", "=1+1"},
		{"formula plus", "+cmd|' /C calc'!A0"},
		{"formula minus", "-2+3"},
		{"formula at", "@SUM(A1:A9)"},
		{"formula hyperlink", `=HYPERLINK("https://evil.example","x")`},
		// Quoting and paths.
		{"quotes", `"double" 'single' \backslash\`},
		{"shell", "$(rm -rf ~) `id` ; ls"},
		{"percent format", "%s %d %n %x"},
	}
}

// Text is one hostile string and what it tries.
type Text struct {
	Label, Value string
}

// Short returns a hostile value cut to at most n runes, for fields with a
// length limit; the escape at the start of a value is kept.
func (t Text) Short(n int) string {
	r := []rune(t.Value)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// CheckTerminal reports the first thing in out that a terminal would act
// on, other than the styling our own code adds: any escape sequence but SGR
// (ESC [ … m), a C0 control but tab, newline and CRLF, DEL, a C1 control, or
// a bidi control.
func CheckTerminal(out string) error {
	for i := 0; i < len(out); {
		if out[i] == 0x1b {
			j := i + 1
			if j < len(out) && out[j] == '[' {
				j++
				for j < len(out) && (out[j] >= '0' && out[j] <= '9' || out[j] == ';' || out[j] == ':') {
					j++
				}
				if j < len(out) && out[j] == 'm' {
					i = j + 1
					continue
				}
			}
			return fmt.Errorf("escape sequence %q at byte %d", snippet(out[i:]), i)
		}
		r, size := decode(out[i:])
		if r == '\r' && strings.HasPrefix(out[i+1:], "\n") {
			i += size // a CRLF line end (CSV, vCard) moves nothing
			continue
		}
		if bad(r) {
			return fmt.Errorf("control U+%04X at byte %d (%q)", r, i, snippet(out[max(0, i-10):]))
		}
		i += size
	}
	return nil
}

// CheckPlain is CheckTerminal for output that has no styling at all (the
// command line's): no escape of any kind.
func CheckPlain(out string) error {
	if i := strings.IndexByte(out, 0x1b); i >= 0 {
		return fmt.Errorf("escape at byte %d (%q)", i, snippet(out[i:]))
	}
	return CheckTerminal(out)
}

func bad(r rune) bool {
	switch {
	case r == '\n', r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func decode(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

func snippet(s string) string {
	if len(s) > 24 {
		return s[:24]
	}
	return s
}
