package xlsx

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
)

// units is the length of s in UTF-16 code units, as Excel counts a cell.
func units(s string) int { return len(utf16.Encode([]rune(s))) }

// TestPieces: the source is cut into cells Excel accepts, at line ends
// where it can, and nothing is lost or added.
func TestPieces(t *testing.T) {
	line := strings.Repeat("x", 99) + "\n" // 100 units a line
	emoji := "\U0001F600"                  // two units
	for _, tc := range []struct {
		name string
		text string
		want []int // the pieces' lengths in units
	}{
		{"empty", "", nil},
		{"short", "kind: program\n", []int{14}},
		{"exactly a cell", strings.Repeat("a", sourcePiece), []int{sourcePiece}},
		{"one unit over, no line end", strings.Repeat("a", sourcePiece+1), []int{sourcePiece, 1}},
		{"cut after the last line end", strings.Repeat(line, 301), []int{sourcePiece, 100}},
		{"a line end at the very start is not a cut", "\n" + strings.Repeat("a", sourcePiece), []int{sourcePiece, 1}},
		{"two units a character", strings.Repeat(emoji, sourcePiece/2+1), []int{sourcePiece, 2}},
		{"a two-unit character is not split", "a" + strings.Repeat(emoji, sourcePiece/2), []int{sourcePiece - 1, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := pieces(tc.text)
			var lens []int
			for _, p := range got {
				lens = append(lens, units(p))
			}
			if strings.Join(got, "") != tc.text || len(lens) != len(tc.want) {
				t.Fatalf("pieces: lengths %v, want %v (joined equal: %t)", lens, tc.want, strings.Join(got, "") == tc.text)
			}
			for i := range lens {
				if lens[i] != tc.want[i] {
					t.Errorf("piece %d: %d units, want %d", i, lens[i], tc.want[i])
				}
			}
		})
	}
}

// TestPiecesRandom checks the rules on random texts of ASCII, Greek,
// line ends and characters outside the Basic Multilingual Plane: every
// piece fits a cell, the pieces make the text, and a piece that is not the
// last ends at a line end whenever its cell had one past its start.
func TestPiecesRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", " ", "\n", "λ", "\U0001F600"}
	for range 40 {
		var b strings.Builder
		for range rng.IntN(4 * sourcePiece) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		got := pieces(text)
		if strings.Join(got, "") != text {
			t.Fatal("the pieces do not make the text")
		}
		for i, p := range got {
			if units(p) > sourcePiece {
				t.Fatalf("piece %d has %d units", i, units(p))
			}
			if i == len(got)-1 {
				continue
			}
			// The cut was made at the cell's last line end past its start.
			if !strings.HasSuffix(p, "\n") && strings.IndexByte(p[1:], '\n') >= 0 {
				t.Fatalf("piece %d holds a line end but is not cut after it", i)
			}
		}
	}
}

// TestPiecesLinear: cutting reads the text once. Cutting it the way it
// was once done (counting and converting all the rest of the text for
// every cell) allocated gigabytes for a source of a few megabytes.
func TestPiecesLinear(t *testing.T) {
	text := strings.Repeat("abcdefghi\n", 400_000) // 4 MB, 134 cells
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got := pieces(text)
	runtime.ReadMemStats(&after)
	if len(got) < 100 {
		t.Fatalf("%d pieces", len(got))
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("cutting a 4 MB source allocated %d bytes; it needs only the list of pieces", alloc)
	}
}
