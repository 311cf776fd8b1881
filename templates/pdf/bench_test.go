package pdf

import (
	"io"
	"testing"

	"github.com/wpsgen/wpsgen/templates/templatestest"
)

func BenchmarkRenderSample(b *testing.B) {
	d := templatestest.Sample()
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, d, Options{Created: created}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderSampleFullFaces is the sample with Armenian and Georgian
// text, which only the full faces have: what a document outside the
// compact faces' repertoire costs.
func BenchmarkRenderSampleFullFaces(b *testing.B) {
	d := fullFacesDocument()
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, d, Options{Created: created}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderLarge(b *testing.B) {
	d := templatestest.Large(300, 20)
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, d, Options{Created: created}); err != nil {
			b.Fatal(err)
		}
	}
}
