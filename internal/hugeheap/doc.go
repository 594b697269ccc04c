// Package hugeheap asks Linux to back the Go heap with 2 MiB pages instead
// of 4 KiB ones. Import it for its side effect, once, from the command.
//
// Why: a one-shot command touches every page of its heap once, and each
// first touch of a 4 KiB page is a page fault. On a virtual machine a fault
// is dear (3 µs on one of ours, about 20 µs on another), and a brief of
// 10,000 conversations took 3,100 of them, a third of its CPU there. With
// the heap on 2 MiB pages the same brief takes 1,100 to 1,500 (most of them
// the binary's own and SQLite's memory, which this package leaves alone).
//
// How: where the kernel's transparent huge pages are set to "madvise" (the
// default of many distributions; "always" needs nothing, "never" refuses),
// the package's init makes the runtime map a run of fresh heap in one
// piece by allocating a ballast, marks everything from the heap's start to
// the ballast's end MADV_HUGEPAGE, collapses the heap's first 2 MiB (the
// runtime and earlier packages have already touched it in 4 KiB pages),
// and lets a collection free the ballast, whose untouched pages the
// program then allocates from. It runs at init so that the packages
// initialized after it (SQLite's, the markdown renderer's tables) allocate
// on huge pages too.
//
// Everything here is advice: each call's failure leaves the heap as the
// runtime made it, and nothing reads back what the kernel did.
// GODEBUG=disablethp=1, Go's own switch for huge pages, turns it off.
package hugeheap
