package main

import (
	"errors"
	"strings"

	"github.com/backchannel/backchannel/model"
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

// sentence turns an error into one line a person can read, ending in a full
// stop. A message over several lines is folded into one, never cut (the
// end of a sentence often says what to do), and cleaned of control
// characters and escapes, since it may quote text from a file or a user.
func sentence(err error) string {
	msg := model.Clean(err.Error())
	if msg == "" {
		msg = "unknown error"
	}
	if !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?") && !strings.HasSuffix(msg, "!") {
		msg += "."
	}
	return msg
}

var errNoProposal = errors.New("no proposal yet; create one with `backchannel proposals add TITLE` or load the sample with `backchannel demo`")
