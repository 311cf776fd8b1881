package font

import (
	"sync"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// advances caches advance widths in ems, per face (0 regular, 1 bold).
var advances [2]sync.Map // rune -> float64

// Advance is the advance width of r in ems, in the bold or regular face:
// what a format that cannot measure text on the reader's machine (a
// spreadsheet's row heights) estimates line breaks with. A character the
// font lacks counts as wide as "M", so estimates err towards more lines.
func Advance(r rune, bold bool) float64 {
	i := 0
	if bold {
		i = 1
	}
	if w, ok := advances[i].Load(r); ok {
		return w.(float64)
	}
	once.Do(load)
	f := faces[i]
	var buf sfnt.Buffer
	upem := fixed.Int26_6(f.UnitsPerEm())
	w := 0.0
	for _, c := range []rune{r, 'M'} {
		g, err := f.GlyphIndex(&buf, c)
		if err != nil || g == 0 {
			continue
		}
		if adv, err := f.GlyphAdvance(&buf, g, upem, 0); err == nil {
			w = float64(adv) / float64(upem)
			break
		}
	}
	advances[i].Store(r, w)
	return w
}

// Width is the advance width of s in ems.
func Width(s string, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		w += Advance(r, bold)
	}
	return w
}
