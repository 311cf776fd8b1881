package cmd_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFindingsFlood: a file of nothing but empty list items gives a
// bounded report closed by "... and N more" in every format. Under CI the
// file is as large as wpsgen reads (10 MiB: 3.5 million findings), and the
// run must stay within a time and memory bound.
func TestFindingsFlood(t *testing.T) {
	items, maxRSS, maxTime := 100_000, int64(300<<20), 20*time.Second
	if os.Getenv("CI") != "" {
		items, maxRSS, maxTime = (10<<20-64)/3, 1<<30, 60*time.Second
	}
	dir := t.TempDir()
	src := "kind: program\nframework: medical-coder\njob_functions:\n" + strings.Repeat("- \n", items)
	if err := os.WriteFile(filepath.Join(dir, "flood.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	more := regexp.MustCompile(`\.\.\. and (\d+) more findings in flood\.yaml`)
	for _, format := range []string{"text", "github", "sarif", "json"} {
		c := exec.Command(wpsgen(t), "validate", "--format", format, "flood.yaml")
		c.Dir = dir
		start := time.Now()
		out, _ := c.Output()
		took := time.Since(start)
		rss := c.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10
		if code := c.ProcessState.ExitCode(); code != 1 || len(out) > 1<<20 {
			t.Errorf("%s: exit %d, %d bytes of output", format, code, len(out))
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
}

func atoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
