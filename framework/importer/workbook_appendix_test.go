package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/workbook"
)

// TestWorkbookAppendixEdits: the Appendix A sheet's stated values come
// back; values it computes, typed over, are warnings naming the cell.
func TestWorkbookAppendixEdits(t *testing.T) {
	const app = workbook.SheetAppendix
	const plumber = "../../examples/plumber-0432HY.yaml"
	const percentCol, rateCol = 2, 3 // the pharmacy wage table's columns
	cases := []struct {
		name, program string
		edit          func(t *testing.T, f *excelize.File)
		diff          [][2]string
		warnings      []string
	}{
		{"ratio in words", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 1, rowOf(t, f, app, workbook.KeyRatio), "2 Apprentices to 1 Journeyworker (1:1)")
		}, [][2]string{{"  apprentices: 1\n", "  apprentices: 2\n"}}, nil},
		{"ratio after the colon", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 1, rowOf(t, f, app, workbook.KeyRatio), "1 Apprentice to 1 Journeyworker (1:3)")
		}, [][2]string{{"  journeyworkers: 1\n", "  journeyworkers: 3\n"}}, nil},
		{"ratio's note", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 1, rowOf(t, f, app, workbook.KeyText+"ratio.note"), "One apprentice per pharmacist on duty")
		}, [][2]string{{"  note: One apprentice per licensed pharmacist or certified technician on duty", "  note: One apprentice per pharmacist on duty"}}, nil},
		{"journeyworker rate and a step's percent", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, rateCol, rowOf(t, f, app, workbook.KeyWageRate), 25.75)
			set(t, f, app, percentCol, rowOf(t, f, app, workbook.KeyWageStep+"0"), 0.625)
		}, [][2]string{{"  journeyworker_rate: 24.50", "  journeyworker_rate: 25.75"}, {"{percent: 60, hours: 0}", "{percent: 62.5, hours: 0}"}}, nil},
		{"a percent typed as a number", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, percentCol, rowOf(t, f, app, workbook.KeyWageStep+"1"), 72)
		}, [][2]string{{"{percent: 70, hours: 500}", "{percent: 72, hours: 500}"}}, nil},
		{"a computed rate typed over", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, rateCol, rowOf(t, f, app, workbook.KeyWageStep+"1"), 18)
		}, nil, []string{"the rate of wage step 2 is computed as its percent of the journeyworker rate; the value typed over it is ignored"}},
		{"probation in weeks", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 1, rowOf(t, f, app, workbook.KeyProbation), "12 weeks.")
		}, [][2]string{{"probation:\n  hours: 500\n  note: Applies to newly indentured apprentices only\n", "probation:\n  note: Applies to newly indentured apprentices only\n  weeks: 12\n"}}, nil},
		{"selection procedures edited and deleted", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 1, rowOf(t, f, app, workbook.KeyProcedure+"1"), "Applicants take a math screening.")
			removeRow(t, f, app, workbook.KeyProcedure+"0")
		}, [][2]string{{"  - Openings are posted on the sponsor's career page and with the county workforce board for at least 14 days.\n  - Applicants who meet the prerequisites take a pharmacy math screening and a structured interview; they are offered positions in order of their combined scores.\n",
			"  - Applicants take a math screening.\n"}}, nil},
		{"a selection procedure inserted, a wage note edited", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			r := rowOf(t, f, app, workbook.KeyProcedure+"0") + 1
			insertRow(t, f, app, r)
			set(t, f, app, 1, r, "Veterans are interviewed first.")
			set(t, f, app, 1, rowOf(t, f, app, workbook.KeyWageNote+"0"), "The percentages are minimums.")
		}, [][2]string{
			{"  - The percentages shown above are minimums; the sponsor may pay more.\n", "  - The percentages are minimums.\n"},
			{"for at least 14 days.\n", "for at least 14 days.\n  - Veterans are interviewed first.\n"},
		}, nil},
		{"typed in the blank row under the last wage note and procedure: the next sections' headings stay headings", plumber, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 1, rowOf(t, f, app, workbook.KeyWageNote+"1")+1, "Overtime is paid at time and a half.")
			set(t, f, app, 1, rowOf(t, f, app, workbook.KeyProcedure+"1")+1, "Veterans are interviewed first.")
		}, [][2]string{
			{"    - Fringe benefits are paid as provided in the Employer Acceptance Agreement.\n", "    - Fringe benefits are paid as provided in the Employer Acceptance Agreement.\n    - Overtime is paid at time and a half.\n"},
			{"  - Incumbent workers are offered apprenticeship after 30 consecutive days of employment.\n", "  - Incumbent workers are offered apprenticeship after 30 consecutive days of employment.\n  - Veterans are interviewed first.\n"},
		}, nil},
		{"O*NET code on Appendix A", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 2, rowOf(t, f, app, workbook.KeyField+"occupation.onet"), "29-2052.01")
		}, [][2]string{{"  level: Basic\n", "  level: Basic\n  onet: 29-2052.01\n"}}, nil},
		{"probation's note", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 1, rowOf(t, f, app, workbook.KeyText+"probation.note"), "")
		}, [][2]string{{"  note: Applies to newly indentured apprentices only\n", ""}}, nil},
		{"a wage step's row deleted", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			removeRow(t, f, app, workbook.KeyWageStep+"3")
		}, [][2]string{{"    - {percent: 90, hours: 1500}\n", ""}}, nil},
		{"the term sentence typed over", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 1, rowOf(t, f, app, workbook.KeyDerived+"the term"), "Three years.")
		}, nil, []string{"this sentence is written from the term the Work Process Schedule shows: the text typed here is ignored; change the term there"}},
		{"interim credential's title; when it is earned typed over", plumber, func(t *testing.T, f *excelize.File) {
			r := rowOf(t, f, app, workbook.KeyCredential+"0")
			set(t, f, app, 1, r, "Residential Plumber (Level 1)")
			set(t, f, app, 3, r, "After two years")
		}, [][2]string{{"  - title: Residential Plumber\n", "  - title: Residential Plumber (Level 1)\n"}},
			[]string{"when interim credential 1 is earned is written from its after, after_hours and after_rti_hours: edit those in the program; the text typed here is ignored"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkEdited(t, c.program, c.edit, c.diff, c.warnings...) })
	}
}

// TestWorkbookAppendixFindings: appendix cells that cannot be read.
func TestWorkbookAppendixFindings(t *testing.T) {
	const app = workbook.SheetAppendix
	cases := []struct {
		key   string
		col   int
		value any
		want  string
	}{
		{workbook.KeyRatio, 1, "one to one", `"one to one" is not a ratio; write it as 1 Apprentice to 1 Journeyworker (1:1)`},
		{workbook.KeyRatio, 1, "3 Apprentices to 1 Journeyworker (1:2)", `"3 Apprentices to 1 Journeyworker (1:2)" states two ratios; write it as 1 Apprentice to 1 Journeyworker (1:1)`},
		{workbook.KeyProbation, 1, "a while", `"a while" states no probation; write its length, such as "The first 500 hours of OJL", "12 weeks" or "3 months"`},
		{workbook.KeyWageRate, 3, "lots", `"lots" is not a rate; write a number of dollars such as 24.50`},
		{workbook.KeyWageStep + "2", 2, "most", `"most" is not a percent; write one such as 60%`},
	}
	for _, c := range cases {
		t.Run(c.key, func(t *testing.T) {
			checkCellError(t, pharmacyProgram, app, c.key, c.col, c.value, c.want)
		})
	}
}

// TestWorkbookCourseUnderLevel: a course row added under a named level's
// group takes that level.
func TestWorkbookCourseUnderLevel(t *testing.T) {
	const rti = workbook.SheetRTI
	res, src := editedProgram(t, "../../examples/elevator-0174.yaml", func(f *excelize.File) {
		addCourse(t, f, rowOf(t, f, rti, workbook.KeyCourse+"0")+1, "Fall Protection", 8)
	})
	last := "    - {number: Unit 14, title: Microprocessor Controls, hours: 36, year: 3, level: CET Level 2 (Advanced Curriculum)}\n"
	if !strings.Contains(src, last) {
		t.Fatal("test bug: the elevator program's courses changed")
	}
	got := string(res.YAML)
	if !strings.Contains(got, "    - title: Fall Protection\n      hours: 8\n      level: CET Level 1 (Core Curriculum)\n") || strings.Contains(got, "Fall Protection\n      hours: 8\n      year") {
		t.Errorf("got:\n%s\nfindings %s", got, findingsText(res.Findings))
	}
}

// TestWorkbookCourseUnderYear: a course row added under the first year's
// group takes that year, not the last group's.
func TestWorkbookCourseUnderYear(t *testing.T) {
	const rti = workbook.SheetRTI
	res, _ := editedProgram(t, hybridProgram, func(f *excelize.File) {
		r := rowOf(t, f, rti, workbook.KeyCourse+"0") + 1
		for r <= 1000 { // after the course's continued rows, if any
			if v, _ := f.GetCellValue(rti, "A"+itoa(r)); v != "" {
				break
			}
			r++
		}
		addCourse(t, f, r, "Charting Basics", 6)
	})
	if got := string(res.YAML); !strings.Contains(got, "    - title: Charting Basics\n      hours: 6\n      year: 1\n") {
		t.Errorf("got:\n%s\nfindings %s", got, findingsText(res.Findings))
	}
}
