package xlsx

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/workbook"
)

// What a workbook carries so that `wpsgen import` can read it back: see
// package framework/workbook, the contract both sides keep.
const (
	SheetRoundTrip = workbook.SheetRoundTrip
	// sourcePiece is the most text one cell gets, in UTF-16 code units
	// (Excel's limit is 32,767).
	sourcePiece = 30_000

	KeyJobFunction = workbook.KeyJobFunction
	KeyCompetency  = workbook.KeyCompetency
	KeyCourse      = workbook.KeyCourse
	KeyGroup       = workbook.KeyGroup
	KeyField       = workbook.KeyField
	KeyCourses     = workbook.KeyCourses
	KeyHead        = workbook.KeyHead
	KeyTotal       = workbook.KeyTotal
	KeyContinued   = workbook.KeyContinued
)

// keyed is a key and the values its row showed.
type keyed struct {
	key    string
	values []string
}

// key gives row r the key k and records the values it shows; the rows
// added after r (its text continued) are marked as its continuation.
func (s *sheet) key(r int, k string, values ...string) {
	if s.keys == nil {
		s.keys = map[int]keyed{}
	}
	s.keys[r] = keyed{k, values}
	for n := r + 1; n <= len(s.rows); n++ {
		s.keys[n] = keyed{key: KeyContinued}
	}
}

// keyColumn is the hidden column of the row keys: right of the sheet's
// columns, and never one import reads values from (a schedule without
// notes has six columns, and import checks the seventh of a total row for
// a typed-over maximum).
func (s *sheet) keyColumn() int {
	if n := len(s.widths) + 1; n != workbook.ColHours+1 {
		return n
	}
	return workbook.ColHours + 2
}

// newRoundTripSheet adds the very hidden sheet, empty. It is hidden before
// any sheet is streamed: excelize's SetSheetVisible reads every worksheet,
// and a streamed one would be parsed back from its XML and written again
// at save, the larger part of a small workbook's cost.
func newRoundTripSheet(f *excelize.File) error {
	if _, err := f.NewSheet(SheetRoundTrip); err != nil {
		return err
	}
	return f.SetSheetVisible(SheetRoundTrip, false, true)
}

// writeRoundTrip streams the very hidden sheet's rows: the program's YAML
// and what each keyed row showed.
func writeRoundTrip(f *excelize.File, sheets []*sheet, source []byte) error {
	sw, err := f.NewStreamWriter(SheetRoundTrip)
	if err != nil {
		return err
	}
	n := 0
	put := func(values ...any) error {
		n++
		return sw.SetRow(cellRef(1, n), values)
	}
	if err := put(workbook.Format); err != nil {
		return err
	}
	for _, piece := range pieces(string(source)) {
		if err := put(workbook.Source, piece); err != nil {
			return err
		}
	}
	for _, s := range sheets {
		if err := put(workbook.KeyColumn, s.name, s.keyColumn()); err != nil {
			return err
		}
		if len(s.widths) > 1 {
			if err := put(workbook.FieldColumn, s.name, s.labelSpan()+1); err != nil {
				return err
			}
		}
	}
	for _, s := range sheets {
		for r := 1; r <= len(s.rows); r++ {
			k, ok := s.keys[r]
			if !ok || k.key == KeyContinued {
				continue
			}
			row := []any{s.name + "!" + k.key}
			for _, v := range k.values {
				row = append(row, cellValue(v))
			}
			if err := put(row...); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

// pieces splits text into cells of at most sourcePiece UTF-16 code units
// (what Excel counts: a character outside the Basic Multilingual Plane is
// two), at line ends where it can. It reads the text once: a program's
// source may be megabytes.
func pieces(text string) []string {
	var out []string
	for text != "" {
		cut, units := 0, 0
		for cut < len(text) {
			r, size := utf8.DecodeRuneInString(text[cut:])
			n := utf16.RuneLen(r) // 1 or 2: an invalid byte decodes as U+FFFD
			if units+n > sourcePiece {
				break
			}
			cut, units = cut+size, units+n
		}
		if cut == len(text) {
			return append(out, text)
		}
		if nl := strings.LastIndexByte(text[:cut], '\n'); nl > 0 {
			cut = nl + 1
		}
		out = append(out, text[:cut])
		text = text[cut:]
	}
	return out
}

// keyCell is the value of row n's key cell, nil when it has none.
func (s *sheet) keyCell(n int) any {
	k, ok := s.keys[n]
	if !ok {
		return nil
	}
	return k.key
}
