package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates/render"
)

// renderers is how many goroutines TestConcurrentRenders runs at once: 8
// in CI; 3 locally, already more than this 2-core machine runs at once, so
// renders still overlap and -race still sees shared state.
func renderers() int {
	if os.Getenv("CI") != "" {
		return 8
	}
	return 3
}

// TestConcurrentRenders renders every program from several goroutines that share
// one Loader (so they share its cached files and resolved frameworks), and
// compares each file with a render made alone: run under -race, it finds
// shared state that a render writes.
func TestConcurrentRenders(t *testing.T) {
	t.Parallel()
	paths := programs(t)
	want, _ := renderedAll(t) // each program rendered alone
	shared := framework.NewLoader()
	n := renderers()
	dirs := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for g := range n {
		dirs[g] = t.TempDir()
		wg.Go(func() {
			// Each goroutine starts at a different program, so different
			// programs and the same framework are loaded at the same time.
			for i := range paths {
				p := paths[(g+i)%len(paths)]
				if _, err := render.Program(shared, p, render.Options{Dir: dirs[g]}); err != nil {
					errs[g] = err
					return
				}
			}
		})
	}
	wg.Wait()
	for g, dir := range dirs {
		if errs[g] != nil {
			t.Fatalf("goroutine %d: %v", g, errs[g])
		}
		sameFiles(t, want, dir)
	}
}

// sameFiles fails unless dir holds exactly the files of want, byte for byte.
func sameFiles(t *testing.T, want, dir string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(want, "*"))
	got, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) == 0 || len(got) != len(files) {
		t.Fatalf("%s holds %d files, want %d", dir, len(got), len(files))
	}
	for _, f := range files {
		x, _ := os.ReadFile(f)
		y, err := os.ReadFile(filepath.Join(dir, filepath.Base(f)))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs from the render made alone (%v)", filepath.Join(dir, filepath.Base(f)), err)
		}
	}
}
