package pdf

import (
	"bytes"
	"os"
	"testing"

	"github.com/wpsgen/wpsgen/templates/pdf/internal/fontmetrics"
)

// The generated tables are what the fonts say: fonts_gen.go is what the
// generator writes today, and its tables, unpacked, are the coverage and
// widths measured from each TrueType file.
func TestGeneratedFontTables(t *testing.T) {
	src, err := fontmetrics.Generate("pdf")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile("fonts_gen.go"); !bytes.Equal(got, src) {
		t.Error("fonts_gen.go is stale: run go generate ./templates/pdf")
	}
	fs := testFonts(t)
	for i, fc := range fontmetrics.Faces {
		want, err := fontmetrics.Measure(fc.TTF)
		if err != nil {
			t.Fatal(err)
		}
		if got := (*fontmetrics.Table)(fs[i]); *got != *want {
			t.Errorf("%s: the generated table differs from the font", fc.Name)
		}
		if !bytes.Equal(fc.TTF, face(i).private(fontPairs[len(fontPairs)-1])) {
			t.Errorf("%s: measured a different font than the PDF embeds", fc.Name)
		}
	}
	// Each subset pair must draw what the tables describe: every
	// character it maps is one the full face maps, as wide.
	for _, p := range fontPairs[:len(fontPairs)-1] {
		for i, ttf := range [][]byte{p.Regular(), p.Bold()} {
			subset, err := fontmetrics.Measure(ttf)
			if err != nil {
				t.Fatal(err)
			}
			full := fs[i]
			for r := range subset.Has {
				if want := full.Has[r] && p.Holds(rune(r)); subset.Has[r] != want {
					t.Errorf("%s pair, face %d: has %U: %v, want %v", p.Name, i, r, subset.Has[r], want)
				} else if want && subset.Width[r] != full.Width[r] {
					t.Errorf("%s pair, face %d: %U is %d wide, %d in the tables", p.Name, i, r, subset.Width[r], full.Width[r])
				}
			}
		}
	}
	if maxRune != fontmetrics.MaxRune {
		t.Errorf("the tables end at %U, the renderer at %U", fontmetrics.MaxRune, maxRune)
	}
}

func TestDecodeRefusesBrokenTables(t *testing.T) {
	for _, tc := range []struct{ ranges, widths string }{
		{"\x00\x20\x00", ""},                 // truncated range
		{"\x00\x20\x00\x21", "\x01\x00"},     // fewer widths than runes
		{"\x00\x20\x00\x20", "\x01\x00\x02"}, // odd widths
		{"\x00\x20\x00\x20", "\x01\x00\x02\x00"},
	} {
		if err := fontmetrics.Decode(new(fontmetrics.Table), tc.ranges, tc.widths); err == nil {
			t.Errorf("Decode(%q, %q) accepted broken tables", tc.ranges, tc.widths)
		}
	}
}

// BenchmarkLoadFonts is what a process pays for the width tables: unpacking
// the generated tables (BenchmarkMeasureFonts: reading them from the fonts,
// as the renderer did before).
func BenchmarkLoadFonts(b *testing.B) {
	for b.Loop() {
		for _, tables := range [][2]string{{regularRanges, regularWidths}, {boldRanges, boldWidths}} {
			if err := fontmetrics.Decode(new(fontmetrics.Table), tables[0], tables[1]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkMeasureFonts(b *testing.B) {
	for b.Loop() {
		for _, fc := range fontmetrics.Faces {
			if _, err := fontmetrics.Measure(fc.TTF); err != nil {
				b.Fatal(err)
			}
		}
	}
}
