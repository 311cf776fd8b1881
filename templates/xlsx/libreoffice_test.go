package xlsx_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/pdf"
	"github.com/wpsgen/wpsgen/templates/templatestest"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// TestLibreOfficePageCounts prints every example and test program's
// workbook with LibreOffice and compares its page count with the PDF's and
// with printedPages, the counts when it was last measured: a workbook that
// prints on more pages than there is a regression (rows estimated taller
// than they print, a break chosen too early); one on fewer says to lower
// the table. The workbook may take a page more than the PDF: its landscape
// page holds 504 points of rows where the PDF's portrait page holds about
// 700, so a long Work Process Schedule runs a page longer.
func TestLibreOfficePageCounts(t *testing.T) {
	if os.Getenv("CI") == "" {
		t.Skip("printing every workbook with LibreOffice takes about 15 s: CI=true runs it")
	}
	templatestest.NeedTools(t, "soffice", "pdfinfo")
	paths, err := templatestest.Programs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var workbooks []string
	for _, path := range paths {
		res, err := framework.NewLoader().Validate(path)
		if err != nil || res.Schedule == nil {
			t.Fatalf("%s: %v", path, err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		l := templates.Build(res.Schedule, name)
		var p, x bytes.Buffer
		if err := pdf.Render(&p, l, pdf.Options{Created: created}); err != nil {
			t.Fatal(err)
		}
		if err := xlsx.Render(&x, l, xlsx.Options{Created: created}); err != nil {
			t.Fatal(err)
		}
		for ext, b := range map[string][]byte{".pdf": p.Bytes(), ".xlsx": x.Bytes()} {
			if err := os.WriteFile(filepath.Join(dir, name+ext), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		workbooks = append(workbooks, filepath.Join(dir, name+".xlsx"))
	}
	printed := filepath.Join(dir, "printed")
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", printed}, workbooks...)
	if out, err := exec.Command("soffice", args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, wb := range workbooks {
		name := strings.TrimSuffix(filepath.Base(wb), ".xlsx")
		if _, err := os.Stat(filepath.Join(printed, name+".pdf")); err != nil {
			t.Fatalf("LibreOffice printed no %s.pdf: is its spreadsheet (libreoffice-calc-nogui) installed?", name)
		}
		pdfPages, got := pages(t, filepath.Join(dir, name+".pdf")), pages(t, filepath.Join(printed, name+".pdf"))
		t.Logf("%s: PDF %d pages, workbook printed by LibreOffice %d", name, pdfPages, got)
		want, ok := printedPages[name]
		switch {
		case !ok:
			t.Errorf("%s: no page count in printedPages (it prints on %d)", name, got)
		case got > want:
			t.Errorf("%s: the workbook prints on %d pages, %d when last measured (the PDF on %d)", name, got, want, pdfPages)
		case got < want:
			t.Errorf("%s: the workbook prints on %d pages: lower printedPages from %d", name, got, want)
		}
		if got > pdfPages+1 {
			t.Errorf("%s: the workbook prints on %d pages, the PDF on %d", name, got, pdfPages)
		}
	}
}

// printedPages is how many pages each program's workbook prints on with
// LibreOffice (the PDF's in the comment). Row heights were Excel's default
// 15 points for a line of 9-point text and 30 points for a line to sign,
// which printed 4 of these on a page more, the plumber on two (9 pages).
var printedPages = map[string]int{
	"ehr-specialist-hybrid":       5,  // PDF 5
	"elevator-0174":               6,  // 6
	"medical-coder-cb":            7,  // 7
	"medical-coder-roi":           7,  // 7
	"pharmacy-technician":         5,  // 6
	"plumber-0432HY":              8,  // 7: the schedule's 1,567 points of rows take 4 landscape pages
	"data-analyst-2099CB":         6,  // 6
	"hvac-0637HY":                 8,  // 8
	"hybrid-28-work-processes":    10, // 10
	"pipe-fitter-0414S-R":         8,  // 8
	"time-based-unicode-decimals": 6,  // 6
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// pages is the page count of a PDF.
func pages(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	m := pagesLine.FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo %s: no page count", path)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}
