package main

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wpsgen/wpsgen/internal/supervise"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

var bin string // the wpsgen binary the tests run

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "wpsgen-main")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "wpsgen")
	// The go command's own build, not the static one the README installs:
	// under ulimit -v the static build's threads reserve less address space,
	// so its heap grows further before it runs out, collecting all the
	// while. TestOutOfMemory then takes 4 s of CPU instead of 0.5 s for the
	// same message.
	if err := templatestest.BuildWpsgenDefault(bin); err != nil {
		fmt.Fprintf(os.Stderr, "building wpsgen: %v\n", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is how a run of wpsgen ended.
type result struct {
	code           int // -1 when a signal ended it
	signal         syscall.Signal
	stdout, stderr string
}

// limited returns a command that runs wpsgen with args under a shell
// ulimit (such as "-v 1000000"), with the debug report of its memory set up.
func limited(ulimit string, args ...string) *exec.Cmd {
	script := "exec \"$0\" \"$@\""
	if ulimit != "" {
		script = "ulimit " + ulimit + " && " + script
	}
	c := exec.Command("sh", append([]string{"-c", script, bin}, args...)...)
	c.Env = append(os.Environ(), supervise.DebugEnv+"=1")
	return c
}

func finish(t *testing.T, c *exec.Cmd, stdout, stderr *bytes.Buffer) result {
	t.Helper()
	err := c.Wait()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	r := result{code: c.ProcessState.ExitCode(), stdout: stdout.String(), stderr: stderr.String()}
	if ws, ok := c.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		r.signal = ws.Signal()
	}
	return r
}

func run(t *testing.T, c *exec.Cmd) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	c.Stdout, c.Stderr = &stdout, &stderr
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	return finish(t, c, &stdout, &stderr)
}

// userText is stderr without the debug lines.
func userText(stderr string) string {
	var b strings.Builder
	for line := range strings.SplitAfterSeq(stderr, "\n") {
		if !strings.HasPrefix(line, "wpsgen: debug: ") {
			b.WriteString(line)
		}
	}
	return b.String()
}

// noRuntimeText fails when Go's crash text reached the user.
func noRuntimeText(t *testing.T, stderr string) {
	t.Helper()
	for _, bad := range []string{"fatal error", "goroutine", "runtime.", "runtime:", "panic", "SIGABRT"} {
		if strings.Contains(stderr, bad) {
			t.Errorf("stderr contains %q:\n%.1000s", bad, stderr)
		}
	}
}

func emptyDir(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("left in the output folder: %s", e.Name())
	}
}

// TestUnlimitedRunsInProcess: with no memory limit wpsgen does its work in
// its own process, as before there was a supervisor.
func TestUnlimitedRunsInProcess(t *testing.T) {
	if lim, ok := supervise.MemoryRlimit(); ok {
		t.Skipf("the tests run under a memory limit (%v)", lim)
	}
	r := run(t, limited("", "validate", "../../examples/medical-coder-cb.yaml"))
	if r.code != 0 || !strings.Contains(r.stderr, "wpsgen: debug: supervised=false limit=none") || strings.Contains(r.stderr, "debug: child") {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
}

// TestLimitedRunsSupervised: under a memory limit the work runs in a child
// that knows it is one, and a run that succeeds looks as without it.
func TestLimitedRunsSupervised(t *testing.T) {
	plain := run(t, limited("", "validate", "--format", "json", "../../examples/medical-coder-cb.yaml", "missing.yaml"))
	r := run(t, limited("-v 16000000", "validate", "--format", "json", "../../examples/medical-coder-cb.yaml", "missing.yaml"))
	if !strings.Contains(r.stderr, "wpsgen: debug: supervised=true limit=ulimit -v 16000000: 15625 MiB") ||
		!strings.Contains(r.stderr, "wpsgen: debug: child exit status 3") {
		t.Errorf("not supervised:\n%s", r.stderr)
	}
	if r.code != plain.code || r.stdout != plain.stdout || userText(r.stderr) != userText(plain.stderr) {
		t.Errorf("supervised: exit %d\n%s%s\nunsupervised: exit %d\n%s%s", r.code, r.stdout, r.stderr, plain.code, plain.stdout, plain.stderr)
	}
}

// bigProgram is a program of 280,000 empty job functions: within the
// limits of a file (its node bound is 840,000), but checking it takes
// about 300 MB.
func bigProgram(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "big.yaml")
	data := "kind: program\njob_functions:\n" + strings.Repeat("- {}\n", 280_000)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOutOfMemory: a run that needs more memory than the limit allows ends
// with one line that says so, exit code 3 and no file, never Go's crash
// report. The limits are ones under which the Go runtime starts reliably
// (a smaller address space limit can make it fail before wpsgen runs).
func TestOutOfMemory(t *testing.T) {
	big := bigProgram(t)
	for _, tc := range []struct{ ulimit, says string }{
		{"-d 200000", "ulimit -d 200000: 195 MiB"},
		{"-v 1000000", "ulimit -v 1000000: 976 MiB"},
	} {
		t.Run(tc.ulimit, func(t *testing.T) {
			out := t.TempDir()
			r := run(t, limited(tc.ulimit, "render", big, "-o", out))
			// Where the memory runs out decides what the runtime can say: most
			// often "out of memory", sometimes only a crash in a thread it
			// could not set up.
			want := []string{
				"wpsgen: out of memory: the memory limit (" + tc.says + ") is too small for this input; no file was written\n",
				"wpsgen: the program crashed under the memory limit (" + tc.says + "), most likely for lack of memory; try a larger limit; no file was written\n",
			}
			if got := userText(r.stderr); r.code != 3 || got != want[0] && got != want[1] {
				t.Errorf("exit %d, stderr:\n%.2000s\nwant exit 3 and\n%s", r.code, r.stderr, want[0])
			}
			noRuntimeText(t, userText(r.stderr))
			emptyDir(t, out)
		})
	}
}

// longProgram is an example program with a note of 2 MB: rendering it takes
// seconds, with the documents' temporary files open all along.
func longProgram(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../examples/medical-coder-cb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"record", "patient", "audit", "chart", "release", "coding", "review", "claim"}
	r := rand.New(rand.NewPCG(1, 2))
	var note strings.Builder
	for note.Len() < 2<<20 {
		note.WriteString(words[r.IntN(len(words))] + " ")
	}
	const old = "note: A journeyworker coder reviews every chart the apprentice codes"
	if !bytes.Contains(data, []byte(old)) {
		t.Fatal("the example has no ratio note to lengthen")
	}
	p := filepath.Join(t.TempDir(), "long.yaml")
	if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte("note: "+note.String()), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// childOf waits for the supervised child of pid and returns its pid.
//
// The child is known by its environment, which it has only once it runs
// wpsgen: before its first child, the Go runtime starts and ends a probe
// process (whether the kernel gives pidfds), a copy of the parent that
// would otherwise be taken for the child and never write.
func childOf(t *testing.T, pid int) int {
	t.Helper()
	for start := time.Now(); time.Since(start) < 20*time.Second; time.Sleep(5 * time.Millisecond) {
		// Each thread lists the children it started.
		tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/children", pid))
		for _, task := range tasks {
			data, _ := os.ReadFile(task)
			for _, f := range strings.Fields(string(data)) {
				child, _ := strconv.Atoi(f)
				env, _ := os.ReadFile(fmt.Sprintf("/proc/%d/environ", child))
				if slices.Contains(strings.Split(string(env), "\x00"), supervise.ChildEnv+"=1") {
					return child
				}
			}
		}
	}
	t.Fatal("no child process appeared")
	return 0
}

// waitWriting waits until pid has a file open in dir (a document being
// written), and reports whether it saw one before the process ended.
func waitWriting(pid int, dir string) bool {
	for start := time.Now(); time.Since(start) < 20*time.Second; time.Sleep(2 * time.Millisecond) {
		fds, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
		if err != nil {
			// Reading another process's files fails for a moment while it
			// starts its program (exec); for good only when it has ended.
			if errors.Is(syscall.Kill(pid, 0), syscall.ESRCH) {
				return false
			}
			continue
		}
		for _, fd := range fds {
			if target, _ := os.Readlink(fmt.Sprintf("/proc/%d/fd/%s", pid, fd.Name())); strings.HasPrefix(target, dir+"/") {
				return true
			}
		}
	}
	return false
}

// TestStoppedWhileWriting stops the child in the middle of writing the
// documents, as the kernel does when memory runs out (SIGKILL) and as a
// user does (SIGINT, SIGTERM to the wpsgen they started): nothing is left in
// the output folder, the parent says what happened in one line, and a
// signal the user sent ends the child and then the parent.
func TestStoppedWhileWriting(t *testing.T) {
	if _, err := os.Stat("/proc/self/task"); err != nil {
		t.Skip("needs /proc")
	}
	long := longProgram(t)
	for _, tc := range []struct {
		name    string
		signal  syscall.Signal
		toChild bool
		code    int
		says    string
	}{
		{"killed", syscall.SIGKILL, true, 3, "wpsgen: the process was killed (signal KILL), often for lack of memory; no file was written\n"},
		{"interrupted", syscall.SIGINT, false, 3, "wpsgen: interrupted: nothing was written\n"},
		{"terminated", syscall.SIGTERM, false, 3, "wpsgen: interrupted: nothing was written\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			c := limited("-v 16000000", "render", long, "-o", out)
			var stdout, stderr bytes.Buffer
			c.Stdout, c.Stderr = &stdout, &stderr
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			child := childOf(t, c.Process.Pid)
			if !waitWriting(child, out) {
				r := finish(t, c, &stdout, &stderr)
				t.Fatalf("the child never wrote in %s: exit %d\n%s", out, r.code, r.stderr)
			}
			target := c.Process.Pid
			if tc.toChild {
				target = child
			}
			if err := syscall.Kill(target, tc.signal); err != nil {
				t.Fatal(err)
			}
			r := finish(t, c, &stdout, &stderr)
			if r.code != tc.code || userText(r.stderr) != tc.says {
				t.Errorf("exit %d (signal %v), stderr:\n%.2000s\nwant exit %d and\n%s", r.code, r.signal, r.stderr, tc.code, tc.says)
			}
			noRuntimeText(t, userText(r.stderr))
			emptyDir(t, out)
			if err := syscall.Kill(child, 0); err == nil {
				t.Errorf("the child %d still runs", child)
			}
		})
	}
}

// TestSignalEndsBoth: a signal to a supervised wpsgen that the work does
// not catch (validate waiting on standard input) ends the child, and the
// parent then ends by the same signal, as an unsupervised wpsgen would.
func TestSignalEndsBoth(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			c := limited("-v 16000000", "validate", "-")
			stdin, err := c.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			var stdout, stderr bytes.Buffer
			c.Stdout, c.Stderr = &stdout, &stderr
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			child := childOf(t, c.Process.Pid)
			time.Sleep(100 * time.Millisecond) // the child is reading its input
			if err := c.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			r := finish(t, c, &stdout, &stderr)
			if r.signal != sig || userText(r.stderr) != "" {
				t.Errorf("ended with exit %d, signal %v; want signal %v\n%s", r.code, r.signal, sig, r.stderr)
			}
			if err := syscall.Kill(child, 0); err == nil {
				t.Errorf("the child %d still runs", child)
			}
		})
	}
}

// TestClosedOutput: when the reader of a supervised wpsgen's output goes
// away, wpsgen ends as an unsupervised one does (by SIGPIPE, as a shell
// sees it), with no message.
func TestClosedOutput(t *testing.T) {
	p := filepath.Join(t.TempDir(), "many.yaml")
	if err := os.WriteFile(p, []byte("kind: program\njob_functions:\n"+strings.Repeat("- {}\n", 5_000)), 0o644); err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	c := limited("-v 16000000", "validate", "--format", "json", p)
	var stderr bytes.Buffer
	c.Stdout, c.Stderr = w, &stderr
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	res := finish(t, c, &bytes.Buffer{}, &stderr)
	// Go ignores a SIGPIPE it did not get from a write of its own, so the
	// parent may only exit with the code a shell gives that death, 141.
	if res.signal != syscall.SIGPIPE && res.code != 128+int(syscall.SIGPIPE) || userText(res.stderr) != "" {
		t.Errorf("exit %d, signal %v, want SIGPIPE and no message:\n%s", res.code, res.signal, res.stderr)
	}
}

// TestTerminalInChild: the summary line validate prints only to a terminal
// is printed by a supervised child too, when the user's standard error is
// a terminal (script gives the command one).
func TestTerminalInChild(t *testing.T) {
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("needs script(1) for a terminal")
	}
	for _, ulimit := range []string{"", "-v 16000000"} {
		shell := fmt.Sprintf("exec %q validate ../../examples/medical-coder-cb.yaml", bin)
		if ulimit != "" {
			shell = "ulimit " + ulimit + " && " + shell
		}
		c := exec.Command(script, "-qec", shell, "/dev/null")
		c.Env = append(os.Environ(), supervise.DebugEnv+"=1")
		out, err := c.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "1 file checked: no problems") {
			t.Errorf("ulimit %q: %v\n%s", ulimit, err, out)
		}
		if supervised := strings.Contains(string(out), "supervised=true"); supervised != (ulimit != "") {
			t.Errorf("ulimit %q: supervised %t\n%s", ulimit, supervised, out)
		}
	}
}
