package framework

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// writeProgramCopies writes n programs to dir: copies of the examples,
// each under its own name and sponsor, plus the framework file one of them
// names.
func writeProgramCopies(tb testing.TB, dir string, n int) {
	tb.Helper()
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("../examples", name))
		if err != nil {
			tb.Fatal(err)
		}
		return data
	}
	if err := os.WriteFile(filepath.Join(dir, "medical-coder-roi.framework.yaml"), read("medical-coder-roi.framework.yaml"), 0o644); err != nil {
		tb.Fatal(err)
	}
	examples := []string{"medical-coder-cb.yaml", "ehr-specialist-hybrid.yaml", "medical-coder-roi.yaml"}
	sources := make([][]byte, len(examples))
	for i, name := range examples {
		sources[i] = read(name)
	}
	for i := range n {
		src := sources[i%len(sources)]
		data := bytes.Replace(src, []byte("\nsponsor:\n  name: "), []byte(fmt.Sprintf("\nsponsor:\n  name: Sponsor %04d, ", i)), 1)
		name := fmt.Sprintf("program-%04d-%s", i, examples[i%len(examples)])
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkValidate1000Programs measures one `wpsgen validate dir/` run
// over 1,000 programs: expand the directory, then validate every file with
// a new Loader (which parses each shared framework once).
func BenchmarkValidate1000Programs(b *testing.B) {
	dir := b.TempDir()
	writeProgramCopies(b, dir, 1000)
	b.ResetTimer()
	for b.Loop() {
		paths, err := ExpandPaths([]string{dir})
		if err != nil {
			b.Fatal(err)
		}
		results, errs := NewLoader().ValidateAll(paths, 0)
		if len(errs) > 0 || len(results) != 1001 {
			b.Fatalf("%d results, errors %v", len(results), errs)
		}
		for _, r := range results {
			if !r.OK(false) {
				b.Fatalf("%s: %v", r.Path, r.Findings)
			}
		}
	}
}
