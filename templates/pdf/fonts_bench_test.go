package pdf

import (
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// What a document pays for its fonts inside gofpdf, which no public API
// lets documents share: gofpdf parses each TrueType file it is given
// (AddUTF8FontFromBytes: tables, widths, and a JSON encoding of them all to
// name the font), and subsets and compresses it again when writing.
// BenchmarkFontCopy is the private copy of the bytes each document gets:
// gofpdf writes into the slice it reads (its getMetrics appends to a
// sub-slice of the file, overwriting the bytes after it), so neither
// sharing one slice nor reusing a pooled one is safe.

// Each runs for every pair: latin, compact, full.

func BenchmarkFontSetup(b *testing.B) {
	for _, pair := range fontPairs {
		b.Run(pair.Name, func(b *testing.B) {
			for b.Loop() {
				doc := gofpdf.New("P", "pt", "Letter", "")
				for _, fc := range []face{regular, bold} {
					doc.AddUTF8FontFromBytes(fontFamily, fc.gofpdfStyle(), fc.private(pair))
				}
				if doc.Err() {
					b.Fatal(doc.Error())
				}
			}
		})
	}
}

func BenchmarkFontCopy(b *testing.B) {
	for _, pair := range fontPairs {
		b.Run(pair.Name, func(b *testing.B) {
			for b.Loop() {
				for _, fc := range []face{regular, bold} {
					_ = fc.private(pair)
				}
			}
		})
	}
}
