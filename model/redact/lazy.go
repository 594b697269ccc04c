package redact

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles a pattern the first time it is used rather than at
// package initialisation: every start of backchannel links this package,
// and only a redacted brief or calendar uses its patterns (compiling them
// all at start-up cost every command about half a millisecond).
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
