package model

import (
	"errors"
	"testing"
)

// A reconnect cadence is typed as a number of days (PRODUCT.md: "a
// reconnect cadence that any logged conversation resets"); blank is the
// default, and a wrong one is refused as invalid input.
func TestCadenceIsANumberOfDays(t *testing.T) {
	for in, want := range map[string]int{"": 0, " 14 ": 14, "21d": 21, "0": 0} {
		if got, err := ParseCadence(in); err != nil || got != want {
			t.Errorf("ParseCadence(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"soon", "-3", "4000", "1.5"} {
		if _, err := ParseCadence(in); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseCadence(%q) = %v, want an invalid-input error", in, err)
		}
	}
}
