package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"github.com/wpsgen/wpsgen/templates"
)

// Widths, in characters (Excel's unit: the width of a digit).
const (
	sheetWidth   = 96.0 // all columns: fits US Letter landscape at 100%
	prefixWidth  = 4.0
	notesWidth   = 13.0
	minWidth     = 5.0
	labelWidth   = 14.0 // a field label takes columns at least this wide
	titleColMin  = 9.0  // a column of title cells (hours)
	maxSheetName = 31   // Excel's limit
)

// book is the workbook being laid out: its sheets, and where each table
// went, for formulas and defined names.
type book struct {
	sheets []*sheet
	tables map[string]*placed
}

// grid is the column set of a sheet, taken from its main table.
type grid struct {
	main   *templates.Table
	widths []float64
	shape  mapping // where the main table's cells go
	values int     // last column before Notes (the right edge of other tables)
}

// mapping says where a table's cells go on the grid (1-based columns).
type mapping struct {
	cols      []int // per table column
	titleCols []int // per title cell
	prefix    int   // column of the first column's prefixes; 0 = in the text
	notes     int   // column of notes; 0 = in the text
	first     int   // first column the table covers
}

// newGrid returns the grid of a part's blocks.
func newGrid(blocks []templates.Block) grid {
	var main *templates.Table
	for _, b := range blocks {
		if t, ok := b.(*templates.Table); ok && (main == nil || gridWidth(t) > gridWidth(main)) {
			main = t
		}
	}
	if main == nil {
		return grid{widths: []float64{sheetWidth / 4, sheetWidth / 4, sheetWidth / 4, sheetWidth / 4}, values: 4}
	}
	g := grid{main: main}
	col := 1
	if hasPrefix(main) {
		g.shape.prefix = col
		g.widths = append(g.widths, prefixWidth)
		col++
	}
	g.shape.first = 1
	shares := len(g.widths)
	for range main.Columns {
		g.shape.cols = append(g.shape.cols, col)
		g.widths = append(g.widths, 0)
		col++
	}
	for i := range main.TitleCells {
		if k := titleColumnIn(main, i); k >= 0 {
			g.shape.titleCols = append(g.shape.titleCols, g.shape.cols[k])
			continue
		}
		g.shape.titleCols = append(g.shape.titleCols, col)
		w := titleColMin
		if i < len(main.TitleColumns) {
			w = max(w, float64(len(main.TitleColumns[i].Header))+2)
		}
		g.widths = append(g.widths, w)
		col++
	}
	g.values = col - 1
	if hasNotes(main) {
		g.shape.notes = col
		g.widths = append(g.widths, notesWidth)
	}
	// The table's columns (still 0 wide) share what the others leave.
	rest := sheetWidth
	for _, w := range g.widths {
		rest -= w
	}
	total := 0.0
	for _, c := range main.Columns {
		total += c.Width
	}
	for i, c := range main.Columns {
		w := rest / float64(len(main.Columns))
		if total > 0 {
			w = rest * c.Width / total
		}
		g.widths[shares+i] = max(minWidth, float64(int(w*10))/10)
	}
	return g
}

// gridWidth is how many grid columns a table takes as a main table.
func gridWidth(t *templates.Table) int {
	n := len(t.Columns)
	if hasPrefix(t) {
		n++
	}
	for i := range t.TitleCells {
		if titleColumnIn(t, i) < 0 {
			n++
		}
	}
	if hasNotes(t) {
		n++
	}
	return n
}

// titleColumnIn is the table column title cell i goes in (its title
// column has the header of a table column), or -1 for a column of its own.
func titleColumnIn(t *templates.Table, i int) int {
	if i >= len(t.TitleColumns) || t.TitleColumns[i].Header == "" {
		return -1
	}
	return slices.IndexFunc(t.Columns, func(c templates.Column) bool { return c.Header == t.TitleColumns[i].Header })
}

func hasPrefix(t *templates.Table) bool {
	return slices.ContainsFunc(t.Rows, func(r templates.Row) bool { return len(r.Cells) > 0 && r.Cells[0].Prefix != "" })
}

func hasNotes(t *templates.Table) bool {
	note := func(c templates.Cell) bool { return c.Note != "" }
	return slices.ContainsFunc(t.TitleCells, note) ||
		slices.ContainsFunc(t.Rows, func(r templates.Row) bool { return slices.ContainsFunc(r.Cells, note) })
}

// sameShape reports whether t has the main table's columns.
func (g grid) sameShape(t *templates.Table) bool {
	if g.main == nil || len(t.Columns) != len(g.main.Columns) || len(t.TitleCells) > len(g.main.TitleCells) {
		return false
	}
	for i, c := range t.Columns {
		if c.Header != g.main.Columns[i].Header {
			return false
		}
	}
	return true
}

// place returns where t's cells go.
func (g grid) place(t *templates.Table) (mapping, error) {
	if g.sameShape(t) {
		m := g.shape
		m.titleCols = m.titleCols[:len(t.TitleCells)]
		return m, nil
	}
	// Right-aligned on the value columns: the first column spans the rest.
	end := g.values
	n := len(t.Columns)
	if n > end {
		end = len(g.widths)
	}
	if n == 0 || n > end {
		return mapping{}, fmt.Errorf("table %s has %d columns, the sheet %d", t.ID, n, len(g.widths))
	}
	m := mapping{first: 1}
	for i := range t.Columns {
		m.cols = append(m.cols, end-n+1+i)
	}
	m.cols[0] = m.first
	// Title cells fill the last columns of the title row.
	for i := range t.TitleCells {
		m.titleCols = append(m.titleCols, end-len(t.TitleCells)+1+i)
	}
	return m, nil
}

// span returns the first and last grid column of a cell in table column
// c spanning n table columns.
func (m mapping) span(c, n int) (first, last int) {
	first = m.cols[c]
	if c == 0 && m.prefix == 0 {
		first = m.first // a right-aligned table's first column spans the rest
	}
	if end := c + max(n, 1); end < len(m.cols) {
		return first, m.cols[end] - 1
	}
	return first, m.cols[len(m.cols)-1]
}

// sheetName makes a part name a valid, unique sheet name: Excel forbids
// some characters and allows 31.
func sheetName(name string, used map[string]bool) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	name = strings.Trim(name, "'")
	if name == "" {
		name = "Sheet"
	}
	base := truncate(name, maxSheetName)
	name = base
	for i := 2; used[strings.ToLower(name)]; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		name = truncate(base, maxSheetName-len(suffix)) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

// truncate keeps the first n UTF-16 code units of s, whole characters.
func truncate(s string, n int) string {
	head, _ := cutText(s, n)
	if utf16Len(s) <= n {
		return s
	}
	if utf16Len(head) > n {
		return ""
	}
	return head
}
