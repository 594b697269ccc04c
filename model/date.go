package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day without a time of day or zone. The zero value means
// "not set". Days are compared and subtracted without time-zone surprises.
//
// A day is a number (8 bytes, where a time.Time is 24): a conversation
// holds two dates, a long log tens of thousands of conversations, and
// sorting and comparing them is integer work (docs/performance.md).
// Everything else reads as the midnight-UTC time.Time it stood for before,
// an unset date as the zero time.Time (1 January of year 1).
type Date struct {
	n int64 // days since 1970-01-01 plus dayShift; 0 = unset
}

// dayShift keeps every day a time.Time can hold positive, so that 0 is
// free to mean "unset".
const dayShift = 1 << 40

// unsetDay is the day number the zero time.Time falls on (0001-01-01), which
// an unset date has wherever dates are compared or subtracted, as the zero
// time.Time did.
const unsetDay = -719162

// NewDate returns the given calendar day (out-of-range months and days
// carry over, as time.Date does).
func NewDate(year int, month time.Month, day int) Date {
	return dateOfTime(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// dateOfTime is the day of a UTC midnight (a whole number of days from the
// epoch, so the division is exact).
func dateOfTime(t time.Time) Date { return dateOfDay(t.Unix() / 86400) }

// dateOfDay is the date of a day number. The day the zero time.Time falls
// on is unset, as a time.Time of that midnight was.
func dateOfDay(day int64) Date {
	if day == unsetDay {
		return Date{}
	}
	return Date{day + dayShift}
}

// day is the day number dates are compared and subtracted by.
func (d Date) day() int64 {
	if d.n == 0 {
		return unsetDay
	}
	return d.n - dayShift
}

// midnight is the date as the midnight-UTC time.Time it stands for (the
// zero time when unset).
func (d Date) midnight() time.Time {
	if d.n == 0 {
		return time.Time{}
	}
	return time.Unix(d.day()*86400, 0).UTC()
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.n == 0 }

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return d.midnight() }

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.midnight().Format(time.DateOnly)
}

// Human formats the date for reading: "Tue 24 Nov".
func (d Date) Human() string {
	if d.IsZero() {
		return "no date"
	}
	return d.midnight().Format("Mon 2 Jan")
}

// HumanAround formats the date for reading beside today: "Tue 25 Nov" in
// today's year, "Tue 25 Nov 2025" in any other, so a day from last year never
// reads as one still to come. An unset date reads "no date", as in Human.
func (d Date) HumanAround(today Date) string {
	if d.IsZero() || today.IsZero() || d.midnight().Year() == today.midnight().Year() {
		return d.Human()
	}
	return d.Human() + " " + strconv.Itoa(d.midnight().Year())
}

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return dateOfDay(d.day() + int64(n))
}

// DaysUntil returns how many days from d to other (negative when other is
// earlier). An unset date counts from 1 January of year 1, and the count
// stops at ±106,751 days (the longest time.Duration), as a time.Time
// subtraction did.
func (d Date) DaysUntil(other Date) int {
	const most = 106751
	return int(max(-most, min(most, other.day()-d.day())))
}

// Before reports whether d is strictly before other.
func (d Date) Before(other Date) bool { return d.day() < other.day() }

// After reports whether d is strictly after other.
func (d Date) After(other Date) bool { return d.day() > other.day() }

// Equal reports whether both are the same day.
func (d Date) Equal(other Date) bool { return d.day() == other.day() }

// MarshalText writes YYYY-MM-DD (empty when unset).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD (empty means unset).
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return invalidf("date %q is not YYYY-MM-DD", string(b))
	}
	if err := inRange(t); err != nil {
		return err
	}
	*d = dateOfTime(t)
	return nil
}

// The years a date may fall in. Nothing this workbook records happened
// before 1900 or is planned after 2200; such a date is a typo (year 0 would
// otherwise read as "never" in one place and as a day in another).
const (
	minYear = 1900
	maxYear = 2200
)

// inRange refuses a day outside minYear…maxYear in one sentence.
func inRange(t time.Time) error {
	if y := t.Year(); y < minYear || y > maxYear {
		return invalidf("date %s is out of range; use a year from %d to %d", t.Format(time.DateOnly), minYear, maxYear)
	}
	return nil
}

// ParsePastDate is ParseDate for something that has already happened, such
// as a conversation being logged: a weekday name means the most recent such
// day (today, when today is that day), not the next one.
func ParsePastDate(s string, today Date) (Date, error) {
	if wd, ok := weekdayNamed(s); ok {
		back := (int(today.midnight().Weekday()) - int(wd) + 7) % 7
		return today.AddDays(-back), nil
	}
	return parseDate(s, today, "today, yesterday, -3d or a weekday")
}

// weekdayNamed reads a weekday name or a prefix of at least three letters.
func weekdayNamed(s string) (time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 3 {
		return 0, false
	}
	for i := 0; i < 7; i++ {
		wd := time.Weekday(i)
		if strings.HasPrefix(strings.ToLower(wd.String()), s) {
			return wd, true
		}
	}
	return 0, false
}

// ParseDate reads a date as a person would type it, relative to today:
// "2026-11-24", "today", "tomorrow", "yesterday", "+3" / "+3d" / "-2w", or a
// weekday name meaning the next such day. An empty string is the zero date.
func ParseDate(s string, today Date) (Date, error) {
	return parseDate(s, today, "today, tomorrow, +3d or a weekday")
}

// parseDate is ParseDate, whose refusal offers examples: a day to come
// ("tomorrow, +3d") or, for ParsePastDate, one gone by ("yesterday, -3d").
func parseDate(s string, today Date, examples string) (Date, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "":
		return Date{}, nil
	case "today", "now":
		return today, nil
	case "tomorrow", "tmr":
		return today.AddDays(1), nil
	case "yesterday":
		return today.AddDays(-1), nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		if err := inRange(t); err != nil {
			return Date{}, err
		}
		return dateOfTime(t), nil
	}
	if s[0] == '+' || s[0] == '-' {
		unit := 1
		body := s[1:]
		switch {
		case strings.HasSuffix(body, "d"):
			body = strings.TrimSuffix(body, "d")
		case strings.HasSuffix(body, "w"):
			body, unit = strings.TrimSuffix(body, "w"), 7
		}
		if n, err := strconv.Atoi(body); err == nil && n <= 3650 {
			if s[0] == '-' {
				n = -n
			}
			return today.AddDays(n * unit), nil
		}
	}
	if wd, ok := weekdayNamed(s); ok {
		ahead := (int(wd) - int(today.midnight().Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return today.AddDays(ahead), nil
	}
	return Date{}, invalidf("cannot read date %q; use YYYY-MM-DD, %s", s, examples)
}

// Relative says how far d is from today in words: "today", "tomorrow",
// "yesterday", "in 9 days", "3 days ago" — or, compact, "in 9d", "3d ago" for
// narrow columns. An unset date reads "no date".
func (d Date) Relative(today Date, compact bool) string {
	if d.IsZero() {
		return "no date"
	}
	n := today.DaysUntil(d)
	unit := " days"
	if compact {
		unit = "d"
	}
	switch {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n == -1:
		return "yesterday"
	case n > 0:
		return fmt.Sprintf("in %d%s", n, unit)
	}
	return fmt.Sprintf("%d%s ago", -n, unit)
}
