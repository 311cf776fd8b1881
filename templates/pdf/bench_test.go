package pdf

import (
	"io"
	"testing"

	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

func BenchmarkRenderSample(b *testing.B) { benchRender(b, templatestest.Sample()) }

// BenchmarkRenderSampleLatin is the sample written only in characters of
// the Latin pair; BenchmarkRenderSample (Vietnamese, Greek, Cyrillic)
// takes the compact pair; BenchmarkRenderSampleFullFaces, with Armenian
// and Georgian text, the full faces.
func BenchmarkRenderSampleLatin(b *testing.B) { benchRender(b, latinDocument()) }

func BenchmarkRenderSampleFullFaces(b *testing.B) { benchRender(b, fullFacesDocument()) }

func BenchmarkRenderLarge(b *testing.B) { benchRender(b, templatestest.Large(300, 20)) }

// benchRender measures drawing d as a PDF, to io.Discard.
func benchRender(b *testing.B, d *templates.Layout) {
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, d, Options{Created: created}); err != nil {
			b.Fatal(err)
		}
	}
}
