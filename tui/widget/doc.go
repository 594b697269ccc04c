// Package widget holds the terminal workbook's shared pieces that know
// nothing of its screens:
//
//   - Grid is the windowed table every list is drawn with: columns declared
//     with a priority and sized by their text, rows with a Tone, movement
//     through MoveKey;
//   - FormHost runs one huh form inside a screen (sized, themed, its keys
//     folded for the help line), leaving esc and ctrl+c to the app;
//   - EndStop (StopAtEnds) is a huh select that stops at its ends instead
//     of wrapping round, and ScrollingSelect sizes one to its rows and says
//     when there are more than it shows;
//   - PersonPick is the choice of one person: a select for a few, a typed
//     name with completion for many;
//   - SearchBox is the one-line search typed after /, and FilterPart one
//     "key value" part of a filter line;
//   - WrapText, WrapLines, WrapAtMost, MarkCut, Pack, Clip and JoinNonEmpty
//     fit text to the cells a screen has (text.go).
//
// Screens in package tui build on them; nothing here reads the store or the
// app's styles: a form's theme, a grid's looks and a filter line's are
// handed in.
package widget
