package xlsx

import (
	"math"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/wpsgen/wpsgen/templates/font"
)

func TestLines(t *testing.T) {
	// Widths in points at 10 pt: DejaVu Sans's "x" is 6.02 pt wide, its
	// space 3.18 pt, "漢" (a fallback as wide as "M") 8.63 pt.
	x := font.Advance('x', false) * 10
	tests := []struct {
		text  string
		width float64
		want  int
	}{
		{"", 100, 1},
		{"xxx xxx", 7*x + 1, 1},
		{"xxx xxx", 6 * x, 2},
		{"xxx xxx xxx", 7*x + 1, 2},
		{"a\nb\n\nc", 100, 4},
		{strings.Repeat("x", 25), 10*x + 0.1, 3}, // a word longer than a line breaks
		{"word " + strings.Repeat("x", 12), 10*x + 0.1, 3},
	}
	for _, tt := range tests {
		if got := lines(tt.text, tt.width, 10, false); got != tt.want {
			t.Errorf("lines(%q, %v) = %d, want %d", tt.text, tt.width, got, tt.want)
		}
	}
	// Bold text is wider: a line of regular text may need two in bold.
	text := strings.Repeat("wide ", 20)
	width := font.Width(text, false) * 10
	if r, b := lines(text, width, 10, false), lines(text, width, 10, true); r != 1 || b != 2 {
		t.Errorf("regular %d lines, bold %d; want 1 and 2", r, b)
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

// Readers print the header's parts on one line: the sponsor from the left
// margin, the occupation centred, the RAPIDS code up to the right margin.
// However long the names, the parts end before the next begins.
func TestPageHeaderPartsNeverOverlap(t *testing.T) {
	sponsor := "Northern Minnesota Plumbing, Pipefitting and Mechanical Contractors Joint Apprenticeship Trust"
	for _, tc := range []struct{ sponsor, occupation, rapids string }{
		{sponsor, "Plumber", "0432HY"},
		{sponsor, "Heating, Ventilation, Air Conditioning and Refrigeration Mechanic (Commercial)", "0637HY"},
		{strings.Repeat("W", 90), strings.Repeat("W", 90), strings.Repeat("W", 90)},
		{"Smith & Sons", "Medical Coder", ""},
	} {
		h := pageHeader(tc.sponsor, tc.occupation, tc.rapids)
		m := regexp.MustCompile(`^&L(.*)&C(.*)&R(.*)$`).FindStringSubmatch(strings.ReplaceAll(h, "&&", "\x00"))
		if m == nil {
			t.Fatalf("header %q has not three parts", h)
		}
		var parts [3]string
		for i := range parts {
			parts[i] = strings.ReplaceAll(m[i+1], "\x00", "&")
		}
		left, centre, right := headerTextWidth(parts[0]), headerTextWidth(parts[1]), headerTextWidth(parts[2])
		centreStart, centreEnd := (printableWidth-centre)/2, (printableWidth+centre)/2
		if left > centreStart-headerGap || printableWidth-right < centreEnd+headerGap {
			t.Errorf("parts overlap: %q ends at %.0f pt, %q spans %.0f-%.0f, %q starts at %.0f (printable width %.0f)",
				parts[0], left, parts[1], centreStart, centreEnd, parts[2], printableWidth-right, printableWidth)
		}
		if parts[0] != tc.sponsor && (!strings.HasSuffix(parts[0], ellipsis) || !strings.HasPrefix(tc.sponsor, strings.TrimSuffix(parts[0], ellipsis))) {
			t.Errorf("sponsor %q printed as %q, not its beginning and an ellipsis", tc.sponsor, parts[0])
		}
	}
	if h := pageHeader(sponsor, "Plumber", "0432HY"); !strings.Contains(h, "Northern Minnesota Plumbing, Pipefitting") {
		t.Errorf("a long sponsor is shortened more than needed: %q", h)
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
	size := lookText.fontSize()
	one := lineHeight(1, size)
	if h, est := s.fit([]cell{{value: "short", look: lookText}}); h != one || est != one {
		t.Errorf("one line: height %v, estimate %v; want %v", h, est, one)
	}
	if h, est := s.fit([]cell{{value: 12.5, look: lookNumber}}); h != one || est != one {
		t.Errorf("a number: height %v, estimate %v; want %v", h, est, one)
	}
	if h, est := s.fit(nil); h != blankHeight || est != blankHeight {
		t.Errorf("an empty row: height %v, estimate %v; want the gap %v", h, est, blankHeight)
	}
	text := strings.Repeat("abcdefghi ", 9)
	h, est := s.fit([]cell{{value: text, look: lookText, span: 2}})
	n := lines(text, columnPoints(10)+columnPoints(20)-cellPadding, size, false)
	if want := lineHeight(n, size); n < 2 || h != want || est != want {
		t.Errorf("merged span: height %v, estimate %v, want %v (%d lines)", h, est, want, n)
	}
	// The same text in the first column alone takes more lines.
	if h2, est2 := s.fit([]cell{{value: text, look: lookText}}); est2 <= est || h2 != est2 {
		t.Errorf("one column: height %v, estimate %v, want over %v", h2, est2, est)
	}
	// Text that does not wrap stays on one line however long.
	if h, est := s.fit([]cell{{value: text, look: lookNumber}}); h != one || est != one {
		t.Errorf("unwrapped text: height %v, estimate %v", h, est)
	}
	if h, _ := s.fit([]cell{{value: strings.Repeat("x ", 5000), look: lookText, span: 2}}); h != maxRowHeight {
		t.Errorf("huge text: height %v, want Excel's limit %v", h, maxRowHeight)
	}
}

// TestLineHeightHoldsTheReadersText: a row is never shorter than the
// height LibreOffice Calc gives its lines of DejaVu Sans (its optimal row
// height, measured on a flat ODS with 1 to 10 lines at 9, 12 and 14
// points), nor a tenth and a line taller, which prints pages more.
func TestLineHeightHoldsTheReadersText(t *testing.T) {
	for _, c := range []struct {
		size float64
		n    int
		lo   float64 // LibreOffice 7's optimal row height, points
	}{
		{9, 1, 12.8}, {9, 2, 22.35}, {9, 3, 32.8}, {9, 5, 53.7}, {9, 10, 105.95},
		{12, 1, 15.65}, {12, 2, 29.85}, {12, 10, 143.25},
		{14, 1, 17.9}, {14, 2, 34.3}, {14, 10, 165.65},
	} {
		h := lineHeight(c.n, c.size)
		if h < c.lo || h > c.lo*1.1+c.size {
			t.Errorf("%d lines at %v pt: %v pt, LibreOffice's %v", c.n, c.size, h, c.lo)
		}
		if px := h / pixel; px != math.Trunc(px) {
			t.Errorf("%d lines at %v pt: %v pt is not whole pixels", c.n, c.size, h)
		}
	}
}

func TestNameable(t *testing.T) {
	for id, want := range map[string]bool{
		"JF_1": true, "JF_S1": true, "RTI_Courses": true, "_x": true,
		"": false, "A1": false, "xfd1048576": false, "R1C1": false, "r": false, "C": false,
		"1st": false, "JF-1": false, "Wage Steps": false, "Łódź": false,
	} {
		if got := nameable(id); got != want {
			t.Errorf("nameable(%q) = %v, want %v", id, got, want)
		}
	}
}
