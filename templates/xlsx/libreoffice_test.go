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
// workbook with LibreOffice and compares its page count with the PDF's:
// the workbook may take a page more (its font is larger on a landscape
// page, and a table's title, header and first rows never split), and a
// page more for each sheet after the second (each sheet, like each part
// of the PDF, starts a page, and the two documents' last partly filled
// pages of a part differ), never more than that.
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
	sheets := map[string]int{}
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
		sheets[name] = len(l.Parts)
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
		want, got := pages(t, filepath.Join(dir, name+".pdf")), pages(t, filepath.Join(printed, name+".pdf"))
		t.Logf("%s: PDF %d pages, workbook printed by LibreOffice %d", name, want, got)
		if got > want+max(1, sheets[name]-1) {
			t.Errorf("%s: the workbook prints on %d pages, the PDF on %d", name, got, want)
		}
	}
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
