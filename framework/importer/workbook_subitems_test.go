package importer

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

const plumberProgram = "../../examples/plumber-0432HY.yaml"

// insertItem inserts a row at r of the schedule with mark in column A and
// text in column B, as a person adds a sub-item line.
func insertItem(t *testing.T, f *excelize.File, r int, mark, text string) {
	t.Helper()
	const wps = workbook.SheetSchedule
	insertRow(t, f, wps, r)
	if mark != "" {
		set(t, f, wps, workbook.ColLetter, r, mark)
	}
	set(t, f, wps, workbook.ColText, r, text)
}

// TestWorkbookSubItems: the sub-items of the sponsor's own competencies
// come back edited, inserted (numbered in column A, or indented) and
// deleted, at either depth.
func TestWorkbookSubItems(t *testing.T) {
	const wps = workbook.SheetSchedule
	const items = "        items:\n          - Low-flow fixtures and flush valves\n          - {text: Hot water recirculation, items: [Dedicated return line, Demand-controlled pumps]}\n"
	const roiA = "        text: Logs each request, disclosure and denial with the date, requester, purpose and records released\n        delivery: [ojt]\n"
	cases := []struct {
		name, program string
		edit          func(t *testing.T, f *excelize.File)
		diff          [][2]string
	}{
		{"a sub-item's text", plumberProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColText, rowOf(t, f, wps, "item 6.E.1"), "    Low-flow  fixtures")
		}, [][2]string{{"          - Low-flow fixtures and flush valves\n", "          - Low-flow fixtures\n"}}},
		{"a second-level sub-item's text", plumberProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColText, rowOf(t, f, wps, "item 6.E.2.2"), "Demand pumps")
		}, [][2]string{{"Demand-controlled pumps]}", "Demand pumps]}"}}},
		{"a numbered line added at the end", plumberProgram, func(t *testing.T, f *excelize.File) {
			insertItem(t, f, rowOf(t, f, wps, "item 6.E.2.2")+1, "3.", "Leak detection")
		}, [][2]string{{"Demand-controlled pumps]}\n", "Demand-controlled pumps]}\n          - Leak detection\n"}}},
		{"a lettered line added under a numbered one", plumberProgram, func(t *testing.T, f *excelize.File) {
			insertItem(t, f, rowOf(t, f, wps, "item 6.E.2.2")+1, "c", "Timers")
		}, [][2]string{{"Demand-controlled pumps]}", "Demand-controlled pumps, Timers]}"}}},
		{"an indented line added between two", plumberProgram, func(t *testing.T, f *excelize.File) {
			insertItem(t, f, rowOf(t, f, wps, "item 6.E.2.1")+1, "", "        Thermostatic mixing valves")
			insertItem(t, f, rowOf(t, f, wps, "item 6.E.1")+1, "", "    Dual-flush conversions")
		}, [][2]string{{"          - Low-flow fixtures and flush valves\n          - {text: Hot water recirculation, items: [Dedicated return line, Demand-controlled pumps]}\n",
			"          - Low-flow fixtures and flush valves\n          - Dual-flush conversions\n          - {text: Hot water recirculation, items: [Dedicated return line, Thermostatic mixing valves, Demand-controlled pumps]}\n"}}},
		{"a second-level line deleted", plumberProgram, func(t *testing.T, f *excelize.File) {
			removeRow(t, f, wps, "item 6.E.2.1")
		}, [][2]string{{"items: [Dedicated return line, Demand-controlled pumps]}", "items: [Demand-controlled pumps]}"}}},
		{"a line and its own sub-items deleted", plumberProgram, func(t *testing.T, f *excelize.File) {
			for _, k := range []string{"item 6.E.2.2", "item 6.E.2.1", "item 6.E.2"} {
				removeRow(t, f, wps, k)
			}
		}, [][2]string{{"          - {text: Hot water recirculation, items: [Dedicated return line, Demand-controlled pumps]}\n", ""}}},
		{"every line deleted", plumberProgram, func(t *testing.T, f *excelize.File) {
			for _, k := range []string{"item 6.E.2.2", "item 6.E.2.1", "item 6.E.2", "item 6.E.1"} {
				removeRow(t, f, wps, k)
			}
		}, [][2]string{{items, ""}}},
		{"the last line under a first-level one emptied", plumberProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColText, rowOf(t, f, wps, "item 6.E.2.2"), "")
			set(t, f, wps, workbook.ColText, rowOf(t, f, wps, "item 6.E.2.1"), "")
		}, [][2]string{{"          - {text: Hot water recirculation, items: [Dedicated return line, Demand-controlled pumps]}\n", "          - Hot water recirculation\n"}}},
		{"sub-items given to a competency without any", roiProgram, func(t *testing.T, f *excelize.File) {
			r := rowOf(t, f, wps, "c C1.A") + 1
			insertItem(t, f, r, "1.", "Requests by mail")
			insertItem(t, f, r+1, "a.", "Signed authorization")
			insertItem(t, f, r+2, "2", "Requests by portal")
		}, [][2]string{{roiA, roiA + "        items:\n          - {text: Requests by mail, items: [Signed authorization]}\n          - Requests by portal\n"}}},
		{"an added competency with a sub-item", roiProgram, func(t *testing.T, f *excelize.File) {
			r := rowOf(t, f, wps, "c C1.C") + 1
			insertRow(t, f, wps, r)
			set(t, f, wps, workbook.ColText, r, "Trains new clerks")
			set(t, f, wps, workbook.ColOJT, r, workbook.Mark)
			insertItem(t, f, r+1, "1.", "Privacy rules")
		}, [][2]string{{"        text: Reports monthly request volumes and turnaround times to the HIM supervisor\n        delivery: [ojt]\n",
			"        text: Reports monthly request volumes and turnaround times to the HIM supervisor\n        delivery: [ojt]\n      - id: D\n        text: Trains new clerks\n        delivery: [ojt]\n        items:\n          - Privacy rules\n"}}},
		{"a framework competency's sub-items left as they are", plumberProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColText, rowOf(t, f, wps, "item 1.A.2.1"), "        Copper tube and  fittings")
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkEdited(t, c.program, c.edit, c.diff) })
	}
}

// TestWorkbookSubItemFindings: a framework competency's sub-items cannot
// change, and a sub-item line that cannot be read is named.
func TestWorkbookSubItemFindings(t *testing.T) {
	const wps = workbook.SheetSchedule
	at := func(col, row int) string {
		return "p.xlsx:" + wps + "!" + framework.ColumnName(col) + itoa(row) + ": error: "
	}
	cases := []struct {
		name string
		edit func(t *testing.T, f *excelize.File) string // the findings wanted
	}{
		{"a framework sub-item edited", func(t *testing.T, f *excelize.File) string {
			r := rowOf(t, f, wps, "item 1.A.1")
			set(t, f, wps, workbook.ColText, r, "Tools")
			return at(workbook.ColText, r) + `the sub-items of competency 1.A are the framework's and cannot be changed in the workbook; set the cell back to "Basic awareness as well as use of industry tools & equipment" [import]` + "\n"
		}},
		{"a framework sub-item added", func(t *testing.T, f *excelize.File) string {
			r := rowOf(t, f, wps, "item 1.A.4") + 1
			insertItem(t, f, r, "5.", "Ladders")
			return at(workbook.ColText, r) + "the sub-items of competency 1.A are the framework's: one cannot be added in the workbook; delete the row (a competency of your own goes in a row of its own, lettered in column A or not numbered at all) [import]\n"
		}},
		{"a framework sub-item deleted", func(t *testing.T, f *excelize.File) string {
			removeRow(t, f, wps, "item 1.A.3")
			return at(workbook.ColText, rowOf(t, f, wps, "c 1.A")) + `a sub-item row of competency 1.A was deleted, but its sub-items are the framework's; restore the row ("Proper storage & disposal of common industry materials") [import]` + "\n"
		}},
		{"a mark on a sub-item's row", func(t *testing.T, f *excelize.File) string {
			r := rowOf(t, f, wps, "item 6.E.1")
			set(t, f, wps, workbook.ColOJT, r, workbook.Mark)
			return at(workbook.ColOJT, r) + `"✓" is on a sub-item's row of competency 6.E: a sub-item has no Core or Optional, RTI or OJT of its own (its competency's row has them); clear the cell, or letter the row in column A (such as F.) to make it a competency [import]` + "\n"
		}},
		{"a first-level line emptied above its second-level lines", func(t *testing.T, f *excelize.File) string {
			r := rowOf(t, f, wps, "item 6.E.2")
			set(t, f, wps, workbook.ColText, r, "")
			return at(workbook.ColText, r+1) + `sub-item "Dedicated return line" of competency 6.E is under "Hot water recirculation", whose line was emptied or deleted; delete this line too, or give that line its text back [import]` + "\n"
		}},
		{"a first-level line deleted above its second-level lines", func(t *testing.T, f *excelize.File) string {
			r := rowOf(t, f, wps, "item 6.E.2")
			removeRow(t, f, wps, "item 6.E.2")
			return at(workbook.ColText, r) + `sub-item "Dedicated return line" of competency 6.E is under "Hot water recirculation", whose line was emptied or deleted; delete this line too, or give that line its text back [import]` + "\n"
		}},
		{"a second-level line with no first-level one above", func(t *testing.T, f *excelize.File) string {
			r := rowOf(t, f, wps, "c 6.E")
			for _, k := range []string{"item 6.E.2", "item 6.E.1"} {
				removeRow(t, f, wps, k)
			}
			return at(workbook.ColText, r+1) + `sub-item "Dedicated return line" of competency 6.E has no numbered sub-item above it to belong to; number it in column A (1., 2., ...), or insert it under a numbered one [import]` + "\n"
		}},
		{"a sub-item's row moved under another competency", func(t *testing.T, f *excelize.File) string {
			r := rowOf(t, f, wps, "item 6.E.1")
			if err := f.DuplicateRowTo(wps, r, rowOf(t, f, wps, "c 6.C")+1); err != nil {
				t.Fatal(err)
			}
			if err := f.RemoveRow(wps, r+1); err != nil {
				t.Fatal(err)
			}
			return at(workbook.ColText, rowOf(t, f, wps, "c 6.C")+1) + "this row is a sub-item of competency 6.E but is not under its row (deleted or moved); delete it, or move it back under competency 6.E [import]\n"
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var want string
			res, _ := editedProgram(t, plumberProgram, func(f *excelize.File) { want = c.edit(t, f) })
			checkFindings(t, res, want)
		})
	}
}

// TestWorkbookSubItemsOfAnEarlierWorkbook: a workbook whose sub-item rows
// are keyed as before sub-items were read back reads as it did; a line
// inserted among them is an error, never a sub-item list cut short.
func TestWorkbookSubItemsOfAnEarlierWorkbook(t *testing.T) {
	const wps = workbook.SheetSchedule
	keyCol := framework.ColumnName(9) // the plumber schedule's key column
	legacy := func(t *testing.T, f *excelize.File) {
		for _, k := range []string{"item 6.E.1", "item 6.E.2", "item 6.E.2.1", "item 6.E.2.2"} {
			if err := f.SetCellValue(wps, keyCol+itoa(rowOf(t, f, wps, k)), workbook.KeyItemOld); err != nil {
				t.Fatal(err)
			}
		}
	}
	checkEdited(t, plumberProgram, legacy, nil)
	var r int
	res, _ := editedProgram(t, plumberProgram, func(f *excelize.File) {
		r = rowOf(t, f, wps, "item 6.E.2.2") + 1
		legacy(t, f)
		insertItem(t, f, r, "3.", "Leak detection")
	})
	checkFindings(t, res, "p.xlsx:"+wps+"!B"+itoa(r)+": error: this workbook was written by an earlier wpsgen, which does not say which sub-item each row shows, so sub-items of competency 6.E cannot be added here; render the program again and edit the new workbook, or add the sub-item in the program [import]\n")
}
