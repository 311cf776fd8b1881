package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework"
)

// Unzipped sizes a workbook may reach. excelize refuses a workbook whose
// parts unzip to more than unzipLimit (a zip bomb) and keeps a worksheet
// larger than sheetLimit in a temporary file instead of memory.
const (
	unzipLimit = 64 << 20
	sheetLimit = 16 << 20
)

// readXLSX reads the first visible sheet that has a header row (see
// findHeader), else the first visible sheet. Cells are read as a person
// sees them: a formula's last computed value, a number as formatted.
func readXLSX(name string, data []byte) (t *Table, err error) {
	fail := func(msg string) error { return &TableError{Pos: framework.Pos{File: name}, Msg: msg} }
	defer func() {
		// excelize is large and reads untrusted bytes: a panic in it is a
		// workbook that cannot be read, never a crash.
		if r := recover(); r != nil {
			t, err = nil, fail(fmt.Sprintf("cannot read the workbook (%v)", r))
		}
	}()
	f, err := openWorkbook(name, data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var first *Table
	for _, sheet := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(sheet); err != nil || !visible {
			continue
		}
		st, err := readSheet(f, name, sheet, false)
		if err != nil {
			return nil, err
		}
		if _, ok := findHeader(st); ok {
			return st, nil
		}
		if first == nil {
			first = st
		}
	}
	if first == nil {
		return nil, fail("the workbook has no visible sheet")
	}
	return first, nil
}

// openWorkbook opens an XLSX within the unzip limits.
func openWorkbook(name string, data []byte) (*excelize.File, error) {
	fail := func(msg string) error { return &TableError{Pos: framework.Pos{File: name}, Msg: msg} }
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipLimit, UnzipXMLSizeLimit: sheetLimit})
	if err != nil {
		if strings.Contains(err.Error(), "size exceeds") {
			return nil, fail(fmt.Sprintf("the workbook unzips to more than %d MiB; a framework table is far smaller", unzipLimit>>20))
		}
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || strings.Contains(err.Error(), "zip") {
			return nil, fail("not an XLSX workbook (" + err.Error() + ")")
		}
		return nil, fail("cannot read the workbook: " + err.Error())
	}
	return f, nil
}

// readSheet reads one sheet row by row (excelize streams the sheet's XML),
// stopping at its maxRows. raw reads numbers as stored (12.5, not "12.50"):
// a workbook render wrote.
func readSheet(f *excelize.File, name, sheet string, raw bool) (*Table, error) {
	t := &Table{File: name, Sheet: sheet, maxCell: MaxCellRunes}
	if raw {
		// A workbook wpsgen wrote: its cells hold up to Excel's limit (the
		// program's YAML is kept in pieces that size).
		t.maxCell = excelize.TotalCellChars
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, &TableError{Pos: framework.Pos{File: name}, Msg: fmt.Sprintf("cannot read sheet %s: %v", sheet, err)}
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		cells, err := rows.Columns(excelize.Options{RawCellValue: raw})
		if err != nil {
			return nil, &TableError{Pos: t.Pos(n, 0), Msg: fmt.Sprintf("cannot read row %d of sheet %s: %v", n, sheet, err)}
		}
		if n > t.maxRows(raw) {
			// LibreOffice, deleting a row, saves the sheet's last row
			// (1,048,576) empty, and excelize reads every row up to it:
			// blank rows past the limit are passed over (Excel's row limit
			// bounds them), a value there is refused.
			if blankFrom(cells, 0) {
				continue
			}
			return nil, t.tooManyRows(n, cells, raw)
		}
		if len(cells) > MaxCols && !blankFrom(cells, MaxCols) {
			return nil, &TableError{Pos: t.Pos(n, MaxCols), Msg: fmt.Sprintf("the row has more than %d columns; a framework table needs a handful", MaxCols)}
		}
		if err := t.add(n, cells); err != nil {
			return nil, err
		}
	}
	if err := rows.Error(); err != nil {
		if errors.Is(err, excelize.ErrMaxRows) {
			return nil, t.tooManyRows(0, nil, raw) // a row number past Excel's last
		}
		return nil, &TableError{Pos: framework.Pos{File: name}, Msg: fmt.Sprintf("cannot read sheet %s: %v", sheet, err)}
	}
	return t, nil
}
