//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 11, finding 5: a workbook whose folder (here, file system) cannot
// be written is read on the command line as usual, with one note saying it
// is read-only, and a write is refused in one sentence, exit 1.
func TestReadOnlyWorkbookOnTheCommandLine(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("remounting a file system read-only needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", dir).Run() })
	path := filepath.Join(dir, "w.db")
	mustOK(t, cli(t, path, "", "demo"))
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}

	r := mustOK(t, cli(t, path, "", "proposals"))
	if !strings.Contains(r.stdout, "Consolidate") {
		t.Errorf("proposals on a read-only workbook: %q", r.stdout)
	}
	if !strings.Contains(r.stderr, "is open read-only (it is on a read-only file system)") {
		t.Errorf("no note that it is read-only: %q", r.stderr)
	}
	mustOK(t, cli(t, path, "", "brief", "1"))

	r = cli(t, path, "", "log", "Dana", "-p", "1", "--said", "x")
	if r.code != 1 {
		t.Errorf("a write exited %d, want 1", r.code)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if last := lines[len(lines)-1]; last != "backchannel: nothing was changed: the workbook is read-only (it is on a read-only file system)." {
		t.Errorf("the refusal is %q", last)
	}
}
