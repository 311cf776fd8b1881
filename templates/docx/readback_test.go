package docx

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// missing skips outside CI and fails in CI, where .ci/run installs the
// readers these tests use.
func missing(t *testing.T, what, pkg string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing in CI; .ci/run installs it (apt-get install -y %s)", what, pkg)
	}
	t.Skipf("%s is not installed (apt-get install -y %s)", what, pkg)
}

type readback struct {
	Paragraphs []struct{ Style, Text string }
	Tables     []struct {
		Style string
		Rows  []struct {
			Header    bool
			CantSplit bool
			Cells     []string
		}
	}
	Links        []struct{ Text, Target string }
	Core         map[string]string
	Page         map[string]float64
	Header       string
	Footer       string
	FooterFields []string `json:"footer_fields"`
	DefaultLang  string   `json:"default_lang"`
	DefaultFont  string   `json:"default_font"`
}

// TestPythonDocxReadsIt reads the sample back with python-docx, as a
// script or a reviewer's tooling would.
func TestPythonDocxReadsIt(t *testing.T) {
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import docx").Run() != nil {
		missing(t, "python3 with python-docx", "python3-docx")
	}
	path := filepath.Join(t.TempDir(), "sample.docx")
	if err := os.WriteFile(path, write(t, sample(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "testdata/readback.py", path).Output()
	if err != nil {
		t.Fatalf("python-docx cannot read the document: %v\n%s", err, stderr(err))
	}
	var got readback
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}

	var headings []string
	for _, p := range got.Paragraphs {
		if strings.HasPrefix(p.Style, "Heading") {
			headings = append(headings, p.Style+": "+p.Text)
		}
	}
	want := []string{"Heading 1: WORK PROCESS SCHEDULE", "Heading 2: JOB FUNCTIONS",
		"Heading 2: RELATED TECHNICAL INSTRUCTION", "Heading 3: Signatures"}
	if fmt.Sprint(headings) != fmt.Sprint(want) {
		t.Errorf("headings %q, want %q", headings, want)
	}
	if !hasPara(got, "List Paragraph", "or 16 with a parent's consent") {
		t.Error("nested list item missing")
	}
	if !hasPara(got, "Normal", "✔ marks a competency taught in RTI.\nHours are minimums.") {
		t.Error("note with a line break missing")
	}

	if len(got.Tables) != 5 {
		t.Fatalf("%d tables, want fields, 2 tables and 2 signature blocks", len(got.Tables))
	}
	// Each slot is an empty paragraph ruled underneath to sign on, then its
	// label.
	for i, want := range [][]string{{"\nSponsor representative|\nDate"}, {"For Registration Agency use", "\nRegistration agency|\nDate"}} {
		var rows []string
		for _, r := range got.Tables[3+i].Rows {
			rows = append(rows, strings.Join(r.Cells, "|"))
		}
		if fmt.Sprint(rows) != fmt.Sprint(want) {
			t.Errorf("signature block %d rows %q, want %q", i+1, rows, want)
		}
	}
	fields := got.Tables[0]
	if len(fields.Rows) != 3 || fields.Rows[2].Cells[1] != "☐ Competency-Based  ☐ Time-Based  ☒ Hybrid" {
		t.Errorf("fields table %+v", fields.Rows)
	}
	for i, title := range []string{"JOB FUNCTION 1: Applies diagnosis and procedure codes", "Year 1 courses"} {
		tb := got.Tables[i+1]
		if tb.Style != "Table Grid" || len(tb.Rows) != 63 {
			t.Errorf("table %d: style %q with %d rows, want Table Grid with title, header, 60 rows and total", i+1, tb.Style, len(tb.Rows))
			continue
		}
		if r := tb.Rows[0]; !r.Header || fmt.Sprint(r.Cells) != "["+title+"]" {
			t.Errorf("table %d title row %+v", i+1, r)
		}
		if r := tb.Rows[1]; !r.Header || strings.Join(r.Cells, "|") != "|Competency|Core/Optional|RTI|Hours" {
			t.Errorf("table %d column header row %+v", i+1, r)
		}
		for j, r := range tb.Rows[2:] {
			if r.Header || !r.CantSplit {
				t.Errorf("table %d body row %d: header=%v cantSplit=%v", i+1, j+1, r.Header, r.CantSplit)
			}
		}
		if r := tb.Rows[62]; strings.Join(r.Cells, "|") != "|Total|||1,000.5" {
			t.Errorf("table %d total row %q", i+1, r.Cells)
		}
	}
	if len(got.Links) != 1 || got.Links[0].Target != "mailto:apprenticeship@example.org" || got.Links[0].Text != "apprenticeship@example.org" {
		t.Errorf("links %+v, want the email as a mailto link", got.Links)
	}

	for k, v := range map[string]string{
		"title": title, "subject": "Appendix A: Work Process Schedule and RTI", "author": sponsor,
		"keywords": "O*NET 29-2072.00; RAPIDS 1114HY", "language": "en-US",
		"created": "2026-11-01T09:30:00", "modified": "2026-11-01T09:30:00",
	} {
		if got.Core[k] != v {
			t.Errorf("core property %s = %q, want %q", k, got.Core[k], v)
		}
	}
	if got.DefaultLang != "en-US" || got.DefaultFont != FontName {
		t.Errorf("style defaults: language %q font %q", got.DefaultLang, got.DefaultFont)
	}
	for k, v := range map[string]float64{"width_in": 8.5, "height_in": 11, "left_in": 0.625, "right_in": 0.625, "top_in": 0.6, "bottom_in": 0.6} {
		if got.Page[k] != v {
			t.Errorf("page %s = %v, want %v", k, got.Page[k], v)
		}
	}
	if got.Header != sponsor+" · Medical Coder\tRAPIDS Code: 1114HY" {
		t.Errorf("header %q", got.Header)
	}
	if got.Footer != "Revision 2, 2026-11-01\tPage 1 of 1" || fmt.Sprint(got.FooterFields) != "[PAGE NUMPAGES]" {
		t.Errorf("footer %q with fields %q, want the revision and Page X of Y fields", got.Footer, got.FooterFields)
	}
}

func hasPara(r readback, style, text string) bool {
	for _, p := range r.Paragraphs {
		if p.Style == style && p.Text == text {
			return true
		}
	}
	return false
}

func stderr(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

// TestLibreOfficeLaysItOut converts the sample and an example to PDF with
// LibreOffice Writer (a few seconds) and reads the pages back.
func TestLibreOfficeLaysItOut(t *testing.T) {
	if os.Getenv("CI") == "" {
		t.Skip("starts LibreOffice (seconds); set CI=1 to run it")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		missing(t, "LibreOffice Writer", "libreoffice-writer-nogui")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		missing(t, "pdftotext", "poppler-utils")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "sample.docx")
	if err := os.WriteFile(src, write(t, sample(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	ex := renderExamples(t, "medical-coder-roi")[0]
	exSrc := filepath.Join(dir, ex.name+".docx")
	if err := os.WriteFile(exSrc, ex.docx, 0o644); err != nil {
		t.Fatal(err)
	}
	// Its own profile, so a running LibreOffice or a parallel test does not
	// take the conversion over; one run for both, as starting it is slow.
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, src, exSrc)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	t.Run("sample", func(t *testing.T) { checkSamplePDF(t, filepath.Join(dir, "sample.pdf")) })
	t.Run(ex.name, func(t *testing.T) { checkExamplePDF(t, ex.layout, filepath.Join(dir, ex.name+".pdf")) })
}

// checkSamplePDF reads the sample's pages back: the tables run over
// several pages, their title and header rows repeat on each, the footer
// counts pages, and the check marks and non-Latin text survive.
func checkSamplePDF(t *testing.T, pdf string) {
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	if len(pages) < 4 {
		t.Fatalf("%d pages; two 60-row tables should run over at least 4", len(pages))
	}
	for i, p := range pages {
		want := fmt.Sprintf("Page %d of %d", i+1, len(pages))
		if !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q in its footer", i+1, want)
		}
		if !strings.Contains(p, sponsor) {
			t.Errorf("page %d lacks the header", i+1)
		}
	}
	// Every page that continues a table starts it with its title and header.
	cont := regexp.MustCompile(`Competency (\d+):`)
	for i, p := range pages[1:] {
		m := cont.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		if n, _ := strconv.Atoi(m[1]); n == 1 {
			continue
		}
		if !strings.Contains(p, "JOB FUNCTION 1:") && !strings.Contains(p, "Year 1 courses") {
			t.Errorf("page %d continues a table without its title row", i+2)
		}
		if !strings.Contains(p, "Core/") {
			t.Errorf("page %d continues a table without its header row", i+2)
		}
	}
	all := string(out)
	for _, s := range []string{"☒ Hybrid", "✔", "Nguyễn Thị Hương", "Ελληνικά, Русский", "1,000.5", "Registration agency"} {
		if !strings.Contains(all, s) {
			t.Errorf("the PDF text lacks %q", s)
		}
	}
}
