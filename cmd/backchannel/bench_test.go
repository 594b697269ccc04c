package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// benchCommand times one CLI command in process, from opening the workbook
// to the last byte written: everything but starting the process, which
// `backchannel version` measures (scripts/bench-peer.sh, docs/performance.md).
func benchCommand(b *testing.B, path string, args ...string) {
	b.Setenv("BACKCHANNEL_TODAY", "2026-11-21")
	b.Setenv("NO_COLOR", "1")
	full := append([]string{"--db", path}, args...)
	b.ReportAllocs()
	for b.Loop() {
		if code := run(context.Background(), full, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
			b.Fatalf("%v: exit %d", args, code)
		}
	}
}

// peerWorkbook is bench-peer.sh's workbook: one proposal of 300 people and
// 10,000 conversations.
func peerWorkbook(b *testing.B) string {
	b.Helper()
	b.Setenv("BACKCHANNEL_TODAY", "2026-11-21")
	path := filepath.Join(b.TempDir(), "w.db")
	if code := run(context.Background(), []string{"--db", path, "demo", "--proposals", "1", "--stakeholders", "300", "--conversations", "10000"},
		strings.NewReader(""), io.Discard, io.Discard); code != 0 {
		b.Fatalf("demo: exit %d", code)
	}
	return path
}

// BenchmarkBriefCommand is `brief 1` on 10,000 conversations (the peer
// comparison's brief), in process.
func BenchmarkBriefCommand(b *testing.B) { benchCommand(b, peerWorkbook(b), "brief", "1") }

// BenchmarkBriefJSONCommand is `brief 1 --json` on the same workbook.
func BenchmarkBriefJSONCommand(b *testing.B) {
	benchCommand(b, peerWorkbook(b), "brief", "1", "--json")
}

// BenchmarkProposalsCommand is `proposals` on a shared-contacts workbook
// (60 proposals of 30 people from 150 contacts, 300 conversations each)
// with every score cached: what a list costs between two changes.
func BenchmarkProposalsCommand(b *testing.B) {
	b.Setenv("BACKCHANNEL_TODAY", "2026-11-21")
	path := filepath.Join(b.TempDir(), "w.db")
	if code := run(context.Background(), []string{"--db", path, "demo", "--proposals", "60", "--stakeholders", "30", "--conversations", "300", "--contacts", "150"},
		strings.NewReader(""), io.Discard, io.Discard); code != 0 {
		b.Fatalf("demo: exit %d", code)
	}
	benchCommand(b, path, "proposals")
}

// BenchmarkLogCommand is `log` of one conversation on the peer workbook.
func BenchmarkLogCommand(b *testing.B) {
	benchCommand(b, peerWorkbook(b), "log", "1", "-p", "1", "--kind", "share", "--channel", "call", "--sentiment", "1", "--said", "Agreed.")
}
