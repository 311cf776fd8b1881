package cmd_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// TestFindingsFlood: a file of nothing but empty list items gives a
// bounded report closed by "... and N more" in every format. Under CI the
// file holds nearly as many items as wpsgen reads values (300,000), and the
// run must stay within a time and memory bound.
func TestFindingsFlood(t *testing.T) {
	items, maxRSS, maxTime := 100_000, int64(300<<20), 20*time.Second
	if os.Getenv("CI") != "" {
		items, maxRSS, maxTime = 299_000, 512<<20, 60*time.Second
	}
	dir := t.TempDir()
	src := "kind: program\nframework: medical-coder\njob_functions:\n" + strings.Repeat("- \n", items)
	if err := os.WriteFile(filepath.Join(dir, "flood.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// Each run is measured through a launcher: started straight from this
	// test process, its peak memory would start at this process's.
	more := regexp.MustCompile(`\.\.\. and (\d+) more findings in flood\.yaml`)
	for _, format := range []string{"text", "github", "sarif", "json"} {
		r := templatestest.RunMeasured(t, dir, wpsgen(t), "validate", "--format", format, "flood.yaml")
		out, took, rss := []byte(r.Stdout), r.Took, r.PeakRSS
		if r.Code != 1 || len(out) > 1<<20 {
			t.Errorf("%s: exit %d, %d bytes of output", format, r.Code, len(out))
		}
		// The count of the rest: every item past the thousand printed.
		if m := more.FindSubmatch(out); format != "json" && (m == nil || atoi(t, string(m[1])) < items-1000) {
			t.Errorf("%s: no closing line for the %d findings left out; output ends\n%s", format, items-1000, out[max(0, len(out)-300):])
		}
		if took > maxTime || rss > maxRSS {
			t.Errorf("%s: %v and %d MB; the bounds are %v and %d MB", format, took, rss>>20, maxTime, maxRSS>>20)
		}
		t.Logf("%s: %v, %d MB, %d bytes", format, took, rss>>20, len(out))
	}
	// render prints the same closing line before it refuses the program.
	r := runIn(t, dir, "render", "flood.yaml", "-o", "out")
	if m := more.FindStringSubmatch(r.stderr); r.code != 1 || m == nil || atoi(t, m[1]) < items-1000 {
		t.Errorf("render: exit %d, no closing line for the findings left out; stderr ends\n%s", r.code, r.stderr[max(0, len(r.stderr)-300):])
	}
}

// TestLargestFileOfValues: the largest file wpsgen reads, of the smallest
// values (10 MiB of empty list items, 3.5 million values), is refused with
// one finding by the bound on nodes, before the YAML reader builds a tree
// of them, within a small time and memory bound.
func TestLargestFileOfValues(t *testing.T) {
	if os.Getenv("CI") == "" {
		t.Skip("reads 10 MiB; set CI=1 to run it")
	}
	dir := t.TempDir()
	src := "kind: program\nframework: medical-coder\njob_functions:\n" + strings.Repeat("- \n", (10<<20-64)/3)
	if err := os.WriteFile(filepath.Join(dir, "flood.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// Measured through a launcher: started straight from this test
	// process, the run's peak memory would start at this process's.
	r := templatestest.RunMeasured(t, dir, wpsgen(t), "validate", "flood.yaml")
	out := r.Stdout
	// Processor time: wall time depends on the machine's load.
	took, rss := r.CPU, r.PeakRSS
	if r.Code != 1 || strings.Count(out, "\n") != 1 || !strings.Contains(out, "could hold more than 900,000 values") {
		t.Errorf("exit %d:\n%.1000s", r.Code, out)
	}
	// Refused by the bound on nodes before yaml.v3 builds a tree (it used
	// to peak near 1 GB): a scan of the bytes, small and quick.
	if took > 5*time.Second || rss > 200<<20 {
		t.Errorf("%v of CPU and %d MB; the bounds are 5s and 200 MB", took, rss>>20)
	}
	t.Logf("%v, %d MB", took, rss>>20)
}

func atoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
