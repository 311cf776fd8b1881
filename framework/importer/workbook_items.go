package importer

import (
	"strings"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/internal/lazy"
)

// hoursNames are the hours keys a job function's title row shows, by the
// approach the workbook was rendered with (its hours columns come first in
// the row's values), whatever the approach boxes now say.
func (w *workbookReader) hoursNames() []string {
	switch w.approach {
	case "time-based":
		return []string{"hours"}
	case "hybrid":
		return []string{"min_hours", "max_hours"}
	}
	return nil
}

// oneLine is a cell's text as it compares: runs of spaces and line breaks
// are one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// continued reports whether rows[i]'s text continues in the row below:
// where it was cut is not known, so its texts are not read back.
func continued(rows []Row, i, keyCol int) bool {
	return i+1 < len(rows) && rows[i+1].Cell(keyCol) == workbook.KeyContinued
}

// coreOrOptional reads a Core or Optional cell: "core", "optional" or ""
// (empty); ok is false (and a finding made) for anything else.
func (w *workbookReader) coreOrOptional(sheet string, row int, raw string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(raw)) {
	case "":
		return "", true
	case framework.Core:
		return framework.Core, true
	case framework.Optional:
		return framework.Optional, true
	}
	w.errorAt(sheet, row, workbook.ColType, "%q is not Core or Optional: choose one from the drop-down", raw)
	return "", false
}

// jobFunctionTitle matches a title cell's "JOB FUNCTION 1: " before the
// title.
var jobFunctionTitle = lazy.Regexp(`(?i)^\s*job\s+function\s+([^:\s]*)\s*:\s*`)

// readJobFunctionTexts reads a job function's title and its Core or
// Optional cell. A custom job function's are the program's to change; a
// framework job function's are the framework's, and an edit is a finding.
func (w *workbookReader) readJobFunctionTexts(sheet string, rows []Row, i, keyCol int, jf string) {
	row := rows[i]
	want := w.expect[sheet+"!"+workbook.KeyJobFunction+jf]
	n := len(w.hoursNames())
	if len(want) < n+2 {
		return // a workbook that did not record them
	}
	wantType, wantTitle := want[n], want[n+1]
	custom := w.patch.CustomJobFunction(jf)
	if typ, ok := w.coreOrOptional(sheet, row.Num, row.Cell(workbook.ColType-1)); ok && typ != "" && !strings.EqualFold(typ, wantType) {
		switch {
		case custom:
			if err := w.patch.SetJobFunctionText(jf, "type", typ); err != nil {
				w.errorAt(sheet, row.Num, workbook.ColType, "%v", err)
			}
			w.note(sheet, row.Num, workbook.ColType, "job function %s: type %s", jf, typ)
		case typ == framework.Optional:
			w.errorAt(sheet, row.Num, workbook.ColType, "job function %s is core in the framework, so every program includes it: it cannot be optional here; set the cell back to %s", jf, wantType)
		default:
			w.errorAt(sheet, row.Num, workbook.ColType, "job function %s is optional in the framework: a program includes it or leaves it out (delete all its rows) but cannot make it core; set the cell back to %s", jf, wantType)
		}
	} else if ok && typ == "" {
		w.errorAt(sheet, row.Num, workbook.ColType, "the Core or Optional cell of job function %s is empty; choose %s from the drop-down", jf, wantType)
	}
	if w.notesCol > 0 {
		// An empty level is not written (trailing empty cells are not).
		w.readLevel(sheet, row, jf, w.expected(sheet, workbook.KeyJobFunction+jf, n+3)[n+2], custom)
	}
	if continued(rows, i, keyCol) {
		return
	}
	cell := oneLine(row.Cell(workbook.ColLetter - 1))
	title := cell
	if m := jobFunctionTitle().FindStringSubmatch(cell); m != nil {
		if m[1] != jf {
			w.errorAt(sheet, row.Num, workbook.ColLetter, "the title row of job function %s says JOB FUNCTION %s: a job function's id cannot be changed in the workbook; set it back to JOB FUNCTION %s", jf, m[1], jf)
			return
		}
		title = cell[len(m[0]):]
	}
	switch {
	case title == oneLine(wantTitle):
	case title == "":
		w.errorAt(sheet, row.Num, workbook.ColLetter, "the title of job function %s is empty; write it after \"JOB FUNCTION %s: \"", jf, jf)
	case !custom:
		w.errorAt(sheet, row.Num, workbook.ColLetter, "the title of job function %s is the framework's and cannot be changed in the workbook; set it back to %q (a job function of your own is added in the program, with custom: true)", jf, wantTitle)
	default:
		if err := w.patch.SetJobFunctionText(jf, "title", title); err != nil {
			w.errorAt(sheet, row.Num, workbook.ColLetter, "%v", err)
		}
		w.note(sheet, row.Num, workbook.ColLetter, "job function %s: title %q", jf, title)
	}
}

// readCompetencyTexts reads a competency's text and its Core or Optional
// cell: a custom competency's are the program's to change; a framework
// competency's are the framework's, and an edit is a finding (a core one
// cannot become optional; an optional one is included or left out, never
// made core).
func (w *workbookReader) readCompetencyTexts(sheet string, rows []Row, i, keyCol int, jf, letter string) {
	row := rows[i]
	want := w.expect[sheet+"!"+workbook.KeyCompetency+jf+"."+letter]
	if len(want) < 4 {
		return // a workbook that did not record them
	}
	wantType, wantText := want[2], want[3]
	id := jf + "." + letter
	custom := w.patch.CustomCompetency(jf, letter)
	if typ, ok := w.coreOrOptional(sheet, row.Num, row.Cell(workbook.ColType-1)); ok && typ != "" && !strings.EqualFold(typ, wantType) {
		switch {
		case custom:
			if err := w.patch.SetCompetencyText(jf, letter, "type", typ); err != nil {
				w.errorAt(sheet, row.Num, workbook.ColType, "%v", err)
			}
			w.note(sheet, row.Num, workbook.ColType, "competency %s: type %s", id, typ)
		case typ == framework.Optional:
			w.errorAt(sheet, row.Num, workbook.ColType, "competency %s is core in the framework, so every program that includes job function %s includes it: it cannot be optional here; set the cell back to %s", id, jf, wantType)
		default:
			w.errorAt(sheet, row.Num, workbook.ColType, "competency %s is optional in the framework: a program includes it or leaves it out (delete its row) but cannot make it core; set the cell back to %s", id, wantType)
		}
	} else if ok && typ == "" {
		w.errorAt(sheet, row.Num, workbook.ColType, "the Core or Optional cell of competency %s is empty; choose %s from the drop-down", id, wantType)
	}
	if continued(rows, i, keyCol) {
		return
	}
	text := oneLine(row.Cell(workbook.ColText - 1))
	switch {
	case text == oneLine(wantText):
	case text == "":
		w.errorAt(sheet, row.Num, workbook.ColText, "the text of competency %s is empty; write it, or delete the row to cross the competency off", id)
	case !custom:
		w.errorAt(sheet, row.Num, workbook.ColText, "the text of competency %s is the framework's and cannot be changed in the workbook; set it back, or add a row of your own under job function %s for a competency in your words", id, jf)
	default:
		if err := w.patch.SetCompetencyText(jf, letter, "text", text); err != nil {
			w.errorAt(sheet, row.Num, workbook.ColText, "%v", err)
		}
		w.note(sheet, row.Num, workbook.ColText, "competency %s: text edited", id)
	}
}

// readLevel reads "Level: Basic" in a job function's notes cell (its other
// notes, such as Custom, are not read).
func (w *workbookReader) readLevel(sheet string, row Row, jf, want string, custom bool) {
	level := ""
	for _, part := range strings.Split(row.Cell(w.notesCol-1), ";") {
		if v, ok := cutFold(strings.TrimSpace(part), "level:"); ok {
			level = oneLine(v)
		}
	}
	switch {
	case level == oneLine(want):
	case !custom:
		w.errorAt(sheet, row.Num, w.notesCol, "the level of job function %s is the framework's and cannot be changed in the workbook; set the cell back to \"Level: %s\"", jf, want)
	default:
		if err := w.patch.SetJobFunctionText(jf, "level", level); err != nil {
			w.errorAt(sheet, row.Num, w.notesCol, "%v", err)
			return
		}
		w.note(sheet, row.Num, w.notesCol, "job function %s: level %q", jf, level)
	}
}

// cutFold is strings.CutPrefix, ignoring case.
func cutFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}
