// Package repertoire is the one place that says which characters the
// compact DejaVu faces carry. The generator passes it to the subsetter,
// the renderer asks it whether a document fits the compact faces, and a
// test proves the committed faces hold exactly these characters.
package repertoire

// Range is a run of characters, First to Last inclusive.
type Range struct{ First, Last rune }

// Ranges are the characters of the compact faces, where the full faces
// have them: what Work Process Schedules are written in (names and titles
// in Latin scripts including Vietnamese, Greek and Cyrillic), their
// punctuation, currency, numbers, arrows, the common mathematical signs,
// and the check boxes and marks forms use. A document with any other
// character is drawn with the full faces. Each character costs the PDF
// writer about 1.7 KB and 1-2 µs per document: the list is what such
// documents contain, not whole blocks of symbols (docs/PERFORMANCE.md).
var Ranges = []Range{
	{0x0020, 0x007E}, // Basic Latin
	{0x00A0, 0x024F}, // Latin-1 Supplement, Latin Extended-A and -B
	{0x02B0, 0x02FF}, // Spacing Modifier Letters (ʻ, ˚)
	{0x0300, 0x036F}, // Combining Diacritical Marks: those NFC cannot compose away
	{0x0370, 0x03FF}, // Greek and Coptic
	{0x0400, 0x052F}, // Cyrillic and Cyrillic Supplement
	{0x1E00, 0x1EFF}, // Latin Extended Additional (Vietnamese)
	{0x2000, 0x206F}, // General Punctuation
	{0x2070, 0x209F}, // Superscripts and Subscripts
	{0x20A0, 0x20CF}, // Currency Symbols
	{0x2100, 0x214F}, // Letterlike Symbols (№, ™, ℃)
	{0x2150, 0x218F}, // Number Forms (½, Ⅳ)
	{0x2190, 0x21FF}, // Arrows
	{0x2212, 0x221A}, // − ∓ ∔ ∕ ∖ ∗ ∘ ∙ √
	{0x221E, 0x221E}, // ∞
	{0x2248, 0x2248}, // ≈
	{0x2260, 0x2265}, // ≠ ≡ ≢ ≣ ≤ ≥
	{0x25A0, 0x25FF}, // Geometric Shapes (■, □, ▪, ●)
	{0x2605, 0x2606}, // ★ ☆
	{0x260E, 0x260E}, // ☎
	{0x2610, 0x2612}, // ☐ ☑ ☒
	{0x2640, 0x2642}, // ♀ ♂
	{0x26A0, 0x26A0}, // ⚠
	{0x2713, 0x2718}, // ✓ ✔ ✕ ✖ ✗ ✘
	{0xFB00, 0xFB06}, // Latin ligatures (ﬁ, ﬂ)
	{0xFFFD, 0xFFFD}, // the replacement character, drawn for what no face has
}

// set holds Ranges as one bit per character of the Basic Multilingual
// Plane, the only characters the PDF writer draws.
var set = func() *[0x10000 / 64]uint64 {
	s := new([0x10000 / 64]uint64)
	for _, rg := range Ranges {
		for r := rg.First; r <= rg.Last; r++ {
			s[r/64] |= 1 << (r % 64)
		}
	}
	return s
}()

// Contains reports whether r is in Ranges.
func Contains(r rune) bool {
	return r >= 0 && r < 0x10000 && set[r/64]&(1<<(r%64)) != 0
}
