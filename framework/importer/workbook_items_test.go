package importer

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/workbook"
)

// TestWorkbookTextEdits: the texts and types of the sponsor's own job
// functions and competencies come back; an added row's Core or Optional
// is kept.
func TestWorkbookTextEdits(t *testing.T) {
	const wps = workbook.SheetSchedule
	cases := []struct {
		name    string
		program string
		edit    func(t *testing.T, f *excelize.File)
		diff    [][2]string
	}{
		{"custom job function's title", roiProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColLetter, rowOf(t, f, wps, "jf C1"), "JOB FUNCTION C1: Keeps the  release-of-information log")
		}, [][2]string{{"    title: Maintains the release-of-information log", "    title: Keeps the release-of-information log"}}},
		{"custom job function's title without its heading words", roiProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColLetter, rowOf(t, f, wps, "jf C1"), "Keeps the log")
		}, [][2]string{{"    title: Maintains the release-of-information log", "    title: Keeps the log"}}},
		{"custom job function's level", roiProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColHours+1, rowOf(t, f, wps, "jf C1"), "Level: Advanced; Custom")
		}, [][2]string{{"    title: Maintains the release-of-information log\n", "    title: Maintains the release-of-information log\n    level: Advanced\n"}}},
		{"custom job function made optional", roiProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColType, rowOf(t, f, wps, "jf C1"), "Optional")
		}, [][2]string{{"    title: Maintains the release-of-information log\n", "    title: Maintains the release-of-information log\n    type: optional\n"}}},
		{"custom competency's text and type", roiProgram, func(t *testing.T, f *excelize.File) {
			r := rowOf(t, f, wps, "c C1.B")
			set(t, f, wps, workbook.ColText, r, "Prepares an accounting of disclosures on request")
			set(t, f, wps, workbook.ColType, r, "optional")
		}, [][2]string{{"        text: Prepares an accounting of disclosures when a patient requests one\n",
			"        text: Prepares an accounting of disclosures on request\n        type: optional\n"}}},
		{"added row, optional", roiProgram, func(t *testing.T, f *excelize.File) {
			r := rowOf(t, f, wps, "c C1.C") + 1
			insertRow(t, f, wps, r)
			set(t, f, wps, workbook.ColText, r, "Trains new clerks")
			set(t, f, wps, workbook.ColType, r, "Optional")
			set(t, f, wps, workbook.ColOJT, r, workbook.Mark)
		}, [][2]string{{"        text: Reports monthly request volumes and turnaround times to the HIM supervisor\n        delivery: [ojt]\n",
			"        text: Reports monthly request volumes and turnaround times to the HIM supervisor\n        delivery: [ojt]\n      - {id: D, text: Trains new clerks, type: optional, delivery: [ojt]}\n"}}},
		{"custom competency with sub-items, and a row added under them", "../../examples/plumber-0432HY.yaml", func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColText, rowOf(t, f, wps, "c 6.E"), "Installs water-conserving fixtures")
			r := rowOf(t, f, wps, "c 6.E") + 5 // after its four sub-item rows
			insertRow(t, f, wps, r)
			set(t, f, wps, workbook.ColText, r, "Tests backflow preventers")
			set(t, f, wps, workbook.ColOJT, r, workbook.Mark)
		}, [][2]string{
			{"        text: Installs water-conserving fixtures and hot water recirculation\n", "        text: Installs water-conserving fixtures\n"},
			{"          - {text: Hot water recirculation, items: [Dedicated return line, Demand-controlled pumps]}\n",
				"          - {text: Hot water recirculation, items: [Dedicated return line, Demand-controlled pumps]}\n      - {id: F, custom: true, text: Tests backflow preventers, delivery: [ojt]}\n"},
		}},
		{"framework types and texts as shown", roiProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColType, rowOf(t, f, wps, "c S1.D"), "OPTIONAL")
			set(t, f, wps, workbook.ColText, rowOf(t, f, wps, "c 1.B"), " Ensures medical codes\nreflect medical record documentation ")
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkEdited(t, c.program, c.edit, c.diff) })
	}
}

// TestWorkbookFrameworkTexts: an edit the framework decides (a framework
// item's title, text or type) is a finding at the cell, and nothing is
// written.
func TestWorkbookFrameworkTexts(t *testing.T) {
	cases := []struct {
		name, key string
		col       int
		value     string
		want      string
	}{
		{"core competency made optional", "c 1.A", workbook.ColType, "Optional", "competency 1.A is core in the framework, so every program that includes job function 1 includes it: it cannot be optional here; set the cell back to Core"},
		{"optional competency made core", "c S1.D", workbook.ColType, "Core", "competency S1.D is optional in the framework: a program includes it or leaves it out (delete its row) but cannot make it core; set the cell back to Optional"},
		{"not a type", "c C1.A", workbook.ColType, "sometimes", `"sometimes" is not Core or Optional: choose one from the drop-down`},
		{"framework competency's text", "c 1.B", workbook.ColText, "Checks codes", "the text of competency 1.B is the framework's and cannot be changed in the workbook; set it back, or add a row of your own under job function 1 for a competency in your words"},
		{"framework job function's title", "jf 3", workbook.ColLetter, "JOB FUNCTION 3: Keeps records", `the title of job function 3 is the framework's and cannot be changed in the workbook; set it back to "Maintains accurate and complete patient health records" (a job function of your own is added in the program, with custom: true)`},
		{"framework job function made optional", "jf 3", workbook.ColType, "Optional", "job function 3 is core in the framework, so every program includes it: it cannot be optional here; set the cell back to Core"},
		{"framework job function's level", "jf 1", workbook.ColHours + 1, "Level: Advanced", `the level of job function 1 is the framework's and cannot be changed in the workbook; set the cell back to "Level: "`},
		{"job function's id", "jf C1", workbook.ColLetter, "JOB FUNCTION C2: Maintains the release-of-information log", "the title row of job function C1 says JOB FUNCTION C2: a job function's id cannot be changed in the workbook; set it back to JOB FUNCTION C1"},
		{"custom competency's text cleared", "c C1.A", workbook.ColText, "", "the text of competency C1.A is empty; write it, or delete the row to cross the competency off"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkCellError(t, roiProgram, workbook.SheetSchedule, c.key, c.col, c.value, c.want)
		})
	}
}
