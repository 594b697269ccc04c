package model

import (
	"errors"
	"fmt"
)

// ErrInvalid marks input that is wrong in itself: an empty title, an
// influence of 7, a date that cannot be read, a word that is not one of the
// valid ones. Test for it with errors.Is; the command line answers it with
// exit code 2, and the error's text is the sentence to show.
var ErrInvalid = errors.New("invalid input")

// inputError is an invalid-input error: its text is the whole sentence.
type inputError struct{ msg string }

func (e *inputError) Error() string { return e.msg }

// Is makes errors.Is(err, ErrInvalid) true.
func (e *inputError) Is(target error) bool { return target == ErrInvalid }

// invalidf builds an invalid-input error.
func invalidf(format string, args ...any) error {
	return &inputError{msg: fmt.Sprintf(format, args...)}
}
