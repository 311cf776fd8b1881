package importer

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/workbook"
)

// TestLibreOfficeKeepsTheRoundTrip saves an edited workbook with
// LibreOffice Calc (a few seconds), as a person using it would, and reads
// it back: the hidden sheet and keys survive, and the edits come back as
// they do from the workbook before saving.
func TestLibreOfficeKeepsTheRoundTrip(t *testing.T) {
	if os.Getenv("CI") == "" {
		t.Skip("starts LibreOffice (seconds); set CI=1 to run it")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Fatal("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui")
	}
	var book []byte
	direct, _ := edited(t, func(f *excelize.File) {
		set(t, f, workbook.SheetSchedule, workbook.ColHours, rowOf(t, f, workbook.SheetSchedule, "jf 1"), 400.25)
		set(t, f, workbook.SheetSchedule, workbook.ColRTI, rowOf(t, f, workbook.SheetSchedule, "c 3.C"), "")
		if err := f.RemoveRow(workbook.SheetSchedule, rowOf(t, f, workbook.SheetSchedule, "c 2.C")); err != nil {
			t.Fatal(err)
		}
		// Header fields and the Appendix A sheet: texts, boxes, a percent.
		set(t, f, workbook.SheetSchedule, workbook.FieldValueSchedule, rowOf(t, f, workbook.SheetSchedule, workbook.KeyField+workbook.FieldSponsor), "Riverbend Pharmacy (registration 2026-IL-000312)")
		set(t, f, workbook.SheetSchedule, workbook.FieldValueSchedule, rowOf(t, f, workbook.SheetSchedule, workbook.KeyField+workbook.FieldStackable), "☐ yes     x no")
		set(t, f, workbook.SheetAppendix, 2, rowOf(t, f, workbook.SheetAppendix, workbook.KeyWageStep+"2"), 0.825)
		set(t, f, workbook.SheetAppendix, 1, rowOf(t, f, workbook.SheetAppendix, workbook.KeyProbation), "3 months.")
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		book = buf.Bytes()
	})
	if direct.YAML == nil {
		t.Fatalf("the edited workbook does not read back:\n%s", findingsText(direct.Findings))
	}
	saved := savedByLibreOffice(t, book)
	res := Program("p.xlsx", saved, nil)
	if !bytes.Contains(direct.YAML, []byte("{percent: 82.5, hours: 1000}")) || !bytes.Contains(direct.YAML, []byte("number: \"2026-IL-000312\"")) {
		t.Errorf("test bug: the edits are not read back from the workbook before saving:\n%s", direct.YAML)
	}
	if !bytes.Equal(res.YAML, direct.YAML) {
		t.Errorf("saved by LibreOffice, the workbook reads back as\n%s\nfindings %s\nnot\n%s", res.YAML, findingsText(res.Findings), direct.YAML)
	}
}

// TestLibreOfficeUnedited saves every example's workbook with LibreOffice
// Calc, unedited: each reads back as its program byte for byte, with no
// note or warning (its formulas recomputed, its numbers rewritten by
// LibreOffice). One conversion of all of them; CI only, as it takes a few
// seconds.
func TestLibreOfficeUnedited(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if os.Getenv("CI") == "" {
		t.Skip("CI only (a few seconds of LibreOffice); TestLibreOfficeKeepsTheRoundTrip runs locally")
	}
	paths, err := filepath.Glob("../../examples/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sources := map[string][]byte{}
	var books []string
	for _, path := range paths {
		if strings.HasSuffix(path, ".framework.yaml") {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		x, _ := renderSource(t, path, src)
		name := strings.TrimSuffix(filepath.Base(path), ".yaml") + ".xlsx"
		sources[name] = src
		books = append(books, filepath.Join(dir, name))
		if err := os.WriteFile(books[len(books)-1], x, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "saved")
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "xlsx", "--outdir", out}, books...)
	if msg, err := exec.Command("soffice", args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for name, src := range sources {
		saved, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		res := Program(name, saved, nil)
		if !bytes.Equal(res.YAML, src) || len(res.Notes) > 0 {
			t.Errorf("%s saved by LibreOffice reads back with notes %v, findings %s, as\n%s", name, res.Notes, findingsText(res.Findings), res.YAML)
		}
	}
}

// savedByLibreOffice returns book as LibreOffice saves it: opened and
// written back as XLSX, in a profile of its own so that a running
// LibreOffice or a parallel test does not take the conversion over.
func savedByLibreOffice(t *testing.T, book []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "edited.xlsx")
	if err := os.WriteFile(src, book, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "saved")
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "xlsx", "--outdir", out, src)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	saved, err := os.ReadFile(filepath.Join(out, "edited.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	return saved
}
