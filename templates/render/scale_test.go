package render_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// syntheticOut keeps the synthetic programs for measuring the binary by hand:
//
//	go test ./templates/render -run TestSyntheticProgramBinary -v -synthetic-out /tmp/wpsgen-scale
//	/usr/bin/time -v wpsgen render /tmp/wpsgen-scale/synthetic-6000.yaml -o /tmp/out
var syntheticOut = flag.String("synthetic-out", "", "write the synthetic programs to this directory (kept) instead of a temporary one")

// The whole-process targets for the 6,000-row synthetic program (see
// docs/PERFORMANCE.md), and the most its cost may grow from 3,000 rows:
// linear growth doubles it; the bound leaves room for a loaded machine but
// not for quadratic growth (4x).
const (
	scaleTimeLimit   = 3 * time.Second
	scaleMemoryLimit = 300 << 20
	scaleGrowthLimit = 3.0 // linear work doubles; quadratic work would quadruple
	scaleRuns        = 3   // the fastest of these runs counts
)

// TestSyntheticProgramBinary renders the synthetic programs of 3,000 and
// 6,000 rows with the built binary, as a user would, and checks the time,
// the peak memory and how they grow.
func TestSyntheticProgramBinary(t *testing.T) {
	if os.Getenv("CI") == "" && *syntheticOut == "" {
		t.Skip("renders 9,000 rows six times (seconds); set CI=1 to run it. TestSyntheticProgram checks the same programs in-process")
	}
	bin := buildBinary(t)
	dir := *syntheticOut
	if dir == "" {
		dir = t.TempDir()
	}
	var cpu []time.Duration
	for _, size := range syntheticSizes {
		rows := size.jobFunctions * size.competencies
		path := writeProgram(t, dir, fmt.Sprintf("synthetic-%d", rows), syntheticProgram(size.jobFunctions, size.competencies))
		best := binaryRun{took: time.Hour, cpu: time.Hour}
		for range scaleRuns {
			run := runBinary(t, bin, "render", path, "-o", t.TempDir())
			if run.code != 0 {
				t.Fatalf("%d rows: exit code %d\n%s", rows, run.code, run.output)
			}
			best.took, best.cpu, best.peakRSS = min(best.took, run.took), min(best.cpu, run.cpu), max(best.peakRSS, run.peakRSS)
		}
		t.Logf("%d rows: %v wall, %v CPU, peak RSS %d MB", rows, best.took, best.cpu, best.peakRSS>>20)
		if best.took > scaleTimeLimit || best.peakRSS > scaleMemoryLimit {
			t.Errorf("%d rows took %v and %d MB; the limits are %v and %d MB", rows, best.took, best.peakRSS>>20, scaleTimeLimit, scaleMemoryLimit>>20)
		}
		cpu = append(cpu, best.cpu)
	}
	if growth := float64(cpu[1]) / float64(cpu[0]); growth > scaleGrowthLimit {
		t.Errorf("twice the rows took %.2fx the CPU time; linear growth is 2x, the limit %.1fx", growth, scaleGrowthLimit)
	}
}

// TestSyntheticRoundTrip: the workbook of the 6,000-row synthetic program
// reads back (wpsgen import) into the very program it was rendered from.
// Its sheets have more rows than a table a person types may have, and the
// program's YAML fills many cells of the hidden sheet.
func TestSyntheticRoundTrip(t *testing.T) {
	if os.Getenv("CI") == "" {
		t.Skip("renders and imports 6,000 rows (seconds); set CI=1 to run it. The importer's tests check the row limits in-process")
	}
	bin := buildBinary(t)
	size := syntheticSizes[len(syntheticSizes)-1]
	src := syntheticProgram(size.jobFunctions, size.competencies)
	dir := t.TempDir()
	path := writeProgram(t, dir, "synthetic", src)
	if run := runBinary(t, bin, "render", path, "--xlsx", "-o", dir); run.code != 0 {
		t.Fatalf("render: exit code %d\n%s", run.code, run.output)
	}
	back := filepath.Join(dir, "back.yaml")
	if run := runBinary(t, bin, "import", filepath.Join(dir, "synthetic.xlsx"), "-o", back); run.code != 0 {
		t.Fatalf("import: exit code %d\n%s", run.code, run.output)
	}
	got, err := os.ReadFile(back)
	if err != nil {
		t.Fatal(err)
	}
	if want, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want) {
		t.Errorf("the imported program differs from the rendered one (%d bytes, want %d; %v)", len(got), len(want), err)
	}
}
