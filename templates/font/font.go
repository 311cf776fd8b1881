// Package font is the one typeface wpsgen draws documents with: DejaVu Sans,
// regular and bold, embedded in the binary. Validation asks it which
// characters can be drawn, so a document never shows an empty box.
package font

import (
	"sync"
	"unicode"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/bidi"
)

// MaxRune is the last character the PDF writer can draw: gofpdf encodes
// text in UTF-16 code units without surrogates, so a character beyond the
// Basic Multilingual Plane (an emoji, even one DejaVu Sans has) would print
// as the replacement glyph.
const MaxRune = 0xFFFF

var (
	once  sync.Once
	faces []*sfnt.Font
	cache sync.Map // rune -> Problem
)

func load() {
	for _, ttf := range [][]byte{dejavusans.TTF, dejavusansbold.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			panic("font: embedded DejaVu Sans does not parse: " + err.Error())
		}
		faces = append(faces, f)
	}
}

// Problem says why a character cannot be printed.
type Problem int

// Problems, from none to the reasons a character is refused.
const (
	OK          Problem = iota
	NoGlyph             // the font has no glyph: it would draw as an empty box
	RightToLeft         // a right-to-left script, which the PDF writer cannot lay out
	Control             // an invisible control character
)

// Check reports whether r can be drawn in both faces, and if not, why.
// Tab and line feed are allowed: the renderers turn them into spaces and line breaks.
func Check(r rune) Problem {
	if r == '\n' || r == '\t' || r == '\r' {
		return OK
	}
	if r < 0x80 && r >= 0x20 && r != 0x7f {
		return OK // printable ASCII: the common case, no lookup
	}
	if p, ok := cache.Load(r); ok {
		return p.(Problem)
	}
	p := check(r)
	cache.Store(r, p)
	return p
}

func check(r rune) Problem {
	// Line and paragraph separators (U+2028, U+2029) draw as nothing: the
	// break they mean would silently vanish from the document.
	if unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) {
		return Control
	}
	if props, _ := bidi.LookupRune(r); props.Class() == bidi.R || props.Class() == bidi.AL {
		return RightToLeft
	}
	if r > MaxRune {
		return NoGlyph
	}
	once.Do(load)
	var buf sfnt.Buffer
	for _, f := range faces {
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			return NoGlyph
		}
	}
	return OK
}
