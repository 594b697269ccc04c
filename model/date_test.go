package model

import (
	"strings"
	"testing"
)

func TestDateRelative(t *testing.T) {
	today := NewDate(2026, 11, 21)
	cases := []struct {
		d             Date
		long, compact string
	}{
		{Date{}, "no date", "no date"},
		{today, "today", "today"},
		{today.AddDays(1), "tomorrow", "tomorrow"},
		{today.AddDays(-1), "yesterday", "yesterday"},
		{today.AddDays(9), "in 9 days", "in 9d"},
		{today.AddDays(-45), "45 days ago", "45d ago"},
	}
	for _, c := range cases {
		if got := c.d.Relative(today, false); got != c.long {
			t.Errorf("%s: %q, want %q", c.d, got, c.long)
		}
		if got := c.d.Relative(today, true); got != c.compact {
			t.Errorf("%s compact: %q, want %q", c.d, got, c.compact)
		}
	}
}

func TestParseDateForms(t *testing.T) {
	today := NewDate(2026, 11, 21) // a Saturday
	cases := map[string]Date{
		"":           {},
		"today":      today,
		"Tomorrow":   today.AddDays(1),
		"+3d":        today.AddDays(3),
		"-2w":        today.AddDays(-14),
		"2027-01-15": NewDate(2027, 1, 15),
		"mon":        today.AddDays(2),
		"saturday":   today.AddDays(7),
	}
	for in, want := range cases {
		got, err := ParseDate(in, today)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	if _, err := ParseDate("next blue moon", today); err == nil {
		t.Error("nonsense should not parse")
	}
}

// A conversation being logged happened in the past: "friday" said on
// Saturday 21 Nov 2026 is the day before, not six days ahead (issue 8,
// finding 10). The weekday itself is today.
func TestParsePastDateWeekdayIsTheLastOne(t *testing.T) {
	today := NewDate(2026, 11, 21) // a Saturday
	cases := map[string]Date{
		"friday":     NewDate(2026, 11, 20),
		"Fri":        NewDate(2026, 11, 20),
		"monday":     NewDate(2026, 11, 16),
		"sunday":     NewDate(2026, 11, 15),
		"saturday":   today,
		"yesterday":  NewDate(2026, 11, 20),
		"-3d":        NewDate(2026, 11, 18),
		"2026-11-02": NewDate(2026, 11, 2),
	}
	for in, want := range cases {
		got, err := ParsePastDate(in, today)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParsePastDate(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	// The planning form keeps "the next such day".
	if got, _ := ParseDate("friday", today); !got.Equal(NewDate(2026, 11, 27)) {
		t.Errorf("ParseDate(friday) = %s, want the next Friday 2026-11-27", got)
	}
}

// Year 0 read as "never" in one place and as a day in another (issue 11,
// finding 7): a date before 1900 or after 2200 is refused wherever dates
// are read.
func TestDatesOutOfRangeAreRefused(t *testing.T) {
	today := NewDate(2026, 11, 21)
	for _, in := range []string{"0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31"} {
		if d, err := ParseDate(in, today); err == nil {
			t.Errorf("ParseDate(%q) = %s, want an error", in, d)
		} else if want := "out of range; use a year from 1900 to 2200"; !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDate(%q): %q should say %q", in, err, want)
		}
		var d Date
		if err := d.UnmarshalText([]byte(in)); err == nil {
			t.Errorf("UnmarshalText(%q) = %s, want an error", in, d)
		}
	}
	for _, in := range []string{"1900-01-01", "2200-12-31"} {
		if _, err := ParseDate(in, today); err != nil {
			t.Errorf("ParseDate(%q): %v", in, err)
		}
	}
}

// A day is written with its year only when the year is not today's: in a
// brief written on 1 Dec 2026, "since Tue 25 Nov" would read as a day a week
// ago, not one a year and a week ago (issue 14).
func TestDateHumanAroundNamesAnotherYear(t *testing.T) {
	today := NewDate(2026, 12, 1)
	cases := []struct {
		d    Date
		want string
	}{
		{NewDate(2026, 11, 24), "Tue 24 Nov"},
		{NewDate(2026, 1, 1), "Thu 1 Jan"},
		{NewDate(2025, 11, 25), "Tue 25 Nov 2025"},
		{NewDate(2025, 12, 31), "Wed 31 Dec 2025"},
		{NewDate(2027, 1, 4), "Mon 4 Jan 2027"},
		{Date{}, "no date"},
	}
	for _, c := range cases {
		if got := c.d.HumanAround(today); got != c.want {
			t.Errorf("%s around %s = %q, want %q", c.d, today, got, c.want)
		}
	}
}

// A refused date offers examples in the direction the field looks: a
// conversation already had, or a day to come.
func TestRefusedDateOffersExamplesThatFitTheField(t *testing.T) {
	today := NewDate(2026, 12, 2)
	_, past := ParsePastDate("2026-11-31", today)
	_, ahead := ParseDate("2026-11-31", today)
	if past == nil || !strings.Contains(past.Error(), "yesterday, -3d") || strings.Contains(past.Error(), "tomorrow") {
		t.Errorf("a conversation's date refused with %v", past)
	}
	if ahead == nil || !strings.Contains(ahead.Error(), "tomorrow, +3d") {
		t.Errorf("a day to come refused with %v", ahead)
	}
}
