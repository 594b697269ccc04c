//go:build !linux

package hugeheap

// Withdraw does nothing: only Linux is advised.
func Withdraw() {}
