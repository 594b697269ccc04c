package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every select in tui and its widgets is made through widget.StopAtEnds:
// huh's own select wraps from the last option to the first, which once
// logged a hostile executive as enthusiastic. A select built without it
// fails here, naming the file.
func TestEverySelectStopsAtItsEnds(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	widgets, err := filepath.Glob(filepath.Join("widget", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, widgets...)
	made := regexp.MustCompile(`huh\.NewSelect\[`)
	wrapped := regexp.MustCompile(`(widget\.)?StopAtEnds(Func)?\(((widget\.)?ScrollingSelect\()?huh\.NewSelect\[`)
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all, ok := len(made.FindAll(src, -1)), len(wrapped.FindAll(src, -1))
		seen += all
		if all != ok {
			t.Errorf("%s makes %d selects, %d of them through StopAtEnds", f, all, ok)
		}
	}
	if seen == 0 {
		t.Fatal("found no selects at all: is the test reading the package's sources?")
	}
}
