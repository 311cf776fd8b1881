package pdf

import (
	"strings"
	"testing"
)

// testFonts returns the embedded font metrics.
func testFonts(t testing.TB) fonts {
	t.Helper()
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestFontsCoverFormGlyphs(t *testing.T) {
	fs := testFonts(t)
	for _, fc := range []face{regular, bold} {
		for _, r := range "☐☒✔•–—…·" + "ệŁĐΌλЗд" + string(replacement) {
			if !fs[fc].Has[r] || fs[fc].Width[r] == 0 {
				t.Errorf("face %d: no glyph for %q", fc, r)
			}
		}
	}
}

func TestWidthMatchesFontUnits(t *testing.T) {
	fs := testFonts(t)
	st := style{face: regular, size: 10}
	// DejaVu Sans: the space is 651/2048 em, rounded by gofpdf to 318/1000.
	if got := fs.width("  ", st); got != 6.36 {
		t.Errorf("width of two spaces at 10pt = %v, want 6.36", got)
	}
	if fs.width("WWW", style{face: bold, size: 10}) <= fs.width("WWW", st) {
		t.Error("bold W is not wider than regular W")
	}
}

func TestClean(t *testing.T) {
	fs := testFonts(t)
	tests := []struct{ in, want string }{
		{"plain ASCII", "plain ASCII"},
		{"tab\there\r\nnext\rlast", "tab here\nnext\nlast"},
		{"bell\a soft\u00adhyphen zero\u200bwidth", "bell softhyphen zerowidth"},
		{"Vie\u0302\u0323t", "Việt"}, // decomposed to precomposed
		{"emoji 😀 and \U0010FFFF", "emoji \uFFFD and \uFFFD"},
		{"unassigned \u0870", "unassigned \uFFFD"},
	}
	for _, tc := range tests {
		if got := fs.clean(tc.in, regular); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// checkWrap checks that lines are no wider than width and hold the text of
// s, in order, with only spaces changed (words wider than a line are
// broken).
func checkWrap(t *testing.T, fs fonts, s string, st style, width float64, lines []string) {
	t.Helper()
	for i, l := range lines {
		if w := fs.width(l, st); w > width+1e-9 {
			t.Errorf("line %d %q is %.2f wide, more than %.2f", i, l, w, width)
		}
		if l != strings.TrimSpace(l) {
			t.Errorf("line %d %q has spaces at its ends", i, l)
		}
	}
	if got, want := strings.Join(strings.Fields(strings.Join(lines, "")), ""), strings.Join(strings.Fields(s), ""); got != want {
		t.Errorf("wrapped text lost or changed characters:\n got %q\nwant %q", got, want)
	}
}

func TestWrap(t *testing.T) {
	fs := testFonts(t)
	st := style{face: regular, size: 9}
	s := "Enters or confirms code(s) associated with medical diagnosis(es), procedures, and services"
	for _, width := range []float64{40, 100, 200, 1000} {
		lines := fs.wrap(s, st, width)
		checkWrap(t, fs, s, st, width, lines)
		if width == 1000 && len(lines) != 1 {
			t.Errorf("width 1000: %d lines, want 1", len(lines))
		}
		if width == 100 && len(lines) < 3 {
			t.Errorf("width 100: %d lines, want the text wrapped", len(lines))
		}
		if width >= 100 && strings.Join(lines, " ") != s {
			t.Errorf("width %v: words broken or spaces changed: %q", width, lines)
		}
	}
}

func TestWrapKeepsLineBreaksAndBlankLines(t *testing.T) {
	fs := testFonts(t)
	st := style{face: regular, size: 9}
	got := fs.wrap("first\n\nthird  with   spaces\n", st, 500)
	want := []string{"first", "", "third  with   spaces"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wrap = %q, want %q", got, want)
	}
	if got := fs.wrap("  ", st, 500); len(got) != 1 || got[0] != "" {
		t.Errorf("wrap of blank text = %q, want one empty line", got)
	}
}

func TestWrapBreaksLongWords(t *testing.T) {
	fs := testFonts(t)
	st := style{face: bold, size: 9}
	word := strings.Repeat("Łódź", 500)
	lines := fs.wrap("a "+word+" b", st, 120)
	for i, l := range lines {
		if w := fs.width(l, st); w > 120 {
			t.Errorf("line %d is %.2f wide", i, w)
		}
	}
	if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != "a"+word+"b" {
		t.Errorf("long word not kept whole: got %d bytes, want %d", len(got), len(word)+2)
	}
	if len(lines) < 10 {
		t.Errorf("long word took %d lines, want it broken over many", len(lines))
	}
}

func TestFit(t *testing.T) {
	fs := testFonts(t)
	st := style{face: regular, size: 8}
	if got := fs.fit("short", st, 100); got != "short" {
		t.Errorf("fit(short) = %q", got)
	}
	long := strings.Repeat("Revision text ", 100)
	got := fs.fit(long, st, 200)
	if !strings.HasSuffix(got, "…") || fs.width(got, st) > 200 || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("fit(long) = %q (%.1f wide), want a prefix with an ellipsis within 200", got, fs.width(got, st))
	}
}
