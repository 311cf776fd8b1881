package font

import (
	"slices"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/wpsgen/wpsgen/templates/font/internal/repertoire"
)

// Each compact face is its full face cut to the repertoire: it maps
// exactly the repertoire's characters the full face maps, to the same
// outlines and advances, with the same names (copyright, license) and
// metrics. This is what lets the PDF renderer draw a document with either
// pair and the generated width tables describe both; it needs no
// fontTools, only the committed files.
func TestCompactFacesAreSubsetsOfTheFullFaces(t *testing.T) {
	for _, tc := range []struct {
		name          string
		full, compact []byte
	}{
		{"regular", dejavusans.TTF, compactRegular},
		{"bold", dejavusansbold.TTF, compactBold},
	} {
		t.Run(tc.name, func(t *testing.T) {
			full, err := sfnt.Parse(tc.full)
			if err != nil {
				t.Fatal(err)
			}
			compact, err := sfnt.Parse(tc.compact)
			if err != nil {
				t.Fatal(err)
			}
			compareFaces(t, full, compact)
		})
	}
}

func compareFaces(t *testing.T, full, compact *sfnt.Font) {
	var fb, cb sfnt.Buffer
	upem := fixed.Int26_6(full.UnitsPerEm()) << 6 // one pixel per font unit: exact
	if compact.UnitsPerEm() != full.UnitsPerEm() {
		t.Fatalf("units per em: %d, full face %d", compact.UnitsPerEm(), full.UnitsPerEm())
	}
	fm, _ := full.Metrics(&fb, upem, font.HintingNone)
	cm, _ := compact.Metrics(&cb, upem, font.HintingNone)
	if fm != cm {
		t.Errorf("metrics %+v, full face %+v", cm, fm)
	}
	for _, id := range []sfnt.NameID{sfnt.NameIDCopyright, sfnt.NameIDFamily, sfnt.NameIDPostScript, sfnt.NameIDLicense} {
		fn, _ := full.Name(&fb, id)
		cn, _ := compact.Name(&cb, id)
		if fn == "" || cn != fn {
			t.Errorf("name %d: %q, full face %q", id, cn, fn)
		}
	}
	same(t, -1, full, compact, &fb, &cb, 0, 0, upem) // .notdef
	mapped := 0
	for r := rune(0); r <= 0x10FFFF; r++ {
		cg, err := compact.GlyphIndex(&cb, r)
		if err != nil {
			t.Fatal(err)
		}
		fg, err := full.GlyphIndex(&fb, r)
		if err != nil {
			t.Fatal(err)
		}
		want := fg != 0 && repertoire.Contains(r)
		if (cg != 0) != want {
			t.Errorf("%U: compact face maps it: %v, want %v", r, cg != 0, want)
			continue
		}
		if want {
			mapped++
			same(t, r, full, compact, &fb, &cb, fg, cg, upem)
		}
	}
	if mapped == 0 {
		t.Error("the compact face maps no character")
	}
}

// same compares the full face's glyph fg with the compact face's cg.
func same(t *testing.T, r rune, full, compact *sfnt.Font, fb, cb *sfnt.Buffer, fg, cg sfnt.GlyphIndex, upem fixed.Int26_6) {
	t.Helper()
	fa, err1 := full.GlyphAdvance(fb, fg, upem, font.HintingNone)
	ca, err2 := compact.GlyphAdvance(cb, cg, upem, font.HintingNone)
	if err1 != nil || err2 != nil || fa != ca {
		t.Errorf("%U: advance %v (%v), full face %v (%v)", r, ca, err2, fa, err1)
	}
	fs, err1 := full.LoadGlyph(fb, fg, upem, nil)
	fs = slices.Clone(fs) // the buffer's segments are reused by the next call
	cs, err2 := compact.LoadGlyph(cb, cg, upem, nil)
	if err1 != nil || err2 != nil || !slices.Equal(fs, cs) {
		t.Errorf("%U: outline differs from the full face's (%v, %v)", r, err2, err1)
	}
}

// The repertoire covers what the documents themselves print.
func TestRepertoireCoversFormGlyphs(t *testing.T) {
	for _, r := range "☐☑☒✓✔•–—…·×№€£¥½" + "ệẵŁĐźΌλЗдĕ" + "\uFFFD" {
		if !InCompact(r) {
			t.Errorf("%q (%U) is not in the compact faces", r, r)
		}
	}
	for _, r := range "Աბא中😀\U0001F600" {
		if InCompact(r) {
			t.Errorf("%q (%U) is in the compact faces", r, r)
		}
	}
}
