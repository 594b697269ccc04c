package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day without a time of day or zone. The zero value means
// "not set". Days are compared and subtracted without time-zone surprises.
type Date struct {
	t time.Time // always midnight UTC, or zero
}

// NewDate returns the given calendar day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
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
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return d.t }

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// Human formats the date for reading: "Tue 24 Nov".
func (d Date) Human() string {
	if d.IsZero() {
		return "no date"
	}
	return d.t.Format("Mon 2 Jan")
}

// HumanAround formats the date for reading beside today: "Tue 25 Nov" in
// today's year, "Tue 25 Nov 2025" in any other, so a day from last year never
// reads as one still to come. An unset date reads "no date", as in Human.
func (d Date) HumanAround(today Date) string {
	if d.IsZero() || today.IsZero() || d.t.Year() == today.t.Year() {
		return d.Human()
	}
	return d.Human() + " " + strconv.Itoa(d.t.Year())
}

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return Date{d.t.AddDate(0, 0, n)}
}

// DaysUntil returns how many days from d to other (negative when other is earlier).
func (d Date) DaysUntil(other Date) int {
	return int(other.t.Sub(d.t).Hours() / 24)
}

// Before reports whether d is strictly before other.
func (d Date) Before(other Date) bool { return d.t.Before(other.t) }

// After reports whether d is strictly after other.
func (d Date) After(other Date) bool { return d.t.After(other.t) }

// Equal reports whether both are the same day.
func (d Date) Equal(other Date) bool { return d.t.Equal(other.t) }

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
	*d = Date{t}
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
		back := (int(today.t.Weekday()) - int(wd) + 7) % 7
		return today.AddDays(-back), nil
	}
	return ParseDate(s, today)
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
		return Date{t}, nil
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
		ahead := (int(wd) - int(today.t.Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return today.AddDays(ahead), nil
	}
	return Date{}, invalidf("cannot read date %q; use YYYY-MM-DD, today, tomorrow, +3d or a weekday", s)
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
