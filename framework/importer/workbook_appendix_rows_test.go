package importer

import (
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

const (
	hvacProgram        = "../../templates/testdata/programs/hvac-0637HY.yaml"
	dataAnalystProgram = "../../templates/testdata/programs/data-analyst-2099CB.yaml"
	elevatorProgram    = "../../examples/elevator-0174.yaml"
	coderProgram       = "../../examples/medical-coder-cb.yaml"
)

// insertAppendixRow inserts a row at r of the Appendix A sheet and types
// values into it, by column (1 = A).
func insertAppendixRow(t *testing.T, f *excelize.File, r int, values map[int]any) {
	t.Helper()
	insertRow(t, f, workbook.SheetAppendix, r)
	for col, v := range values {
		set(t, f, workbook.SheetAppendix, col, r, v)
	}
}

// under is the row right under the Appendix A row keyed key.
func under(t *testing.T, f *excelize.File, key string) int {
	t.Helper()
	return rowOf(t, f, workbook.SheetAppendix, key) + 1
}

// TestWorkbookWageStepsInserted: a row inserted in the wage schedule is
// one more step, where it was inserted, read as people type it.
func TestWorkbookWageStepsInserted(t *testing.T) {
	const percentCol, rateCol = 2, 3 // with a percent column; without, the rate is column 2
	cases := []struct {
		name, program string
		edit          func(t *testing.T, f *excelize.File)
		diff          [][2]string
	}{
		{"hours and a percent between two steps", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "step 1"), map[int]any{1: "after 750 hours", percentCol: 0.75})
		}, [][2]string{{"    - {percent: 70, hours: 500}\n", "    - {percent: 70, hours: 500}\n    - {percent: 75, hours: 750}\n"}}},
		{"a bare number and a percent as text, at the end", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "step 3"), map[int]any{1: "1,800", percentCol: "95%"})
		}, [][2]string{{"    - {percent: 90, hours: 1500}\n", "    - {percent: 90, hours: 1500}\n    - {percent: 95, hours: 1800}\n"}}},
		{"the rate the percent gives, typed or copied as a formula, is computed", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			r := under(t, f, "step 3")
			insertAppendixRow(t, f, r, map[int]any{1: "1800 hours", percentCol: 0.95, rateCol: 23.28})
			insertAppendixRow(t, f, r+1, map[int]any{1: "1900", percentCol: 0.97})
			if err := f.SetCellFormula(workbook.SheetAppendix, cellName(rateCol, r+1), "ROUND(B27*C21,2)"); err != nil {
				t.Fatal(err)
			}
		}, [][2]string{{"    - {percent: 90, hours: 1500}\n", "    - {percent: 90, hours: 1500}\n    - {percent: 95, hours: 1800}\n    - {percent: 97, hours: 1900}\n"}}},
		{"a percent and another rate: both stated", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "step 3"), map[int]any{1: "From 1,800 hours of OJL", percentCol: 95, rateCol: "$24.00"})
		}, [][2]string{{"    - {percent: 90, hours: 1500}\n", "    - {percent: 90, hours: 1500}\n    - {percent: 95, rate: 24.00, hours: 1800}\n"}}},
		{"before the first step, under the journeyworker rate", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "wage rate"), map[int]any{1: "From the start", percentCol: 0.5})
		}, [][2]string{{"  steps:\n", "  steps:\n    - {percent: 50, hours: 0}\n"}}},
		{"a label and a note", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "step 3"), map[int]any{1: "Certified technician\nafter the PTCB exam", rateCol: "$25.00"})
		}, [][2]string{{"    - {percent: 90, hours: 1500}\n", "    - {percent: 90, hours: 1500}\n    - {rate: 25.00, label: Certified technician, note: after the PTCB exam}\n"}}},
		{"a label and when, as the sheet writes them", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "step 3"), map[int]any{1: "Senior — 1,800 – 2,000 hours of OJL", percentCol: 0.95})
		}, [][2]string{{"    - {percent: 90, hours: 1500}\n", "    - {percent: 90, hours: 1500}\n    - {percent: 95, hours: 1800, label: Senior}\n"}}},
		{"a period after periods", plumberProgram, func(t *testing.T, f *excelize.File) {
			r := under(t, f, "step 3")
			insertAppendixRow(t, f, r, map[int]any{1: "2000", percentCol: 0.9})
			insertAppendixRow(t, f, r+1, map[int]any{1: "6th period: 1,600 – 2,000 hours of OJL", percentCol: 0.95})
		}, [][2]string{{"    - {percent: 85, period: {min_hours: 1575, max_hours: 2000}}\n",
			"    - {percent: 85, period: {min_hours: 1575, max_hours: 2000}}\n    - {percent: 90, period: {min_hours: 2000}}\n    - {percent: 95, period: {min_hours: 1600, max_hours: 2000}}\n"}}},
		{"months after months, a rate alone", hvacProgram, func(t *testing.T, f *excelize.File) {
			r := under(t, f, "step 7")
			insertAppendixRow(t, f, r, map[int]any{1: "48", rateCol: 25.9})
			insertAppendixRow(t, f, r+1, map[int]any{1: "After 54 months", rateCol: "$26.60"})
		}, [][2]string{{"    - {rate: 25.20, months: 42}\n", "    - {rate: 25.20, months: 42}\n    - {rate: 25.90, months: 48}\n    - {rate: 26.60, months: 54}\n"}}},
		{"on completing job functions", coderProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "step 3"), map[int]any{1: "On completing job functions 1, 2, 3, 4 and 5", percentCol: "95 %"})
		}, [][2]string{{`    - {percent: 90, competencies: ["1", "2", "3", "4"]}` + "\n",
			`    - {percent: 90, competencies: ["1", "2", "3", "4"]}` + "\n" + `    - {percent: 95, competencies: ["1", "2", "3", "4", "5"]}` + "\n"}}},
		{"a named level of dollar rates, its note in the notes column", elevatorProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "step 4"), map[int]any{1: "CET Level 2, Year 4 completed", 2: 36.1, 3: "exams passed"})
		}, [][2]string{{`    - {rate: 34.60, label: "CET Level 2, Year 3 completed"}` + "\n",
			`    - {rate: 34.60, label: "CET Level 2, Year 3 completed"}` + "\n" + `    - {rate: 36.10, label: "CET Level 2, Year 4 completed", note: exams passed}` + "\n"}}},
		{"a step inserted and another deleted", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "step 2"), map[int]any{1: "1250", percentCol: 0.85})
			removeRow(t, f, workbook.SheetAppendix, "step 3")
		}, [][2]string{{"    - {percent: 90, hours: 1500}\n", "    - {percent: 85, hours: 1250}\n"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkEdited(t, c.program, c.edit, c.diff) })
	}
}

// TestWorkbookCredentialsInserted: a row inserted in the interim
// credentials table is one more credential, where it was inserted.
func TestWorkbookCredentialsInserted(t *testing.T) {
	cases := []struct {
		name, program string
		edit          func(t *testing.T, f *excelize.File)
		diff          [][2]string
	}{
		{"after the last, with when and a note", plumberProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "credential 0"), map[int]any{1: "Journeyworker  Plumber", 3: "On completing job functions 1, 2 and 3; after 6,000 hours of OJL; after 576 hours of related instruction\nstate license exam"})
		}, [][2]string{{"    note: first two years/levels of related instruction\n",
			"    note: first two years/levels of related instruction\n  - title: Journeyworker Plumber\n    after: [\"1\", \"2\", \"3\"]\n    after_hours: 6000\n    after_rti_hours: 576\n    note: state license exam\n"}}},
		{"before the first, a title alone", dataAnalystProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "credential head"), map[int]any{1: "OSHA 10"})
		}, [][2]string{{"interim_credentials:\n", "interim_credentials:\n  - title: OSHA 10\n"}}},
		{"between two, when typed in the column beside the title", hvacProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "credential 0"), map[int]any{1: "NATE Ready-to-Work", 2: "after 1000 hours"})
		}, [][2]string{{"    note: The Level 1 course EPA Section 608 Certification Preparation precedes the examination.\n",
			"    note: The Level 1 course EPA Section 608 Certification Preparation precedes the examination.\n  - title: NATE Ready-to-Work\n    after_hours: 1000\n"}}},
		{"related instruction hours written short", hvacProgram, func(t *testing.T, f *excelize.File) {
			insertAppendixRow(t, f, under(t, f, "credential 1"), map[int]any{1: "Level 2 certificate", 3: "288 RTI hours; job function 3"})
		}, [][2]string{{"    after_hours: 500\n", "    after_hours: 500\n  - title: Level 2 certificate\n    after_rti_hours: 288\n    after: [\"3\"]\n"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkEdited(t, c.program, c.edit, c.diff) })
	}
}

// TestWorkbookStepTexts: a wage step's label and note come back; when it
// applies, written from its numbers, typed over is a warning.
func TestWorkbookStepTexts(t *testing.T) {
	const app = workbook.SheetAppendix
	cases := []struct {
		name, program string
		edit          func(t *testing.T, f *excelize.File)
		diff          [][2]string
		warnings      []string
	}{
		{"a label", elevatorProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 1, rowOf(t, f, app, "step 1"), "CET Level 1,  Course 1 passed")
		}, [][2]string{{`label: "CET Level 1, Course 1 completed"`, `label: "CET Level 1, Course 1 passed"`}}, nil},
		{"a note in the notes column, changed and added", elevatorProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 3, rowOf(t, f, app, "step 5"), "on completion")
			set(t, f, app, 3, rowOf(t, f, app, "step 0"), "probationary")
		}, [][2]string{{"note: upon completion}", "note: on completion}"}, {"{rate: 24.60, label: Entry}", "{rate: 24.60, label: Entry, note: probationary}"}}, nil},
		{"a note under when", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 1, rowOf(t, f, app, "step 1"), "500 – 1,000 hours of OJL\nafter the math screening")
		}, [][2]string{{"{percent: 70, hours: 500}", "{percent: 70, hours: 500, note: after the math screening}"}}, nil},
		{"when typed over", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			set(t, f, app, 1, rowOf(t, f, app, "step 1"), "600 – 1,000 hours of OJL")
		}, nil, []string{"when wage step 2 applies is written from its hours, period, months or job functions: edit those in the program; the text typed here is ignored"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkEdited(t, c.program, c.edit, c.diff, c.warnings...) })
	}
}

// TestWorkbookCredentialNotes: an interim credential's note, under when
// it is earned, comes back: edited, added, removed.
func TestWorkbookCredentialNotes(t *testing.T) {
	const app = workbook.SheetAppendix
	const epaNote = "    note: The Level 1 course EPA Section 608 Certification Preparation precedes the examination.\n"
	cases := []struct {
		name string
		edit func(t *testing.T, f *excelize.File)
		diff [][2]string
	}{
		{"edited", func(t *testing.T, f *excelize.File) {
			set(t, f, app, 3, rowOf(t, f, app, "credential 0"), "On completing job functions 1 and 2; after 144 hours of related instruction\nTaken at the end of Level 1.")
		}, [][2]string{{epaNote, "    note: Taken at the end of Level 1.\n"}}},
		{"removed", func(t *testing.T, f *excelize.File) {
			set(t, f, app, 3, rowOf(t, f, app, "credential 0"), "On completing job functions 1 and 2; after 144 hours of related instruction")
		}, [][2]string{{epaNote, ""}}},
		{"added", func(t *testing.T, f *excelize.File) {
			set(t, f, app, 3, rowOf(t, f, app, "credential 1"), "After 500 hours of OJL\nOSHA Outreach trainer")
		}, [][2]string{{"    after_hours: 500\n", "    after_hours: 500\n    note: OSHA Outreach trainer\n"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkEdited(t, hvacProgram, c.edit, c.diff) })
	}
}

// TestWorkbookInsertedRowFindings: an inserted wage step or credential
// whose cells cannot be read is named, and nothing is written.
func TestWorkbookInsertedRowFindings(t *testing.T) {
	const app = workbook.SheetAppendix
	at := func(col, row int) string {
		return "p.xlsx:" + app + "!" + framework.ColumnName(col) + itoa(row) + ": error: "
	}
	cases := []struct {
		name, program string
		edit          func(t *testing.T, f *excelize.File) string // the findings wanted
	}{
		{"a step that does not say when", pharmacyProgram, func(t *testing.T, f *excelize.File) string {
			r := under(t, f, "step 3")
			insertAppendixRow(t, f, r, map[int]any{2: 0.95})
			return at(1, r) + `the added wage step does not say when it applies; write it, such as "after 1,600 hours", "After 6 months", "On completing job functions 1 and 2", or a name for the step [import]` + "\n"
		}},
		{"a step's percent that is not one", pharmacyProgram, func(t *testing.T, f *excelize.File) string {
			r := under(t, f, "step 3")
			insertAppendixRow(t, f, r, map[int]any{1: "1800", 2: "most"})
			return at(2, r) + `"most" is not a percent; write one such as 65% [import]` + "\n"
		}},
		{"a step's rate that is not one", hvacProgram, func(t *testing.T, f *excelize.File) string {
			r := under(t, f, "step 7")
			insertAppendixRow(t, f, r, map[int]any{1: "48", 3: "a raise"})
			return at(3, r) + `"a raise" is not a rate; write a number of dollars such as 24.50 [import]` + "\n"
		}},
		{"a rate written with a decimal comma", hvacProgram, func(t *testing.T, f *excelize.File) string {
			r := under(t, f, "step 7")
			insertAppendixRow(t, f, r, map[int]any{1: "48", 3: "$25,90"})
			return at(3, r) + `"$25,90" is not a rate; write a number of dollars such as 24.50 [import]` + "\n"
		}},
		{"a step with neither", pharmacyProgram, func(t *testing.T, f *excelize.File) string {
			r := under(t, f, "step 3")
			insertAppendixRow(t, f, r, map[int]any{1: "after 1,800 hours"})
			return at(2, r) + "the added wage step has no percent or rate; write one, such as 65% or $24.60 (a row right under the wage schedule is a step: a note of the schedule goes under its notes) [import]\n"
		}},
		{"a credential without a title", plumberProgram, func(t *testing.T, f *excelize.File) string {
			r := under(t, f, "credential 0")
			insertAppendixRow(t, f, r, map[int]any{3: "after 4,000 hours"})
			return at(1, r) + "the added interim credential has no title; write it in this cell [import]\n"
		}},
		{"a credential earned when cannot be told", plumberProgram, func(t *testing.T, f *excelize.File) string {
			r := under(t, f, "credential 0")
			insertAppendixRow(t, f, r, map[int]any{1: "Gas fitter", 3: "when ready"})
			return at(3, r) + `"when ready" does not say when the credential is earned; write it as "On completing job functions 1 and 2", "after 2,000 hours of OJL" or "after 144 hours of related instruction" (several joined by ;), and a note on the next line [import]` + "\n"
		}},
		{"a credential earned after two numbers of hours", plumberProgram, func(t *testing.T, f *excelize.File) string {
			r := under(t, f, "credential 0")
			insertAppendixRow(t, f, r, map[int]any{1: "Gas fitter", 3: "after 4,000 hours; after 5,000 hours"})
			return at(3, r) + `"after 4,000 hours; after 5,000 hours" says twice when the credential is earned (after_hours); write each of job functions, OJL hours and related instruction hours once [import]` + "\n"
		}},
		{"a wage step typed in the blank row between two sections", plumberProgram, func(t *testing.T, f *excelize.File) string {
			r := rowOf(t, f, app, workbook.KeyText+"probation.note") + 1
			set(t, f, app, 1, r, "after 7,000 hours")
			set(t, f, app, 2, r, "90%")
			return at(1, r) + "this row is in no table or list of the sheet, so it cannot be read; to add a wage step, a note, a selection procedure or an interim credential, type it in a row right under one of theirs (no blank row between), or delete this row [import]\n"
		}},
		{"a percent alone in a blank row", plumberProgram, func(t *testing.T, f *excelize.File) string {
			r := under(t, f, workbook.KeyProcedure+"1")
			set(t, f, app, 2, r, "90%")
			return at(2, r) + "this row is in no table or list of the sheet, so it cannot be read; to add a wage step or an interim credential, type it in a row right under one of theirs (no blank row between), or delete this row [import]\n"
		}},
		{"a wage note typed with a percent beside it", plumberProgram, func(t *testing.T, f *excelize.File) string {
			r := under(t, f, workbook.KeyWageNote+"1")
			set(t, f, app, 1, r, "Overtime is paid at time and a half.")
			set(t, f, app, 2, r, "150%")
			return at(2, r) + "an added wage schedule note is the text in column A alone; move this cell's text there, or delete it [import]\n"
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var want string
			res, _ := editedProgram(t, c.program, func(f *excelize.File) { want = c.edit(t, f) })
			checkFindings(t, res, want)
		})
	}
}

// TestWorkbookStrayRowEarlier: a workbook rendered before Appendix A's
// headings were keyed cannot tell a person's row from its own unkeyed
// headings, so a row in no table is left unread there, as it was.
func TestWorkbookStrayRowEarlier(t *testing.T) {
	const app = workbook.SheetAppendix
	res, _ := editedProgram(t, plumberProgram, func(f *excelize.File) {
		rows, err := f.GetRows(app)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			if len(r) > 3 && r[3] == workbook.KeyHead {
				set(t, f, app, 4, i+1, "")
			}
		}
		set(t, f, app, 1, rowOf(t, f, app, workbook.KeyText+"probation.note")+1, "after 7,000 hours")
	})
	if res.YAML == nil || len(res.Findings) > 0 {
		t.Errorf("got %s, want the program and no finding", findingsText(res.Findings))
	}
}

// TestStepWhen: each way of saying when a step applies gives its keys.
func TestStepWhen(t *testing.T) {
	cases := []struct{ text, kind, want string }{
		{"after 1,600 hours", "period", "[hours, 1600]"},
		{"from 1,600 hours of OJL", "", "[hours, 1600]"},
		{"1600", "", "[hours, 1600]"},
		{"1,600 – 2,000 hours of OJL", "hours", "[hours, 1600]"},
		{"2000", "period", "[period, {min_hours: 2000}]"},
		{"1,600 – 2,000 hours of OJL", "period", "[period, {min_hours: 1600, max_hours: 2000}]"},
		{"5th period: 1,600 – 2,000 hours of OJL", "hours", "[period, {min_hours: 1600, max_hours: 2000}]"},
		{"After 6 months", "hours", "[months, 6]"},
		{"18 months", "", "[months, 18]"},
		{"30", "months", "[months, 30]"},
		{"On completing job functions 1 and 2", "", `[competencies, ["1", "2"]]`},
		{"job functions 1 to 4", "", `[competencies, ["1", "2", "3", "4"]]`},
		{"completing job functions S1, S-2 & 3", "", `[competencies, [S1, S-2, "3"]]`},
		{"From the start", "hours", "[hours, 0]"},
		{"start", "months", "[months, 0]"},
		{"Certified technician", "hours", "[]"},
		{"after the exam", "hours", "[]"},
		{"after 1,60 hours", "hours", "[]"}, // a decimal comma, not 160
		{"1,600.5", "hours", "[hours, 1600.5]"},
	}
	for _, c := range cases {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: stepWhen(c.text, c.kind)}
		if got := flowText(seq); got != c.want {
			t.Errorf("%q after a %q step: %s, want %s", c.text, c.kind, got, c.want)
		}
	}
}

// TestMoney: a comma separates thousands only, so a decimal comma is
// refused rather than read as a hundred times the rate.
func TestMoney(t *testing.T) {
	cases := []struct{ raw, want string }{
		{"$24.60", "24.6"}, {"24.6", "24.6"}, {"$ 1,250.00", "1250"}, {"1,234,567", "1234567"},
		{"$24,60", ""}, {"30,5", ""}, {"1,2345", ""}, {",250", ""}, {"1,250,5", ""}, {"1.250,00", ""}, {"-3", ""},
	}
	for _, c := range cases {
		d, ok := money(c.raw)
		if got := map[bool]string{true: d.String()}[ok]; got != c.want {
			t.Errorf("money(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
}

// TestInsertedRowsDoc keeps docs/import.md's examples of inserted rows
// true: each when, percent and rate the wage table shows, and each part
// of a credential's Earned cell, is read as the doc says.
func TestInsertedRowsDoc(t *testing.T) {
	data, err := os.ReadFile("../../docs/import.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	labels := map[string]bool{"Certified technician": true, "Senior — 1,800 hours": true}
	keys := map[string]bool{"hours": true, "months": true, "competencies": true, "hours: 0": true, "label": true, "note": true, "percent": true, "rate": true}
	n := 0
	for _, line := range strings.Split(text, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 {
			continue
		}
		for _, m := range backticked.FindAllStringSubmatch(cells[2], -1) {
			v := m[1]
			if keys[v] || labels[v] || strings.HasPrefix(v, "{") {
				continue
			}
			var ok bool
			switch strings.TrimSpace(cells[1]) {
			case "Period or level":
				ok = stepWhen(v, "hours") != nil || stepWhen(strings.TrimPrefix(v, "Senior — "), "") != nil
			case "Percent of journeyworker rate":
				_, err := percentOf(v)
				ok = err == nil
			case "Hourly rate":
				_, ok = money(v)
			default:
				continue
			}
			n++
			if !ok {
				t.Errorf("docs/import.md gives %q in the wage table's %s column; it is not read", v, strings.TrimSpace(cells[1]))
			}
		}
	}
	_, creds, _ := strings.Cut(strings.Join(strings.Fields(text), " "), "**In the interim credentials table**")
	creds, _, _ = strings.Cut(creds, "An empty Earned cell")
	for _, m := range backticked.FindAllStringSubmatch(creds, -1) {
		if m[1] == ";" {
			continue
		}
		n++
		f := credentialFrom(t, m[1])
		if f == nil {
			t.Errorf("docs/import.md gives %q as when a credential is earned; it is not read", m[1])
		}
	}
	if n < 20 {
		t.Errorf("found %d examples in docs/import.md", n)
	}
}

// credentialFrom reads an inserted credential row whose Earned
// cell is earned; nil when it cannot be read.
func credentialFrom(t *testing.T, earned string) *yaml.Node {
	t.Helper()
	w := &workbookReader{name: "p.xlsx"}
	cols := map[string]int{workbook.HeaderCredential: 1, workbook.HeaderEarned: 3}
	n := w.insertedCredential(workbook.SheetAppendix, Row{Num: 1, Cells: []string{"A title", "", earned}}, cols)
	if len(w.findings) > 0 {
		return nil
	}
	return n
}
