package xlsx

import (
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/templates"
)

// What a workbook carries so that `wpsgen import` can read it back after a
// person edited it, without guessing: a very hidden sheet holding the
// program's YAML and what each keyed row showed, and, in each visible
// sheet, a hidden column right of the last one that keys each row to the
// program item it shows. The keys live in the rows themselves so a row a
// person deletes takes its key along, a row a person inserts has none, and
// sorting or moving rows keeps them right.
const (
	// SheetRoundTrip is the very hidden sheet: row 1 names the format,
	// then "source" rows hold the program's YAML in pieces, then one row
	// per keyed row: the key, then the values the row showed.
	SheetRoundTrip = "wpsgen"
	// RoundTripFormat is cell A1 of SheetRoundTrip.
	RoundTripFormat = "wpsgen workbook 1"
	// RoundTripSource starts a row of SheetRoundTrip holding a piece of the
	// program's YAML in column B.
	RoundTripSource = "source"
	// RoundTripKeyColumn starts a row of SheetRoundTrip giving, in column
	// B, a sheet's name and in column C its key column's number.
	RoundTripKeyColumn = "key column"
	// sourcePiece is the most text one cell gets (Excel's limit is 32,767).
	sourcePiece = 30_000
)

// Keys of rows. A job function's key ends in its id ("jf 1"), a
// competency's in JOBFUNCTION.COMPETENCY ("c 1.A"), a course's in its
// index in rti.courses ("course 0"), a course group's in its year.
const (
	KeyJobFunction = "jf "
	KeyCompetency  = "c "
	KeyCourse      = "course "
	KeyGroup       = "group "
	KeyCourses     = "courses" // the course table's header row
	KeyHead        = "head"    // a job function table's column headings, the specialization's title
	KeyTotal       = "total"   // a computed total or subtotal: never read back
	KeyField       = "field "  // a header field that is one key of the program ("field sponsor.address")
	KeyContinued   = "+"       // more text of the keyed row above
)

// Columns of the round trip, for the reader.
const (
	ColType        = colType
	ColRTI         = colRTI
	ColOJT         = colOJT
	ColHours       = colHours
	ColText        = colText
	ColLetter      = colLetter
	ColCourse      = colCourse
	ColNumber      = colNumber
	ColCourseHours = colCourseHours
	ColObjectives  = colObjectives
	Mark           = mark
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
// columns.
func (s *sheet) keyColumn() int { return len(s.widths) + 1 }

// hoursText is hours as the reader compares them: exact, no separators.
func hoursText(h *templates.Hours) string {
	if h == nil {
		return ""
	}
	return h.Dec.String()
}

// writeRoundTrip adds the very hidden sheet: the program's YAML and what
// each keyed row showed.
func writeRoundTrip(f *excelize.File, sheets []*sheet, source []byte) error {
	if _, err := f.NewSheet(SheetRoundTrip); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(SheetRoundTrip)
	if err != nil {
		return err
	}
	n := 0
	put := func(values ...any) error {
		n++
		return sw.SetRow(cellRef(1, n), values)
	}
	if err := put(RoundTripFormat); err != nil {
		return err
	}
	for _, piece := range pieces(string(source)) {
		if err := put(RoundTripSource, piece); err != nil {
			return err
		}
	}
	for _, s := range sheets {
		if err := put(RoundTripKeyColumn, s.name, s.keyColumn()); err != nil {
			return err
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
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SetSheetVisible(SheetRoundTrip, false, true)
}

// pieces splits text into cells of at most sourcePiece characters, at
// line ends where it can.
func pieces(text string) []string {
	var out []string
	for text != "" {
		if utf8.RuneCountInString(text) <= sourcePiece {
			return append(out, text)
		}
		cut := len(string([]rune(text)[:sourcePiece]))
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
