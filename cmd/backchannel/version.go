package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/backchannel/backchannel/db"

	"github.com/spf13/cobra"
)

// Set at build time by the Makefile (-ldflags "-X main.version=…"), from
// git: the toolchain's own VCS stamp is used when they are empty, and it is
// off wherever GOFLAGS has -buildvcs=false.
var (
	version    = ""
	commit     = ""
	commitDate = ""
	modified   = ""
)

// buildInfo is what the version command reports: which build this is and
// what it was built from, so a bug report names the exact code.
type buildInfo struct {
	version, commit, date string
	dirty                 bool
}

// readBuildInfo reads the stamped version (the Makefile passes `git
// describe`) and what the Go toolchain recorded of the module and its VCS.
func readBuildInfo() buildInfo {
	b := buildInfo{version: version, commit: commit, date: commitDate, dirty: modified == "true"}
	info, ok := debug.ReadBuildInfo()
	if ok && b.commit == "" {
		if b.version == "" {
			if v := info.Main.Version; v != "" && v != "(devel)" {
				b.version = v
			}
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				b.commit = s.Value
			case "vcs.time":
				b.date = s.Value
			case "vcs.modified":
				b.dirty = s.Value == "true"
			}
		}
	}
	if b.version == "" {
		b.version = "devel"
	}
	if len(b.commit) > 12 {
		b.commit = b.commit[:12]
	}
	return b
}

// String is the version line: "backchannel v0.3.0 (commit 1a2b3c4d5e6f of
// 2026-12-01T00:00:00Z, modified; go1.26.8 linux/amd64; SQLite 3.51.0)".
func (b buildInfo) String(sqliteVersion string) string {
	var from []string
	if b.commit != "" {
		c := "commit " + b.commit
		if b.date != "" {
			c += " of " + b.date
		}
		if b.dirty {
			c += ", with uncommitted changes"
		}
		from = append(from, c)
	} else {
		from = append(from, "no commit recorded")
	}
	from = append(from, runtime.Version()+" "+runtime.GOOS+"/"+runtime.GOARCH, "SQLite "+sqliteVersion)
	return "backchannel " + b.version + " (" + strings.Join(from, "; ") + ")"
}

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, the commit it was built from and the SQLite version",
		Args:  exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(a.stdout, readBuildInfo().String(db.SQLiteVersion()))
			return err
		},
	}
}
