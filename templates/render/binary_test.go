package render_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// TestMain turns the test binary into a launcher when it was started as
// one (templatestest.RunMeasured), so that the binary's peak memory is its
// own, not this process's.
func TestMain(m *testing.M) {
	templatestest.Launcher()
	code := m.Run()
	for _, dir := range []string{built.dir, rendered.dir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
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
	r := templatestest.RunMeasured(t, "", bin, args...)
	return binaryRun{code: r.Code, output: r.Stdout + r.Stderr, took: r.Took, cpu: r.CPU, peakRSS: r.PeakRSS}
}
