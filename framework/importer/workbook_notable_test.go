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

// TestWorkbookRowUnderPlanTotals: a row typed under the RTI Plan's totals,
// in or under the signature block, is named, not lost; lines of the block
// filled in are not program values; a workbook whose signature rows carry
// no key (rendered before they did) reads as before.
func TestWorkbookRowUnderPlanTotals(t *testing.T) {
	const rti = workbook.SheetRTI
	msg := ": error: this row is in no table of the sheet, so it cannot be read; to add a course, type it in a row of the course table, or delete this row [import]\n"
	at := func(col, row int) string { return "p.xlsx:" + rti + "!" + framework.ColumnName(col) + itoa(row) + msg }
	sign := func(t *testing.T, f *excelize.File) int { return rowOf(t, f, rti, workbook.KeySignature) }
	cases := []struct {
		name string
		edit func(t *testing.T, f *excelize.File) string // the findings wanted
	}{
		{"a course under the totals", func(t *testing.T, f *excelize.File) string {
			r := sign(t, f) - 1
			set(t, f, rti, workbook.ColCourse, r, "Welding basics")
			set(t, f, rti, workbook.ColCourseHours, r, 12)
			return at(workbook.ColCourse, r)
		}},
		{"hours alone under the totals", func(t *testing.T, f *excelize.File) string {
			r := sign(t, f) - 1
			set(t, f, rti, workbook.ColCourseHours, r, 12)
			return at(workbook.ColCourseHours, r)
		}},
		{"a row inserted above the signature block", func(t *testing.T, f *excelize.File) string {
			r := sign(t, f)
			insertRow(t, f, rti, r)
			set(t, f, rti, workbook.ColCourse, r, "Welding basics")
			return at(workbook.ColCourse, r)
		}},
		{"between the sponsor's and the agency's blocks", func(t *testing.T, f *excelize.File) string {
			r := sign(t, f) + 5
			set(t, f, rti, workbook.ColCourse, r, "Welding basics")
			return at(workbook.ColCourse, r)
		}},
		{"under the signature block", func(t *testing.T, f *excelize.File) string {
			rows, err := f.GetRows(rti)
			if err != nil {
				t.Fatal(err)
			}
			set(t, f, rti, workbook.ColNumber, len(rows)+1, "WLD-101")
			return at(workbook.ColNumber, len(rows)+1)
		}},
		{"the sponsor's lines filled in", func(t *testing.T, f *excelize.File) string {
			set(t, f, rti, 2, sign(t, f)+2, "Dana Reyes")
			return ""
		}},
		{"signature rows without keys", func(t *testing.T, f *excelize.File) string {
			r := sign(t, f) - 1
			rows, err := f.GetRows(rti)
			if err != nil {
				t.Fatal(err)
			}
			for i, row := range rows {
				if n := len(row); n > 0 && row[n-1] == workbook.KeySignature {
					set(t, f, rti, n, i+1, "")
				}
			}
			set(t, f, rti, workbook.ColCourse, r, "Welding basics")
			return ""
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var want string
			res, src := edited(t, func(f *excelize.File) { want = c.edit(t, f) })
			if want != "" {
				checkFindings(t, res, want)
				return
			}
			// Nothing to read back: the program as it was, no finding.
			if got := findingsText(res.Findings); got != "" || string(res.YAML) != src {
				t.Errorf("got findings\n%s\nand the program\n%s", got, res.YAML)
			}
		})
	}
}
