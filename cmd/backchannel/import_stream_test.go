package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// Exports of every version import, streamed, to the workbook the whole-file
// import made of them: the .want.json files are what `export` gave after
// importing each fixture with the build before streaming (versions 1 and 2
// lack aliases, heard_via_id and commitments, which come back empty). The
// same file with its keys in another order (the tables before format and
// version, as a tool that sorts keys writes it) gives the same workbook.
func TestImportOlderVersionsGivesTheSameWorkbook(t *testing.T) {
	for v := 1; v <= 3; v++ {
		t.Run(fmt.Sprintf("version %d", v), func(t *testing.T) {
			in := filepath.Join("testdata", "import", fmt.Sprintf("workbook-v%d.json", v))
			want, err := os.ReadFile(strings.TrimSuffix(in, ".json") + ".want.json")
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(raw), fmt.Sprintf(`"version": %d`, v)) {
				t.Fatalf("%s is not a version %d export", in, v)
			}
			var m map[string]any
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatal(err)
			}
			sorted, _ := json.Marshal(m)
			if strings.Index(string(sorted), `"format"`) < strings.Index(string(sorted), `"blind_spots"`) {
				t.Fatal("the re-ordered file does not put a table first")
			}
			sortedFile := filepath.Join(t.TempDir(), "sorted.json")
			if err := os.WriteFile(sortedFile, sorted, 0o600); err != nil {
				t.Fatal(err)
			}
			for _, file := range []string{in, sortedFile} {
				path := filepath.Join(privateDir(t), "w.db")
				mustOK(t, cli(t, path, "", "import", file))
				if got := mustOK(t, cli(t, path, "", "export")).stdout; got != string(want) {
					t.Errorf("%s imports to a different workbook than before (its export differs from %s.want.json)", file, strings.TrimSuffix(in, ".json"))
				}
			}
		})
	}
}

// Refusals found only as the stream is read still import nothing and say
// where: a repeated array, data after the workbook, a bad row after
// thousands of good ones.
func TestImportStreamRefusals(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "import", "workbook-v3.json"))
	if err != nil {
		t.Fatal(err)
	}
	body := string(good)
	cases := []struct{ name, body, want string }{
		{"array twice", strings.Replace(body, `"history": [`, `"contacts": [], "history": [`, 1), `"contacts" appears twice`},
		{"trailing data", body + `{"more": 1}`, "unexpected data after the workbook"},
		{"unknown key last", strings.TrimSuffix(strings.TrimSpace(body), "}") + `, "extra": 1}`, `unknown field "extra"`},
		{"truncated", body[:len(body)/2], "the file ends early"},
		{"bad history row", strings.Replace(body, `"action": "create"`, `"action": "explode"`, 1), `history[0]: unknown action "explode"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "w.json")
			if err := os.WriteFile(file, []byte(c.body), 0o600); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(privateDir(t), "t.db")
			oneSentence(t, cli(t, path, "", "import", file), 1, c.want)
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Error("a refused import left a workbook behind")
			}
		})
	}
}

// The reader under the decoder passes UTF-8 split across reads, refuses a
// byte that is not UTF-8 (also a character cut off at the end) with its
// offset and line, and tells lines while keeping only what it has not
// yet been asked about.
func TestLineReader(t *testing.T) {
	text := "{\n\"a\": \"Zoë 中文 🙂\",\n\"b\": [1,\n2]\n}\n"
	l := &lineReader{r: iotest.OneByteReader(strings.NewReader(text)), line: 1}
	got, err := io.ReadAll(l)
	if err != nil || string(got) != text {
		t.Fatalf("read %q, %v; want the text whole", got, err)
	}
	if n := l.lineAt(int64(strings.Index(text, `"b"`))); n != 3 {
		t.Errorf(`"b" is on line %d, want 3`, n)
	}
	if n := l.lineAt(int64(strings.Index(text, "2]"))); n != 4 {
		t.Errorf("2] is on line %d, want 4", n)
	}
	if len(l.kept) > len(text)-strings.Index(text, "2]") {
		t.Errorf("kept %d bytes already told", len(l.kept))
	}
	for _, c := range []struct {
		text string
		off  int64
		line int
	}{
		{"{\n\n\"a\": \"x\xffy\"}", 10, 3},
		{"{\n\"a\": \"x\xc3", 9, 2},
	} {
		l := &lineReader{r: iotest.OneByteReader(strings.NewReader(c.text)), line: 1}
		_, err := io.ReadAll(l)
		var u *utf8Problem
		if !errors.As(err, &u) || u.offset != c.off || u.line != c.line {
			t.Errorf("%q: got %v, want byte %d on line %d", c.text, err, c.off, c.line)
		}
	}
}
