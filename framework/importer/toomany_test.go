package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/workbook"
)

// TestTooManyRows: a table with a value past row MaxRows, or a workbook
// render wrote with one past MaxWorkbookRows, is refused at that row's
// first value, in the words of what is being read.
func TestTooManyRows(t *testing.T) {
	const frameworkWhy = " has more than 5,000 rows; a framework table has one row per competency [import]\n"
	csv := "Job function,Competency\n" + strings.Repeat("A,b\n", MaxRows-1) + ",c\n"
	blanks := inlineRow(1, "Job function", "Competency") + inlineRow(2, "A", "b") + `<row r="5001"><c r="B5001" t="inlineStr"><is><t>c</t></is></c></row>`
	for _, c := range []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"csv", "t.csv", []byte(csv), "t.csv:5001:2: error: the table" + frameworkWhy},
		{"framework workbook", "t.xlsx", minimalXLSX(t, blanks, ""), "t.xlsx:Sheet1!B5001: error: sheet Sheet1" + frameworkWhy},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := Framework(c.file, c.data, Options{})
			if got := findingsText(res.Findings); got != c.want || res.YAML != nil {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
	t.Run("program workbook", func(t *testing.T) {
		res, _ := edited(t, func(f *excelize.File) {
			set(t, f, workbook.SheetRTI, workbook.ColNumber, MaxWorkbookRows+1, "PHT 999")
		})
		checkFindings(t, res, "p.xlsx:RTI Plan!B100001: error: sheet RTI Plan has more than 100,000 rows; a program's workbook has a row for each competency, course and wage step, far fewer; delete the rows typed below the sheet's end [import]\n")
	})
	// A program's workbook may have more rows than a table a person types:
	// one for each competency. Past a table's limit, a typed row is what it
	// is anywhere below the sheet's end.
	t.Run("program workbook past a table's limit", func(t *testing.T) {
		res, _ := edited(t, func(f *excelize.File) {
			set(t, f, workbook.SheetRTI, workbook.ColNumber, MaxRows+1, "PHT 999")
		})
		checkFindings(t, res, "p.xlsx:RTI Plan!B5001: error: this row is in no table of the sheet, so it cannot be read; to add a course, type it in a row of the course table, or delete this row [import]\n")
	})
}
