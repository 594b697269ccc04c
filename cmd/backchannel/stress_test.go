// Long by design: the stress suites of make stress (kills mid-write, many
// writers, a large import beside a writer) and the helper processes they
// start, which share one harness.

//go:build unix

package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The long safety suites. `make test` runs them at a size that finishes in
// well under a minute; `make stress` sets the environment below for the
// sizes the issue names (1,000 kill cycles, a 200,000-row import).
const (
	crashCyclesEnv = "BACKCHANNEL_CRASH_CYCLES" // default 100
	importRowsEnv  = "BACKCHANNEL_IMPORT_ROWS"  // default 40000 for the import, 20000 for the undo
)

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q is not a positive number", name, s)
	}
	return n
}

// builtBinary builds the real program into the test's own folder, for the
// tests that kill it or run many of it at once.
func builtBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "backchannel")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// command runs the built binary on the workbook with the test's fixed day.
func command(bin, dbPath string, args ...string) *exec.Cmd {
	c := exec.Command(bin, append([]string{"--db", dbPath}, args...)...)
	c.Env = append(os.Environ(), "BACKCHANNEL_TODAY=2026-11-21", "NO_COLOR=1", "BACKCHANNEL_DB=")
	return c
}

// checkWorkbook opens the file as SQLite itself would after a crash (the
// WAL is recovered) and checks structure, foreign keys and that the schema
// is intact.
func checkWorkbook(t *testing.T, path string) *sql.DB {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+path+"?mode=rw&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	var ok string
	if err := conn.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	rows, err := conn.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Fatal("foreign_key_check found a dangling reference")
	}
	rows.Close()
	return conn
}

// Issue 11: a crash harness. The real binary is killed with SIGKILL at a
// random moment while writing — a conversation (one small transaction) or
// a contact import (one large one) — and after every kill the workbook must
// be intact, every acknowledged write (exit 0 before the kill) present
// exactly once, and an import present whole or not at all.
func TestCrashHarness(t *testing.T) {
	bin := builtBinary(t)
	cycles := envInt(t, crashCyclesEnv, 100)
	dir := privateDir(t)
	path := filepath.Join(dir, "w.db")
	if out, err := command(bin, path, "demo").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	const people = 300
	csvFile := func(cycle int) string {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		_ = w.Write([]string{"name", "email"})
		for k := range people {
			_ = w.Write([]string{fmt.Sprintf("Crash %d Person %d", cycle, k), fmt.Sprintf("c%d.p%d@example.com", cycle, k)})
		}
		w.Flush()
		f := filepath.Join(dir, fmt.Sprintf("people-%d.csv", cycle))
		if err := os.WriteFile(f, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}

	// How long a write takes here, so kills land before, during and after it.
	began := time.Now()
	if out, err := command(bin, path, "log", "Dana", "-p", "1", "--said", "calibration").CombinedOutput(); err != nil {
		t.Fatalf("log: %v\n%s", err, out)
	}
	span := time.Since(began)
	acked := map[string]bool{"calibration": true}
	rng := rand.New(rand.NewPCG(1, uint64(cycles)))
	var kills, finished int
	for cycle := range cycles {
		var c *exec.Cmd
		said := fmt.Sprintf("crash cycle %d", cycle)
		isImport := cycle%4 == 3
		if isImport {
			c = command(bin, path, "import", csvFile(cycle))
		} else {
			c = command(bin, path, "log", "Dana", "-p", "1", "--said", said)
		}
		var stderr bytes.Buffer
		c.Stderr = &stderr
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(span) * 3 / 2)))
		_ = c.Process.Signal(syscall.SIGKILL)
		err := c.Wait()
		if err == nil {
			finished++
			if !isImport {
				acked[said] = true
			}
		} else {
			kills++
			if ws, ok := c.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
				t.Fatalf("cycle %d failed on its own: %v\n%s", cycle, err, stderr.String())
			}
		}

		conn := checkWorkbook(t, path)
		for s := range acked {
			var n int
			if err := conn.QueryRow("SELECT count(*) FROM touchpoints WHERE said = ?", s).Scan(&n); err != nil || n != 1 {
				t.Fatalf("cycle %d: the acknowledged conversation %q is stored %d times (%v)", cycle, s, n, err)
			}
		}
		if isImport {
			var n int
			if err := conn.QueryRow("SELECT count(*) FROM contacts WHERE name LIKE ?", fmt.Sprintf("Crash %d Person %%", cycle)).Scan(&n); err != nil || (n != 0 && n != people) {
				t.Fatalf("cycle %d: a killed import left %d of %d people (%v)", cycle, n, people, err)
			}
		}
		conn.Close()
	}
	t.Logf("%d cycles: %d killed mid-way, %d finished first; %d acknowledged conversations all present once", cycles, kills, finished, len(acked))
	if kills == 0 {
		t.Error("no cycle was killed before finishing: the harness is not testing anything")
	}
}

// Environment that makes TestHelperCLIWriter play one of many writers.
const (
	writerDBEnv    = "BACKCHANNEL_TEST_CLI_WRITER_DB"
	writerIDEnv    = "BACKCHANNEL_TEST_CLI_WRITER_ID"
	writerCountEnv = "BACKCHANNEL_TEST_CLI_WRITER_COUNT"
)

// TestHelperCLIWriter is not a test on its own: TestManyWritersNeverFail
// starts it in many processes at once. Each runs `log` through the CLI's own
// entry point, opening and closing the workbook every time as a user's
// shell would, and prints every failure.
func TestHelperCLIWriter(t *testing.T) {
	path := os.Getenv(writerDBEnv)
	if path == "" {
		t.Skip("helper process for TestManyWritersNeverFail")
	}
	id := os.Getenv(writerIDEnv)
	n, _ := strconv.Atoi(os.Getenv(writerCountEnv))
	t.Setenv("BACKCHANNEL_TODAY", "2026-11-21")
	for i := range n {
		var out, errOut bytes.Buffer
		code := run(context.Background(), []string{"--db", path, "log", "Dana", "-p", "1", "--said", fmt.Sprintf("writer %s write %d", id, i)},
			strings.NewReader(""), &out, &errOut)
		if code != 0 {
			fmt.Printf("FAILED %s/%d: %s", id, i, errOut.String())
		}
	}
}

// Issue 11, finding 2: 64 processes writing 30 conversations each at once
// all succeed (before, 56 of 2,000 failed with "database is locked").
func TestManyWritersNeverFail(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 64 processes")
	}
	const writers, each = 64, 30
	path := demoDB(t)
	var wg sync.WaitGroup
	outs := make([]string, writers)
	for w := range writers {
		c := exec.Command(os.Args[0], "-test.run=^TestHelperCLIWriter$", "-test.count=1")
		c.Env = append(os.Environ(), writerDBEnv+"="+path, writerIDEnv+"="+strconv.Itoa(w), writerCountEnv+"="+strconv.Itoa(each))
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := c.CombinedOutput()
			outs[w] = string(out)
			if err != nil {
				outs[w] += "\nexit: " + err.Error()
			}
		}()
	}
	wg.Wait()
	failures := 0
	for w, out := range outs {
		if strings.Contains(out, "FAILED") || strings.Contains(out, "exit:") {
			failures++
			if failures <= 3 {
				t.Errorf("writer %d:\n%s", w, out)
			}
		}
	}
	conn := checkWorkbook(t, path)
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM touchpoints WHERE said LIKE 'writer % write %'").Scan(&n); err != nil || n != writers*each {
		t.Errorf("%d conversations stored, want %d (%v)", n, writers*each, err)
	}
	if failures > 0 {
		t.Errorf("%d of %d writers saw a failure", failures, writers)
	}
}

// peopleCSV writes an address book of rows new people.
func peopleCSV(t *testing.T, rows int) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"name", "title", "org", "email"})
	for i := range rows {
		_ = w.Write([]string{fmt.Sprintf("Imported Person %d", i), "Engineer", "Acme", fmt.Sprintf("i%d@example.com", i)})
	}
	w.Flush()
	file := filepath.Join(t.TempDir(), "people.csv")
	if err := os.WriteFile(file, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

// Issue 11, finding 2: a `log` made while a large contact import holds the
// workbook waits for it, says so after a second, and succeeds; and since
// the store writes an import in chunks, the log is saved between two of
// them rather than after the whole import. `make test` imports 40,000
// rows (four chunks at least: the log starts once the first is in, and a
// busy machine can take a chunk's time to start it); `make stress` the
// issue's 200,000.
func TestLogDuringLargeImport(t *testing.T) {
	const oneChunk = 10000 // the most people one chunk writes (db.importChunkRows)
	bin := builtBinary(t)
	rows := envInt(t, importRowsEnv, 40000)
	path := demoDB(t)
	file := peopleCSV(t, rows)

	imp := command(bin, path, "import", file)
	var impOut bytes.Buffer
	imp.Stdout, imp.Stderr = &impOut, &impOut
	if err := imp.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- imp.Wait() }()
	longest := longestHold(t, path)

	// Wait until the import has committed its first chunk (its first people
	// are in the workbook): from then on it holds the write lock a chunk at
	// a time with a pause between, and a 200,000-person import has many
	// chunks left. Watching for the lock itself (a write probe that found
	// the workbook busy twice, 10 ms apart) mistook the watcher's own
	// probes for the import's on a slow machine, and the log then went in
	// before the import had written anything.
	reader, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	written := 0
	for written == 0 {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("the import failed: %v\n%s", err, impOut.String())
			}
			if rows > oneChunk {
				t.Fatalf("the import of %d people finished before any of them could be seen: it was not written in chunks\n%s", rows, impOut.String())
			}
			t.Skipf("%d people fit one chunk: no log can come between two", rows)
		default:
		}
		if err := reader.QueryRow("SELECT count(*) FROM contacts WHERE name LIKE 'Imported Person %'").Scan(&written); err != nil {
			t.Fatal(err)
		}
		if written == 0 {
			time.Sleep(5 * time.Millisecond)
		}
	}
	if written >= rows {
		t.Fatalf("the first people seen were all %d of them: the import was not written in chunks", rows)
	}

	logCmd := command(bin, path, "log", "Dana", "-p", "1", "--said", "logged during the import")
	began := time.Now()
	out, err := logCmd.CombinedOutput()
	waited := time.Since(began)
	if err != nil {
		t.Fatalf("log during the import failed after %v: %v\n%s", waited, err, out)
	}
	if err := <-done; err != nil {
		t.Fatalf("the import failed: %v\n%s", err, impOut.String())
	}
	held := longest()
	if waited > 1500*time.Millisecond && !strings.Contains(string(out), "waiting for another backchannel process") {
		t.Errorf("log waited %v without saying why:\n%s", waited, out)
	}
	conn := checkWorkbook(t, path)
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM touchpoints WHERE said = 'logged during the import'").Scan(&n); err != nil || n != 1 {
		t.Errorf("the conversation is stored %d times (%v)", n, err)
	}
	if err := conn.QueryRow("SELECT count(*) FROM contacts WHERE name LIKE 'Imported Person %'").Scan(&n); err != nil || n != rows {
		t.Errorf("%d imported people, want %d (%v)", n, rows, err)
	}
	// The import is one step, and the log's rows were written while it was
	// still writing its own: it has rows filed both before and after them.
	var before, after int
	err = conn.QueryRow(`SELECT
		(SELECT count(*) FROM change_rows i WHERE i.change_id = imp.id AND i.id < lg.first),
		(SELECT count(*) FROM change_rows i WHERE i.change_id = imp.id AND i.id > lg.first)
		FROM (SELECT id FROM changes WHERE summary LIKE 'imported % new contacts and filled in %') imp,
		(SELECT min(cr.id) AS first FROM change_rows cr JOIN touchpoints tp ON cr.entity = 'touchpoints' AND cr.row_id = tp.id
			WHERE tp.said = 'logged during the import') lg`).Scan(&before, &after)
	if err != nil {
		t.Fatalf("reading the steps: %v", err)
	}
	if before == 0 || after == 0 {
		t.Errorf("the log was not saved during the import: the import wrote %d rows before it and %d after", before, after)
	}
	t.Logf("log waited %v for a %d-row import (the import wrote %d rows before it, %d after); the import held the workbook for %v at most",
		waited.Round(time.Millisecond), rows, before, after, held.Round(time.Millisecond))
}

// longestHold measures, from another connection, the longest stretch for
// which a write could not start while the import ran: the figure issue 11
// asks about ("nobody held more than a second or two"). It is reported, not
// asserted, since the time depends on the machine. Calling the function it
// returns stops the watch and gives the figure.
func longestHold(t *testing.T, path string) func() time.Duration {
	t.Helper()
	probe, err := sql.Open("sqlite", "file:"+path+"?mode=rw&_pragma=busy_timeout(0)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	stop, out := make(chan struct{}), make(chan time.Duration, 1)
	go func() {
		defer probe.Close()
		var longest time.Duration
		var since time.Time
		for {
			select {
			case <-stop:
				out <- longest
				return
			default:
			}
			tx, err := probe.Begin()
			if err == nil {
				_ = tx.Rollback()
				if !since.IsZero() {
					longest = max(longest, time.Since(since))
					since = time.Time{}
				}
			} else if since.IsZero() {
				since = time.Now()
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()
	var once sync.Once
	var held time.Duration
	stopWatch := func() time.Duration {
		once.Do(func() { close(stop); held = <-out })
		return held
	}
	t.Cleanup(func() { stopWatch() })
	return stopWatch
}

// Issue 11, build item 2: a crash in the middle of a chunked import leaves a
// sound workbook in which the part written is one step that says it is
// unfinished; one undo takes all of it out, and importing the file again
// brings everyone in once.
func TestKillDuringImport(t *testing.T) {
	bin := builtBinary(t)
	const rows = 25000 // three chunks at least (db.importChunkRows)
	path := demoDB(t)
	file := peopleCSV(t, rows)
	probe, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		t.Fatal(err)
	}
	defer probe.Close()
	imported := func(db *sql.DB) int {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM contacts WHERE name LIKE 'Imported Person %'").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	imp := command(bin, path, "import", file)
	if err := imp.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- imp.Wait() }()
	for imported(probe) == 0 {
		select {
		case err := <-done:
			t.Fatalf("the import finished (%v) before any chunk was seen", err)
		case <-time.After(2 * time.Millisecond):
		}
	}
	_ = imp.Process.Signal(syscall.SIGKILL)
	<-done

	conn := checkWorkbook(t, path)
	n := imported(conn)
	if n == 0 || n == rows {
		t.Fatalf("the kill left %d of %d imported people; it should have come mid-import", n, rows)
	}
	out, err := command(bin, path, "history").CombinedOutput()
	if err != nil || !strings.Contains(string(out), fmt.Sprintf("Imported %d of %d contacts (unfinished)", n, rows)) {
		t.Errorf("history after the kill should name the unfinished import of %d (%v):\n%s", n, err, out)
	}
	if out, err := command(bin, path, "undo").CombinedOutput(); err != nil {
		t.Fatalf("undo: %v\n%s", err, out)
	}
	if n := imported(conn); n != 0 {
		t.Errorf("one undo left %d of the unfinished import's people", n)
	}
	if out, err := command(bin, path, "import", file).CombinedOutput(); err != nil {
		t.Fatalf("import again: %v\n%s", err, out)
	}
	if n := imported(conn); n != rows {
		t.Errorf("after importing again: %d people, want %d", n, rows)
	}
	t.Logf("killed after %d of %d people were written", n, rows)
}
