package framework

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestLoaderSharedAcrossGoroutines validates one program from several
// goroutines with one Loader, as `wpsgen validate` does with many files
// sharing a framework. Run with -race: cached findings must never be
// appended to in place.
func TestLoaderSharedAcrossGoroutines(t *testing.T) {
	dir := t.TempDir()
	mini, err := os.ReadFile("testdata/fw/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mini.yaml"), mini, 0o644); err != nil {
		t.Fatal(err)
	}
	// Some number of parse findings leaves spare capacity in the cached
	// slice (it depends on allocation size classes: try several); the
	// covers typo adds a finding of the checks after them.
	for extras := 1; extras <= 8; extras++ {
		var keys strings.Builder
		for i := range extras {
			fmt.Fprintf(&keys, ", extra%d: 1", i)
		}
		path := filepath.Join(dir, fmt.Sprintf("p%d.yaml", extras))
		src := "kind: program\nframework: mini.yaml\nsponsor: {name: X" + keys.String() + "}\n" +
			"occupation: {job_title: Y}\napproach: time-based\nterm: {hours: 2000}\n" +
			"job_functions: [{id: '1', hours: 2000, competencies: [{id: A}, {id: B}]}]\n" +
			"rti: {courses: [{title: T, hours: 144, covers: [1.Z]}]}\n"
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		want, err := NewLoader().Validate(path)
		if err != nil {
			t.Fatal(err)
		}
		l := NewLoader()
		var wg sync.WaitGroup
		got := make([]string, 4)
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 50 {
					res, err := l.Validate(path)
					if err != nil {
						t.Error(err)
						return
					}
					got[i] = findingsText(res.Findings)
				}
			}()
		}
		wg.Wait()
		for i, g := range got {
			if g != findingsText(want.Findings) {
				t.Errorf("goroutine %d got:\n%s\nwant:\n%s", i, g, findingsText(want.Findings))
			}
		}
	}
}

// TestCatalogDoesNotShadowFiles: a file named like a catalog entry is the
// user's file, checked as written and reported under a path that cannot be
// mistaken for the built-in framework.
func TestCatalogDoesNotShadowFiles(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("catalog:medical-coder", []byte("kind: framework\nid: x\n"), 0o644); err != nil {
		t.Skipf("cannot name a file with a colon here: %v", err)
	}
	res, err := NewLoader().Validate("catalog:medical-coder")
	if err != nil {
		t.Fatal(err)
	}
	text := findingsText(res.Findings)
	if !strings.Contains(text, "."+string(filepath.Separator)+"catalog:medical-coder:1:1:") || !strings.Contains(text, `missing the required key "title"`) {
		t.Errorf("want the user's file's own findings, got:\n%s", text)
	}
	// A missing file of that name is a read error, not the catalog entry.
	if _, err := NewLoader().Validate("catalog:ehr-specialist-mn"); err == nil {
		t.Error("catalog:ehr-specialist-mn (no such file) was read as the built-in framework")
	}
}

// TestCachedFindingsAreFull: the findings the Loader caches and hands out
// have no spare capacity, so a caller's append (validateProgram adds its
// checks to the file's findings) always copies instead of writing into
// memory another goroutine reads.
func TestCachedFindingsAreFull(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*/*.yaml")
	l := NewLoader()
	for _, p := range paths {
		f, err := l.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		if cap(f.Findings) != len(f.Findings) {
			t.Errorf("%s: parse findings have spare capacity (%d of %d)", p, len(f.Findings), cap(f.Findings))
		}
		if f.Kind != KindFramework {
			continue
		}
		if _, fs := l.ResolveFramework(f); cap(fs) != len(fs) {
			t.Errorf("%s: resolved findings have spare capacity (%d of %d)", p, len(fs), cap(fs))
		}
	}
}
