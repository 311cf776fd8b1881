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
		l := NewLoader()
		l.FindingsOnly = true // as the command does
		results, errs := l.ValidateAll(paths, 0)
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

// benchFiles are the files the per-file benchmarks measure: every example
// (programs and the extending framework), the renderer's test programs and
// the built-in catalog.
func benchFiles(b *testing.B) []string {
	var out []string
	for _, pattern := range []string{"../examples/*.yaml", "../templates/testdata/programs/*.yaml", "catalog/*.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, m...)
	}
	if len(out) < 7 {
		b.Fatalf("found only %d files to measure", len(out))
	}
	return out
}

// BenchmarkLoad measures reading each file into the typed model: YAML
// parsing and decoding with positions (Parse of bytes already in memory).
func BenchmarkLoad(b *testing.B) {
	for _, path := range benchFiles(b) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(path), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if f := Parse(path, data); HasErrors(f.Findings, false) {
					b.Fatalf("%s: %v", path, f.Findings)
				}
			}
		})
	}
}

// BenchmarkValidate measures validating each file as one `wpsgen validate
// FILE` run does: a new Loader reads the file, resolves its framework
// (parsing the catalog file it names) and runs every rule.
func BenchmarkValidate(b *testing.B) {
	for _, path := range benchFiles(b) {
		b.Run(filepath.Base(path), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, err := NewLoader().Validate(path)
				if err != nil || !res.OK(false) {
					b.Fatalf("%s: %v %v", path, err, res.Findings)
				}
			}
		})
	}
}
