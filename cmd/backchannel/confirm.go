package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/backchannel/backchannel/model"
	"github.com/charmbracelet/x/term"
)

// stdinIsTerminal reports whether r is a terminal a person can answer on.
// Tests replace it to drive the question in-process; the tmux test checks
// the real thing.
var stdinIsTerminal = func(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// errNotConfirmed is returned when the person does not answer yes: nothing
// changed, and the command says so (exit 1, as apt does, so that a chained
// `&& next` does not run).
var errNotConfirmed = errors.New("nothing was changed: not confirmed")

// confirm asks once, on a terminal, before a removal, saying what goes with
// it: "Remove Dana Reyes from X? 3 conversations deleted with it. [y/N]".
// action is the removal in words, lower case ("remove Dana Reyes from X"),
// and what goes with it ("3 conversations deleted with it"; often
// model.Removal.Consequences()), "" when nothing does. --yes (yes) answers it. Without a terminal and without --yes the command
// refuses in one sentence (a usage error, exit 2): a script must say yes.
func (a *app) confirm(action, consequences string, yes bool) error {
	if yes {
		return nil
	}
	action, c := model.Clean(action), model.Clean(consequences)
	if !stdinIsTerminal(a.stdin) {
		if c != "" {
			c = " (" + c + ")"
		}
		return usagef(fmt.Errorf("will not %s%s without confirmation, and there is no terminal to ask on; add --yes to go ahead", action, c))
	}
	q := model.UpperFirst(action) + "?"
	if c != "" {
		q += " " + model.UpperFirst(c) + "."
	}
	fmt.Fprint(a.stderr, q+" [y/N] ")
	line, _ := bufio.NewReader(a.stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return nil
	}
	if !strings.HasSuffix(line, "\n") {
		fmt.Fprintln(a.stderr) // end the question's line before the answer
	}
	return errNotConfirmed
}
