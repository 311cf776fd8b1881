package xlsx

import (
	"slices"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// maxCellText is Excel's limit on the text of one cell, in UTF-16 code
// units. excelize silently cuts longer text, so text beyond it continues in
// the rows below instead (see splitRow).
const maxCellText = excelize.TotalCellChars

// splitRow returns the rows that show cells: cells itself when every text
// fits a cell, else a copy with each overlong text cut to fit, followed by
// continuation rows in which that text goes on in the same column (the
// other cells empty, in the same look and span). A text is cut at a space
// where it can be, so no word is broken.
func splitRow(cells []cell) [][]cell {
	var rows [][]cell
	for overlong(cells) {
		row, next := slices.Clone(cells), make([]cell, len(cells))
		for i, c := range cells {
			next[i] = cell{look: c.look, span: c.span}
			if text, ok := c.value.(string); ok && utf16Len(text) > maxCellText {
				row[i].value, next[i].value = cutText(text, maxCellText)
			}
		}
		rows = append(rows, row)
		cells = next
	}
	return append(rows, cells)
}

// overlong reports whether any cell holds more text than a cell can.
func overlong(cells []cell) bool {
	return slices.ContainsFunc(cells, func(c cell) bool {
		text, ok := c.value.(string)
		return ok && utf16Len(text) > maxCellText
	})
}

// cutText splits s after at most limit UTF-16 code units: at the last space
// within the limit, which is dropped, when one falls in its second half;
// else after the last whole character that fits (always at least one).
func cutText(s string, limit int) (head, rest string) {
	units, space := 0, -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		n := 1
		if r >= 0x10000 {
			n = 2 // a surrogate pair
		}
		if units+n > limit {
			switch {
			case space >= 0:
				return s[:space], s[space+1:]
			case i == 0:
				return s[:size], s[size:]
			}
			return s[:i], s[i:]
		}
		if r == ' ' && units >= limit/2 {
			space = i
		}
		units += n
		i += size
	}
	return s, ""
}

// utf16Len is the length of s in UTF-16 code units, as Excel counts.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}
