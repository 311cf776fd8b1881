package importer

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

// TestWorkbookRowInNoTable: a row typed between the header fields and
// the first table, or under the totals, is named, not lost.
func TestWorkbookRowInNoTable(t *testing.T) {
	const wps, rti = workbook.SheetSchedule, workbook.SheetRTI
	at := func(sheet string, col, row int) string {
		return "p.xlsx:" + sheet + "!" + framework.ColumnName(col) + itoa(row) + ": error: this row is in no table of the sheet, so it cannot be read; to add "
	}
	cases := []struct {
		name string
		edit func(t *testing.T, f *excelize.File) string // the findings wanted
	}{
		{"under the header fields", func(t *testing.T, f *excelize.File) string {
			r := rowOf(t, f, wps, workbook.KeyField+workbook.FieldPrerequisites) + 1
			set(t, f, wps, workbook.ColText, r, "Answers the phone")
			return at(wps, workbook.ColText, r) + "a competency, type it in a row of a job function's table, or delete this row [import]\n"
		}},
		{"under the totals, hours alone", func(t *testing.T, f *excelize.File) string {
			rows, err := f.GetRows(wps)
			if err != nil {
				t.Fatal(err)
			}
			r := len(rows) + 2
			set(t, f, wps, workbook.ColHours, r, 40)
			return at(wps, workbook.ColHours, r) + "a competency, type it in a row of a job function's table, or delete this row [import]\n"
		}},
		{"above the course table", func(t *testing.T, f *excelize.File) string {
			r := rowOf(t, f, rti, workbook.KeyCourses) - 1
			set(t, f, rti, workbook.ColCourse, r, "Second provider: Oakton College")
			return at(rti, workbook.ColCourse, r) + "a course, type it in a row of the course table, or delete this row [import]\n"
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var want string
			res, _ := edited(t, func(f *excelize.File) { want = c.edit(t, f) })
			checkFindings(t, res, want)
		})
	}
}

// TestWorkbookCourseWithoutHours: a course added in a row without its
// hours says so, rather than quoting an empty cell.
func TestWorkbookCourseWithoutHours(t *testing.T) {
	const rti = workbook.SheetRTI
	var r int
	res, _ := edited(t, func(f *excelize.File) {
		r = rowOf(t, f, rti, workbook.KeyCourse+"0") + 1
		insertRow(t, f, rti, r)
		set(t, f, rti, workbook.ColCourse, r, "Soldering lab")
	})
	checkFindings(t, res, "p.xlsx:"+rti+"!"+framework.ColumnName(workbook.ColCourseHours)+itoa(r)+": error: the hours are empty; write a number such as 450 or 12.5 [import]\n")
}
