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

// heapStart is the heap's first allocation in this package, the earliest
// heap address this package can name; kept so it stays on the heap.
var heapStart *[16]byte

// advised records whether init gave the advice, for the tests.
var advised bool

func init() {
	if !wanted(godebug(), readSysfs(modeFile)) {
		return
	}
	hugePage := hugePageSize(readSysfs(sizeFile))
	if hugePage == 0 {
		return
	}
	heapStart = new([16]byte)
	ballast := make([]byte, ballastBytes)
	lo := uintptr(unsafe.Pointer(heapStart)) &^ (hugePage - 1)
	end := uintptr(unsafe.Pointer(unsafe.SliceData(ballast))) + ballastBytes
	hi := (end + hugePage - 1) &^ (hugePage - 1)
	if hi <= lo || hi-lo > 1<<30 { // the heap is not where it was expected: leave it
		return
	}
	advised = madvise(lo, hi-lo, syscall.MADV_HUGEPAGE) == nil
	// The first huge page's worth already holds small pages, which the
	// advice does not change; collapsing them into one huge page spares
	// the faults of the rest of it. It may fail (an old kernel, no free
	// huge page): no harm.
	_ = madvise(lo, hugePage, madvCollapse)
	runtime.KeepAlive(ballast)
	ballast = nil
	runtime.GC() // frees the ballast now, so what follows is allocated in it
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
	var n uintptr
	for _, c := range text {
		if c == '\n' {
			break
		}
		if c < '0' || c > '9' || n > ballastBytes {
			return 0
		}
		n = n*10 + uintptr(c-'0')
	}
	if n < 2<<20 || n > ballastBytes/8 || n&(n-1) != 0 {
		return 0
	}
	return n
}

// wanted says whether to advise: only where huge pages are given on advice
// ("[madvise]" is the mode chosen, of "always [madvise] never"), and not
// when GODEBUG turns the runtime's own huge pages off (the last disablethp
// setting counts, as in the runtime).
//
// The package imports runtime, syscall and unsafe only, hence these loops
// instead of the strings package: importing strings (or os) put its init
// 49 packages later, after the packages whose tables it should hold,
// which cost about 500 more page faults a brief.
func wanted(godebug, mode string) bool {
	disabled := false
	for setting := range fields(godebug, ',') {
		switch setting {
		case "disablethp=1":
			disabled = true
		case "disablethp=0":
			disabled = false
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
