//go:build linux

package hugeheap

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
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
		{"disablethp=2", "always [madvise] never\n", false},              // any number but 0, as the runtime reads it
		{"disablethp=1,disablethp=x", "always [madvise] never\n", false}, // not a number: the runtime ignores it
		{"disablethp=x", "always [madvise] never\n", true},
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

// advisable says why init would not advise on this machine, or "".
func advisable() string {
	mode, size := readSysfs(modeFile), readSysfs(sizeFile)
	if !wanted(os.Getenv("GODEBUG"), mode) || hugePageSize(size) == 0 {
		return fmt.Sprintf("this kernel's huge page mode is %q, its size %q (GODEBUG %q): nothing to advise",
			strings.TrimSpace(mode), strings.TrimSpace(size), os.Getenv("GODEBUG"))
	}
	return ""
}

// TestWhatIsAllocatedAfterInitIsAdvised reads the kernel's own account of
// the mappings: the huge page holding the package's first allocation, and
// a megabyte allocated now (which lands in the freed ballast), must both
// lie in the advised range, in mappings carrying the huge page flag "hg".
func TestWhatIsAllocatedAfterInitIsAdvised(t *testing.T) {
	if why := advisable(); why != "" {
		t.Skip(why)
	}
	if advisedTo == 0 {
		t.Fatal("init gave no advice where the kernel takes it")
	}
	later := make([]byte, 1<<20)
	for name, addr := range map[string]uintptr{
		"the first allocation": uintptr(unsafe.Pointer(earlyAlloc)),
		"a later megabyte":     uintptr(unsafe.Pointer(unsafe.SliceData(later))),
	} {
		if addr < advisedFrom || addr >= advisedTo {
			t.Errorf("%s (%#x) is outside the advised range %#x–%#x", name, addr, advisedFrom, advisedTo)
		}
		flags, err := vmFlags(addr)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(" "+flags+" ", " hg ") {
			t.Errorf("%s is mapped with flags %q, without hg", name, flags)
		}
	}
	runtime.KeepAlive(later)
}

// TestWithdrawTakesTheAdviceBack runs this test binary again, has it
// withdraw the advice, and reads the flags it then reports.
func TestWithdrawTakesTheAdviceBack(t *testing.T) {
	if os.Getenv("HUGEHEAP_WITHDRAW") != "" {
		Withdraw()
		flags, err := vmFlags(uintptr(unsafe.Pointer(earlyAlloc)))
		fmt.Printf("flags=[%s] err=%v advised=%v\n", flags, err, advisedTo != 0)
		return
	}
	if why := advisable(); why != "" {
		t.Skip(why)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWithdrawTakesTheAdviceBack$")
	cmd.Env = append(os.Environ(), "HUGEHEAP_WITHDRAW=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := string(out)
	if !strings.Contains(got, " nh") || strings.Contains(got, " hg") || !strings.Contains(got, "advised=false") {
		t.Fatalf("after Withdraw the child said:\n%s", got)
	}
}

// TestGodebugTurnsItOff runs this test binary again with
// GODEBUG=disablethp=1 and asks it whether init advised.
func TestGodebugTurnsItOff(t *testing.T) {
	if os.Getenv("HUGEHEAP_REPORT") != "" {
		fmt.Printf("advised=%v\n", advisedTo != 0)
		return
	}
	if why := advisable(); why != "" {
		t.Skip(why)
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
