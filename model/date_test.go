package model

import "testing"

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
