package importer

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/workbook"
)

// TestLibreOfficeKeepsTheRoundTrip saves an edited workbook with
// LibreOffice Calc (a few seconds), as a person using it would, and reads
// it back: the hidden sheet and keys survive, and the edits come back as
// they do from the workbook before saving.
func TestLibreOfficeKeepsTheRoundTrip(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	var book []byte
	direct, _ := edited(t, func(f *excelize.File) {
		set(t, f, workbook.SheetSchedule, workbook.ColHours, rowOf(t, f, workbook.SheetSchedule, "jf 1"), 400.25)
		set(t, f, workbook.SheetSchedule, workbook.ColRTI, rowOf(t, f, workbook.SheetSchedule, "c 3.C"), "")
		if err := f.RemoveRow(workbook.SheetSchedule, rowOf(t, f, workbook.SheetSchedule, "c 2.C")); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		book = buf.Bytes()
	})
	if direct.YAML == nil {
		t.Fatalf("the edited workbook does not read back:\n%s", findingsText(direct.Findings))
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "edited.xlsx")
	if err := os.WriteFile(src, book, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "saved")
	// Its own profile, so a running LibreOffice or a parallel test does not
	// take the conversion over.
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "xlsx", "--outdir", out, src)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	saved, err := os.ReadFile(filepath.Join(out, "edited.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	res := Program("p.xlsx", saved, nil)
	if !bytes.Equal(res.YAML, direct.YAML) {
		t.Errorf("saved by LibreOffice, the workbook reads back as\n%s\nfindings %s\nnot\n%s", res.YAML, findingsText(res.Findings), direct.YAML)
	}
}
