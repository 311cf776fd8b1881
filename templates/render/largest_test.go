package render_test

import (
	"os"
	"strings"
	"testing"
	"time"
)

// The largest program wpsgen accepts (just under its 300,000 values) and
// the memory and time its render may take; docs/limits.md gives the figures.
const (
	largestJobFunctions = 530 // of 60 competencies: about 294,000 values
	largestMemoryLimit  = 512 << 20
	largestCPULimit     = 60 * time.Second // processor time: wall time depends on the machine's load
)

// TestLargestProgramBinary renders the largest program wpsgen accepts with
// the built binary, and checks that a few more job functions are refused:
// the value limit, not luck, bounds the memory a render takes. It takes
// seconds, so it runs in CI only.
func TestLargestProgramBinary(t *testing.T) {
	if os.Getenv("CI") == "" {
		t.Skip("renders a 6 MB program; set CI=1 to run it")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	over := writeProgram(t, dir, "over", syntheticProgram(largestJobFunctions+30, 60))
	if run := runBinary(t, bin, "validate", over); run.code != 1 || !strings.Contains(run.output, "more than 300,000 values") {
		t.Fatalf("a program past the value limit: exit %d\n%.500s", run.code, run.output)
	}
	path := writeProgram(t, dir, "largest", syntheticProgram(largestJobFunctions, 60))
	run := runBinary(t, bin, "render", path, "-o", t.TempDir())
	if run.code != 0 {
		t.Fatalf("exit %d\n%.2000s", run.code, run.output)
	}
	t.Logf("%v wall, %v CPU, peak RSS %d MB", run.took, run.cpu, run.peakRSS>>20)
	if run.peakRSS > largestMemoryLimit || run.cpu > largestCPULimit {
		t.Errorf("took %v of CPU and %d MB; the limits are %v and %d MB", run.cpu, run.peakRSS>>20, largestCPULimit, largestMemoryLimit>>20)
	}
}
