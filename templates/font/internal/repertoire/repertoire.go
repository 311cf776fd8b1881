// Package repertoire is the one place that says which characters each
// subset of the DejaVu faces carries. The generator passes a set to the
// subsetter, the renderer asks the sets whether a document fits their
// faces, and a test proves the committed faces hold exactly these
// characters.
package repertoire

// Range is a run of characters, First to Last inclusive.
type Range struct{ First, Last rune }

// Set is the repertoire of one subset pair: its characters, where the full
// faces have them.
type Set struct {
	// Name is the directory under templates/font holding the pair.
	Name   string
	Ranges []Range
	bits   *[0x10000 / 64]uint64 // Ranges, one bit per character of the BMP
}

// Contains reports whether r is in the set's Ranges.
func (s *Set) Contains(r rune) bool {
	return r >= 0 && r < 0x10000 && s.bits[r/64]&(1<<(r%64)) != 0
}

func newSet(name string, ranges ...[]Range) *Set {
	s := &Set{Name: name, bits: new([0x10000 / 64]uint64)}
	for _, rs := range ranges {
		s.Ranges = append(s.Ranges, rs...)
	}
	for _, rg := range s.Ranges {
		for r := rg.First; r <= rg.Last; r++ {
			s.bits[r/64] |= 1 << (r % 64)
		}
	}
	return s
}

// Sets are the subset pairs, smallest first; each holds every character of
// the one before. A document is drawn with the first pair holding all its
// characters, or with the full faces. Each character a face maps costs the
// PDF writer about 1.7 KB and 1-2 µs per document, whether the document
// uses it or not: the lists are what such documents contain, not whole
// blocks of symbols (docs/PERFORMANCE.md).
var Sets = []*Set{Latin, Compact}

// Latin is what documents of US sponsors are written in: English and the
// accented names and words of the languages written with Latin-1 and Latin
// Extended-A (Spanish, French, Portuguese, German, Polish, Czech, Turkish,
// ...), Romanian's and Hawaiian's letters, typographic punctuation, the
// units, fractions and signs trades write (°, ±, ×, ′ ″, ², CO₂, Ω, µ, ≤),
// €, ™ and the check boxes and marks forms use.
var Latin = newSet("latin", latin)

var latin = []Range{
	{0x0020, 0x007E}, // Basic Latin
	{0x00A0, 0x017F}, // Latin-1 Supplement, Latin Extended-A
	{0x0192, 0x0192}, // ƒ
	{0x0218, 0x021B}, // Ș ș Ț ț (Romanian)
	{0x02BB, 0x02BC}, // ʻ ʼ (Hawaiian ʻokina, apostrophe)
	{0x02C6, 0x02C7}, // ˆ ˇ
	{0x02D8, 0x02DD}, // ˘ ˙ ˚ ˛ ˜ ˝
	{0x03A9, 0x03A9}, // Ω (ohms)
	{0x03BC, 0x03BC}, // μ (micro)
	{0x2010, 0x2027}, // dashes, quotes, daggers, bullets, leaders, ellipsis
	{0x2030, 0x203A}, // ‰, primes (feet, inches), angle quotes
	{0x2044, 0x2044}, // ⁄ fraction slash
	{0x2070, 0x209F}, // superscripts and subscripts (m³, CO₂)
	{0x20AC, 0x20AC}, // €
	{0x2116, 0x2116}, // №
	{0x2122, 0x2122}, // ™
	{0x2126, 0x2126}, // Ω ohm sign
	{0x2153, 0x215E}, // ⅓ ⅔ ⅛ ...
	{0x2190, 0x2195}, // ← ↑ → ↓ ↔ ↕
	{0x2212, 0x2212}, // − minus
	{0x2248, 0x2248}, // ≈
	{0x2260, 0x2260}, // ≠
	{0x2264, 0x2265}, // ≤ ≥
	{0x25A0, 0x25A1}, // ■ □
	{0x25AA, 0x25AB}, // ▪ ▫
	{0x25CB, 0x25CB}, // ○
	{0x25CF, 0x25CF}, // ●
	{0x25E6, 0x25E6}, // ◦
	{0x2610, 0x2612}, // ☐ ☑ ☒
	{0x2713, 0x2718}, // ✓ ✔ ✕ ✖ ✗ ✘
	{0xFB01, 0xFB02}, // ﬁ ﬂ (pasted from PDFs)
	{0xFFFD, 0xFFFD}, // the replacement character, drawn for what no face has
}

// Compact adds the other scripts Work Process Schedules are written in
// (Latin Extended-B, Vietnamese, Greek, Cyrillic), their punctuation,
// currency, number forms, arrows and the common mathematical signs.
var Compact = newSet("compact", latin, []Range{
	{0x0180, 0x024F}, // Latin Extended-B
	{0x02B0, 0x02FF}, // Spacing Modifier Letters
	{0x0300, 0x036F}, // Combining Diacritical Marks: those NFC cannot compose away
	{0x0370, 0x03FF}, // Greek and Coptic
	{0x0400, 0x052F}, // Cyrillic and Cyrillic Supplement
	{0x1E00, 0x1EFF}, // Latin Extended Additional (Vietnamese)
	{0x2000, 0x206F}, // General Punctuation
	{0x20A0, 0x20CF}, // Currency Symbols
	{0x2100, 0x214F}, // Letterlike Symbols (№, ™, ℃)
	{0x2150, 0x218F}, // Number Forms (½, Ⅳ)
	{0x2190, 0x21FF}, // Arrows
	{0x2212, 0x221A}, // − ∓ ∔ ∕ ∖ ∗ ∘ ∙ √
	{0x221E, 0x221E}, // ∞
	{0x2260, 0x2265}, // ≠ ≡ ≢ ≣ ≤ ≥
	{0x25A0, 0x25FF}, // Geometric Shapes (■, □, ▪, ●)
	{0x2605, 0x2606}, // ★ ☆
	{0x260E, 0x260E}, // ☎
	{0x2640, 0x2642}, // ♀ ♂
	{0x26A0, 0x26A0}, // ⚠
	{0xFB00, 0xFB06}, // Latin ligatures
})
