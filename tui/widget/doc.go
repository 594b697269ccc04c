// Package widget holds the terminal workbook's shared pieces that know
// nothing of its screens: a huh select that stops at its ends (EndStop) and
// a person picker that is a select for a few people and a typed name for
// many (PersonPick), and the select sized to its rows that says when
// there are more than it shows (ScrollingSelect). Screens in package tui build on them; nothing here
// reads the store or the app's styles.
package widget
