package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/workbook"
)

const roiProgram = "../../examples/medical-coder-roi.yaml"

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
			if err := f.InsertRows(wps, r, 1); err != nil {
				t.Fatal(err)
			}
			set(t, f, wps, workbook.ColText, r, "Trains new clerks")
			set(t, f, wps, workbook.ColType, r, "Optional")
			set(t, f, wps, workbook.ColOJT, r, workbook.Mark)
		}, [][2]string{{"        text: Reports monthly request volumes and turnaround times to the HIM supervisor\n        delivery: [ojt]\n",
			"        text: Reports monthly request volumes and turnaround times to the HIM supervisor\n        delivery: [ojt]\n      - {id: D, text: Trains new clerks, type: optional, delivery: [ojt]}\n"}}},
		{"custom competency with sub-items, and a row added under them", "../../examples/plumber-0432HY.yaml", func(t *testing.T, f *excelize.File) {
			set(t, f, wps, workbook.ColText, rowOf(t, f, wps, "c 6.E"), "Installs water-conserving fixtures")
			r := rowOf(t, f, wps, "c 6.E") + 4 // after its four sub-item rows
			if err := f.InsertRows(wps, r, 1); err != nil {
				t.Fatal(err)
			}
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
		t.Run(c.name, func(t *testing.T) {
			res, src := editedProgram(t, c.program, func(f *excelize.File) { c.edit(t, f) })
			if res.YAML == nil {
				t.Fatalf("nothing read back:\n%s", findingsText(res.Findings))
			}
			want := src
			for _, d := range c.diff {
				if !strings.Contains(want, d[0]) {
					t.Fatalf("test bug: %q not in the program", d[0])
				}
				want = strings.Replace(want, d[0], d[1], 1)
			}
			if string(res.YAML) != want {
				t.Errorf("got:\n%s\nwant:\n%s", res.YAML, want)
			}
		})
	}
}

// TestWorkbookFrameworkTexts: an edit the framework decides (a framework
// item's title, text or type) is a finding at the cell, and nothing is
// written.
func TestWorkbookFrameworkTexts(t *testing.T) {
	const wps = workbook.SheetSchedule
	cases := []struct {
		name string
		edit func(t *testing.T, f *excelize.File) (col, row int)
		want string
	}{
		{"core competency made optional", func(t *testing.T, f *excelize.File) (int, int) {
			r := rowOf(t, f, wps, "c 1.A")
			set(t, f, wps, workbook.ColType, r, "Optional")
			return workbook.ColType, r
		}, "competency 1.A is core in the framework, so every program that includes job function 1 includes it: it cannot be optional here; set the cell back to Core"},
		{"optional competency made core", func(t *testing.T, f *excelize.File) (int, int) {
			r := rowOf(t, f, wps, "c S1.D")
			set(t, f, wps, workbook.ColType, r, "Core")
			return workbook.ColType, r
		}, "competency S1.D is optional in the framework: a program includes it or leaves it out (delete its row) but cannot make it core; set the cell back to Optional"},
		{"not a type", func(t *testing.T, f *excelize.File) (int, int) {
			r := rowOf(t, f, wps, "c C1.A")
			set(t, f, wps, workbook.ColType, r, "sometimes")
			return workbook.ColType, r
		}, `"sometimes" is not Core or Optional: choose one from the drop-down`},
		{"framework competency's text", func(t *testing.T, f *excelize.File) (int, int) {
			r := rowOf(t, f, wps, "c 1.B")
			set(t, f, wps, workbook.ColText, r, "Checks codes")
			return workbook.ColText, r
		}, "the text of competency 1.B is the framework's and cannot be changed in the workbook; set it back, or add a row of your own under job function 1 for a competency in your words"},
		{"framework job function's title", func(t *testing.T, f *excelize.File) (int, int) {
			r := rowOf(t, f, wps, "jf 3")
			set(t, f, wps, workbook.ColLetter, r, "JOB FUNCTION 3: Keeps records")
			return workbook.ColLetter, r
		}, `the title of job function 3 is the framework's and cannot be changed in the workbook; set it back to "Maintains accurate and complete patient health records" (a job function of your own is added in the program, with custom: true)`},
		{"framework job function made optional", func(t *testing.T, f *excelize.File) (int, int) {
			r := rowOf(t, f, wps, "jf 3")
			set(t, f, wps, workbook.ColType, r, "Optional")
			return workbook.ColType, r
		}, "job function 3 is core in the framework, so every program includes it: it cannot be optional here; set the cell back to Core"},
		{"framework job function's level", func(t *testing.T, f *excelize.File) (int, int) {
			r := rowOf(t, f, wps, "jf 1")
			set(t, f, wps, workbook.ColHours+1, r, "Level: Advanced")
			return workbook.ColHours + 1, r
		}, `the level of job function 1 is the framework's and cannot be changed in the workbook; set the cell back to "Level: "`},
		{"job function's id", func(t *testing.T, f *excelize.File) (int, int) {
			r := rowOf(t, f, wps, "jf C1")
			set(t, f, wps, workbook.ColLetter, r, "JOB FUNCTION C2: Maintains the release-of-information log")
			return workbook.ColLetter, r
		}, "the title row of job function C1 says JOB FUNCTION C2: a job function's id cannot be changed in the workbook; set it back to JOB FUNCTION C1"},
		{"custom competency's text cleared", func(t *testing.T, f *excelize.File) (int, int) {
			r := rowOf(t, f, wps, "c C1.A")
			set(t, f, wps, workbook.ColText, r, "")
			return workbook.ColText, r
		}, "the text of competency C1.A is empty; write it, or delete the row to cross the competency off"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var col, row int
			res, _ := editedProgram(t, roiProgram, func(f *excelize.File) { col, row = c.edit(t, f) })
			want := "p.xlsx:Work Process Schedule!" + string(rune('A'+col-1)) + itoa(row) + ": error: " + c.want + " [import]\n"
			if got := findingsText(res.Findings); got != want || res.YAML != nil {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}
