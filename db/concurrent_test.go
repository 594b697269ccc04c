package db

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backchannel/backchannel/model"
)

// Environment that switches TestHelperWriter on in a child process.
const (
	helperDBEnv          = "BACKCHANNEL_TEST_WRITER_DB"
	helperStakeholderEnv = "BACKCHANNEL_TEST_WRITER_STAKEHOLDER"
	helperCountEnv       = "BACKCHANNEL_TEST_WRITER_COUNT"
	helperStartEnv       = "BACKCHANNEL_TEST_WRITER_START"
)

const writesPerProcess = 500

// TestHelperWriter is not a test on its own: TestTwoProcessesWriting runs
// the test binary again with it selected, to play a second program (the CLI
// while the TUI is open). It logs conversations one call, and so one
// transaction, at a time.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(helperDBEnv)
	if path == "" {
		t.Skip("helper process for TestTwoProcessesWriting")
	}
	stakeholder, _ := strconv.ParseInt(os.Getenv(helperStakeholderEnv), 10, 64)
	n, _ := strconv.Atoi(os.Getenv(helperCountEnv))
	start, _ := strconv.ParseInt(os.Getenv(helperStartEnv), 10, 64)
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Both processes begin writing at the same instant.
	time.Sleep(time.Until(time.Unix(0, start)))
	began := time.Now()
	for i := 0; i < n; i++ {
		_, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: stakeholder, Date: model.NewDate(2026, 11, 1+i%28),
			Kind: model.TouchKind(i % 5), Said: fmt.Sprintf("conversation %d from process %d", i, os.Getpid())})
		if err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
	}
	fmt.Printf("WRITING %d %d\n", began.UnixNano(), time.Now().UnixNano())
}

func TestTwoProcessesWriting(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 1,000 transactions with fsync")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workbook.db")
	s, err := Open(ctx, path)
	mustNoErr(t, err)
	f := buildFixture(t, s)
	mustNoErr(t, s.Close())

	start := time.Now().Add(500 * time.Millisecond).UnixNano()
	var wg sync.WaitGroup
	outputs := make([]string, 2)
	errs := make([]error, 2)
	for i, st := range []int64{f.sDana.ID, f.sMarcus.ID} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(),
			helperDBEnv+"="+path,
			helperStakeholderEnv+"="+strconv.FormatInt(st, 10),
			helperCountEnv+"="+strconv.Itoa(writesPerProcess),
			helperStartEnv+"="+strconv.FormatInt(start, 10),
		)
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := cmd.CombinedOutput()
			outputs[i], errs[i] = string(out), err
		}()
	}
	wg.Wait()
	for i := range outputs {
		if errs[i] != nil || !strings.Contains(outputs[i], "--- PASS: TestHelperWriter") {
			t.Errorf("writer %d failed: %v\n%s", i, errs[i], outputs[i])
		}
		if strings.Contains(outputs[i], "database is locked") || strings.Contains(outputs[i], "SQLITE_BUSY") {
			t.Errorf("writer %d saw a locked database:\n%s", i, outputs[i])
		}
	}

	s, err = Open(ctx, path)
	mustNoErr(t, err)
	defer s.Close()
	for _, st := range []int64{f.sDana.ID, f.sMarcus.ID} {
		if n := count(t, s, "SELECT count(*) FROM touchpoints WHERE stakeholder_id = ?", st); n != writesPerProcess {
			t.Errorf("stakeholder %d: %d conversations, want %d", st, n, writesPerProcess)
		}
	}
	if n := count(t, s, "SELECT count(*) FROM touchpoints"); n != 2*writesPerProcess {
		t.Errorf("%d conversations in all, want %d", n, 2*writesPerProcess)
	}
	if n := count(t, s, "SELECT count(*) FROM history WHERE entity = 'touchpoint'"); n != 2*writesPerProcess {
		t.Errorf("%d conversation history rows, want %d", n, 2*writesPerProcess)
	}
	// The two processes really were writing at the same time: each began
	// before the other finished.
	var spans [2][2]int64
	for i, out := range outputs {
		for _, line := range strings.Split(out, "\n") {
			if _, err := fmt.Sscanf(line, "WRITING %d %d", &spans[i][0], &spans[i][1]); err == nil {
				break
			}
		}
	}
	if spans[0][0] == 0 || spans[1][0] == 0 || spans[0][0] >= spans[1][1] || spans[1][0] >= spans[0][1] {
		t.Errorf("the writers did not overlap (spans %v); the test proved nothing", spans)
	}
	t.Logf("writer spans: %v and %v", time.Duration(spans[0][1]-spans[0][0]), time.Duration(spans[1][1]-spans[1][0]))
}

// One Store used from many goroutines at once: writers queue on the single
// writer connection while readers load dossiers from their own snapshot.
func TestStoreConcurrentUse(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	f := buildFixture(t, s)
	const writers, each = 4, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each+writers*each)
	for w := 0; w < writers; w++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				_, err := s.LogTouchpoint(ctx, model.Touchpoint{StakeholderID: f.sMarcus.ID, Date: model.NewDate(2026, 11, 1+i)})
				errs <- err
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				d, err := s.LoadDossier(ctx, f.proposal.ID)
				if err == nil && len(d.Touchpoints) != len(d.ContactTouchpoints) {
					err = fmt.Errorf("inconsistent dossier: %d conversations, %d in the contacts' log", len(d.Touchpoints), len(d.ContactTouchpoints))
				}
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, s, "SELECT count(*) FROM touchpoints"); n != writers*each {
		t.Errorf("%d conversations, want %d", n, writers*each)
	}
}

func TestCanceledContext(t *testing.T) {
	s, _ := openTest(t)
	f := buildFixture(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.LoadDossier(ctx, f.proposal.ID); !errors.Is(err, context.Canceled) {
		t.Errorf("LoadDossier with a canceled context = %v", err)
	}
	if _, err := s.CreateContact(ctx, model.Contact{Name: "Late"}); !errors.Is(err, context.Canceled) {
		t.Errorf("CreateContact with a canceled context = %v", err)
	}
	if _, err := s.ListProposals(ctx, true); !errors.Is(err, context.Canceled) {
		t.Errorf("ListProposals with a canceled context = %v", err)
	}
	// The store still works afterwards.
	if _, err := s.LoadDossier(context.Background(), f.proposal.ID); err != nil {
		t.Errorf("after cancellation: %v", err)
	}
}
