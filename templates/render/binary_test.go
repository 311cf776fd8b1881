package render_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// launchEnv, when set, makes the test binary a launcher (see TestMain): it
// runs the command in its arguments and writes the command's resource use
// to the file the variable names.
const launchEnv = "WPSGEN_TEST_LAUNCH_USAGE"

// TestMain turns the test binary into a launcher when launchEnv is set.
//
// A process's peak resident set size, as wait4 reports it, starts at the
// peak of the process it was started from: Go starts processes with vfork,
// and Linux keeps the old memory's high-water mark across execve. A binary
// started straight from this test process, which has just rendered 10,000
// job functions, would report this process's peak. Started from a freshly
// executed launcher, it reports its own.
func TestMain(m *testing.M) {
	if out := os.Getenv(launchEnv); out != "" {
		os.Exit(launch(out, os.Args[1:]))
	}
	code := m.Run()
	for _, dir := range []string{built.dir, rendered.dir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

// launch runs args with this process's standard streams, writes "wall
// user system peakRSS" (nanoseconds, bytes) to out and returns the exit
// code.
func launch(out string, args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	if err != nil && !errors.As(err, new(*exec.ExitError)) {
		fmt.Fprintln(os.Stderr, "launcher:", err)
		return 125
	}
	st := cmd.ProcessState
	usage := fmt.Sprintf("%d %d %d %d", took, st.UserTime(), st.SystemTime(), peakRSS(st))
	if err := os.WriteFile(out, []byte(usage), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "launcher:", err)
		return 125
	}
	return st.ExitCode()
}

// built is the wpsgen binary the tests run, built once per test process:
// each go build links it again, a second or more.
var built struct {
	once     sync.Once
	dir, bin string
	err      error
}

// buildBinary builds wpsgen into a temporary directory, once.
func buildBinary(t testing.TB) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "wpsgen-test-"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "wpsgen")
		built.err = templatestest.BuildWpsgen(built.bin)
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

// binaryRun is what one run of the binary did.
type binaryRun struct {
	code    int
	output  string        // stdout and stderr
	took    time.Duration // wall clock, the binary alone (not the launcher)
	cpu     time.Duration // user + system
	peakRSS int64         // bytes; 0 where the system does not tell
}

// runBinary runs bin with args through the launcher and measures it.
func runBinary(t testing.TB, bin string, args ...string) binaryRun {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	usage := filepath.Join(t.TempDir(), "usage")
	cmd := exec.Command(self, append([]string{bin}, args...)...)
	// Under the race detector the launcher would sleep a second on exit,
	// waiting for races to report.
	cmd.Env = append(os.Environ(), launchEnv+"="+usage, "GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	run := binaryRun{output: out.String(), code: cmd.ProcessState.ExitCode()}
	if err != nil && !errors.As(err, new(*exec.ExitError)) {
		t.Fatalf("%s %v: %v", bin, args, err)
	}
	data, err := os.ReadFile(usage)
	if err != nil {
		t.Fatalf("%s %v: no resource use recorded (%v)\n%s", bin, args, err, run.output)
	}
	var user, system time.Duration
	if _, err := fmt.Sscan(string(data), &run.took, &user, &system, &run.peakRSS); err != nil {
		t.Fatalf("resource use %q: %v", data, err)
	}
	run.cpu = user + system
	return run
}
