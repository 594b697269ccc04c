package db

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// parseID reads "42" or "#42".
func parseID(ref string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(ref, "#"), 10, 64)
	return id, err == nil && id > 0
}

// MinPrefix is the fewest characters a name prefix may have: "R" must not
// pick Raj out of a room (issue 8, finding 2). Ids and whole names (or
// emails) always work, however short.
const MinPrefix = 3

// match returns the rows whose name or alt (an email, say) equals ref,
// ignoring case, or failing that the rows whose name starts with it. Among
// several prefix matches, a single live (non-archived) row is preferred.
// short reports a prefix under MinPrefix characters: its matches are
// candidates to list, never a pick.
func match[T any](rows []T, ref string, name, alt func(T) string, archived func(T) bool) (m []T, short bool) {
	lref := strings.ToLower(ref)
	var exact, prefix []T
	for _, r := range rows {
		n, a := name(r), alt(r)
		switch {
		case strings.EqualFold(n, ref), a != "" && strings.EqualFold(a, ref):
			exact = append(exact, r)
		case strings.HasPrefix(strings.ToLower(n), lref):
			prefix = append(prefix, r)
		}
	}
	if len(exact) > 0 {
		return exact, false
	}
	if utf8.RuneCountInString(ref) < MinPrefix {
		return prefix, len(prefix) > 0
	}
	if len(prefix) > 1 {
		var live []T
		for _, r := range prefix {
			if !archived(r) {
				live = append(live, r)
			}
		}
		if len(live) == 1 {
			return live, false
		}
	}
	return prefix, false
}

// tooShort refuses a prefix under MinPrefix characters, naming what it
// would have matched so the person can pick one by id or whole name.
func tooShort[T any](what, ref string, rows []T, label func(T) (int64, string)) error {
	return newError(ErrAmbiguous, nil, "%q is too short to pick one of the %s by the start of a name (%d characters at least); it could be %s; use the id or the whole name",
		ref, what, MinPrefix, candidates(rows, label))
}

// candidates lists up to five rows as `#3 "Raj Patel"`.
func candidates[T any](rows []T, label func(T) (int64, string)) string {
	const show = 5
	var parts []string
	for i, r := range rows {
		if i == show {
			parts = append(parts, fmt.Sprintf("and %d more", len(rows)-show))
			break
		}
		id, name := label(r)
		parts = append(parts, fmt.Sprintf("#%d %q", id, name))
	}
	return strings.Join(parts, ", ")
}

// ambiguous names the candidates so the person can pick one by id.
func ambiguous[T any](what, ref string, rows []T, label func(T) (int64, string)) error {
	return newError(ErrAmbiguous, nil, "%q matches %d %s: %s; use the id or more of the name",
		ref, len(rows), what, candidates(rows, label))
}

// placeholders returns "?, ?, ?" for n parameters.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}
