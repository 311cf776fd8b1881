// Package importer turns spreadsheets into wpsgen files: a framework from a
// plain table of competencies (one row each), kept the way intermediaries
// keep frameworks in Excel or as CSV.
package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/wpsgen/wpsgen/framework"
)

// Limits on what a table may hold. A framework has a few hundred
// competencies at most; the limits are far above that and far below what
// would take a person's machine minutes or gigabytes to read.
const (
	MaxTableBytes = 16 << 20 // the file
	MaxRows       = 5_000    // rows read, blank ones included (a workbook's blank rows past it are passed over)
	// MaxWorkbookRows is MaxRows for a sheet of a workbook render wrote:
	// it has a row for every competency of its program, and a program near
	// the most values a file may hold (framework.MaxValues) has some
	// 30,000 (28,000 tried: its sheets have about 31,000 rows). The
	// workbook's unzipped size (unzipLimit) bounds the rest: a workbook of
	// 100,000 typed rows is refused in about a second.
	MaxWorkbookRows = 100_000
	MaxCols         = 64    // columns of a row
	MaxCellRunes    = 4_000 // characters of a cell
)

// Table is the cells of one sheet (or CSV file), as text, with where each
// row is, so a finding can name the cell a person would fix.
type Table struct {
	File  string // the file name as the user gave it
	Sheet string // the sheet's name; "" for CSV
	Rows  []Row
	Notes []string // how the file was read, when that is worth saying

	maxCell int // characters a cell may hold; 0 means MaxCellRunes
}

// Row is one non-blank row of a table.
type Row struct {
	Num   int // 1-based row number as a spreadsheet shows it
	Cells []string
}

// Cell returns the text of column col (0-based), "" past the row's end.
func (r Row) Cell(col int) string {
	if col < 0 || col >= len(r.Cells) {
		return ""
	}
	return r.Cells[col]
}

// Pos is where cell col (0-based) of row is: FILE:ROW:COL for a CSV file,
// FILE:Sheet!C12 for a workbook.
func (t *Table) Pos(row, col int) framework.Pos {
	return framework.Pos{File: t.File, Line: row, Col: col + 1, Sheet: t.Sheet}
}

// TableError is a table that cannot be read at all (not a CSV or XLSX
// file, too large, broken). Pos is set when a place can be named.
type TableError struct {
	Pos framework.Pos
	Msg string
}

func (e *TableError) Error() string {
	if e.Pos.IsZero() {
		return e.Pos.File + ": " + e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// Finding returns the error as a finding of the import rule.
func (e *TableError) Finding() framework.Finding {
	pos := e.Pos
	if pos.IsZero() {
		pos.Line, pos.Col = 1, 1
	}
	return framework.Finding{Pos: pos, Severity: framework.Error, Rule: framework.RuleImport, Message: e.Msg}
}

// ReadTable reads a CSV file or the first sheet of an XLSX workbook that
// has a header row, telling them apart by their bytes, not their name.
func ReadTable(name string, data []byte) (*Table, error) {
	switch {
	case len(data) > MaxTableBytes:
		return nil, &TableError{Pos: framework.Pos{File: name}, Msg: fmt.Sprintf("the file is larger than %d MiB; a framework table is far smaller", MaxTableBytes>>20)}
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readXLSX(name, data)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		return nil, &TableError{Pos: framework.Pos{File: name}, Msg: "this is an Excel 97-2003 (.xls) workbook or another old Office file; save it as .xlsx or .csv and import that"}
	}
	return readCSV(name, data)
}

// readCSV reads comma-, semicolon- or tab-separated text in UTF-8 (with or
// without a byte order mark), UTF-16 (Excel's "Unicode text"), or, when
// the bytes are not UTF-8, Windows-1252 (Excel's "CSV" on Windows).
func readCSV(name string, data []byte) (*Table, error) {
	t := &Table{File: name}
	text, note, err := decodeText(data)
	if err != nil {
		return nil, &TableError{Pos: framework.Pos{File: name}, Msg: err.Error()}
	}
	if note != "" {
		t.Notes = append(t.Notes, note)
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		line := strings.Count(text[:i], "\n") + 1
		return nil, &TableError{Pos: framework.Pos{File: name, Line: line, Col: 1}, Msg: "the file contains a NUL byte: it is not a text table (CSV)"}
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delimiter(text)
	r.FieldsPerRecord = -1
	// Quotes are read strictly: a lenient reader turns one unclosed quote
	// into a cell that swallows the rest of the file, silently.
	row, endLine := 0, 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				msg := "cannot read this CSV row: " + pe.Err.Error()
				switch {
				case errors.Is(pe.Err, csv.ErrBareQuote):
					msg = `cannot read this CSV row: a cell has a quote mark (") but does not start with one; a cell holding quote marks must be written in quotes, each quote mark doubled ("5"" tall")`
				case errors.Is(pe.Err, csv.ErrQuote):
					msg = `cannot read this CSV row: a quoted cell is not closed, or its quote is followed by other text; close it with a quote mark and write quote marks inside it twice ("")`
				}
				return nil, &TableError{Pos: framework.Pos{File: name, Line: row + 1 + max(0, pe.StartLine-endLine-1), Col: fieldAt(text, pe, r.Comma)}, Msg: msg}
			}
			return nil, &TableError{Pos: framework.Pos{File: name}, Msg: err.Error()}
		}
		// encoding/csv skips blank lines; a spreadsheet shows them as rows,
		// and findings must name the row a person sees.
		start, _ := r.FieldPos(0)
		row += 1 + max(0, start-endLine-1)
		last, _ := r.FieldPos(len(rec) - 1)
		endLine = last + strings.Count(rec[len(rec)-1], "\n")
		if row > MaxRows {
			return nil, t.tooManyRows(row, rec, false)
		}
		if len(rec) > MaxCols && !blankFrom(rec, MaxCols) {
			return nil, &TableError{Pos: framework.Pos{File: name, Line: row, Col: MaxCols + 1}, Msg: fmt.Sprintf("the row has more than %d columns; a framework table needs a handful", MaxCols)}
		}
		if err := t.add(row, rec); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// fieldAt is the 1-based column, as a spreadsheet counts them, of a CSV
// parse error: the separators outside quotes before it on its row's first
// line (a problem inside a multi-line cell is put in column 1).
func fieldAt(text string, pe *csv.ParseError, comma rune) int {
	if pe.Line != pe.StartLine {
		return 1
	}
	lines := strings.SplitN(text, "\n", pe.Line+1)
	if pe.Line < 1 || pe.Line > len(lines) {
		return 1
	}
	line := lines[pe.Line-1]
	line = line[:min(len(line), max(0, pe.Column-1))]
	col, quoted := 1, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == comma && !quoted:
			col++
		}
	}
	return col
}

// add keeps a row unless it is blank, after checking its cells' sizes.
func (t *Table) add(num int, cells []string) error {
	cells = cells[:min(len(cells), MaxCols)]
	limit := t.maxCell
	if limit == 0 {
		limit = MaxCellRunes
	}
	blank := true
	for i, c := range cells {
		if utf8.RuneCountInString(c) > limit {
			return &TableError{Pos: t.Pos(num, i), Msg: fmt.Sprintf("the cell holds more than %d characters; a competency is a sentence or two", limit)}
		}
		if strings.TrimSpace(c) != "" {
			blank = false
		}
	}
	if !blank {
		t.Rows = append(t.Rows, Row{Num: num, Cells: cells})
	}
	return nil
}

func blankFrom(rec []string, from int) bool {
	for _, c := range rec[from:] {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// maxRows is how many rows a sheet may hold: more in a workbook render
// wrote (program) than in a table a person typed.
func (t *Table) maxRows(program bool) int {
	if program {
		return MaxWorkbookRows
	}
	return MaxRows
}

// tooManyRows refuses row num, the first past the sheet's maxRows, at its first cell
// with a value (num 0: a row not known, the file is named). program is a
// workbook render wrote (a program's), not a framework's table.
func (t *Table) tooManyRows(num int, cells []string, program bool) error {
	col := 0
	for i, c := range cells {
		if strings.TrimSpace(c) != "" {
			col = i
			break
		}
	}
	where := "the table"
	if t.Sheet != "" {
		where = "sheet " + t.Sheet
	}
	why := "a framework table has one row per competency"
	if program {
		why = "a program's workbook has a row for each competency, course and wage step, far fewer; delete the rows typed below the sheet's end"
	}
	pos := framework.Pos{File: t.File}
	if num > 0 {
		pos = t.Pos(num, col)
	}
	return &TableError{Pos: pos, Msg: fmt.Sprintf("%s has more than %s rows; %s", where, framework.Thousands(t.maxRows(program)), why)}
}

// decodeText returns the file as UTF-8 text without a byte order mark, and
// a note when it was not UTF-8.
func decodeText(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("cannot read the file as UTF-16 text: %v", err)
		}
		return string(out), "read as UTF-16 text", nil
	}
	if utf8.Valid(data) {
		return string(data), "", nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("the file is neither UTF-8 nor Windows-1252 text: %v", err)
	}
	return string(out), "the file is not UTF-8: read as Windows-1252 (Excel's CSV on Windows); save as \"CSV UTF-8\" to be sure accented letters are right", nil
}

// delimiter picks the separator of the first line: a comma, a semicolon
// (Excel in locales with a decimal comma) or a tab, whichever the line has
// most of outside quotes.
func delimiter(text string) rune {
	line, _, _ := strings.Cut(text, "\n")
	counts := map[rune]int{}
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ',' || r == ';' || r == '\t'):
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}
