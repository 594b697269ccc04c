//go:build linux

package hugeheap

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

func TestWantedOnlyWhereHugePagesAreGivenOnAdvice(t *testing.T) {
	for _, c := range []struct {
		godebug, mode string
		want          bool
	}{
		{"", "always [madvise] never\n", true},
		{"", "[always] madvise never\n", false}, // the kernel does it already
		{"", "always madvise [never]\n", false}, // the kernel refuses
		{"", "", false},                         // no file: no huge pages to ask for
		{"", "always [madvise] never", true},
		{"disablethp=1", "always [madvise] never\n", false},
		{"gctrace=1,disablethp=1", "always [madvise] never\n", false},
		{"disablethp=1,disablethp=0", "always [madvise] never\n", true}, // the last one counts
		{"disablethp=0", "always [madvise] never\n", true},
		{"madvdontneed=1", "always [madvise] never\n", true},
	} {
		if got := wanted(c.godebug, c.mode); got != c.want {
			t.Errorf("wanted(GODEBUG=%q, mode %q) = %v, want %v", c.godebug, c.mode, got, c.want)
		}
	}
}

// TestHeapStartIsAdvised reads the kernel's own account of the mapping that
// holds the heap's start: it must carry the huge page flag ("hg").
func TestHeapStartIsAdvised(t *testing.T) {
	if !wanted(os.Getenv("GODEBUG"), readMode()) {
		t.Skipf("this kernel's huge page mode is %q (GODEBUG %q): nothing to advise", strings.TrimSpace(readMode()), os.Getenv("GODEBUG"))
	}
	if !advised {
		t.Fatal("init gave no advice where the kernel takes it")
	}
	flags, err := vmFlags(uintptr(unsafe.Pointer(heapStart)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Fatalf("the heap's start is mapped with flags %q, without hg", flags)
	}
}

// TestGodebugTurnsItOff runs this test binary again with
// GODEBUG=disablethp=1 and asks it whether init advised.
func TestGodebugTurnsItOff(t *testing.T) {
	if os.Getenv("HUGEHEAP_REPORT") != "" {
		fmt.Printf("advised=%v\n", advised)
		return
	}
	if !wanted("", readMode()) {
		t.Skipf("this kernel's huge page mode is %q: init never advises", strings.TrimSpace(readMode()))
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestGodebugTurnsItOff$")
	cmd.Env = append(os.Environ(), "HUGEHEAP_REPORT=1", "GODEBUG=disablethp=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(string(out), "advised=false") {
		t.Fatalf("with GODEBUG=disablethp=1 the child said:\n%s", out)
	}
}

// vmFlags gives the VmFlags line of the mapping holding addr, from
// /proc/self/smaps.
func vmFlags(addr uintptr) (string, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return "", err
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := mappingRange(line); ok {
			in = lo <= addr && addr < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:")), nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", fmt.Errorf("no mapping holds %#x", addr)
}

// mappingRange reads a mapping's header line ("7f00-7f10 rw-p ...").
func mappingRange(line string) (lo, hi uintptr, ok bool) {
	field, _, _ := strings.Cut(line, " ")
	a, b, found := strings.Cut(field, "-")
	if !found {
		return 0, 0, false
	}
	l, err1 := strconv.ParseUint(a, 16, 64)
	h, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return uintptr(l), uintptr(h), true
}
