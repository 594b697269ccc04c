package main

import (
	"os"
	"runtime/debug"
)

// A command that reads and prints runs for tens of milliseconds and keeps
// little: the collector's default pace (a cycle each time the heap doubles)
// spent about a tenth of a brief's CPU on heaps of a few megabytes. Commands
// other than the terminal workbook let the heap grow fourfold between
// cycles instead, held under a soft limit so no command goes past issue
// 13's 100 MB. GOGC or GOMEMLIMIT in the environment still decide.
const (
	commandGCPercent   = 400
	commandMemoryLimit = 48 << 20
)

// beforeCommand runs before a command other than the terminal workbook.
// main sets it to paceCollectorForCommand; tests, which run many commands
// in one process, leave the collector alone.
var beforeCommand = func() {}

// paceCollectorForCommand sets the collector's pace for a one-shot command.
func paceCollectorForCommand() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(commandGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(commandMemoryLimit)
	}
}
