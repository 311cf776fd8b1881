package xlsx

import (
	"math"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/wpsgen/wpsgen/templates/font"
)

// Row heights. Readers do not size rows to their text when they open a
// file (LibreOffice keeps the default height; no reader sizes merged
// cells), so every row gets a height estimated from its text. The workbook marks none of them as set by hand (see
// orderedZip), so a reader fits the row again when its text is edited.
//
// The heights are those the readers give the text themselves: LibreOffice's
// optimal height for DejaVu Sans is 1.15 to 1.18 em a line and 1.5 to 2.5
// points more (12.8 points for one 9-point line, 105.95 for ten), Excel's
// the font's 1.164 em rounded to pixels and a pixel or two. The sheet's
// default 15 points (Excel's for Calibri 11) made a one-line row a sixth
// taller than its text and the workbook print on pages more than the PDF.
const (
	pointsPerLine = 1.2   // line height per point of font size (DejaVu Sans's 1.164 em and a little)
	rowPadding    = 2.5   // points a row has over its lines
	blankHeight   = 7.5   // an empty row between blocks: a gap, as in the PDF, not a line
	pixel         = 0.75  // Excel keeps row heights in whole pixels: points at 96 per inch
	maxRowHeight  = 409.0 // Excel's limit
	cellPadding   = 7.0   // points of a cell's width that hold no text (margins, rounding)
	// widthFontSize is the size of the workbook's default font (excelize's
	// 11 pt, renamed to DejaVu Sans), whose digit is the unit of column
	// widths.
	widthFontSize = 11.0
)

// digitPixels is the width of a digit of the default font in pixels at 96
// per inch, as Excel rounds it: the unit of column widths.
// It is read once, on first use, so that commands that draw no workbook
// never load the font.
var digitPixels = sync.OnceValue(func() float64 {
	return math.Round(font.Advance('0', false) * widthFontSize * 96 / 72)
})

// columnPoints is the width in points of a column width digits wide: a
// digit's pixels per unit plus 5 of padding, at 96 pixels to the inch.
func columnPoints(width float64) float64 { return 0.75 * (digitPixels()*width + 5) }

// fit returns the height to write for a row of cells (0 lets the reader
// size it) and the height it is estimated to take.
func (s *sheet) fit(cells []cell) (height, est float64) {
	col := 0
	for _, c := range cells {
		width := 0.0
		for i := col; i < col+c.columns() && i < len(s.widths); i++ {
			width += columnPoints(s.widths[i])
		}
		col += c.columns()
		text, isText := c.value.(string)
		if c.formula == "" && (c.value == nil || isText && text == "") {
			continue
		}
		d := looks[c.look]
		n := 1
		if isText && d.wrap {
			n = lines(text, width-cellPadding, c.look.fontSize(), d.bold)
		}
		est = max(est, lineHeight(n, c.look.fontSize()))
	}
	if est == 0 {
		est = blankHeight
	}
	// Every row gets its height, one-line rows too: readers differ on the
	// default height, and page breaks are chosen for these.
	est = min(est, maxRowHeight)
	return est, est
}

// lineHeight is the height of a row of n lines at size points, rounded up
// to a whole pixel.
func lineHeight(n int, size float64) float64 {
	return math.Ceil((float64(n)*size*pointsPerLine+rowPadding)/pixel) * pixel
}

// lines estimates how many lines text takes when wrapped in width points
// at size points, with DejaVu Sans's advance widths: each paragraph is
// wrapped greedily at spaces, and a word longer than a line breaks across
// lines.
func lines(text string, width, size float64, bold bool) int {
	width = max(width, size)
	space := font.Advance(' ', bold) * size
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		used := 0.0
		for _, word := range strings.Fields(para) {
			w := font.Width(word, bold) * size
			switch {
			case used == 0:
				used = w
			case used+space+w <= width:
				used += space + w
			default:
				n++
				used = w
			}
			for used > width {
				n++
				used -= width
			}
		}
	}
	return n
}

// Page header and footer: Excel's codes and its limit on their length.
const (
	maxHeaderFooter = 255 // UTF-16 code units, as excelize counts them
	pageNumbers     = "Page &P of &N"
	ellipsis        = "…"
)

// Room for the printed page header's parts, in points: readers print the
// three parts on one line and never wrap them (the centre part centred on
// the page, the others at the margins), so a long part runs over the next.
const (
	printableWidth = (11 - 2*marginSide) * 72 // landscape US Letter
	headerGap      = 12.0                     // kept free between two parts
)

// pageHeader is the printed page header: sponsor on the left, occupation in
// the centre, RAPIDS code on the right, as on every page of the PDF. Each
// part is shortened with an ellipsis to the room its neighbours leave,
// measured in the workbook's default font (DejaVu Sans, wider than the
// fonts readers put in its place): the occupation to a third of the
// printable width, the sponsor and the RAPIDS code to half of what the
// occupation leaves. The cover fields print the names whole.
func pageHeader(sponsor, occupation, rapids string) string {
	if rapids != "" {
		rapids = "RAPIDS code: " + rapids
	}
	occupation = fitWidth(occupation, printableWidth/3)
	side := (printableWidth-headerTextWidth(occupation))/2 - headerGap
	sponsor, rapids = fitWidth(sponsor, side), fitWidth(rapids, side)
	return fitSections([]string{sponsor, occupation, rapids}, func(t []string) string {
		return "&L" + escapeHeader(t[0]) + "&C" + escapeHeader(t[1]) + "&R" + escapeHeader(t[2])
	})
}

// pageFooter is the printed page footer: the revision on the left, "Page X
// of Y" on the right.
func pageFooter(revision string) string {
	return fitSections([]string{revision}, func(t []string) string {
		return "&L" + escapeHeader(t[0]) + "&R" + pageNumbers
	})
}

// headerTextWidth is the printed width of a header part in points.
func headerTextWidth(s string) float64 { return font.Width(s, false) * widthFontSize }

// fitWidth returns s, shortened to end with an ellipsis if it is wider than
// width points in the header.
func fitWidth(s string, width float64) string {
	if headerTextWidth(s) <= width {
		return s
	}
	width -= headerTextWidth(ellipsis)
	w := 0.0
	for i, r := range s {
		if w += font.Advance(r, false) * widthFontSize; w > width {
			return strings.TrimRight(s[:i], " ") + ellipsis
		}
	}
	return s
}

// escapeHeader makes text literal in a header or footer, where "&" starts a
// code.
func escapeHeader(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// fitSections builds a header or footer from texts, shortening the longest
// text (ending it with an ellipsis) until the result fits Excel's limit. It
// does not modify texts.
func fitSections(texts []string, build func([]string) string) string {
	t := append([]string(nil), texts...)
	for {
		s := build(t)
		excess := len(utf16.Encode([]rune(s))) - maxHeaderFooter
		i := longest(t)
		if excess <= 0 || t[i] == "" {
			return s
		}
		t[i] = shorten(t[i], excess)
	}
}

// longest returns the index of the longest text.
func longest(texts []string) int {
	best := 0
	for i, s := range texts {
		if utf8.RuneCountInString(s) > utf8.RuneCountInString(texts[best]) {
			best = i
		}
	}
	return best
}

// shorten drops n characters (at least one) from the end of s, before the
// ellipsis it ends with: shorten("abcd", 1) = "abc…", shorten("abc…", 2) =
// "a…"; nothing is left once fewer than two characters would be.
func shorten(s string, n int) string {
	r := []rune(strings.TrimSuffix(s, ellipsis))
	keep := len(r) - max(n, 1)
	if keep < 1 {
		return ""
	}
	return string(r[:keep]) + ellipsis
}
