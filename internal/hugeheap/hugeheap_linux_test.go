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

func TestHugePageSizeOnlyWhereTheBallastHoldsSeveral(t *testing.T) {
	for text, want := range map[string]uintptr{
		"2097152\n":                 2 << 20, // x86-64, arm64 with 4 KiB pages
		"2097152":                   2 << 20,
		"4194304\n":                 4 << 20, // an eighth of the ballast
		"536870912\n":               0,       // arm64 with 64 KiB pages: 512 MiB
		"1048576\n":                 0,       // smaller than any the kernel gives
		"3000000\n":                 0,       // not a power of two
		"":                          0,       // no such file
		"two\n":                     0,
		"99999999999999999999999\n": 0,
	} {
		if got := hugePageSize(text); got != want {
			t.Errorf("hugePageSize(%q) = %d, want %d", text, got, want)
		}
	}
}

// TestHeapStartIsAdvised reads the kernel's own account of the mapping that
// holds the heap's start: it must carry the huge page flag ("hg").
func TestHeapStartIsAdvised(t *testing.T) {
	if !wanted(os.Getenv("GODEBUG"), readSysfs(modeFile)) || hugePageSize(readSysfs(sizeFile)) == 0 {
		t.Skipf("this kernel's huge page mode is %q, its size %q (GODEBUG %q): nothing to advise",
			strings.TrimSpace(readSysfs(modeFile)), strings.TrimSpace(readSysfs(sizeFile)), os.Getenv("GODEBUG"))
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
	if !wanted("", readSysfs(modeFile)) || hugePageSize(readSysfs(sizeFile)) == 0 {
		t.Skipf("this kernel's huge page mode is %q, its size %q: init never advises",
			strings.TrimSpace(readSysfs(modeFile)), strings.TrimSpace(readSysfs(sizeFile)))
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
