package font

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/wpsgen/wpsgen/templates/font/internal/repertoire"
)

// Each face of each subset pair is its full face cut to the pair's
// repertoire: it maps exactly the repertoire's characters the full face
// maps, to the same outlines and advances, with the same names (copyright,
// license) and metrics. This is what lets the PDF renderer draw a document
// with any pair and the generated width tables describe them all; it needs
// no fontTools, only the committed files.
func TestSubsetPairsAreSubsetsOfTheFullFaces(t *testing.T) {
	full := pairs[len(pairs)-1]
	for _, p := range pairs[:len(pairs)-1] {
		for _, tc := range []struct {
			name         string
			full, subset []byte
		}{
			{"regular", full.regular, p.regular},
			{"bold", full.bold, p.bold},
		} {
			t.Run(p.Name+"/"+tc.name, func(t *testing.T) {
				fullFace, err := sfnt.Parse(tc.full)
				if err != nil {
					t.Fatal(err)
				}
				subset, err := sfnt.Parse(tc.subset)
				if err != nil {
					t.Fatal(err)
				}
				compareFaces(t, fullFace, subset, p.set)
			})
		}
	}
}

func compareFaces(t *testing.T, full, compact *sfnt.Font, set *repertoire.Set) {
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
		want := fg != 0 && set.Contains(r)
		if (cg != 0) != want {
			t.Errorf("%U: %s face maps it: %v, want %v", r, set.Name, cg != 0, want)
			continue
		}
		if want {
			mapped++
			same(t, r, full, compact, &fb, &cb, fg, cg, upem)
		}
	}
	if mapped == 0 {
		t.Errorf("the %s face maps no character", set.Name)
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

// The pairs are ordered smallest first, each holding every character of
// the one before, so the first pair holding a document's characters is
// the smallest; each is licensed like the DejaVu fonts, beside it.
func TestPairsAreNested(t *testing.T) {
	if len(pairs) != len(repertoire.Sets)+1 || !pairs[len(pairs)-1].Full() {
		t.Fatalf("pairs %d, repertoires %d: want one pair per repertoire, then the full faces", len(pairs), len(repertoire.Sets))
	}
	license, err := os.ReadFile(filepath.Join("compact", "LICENSE"))
	if err != nil || !bytes.Contains(license, []byte("Bitstream Vera Fonts Copyright")) {
		t.Fatalf("compact/LICENSE: %v", err)
	}
	for i, p := range pairs[:len(pairs)-1] {
		if p.set != repertoire.Sets[i] || p.Name != p.set.Name {
			t.Errorf("pair %d is %q, repertoire %q", i, p.Name, repertoire.Sets[i].Name)
		}
		if got, err := os.ReadFile(filepath.Join(p.Name, "LICENSE")); err != nil || !bytes.Equal(got, license) {
			t.Errorf("%s/LICENSE is not the DejaVu fonts' license (%v)", p.Name, err)
		}
		if len(p.regular) >= len(pairs[i+1].regular) || len(p.bold) >= len(pairs[i+1].bold) {
			t.Errorf("the %s pair is not smaller than the %s pair", p.Name, pairs[i+1].Name)
		}
		if i == 0 {
			continue
		}
		for r := rune(0); r <= MaxRune; r++ {
			if pairs[i-1].Holds(r) && !p.Holds(r) {
				t.Errorf("%U is in the %s pair, not in the %s pair", r, pairs[i-1].Name, p.Name)
			}
		}
	}
	for r := rune(0); r <= MaxRune; r++ {
		if !fullPair.Holds(r) {
			t.Fatalf("the full faces do not hold %U", r)
		}
	}
}

// Each repertoire covers what the documents themselves print and what
// documents of its kind are written in, and not the next pair's scripts.
func TestRepertoiresCover(t *testing.T) {
	const forms = "☐☑☒✓✔•–—…·×" // the renderers' own marks
	for _, tc := range []struct {
		pair       *Pair
		holds, not string
	}{
		{latinPair, forms + "€£¥§°±×µΩ′″²³½¼⅓™©®№“”‘’«»‹›†‡‰ﬁﬂ€¢−≤≥≠≈→•◦■□●" +
			"ÁÉÍÓÚÑÜáéíóúñüçÇàèâêîôûëïÿœŒßØøÅåÆæÃãÕõŁłŚśŹźŻżĄąĘęČčŠšŽžŘřĎďŇňŤťŮůĞğİıŞşŐőŰűȘșȚțāēīōūʻ" + "\uFFFD",
			"ơưệẵǅβλЗд∞√★Աბא中😀"},
		{compactPair, forms + "№€£¥½" + "ệẵŁĐźΌλЗдĕ" + "\uFFFD", "Աბא中😀"},
	} {
		for _, r := range tc.holds {
			if !tc.pair.Holds(r) {
				t.Errorf("%q (%U) is not in the %s pair", r, r, tc.pair.Name)
			}
		}
		for _, r := range tc.not {
			if tc.pair.Holds(r) {
				t.Errorf("%q (%U) is in the %s pair", r, r, tc.pair.Name)
			}
		}
	}
}
