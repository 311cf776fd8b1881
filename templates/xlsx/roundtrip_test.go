package xlsx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// TestRoundTripContract: the columns and the mark import reads are the
// ones this renderer writes for a schedule's layout, and a job function's
// title row sits right under its column headers.
func TestRoundTripContract(t *testing.T) {
	d := templatestest.Sample()
	b := readBook(t, d)
	jf := templatestest.Table(d, "JF_1")
	_, title := b.find(workbook.SheetSchedule, jf.Title)
	for col, want := range map[int]string{
		workbook.ColText: "Competencies", workbook.ColType: "Core or Optional",
		workbook.ColRTI: "RTI", workbook.ColOJT: "OJT", workbook.ColHours: "Min hours", workbook.ColHours + 1: "Max hours",
	} {
		if got := b.value(workbook.SheetSchedule, col, title-1); got != want {
			t.Errorf("schedule column %d is %q, import reads it as %q", col, got, want)
		}
	}
	letter := jf.Rows[0].Cells[0].Prefix
	if got := b.value(workbook.SheetSchedule, workbook.ColLetter, title+1); got != letter {
		t.Errorf("letter column holds %q, want %q", got, letter)
	}
	if got, want := b.number(workbook.SheetSchedule, workbook.ColHours, title), jf.TitleCells[0].Num.Float64(); got != want {
		t.Errorf("hours column holds %v, want %v", got, want)
	}
	_, head := b.find(workbook.SheetRTI, "Course name")
	for col, want := range map[int]string{
		workbook.ColCourse: "Course name", workbook.ColNumber: "Course number",
		workbook.ColCourseHours: "Hours", workbook.ColObjectives: "Learning objectives",
	} {
		if got := b.value(workbook.SheetRTI, col, head); got != want {
			t.Errorf("RTI column %d is %q, import reads it as %q", col, got, want)
		}
	}
	for sheet, col := range map[string]int{workbook.SheetSchedule: workbook.FieldValueSchedule, workbook.SheetRTI: workbook.FieldValueRTI} {
		f := templatestest.Field(d, sheet, "Job title")
		if sheet == workbook.SheetRTI {
			f = templatestest.Field(d, sheet, "Address") // the provider's
		}
		c, r := b.find(sheet, f.Label)
		if c != 1 || b.value(sheet, col, r) != f.Value {
			t.Errorf("%s: field %q value in column %d is %q, want %q", sheet, f.Label, col, b.value(sheet, col, r), f.Value)
		}
	}
	if templates.CheckMark != workbook.Mark {
		t.Errorf("the mark is %q here and %q in package workbook", templates.CheckMark, workbook.Mark)
	}
}

// TestRoundTripSheetVeryHidden: with the program's YAML, the workbook has
// the round trip sheet last, very hidden (no reader's menu shows it), and
// every other sheet visible, as workbook.xml says and as openpyxl reads it.
func TestRoundTripSheetVeryHidden(t *testing.T) {
	d := templatestest.Sample()
	source := []byte("program: sample\n")
	var out bytes.Buffer
	if err := xlsx.Render(&out, d, xlsx.Options{Created: created, Source: source}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/workbook.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var wb struct {
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.NewDecoder(rc).Decode(&wb); err != nil {
		t.Fatal(err)
	}
	var states []string
	for _, s := range wb.Sheets {
		states = append(states, s.Name+"="+s.State)
	}
	want := []string{xlsx.SheetSchedule + "=", xlsx.SheetRTI + "=", workbook.SheetRoundTrip + "=veryHidden"}
	if !slices.Equal(states, want) {
		t.Errorf("sheets and states in workbook.xml: %q, want %q", states, want)
	}
	if v, err := open(t, out.Bytes()).GetCellValue(workbook.SheetRoundTrip, "B2"); err != nil || v != string(source) {
		t.Errorf("the round trip sheet's YAML cell holds %q (%v), want %q", v, err, source)
	}

	templatestest.Python(t) // skips without openpyxl
	path := filepath.Join(t.TempDir(), "sample.xlsx")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := templatestest.Openpyxl(t, `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(" ".join(ws.title + "=" + ws.sheet_state for ws in wb.worksheets))`, path)
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	wantPy := xlsx.SheetSchedule + "=visible " + xlsx.SheetRTI + "=visible " + workbook.SheetRoundTrip + "=veryHidden"
	if strings.TrimSpace(string(got)) != wantPy {
		t.Errorf("openpyxl reads the sheets as %q, want %q", strings.TrimSpace(string(got)), wantPy)
	}
}
