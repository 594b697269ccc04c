//go:build linux

package hugeheap

import (
	"runtime"
	"syscall"
	"unsafe"
)

const (
	// ballastBytes is the run of heap mapped in one piece and advised. A
	// brief of 10,000 conversations uses about 8 MiB of heap; a command
	// that needs more goes on in 4 KiB pages past it. It is never touched,
	// so it costs address space, not memory.
	ballastBytes = 32 << 20
	// madvCollapse is Linux 6.1's MADV_COLLAPSE, which the frozen syscall
	// package does not name.
	madvCollapse = 25
	// modeFile is where the kernel says how it gives out huge pages, and
	// sizeFile how large one is (2 MiB on x86-64 and on arm64 with 4 KiB
	// pages; 512 MiB on arm64 with 64 KiB pages, too large to be worth it).
	modeFile = "/sys/kernel/mm/transparent_hugepage/enabled"
	sizeFile = "/sys/kernel/mm/transparent_hugepage/hpage_pmd_size"
)

// earlyAlloc is this package's first heap allocation, made before the
// ballast: the huge page holding it is where the advice starts. (The heap
// may begin lower, in pages the runtime has not touched.)
var earlyAlloc *[16]byte

// advisedFrom and advisedTo bound the range init advised (both zero when
// it gave no advice), for Withdraw and the tests.
var advisedFrom, advisedTo uintptr

// arenaSlack is how far beyond the ballast's own size the advised range may
// reach: the part of the runtime's first heap piece below the ballast
// (4 MiB pieces) and the rounding to huge pages. A range any longer means
// the heap is not laid out as expected, and nothing is advised.
const arenaSlack = 8 << 20

func init() {
	if !wanted(godebug(), readSysfs(modeFile)) {
		return
	}
	hugePage := hugePageSize(readSysfs(sizeFile))
	if hugePage == 0 {
		return
	}
	earlyAlloc = new([16]byte)
	ballast := make([]byte, ballastBytes)
	lo := uintptr(unsafe.Pointer(earlyAlloc)) &^ (hugePage - 1)
	end := uintptr(unsafe.Pointer(unsafe.SliceData(ballast))) + ballastBytes
	hi := (end + hugePage - 1) &^ (hugePage - 1)
	if hi > lo && hi-lo <= ballastBytes+arenaSlack && madvise(lo, hi-lo, syscall.MADV_HUGEPAGE) == nil {
		advisedFrom, advisedTo = lo, hi
		// The first huge page's worth already holds small pages, which
		// the advice does not change; collapsing them into one huge page
		// spares the faults of the rest of it. It may fail (an old
		// kernel, no free huge page): no harm.
		_ = madvise(lo, hugePage, madvCollapse)
	}
	runtime.KeepAlive(ballast)
	ballast = nil
	runtime.GC() // frees the ballast now, so what follows is allocated in it
}

// Withdraw takes the advice back for a program that will run for long: the
// kernel's background collapser would otherwise fill 2 MiB pages again
// where the Go runtime has given small ones back, memory the runtime does
// not count (golang/go#64332, why Go 1.21.1 stopped advising its heap).
// Huge pages already made stay; new ones are no longer made in the range.
func Withdraw() {
	if advisedTo != 0 {
		_ = madvise(advisedFrom, advisedTo-advisedFrom, syscall.MADV_NOHUGEPAGE)
		advisedFrom, advisedTo = 0, 0
	}
}

// readSysfs gives a small kernel file's text, or "" when it cannot be read
// (no such file, as in some containers).
func readSysfs(path string) string {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return ""
	}
	defer syscall.Close(fd)
	var buf [128]byte
	n, err := syscall.Read(fd, buf[:])
	if err != nil || n < 0 {
		return ""
	}
	return string(buf[:n])
}

// hugePageSize reads hpage_pmd_size ("2097152\n"): the size of a huge page
// when it is a power of two from 2 MiB to an eighth of the ballast, else 0
// (unreadable, or too large for the ballast to hold several).
func hugePageSize(text string) uintptr {
	if len(text) > 0 && text[len(text)-1] == '\n' {
		text = text[:len(text)-1]
	}
	n, ok := number(text)
	if !ok || n < 2<<20 || n > ballastBytes/8 || n&(n-1) != 0 {
		return 0
	}
	return n
}

// wanted says whether to advise: only where huge pages are given on advice
// ("[madvise]" is the mode chosen, of "always [madvise] never"), and not
// when the environment's GODEBUG turns the runtime's own huge pages off
// (as the runtime reads it: the last disablethp given as a number counts,
// and any number but 0 turns them off). A program's own //go:debug lines
// are not seen here; backchannel has none.
//
// The package imports runtime, syscall and unsafe only, hence these loops
// instead of the strings package: importing strings (or os) put its init
// 49 packages later, after the packages whose tables it should hold,
// which cost about 500 more page faults a brief.
func wanted(godebug, mode string) bool {
	disabled := false
	for setting := range fields(godebug, ',') {
		if value, ok := cutPrefix(setting, "disablethp="); ok {
			if n, ok := number(value); ok {
				disabled = n != 0
			}
		}
	}
	if disabled {
		return false
	}
	for word := range fields(mode, ' ') {
		if word == "[madvise]" || word == "[madvise]\n" {
			return true
		}
	}
	return false
}

// cutPrefix is strings.CutPrefix.
func cutPrefix(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || s[:len(prefix)] != prefix {
		return s, false
	}
	return s[len(prefix):], true
}

// number reads s as a decimal number; false when it is not one, or is
// larger than any size or setting read here (1 TiB).
func number(s string) (uintptr, bool) {
	var n uintptr
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || n > 1<<40 {
			return 0, false
		}
		n = n*10 + uintptr(s[i]-'0')
	}
	return n, s != ""
}

// fields yields the parts of s between seps.
func fields(s string, sep byte) func(func(string) bool) {
	return func(yield func(string) bool) {
		start := 0
		for i := 0; i <= len(s); i++ {
			if i == len(s) || s[i] == sep {
				if !yield(s[start:i]) {
					return
				}
				start = i + 1
			}
		}
	}
}

// godebug gives the GODEBUG setting from the environment.
func godebug() string {
	v, _ := syscall.Getenv("GODEBUG")
	return v
}

// madvise gives advice on a range of the heap, named by address: the
// runtime owns the memory, so no Go slice is made over it.
func madvise(addr, n uintptr, advice int) error {
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, addr, n, uintptr(advice)); errno != 0 {
		return errno
	}
	return nil
}
