package render_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/pdf"
	"github.com/wpsgen/wpsgen/templates/render"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// FuzzRender feeds arbitrary bytes as a program file: whenever validation
// finds no error, the program must lay out and render as PDF and XLSX
// without an error or a panic, in bounded time. The seeds are the example
// programs, the renderer's test programs and the hostile corpus.
func FuzzRender(f *testing.F) {
	var seeds []string
	for _, pattern := range []string{"../../examples/*.yaml", "../testdata/programs/*.yaml", "testdata/hostile/*.yaml"} {
		m, _ := filepath.Glob(pattern)
		seeds = append(seeds, m...)
	}
	if len(seeds) < 20 {
		f.Fatalf("found only %d seeds", len(seeds))
	}
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	// The example that names its framework by path finds it beside it.
	dir := f.TempDir()
	fw, err := os.ReadFile("../../examples/medical-coder-roi.framework.yaml")
	if err != nil {
		f.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "medical-coder-roi.framework.yaml"), fw, 0o644); err != nil {
		f.Fatal(err)
	}
	path := filepath.Join(dir, "program.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			renderIfValid(t, path)
		}()
		select {
		case <-done:
		case <-time.After(fuzzTimeLimit):
			t.Fatalf("validating and rendering did not finish within %v", fuzzTimeLimit)
		}
	})
}

// fuzzTimeLimit bounds one fuzz input; a program file of a fuzzer's size
// renders in milliseconds.
const fuzzTimeLimit = 10 * time.Second

// renderIfValid validates the program at path and, when it has no errors,
// draws both documents to io.Discard, failing the test on any error.
func renderIfValid(t *testing.T, path string) {
	res, err := framework.NewLoader().Validate(path)
	if err != nil {
		t.Errorf("Validate: %v", err)
		return
	}
	if res.Kind != framework.KindProgram || !res.OK(false) {
		return
	}
	if res.Schedule == nil {
		t.Error("a program without errors has no schedule")
		return
	}
	doc := templates.Build(res.Schedule, "program")
	created, err := render.CreationDate(res.Schedule.Program)
	if err != nil {
		t.Fatal(err)
	}
	if err := pdf.Render(io.Discard, doc, pdf.Options{Created: created}); err != nil {
		t.Errorf("a valid program does not render as PDF: %v", err)
	}
	if err := xlsx.Render(io.Discard, doc, xlsx.Options{Created: created}); err != nil {
		t.Errorf("a valid program does not render as XLSX: %v", err)
	}
}
