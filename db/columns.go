package db

import (
	"database/sql"
	"encoding"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/backchannel/backchannel/model"
)

// timeLayout is RFC 3339 in UTC with a fixed nine-digit fraction: exact to
// the nanosecond (so export → import → export is byte-identical) and
// ordered the same as text and as time.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// stamp formats a timestamp for storage.
func stamp(t time.Time) string { return t.UTC().Format(timeLayout) }

// word returns the stored form of an enum: its word.
func word(v encoding.TextMarshaler) string {
	b, _ := v.MarshalText() // the model's enums never fail to marshal
	return string(b)
}

// nullID stores the model's "0 = none" as NULL so foreign keys apply.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// textCol scans a TEXT column into anything that reads itself from text:
// the model's enums (by word) and dates (empty = unset).
type textCol struct{ dst encoding.TextUnmarshaler }

func (c textCol) Scan(src any) error {
	switch v := src.(type) {
	case string:
		return c.dst.UnmarshalText([]byte(v))
	case []byte:
		return c.dst.UnmarshalText(v)
	case nil:
		return c.dst.UnmarshalText(nil)
	}
	return fmt.Errorf("expected text, got %T", src)
}

func text(dst encoding.TextUnmarshaler) sql.Scanner { return textCol{dst} }

// timeCol scans a stored timestamp.
type timeCol struct{ dst *time.Time }

func (c timeCol) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("expected a timestamp, got %T", src)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("timestamp %q is not RFC 3339", s)
	}
	*c.dst = t.UTC()
	return nil
}

func timestamp(dst *time.Time) sql.Scanner { return timeCol{dst} }

// idCol scans a nullable reference, NULL meaning 0 ("none").
type idCol struct{ dst *int64 }

func (c idCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.dst = 0
	case int64:
		*c.dst = v
	default:
		return fmt.Errorf("expected an id, got %T", src)
	}
	return nil
}

func optID(dst *int64) sql.Scanner { return idCol{dst} }

// rowScanner is *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

// History values as text.

func itoa(n int) string  { return strconv.Itoa(n) }
func btoa(b bool) string { return strconv.FormatBool(b) }

// idtoa writes a reference, empty meaning none.
func idtoa(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

// summary shortens free text to a one-line description for a history row.
func summary(s string) string {
	s = model.Clean(s)
	const max = 120
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}
