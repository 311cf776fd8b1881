package render_test

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/pdf"
	"github.com/wpsgen/wpsgen/templates/render"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

var benchCreated = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// syntheticSizes are the synthetic programs measured: job functions x
// competencies, 3,000 and 6,000 schedule rows, to show how cost grows.
var syntheticSizes = []struct{ jobFunctions, competencies int }{{150, 20}, {300, 20}}

// BenchmarkProgram measures the whole render of each example as `wpsgen
// render` does it, less process start: a fresh Loader reads and validates
// the program and its framework, lays it out, draws the PDF and the XLSX and
// writes both files atomically.
func BenchmarkProgram(b *testing.B) {
	for _, path := range programs(b) {
		b.Run(name(path), func(b *testing.B) { benchProgram(b, path) })
	}
}

// BenchmarkStages measures each stage of rendering each example separately:
// validate (fresh Loader), build, PDF drawing and XLSX writing (to
// io.Discard).
func BenchmarkStages(b *testing.B) {
	for _, path := range programs(b) {
		b.Run(name(path), func(b *testing.B) { benchStages(b, path) })
	}
}

// BenchmarkSynthetic measures the synthetic programs of syntheticSizes,
// whole and by stage.
func BenchmarkSynthetic(b *testing.B) {
	for _, size := range syntheticSizes {
		rows := size.jobFunctions * size.competencies
		path := writeProgram(b, b.TempDir(), fmt.Sprintf("synthetic-%d", rows), syntheticProgram(size.jobFunctions, size.competencies))
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			b.Run("whole", func(b *testing.B) { benchProgram(b, path) })
			benchStages(b, path)
		})
	}
}

func benchProgram(b *testing.B, path string) {
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		res, err := render.Program(framework.NewLoader(), path, render.Options{Dir: dir, Created: benchCreated})
		if err != nil || len(res.Written) != 2 {
			b.Fatalf("%s: %v %v", path, err, res)
		}
	}
}

func benchStages(b *testing.B, path string) {
	res := validate(b, path)
	doc := templates.Build(res.Schedule, name(path))
	b.Run("validate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			validate(b, path)
		}
	})
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			templates.Build(res.Schedule, name(path))
		}
	})
	b.Run("pdf", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := pdf.Render(io.Discard, doc, pdf.Options{Created: benchCreated}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("xlsx", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := xlsx.Render(io.Discard, doc, xlsx.Options{Created: benchCreated}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// validate validates path with a fresh Loader and fails unless it has no
// errors.
func validate(tb testing.TB, path string) *framework.Result {
	tb.Helper()
	res, err := framework.NewLoader().Validate(path)
	if err != nil {
		tb.Fatal(err)
	}
	if !res.OK(false) || res.Schedule == nil {
		tb.Fatalf("%s does not validate: %v", path, res.Findings)
	}
	return res
}

// name is a program's output base name.
func name(path string) string { return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) }
