package importer

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

// ProgramResult is a program read back from a workbook.
type ProgramResult struct {
	// YAML is the program file; nil when Findings has an error.
	YAML     []byte
	Findings []framework.Finding // cells that cannot be read (rule import), sorted
	Notes    []Note              // what changed, and what was ignored
}

// workbookReader reads one workbook back.
type workbookReader struct {
	name      string
	f         *excelize.File
	patch     *ProgramPatch
	expect    map[string][]string // "Sheet!key" -> the values the row showed
	keyCols   map[string]int
	fieldCols map[string]int      // a sheet's header field value column, when the workbook says
	fw        *framework.Resolved // nil when not known
	approach  string              // as rendered: it decides the hours columns
	notesCol  int                 // the schedule's notes column, from its headings (0: none)
	findings  []framework.Finding
	notes     []Note
}

func (w *workbookReader) errorAt(sheet string, row, col int, format string, args ...any) {
	w.findings = append(w.findings, framework.Finding{Pos: framework.Pos{File: w.name, Sheet: sheet, Line: row, Col: col},
		Severity: framework.Error, Rule: framework.RuleImport, Message: fmt.Sprintf(format, args...)})
}

func (w *workbookReader) note(sheet string, row, col int, format string, args ...any) {
	w.notes = append(w.notes, Note{Pos: framework.Pos{File: w.name, Sheet: sheet, Line: row, Col: col}, Msg: fmt.Sprintf(format, args...)})
}

// Program reads a workbook that `wpsgen render` wrote and a person may
// have edited, and gives the program YAML that renders it: the program
// the workbook was rendered from, with the workbook's edits applied
// (hours, RTI/OJT marks, competency rows deleted or added, course rows
// edited, deleted or added). Totals are computed, never read back.
//
// framework, when not nil, is the program's framework: an added row's
// letter then also skips the framework's competencies the program crossed
// off (a custom competency must not take a framework competency's id).
func Program(name string, data []byte, fw *framework.Resolved) (res *ProgramResult) {
	res = &ProgramResult{}
	fail := func(msg string) *ProgramResult {
		res.Findings = []framework.Finding{(&TableError{Pos: framework.Pos{File: name}, Msg: msg}).Finding()}
		return res
	}
	if len(data) > MaxTableBytes {
		return fail(fmt.Sprintf("the file is larger than %d MiB; a workbook wpsgen writes is far smaller", MaxTableBytes>>20))
	}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return fail("not an XLSX workbook; wpsgen import reads back a workbook that wpsgen render wrote (and --framework reads a table)")
	}
	defer func() {
		if r := recover(); r != nil {
			res = &ProgramResult{}
			fail(fmt.Sprintf("cannot read the workbook (%v)", r))
		}
	}()
	f, err := openWorkbook(name, data)
	if err != nil {
		res.Findings = []framework.Finding{err.(*TableError).Finding()}
		return res
	}
	defer f.Close()
	w := &workbookReader{name: name, f: f, fw: fw, expect: map[string][]string{}, keyCols: map[string]int{}, fieldCols: map[string]int{}}
	for _, read := range []func() error{w.readRoundTrip, w.readAppendix, w.readSchedule, w.readPlan} {
		if err := read(); err != nil {
			if te, ok := err.(*TableError); ok {
				res.Findings = []framework.Finding{te.Finding()}
				return res
			}
			return fail(err.Error())
		}
	}
	res.Findings = framework.SortFindings(w.findings)
	res.Notes = w.notes
	if framework.HasErrors(res.Findings, false) {
		return res
	}
	out, err := w.patch.Bytes()
	if err != nil {
		return fail(err.Error())
	}
	res.YAML = out
	return res
}

// Source returns the program YAML a workbook carries, nil when it carries
// none (to resolve its framework before reading it back).
func Source(name string, data []byte) (src []byte) {
	if len(data) > MaxTableBytes || !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil
	}
	defer func() {
		if recover() != nil {
			src = nil // Program reports what is wrong with the workbook
		}
	}()
	f, err := openWorkbook(name, data)
	if err != nil {
		return nil
	}
	defer f.Close()
	w := &workbookReader{name: name, f: f, expect: map[string][]string{}, keyCols: map[string]int{}, fieldCols: map[string]int{}}
	if w.readRoundTrip() != nil {
		return nil
	}
	return w.patch.src
}

// readRoundTrip reads the hidden sheet: the program's YAML, the key
// columns and what each keyed row showed.
func (w *workbookReader) readRoundTrip() error {
	if idx, err := w.f.GetSheetIndex(workbook.SheetRoundTrip); err != nil || idx < 0 {
		return errors.New("this workbook was not written by wpsgen render (it lacks the hidden sheet that says which program each row shows); to read a table of competencies, use wpsgen import --framework")
	}
	t, err := readSheet(w.f, w.name, workbook.SheetRoundTrip, true)
	if err != nil {
		return err
	}
	if len(t.Rows) == 0 || t.Rows[0].Cell(0) != workbook.Format {
		return errors.New("the workbook's hidden wpsgen sheet is not one this version of wpsgen reads; render the program again")
	}
	var src strings.Builder
	for _, r := range t.Rows[1:] {
		switch k := r.Cell(0); k {
		case workbook.Source:
			if src.Len()+len(r.Cell(1)) > framework.MaxFileSize {
				return errors.New("the program kept in the workbook is larger than a program file may be; render the program again")
			}
			src.WriteString(r.Cell(1))
		case workbook.KeyColumn, workbook.FieldColumn:
			n, err := strconv.Atoi(r.Cell(2))
			if err != nil || n < 1 || n > MaxCols {
				return errors.New("the workbook's hidden wpsgen sheet was changed; render the program again")
			}
			if k == workbook.KeyColumn {
				w.keyCols[r.Cell(1)] = n
			} else {
				w.fieldCols[r.Cell(1)] = n
			}
		default:
			w.expect[k] = r.Cells[1:]
		}
	}
	p, err := NewProgramPatch([]byte(src.String()))
	if err != nil {
		return errors.New("the program kept in the workbook cannot be read (" + err.Error() + "); render the program again")
	}
	w.patch, w.approach = p, p.Approach()
	return nil
}

// totals warns of each total a person typed over: totals are computed,
// and the typed value is ignored. cols are the total row's number columns.
func (w *workbookReader) totals(sheet string, row Row, cols ...int) {
	for _, col := range cols {
		v := strings.TrimSpace(row.Cell(col - 1))
		if v == "" {
			continue
		}
		ref := framework.ColumnName(col) + strconv.Itoa(row.Num)
		if formula, err := w.f.GetCellFormula(sheet, ref); err == nil && formula == "" {
			w.notes = append(w.notes, Note{Pos: framework.Pos{File: w.name, Sheet: sheet, Line: row.Num, Col: col}, Warning: true,
				Msg: fmt.Sprintf("the total %s was typed over; totals are computed from the hours above it, so it is ignored", v)})
		}
	}
}

// formula says where a value a person computed came from: "=400+50.5 in
// the workbook" for a formula cell, "" for a typed value.
func (w *workbookReader) formula(sheet string, row, col int) string {
	f, err := w.f.GetCellFormula(sheet, framework.ColumnName(col)+strconv.Itoa(row))
	if err != nil || f == "" {
		return ""
	}
	return "=" + strings.TrimPrefix(f, "=") + " in the workbook"
}

// keyedRows reads a visible sheet's rows with their keys.
func (w *workbookReader) keyedRows(sheet string) (*Table, int, error) {
	col, ok := w.keyCols[sheet]
	if !ok {
		return nil, 0, fmt.Errorf("the workbook has no sheet %q that wpsgen render wrote; was it renamed?", sheet)
	}
	if idx, err := w.f.GetSheetIndex(sheet); err != nil || idx < 0 {
		return nil, 0, fmt.Errorf("the workbook has no sheet %q; was it renamed or deleted?", sheet)
	}
	t, err := readSheet(w.f, w.name, sheet, true)
	if err != nil {
		return nil, 0, err
	}
	return t, col - 1, nil
}

// expected returns the values a keyed row showed, padded to n.
func (w *workbookReader) expected(sheet, key string, n int) []string {
	v := slices.Clone(w.expect[sheet+"!"+key])
	for len(v) < n {
		v = append(v, "")
	}
	return v
}

// hours reads an hours cell: an exact decimal; ok is false (and a
// finding made) for anything else.
func (w *workbookReader) hours(sheet string, row, col int, raw string) (decimal.Decimal, bool) {
	d, err := decimal.Parse(strings.TrimSpace(raw))
	if strings.TrimSpace(raw) == "" {
		w.errorAt(sheet, row, col, "the hours are empty; write a number such as 450 or 12.5")
		return decimal.Decimal{}, false
	}
	if err != nil || d.Sign() < 0 {
		w.errorAt(sheet, row, col, "%q is not a number of hours; write a number such as 450 or 12.5", raw)
		return decimal.Decimal{}, false
	}
	return d, true
}

// mark reads an RTI or OJT cell: the drop-down's mark or nothing.
func (w *workbookReader) mark(sheet string, row, col int, raw string) bool {
	switch strings.TrimSpace(raw) {
	case "":
		return false
	case workbook.Mark:
		return true
	}
	w.errorAt(sheet, row, col, "%q is not the drop-down's mark: choose %s, or leave the cell empty", raw, workbook.Mark)
	return false
}
