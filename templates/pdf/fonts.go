package pdf

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	wpsfont "github.com/wpsgen/wpsgen/templates/font"
	"github.com/wpsgen/wpsgen/templates/pdf/internal/fontmetrics"
)

// face is one of the two embedded fonts.
type face uint8

const (
	regular face = iota
	bold
)

// fontFamily is the family name the faces are registered under in gofpdf.
const fontFamily = "DejaVuSans"

// gofpdfStyle is gofpdf's style string for the face.
func (fc face) gofpdfStyle() string {
	if fc == bold {
		return "B"
	}
	return ""
}

// private returns a copy of the face of pair p for one document: gofpdf
// modifies what it is given, so concurrent renders must not share it.
func (fc face) private(p *wpsfont.Pair) []byte {
	if fc == bold {
		return p.Bold()
	}
	return p.Regular()
}

// fontPairs are the embedded pairs, smallest first, the full faces last.
var fontPairs = wpsfont.Pairs()

// pair returns the smallest pair holding every character drawn on the
// pages. gofpdf's cost per document grows with the number of characters
// the embedded font maps, not with the characters used; the glyphs and
// widths drawn are the same with any pair that holds them.
func (fs fonts) pair(pages [][]op) *wpsfont.Pair {
	i := 0 // every pair holds printable ASCII
	last := len(fontPairs) - 1
	for _, ops := range pages {
		for j := range ops {
			o := &ops[j]
			if o.kind != opText || isPlainASCII(o.text) {
				continue
			}
			has := &fs[o.style.face].Has
			for _, r := range o.text {
				if r > maxRune || !has[r] {
					return fontPairs[last]
				}
				// The pairs are nested: moving on to a larger pair keeps
				// every character seen so far.
				for i < last && !fontPairs[i].Holds(r) {
					i++
				}
			}
			if i == last {
				return fontPairs[last]
			}
		}
	}
	return fontPairs[i]
}

const (
	// maxRune is the last rune gofpdf can draw (see wpsfont.MaxRune).
	maxRune = wpsfont.MaxRune
	// replacement stands in for characters the font has no glyph for.
	replacement = '\uFFFD'
)

// metrics are a face's glyph coverage and advance widths in thousandths of
// an em, as gofpdf rounds them. They come from tables generated at build
// time (fonts_gen.go, checked against the fonts by a test), not from the
// TrueType files at run time.
type metrics fontmetrics.Table

//go:generate go run ./internal/fontgen -o fonts_gen.go

// fonts holds the metrics of both faces, indexed by face. The metrics are
// read-only after loading and shared by concurrent renders.
type fonts [2]*metrics

var (
	fontsOnce   sync.Once
	loadedFonts fonts
	fontsErr    error
)

// loadFonts returns the metrics of the embedded faces, unpacking the
// generated tables once.
func loadFonts() (fonts, error) {
	fontsOnce.Do(func() {
		for fc, tables := range [][2]string{regular: {regularRanges, regularWidths}, bold: {boldRanges, boldWidths}} {
			t := new(fontmetrics.Table)
			if err := fontmetrics.Decode(t, tables[0], tables[1]); err != nil {
				fontsErr = fmt.Errorf("reading embedded font metrics: %w", err)
				return
			}
			loadedFonts[fc] = (*metrics)(t)
		}
	})
	return loadedFonts, fontsErr
}

// advance returns the width of s in thousandths of an em.
func (m *metrics) advance(s string) int {
	w := 0
	for _, r := range s {
		if r > maxRune {
			r = replacement
		}
		w += int(m.Width[r])
	}
	return w
}

// width returns the width of s in points at style st.
func (fs fonts) width(s string, st style) float64 {
	return float64(fs[st.face].advance(s)) * st.size / 1000
}

// clean makes s drawable in face fc: line breaks become "\n", tabs become
// spaces, control and invisible format characters are dropped, text is
// composed (NFC) so accents use the font's precomposed glyphs, and any
// character the face has no glyph for becomes U+FFFD.
func (fs fonts) clean(s string, fc face) string {
	if isPlainASCII(s) {
		return s
	}
	s = norm.NFC.String(strings.ReplaceAll(s, "\r\n", "\n"))
	m := fs[fc]
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			// invisible: drop
		case r > maxRune || !m.Has[r]:
			b.WriteRune(replacement)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlainASCII reports whether s holds only printable ASCII, which every
// face draws as is.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// wrap breaks clean text s into lines no wider than width points at style
// st. Line breaks in s start new lines; lines break at spaces, and a word
// wider than a line is broken between characters. Spaces at the ends of
// lines are dropped. The result has at least one (maybe empty) line.
func (fs fonts) wrap(s string, st style, width float64) []string {
	m := fs[st.face]
	limit := int(width * 1000 / st.size)
	var lines []string
	for _, para := range strings.Split(strings.TrimSpace(s), "\n") {
		lines = m.wrapParagraph(lines, para, limit)
	}
	return lines
}

// wrapParagraph appends the lines of paragraph p, each at most limit
// thousandths of an em wide, to lines.
func (m *metrics) wrapParagraph(lines []string, p string, limit int) []string {
	before := len(lines)
	start, end, w := -1, 0, 0 // the open line is p[start:end], w wide
	for i := 0; i < len(p); {
		j := i
		for j < len(p) && p[j] == ' ' {
			j++
		}
		if j == len(p) {
			break
		}
		k := j
		for k < len(p) && p[k] != ' ' {
			k++
		}
		ww := m.advance(p[j:k])
		if start >= 0 {
			if gap := m.advance(p[end:j]); w+gap+ww <= limit {
				end, w = k, w+gap+ww
				i = k
				continue
			}
			lines = append(lines, p[start:end])
		}
		if ww <= limit {
			start, end, w = j, k, ww
		} else {
			lines, start, w = m.breakWord(lines, p, j, k, limit)
			end = k
		}
		i = k
	}
	if start >= 0 {
		lines = append(lines, p[start:end])
	} else if len(lines) == before {
		lines = append(lines, "")
	}
	return lines
}

// breakWord appends the full-width pieces of the word p[j:k], which is
// wider than limit, to lines, and returns the start and width of its last
// piece, which stays open for following words.
func (m *metrics) breakWord(lines []string, p string, j, k, limit int) ([]string, int, int) {
	start, w := j, 0
	for q, r := range p[j:k] {
		q += j
		if r > maxRune {
			r = replacement
		}
		rw := int(m.Width[r])
		if w+rw > limit && q > start {
			lines = append(lines, p[start:q])
			start, w = q, 0
		}
		w += rw
	}
	return lines, start, w
}

// fit returns s, shortened with an ellipsis if it is wider than width
// points at style st.
func (fs fonts) fit(s string, st style, width float64) string {
	m := fs[st.face]
	limit := int(width * 1000 / st.size)
	if m.advance(s) <= limit {
		return s
	}
	limit -= m.advance("…")
	w := 0
	for i, r := range s {
		if r > maxRune {
			r = replacement
		}
		if w += int(m.Width[r]); w > limit {
			return strings.TrimRight(s[:i], " ") + "…"
		}
	}
	return s
}
