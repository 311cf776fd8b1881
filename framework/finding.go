package framework

import (
	"cmp"
	"fmt"
	"slices"
)

// Pos is a position in a source file: the file name as the user gave it and
// a 1-based line and column. The zero Pos means "no position".
type Pos struct {
	File string
	Line int
	Col  int
	// Sheet is set for a cell of a workbook (wpsgen import): Line and Col
	// are then the cell's row and column, printed the way a spreadsheet
	// names the cell.
	Sheet string
}

// String formats the position as file:line:col, or file:Sheet!C12 for a
// workbook cell.
func (p Pos) String() string {
	if p.Sheet != "" {
		return p.File + ":" + p.Cell()
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Cell names a workbook cell as a spreadsheet does: Sheet!C12.
func (p Pos) Cell() string { return fmt.Sprintf("%s!%s%d", p.Sheet, ColumnName(p.Col), p.Line) }

// ColumnName is a spreadsheet's name of the 1-based column n: A..Z, AA, ...
func ColumnName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// IsZero reports whether the position is unknown.
func (p Pos) IsZero() bool { return p.Line == 0 }

// Severity of a finding.
type Severity int

// Severities, from most to least severe.
const (
	Error Severity = iota
	Warning
	// Note says what a command did (wpsgen import: what it read back), not
	// what is wrong; --strict does not count it.
	Note
)

// String returns "error", "warning" or "note".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return "error"
}

// Finding is one validation result: what is wrong, where, and which rule says so.
type Finding struct {
	Pos      Pos
	Severity Severity
	Rule     string
	Message  string
}

// String formats the finding as one line of text output.
func (f Finding) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", f.Pos, f.Severity, f.Message, f.Rule)
}

// SortFindings sorts findings by file, line, column, then rule and message,
// and removes exact duplicates (a framework shared by several programs is
// reported once).
func SortFindings(fs []Finding) []Finding {
	slices.SortFunc(fs, compareFindings)
	return slices.CompactFunc(fs, func(a, b Finding) bool { return a == b })
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Sheet, b.Pos.Sheet),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Col, b.Pos.Col),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
	)
}

// HasErrors reports whether any finding is an error (or, when strict, a
// warning; notes never count).
func HasErrors(fs []Finding, strict bool) bool {
	for _, f := range fs {
		if f.Severity == Error || strict && f.Severity == Warning {
			return true
		}
	}
	return false
}
