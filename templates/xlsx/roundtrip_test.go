package xlsx_test

import (
	"testing"

	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
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
