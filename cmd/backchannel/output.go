package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/backchannel/backchannel/db"
	"github.com/backchannel/backchannel/model"
)

// table prints aligned columns; every cell is cleaned of control characters
// and escape sequences because it may hold text a user typed or imported.
type table struct {
	w *tabwriter.Writer
}

func newTable(out io.Writer, header ...string) *table {
	t := &table{w: tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) { t.cells(60, cells...) }

// cells is row with cells cut at width runes rather than 60, for a table
// whose last column is a sentence worth reading whole.
func (t *table) cells(width int, cells ...string) {
	for i, c := range cells {
		cells[i] = truncate(model.Clean(c), width)
	}
	fmt.Fprintln(t.w, strings.Join(cells, "\t"))
}

func (t *table) flush() error { return t.w.Flush() }

// truncate shortens s to at most n runes, marking the cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// writeFileAtomic writes data to path so that a reader sees either the old
// file or the whole new one: a temp file in the same folder, fsync, rename.
// The result is 0600 because briefs and exports hold sensitive notes.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op after a successful rename
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// unwrapPathError drops the *PathError wrapper, whose message repeats the path.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// writeOutput writes data to the -o target, or to stdout when out is "" or
// "-". A target is checked first (checkTarget): the workbook, its -wal and
// -shm, and any other SQLite database are never written over, and any other
// existing file only with --force. A file gets the exact bytes; standard
// output, which is often a terminal, never carries a terminal control
// (guardTerminal), whatever the format.
func (a *app) writeOutput(out string, force bool, data []byte) error {
	if out == "" || out == "-" {
		_, err := a.stdout.Write(guardTerminal(data))
		return err
	}
	if err := a.checkTarget(out, force); err != nil {
		return err
	}
	data, err := a.sealOutput(out, data)
	if err != nil {
		return err
	}
	return writeFileAtomic(out, data)
}

// warnReadableStdout says, in one line on stderr, when the back channel is
// about to go to standard output redirected into a file that others on the
// machine can read (`export > file` is created 0644 by the shell, not by
// us): -o writes the same thing 0600. Pipes, terminals and private files
// pass without a word; so do redacted briefs, which are meant to be shared.
func (a *app) warnReadableStdout(out string) {
	if out != "" && out != "-" {
		return
	}
	f, ok := a.stdout.(*os.File)
	if !ok {
		return
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm()&0o077 == 0 {
		return
	}
	fmt.Fprintf(a.stderr, "backchannel: warning: standard output is a file others on this machine can read (mode %04o); write it with -o FILE, which makes it 0600, or chmod 600 it\n", fi.Mode().Perm())
}

// checkTarget refuses, in one sentence, an output file that would destroy
// something: the open workbook or its -wal/-shm (the same file by any name,
// via os.SameFile), any SQLite database, or, without force, any file.
func (a *app) checkTarget(out string, force bool) error {
	if suffix, ok := a.workbookCompanion(out); ok {
		return fmt.Errorf("%s is the workbook's %s file; writing there would destroy it, so choose another file", out, suffix)
	}
	fi, err := os.Stat(out)
	if err != nil {
		return nil // nothing there to lose; writing reports its own errors
	}
	if fi.IsDir() {
		return fmt.Errorf("%s is a folder; give a file name to write to", out)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if wi, err := os.Stat(a.dbPath + suffix); err == nil && os.SameFile(fi, wi) {
			return fmt.Errorf("%s is the workbook itself%s; writing there would destroy it, so choose another file", out, map[string]string{"-wal": " (its -wal file)", "-shm": " (its -shm file)"}[suffix])
		}
	}
	if db.IsWorkbookFile(out) {
		return fmt.Errorf("%s is a SQLite database (a workbook or a backup); writing there would destroy it, so choose another file", out)
	}
	if !force {
		return fmt.Errorf("%s already exists; use --force to replace it", out)
	}
	return nil
}

// workbookCompanion reports whether out names one of the files SQLite keeps
// beside the workbook (-wal, -shm, -journal), whether or not it exists now:
// one that is absent (the workbook closed cleanly) would be read as the
// workbook's log or journal the next time it opens.
func (a *app) workbookCompanion(out string) (string, bool) {
	target, err := filepath.Abs(out)
	if err != nil {
		return "", false
	}
	wb, err := filepath.Abs(a.dbPath)
	if err != nil {
		return "", false
	}
	// Compare in the real folder, so a link to the folder is no way round.
	if d, err := filepath.EvalSymlinks(filepath.Dir(target)); err == nil {
		target = filepath.Join(d, filepath.Base(target))
	}
	if d, err := filepath.EvalSymlinks(filepath.Dir(wb)); err == nil {
		wb = filepath.Join(d, filepath.Base(wb))
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if target == wb+suffix {
			return suffix, true
		}
	}
	return "", false
}

// guardTerminal makes output safe for a terminal without touching ordinary
// text: an ESC becomes a visible ␛ (so no escape sequence can start), and
// the other controls a terminal acts on — C0 but tab and line ends, DEL, C1,
// bidi overrides — are dropped. JSON, tables and the brief are already safe
// and pass unchanged; CSV and vCard holding stored text are what it guards.
func guardTerminal(data []byte) []byte {
	safe := true
	for _, c := range data {
		if c == 0x1b || c == 0x7f || c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			safe = false
			break
		}
	}
	if safe || unchangedForTerminal(data) {
		return data
	}
	return guardRunes(data)
}

// guardRunes is guardTerminal's rune by rune pass, for data that needs it.
func guardRunes(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data))
	s := string(data)
	for i, r := range s {
		switch {
		case r == 0x1b:
			b.WriteString(model.BrokenEscape)
		case r == '\t', r == '\n', r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			b.WriteRune(r)
		case r < 0x20, terminalRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.Bytes()
}

// unchangedForTerminal reports whether guardTerminal's loop would give data
// back as it is: valid UTF-8 with no ESC, no control but tab, newline and a
// carriage return before one, and no rune terminalRune drops. A brief has
// "·" and "—" in every line; this keeps it from being copied rune by rune.
func unchangedForTerminal(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c == 0x1b || c == 0x7f || (c < 0x20 && c != '\t' && c != '\n' && !(c == '\r' && i+1 < len(data) && data[i+1] == '\n')) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if (r == utf8.RuneError && size == 1) || terminalRune(r) {
			return false
		}
		i += size
	}
	return true
}
