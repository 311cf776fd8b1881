// Command wpsgen validates apprenticeship frameworks and programs and renders
// Work Process Schedules and Related Technical Instruction plans.
package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"

	"golang.org/x/term"

	"github.com/wpsgen/wpsgen/cmd"
	"github.com/wpsgen/wpsgen/internal/gctune"
	"github.com/wpsgen/wpsgen/internal/supervise"
)

func main() {
	_, supervised := os.LookupEnv(supervise.ChildEnv)
	lim, limited := supervise.MemoryRlimit()
	if limited && !supervised {
		// Under a memory limit the runtime may die of it with text no one
		// can catch inside the process: run the work in a child and report
		// such a death in one line.
		code, err := supervise.Run(lim, os.Args[1:], os.Stderr, term.IsTerminal(int(os.Stderr.Fd())))
		if err == nil {
			os.Exit(code)
		}
		debugf("supervisor not started: %v", err)
	}
	soft := tuneMemory(lim, limited)
	if os.Getenv(supervise.DebugEnv) != "" {
		used, _ := supervise.ProcessMemory(lim)
		debugf("supervised=%t limit=%v used=%d soft=%d", supervised, limitText(lim, limited), used, soft)
	}
	f := cmd.NewFactory(cmd.IO{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr})
	if supervised && os.Getenv(supervise.TerminalEnv) == "1" {
		// Standard error is the parent's pipe; the parent's is a terminal.
		isTerminal := f.IsTerminal
		f.IsTerminal = func(w io.Writer) bool { return w == os.Stderr || isTerminal(w) }
	}
	os.Exit(cmd.Run(f, os.Args[1:]))
}

// memoryLimit is the soft limit of the heap: near it the collector runs
// more often instead of letting the heap grow by gcPercent. 128 MiB keeps
// every realistic run under 150 MB of peak memory (the 6,000-competency
// program: about 130 MB; 50 programs in one run: about 130 MB), where
// 256 MiB let them reach 175-200 MB. A program whose live heap nears it
// (some 10,000 competencies and more) gets a limit of one and a half times
// its live heap instead (internal/gctune), never above what a ulimit or a
// cgroup allows: 28,000 competencies, live heap about 200 MB, render in
// about 3 s at about 280 MB, where the fixed limit made the collector run
// back to back for 4.7 s; docs/PERFORMANCE.md has the figures.
const memoryLimit = 128 << 20

// limitGrowth is how far past the live heap the limit goes once the live
// heap nears memoryLimit: by half of it.
const limitGrowth = 50

// gcPercent lets the heap grow eightfold between collections: a run lives
// for a fraction of a second and allocates mostly short-lived values, so
// fewer collections save time, and the memory limit still bounds the heap.
// Rendering an example as a whole process (perf stat -r 20, alternating):
// 26-27 ms of CPU at 800, 31-33 ms at 400, no better at 1600; validating
// 1,000 programs is the same at all three (docs/PERFORMANCE.md).
const gcPercent = 800

// tuneMemory sets the collector for a short-lived process, unless the user
// set GOGC or GOMEMLIMIT (the runtime already applied theirs). The soft
// memory limit is memoryLimit, or more for a huge live heap, and never
// more than the share of a memory limit (ulimit, or a cgroup's) that
// leaves room for the rest of the process: near that, the collector works
// as hard as it must before the wall. It returns the soft limit set
// first, 0 when the user's applies.
func tuneMemory(lim supervise.Limit, limited bool) uint64 {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return 0
	}
	ceiling := uint64(math.MaxInt64)
	if limited {
		if used, ok := supervise.ProcessMemory(lim); ok {
			ceiling = min(ceiling, supervise.RlimitSoftLimit(lim, used))
		}
	}
	if procCgroup, err := os.ReadFile("/proc/self/cgroup"); err == nil {
		if c, ok := supervise.CgroupSoftLimit("/sys/fs/cgroup", procCgroup); ok {
			ceiling = min(ceiling, c)
		}
	}
	soft := min(uint64(memoryLimit), ceiling)
	gctune.Start(soft, ceiling, limitGrowth)
	return soft
}

func debugf(format string, args ...any) {
	if os.Getenv(supervise.DebugEnv) != "" {
		fmt.Fprintf(os.Stderr, "wpsgen: debug: "+format+"\n", args...)
	}
}

func limitText(lim supervise.Limit, limited bool) string {
	if !limited {
		return "none"
	}
	return lim.String()
}
