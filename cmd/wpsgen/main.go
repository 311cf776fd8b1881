// Command wpsgen validates apprenticeship frameworks and programs and renders
// Work Process Schedules and Related Technical Instruction plans.
package main

import (
	"os"
	"runtime/debug"

	"github.com/wpsgen/wpsgen/cmd"
)

func main() {
	tuneMemory()
	os.Exit(cmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// memoryLimit is the soft limit of the heap: near it the collector runs
// more often instead of letting the heap grow by gcPercent. 128 MiB keeps
// every realistic run under 150 MB of peak memory (the 6,000-competency
// program: about 130 MB; 50 programs in one run: about 130 MB), where
// 256 MiB let them reach 175-200 MB. It is soft: a program whose live heap
// is larger (10,000 job functions: about 180 MB) still renders, with the
// collector working harder (twice the time of an unlimited heap);
// docs/PERFORMANCE.md has the figures.
const memoryLimit = 128 << 20

// gcPercent lets the heap grow four times between collections: a run lives
// for a fraction of a second and allocates mostly short-lived values, so
// fewer collections save time, and the memory limit still bounds the heap.
const gcPercent = 400

// tuneMemory sets the collector for a short-lived process, unless the user
// set GOGC or GOMEMLIMIT (the runtime already applied theirs).
func tuneMemory() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
}
