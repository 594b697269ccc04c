//go:build !linux

package hugeheap

// advised is false: only Linux is advised.
var advised bool
