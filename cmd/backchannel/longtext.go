package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// maxLongText bounds what one long-text flag reads from standard input or
// a file, a little above the model's own limit so that the model's sentence
// ("notes is too long: …") is what the person reads rather than a silent cut.
const maxLongText = 1 << 20

// longTextMarker is in the usage of every long-text flag: it is how --edit
// finds the fields to offer in the editor.
const longTextMarker = `"-" reads standard input, @FILE a file`

// longText is the value of a long-text flag: the text itself; when it is
// "-", everything on standard input; when it starts with "@", the contents
// of that file ("@@" starts a text with a literal "@"), so that a secret
// need not sit on the command line, in the shell's history or in ps. One
// trailing newline is dropped. Only one flag of a command may read standard
// input; a second "-" is a usage error rather than an empty field. A value
// written in the editor (--edit) is taken as it is.
func (a *app) longText(flag, value string) (string, error) {
	if a.edited[flag] {
		return value, nil
	}
	switch {
	case value == "-":
		if a.stdinTakenBy != "" {
			return "", usagef(fmt.Errorf("--%s and --%s both ask for standard input (-); only one flag can read it", a.stdinTakenBy, flag))
		}
		a.stdinTakenBy = flag
		return readLongText(a.stdin, "--"+flag+" on standard input")
	case strings.HasPrefix(value, "@@"):
		return value[1:], nil
	case strings.HasPrefix(value, "@") && len(value) > 1:
		f, err := os.Open(value[1:])
		if err != nil {
			return "", fmt.Errorf("--%s: cannot read %s: %w (to start the text with @, write @@)", flag, value[1:], unwrapPathError(err))
		}
		defer f.Close()
		return readLongText(f, "--"+flag+" from "+value[1:])
	}
	return value, nil
}

func readLongText(r io.Reader, what string) (string, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxLongText+1))
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", what, err)
	}
	if len(data) > maxLongText {
		return "", errors.New(what + " is over 1 MiB; that is more than any note can hold")
	}
	s := strings.TrimSuffix(string(data), "\n")
	return strings.TrimSuffix(s, "\r"), nil
}

// addEditFlags gives every command with long-text flags an --edit flag.
func addEditFlags(c *cobra.Command) {
	for _, sub := range c.Commands() {
		addEditFlags(sub)
	}
	if len(longTextFlags(c)) > 0 && c.Flags().Lookup("edit") == nil {
		c.Flags().Bool("edit", false, "write the long texts in $VISUAL or $EDITOR (a temporary file in a private folder, removed afterwards)")
	}
}

// longTextFlags lists a command's long-text flags, in declaration order.
func longTextFlags(c *cobra.Command) []string {
	var out []string
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if strings.Contains(f.Usage, longTextMarker) {
			out = append(out, f.Name)
		}
	})
	return out
}

// editLongTexts runs before a command with --edit: it writes the command's
// long-text fields (with any values given) to a temporary file in a private
// 0700 folder — under $XDG_RUNTIME_DIR when set, which is memory-backed and
// private on most systems — opens $VISUAL or $EDITOR on it, reads the
// fields back and removes the folder. Fields left as they were are not
// touched, so `set` changes only what was edited.
func (a *app) editLongTexts(c *cobra.Command) error {
	names := longTextFlags(c)
	editor := os.Getenv("VISUAL")
	if editor == "" {
		editor = os.Getenv("EDITOR")
	}
	if editor == "" {
		return usagef(errors.New("--edit needs $VISUAL or $EDITOR set to an editor command"))
	}
	base := os.Getenv("XDG_RUNTIME_DIR")
	if base == "" {
		base = os.TempDir()
	}
	dir, err := os.MkdirTemp(base, "backchannel-edit-")
	if err != nil {
		return fmt.Errorf("cannot make a private folder for the editor: %w", unwrapPathError(err))
	}
	defer os.RemoveAll(dir)
	if err := os.Chmod(dir, 0o700); err != nil {
		return err
	}
	path := filepath.Join(dir, c.Name()+".md")
	var b strings.Builder
	b.WriteString("# Write under each heading. Lines starting with # are left out.\n# Save and quit to go on; leave a part as it is to leave it unchanged.\n")
	before := map[string]string{}
	for _, n := range names {
		v := c.Flags().Lookup(n).Value.String()
		if v == "-" || strings.HasPrefix(v, "@") {
			if v, err = a.longText(n, v); err != nil {
				return err
			}
		}
		before[n] = v
		fmt.Fprintf(&b, "\n## %s\n%s\n", n, v)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		return err
	}
	defer func() {
		// Overwrite before removing: the text was sensitive.
		if fi, err := os.Stat(path); err == nil {
			_ = os.WriteFile(path, make([]byte, fi.Size()), 0o600)
		}
	}()
	shell, flag := "sh", "-c"
	if runtime.GOOS == "windows" {
		shell, flag = "cmd", "/c"
	}
	cmd := exec.Command(shell, flag, editor+` "$1"`, "sh", path)
	if runtime.GOOS == "windows" {
		cmd = exec.Command(shell, flag, editor+" "+path)
	}
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err == nil {
		defer tty.Close()
		cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	} else {
		cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("the editor (%s) did not finish: %v; nothing was changed", editor, err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	got := parseEdited(string(data), names)
	if a.edited == nil {
		a.edited = map[string]bool{}
	}
	for _, n := range names {
		v, ok := got[n]
		if !ok || v == before[n] {
			continue
		}
		if err := c.Flags().Set(n, v); err != nil {
			return err
		}
		a.edited[n] = true
	}
	return nil
}

// parseEdited reads the fields back from the editor's file: the text under
// each "## name" heading, lines starting with # left out, trimmed.
func parseEdited(s string, names []string) map[string]string {
	known := map[string]bool{}
	for _, n := range names {
		known[n] = true
	}
	out := map[string]string{}
	cur := ""
	var lines []string
	flush := func() {
		if cur != "" {
			out[cur] = strings.TrimSpace(strings.Join(lines, "\n"))
		}
		lines = nil
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok && known[strings.TrimSpace(h)] {
			flush()
			cur = strings.TrimSpace(h)
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		lines = append(lines, line)
	}
	flush()
	return out
}
