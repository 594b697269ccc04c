package model

import (
	"strconv"
	"testing"
	"time"
)

// timeDate is a Date as it was before it became a day number: the
// midnight-UTC time.Time itself, compared and subtracted as times are.
type timeDate struct{ t time.Time }

func oldNew(y int, m time.Month, d int) timeDate {
	return timeDate{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// A Date is a day number (issue 13: a conversation's two dates were 48 of
// its 208 bytes), and behaves in every way as the time.Time it stood for:
// made from out-of-range months and days (which carry over), unset or set,
// printed, moved by days, subtracted (an unset date counts from year 1, and
// the count stops where a time.Duration does), compared and ordered, over
// every day of 1895–2205 in a sample of years and the edges of the
// calendar.
func TestDateIsTheDayItsTimeWas(t *testing.T) {
	var dates []Date
	var olds []timeDate
	dates = append(dates, Date{})
	olds = append(olds, timeDate{})
	for y := 1895; y <= 2205; y += 1 {
		for m := time.Month(0); m <= 13; m++ {
			for d := -1; d <= 32; d += 1 {
				if y%7 != 0 && d > 2 && d < 27 {
					continue
				}
				dates = append(dates, NewDate(y, m, d))
				olds = append(olds, oldNew(y, m, d))
			}
		}
	}
	dates = append(dates, NewDate(1, 1, 1), NewDate(1, 1, 2), NewDate(-5, 3, 3), NewDate(9999, 12, 31))
	olds = append(olds, oldNew(1, 1, 1), oldNew(1, 1, 2), oldNew(-5, 3, 3), oldNew(9999, 12, 31))
	today := NewDate(2026, 11, 21)
	for i := range dates {
		a, o := dates[i], olds[i]
		if a.IsZero() != o.t.IsZero() || !a.Time().Equal(o.t) || a.Time() != o.t {
			t.Fatalf("date %d is %v, want %v", i, a.Time(), o.t)
		}
		var os string
		if !o.t.IsZero() {
			os = o.t.Format(time.DateOnly)
		}
		if a.String() != os {
			t.Fatalf("String %q, want %q", a.String(), os)
		}
		var human string
		switch {
		case o.t.IsZero():
			human = "no date"
		case o.t.Year() == 2026:
			human = o.t.Format("Mon 2 Jan")
		default:
			human = o.t.Format("Mon 2 Jan") + " " + strconv.Itoa(o.t.Year())
		}
		if got := a.HumanAround(today); got != human {
			t.Fatalf("HumanAround %v: %q, want %q", o.t, got, human)
		}
		for _, n := range []int{-400, -1, 0, 1, 30, 3650} {
			want := o
			if !o.t.IsZero() {
				want = timeDate{o.t.AddDate(0, 0, n)}
			}
			if got := a.AddDays(n); got.Time() != want.t {
				t.Fatalf("%v AddDays(%d) = %v, want %v", o.t, n, got.Time(), want.t)
			}
		}
		for j := 0; j < len(dates); j += 97 {
			b, ob := dates[j], olds[j]
			if a.DaysUntil(b) != int(ob.t.Sub(o.t).Hours()/24) {
				t.Fatalf("%v DaysUntil %v = %d, want %d", o.t, ob.t, a.DaysUntil(b), int(ob.t.Sub(o.t).Hours()/24))
			}
			if a.Before(b) != o.t.Before(ob.t) || a.After(b) != o.t.After(ob.t) || a.Equal(b) != o.t.Equal(ob.t) || (a == b) != (o == ob) {
				t.Fatalf("Before/After/Equal/== of %v and %v differ from the times'", o.t, ob.t)
			}
			want := 0
			switch {
			case o.t.IsZero() && ob.t.IsZero():
			case o.t.IsZero():
				want = 1
			case ob.t.IsZero():
				want = -1
			default:
				want = o.t.Compare(ob.t)
			}
			if CompareDates(a, b) != want {
				t.Fatalf("CompareDates %v %v: %d, want %d", o.t, ob.t, CompareDates(a, b), want)
			}
			if !a.IsZero() && a.day() != o.t.Unix()/86400 {
				t.Fatalf("day number of %v: %d, want %d", o.t, a.day(), o.t.Unix()/86400)
			}
		}
	}
	t.Logf("%d dates checked", len(dates))
}
