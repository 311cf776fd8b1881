package importer

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/workbook"
)

// TestWorkbookFieldEdits: header fields that show several keys, or one in
// other words, come back as the keys they show.
func TestWorkbookFieldEdits(t *testing.T) {
	const wps, rti = workbook.SheetSchedule, workbook.SheetRTI
	field := func(t *testing.T, f *excelize.File, sheet, path string, v any) {
		col := workbook.FieldValueSchedule
		if sheet == rti {
			col = workbook.FieldValueRTI
		}
		set(t, f, sheet, col, rowOf(t, f, sheet, workbook.KeyField+path), v)
	}
	cases := []struct {
		name    string
		program string
		edit    func(t *testing.T, f *excelize.File)
		diff    [][2]string
	}{
		{"sponsor and its registration number", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, wps, workbook.FieldSponsor, "Riverbend Pharmacy (registration 2026-IL-000312)")
		}, [][2]string{{"  name: Riverbend Community Pharmacy\n  number: \"2026-IL-000311\"", "  name: Riverbend Pharmacy\n  number: \"2026-IL-000312\""}}},
		{"sponsor without its number", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, wps, workbook.FieldSponsor, "Riverbend Community Pharmacy")
		}, [][2]string{{"  number: \"2026-IL-000311\"\n", ""}}},
		{"contact's title", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, wps, workbook.FieldContact, "Maria Kowalski, Director of Pharmacy, Springfield")
		}, [][2]string{{"    title: Pharmacy Manager", "    title: Director of Pharmacy, Springfield"}}},
		{"contact's name", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, wps, workbook.FieldContact, "Kowalski, Maria, Pharmacy Manager")
		}, [][2]string{{"    name: Maria Kowalski", "    name: Kowalski, Maria"}}},
		{"stackable", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, wps, workbook.FieldStackable, "x yes     ☐ no")
			field(t, f, wps, "occupation.base_occupation", "Pharmacy Aide")
		}, [][2]string{{"  level: Basic\n", "  level: Basic\n  stackable: true\n  base_occupation: Pharmacy Aide\n"}}},
		{"O*NET code the framework gave", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, wps, "occupation.onet", "29-2052.01")
		}, [][2]string{{"  level: Basic\n", "  level: Basic\n  onet: 29-2052.01\n"}}},
		{"approach by one word", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, wps, workbook.FieldApproach, "Hybrid")
		}, [][2]string{{"approach: time-based", "approach: hybrid"}}},
		{"term", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, wps, workbook.FieldTerm, "2,080 hours of on-the-job learning; time-based")
		}, [][2]string{{"term:\n  hours: 2000", "term:\n  hours: 2080"}}},
		{"prerequisites, one per line", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, wps, workbook.FieldPrerequisites, "High school diploma or GED\n\n18 years of age or older\nA background check")
		}, [][2]string{{"  - 18 years of age or older\n", "  - 18 years of age or older\n  - A background check\n"}}},
		{"RTI paid and schedule", pharmacyProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, rti, workbook.FieldPaid, "No")
			field(t, f, rti, workbook.FieldSchedule, "during work hours")
		}, [][2]string{{"  paid: true\n  schedule: outside-work", "  paid: false\n  schedule: during-work"}}},
		{"specialization removed", roiProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, wps, workbook.FieldSpecialization, "")
		}, [][2]string{{"  specialization: release-of-information\n", ""}}},
		{"specialization by its id", roiProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, wps, workbook.FieldSpecialization, "release-of-information")
		}, nil},
		{"competency-based term in months and hours", "../../examples/medical-coder-cb.yaml", func(t *testing.T, f *excelize.File) {
			field(t, f, wps, workbook.FieldTerm, "18 months (3,000 hours) of on-the-job learning; progress by demonstrated competency")
		}, [][2]string{{"term:\n  months: 12\n", "term:\n  months: 18\n  hours: 3000\n"}}},
		{"hybrid term", hybridProgram, func(t *testing.T, f *excelize.File) {
			field(t, f, wps, workbook.FieldTerm, "2,000 to 3,000.5 hours of on-the-job learning")
		}, [][2]string{{"  max_hours: 3000\n", "  max_hours: 3000.5\n"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkEdited(t, c.program, c.edit, c.diff) })
	}
}

// TestWorkbookFieldFindings: a field that cannot be read says why, at its
// cell.
func TestWorkbookFieldFindings(t *testing.T) {
	const wps = workbook.SheetSchedule
	cases := []struct {
		program, path, value, want string
	}{
		{pharmacyProgram, workbook.FieldStackable, "☒ yes     ☒ no", "check exactly one box of yes, no (2 are checked)"},
		{pharmacyProgram, workbook.FieldStackable, "maybe", `"maybe" cannot be read as boxes: keep the labels yes, no, each after its box (☒ checked, ☐ not), or write one of them alone`},
		{pharmacyProgram, workbook.FieldApproach, "? Competency-Based ☐ Time-Based ☐ Hybrid", `"?" before Competency-Based is not a box: write ☒ (or x) for checked, ☐ for not`},
		{pharmacyProgram, workbook.FieldTerm, "four years", `"four years" states no term: write its hours (2,000 hours; hybrid: 2,000 to 2,400 hours) or its months or years`},
		{pharmacyProgram, workbook.FieldSponsor, " (registration 1)", "the sponsor's name is empty; write it (with its registration number in parentheses: Name (registration 2026-IL-000311))"},
		{roiProgram, workbook.FieldSpecialization, "Coding auditor", `the framework has no specialization "Coding auditor"; write one of: Release of Information Specialist (or leave the cell empty)`},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			checkCellError(t, c.program, wps, workbook.KeyField+c.path, workbook.FieldValueSchedule, c.value, c.want)
		})
	}
}
