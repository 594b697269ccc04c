package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxLongText bounds what one long-text flag reads from standard input, a
// little above the model's own limit so that the model's sentence ("notes
// is too long: …") is what the person reads rather than a silent cut.
const maxLongText = 1 << 20

// longText is the value of a long-text flag: the text itself, or, when it
// is "-", everything on standard input (one trailing newline dropped), so a
// secret need not sit on the command line or in the shell's history. Only
// one flag of a command may read standard input; a second "-" is a usage
// error rather than an empty field.
//
// Other sources for long text (a file, $EDITOR) belong here too, so every
// command reads them the same way.
func (a *app) longText(flag, value string) (string, error) {
	if value != "-" {
		return value, nil
	}
	if a.stdinTakenBy != "" {
		return "", usagef(fmt.Errorf("--%s and --%s both ask for standard input (-); only one flag can read it", a.stdinTakenBy, flag))
	}
	a.stdinTakenBy = flag
	data, err := io.ReadAll(io.LimitReader(a.stdin, maxLongText+1))
	if err != nil {
		return "", fmt.Errorf("cannot read --%s from standard input: %w", flag, err)
	}
	if len(data) > maxLongText {
		return "", errors.New("--" + flag + " on standard input is over 1 MiB; that is more than any note can hold")
	}
	s := strings.TrimSuffix(string(data), "\n")
	return strings.TrimSuffix(s, "\r"), nil
}
