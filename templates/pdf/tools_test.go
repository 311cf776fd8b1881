package pdf

// These tests read the rendered PDFs with the tools real readers use:
// qpdf (structure), poppler (text, page size) and mupdf (glyphs).

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// requireTools skips the test when a PDF tool is missing (fails it in CI).
func requireTools(t *testing.T) {
	t.Helper()
	templatestest.NeedTools(t, "qpdf", "pdftotext", "pdfinfo", "mutool")
}

// run runs a tool and returns its standard output.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out, stderr)
	}
	return string(out)
}

// normalize collapses all runs of white space into single spaces.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// pageCount returns the number of pages pdfinfo reports, checking that
// they are US Letter.
func pageCount(t *testing.T, path string) int {
	t.Helper()
	info := run(t, "pdfinfo", path)
	if !strings.Contains(info, "612 x 792 pts") {
		t.Errorf("page size is not US Letter:\n%s", info)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo reports no page count:\n%s", info)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// pageTexts returns the text pdftotext extracts from each page.
func pageTexts(t *testing.T, path string) []string {
	t.Helper()
	n := pageCount(t, path)
	texts := make([]string, n)
	for p := 1; p <= n; p++ {
		texts[p-1] = normalize(run(t, "pdftotext", "-raw", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), path, "-"))
	}
	return texts
}

// checkReaders runs the reader checks on a rendered document and returns
// the text of its pages.
func checkReaders(t *testing.T, path string) []string {
	t.Helper()
	run(t, "qpdf", "--check", path)
	texts := pageTexts(t, path)
	for i, text := range texts {
		if want := fmt.Sprintf("Page %d of %d", i+1, len(texts)); !strings.Contains(text, want) {
			t.Errorf("page %d lacks %q: %s", i+1, want, text)
		}
	}
	trace := run(t, "mutool", "trace", path)
	if !strings.Contains(trace, "<g unicode=") {
		t.Fatal("mutool trace shows no glyphs")
	}
	if tofu := regexp.MustCompile(`<g unicode="([^"]*)" glyph="0"`).FindAllStringSubmatch(trace, -1); len(tofu) > 0 {
		t.Errorf("%d characters drawn as empty boxes, e.g. %q", len(tofu), tofu[0][1])
	}
	return texts
}

// expectedTexts returns the texts of l a reader must find in its PDF.
func expectedTexts(l *templates.Layout) []string {
	want := []string{l.Header.Sponsor, l.Footer.Revision}
	for _, h := range templatestest.Blocks[*templates.Heading](l) {
		want = append(want, h.Text)
	}
	for _, f := range templatestest.Fields(l, "") {
		want = append(want, f.Label+":", f.Value)
		for _, c := range f.Boxes {
			want = append(want, templates.Box(c.Checked)+" "+c.Label)
		}
	}
	for _, jf := range templatestest.JobFunctions(l) {
		want = append(want, jf.Title)
		for _, r := range jf.Rows {
			want = append(want, r.Cells[0].Prefix+" "+r.Cells[0].Text)
		}
	}
	if tb := templatestest.Table(l, "OJL_Totals"); tb != nil {
		for _, r := range tb.Rows {
			want = append(want, r.Cells[0].Text, r.Cells[1].Text)
		}
	}
	for _, r := range templatestest.Table(l, "RTI_Courses").Rows {
		switch r.Kind {
		case templates.RowGroup:
			want = append(want, r.Cells[0].Text)
		case templates.RowBody:
			want = append(want, r.Cells[0].Text, r.Cells[1].Text, r.Cells[2].Text)
			for _, o := range r.Cells[3].Items {
				want = append(want, "• "+o)
			}
		default: // subtotals, the total, the hours per year
			want = append(want, r.Cells[1].Text)
		}
	}
	sig := templatestest.Signature(l)
	want = append(append(want, "Hours per year"), sig.SponsorLines...)
	return append(append(want, sig.AgencyTitle), sig.AgencyLines...)
}

func TestReadersFindEveryText(t *testing.T) {
	requireTools(t)
	for name, d := range map[string]*templates.Layout{
		"sample":     templatestest.Sample(),
		"large":      templatestest.Large(40, 12),
		"full-faces": fullFacesDocument(),
	} {
		t.Run(name, func(t *testing.T) {
			texts := checkReaders(t, writePDF(t, d, name+".pdf"))
			all := strings.Join(texts, " ")
			for _, want := range expectedTexts(d) {
				if want = normalize(want); want != "" && !strings.Contains(all, want) {
					t.Errorf("text %q not found by pdftotext", want)
				}
			}
		})
	}
}

func TestReadersSeeRepeatedTableHeader(t *testing.T) {
	requireTools(t)
	// Tables of 40 rows run over a page: each continues on the next.
	texts := checkReaders(t, writePDF(t, templatestest.Large(6, 40), "large.pdf"))
	if len(texts) < 3 {
		t.Fatalf("large document has %d pages", len(texts))
	}
	continued := 0
	for i, text := range texts[1:] {
		if !strings.Contains(text, "(continued)") {
			continue
		}
		continued++
		if !strings.Contains(text, "Competencies Core or Optional RTI OJT") {
			t.Errorf("page %d continues a table without its header: %s", i+2, text)
		}
	}
	if continued < 3 {
		t.Errorf("%d pages continue a table, want at least 3", continued)
	}
}

func TestReadersFindLongTextWhole(t *testing.T) {
	if os.Getenv("CI") == "" {
		t.Skip("three readers over a 100,000-character document (seconds); set CI=1 to run it")
	}
	requireTools(t)
	d := longDocument()
	texts := checkReaders(t, writePDF(t, d, "long.pdf"))
	all := strings.Join(texts, " ")
	if missing := inOrder(all, strings.Fields(templatestest.Table(d, "JF_1").Rows[0].Cells[0].Text)); missing != "" {
		t.Errorf("100,000-character competency: %q missing or out of order", missing)
	}
	if got := strings.Count(all, "x"); got < 100_000 {
		t.Errorf("100,000-character word: %d characters extracted", got)
	}
}

func TestReadersHandleHostileText(t *testing.T) {
	requireTools(t)
	texts := checkReaders(t, writePDF(t, hostileDocument(), "hostile.pdf"))
	if all := strings.Join(texts, " "); !strings.Contains(all, "\uFFFD") || !strings.Contains(all, "Coder") {
		t.Errorf("unprintable characters not shown as U+FFFD, or text lost: %s", all)
	}
}
