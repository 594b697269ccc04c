// The workbook's words on screen: dates, counts, stances, roles and
// sentiment as the screens say them. Helpers that only fit text to cells
// (wrapping, clipping, joining) live in package widget (tui/widget/text.go).

package tui

import (
	"strconv"

	"github.com/backchannel/backchannel/model"
)

// clean is model.Clean: every string a person typed passes through it before
// it reaches the terminal.
func clean(s string) string { return model.Clean(s) }

// editable is stored text as a form opens on it: as the screens show it,
// line breaks kept. A text field given the raw text drops only the ESC of
// an escape sequence and shows its insides ("[31m", a link's address), and
// saving the field would store them for every screen to show.
func editable(s string) string { return model.CleanBlock(s) }

// itoa is strconv.Itoa, short for the many small numbers on screen.
func itoa(n int) string { return strconv.Itoa(n) }

// signed writes a number with its sign: "+2", "0", "−1".
func signed(n int) string {
	switch {
	case n > 0:
		return "+" + itoa(n)
	case n < 0:
		return "−" + itoa(-n)
	}
	return "0"
}

// agoPhrase says how long ago a conversation was: "today", "3d ago", "never".
func agoPhrase(today, d model.Date) string {
	if d.IsZero() {
		return "never"
	}
	n := d.DaysUntil(today)
	switch {
	case n <= 0:
		return "today"
	case n < 14:
		return itoa(n) + "d ago"
	case n < 70:
		return itoa(n/7) + "w ago"
	}
	return itoa(n/30) + "mo ago"
}

// fullDate is a day as people write it, with the year when it is not this
// year's: "Wed 1 Jan 2025", "Thu 10 Dec".
func fullDate(d, today model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.HumanAround(today)
}

// shortDate is a day for a narrow column: "Thu 10 Dec" this year, "1 Jan
// 2025" in another, so a date from another year never passes for this one.
func shortDate(d, today model.Date) string {
	if d.IsZero() || d.Time().Year() == today.Time().Year() {
		return d.Human()
	}
	return d.Time().Format("2 Jan 2006")
}

// whenRelative is "in 9d" or "3d ago" for days near today, and the date
// with its year beyond a hundred days, where "2525d ago" says nothing.
func whenRelative(d, today model.Date) string {
	if n := today.DaysUntil(d); !d.IsZero() && (n > 99 || n < -99) {
		return shortDate(d, today)
	}
	return d.Relative(today, true)
}

// plural is model.Plural, the one place a count is worded.
func plural(n int, one, many string) string { return model.Plural(n, one, many) }

// sentimentLabel names a −2…+2 reading for people.
func sentimentLabel(n int) string {
	switch n {
	case 2:
		return "+2 enthusiastic"
	case 1:
		return "+1 warm"
	case -1:
		return "−1 cool"
	case -2:
		return "−2 hostile"
	}
	return " 0 neutral or mixed"
}

// shortRole is a role in at most eleven cells, for narrow tables.
func shortRole(r model.Role) string {
	switch r {
	case model.RoleDecisionMaker:
		return "decides"
	case model.RoleInRoom:
		return "in the room"
	}
	return r.String()
}

// stanceArrow shows a stance and, when different, the target: "skeptic → supporter".
func stanceArrow(cur, target model.Stance) string {
	if cur == target || target == model.StanceUnknown {
		return cur.String()
	}
	return cur.String() + "→" + target.String()
}
