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

// BenchmarkRenderSampleLatin is the sample written only in characters of
// the Latin pair; BenchmarkRenderSample (Vietnamese, Greek, Cyrillic)
// takes the compact pair; BenchmarkRenderSampleFullFaces, with Armenian
// and Georgian text, the full faces.
func BenchmarkRenderSampleLatin(b *testing.B) {
	d := latinDocument()
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, d, Options{Created: created}); err != nil {
			b.Fatal(err)
		}
	}
}

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
