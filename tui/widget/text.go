package widget

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel/backchannel/model"
)

// WrapText wraps text a person typed to width cells, paragraph by
// paragraph, keeping at most maxLines (0: all). The text is cleaned
// (model.CleanBlock) first, runs of spaces fold to one, and a text cut short
// ends with MarkCut's " …" so nobody mistakes the part for the whole.
func WrapText(s string, width, maxLines int) []string {
	if width <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(model.CleanBlock(s), "\n") {
		para = strings.Join(strings.Fields(para), " ")
		if para == "" {
			continue
		}
		lines := strings.Split(ansi.Wordwrap(para, width, ""), "\n")
		if slices.ContainsFunc(lines, func(l string) bool { return ansi.StringWidth(l) > width }) {
			// A word wider than the line (a link, a path), or a break
			// after a hyphen that Wordwrap lets run a cell past the width:
			// wrapping that also breaks long words keeps every character,
			// where cutting the line lost its end ("UTF-8" read "UT…").
			lines = strings.Split(ansi.Wrap(para, width, ""), "\n")
			for i, l := range lines {
				lines[i] = strings.TrimRight(l, " ")
			}
		}
		out = append(out, lines...)
	}
	if maxLines > 0 && len(out) > maxLines {
		out = out[:maxLines]
		out[maxLines-1] = MarkCut(out[maxLines-1], width)
	}
	for i, l := range out {
		if ansi.StringWidth(l) > width {
			out[i] = ansi.Truncate(l, width, "…")
		}
	}
	return out
}

// MarkCut ends a line whose text goes on with " …", after the last whole
// word that leaves room for the mark in width cells: cutting at the width
// broke a word ("named as th …"). A styled line keeps its escapes (ansi
// cuts by cells and keeps the sequences).
func MarkCut(line string, width int) string {
	plain := ansi.Strip(line)
	cells := ansi.StringWidth(plain)
	for cells+2 > width {
		i := strings.LastIndex(plain, " ")
		if i <= 0 {
			cells = max(width-2, 1)
			break
		}
		plain = plain[:i]
		cells = ansi.StringWidth(plain)
	}
	return ansi.Truncate(line, cells, "") + " …"
}

// Clip makes s exactly h lines of at most w cells: long lines are cut, short
// content is padded, so a screen can never push the footer off the terminal.
func Clip(s string, w, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// WrapLines wraps each (possibly styled) line to width cells; a line that
// fits is kept as it is. Unlike WrapText it neither cleans nor folds spaces:
// it is for lines a screen has already built.
func WrapLines(in []string, width int) []string {
	out := make([]string, 0, len(in))
	for _, l := range in {
		if width <= 0 || ansi.StringWidth(l) <= width {
			out = append(out, l)
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(l, width, ""), "\n")...)
	}
	return out
}

// WrapAtMost wraps one (possibly styled) line to width cells like
// WrapLines, keeping at most n lines; when more was cut, the last kept line
// ends with MarkCut's " …". A head that may wrap uses it, so one long value
// cannot take the screen.
func WrapAtMost(line string, width, n int) []string {
	lines := WrapLines([]string{line}, width)
	if n > 0 && len(lines) > n {
		lines = append(lines[:n-1], MarkCut(lines[n-1], width))
	}
	return lines
}

// JoinNonEmpty joins the non-empty parts with sep, so a missing title or
// organisation leaves no dangling " · ".
func JoinNonEmpty(sep string, parts ...string) string {
	keep := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// Pack lays parts out on lines of at most width cells, joined by sep, a
// part going to the next line when it does not fit beside the one before:
// a filter line that is too long for the screen wraps between its parts
// instead of hiding the last ones. A part wider than a line is cut.
func Pack(parts []string, sep string, width int) []string {
	var out []string
	line := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if ansi.StringWidth(p) > width {
			p = ansi.Truncate(p, max(width, 1), "…")
		}
		switch {
		case line == "":
			line = p
		case ansi.StringWidth(line)+ansi.StringWidth(sep)+ansi.StringWidth(p) <= width:
			line += sep + p
		default:
			out = append(out, line)
			line = p
		}
	}
	return append(out, line)
}
