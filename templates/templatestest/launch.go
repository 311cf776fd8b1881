package templatestest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// launchEnv, when set, makes a test binary a launcher (see Launcher): it
// runs the command in its arguments and writes the command's resource use
// to the file the variable names.
const launchEnv = "WPSGEN_TEST_LAUNCH_USAGE"

// Launcher turns the test binary into a launcher when it was started as
// one by RunMeasured: it runs the command, records its resource use and
// exits. Call it first in TestMain.
//
// A process's peak resident set size, as wait4 reports it, starts at the
// peak of the process it was started from: Go starts processes with vfork,
// and Linux keeps the old memory's high-water mark across execve. A binary
// started straight from a test process that has rendered many programs
// would report that process's peak. Started from a freshly executed
// launcher, it reports about its own: at least the launcher's few tens of
// megabytes (more under the race detector).
func Launcher() {
	if out := os.Getenv(launchEnv); out != "" {
		os.Exit(launch(out, os.Args[1:]))
	}
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

// Measured is what one run of a binary did.
type Measured struct {
	Code           int
	Stdout, Stderr string
	Took           time.Duration // wall clock, the binary alone (not the launcher)
	CPU            time.Duration // user + system
	PeakRSS        int64         // bytes; 0 where the system does not tell
}

// RunMeasured runs bin with args in dir (the working directory when empty)
// through the launcher and measures it. The test binary's TestMain must
// call Launcher.
func RunMeasured(t testing.TB, dir, bin string, args ...string) Measured {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	usage := filepath.Join(t.TempDir(), "usage")
	cmd := exec.Command(self, append([]string{bin}, args...)...)
	cmd.Dir = dir
	// Under the race detector the launcher would sleep a second on exit,
	// waiting for races to report.
	cmd.Env = append(os.Environ(), launchEnv+"="+usage, "GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	run := Measured{Code: cmd.ProcessState.ExitCode(), Stdout: stdout.String(), Stderr: stderr.String()}
	if err != nil && !errors.As(err, new(*exec.ExitError)) {
		t.Fatalf("%s %v: %v", bin, args, err)
	}
	data, err := os.ReadFile(usage)
	if err != nil {
		t.Fatalf("%s %v: no resource use recorded (%v)\n%s%s", bin, args, err, run.Stdout, run.Stderr)
	}
	var user, system time.Duration
	if _, err := fmt.Sscan(string(data), &run.Took, &user, &system, &run.PeakRSS); err != nil {
		t.Fatalf("resource use %q: %v", data, err)
	}
	run.CPU = user + system
	return run
}
