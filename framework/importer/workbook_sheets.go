package importer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

// readSchedule applies the Work Process Schedule's edits: job function
// hours, RTI/OJT marks, competency rows deleted, rows added under a job
// function (the sponsor's own competencies).
func (w *workbookReader) readSchedule() error {
	const sheet = workbook.SheetSchedule
	t, keyCol, err := w.keyedRows(sheet)
	if err != nil {
		return err
	}
	seen := map[string]int{}             // key -> its row
	used := map[string]map[string]bool{} // job function -> its competency letters
	for k := range w.expect {
		if rest, ok := strings.CutPrefix(k, sheet+"!"+workbook.KeyCompetency); ok {
			jf, letter, _ := strings.Cut(rest, ".")
			if used[jf] == nil {
				used[jf] = map[string]bool{}
			}
			used[jf][letter] = true
		}
	}
	jf := ""         // the job function whose table the rows are in
	started := false // rows above the first table are the title and header fields
	shown := w.shownItems(sheet)
	var block *itemBlock // the competency whose sub-item rows follow
	finish := func() {
		if block != nil {
			w.finishItems(sheet, block, shown[block.id()])
		}
		block = nil
	}
	keyed := false // a row the workbook wrote was read: the title is above it
	for i, row := range t.Rows {
		key := row.Cell(keyCol)
		cell := func(col int) string { return row.Cell(col - 1) }
		wasKeyed := keyed
		keyed = keyed || key != ""
		switch {
		case strings.HasPrefix(key, workbook.KeyField):
			w.readField(sheet, t.Rows, i, keyCol, 3)
		case strings.HasPrefix(key, workbook.KeyJobFunction):
			finish()
			jf, started = strings.TrimPrefix(key, workbook.KeyJobFunction), true
			seen[key] = row.Num
			w.readHours(sheet, row, key, jf)
			w.readJobFunctionTexts(sheet, t.Rows, i, keyCol, jf)
		case strings.HasPrefix(key, workbook.KeyCompetency):
			seen[key] = row.Num
			id, letter, _ := strings.Cut(strings.TrimPrefix(key, workbook.KeyCompetency), ".")
			finish()
			block = &itemBlock{jf: id, letter: letter, row: row.Num, custom: w.patch.CustomCompetency(id, letter)}
			want := w.expected(sheet, key, 2)
			rti := w.mark(sheet, row.Num, workbook.ColRTI, cell(workbook.ColRTI))
			ojt := w.mark(sheet, row.Num, workbook.ColOJT, cell(workbook.ColOJT))
			if rti != (want[0] != "") || ojt != (want[1] != "") {
				if err := w.patch.SetDelivery(id, letter, rti, ojt); err != nil {
					w.errorAt(sheet, row.Num, workbook.ColRTI, "%v", err)
				}
				w.note(sheet, row.Num, workbook.ColRTI, "competency %s.%s: delivery %s", id, letter, deliveryWords(rti, ojt))
			}
			w.readCompetencyTexts(sheet, t.Rows, i, keyCol, id, letter)
		case key == workbook.KeyContinued:
		case key == workbook.KeyItemOld:
			// A sub-item of a workbook rendered before sub-items were read
			// back: not read.
			if block != nil {
				block.legacy = true
			}
		case strings.HasPrefix(key, workbook.KeyItem):
			if comp, depth, ok := itemKeyOf(key); ok && block != nil && comp == block.id() {
				w.readItemRow(sheet, t.Rows, i, keyCol, block, key, depth)
			} else if ok {
				w.errorAt(sheet, row.Num, workbook.ColText, "this row is a sub-item of competency %s but is not under its row (deleted or moved); delete it, or move it back under competency %s", comp, comp)
			}
		case key == workbook.KeyTotal:
			// Rows after the totals (sections a later version may add) are
			// not job function tables.
			finish()
			jf, started = "", false
			w.totals(sheet, row, workbook.ColHours, workbook.ColHours+1)
		case key == workbook.KeyHead:
			finish()
			jf, started = "", true // column headings, a specialization's title: no table's rows yet
			for c, h := range row.Cells {
				if strings.TrimSpace(h) == workbook.HeaderNotes && c != keyCol {
					w.notesCol = c + 1
				}
			}
		case key != "":
			finish()
			jf = "" // a row this version does not know: not a table's
		case strings.TrimSpace(cell(workbook.ColText)) != "" && jf != "":
			if block != nil {
				if d := insertedItemDepth(row, block); d > 0 {
					w.readItemRow(sheet, t.Rows, i, keyCol, block, "", d)
					continue
				}
			}
			finish()
			// Rows under an added competency may be its sub-items.
			if letter := w.addCompetency(sheet, row, jf, used); letter != "" {
				block = &itemBlock{jf: jf, letter: letter, row: row.Num, custom: true}
			}
		case strings.TrimSpace(cell(workbook.ColText)+cell(workbook.ColRTI)+cell(workbook.ColOJT)) != "" && jf == "" && started:
			w.errorAt(sheet, row.Num, workbook.ColText, "a competency row outside any job function: add competency rows under a job function's rows")
		case key == "" && jf == "" && wasKeyed:
			// Every row the workbook wrote below its title has a key: this
			// one, between the header fields and the tables or under the
			// totals, is a person's, and would otherwise be lost.
			col := 1
			if strings.TrimSpace(cell(1)) == "" {
				col = otherCell(row, keyCol)
			}
			if col > 0 {
				w.errorAt(sheet, row.Num, col, "this row is in no table of the sheet, so it cannot be read; to add a competency, type it in a row of a job function's table, or delete this row")
			}
		}
	}
	finish()
	w.removeDeleted(sheet, seen, used)
	return nil
}

// removeDeleted crosses off what a person deleted: a job function whose
// rows were all deleted, and competencies whose rows were. A job
// function's heading deleted without its competency rows is ambiguous.
func (w *workbookReader) removeDeleted(sheet string, seen map[string]int, used map[string]map[string]bool) {
	var jfs, comps []string
	for k := range w.expect {
		rest, ok := strings.CutPrefix(k, sheet+"!")
		switch {
		case !ok || seen[rest] > 0:
		case strings.HasPrefix(rest, workbook.KeyJobFunction):
			jfs = append(jfs, strings.TrimPrefix(rest, workbook.KeyJobFunction))
		case strings.HasPrefix(rest, workbook.KeyCompetency):
			comps = append(comps, strings.TrimPrefix(rest, workbook.KeyCompetency))
		}
	}
	slices.Sort(jfs)
	slices.Sort(comps)
	whole := map[string]bool{}
	for _, jf := range jfs {
		left := 0
		for letter := range used[jf] {
			if r := seen[workbook.KeyCompetency+jf+"."+letter]; r > 0 && (left == 0 || r < left) {
				left = r
			}
		}
		if left > 0 {
			w.errorAt(sheet, left, workbook.ColText, "the heading row of job function %s was deleted but not all of its competency rows; delete all of its rows to cross it off, or restore the heading", jf)
			continue
		}
		whole[jf] = true
		if err := w.patch.RemoveJobFunction(jf); err == nil {
			w.note(sheet, 0, 0, "job function %s's rows were deleted: crossed off", jf)
		}
	}
	for _, c := range comps {
		id, letter, _ := strings.Cut(c, ".")
		if whole[id] {
			continue
		}
		if err := w.patch.RemoveCompetency(id, letter); err == nil {
			w.note(sheet, 0, 0, "competency %s's row was deleted: crossed off", c)
		}
	}
}

// readHours reads a job function's hours cells.
func (w *workbookReader) readHours(sheet string, row Row, key, jf string) {
	want := w.expect[sheet+"!"+key]
	names := w.hoursNames()
	for i := range min(len(want), len(names)) {
		col := workbook.ColHours + i
		raw := strings.TrimSpace(row.Cell(col - 1))
		if raw == want[i] {
			continue
		}
		if raw == "" {
			w.errorAt(sheet, row.Num, col, "the hours cell of job function %s is empty; write its hours", jf)
			continue
		}
		d, ok := w.hours(sheet, row.Num, col, raw)
		if !ok || (want[i] != "" && sameNumber(want[i], d)) {
			continue
		}
		if err := w.patch.SetHours(jf, names[i], d, w.formula(sheet, row.Num, col)); err != nil {
			w.errorAt(sheet, row.Num, col, "%v", err)
			continue
		}
		w.note(sheet, row.Num, col, "job function %s: %s %s", jf, names[i], d)
	}
}

// addCompetency reads a row a person added under job function jf and
// returns the added competency's letter ("" when it cannot be added).
func (w *workbookReader) addCompetency(sheet string, row Row, jf string, used map[string]map[string]bool) string {
	if used[jf] == nil {
		used[jf] = map[string]bool{}
	}
	taken := func(l string) bool { return used[jf][l] || w.inFramework(jf, l) }
	letter := strings.ToUpper(strings.Trim(row.Cell(workbook.ColLetter-1), ". "))
	if letter == "" {
		for n := 1; letter == ""; n++ {
			if !taken(letters(n)) {
				letter = letters(n)
			}
		}
		w.note(sheet, row.Num, workbook.ColLetter, "the added competency has no letter: it is %s.%s", jf, letter)
	} else if !lettersOnly().MatchString(letter) {
		w.errorAt(sheet, row.Num, workbook.ColLetter, "%q is not a competency letter (A..Z, AA, AB, ...)", row.Cell(workbook.ColLetter-1))
		return ""
	} else if taken(letter) {
		w.errorAt(sheet, row.Num, workbook.ColLetter, "job function %s already has a competency %s (in the program or its framework); give the added row a letter of its own", jf, letter)
		return ""
	}
	used[jf][letter] = true
	rti := w.mark(sheet, row.Num, workbook.ColRTI, row.Cell(workbook.ColRTI-1))
	ojt := w.mark(sheet, row.Num, workbook.ColOJT, row.Cell(workbook.ColOJT-1))
	text := strings.Join(strings.Fields(row.Cell(workbook.ColText-1)), " ")
	typ, ok := w.coreOrOptional(sheet, row.Num, row.Cell(workbook.ColType-1))
	if !ok {
		return ""
	}
	if err := w.patch.AddCompetency(jf, letter, text, typ, rti, ojt); err != nil {
		w.errorAt(sheet, row.Num, workbook.ColText, "%v", err)
		return ""
	}
	w.note(sheet, row.Num, workbook.ColText, "competency %s.%s added (custom)", jf, letter)
	return letter
}

// inFramework reports whether the framework, when known, has competency
// jf.letter.
func (w *workbookReader) inFramework(jf, letter string) bool {
	if w.fw == nil {
		return false
	}
	def, _ := w.fw.JobFunction(jf)
	return def != nil && slices.ContainsFunc(def.Competencies, func(c *framework.Competency) bool { return c.ID.Value == letter })
}

func deliveryWords(rti, ojt bool) string {
	switch {
	case rti && ojt:
		return "RTI and OJT"
	case rti:
		return "RTI"
	case ojt:
		return "OJT"
	}
	return "none"
}

// readPlan applies the RTI Plan's edits: course rows edited, deleted or
// added (an added row takes the year of the group it is in).
func (w *workbookReader) readPlan() error {
	const sheet = workbook.SheetRTI
	t, keyCol, err := w.keyedRows(sheet)
	if err != nil {
		return err
	}
	type courseRow struct {
		index int // in rti.courses; -1 for an added row
		edit  CourseEdit
	}
	var rows []courseRow
	inTable, year, level := false, "", ""
	changed := false
	// Rows with a course name below a subtotal: inside the course table if
	// a group or total row follows (then which year is meant is not known),
	// else the signature block under it.
	var stray []int
	flagStray := func() {
		for _, r := range stray {
			w.errorAt(sheet, r, workbook.ColCourse, "this row is below a subtotal, so its year is not known; insert a course above the subtotal of its year")
		}
		stray = nil
	}
	keyed, sawTable := false, false // a row the workbook wrote was read (the title is above it); the course table's header was
	// Rows with a value under the last total: in no table when the
	// signature block follows (a workbook rendered before it was keyed
	// cannot tell them from its rows). Under the block's first row, a row
	// with a value is a person's.
	var loose []int
	signed := false
	noTable := func(r Row) {
		col := 1
		if strings.TrimSpace(r.Cell(0)) == "" {
			col = otherCell(r, keyCol)
		}
		if col > 0 {
			w.errorAt(sheet, r.Num, col, "this row is in no table of the sheet, so it cannot be read; to add a course, type it in a row of the course table, or delete this row")
		}
	}
	for n, row := range t.Rows {
		key := row.Cell(keyCol)
		cell := func(col int) string { return strings.TrimSpace(row.Cell(col - 1)) }
		wasKeyed := keyed
		keyed = keyed || key != ""
		switch {
		case strings.HasPrefix(key, workbook.KeyField):
			w.readField(sheet, t.Rows, n, keyCol, 2)
		case key == workbook.KeyCourses:
			inTable, stray, sawTable = true, nil, true
		case strings.HasPrefix(key, workbook.KeyGroup):
			flagStray()
			loose = nil
			// A group's row follows the subtotal of the group before,
			// which ended the table: rows under it are courses again.
			inTable, year, level = true, strings.TrimPrefix(key, workbook.KeyGroup), ""
		case strings.HasPrefix(key, workbook.KeyLevel):
			flagStray()
			loose = nil
			inTable, year, level = true, "", strings.TrimPrefix(key, workbook.KeyLevel)
		case strings.HasPrefix(key, workbook.KeyCourse):
			i, err := strconv.Atoi(strings.TrimPrefix(key, workbook.KeyCourse))
			if err != nil {
				continue
			}
			want := w.expected(sheet, key, 4)
			var e CourseEdit
			// Text too long for one cell continues below; where it was cut
			// is not known, so a continued row's texts are left as they are.
			continued := n+1 < len(t.Rows) && t.Rows[n+1].Cell(keyCol) == workbook.KeyContinued
			if title := cell(workbook.ColCourse); title != want[0] && !continued {
				e.Title = &title
			}
			if number := cell(workbook.ColNumber); number != want[1] {
				e.Number = &number
			}
			if raw := cell(workbook.ColCourseHours); raw != want[2] {
				if d, ok := w.hours(sheet, row.Num, workbook.ColCourseHours, raw); ok && !sameNumber(want[2], d) {
					e.Hours, e.HoursComment = &d, w.formula(sheet, row.Num, workbook.ColCourseHours)
				}
			}
			if obj := strings.TrimSpace(row.Cell(workbook.ColObjectives - 1)); obj != strings.TrimSpace(want[3]) && !continued {
				e.Objectives = objectiveLines(obj)
			}
			if e.Title != nil || e.Number != nil || e.Hours != nil || e.Objectives != nil {
				changed = true
				w.note(sheet, row.Num, workbook.ColCourse, "course %q edited", want[0])
			}
			rows = append(rows, courseRow{i, e})
		case key == workbook.KeyContinued:
		case key == workbook.KeyTotal:
			flagStray()
			inTable, loose = false, nil
			w.totals(sheet, row, workbook.ColCourseHours)
		case key == workbook.KeySignature:
			if !signed {
				for _, n := range loose {
					noTable(t.Rows[n])
				}
			}
			inTable, stray, loose, signed = false, nil, nil, true
		case key != "":
			inTable, stray = false, nil
		case inTable && cell(workbook.ColCourse) != "":
			title, number := cell(workbook.ColCourse), cell(workbook.ColNumber)
			e := CourseEdit{Title: &title, Number: &number, Objectives: objectiveLines(strings.TrimSpace(row.Cell(workbook.ColObjectives - 1)))}
			if d, ok := w.hours(sheet, row.Num, workbook.ColCourseHours, cell(workbook.ColCourseHours)); ok {
				e.Hours, e.HoursComment = &d, w.formula(sheet, row.Num, workbook.ColCourseHours)
			}
			// Copies: year and level change with the groups below.
			if y := year; y != "" {
				e.Year = &y
			}
			if l := level; l != "" {
				e.Level = &l
			}
			rows = append(rows, courseRow{-1, e})
			changed = true
			w.note(sheet, row.Num, workbook.ColCourse, "course %q added", title)
		case key == "" && (wasKeyed && !sawTable || signed):
			// Between the provider's fields and the course table, and in
			// and under the signature block, every row the workbook wrote
			// has a key: this one is a person's.
			noTable(row)
		default:
			if cell(workbook.ColCourse) != "" {
				stray = append(stray, row.Num)
			}
			if sawTable && !inTable && (cell(1) != "" || otherCell(row, keyCol) > 0) {
				loose = append(loose, n)
			}
		}
	}
	kept := 0
	for _, r := range rows {
		if r.index >= 0 {
			kept++
		}
	}
	courses := 0
	for k := range w.expect {
		if strings.HasPrefix(k, sheet+"!"+workbook.KeyCourse) {
			courses++
		}
	}
	if !changed && kept == courses {
		return nil
	}
	if kept < courses {
		w.note(sheet, 0, 0, "%d course row(s) deleted", courses-kept)
	}
	// Courses stay in the program's order (the sheet groups them by year);
	// added ones go last.
	slices.SortStableFunc(rows, func(a, b courseRow) int {
		if a.index < 0 || b.index < 0 {
			return boolRank(a.index < 0) - boolRank(b.index < 0)
		}
		return a.index - b.index
	})
	keep := make([]int, len(rows))
	edits := make([]CourseEdit, len(rows))
	for i, r := range rows {
		keep[i], edits[i] = r.index, r.edit
	}
	return w.patch.SetCourses(keep, edits)
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// objectiveLines splits an objectives cell: one objective per line.
func objectiveLines(cell string) []string {
	out := []string{}
	for _, l := range strings.Split(cell, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// readField reads a header field's value (column col of rows[i]) back
// into the program key it shows. A value long enough to continue in the
// rows below is left as the program has it: where its text was split is
// not known.
func (w *workbookReader) readField(sheet string, rows []Row, i, keyCol, col int) {
	row := rows[i]
	key := row.Cell(keyCol)
	if i+1 < len(rows) && rows[i+1].Cell(keyCol) == workbook.KeyContinued {
		return
	}
	// A paragraph's whole row is the value; a field's value is right of
	// its label, where the workbook says.
	path, paragraph := strings.CutPrefix(key, workbook.KeyText)
	if paragraph {
		col = 1
	} else {
		path = strings.TrimPrefix(key, workbook.KeyField)
		if c, ok := w.fieldCols[sheet]; ok {
			col = c
		}
	}
	v := strings.TrimSpace(row.Cell(col - 1))
	if v == strings.TrimSpace(w.expected(sheet, key, 1)[0]) {
		return
	}
	if read, ok := w.fieldReaders()[path]; ok {
		read(sheet, row.Num, col, v, w.expected(sheet, key, 3)[1:])
		return
	}
	w.patch.SetField(path, strings.Join(strings.Fields(v), " "))
	w.note(sheet, row.Num, col, "%s: %q", path, v)
}
