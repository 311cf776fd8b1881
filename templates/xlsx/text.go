package xlsx

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Row heights. Excel has no "autofit on open" for rows of wrapped text that
// a program wrote, so heights are estimated from the text.
const (
	pointsPerLine = 15.0 / defaultFontSize // line height per point of font size (15 pt for 11 pt text)
	defaultHeight = 15.0                   // Excel's row height for 11 pt text
	maxRowHeight  = 409.0                  // Excel's limit
	boldWidth     = 0.9                    // bold text fits about 10% fewer characters
)

// lines estimates how many lines text takes when wrapped in a cell width
// characters wide (Excel column width units, the width of a digit): each
// paragraph is wrapped greedily at spaces, and a word longer than a line
// breaks across lines.
func lines(text string, width float64) int {
	perLine := int(width)
	if perLine < 1 {
		perLine = 1
	}
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n += paragraphLines(para, perLine)
	}
	return n
}

// paragraphLines counts the lines of one paragraph wrapped at perLine
// characters.
func paragraphLines(para string, perLine int) int {
	n, used := 1, 0
	for _, word := range strings.Fields(para) {
		w := textWidth(word)
		switch {
		case used == 0:
			used = w
		case used+1+w <= perLine:
			used += 1 + w
		default:
			n++
			used = w
		}
		for used > perLine {
			n++
			used -= perLine
		}
	}
	return n
}

// textWidth is the width of s in characters: East Asian ideographs and
// syllables take two.
func textWidth(s string) int {
	w := 0
	for _, r := range s {
		w++
		if unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
			w++
		}
	}
	return w
}

// Page header and footer: Excel's codes and its limit on their length.
const (
	maxHeaderFooter = 255 // UTF-16 code units, as excelize counts them
	pageNumbers     = "Page &P of &N"
	ellipsis        = "…"
)

// pageHeader is the printed page header: sponsor on the left, occupation in
// the centre, RAPIDS code on the right, as on every page of the PDF.
func pageHeader(sponsor, occupation, rapids string) string {
	if rapids != "" {
		rapids = "RAPIDS code: " + rapids
	}
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
