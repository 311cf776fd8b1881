package supervise

import (
	"bytes"
	"fmt"
	"io"
)

// crashPrefixes start the lines of the Go runtime's crash reports: a fatal
// error, an unrecovered panic, the runtime's own messages (out of memory,
// thread creation) and the goroutine dump. wpsgen's messages start with
// "wpsgen:" or a file path.
var crashPrefixes = [][]byte{
	[]byte("fatal error: "),
	[]byte("runtime: "),
	[]byte("runtime/cgo: "),
	[]byte("panic: "),
	[]byte("goroutine "),
	[]byte("unexpected fault address "),
	// A signal the runtime cannot turn into a panic (in a thread it is
	// setting up, in C code): "SIGSEGV: segmentation violation".
	[]byte("SIGSEGV: "), []byte("SIGBUS: "), []byte("SIGABRT: "), []byte("SIGILL: "),
	[]byte("SIGFPE: "), []byte("SIGTRAP: "), []byte("SIGSYS: "),
}

// bugPrefixes start the crash reports of a bug in wpsgen (an unrecovered
// panic, a fatal error such as concurrent map writes) rather than of a
// limit reached in the runtime.
var bugPrefixes = [][]byte{
	[]byte("panic: "),
	[]byte("fatal error: "),
}

// memoryProblems are the texts of crash reports that mean the memory limit
// was reached (by the heap, the runtime's own reservations, or the stack
// of a new thread).
var memoryProblems = [][]byte{
	[]byte("out of memory"),
	[]byte("cannot allocate memory"),
	[]byte("failed to reserve"),
	[]byte("pthread_create failed"),
	[]byte("failed to create new OS thread"),
}

// judgeLen is how many bytes of a line decide whether it starts a crash
// report: the longest prefix fits.
const judgeLen = 32

// maxHeld bounds the crash text kept until the child's end decides whether
// it was a crash (a goroutine dump of a busy process is large).
const maxHeld = 1 << 20

// filter passes the child's standard error through line by line until a
// line starts like a crash report, and holds everything from there on:
// whether it is dropped or passed on is decided when the child has ended.
type filter struct {
	out     io.Writer
	line    []byte // the start of a line not yet judged
	passing bool   // the current line was judged and passes
	crash   bool   // a crash line was seen; the rest is held
	held    []byte
	lost    int // bytes past maxHeld
}

func newFilter(out io.Writer) *filter { return &filter{out: out} }

// Write never fails: the child must never block on its standard error,
// and a parent that cannot write has nowhere to say so.
func (f *filter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		switch {
		case f.crash:
			f.hold(p)
			return n, nil
		case f.passing:
			i := bytes.IndexByte(p, '\n')
			if i < 0 {
				_, _ = f.out.Write(p)
				return n, nil
			}
			_, _ = f.out.Write(p[:i+1])
			p, f.passing = p[i+1:], false
		default:
			take := min(len(p), judgeLen-len(f.line))
			if i := bytes.IndexByte(p[:take], '\n'); i >= 0 {
				take = i + 1
			}
			f.line, p = append(f.line, p[:take]...), p[take:]
			// A line is passed on as soon as it cannot start a crash report:
			// "wpsgen: ..." goes out at once, newline or not.
			if len(f.line) == judgeLen || f.line[len(f.line)-1] == '\n' || !mayStartCrash(f.line) {
				f.judge()
			}
		}
	}
	return n, nil
}

// judge decides the line started in f.line.
func (f *filter) judge() {
	line := f.line
	f.line = f.line[:0]
	if hasPrefix(line, crashPrefixes) {
		f.crash = true
		f.hold(line)
		return
	}
	_, _ = f.out.Write(line)
	f.passing = line[len(line)-1] != '\n'
}

func (f *filter) hold(p []byte) {
	keep := min(len(p), maxHeld-len(f.held))
	f.held = append(f.held, p[:keep]...)
	f.lost += len(p) - keep
}

// crashed reports whether a line of a crash report was seen.
func (f *filter) crashed() bool { return f.crash }

// outOfMemory reports whether the crash report is about memory.
func (f *filter) outOfMemory() bool {
	for _, p := range memoryProblems {
		if bytes.Contains(f.held, p) {
			return true
		}
	}
	return false
}

// kind sorts a crash report: "memory" when it says memory ran out, "bug"
// when it is a panic or fatal error of wpsgen's own, else "signal" (a
// crash the runtime could not explain, such as a fault in a thread it was
// starting).
func (f *filter) kind() string {
	switch {
	case f.outOfMemory():
		return "memory"
	case hasPrefix(f.held, bugPrefixes):
		return "bug"
	}
	return "signal"
}

// mayStartCrash reports whether a line that starts with b may start a
// crash report.
func mayStartCrash(b []byte) bool {
	for _, p := range crashPrefixes {
		if len(b) < len(p) && bytes.HasPrefix(p, b) || bytes.HasPrefix(b, p) {
			return true
		}
	}
	return false
}

func hasPrefix(b []byte, prefixes [][]byte) bool {
	for _, p := range prefixes {
		if bytes.HasPrefix(b, p) {
			return true
		}
	}
	return false
}

// release passes on what is pending and held: the child did not crash.
func (f *filter) release() {
	_, _ = f.out.Write(f.line)
	_, _ = f.out.Write(f.held)
	if f.lost > 0 {
		fmt.Fprintf(f.out, "\nwpsgen: %d bytes of messages were left out\n", f.lost)
	}
	f.line, f.held, f.lost = nil, nil, 0
}

// drop discards what is held: the crash report.
func (f *filter) drop() { f.line, f.held, f.lost = nil, nil, 0 }
