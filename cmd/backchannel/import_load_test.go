//go:build unix

package main

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// workbookExport writes a generated workbook's export with the built
// binary: 20,000 conversations, several chunks of a load.
func workbookExport(t *testing.T, bin string) (file string, rows int) {
	t.Helper()
	dir := privateDir(t)
	src := filepath.Join(dir, "source.db")
	if out, err := command(bin, src, "demo", "--proposals", "5", "--stakeholders", "100", "--conversations", "4000").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	file = filepath.Join(dir, "workbook.json")
	if out, err := command(bin, src, "export", "-o", file).CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	return file, rowsIn(t, checkWorkbook(t, src))
}

// startLoad creates an empty workbook and starts importing file into it;
// it returns once the import's first chunk is visible to another
// connection (the import is still writing).
func startLoad(t *testing.T, bin, file string) (path string, probe *sql.DB, done chan error, imp *exec.Cmd) {
	t.Helper()
	path = filepath.Join(privateDir(t), "w.db")
	if out, err := command(bin, path, "init").CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	probe, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { probe.Close() })
	imp = command(bin, path, "import", file)
	out := &bytes.Buffer{}
	imp.Stdout, imp.Stderr = out, out
	if err := imp.Start(); err != nil {
		t.Fatal(err)
	}
	done = make(chan error, 1)
	go func() { done <- imp.Wait() }()
	t.Cleanup(func() { _ = imp.Process.Kill() })
	for rowsIn(t, probe) == 0 {
		select {
		case err := <-done:
			t.Fatalf("the import finished (%v) before another process could see any of it: it is not written in chunks\n%s", err, out)
		case <-time.After(2 * time.Millisecond):
		}
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("import output:\n%s", out)
		}
	})
	return path, probe, done, imp
}

// rowsIn counts the workbook's facts, search words, history and undo steps.
func rowsIn(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM proposals) + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM stakeholders)
		+ (SELECT count(*) FROM touchpoints) + (SELECT count(*) FROM objections) + (SELECT count(*) FROM blind_spots)
		+ (SELECT count(*) FROM history) + (SELECT count(*) FROM search) + (SELECT count(*) FROM changes)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Issue 11, build item 2: while a whole workbook is imported, another
// process's write gets in between two chunks (here a draft, as the terminal
// workbook saves one), instead of waiting for the whole import; a `log`,
// which would add records to a workbook half loaded, is refused at once in
// one sentence; and the import still loads the file exactly.
func TestWriterDuringWorkbookImport(t *testing.T) {
	bin := builtBinary(t)
	file, rows := workbookExport(t, bin)
	path, probe, done, _ := startLoad(t, bin, file)
	longest := longestHold(t, path)

	writer, err := sql.Open("sqlite", "file:"+path+"?mode=rw&_pragma=busy_timeout(30000)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	began := time.Now()
	if _, err := writer.Exec("INSERT INTO drafts (key, title, data, updated_at) VALUES ('log:1', 'a talk half written', '{}', '2026-11-21T08:00:00Z')"); err != nil {
		t.Fatalf("a draft saved during the import: %v", err)
	}
	waited := time.Since(began)
	seen := rowsIn(t, probe)

	logBegan := time.Now()
	out, err := command(bin, path, "log", "1", "-p", "1", "--said", "logged during the load").CombinedOutput()
	logTook := time.Since(logBegan)
	if err == nil || !strings.Contains(string(out), "being loaded") {
		t.Errorf("a log during the load = %v, want refused in one sentence:\n%s", err, out)
	}
	if err := <-done; err != nil {
		t.Fatalf("the import failed: %v", err)
	}
	held := longest()
	if seen >= rows {
		t.Errorf("the draft was saved once all %d rows were in; it should get in while the import writes", rows)
	}
	checkWorkbook(t, path)
	again := filepath.Join(t.TempDir(), "again.json")
	if out, err := command(bin, path, "export", "-o", again).CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	if !sameFile(t, file, again) {
		t.Error("export → import → export is not byte-identical")
	}
	var said int
	if err := probe.QueryRow("SELECT count(*) FROM touchpoints WHERE said = 'logged during the load'").Scan(&said); err != nil || said != 0 {
		t.Errorf("the refused log left %d conversations (%v)", said, err)
	}
	t.Logf("a draft waited %v (%d of %d rows in); the refused log took %v; the import held the workbook %v at most",
		waited.Round(time.Millisecond), seen, rows, logTook.Round(time.Millisecond), held.Round(time.Millisecond))
}

func sameFile(t *testing.T, a, b string) bool {
	t.Helper()
	x, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := os.ReadFile(b)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(x, y)
}

// Issue 11, build item 2: a SIGKILL in the middle of a whole-workbook
// import leaves a sound workbook whose part written is one step that says
// it is unfinished; new records are refused on top of it; `undo` takes all
// of it out, history included; after a second kill, importing the file
// again takes the part out first and loads the file exactly.
func TestKillDuringWorkbookImport(t *testing.T) {
	bin := builtBinary(t)
	file, _ := workbookExport(t, bin)
	kill := func() string {
		path, _, done, imp := startLoad(t, bin, file)
		_ = imp.Process.Signal(syscall.SIGKILL)
		if err := <-done; err == nil {
			t.Fatal("the import finished before the kill; it should have come mid-import")
		}
		if n := rowsIn(t, checkWorkbook(t, path)); n == 0 {
			t.Fatal("the kill left nothing; it should have come mid-import")
		}
		return path
	}

	path := kill()
	out, err := command(bin, path, "history").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Loading a workbook: ") || !strings.Contains(string(out), "(unfinished)") {
		t.Errorf("history after the kill should name the unfinished load (%v):\n%s", err, out)
	}
	if out, err := command(bin, path, "contacts", "add", "Someone new").CombinedOutput(); err == nil || !strings.Contains(string(out), "load was cut short") {
		t.Errorf("a contact added on top of a load cut short = %v:\n%s", err, out)
	}
	if out, err := command(bin, path, "undo").CombinedOutput(); err != nil {
		t.Fatalf("undo: %v\n%s", err, out)
	}
	if n := rowsIn(t, checkWorkbook(t, path)); n != 0 {
		t.Errorf("one undo left %d rows of the unfinished load (facts, history, search words)", n)
	}

	path = kill()
	if out, err := command(bin, path, "import", file).CombinedOutput(); err != nil {
		t.Fatalf("import again after a kill: %v\n%s", err, out)
	}
	checkWorkbook(t, path)
	again := filepath.Join(t.TempDir(), "again.json")
	if out, err := command(bin, path, "export", "-o", again).CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	if !sameFile(t, file, again) {
		t.Error("the file imported again after a kill is not the file")
	}
}

// ctrl+c in the middle of a whole-workbook import takes out what it wrote
// and says so in one sentence (exit 130).
func TestInterruptedWorkbookImportTakesItselfOut(t *testing.T) {
	bin := builtBinary(t)
	file, _ := workbookExport(t, bin)
	path, probe, done, imp := startLoad(t, bin, file)
	_ = imp.Process.Signal(syscall.SIGINT)
	err := <-done
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Fatalf("an import stopped with ctrl+c = %v, want exit 130", err)
	}
	out := imp.Stderr.(*bytes.Buffer).String()
	if !strings.Contains(out, "the import was stopped; nothing was imported") {
		t.Errorf("ctrl+c said:\n%s", out)
	}
	if n := rowsIn(t, probe); n != 0 {
		t.Errorf("ctrl+c left %d rows (facts, history, search words, undo steps)", n)
	}
	checkWorkbook(t, path)
}
