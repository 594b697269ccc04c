// Package hugeheap asks Linux to back the Go heap with 2 MiB pages instead
// of 4 KiB ones. Its init does the work: importing it from the command
// advises every run, and a run that will stay up calls Withdraw.
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
// piece by allocating a ballast, marks everything from the huge page
// holding its own first allocation to the ballast's end MADV_HUGEPAGE,
// collapses that first huge page (the runtime and earlier packages have
// already touched it in small pages), and lets a collection free the
// ballast, whose untouched pages the program then allocates from. It runs
// at init so that the packages initialized after it (SQLite's, the
// markdown renderer's tables) allocate on huge pages too.
//
// Go advised its own heap in 1.21.0 and stopped in 1.21.1: under the
// kernel's "madvise" defrag setting a fault in advised memory may stop to
// compact memory (golang/go#61718), and the kernel's background collapser
// fills huge pages again where the runtime has given small ones back,
// memory the runtime does not count (golang/go#64332). Both hurt programs
// that run for long; a command that reads, prints and exits within a
// second meets a handful of such faults and none of the collapser. So the
// advice covers only the ballast's range (about 34 MiB), and a program
// that will stay up calls Withdraw once it starts (the terminal workbook
// does).
//
// Everything here is advice: each call's failure leaves the heap as the
// runtime made it, and nothing reads back what the kernel did.
// GODEBUG=disablethp=1, Go's own switch for huge pages, turns it off.
package hugeheap
