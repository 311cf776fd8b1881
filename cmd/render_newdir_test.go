package cmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestRenderInterruptedNewDir: a render into directories it had to create
// that is interrupted writes nothing and removes them; the directory that
// existed stays.
func TestRenderInterruptedNewDir(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			parent := t.TempDir()
			code, stderr := interruptRender(t, filepath.Join(parent, "new", "out"), sig)
			if code != 3 || !strings.Contains(stderr, "interrupted: nothing was written") {
				t.Errorf("exit %d, stderr:\n%s", code, stderr)
			}
			if got := entries(t, parent); len(got) != 0 {
				t.Errorf("the directories the run created are left: %s holds %v", parent, got)
			}
		})
	}
}
