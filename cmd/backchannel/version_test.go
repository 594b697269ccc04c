package main

import (
	"strings"
	"testing"
)

// The version line names the build, the commit it came from and whether
// the tree had uncommitted changes, and the SQLite inside.
func TestVersionLineSaysWhatWasBuilt(t *testing.T) {
	b := buildInfo{version: "v0.4.0", commit: "1a2b3c4d5e6f", date: "2026-12-01T02:10:23Z", dirty: true}
	got := b.String("3.53.4")
	for _, want := range []string{"backchannel v0.4.0 (", "commit 1a2b3c4d5e6f of 2026-12-01T02:10:23Z", "with uncommitted changes", "SQLite 3.53.4"} {
		if !strings.Contains(got, want) {
			t.Errorf("version line %q lacks %q", got, want)
		}
	}
	if got := (buildInfo{version: "devel"}).String("3.53.4"); !strings.Contains(got, "devel (no commit recorded;") {
		t.Errorf("an unstamped build says %q", got)
	}
}
