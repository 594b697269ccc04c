package db

import (
	"errors"
	"fmt"
	"strings"

	"github.com/backchannel/backchannel/model"

	sqlite3 "modernc.org/sqlite/lib"
)

// Sentinel errors. Test for them with errors.Is; the error's text is always
// a full sentence meant for a person.
var (
	// ErrNotFound means the row asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrAmbiguous means a name prefix matched more than one row.
	ErrAmbiguous = errors.New("ambiguous")
	// ErrConflict means the change clashes with what is stored, such as a
	// duplicate stakeholder or an import into a workbook that has data.
	ErrConflict = errors.New("conflict")
	// ErrNewerSchema means the workbook was written by a newer backchannel.
	ErrNewerSchema = errors.New("workbook written by a newer version of backchannel")
	// ErrInvalid means the input itself is wrong (an empty title, an
	// influence of 7): the command line answers it with exit code 2.
	// It is model.ErrInvalid: the model's own checks and the store's say
	// the same thing.
	ErrInvalid = model.ErrInvalid
	// ErrNotWorkbook means the file is not a SQLite database, is damaged, or
	// is some other program's database.
	ErrNotWorkbook = errors.New("not a backchannel workbook")
	// ErrNoWorkbook means there is no workbook file at the path and the
	// caller did not ask for one to be created.
	ErrNoWorkbook = errors.New("no workbook")
	// ErrReadOnly means the workbook could only be opened for reading, so
	// the write was refused and nothing changed.
	ErrReadOnly = errors.New("workbook is read-only")
	// ErrDiskFull means a write failed because the disk is full; nothing of
	// it was kept.
	ErrDiskFull = errors.New("disk full")
	// ErrBusy means another process held the workbook for longer than the
	// store waits; nothing was changed.
	ErrBusy = errors.New("workbook busy")
)

// storeError is an error whose text is a sentence for a person while
// errors.Is still finds the sentinel (and the cause, when there is one).
type storeError struct {
	kind  error
	msg   string
	cause error
}

func (e *storeError) Error() string { return e.msg }

func (e *storeError) Unwrap() []error {
	if e.cause != nil {
		return []error{e.kind, e.cause}
	}
	return []error{e.kind}
}

func newError(kind, cause error, format string, args ...any) error {
	return &storeError{kind: kind, msg: fmt.Sprintf(format, args...), cause: cause}
}

func notFoundf(format string, args ...any) error { return newError(ErrNotFound, nil, format, args...) }

func conflictf(format string, args ...any) error { return newError(ErrConflict, nil, format, args...) }

// sqliteCode returns the primary SQLite result code carried by err (the
// driver's *sqlite.Error, or the direct read's stepError), or 0.
func sqliteCode(err error) int {
	var se interface {
		error
		Code() int
	}
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// isNotDatabase reports whether SQLite found the file unreadable as a database.
func isNotDatabase(err error) bool {
	c := sqliteCode(err)
	return c == sqlite3.SQLITE_NOTADB || c == sqlite3.SQLITE_CORRUPT
}

// wrapf adds what was being done to an unexpected error. Errors that are
// already a sentence for a person (not found, conflict, validation inside a
// transaction) pass through unchanged.
func wrapf(err error, format string, args ...any) error {
	var se *storeError
	if errors.As(err, &se) {
		return err
	}
	var ve *validationError
	if errors.As(err, &ve) {
		return err
	}
	if isConstraint(err) {
		// A rule of the schema caught what the store's own checks did not:
		// still a clash with what is stored, said as one sentence.
		return newError(ErrConflict, err, format+": it clashes with what is stored (%s)",
			append(args, constraintWords(err))...)
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}

// validationError marks a problem with the input found inside a transaction
// (a reference to the wrong proposal, say); its text is the whole sentence.
type validationError struct {
	msg   string
	cause error
}

func (e *validationError) Error() string { return e.msg }

func (e *validationError) Unwrap() []error {
	if e.cause != nil {
		return []error{ErrInvalid, e.cause}
	}
	return []error{ErrInvalid}
}

// invalid marks a model validation error found inside a transaction, so it
// reaches the person as the sentence it is.
func invalid(err error) error {
	if err == nil {
		return nil
	}
	return &validationError{msg: err.Error(), cause: err}
}

func invalidf(format string, args ...any) error {
	return &validationError{msg: fmt.Sprintf(format, args...)}
}

// constraintWords is the failed constraint as SQLite and our wrapping say
// it, without SQLite's numeric code: "touchpoints[2]: UNIQUE constraint
// failed: stakeholders.proposal_id, stakeholders.contact_id".
func constraintWords(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, " ("); i > 0 && strings.HasSuffix(msg, ")") {
		msg = msg[:i]
	}
	return msg
}
