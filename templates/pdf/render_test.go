package pdf

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// created is the fixed date the tests render with.
var created = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// render renders d and fails the test on error.
func render(t testing.TB, d *templates.Layout) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{Created: created}); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

// writePDF renders d into the test's temporary directory.
func writePDF(t *testing.T, d *templates.Layout, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, render(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRenderIsReproducible(t *testing.T) {
	for name, d := range testDocuments() {
		if a, b := render(t, d), render(t, d); !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", name)
		}
	}
}

func TestRenderConcurrently(t *testing.T) {
	docs := []*templates.Layout{templatestest.Sample(), templatestest.Large(20, 8)}
	want := make([][]byte, len(docs))
	for i, d := range docs {
		want[i] = render(t, d)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			i := g % len(docs)
			var buf bytes.Buffer
			if err := Render(&buf, docs[i], Options{Created: created}); err != nil {
				t.Errorf("goroutine %d: %v", g, err)
				return
			}
			if !bytes.Equal(buf.Bytes(), want[i]) {
				t.Errorf("goroutine %d: output differs from a serial render", g)
			}
		})
	}
	wg.Wait()
}

func TestRenderWritesCreationDate(t *testing.T) {
	d := templatestest.Sample()
	var buf bytes.Buffer
	local := time.Date(2026, 11, 1, 9, 30, 0, 0, time.FixedZone("X", 3*3600))
	if err := Render(&buf, d, Options{Created: local}); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"/CreationDate", "/ModDate"} {
		if want := key + " (D:20261101063000)"; !bytes.Contains(buf.Bytes(), []byte(want)) {
			t.Errorf("PDF lacks %q (UTC)", want)
		}
	}
	buf.Reset()
	if err := Render(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	if want := "/CreationDate (D:19700101000000)"; !bytes.Contains(buf.Bytes(), []byte(want)) {
		t.Errorf("zero Created: PDF lacks %q", want)
	}
}

func TestRenderUsesOnlyEmbeddedDejaVu(t *testing.T) {
	out := render(t, templatestest.Sample())
	fonts := regexp.MustCompile(`/BaseFont /([A-Za-z0-9+-]+)`).FindAllSubmatch(out, -1)
	if len(fonts) == 0 {
		t.Fatal("no fonts in the PDF")
	}
	for _, f := range fonts {
		if !bytes.Contains(bytes.ToLower(f[1]), []byte("dejavusans")) {
			t.Errorf("PDF uses font %s", f[1])
		}
	}
	if !bytes.Contains(out, []byte("/FontFile2")) {
		t.Error("fonts are not embedded")
	}
}

func TestRenderErrors(t *testing.T) {
	if err := Render(io.Discard, nil, Options{}); err == nil {
		t.Error("Render(nil) succeeded")
	}
	err := Render(failingWriter{}, templatestest.Sample(), Options{Created: created})
	if !errors.Is(err, errWrite) {
		t.Errorf("Render to a failing writer: %v, want %v", err, errWrite)
	}
}

var errWrite = errors.New("disk full")

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }
