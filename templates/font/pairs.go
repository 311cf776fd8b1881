package font

import (
	_ "embed"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"

	"github.com/wpsgen/wpsgen/templates/font/internal/repertoire"
)

// The subset pairs are DejaVu Sans and DejaVu Sans Bold cut down to the
// characters of a repertoire (package repertoire), with the same glyphs
// and widths. The PDF writer reads and subsets the whole font for every
// document, at a cost that grows with the number of characters the font
// maps, so a document is drawn with the smallest pair holding all its
// characters. They are derived fonts under the DejaVu fonts' license
// (LICENSE beside each pair).
//
//go:generate go run ./internal/pairgen
var (
	//go:embed latin/DejaVuSans.ttf
	latinRegular []byte
	//go:embed latin/DejaVuSans-Bold.ttf
	latinBold []byte
	//go:embed compact/DejaVuSans.ttf
	compactRegular []byte
	//go:embed compact/DejaVuSans-Bold.ttf
	compactBold []byte
)

// Pair is a regular and a bold face drawn alike: a subset pair, or the
// full faces.
type Pair struct {
	// Name says which pair it is: "latin", "compact" or "full".
	Name          string
	regular, bold []byte
	set           *repertoire.Set // nil for the full faces
}

// Regular returns a private copy of the pair's regular face: the PDF
// writer modifies what it is given.
func (p *Pair) Regular() []byte { return append([]byte(nil), p.regular...) }

// Bold returns a private copy of the pair's bold face.
func (p *Pair) Bold() []byte { return append([]byte(nil), p.bold...) }

// Holds reports whether r is one of the pair's characters, where the full
// faces have it: a character both full faces draw and the pair holds is
// drawn the same by the pair.
func (p *Pair) Holds(r rune) bool { return p.set == nil || p.set.Contains(r) }

// Full reports whether the pair is the full faces.
func (p *Pair) Full() bool { return p.set == nil }

var (
	latinPair   = &Pair{"latin", latinRegular, latinBold, repertoire.Latin}
	compactPair = &Pair{"compact", compactRegular, compactBold, repertoire.Compact}
	fullPair    = &Pair{"full", dejavusans.TTF, dejavusansbold.TTF, nil}
	pairs       = []*Pair{latinPair, compactPair, fullPair}
)

// Pairs returns the pairs, smallest first; each holds every character of
// the one before, and the last is the full faces.
func Pairs() []*Pair { return append([]*Pair(nil), pairs...) }
