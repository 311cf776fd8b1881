package render_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/format"
	"github.com/wpsgen/wpsgen/templates/render"
)

// TestParallelSameAsOneAtATime renders every test program (their sizes
// differ, so workers finish out of order) once on one worker and once on
// four: the same files in the same order, byte for byte.
func TestParallelSameAsOneAtATime(t *testing.T) {
	l := framework.NewLoader()
	var results []*framework.Result
	for _, p := range programs(t) {
		res, err := l.Validate(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := render.Ready(res, false); !ok {
			t.Fatalf("%s: %v", p, res.Findings)
		}
		results = append(results, res)
	}
	one, many := t.TempDir(), t.TempDir()
	w1, err := render.WriteAll(context.Background(), results, render.Options{Dir: one, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	w4, err := render.WriteAll(context.Background(), results, render.Options{Dir: many, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(w1) != 2*len(results) || !slices.Equal(bases(w1), bases(w4)) {
		t.Fatalf("written in another order:\n one: %v\nfour: %v", bases(w1), bases(w4))
	}
	sameFiles(t, one, many)
}

func bases(paths []string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, filepath.Base(p))
	}
	return out
}

// failOn is a format that fails for one program only.
type failOn string

func (failOn) Name() string       { return "failon" }
func (failOn) Ext() string        { return ".failon" }
func (failOn) CanPrint(rune) bool { return true }
func (f failOn) Render(w io.Writer, d *templates.Layout, _ format.Options) error {
	if d.Name == string(f) {
		w.Write([]byte("half"))
		return errors.New("disk on fire")
	}
	_, err := w.Write([]byte("whole"))
	return err
}

// One program failing in the middle of a parallel run: its error, nothing
// written, no temporary file left, earlier outputs untouched.
func TestParallelFailureWritesNothing(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	var results []*framework.Result
	for i := range 8 {
		results = append(results, example(t, in, fmt.Sprintf("p%d.yaml", i)))
	}
	if err := os.WriteFile(filepath.Join(out, "p0.pdf"), []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := render.WriteAll(context.Background(), results,
		render.Options{Dir: out, Workers: 4, Formats: []format.Format{format.PDF, failOn("p5")}})
	var we *render.WriteError
	if !errors.As(err, &we) || !strings.HasSuffix(we.Path, "p5.failon") {
		t.Fatalf("err %v, want p5.failon's write error", err)
	}
	if got := list(t, out); !slices.Equal(got, []string{"p0.pdf"}) {
		t.Errorf("output dir holds %v, want only the earlier p0.pdf", got)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "p0.pdf")); string(data) != "earlier" {
		t.Error("p0.pdf was replaced")
	}
}
