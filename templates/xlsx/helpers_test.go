package xlsx

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func TestLines(t *testing.T) {
	tests := []struct {
		text  string
		width float64
		want  int
	}{
		{"", 10, 1},
		{"abc def", 7, 1},
		{"abc def", 6, 2},
		{"abc def ghi", 7, 2},
		{"a\nb\n\nc", 10, 4},
		{strings.Repeat("x", 25), 10, 3}, // a word longer than a line breaks
		{"word " + strings.Repeat("x", 12), 10, 3},
		{"漢字漢字漢字", 6, 2}, // ideographs are two characters wide
		{"abc", 0.5, 3},  // narrower than a character: one per line
	}
	for _, tt := range tests {
		if got := lines(tt.text, tt.width); got != tt.want {
			t.Errorf("lines(%q, %v) = %d, want %d", tt.text, tt.width, got, tt.want)
		}
	}
}

func TestPageHeaderEscapesAndFits(t *testing.T) {
	h := pageHeader("Smith & Sons", "Medical Coder", "1114HY")
	if want := "&LSmith && Sons&CMedical Coder&RRAPIDS code: 1114HY"; h != want {
		t.Errorf("pageHeader = %q, want %q", h, want)
	}
	if h := pageHeader("S", "O", ""); strings.Contains(h, "RAPIDS") {
		t.Errorf("pageHeader without a RAPIDS code = %q", h)
	}

	long := strings.Repeat("Bệnh viện & 𝔘 ", 100) // accents, ampersands, a character outside the BMP
	h = pageHeader(long, "Medical Coder", "1114HY")
	if n := len(utf16.Encode([]rune(h))); n > maxHeaderFooter {
		t.Errorf("long header has %d UTF-16 units, limit %d", n, maxHeaderFooter)
	}
	if !strings.Contains(h, ellipsis+"&CMedical Coder&RRAPIDS code: 1114HY") {
		t.Errorf("long header lost its short sections or its ellipsis: %q", h)
	}
	if strings.Contains(strings.ReplaceAll(h, "&&", ""), "& ") {
		t.Errorf("an ampersand of the text is no longer escaped: %q", h)
	}

	f := pageFooter(strings.Repeat("r", 1000))
	if n := len(utf16.Encode([]rune(f))); n > maxHeaderFooter || !strings.HasSuffix(f, "&R"+pageNumbers) {
		t.Errorf("long footer (%d units) = %q", n, f)
	}
}

func TestShorten(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"abcd", 1, "abc…"},
		{"abc…", 2, "a…"},
		{"abc…", 0, "ab…"},
		{"a…", 1, ""},
		{"ab", 5, ""},
	}
	for _, tt := range tests {
		if got := shorten(tt.s, tt.n); got != tt.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

func TestSumFormula(t *testing.T) {
	if got := sumFormula(nil); got != "0" {
		t.Errorf("sumFormula(nil) = %q", got)
	}
	if got := sumFormula([]string{"C5:C9", "C12:C12"}); got != "SUM(C5:C9,C12:C12)" {
		t.Errorf("sumFormula = %q", got)
	}
	var refs []string
	for i := 1; i <= 600; i++ {
		refs = append(refs, cellRef(3, i))
	}
	got := sumFormula(refs)
	if !strings.HasPrefix(got, "SUM(SUM(C1,") || strings.Count(got, "SUM(") != 4 {
		t.Errorf("600 references should nest as SUM of three SUMs: %.60q…", got)
	}
	for _, part := range strings.Split(got, "SUM(")[1:] {
		args, _, _ := strings.Cut(part, ")") // the references of an innermost SUM
		if n := strings.Count(args, ",") + 1; args != "" && n > maxArgs {
			t.Errorf("a SUM has %d arguments, Excel allows %d", n, maxArgs)
		}
	}
	for _, r := range refs {
		if strings.Count(got, r+",")+strings.Count(got, r+")") != 1 {
			t.Fatalf("reference %s is not summed exactly once", r)
		}
	}
}

func TestDropListSqref(t *testing.T) {
	l := &dropList{}
	for _, c := range [][2]int{{4, 5}, {3, 7}, {3, 5}, {3, 6}, {3, 10}, {4, 6}} {
		l.add(c[0], c[1])
	}
	if got, want := l.sqref(), "C5:C7 C10 D5:D6"; got != want {
		t.Errorf("sqref = %q, want %q", got, want)
	}
}

func TestSheetFitsWrappedText(t *testing.T) {
	s := &sheet{widths: []float64{10, 20}}
	if h := s.fit([]cell{{value: "short", look: lookText}}); h != 0 {
		t.Errorf("one line: height %v, want default (0)", h)
	}
	// 3 lines in a merged span 30 wide.
	text := strings.Repeat("abcdefghi ", 9)
	if h, want := s.fit([]cell{{value: text, look: lookText, span: 2}}), 3*defaultHeight; h != want {
		t.Errorf("merged span: height %v, want %v", h, want)
	}
	// The same text in the first column alone takes 9 lines.
	if h, want := s.fit([]cell{{value: text, look: lookText}}), 9*defaultHeight; h != want {
		t.Errorf("one column: height %v, want %v", h, want)
	}
	// Text that does not wrap stays on one line however long.
	if h := s.fit([]cell{{value: text, look: lookHours}}); h != 0 {
		t.Errorf("unwrapped text: height %v, want default", h)
	}
	if h := s.fit([]cell{{value: strings.Repeat("x ", 5000), look: lookText}}); h != maxRowHeight {
		t.Errorf("huge text: height %v, want Excel's limit %v", h, maxRowHeight)
	}
}
