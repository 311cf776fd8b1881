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
// more often instead of letting the heap grow by gcPercent, so a large
// program (10,000 job functions: about 180 MB live) peaks near 270 MB
// instead of 620 MB. It is soft: a heap that must be larger still works,
// more slowly (docs/PERFORMANCE.md has the figures).
const memoryLimit = 256 << 20

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
