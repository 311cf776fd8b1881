package font

import (
	_ "embed"

	"github.com/wpsgen/wpsgen/templates/font/internal/repertoire"
)

// The compact faces are DejaVu Sans and DejaVu Sans Bold cut down to the
// characters documents are nearly always written in (package repertoire),
// with the same glyphs and widths. The PDF writer reads and subsets the
// whole font for every document, at a cost that grows with the number of
// characters the font maps, so a document that needs no other character
// is drawn with these. They are derived fonts under the DejaVu fonts'
// license (compact/LICENSE).
//
//go:generate go run ./internal/compactgen -dir compact
var (
	//go:embed compact/DejaVuSans.ttf
	compactRegular []byte
	//go:embed compact/DejaVuSans-Bold.ttf
	compactBold []byte
)

// CompactRegular returns a private copy of the compact regular face.
func CompactRegular() []byte { return append([]byte(nil), compactRegular...) }

// CompactBold returns a private copy of the compact bold face.
func CompactBold() []byte { return append([]byte(nil), compactBold...) }

// InCompact reports whether r is one of the characters the compact faces
// carry, where the full faces have it: a character both full faces draw
// and InCompact accepts is drawn the same by the compact faces.
func InCompact(r rune) bool { return repertoire.Contains(r) }
