package cmd_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRenderInterruptedNewDir: a render into directories it had to create
// that is interrupted writes nothing and removes them; the directory that
// existed stays.
func TestRenderInterruptedNewDir(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			in, parent := t.TempDir(), t.TempDir()
			out := filepath.Join(parent, "new", "out")
			src, _ := os.ReadFile(copyExample(t, in, "medical-coder-roi.yaml"))
			args := []string{"render", "-o", out}
			for i := range 40 {
				p := filepath.Join(in, fmt.Sprintf("p%02d.yaml", i))
				if err := os.WriteFile(p, src, 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(args, p)
			}
			c := exec.Command(wpsgen(t), args...)
			var stderr strings.Builder
			c.Stderr = &stderr
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			sent := false
			for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
				if writing(c.Process.Pid, out) {
					sent = c.Process.Signal(sig) == nil
					break
				}
			}
			err := c.Wait()
			if !sent {
				t.Skip("the run ended before a temporary file was seen")
			}
			code := -1
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			}
			if code != 3 || !strings.Contains(stderr.String(), "interrupted: nothing was written") {
				t.Errorf("exit %d, stderr:\n%s", code, stderr.String())
			}
			if got := entries(t, parent); len(got) != 0 {
				t.Errorf("the directories the run created are left: %s holds %v", parent, got)
			}
		})
	}
}
