//go:build !unix

package db

// diskFull cannot be told on this system; SQLite's own "disk is full"
// error still names it.
func diskFull(string) bool { return false }

// freeSpace cannot be told on this system.
func freeSpace(string) (uint64, bool) { return 0, false }
