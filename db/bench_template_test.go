package db

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Benchmark workbooks take seconds to generate, and `make bench` runs each
// benchmark several times (-count, and testing's own calls to find b.N): so
// each is built once per test process as a template file, and every
// benchmark opens its own copy, free to write to it.

var (
	templateMu  sync.Mutex
	templateDir string
	templates   = map[string]templateFile{}
)

// templateFile is a built workbook and the value its builder returned (a
// proposal's id, say), which holds for every copy.
type templateFile struct {
	path  string
	value int64
}

// TestMain removes the templates the run built.
func TestMain(m *testing.M) {
	code := m.Run()
	if templateDir != "" {
		os.RemoveAll(templateDir)
	}
	os.Exit(code)
}

// openFromTemplate opens a copy of the workbook key names, built by build
// on a fresh store the first time it is asked for in this process.
func openFromTemplate(b *testing.B, key string, build func(*Store) (int64, error)) (*Store, int64) {
	b.Helper()
	tpl := template(b, key, build)
	path := filepath.Join(b.TempDir(), "workbook.db")
	if err := copyFile(tpl.path, path); err != nil {
		b.Fatal(err)
	}
	s, err := OpenWithClock(context.Background(), path, newTestClock().Now)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if err := s.Close(); err != nil {
			b.Errorf("close: %v", err)
		}
	})
	return s, tpl.value
}

func template(b *testing.B, key string, build func(*Store) (int64, error)) templateFile {
	templateMu.Lock()
	defer templateMu.Unlock()
	if t, ok := templates[key]; ok {
		return t
	}
	if templateDir == "" {
		dir, err := os.MkdirTemp("", "backchannel-db-bench-")
		if err != nil {
			b.Fatal(err)
		}
		templateDir = dir
	}
	path := filepath.Join(templateDir, key+".db")
	s, err := OpenWithClock(context.Background(), path, newTestClock().Now)
	if err != nil {
		b.Fatal(err)
	}
	value, err := build(s)
	// Closing the last connection checkpoints the log into the file, so the
	// one file is the whole workbook.
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		b.Fatalf("template %s kept a write-ahead log after closing", key)
	}
	t := templateFile{path: path, value: value}
	templates[key] = t
	return t
}

// copyFile copies a closed workbook (one file: closing checkpointed its log).
func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o600)
}
