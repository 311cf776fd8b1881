package xlsx

import (
	"strings"
	"testing"
)

// rejoin reassembles the texts of column i of split rows: a chunk that was
// cut at a space lost that space, one cut inside a word did not.
func rejoin(rows [][]cell, i int, original string) string {
	var b strings.Builder
	for _, r := range rows {
		text, _ := r[i].value.(string)
		if b.Len() > 0 && !strings.HasPrefix(original[b.Len():], text) {
			b.WriteByte(' ')
		}
		b.WriteString(text)
	}
	return b.String()
}

func TestSplitRowKeepsShortRows(t *testing.T) {
	cells := []cell{{value: "A"}, {value: strings.Repeat("x", maxCellText), look: lookText}, {value: 12.5}}
	rows := splitRow(cells)
	if len(rows) != 1 || &rows[0][0] != &cells[0] {
		t.Fatalf("a row whose texts fit was changed: %d rows", len(rows))
	}
}

func TestSplitRowContinuesLongText(t *testing.T) {
	words := strings.Repeat("patient record Łódź audit ", 4000) // 104,000 characters
	long := strings.Repeat("x", 2*maxCellText+10)               // one word, no space to cut at
	emoji := strings.Repeat("😀", maxCellText)                   // two UTF-16 units each
	cells := []cell{
		{value: "A", look: lookCenter}, {value: words, look: lookText, span: 2}, {value: 10.0, look: lookNumber},
		{value: long, look: lookText}, {value: emoji, look: lookText},
	}
	rows := splitRow(cells)
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4 (the words need 4 cells)", len(rows))
	}
	if cells[1].value != words {
		t.Error("splitRow modified the cells it was given")
	}
	for i, want := range map[int]string{1: words, 3: long, 4: emoji} {
		if got := rejoin(rows, i, want); got != want {
			t.Errorf("column %d does not reassemble: %d characters of %d", i, len(got), len(want))
		}
	}
	for n, r := range rows {
		if len(r) != len(cells) {
			t.Fatalf("row %d has %d cells, want %d", n, len(r), len(cells))
		}
		for i, c := range r {
			if text, ok := c.value.(string); ok && utf16Len(text) > maxCellText {
				t.Errorf("row %d cell %d holds %d UTF-16 units", n, i, utf16Len(text))
			}
			if c.look != cells[i].look || c.span != cells[i].span {
				t.Errorf("row %d cell %d lost its look or span", n, i)
			}
		}
		if n > 0 && (r[0].value != nil || r[2].value != nil) {
			t.Errorf("continuation row %d repeats the other cells: %v %v", n, r[0].value, r[2].value)
		}
	}
	if head := rows[0][1].value.(string); !strings.HasPrefix(words, head) || words[len(head)] != ' ' {
		t.Errorf("the words were not cut at a space: ...%q", head[len(head)-20:])
	}
}

func TestCutText(t *testing.T) {
	for _, tc := range []struct {
		s, head, rest string
		limit         int
	}{
		{"abc def", "abc def", "", 7},
		{"abc def", "abc", "def", 5},      // at the space, which is dropped
		{"abcdefgh", "abcde", "fgh", 5},   // no space: after the last character that fits
		{"a bcdefgh", "a bcd", "efgh", 5}, // a space in the first half is not worth it
		{"😀😀😀", "😀😀", "😀", 5},             // never half a surrogate pair
		{"😀x", "😀", "x", 1},               // at least one character
	} {
		head, rest := cutText(tc.s, tc.limit)
		if head != tc.head || rest != tc.rest {
			t.Errorf("cutText(%q, %d) = %q, %q; want %q, %q", tc.s, tc.limit, head, rest, tc.head, tc.rest)
		}
	}
}
