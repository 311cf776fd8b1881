package supervise

import (
	"bytes"
	"strings"
	"testing"
)

const oomReport = `runtime: out of memory: cannot allocate 4194304-byte block (83492864 in use)
fatal error: out of memory

goroutine 1 gp=0xc000002380 m=0 mp=0x10c3a40 [running]:
runtime.throw({0xa2c1b6?, 0x0?})
	/usr/local/go/src/runtime/panic.go:1229 +0x48
`

const threadReport = `runtime/cgo: pthread_create failed: Resource temporarily unavailable
SIGABRT: abort
PC=0x7fe50f281eec m=7 sigcode=18446744073709551610

goroutine 0 gp=0xc3142701680 m=7 mp=0xc3142705808 [idle]:
`

const panicReport = `panic: runtime error: index out of range [3] with length 3

goroutine 7 [running]:
main.main()
`

const segvReport = `SIGSEGV: segmentation violation
PC=0x437c9d m=6 sigcode=1 addr=0x0

goroutine 0 gp=0x3c320fc032c0 m=6 mp=0x3c320fc07808 [idle]:
`

// TestFilter feeds the child's standard error in pieces of every size:
// messages pass whole and in order, a crash report is held from its first
// line on, and judged by its text.
func TestFilter(t *testing.T) {
	const findings = "prog.yaml:3:1: error: unknown key \"sponser\" [schema]\nwpsgen: fix the errors above\n"
	for _, tc := range []struct {
		name, input       string
		crash             bool
		kind              string
		passed, heldStart string
	}{
		{"messages", findings, false, "", findings, ""},
		{"no newline at the end", "wpsgen: done", false, "", "wpsgen: done", ""},
		{"long line", strings.Repeat("x", 100_000) + "\n", false, "", strings.Repeat("x", 100_000) + "\n", ""},
		{"out of memory", findings + oomReport, true, "memory", findings, "runtime: out of memory"},
		{"thread", threadReport, true, "memory", "", "runtime/cgo: pthread_create failed"},
		{"panic", findings + panicReport, true, "bug", findings, "panic: runtime error"},
		{"fault", findings + segvReport, true, "signal", findings, "SIGSEGV: segmentation violation"},
		{"fatal error", "fatal error: concurrent map writes\n", true, "bug", "", "fatal error: concurrent"},
		{"prefix inside a line", "a.yaml:1:1: error: panic: no [schema]\n", false, "", "a.yaml:1:1: error: panic: no [schema]\n", ""},
		{"almost a prefix", "runtime\nfatal\n", false, "", "runtime\nfatal\n", ""},
	} {
		for _, size := range []int{1, 2, 7, 13, 31, 32, 33, 4096} {
			var out bytes.Buffer
			f := newFilter(&out)
			for in := []byte(tc.input); len(in) > 0; {
				n := min(size, len(in))
				if k, err := f.Write(in[:n]); k != n || err != nil {
					t.Fatalf("Write = %d, %v", k, err)
				}
				in = in[n:]
			}
			if f.crashed() != tc.crash || f.crash && f.kind() != tc.kind {
				t.Errorf("%s/%d: crashed %t, kind %q", tc.name, size, f.crashed(), f.kind())
			}
			if !tc.crash {
				f.release()
			}
			if out.String() != tc.passed {
				t.Errorf("%s/%d: passed %q, want %q", tc.name, size, abbreviate(out.String()), abbreviate(tc.passed))
			}
			if !strings.HasPrefix(string(f.held), tc.heldStart) {
				t.Errorf("%s/%d: held %q", tc.name, size, abbreviate(string(f.held)))
			}
		}
	}
}

// TestFilterPassesAtOnce: a message that cannot start a crash report is
// passed on before its line ends.
func TestFilterPassesAtOnce(t *testing.T) {
	var out bytes.Buffer
	f := newFilter(&out)
	_, _ = f.Write([]byte("wpsgen: wor"))
	_, _ = f.Write([]byte("king"))
	_, _ = f.Write([]byte("\nrun"))
	if out.String() != "wpsgen: working\n" {
		t.Errorf("passed %q", out.String())
	}
	_, _ = f.Write([]byte("s\n"))
	if out.String() != "wpsgen: working\nruns\n" || f.crashed() {
		t.Errorf("passed %q", out.String())
	}
}

// TestFilterRelease checks that held text that turns out not to be a crash
// (the child exited normally) is passed on, and that the hold is bounded.
func TestFilterRelease(t *testing.T) {
	var out bytes.Buffer
	f := newFilter(&out)
	input := "ok\npanic: a file named so.yaml:1:1: error\n" + strings.Repeat("y", maxHeld) + "\n"
	_, _ = f.Write([]byte(input))
	if out.String() != "ok\n" || len(f.held) != maxHeld {
		t.Fatalf("passed %q, held %d bytes", abbreviate(out.String()), len(f.held))
	}
	f.release()
	want := input[:3+maxHeld] + "\nwpsgen: 40 bytes of messages were left out\n"
	if out.String() != want {
		t.Errorf("released %q, want %q", abbreviate(out.String()), abbreviate(want))
	}
}

func abbreviate(s string) string {
	if len(s) > 80 {
		return s[:40] + "..." + s[len(s)-40:]
	}
	return s
}
