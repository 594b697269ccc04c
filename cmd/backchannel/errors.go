package main

import (
	"errors"
	"strings"
)

// usageError marks a mistake in how the command was called (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(err error) error {
	if err == nil {
		return nil
	}
	return usageError{err}
}

// sentence turns an error into one line a person can read: the first line of
// the message, ending in a full stop.
func sentence(err error) string {
	msg := strings.TrimSpace(err.Error())
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = strings.TrimSpace(msg[:i])
	}
	if msg == "" {
		msg = "unknown error"
	}
	if !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?") && !strings.HasSuffix(msg, "!") {
		msg += "."
	}
	return msg
}

var errNoProposal = errors.New("no proposal yet; create one with `backchannel proposals add TITLE` or load the sample with `backchannel demo`")
