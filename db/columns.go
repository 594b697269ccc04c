package db

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"
	"sync"
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

// enum is what the model's enums have in common: an int that writes
// itself as a word.
type enum interface {
	~int
	encoding.TextMarshaler
}

// textOf reads a TEXT column as the driver hands it over: SQLite text comes
// as a string, but a []byte is text too.
func textOf(src any) (string, bool) {
	switch v := src.(type) {
	case string:
		return v, true
	case []byte:
		return string(v), true
	}
	return "", false
}

// inPlaceText is a column destination that can read the text SQLite holds
// without the copy the driver makes of it (the direct read,
// rawread_direct.go). readText must not keep s, and returns false for text
// it leaves to Scan, which then says what is wrong with it.
type inPlaceText interface {
	readText(s string) bool
}

// wordCol scans a TEXT column holding an enum's word. It looks words up in
// a table built once per enum type and fetched once per query, when the
// column's destination is made (text), not once per row: LoadDossier scans
// tens of thousands of them, and the per-row fetch from the cache of
// tables cost about as much as the lookup itself.
type wordCol[T enum, PT interface {
	*T
	encoding.TextUnmarshaler
}] struct {
	dst   PT
	words map[string]T
}

func (c wordCol[T, PT]) Scan(src any) error {
	s, ok := textOf(src)
	if !ok {
		return fmt.Errorf("expected text, got %T", src)
	}
	if v, ok := c.words[s]; ok {
		*c.dst = v
		return nil
	}
	return c.dst.UnmarshalText([]byte(s)) // says what is wrong with it
}

// readText reads the word in place (inPlaceText).
func (c wordCol[T, PT]) readText(s string) bool {
	v, ok := c.words[s]
	if ok {
		*c.dst = v
	}
	return ok
}

func text[T enum, PT interface {
	*T
	encoding.TextUnmarshaler
}](dst PT) wordCol[T, PT] {
	return wordCol[T, PT]{dst, wordTable[T, PT]()}
}

// wordTables caches, per enum type, word → value.
var wordTables sync.Map // reflect.Type → map[string]T

// wordTable returns the words of enum T. It asks the model rather than
// copying its lists: every value from 0 up whose word reads back as itself.
func wordTable[T enum, PT interface {
	*T
	encoding.TextUnmarshaler
}]() map[string]T {
	key := reflect.TypeFor[T]()
	if m, ok := wordTables.Load(key); ok {
		return m.(map[string]T)
	}
	m := map[string]T{}
	for i := 0; i < 1<<10; i++ {
		w := word(T(i))
		var back T
		if err := PT(&back).UnmarshalText([]byte(w)); err != nil || back != T(i) {
			break
		}
		m[w] = T(i)
	}
	actual, _ := wordTables.LoadOrStore(key, m)
	return actual.(map[string]T)
}

// intCol scans an INTEGER column into an int without database/sql's
// reflection path (which formats and re-parses the number).
type intCol struct{ dst *int }

func (c intCol) Scan(src any) error {
	v, ok := src.(int64)
	if !ok {
		return fmt.Errorf("expected an integer, got %T", src)
	}
	*c.dst = int(v)
	return nil
}

func integer(dst *int) intCol { return intCol{dst} }

// dateCol scans a stored 'YYYY-MM-DD' (” = unset) into a model.Date.
type dateCol struct{ dst *model.Date }

func (c dateCol) Scan(src any) error {
	s, ok := textOf(src)
	if !ok {
		return fmt.Errorf("expected a date, got %T", src)
	}
	if y, m, d, ok := parseDate(s); ok {
		*c.dst = model.NewDate(y, time.Month(m), d)
		return nil
	}
	return c.dst.UnmarshalText([]byte(s)) // '' or an error worth its message
}

// readText reads a well-formed date in place (inPlaceText).
func (c dateCol) readText(s string) bool {
	y, m, d, ok := parseDate(s)
	if ok {
		*c.dst = model.NewDate(y, time.Month(m), d)
	}
	return ok
}

func date(dst *model.Date) dateCol { return dateCol{dst} }

// parseDate reads exactly YYYY-MM-DD; time.Parse is several times slower
// and this runs for every row of a big conversation log.
func parseDate(s string) (y, m, d int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// timeCol scans a stored timestamp.
type timeCol struct{ dst *time.Time }

func (c timeCol) Scan(src any) error {
	s, ok := textOf(src)
	if !ok {
		return fmt.Errorf("expected a timestamp, got %T", src)
	}
	if t, ok := parseStamp(s); ok {
		*c.dst = t
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("timestamp %q is not RFC 3339", s)
	}
	*c.dst = t.UTC()
	return nil
}

func timestamp(dst *time.Time) timeCol { return timeCol{dst} }

// parseStamp reads the exact form stamp writes (timeLayout), the only one
// the store produces; anything else falls back to time.Parse.
func parseStamp(s string) (time.Time, bool) {
	// 2006-01-02T15:04:05.000000000Z
	if len(s) != 30 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != '.' || s[29] != 'Z' {
		return time.Time{}, false
	}
	y, mo, d, ok := parseDate(s[:10])
	h, ok1 := digits(s[11:13])
	mi, ok2 := digits(s[14:16])
	sec, ok3 := digits(s[17:19])
	ns, ok4 := digits(s[20:29])
	if !ok || !ok1 || !ok2 || !ok3 || !ok4 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, ns, time.UTC), true
}

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

func optID(dst *int64) idCol { return idCol{dst} }

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
