// Package redact replaces people with labels. A Redactor finds a person as
// they are written in free text (names, aliases, initials, emails, spelling
// and script variants) and gives each a label ("Decision-maker A",
// "Other person B"); an independent leak guard (Check) reads the finished
// output and its document again and fails closed with a *LeakError. The
// brief and the calendar export use it.
package redact
