package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/internal/lazy"
	"github.com/wpsgen/wpsgen/templates"
)

// placed is where a table went: for formulas, defined names and page
// breaks.
type placed struct {
	t        *templates.Table
	sheet    *sheet
	m        mapping
	titleRow int   // 0 = no title row
	rows     []int // per table row, its sheet row
}

// keepRows is how many body rows stay on the page of a table's title and
// header.
const keepRows = 2

// table lays out a table: its column headers, its title row (with its
// title cells), then its rows by kind, each with its read-back key. lead is the row of a heading to
// keep with it (0 = none).
func (b *book) table(s *sheet, t *templates.Table, lead int) error {
	m, err := s.grid.place(t)
	if err != nil {
		return err
	}
	if t.ID == "" {
		return fmt.Errorf("a table has no ID")
	}
	if _, dup := b.tables[t.ID]; dup {
		return fmt.Errorf("two tables are called %s", t.ID)
	}
	p := &placed{t: t, sheet: s, m: m}
	b.tables[t.ID] = p
	first := s.next()
	// The column headers come first, then the title row: the title sits
	// right above the rows it heads (as `wpsgen import` reads a table).
	if headers(t) {
		r := s.headerRow(t, m)
		if t.HeaderKey != "" {
			s.key(r, t.HeaderKey)
		}
		if s.titles[0] == 0 && s.grid.sameShape(t) {
			s.titles = [2]int{r, r}
			if r <= maxFrozen {
				s.freeze = r
			}
		}
	}
	if t.Title != "" {
		p.titleRow = s.titleRow(t, m)
		if k := t.TitleKey; k != nil {
			s.key(p.titleRow, k.Key, k.Shown...)
		}
		if t.Details != "" && len(t.TitleCells) == 0 {
			s.add(cell{value: t.Details, look: lookValue, span: len(s.widths)})
		}
	}
	for i, r := range t.Rows {
		n, err := s.tableRow(t, b.totalUnder(s, t, m, r), r)
		if err != nil {
			return fmt.Errorf("table %s row %d: %w", t.ID, i+1, err)
		}
		p.rows = append(p.rows, n)
		if r.Key != nil {
			s.key(n, r.Key.Key, r.Key.Shown...)
		}
	}
	last := s.next() - 1
	if headers(t) {
		s.spans = append(s.spans, keep{first, last})
	}
	keepTo := last
	if !t.Box {
		// The title and header with the first rows; a table's total rows
		// and notes stay with the row before them.
		for i, r := range t.Rows {
			if i >= keepRows && r.Kind == templates.RowBody {
				keepTo = p.rows[i] - 1
				break
			}
		}
	}
	keepFrom := first
	if lead > 0 {
		keepFrom = lead
	}
	s.keeps = append(s.keeps, keep{keepFrom, keepTo})
	// The rows after the last body row (total, hours per year) stay with it.
	for i := len(t.Rows) - 1; i > 0; i-- {
		if t.Rows[i].Kind == templates.RowBody || t.Rows[i].Kind == templates.RowGroup {
			if i < len(t.Rows)-1 && p.rows[i] > keepTo {
				s.keeps = append(s.keeps, keep{p.rows[i], last})
			}
			break
		}
	}
	if first <= last && nameable(t.ID) {
		s.names = append(s.names, definedName{name: t.ID, first: [2]int{m.first, first}, last: [2]int{lastColumn(m, len(s.widths)), last}})
	}
	return nil
}

// totalUnder returns where a total row's cells go: a box's total that
// sums one column of this sheet (the OJL totals of a hybrid program: the
// minimum sums Min hours, the maximum Max hours) goes in that column, its
// label spanning the columns before it, so a spreadsheet's reader sees
// each total under the hours it adds up.
func (b *book) totalUnder(s *sheet, t *templates.Table, m mapping, r templates.Row) mapping {
	if !t.Box || r.Kind != templates.RowTotal || len(r.Cells) != 2 || len(m.cols) != 2 || max(r.Cells[0].Span, 1) != 1 {
		return m
	}
	f := r.Cells[1].Formula
	if f == nil || f.Op != templates.OpSum || len(f.Refs) == 0 {
		return m
	}
	col := 0
	for _, ref := range f.Refs {
		a, _, err := b.locate(ref, ref.Row)
		if err != nil || a.sheet != s || col != 0 && a.col != col {
			return m
		}
		col = a.col
	}
	if col <= m.first || col > s.grid.values {
		return m
	}
	under := m
	under.cols = []int{m.cols[0], col}
	return under
}

// nameable reports whether id can be a defined name: letters, digits and
// underscores, not starting with a digit, and not a cell reference (A1 or
// R1C1), which Excel would read instead.
func nameable(id string) bool {
	if !validName().MatchString(id) || cellLike().MatchString(id) || len(id) > 255 {
		return false
	}
	_, _, err := excelize.CellNameToCoordinates(id)
	return err != nil
}

var (
	validName = lazy.Regexp(`^[A-Za-z_][A-Za-z0-9_]*$`)
	cellLike  = lazy.Regexp(`^(?i)(r[0-9]*c?[0-9]*|c[0-9]*|[a-z]{1,3}[0-9]+)$`)
)

// maxFrozen is the most rows a sheet freezes above its first header row:
// more would fill half a laptop screen.
const maxFrozen = 8

func headers(t *templates.Table) bool {
	for _, c := range t.Columns {
		if c.Header != "" {
			return true
		}
	}
	return false
}

// lastColumn is the last grid column a table covers.
func lastColumn(m mapping, width int) int {
	last := m.cols[len(m.cols)-1]
	for _, c := range m.titleCols {
		last = max(last, c)
	}
	return max(last, m.notes)
}

// line is a row of the grid being filled: each column at most once.
type line struct {
	cells []*cell // per column (index 0 = column A); a covered column points to its cell
	fill  look    // the look of columns nothing is put in
	last  int     // last column of the table
}

func newLine(width int, fill look) *line { return &line{cells: make([]*cell, width), fill: fill} }

// put places c over columns first..last (1-based).
func (l *line) put(first, last int, c cell) {
	c.span = last - first + 1
	for i := first; i <= last; i++ {
		l.cells[i-1] = &c
	}
}

// row returns the cells from column A, empty columns filled.
func (l *line) row() []cell {
	var out []cell
	for i := 0; i < len(l.cells); {
		c := l.cells[i]
		if c == nil {
			out = append(out, cell{look: l.fill})
			i++
			continue
		}
		out = append(out, *c)
		i += c.columns()
	}
	return out
}

// titleRow lays out a table's title, its title cells in their columns and
// their notes in the notes column.
func (s *sheet) titleRow(t *templates.Table, m mapping) int {
	ln := newLine(len(s.widths), lookPlain)
	end := lastColumn(m, len(s.widths))
	titleEnd := end
	for _, c := range m.titleCols {
		titleEnd = min(titleEnd, c-1)
	}
	if m.notes > 0 {
		titleEnd = min(titleEnd, m.notes-1)
	}
	for i := m.first; i <= end; i++ {
		ln.put(i, i, cell{look: lookHeadingCenter})
	}
	ln.put(m.first, max(titleEnd, m.first), cell{value: t.Title, look: lookHeading})
	var notes []string
	for i, c := range t.TitleCells {
		v := value(c)
		if c.Kind.Numeric() {
			v.look = lookHeadingNumber
		} else {
			v.look = lookHeadingCenter
		}
		ln.put(m.titleCols[i], m.titleCols[i], v)
		if c.Note != "" {
			notes = append(notes, c.Note)
		}
	}
	if m.notes > 0 {
		ln.put(m.notes, m.notes, cell{value: strings.Join(notes, "; "), look: lookHeadingCenter})
	}
	r := s.add(ln.row()...)
	for i, c := range t.TitleCells {
		col := m.titleCols[i]
		if k := columnOf(m, col); k >= 0 && c.Kind == templates.CellText && c.Text != "" {
			if ch := choices(t.Columns[k]); contains(ch, c.Text) {
				s.dropList(ch).add(col, r)
			}
		}
	}
	return r
}

// columnOf is the table column in grid column col, or -1.
func columnOf(m mapping, col int) int {
	for k, c := range m.cols {
		if c == col {
			return k
		}
	}
	return -1
}

func contains(values []string, v string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

// choices are the values a column's cells may hold.
func choices(c templates.Column) []string {
	if len(c.Choices) > 0 {
		return c.Choices
	}
	if c.Kind == templates.CellCheck {
		return []string{templates.CheckMark}
	}
	return nil
}

// headerRow lays out a table's column headers.
func (s *sheet) headerRow(t *templates.Table, m mapping) int {
	ln := newLine(len(s.widths), lookPlain)
	for i := m.first; i <= lastColumn(m, len(s.widths)); i++ {
		ln.put(i, i, cell{look: lookHead})
	}
	for k, c := range t.Columns {
		first, last := m.span(k, 1)
		ln.put(first, last, cell{value: c.Header, look: lookHead})
	}
	for i, col := range m.titleCols {
		if columnOf(m, col) < 0 && i < len(t.TitleColumns) {
			ln.put(col, col, cell{value: t.TitleColumns[i].Header, look: lookHead})
		}
	}
	if m.notes > 0 {
		ln.put(m.notes, m.notes, cell{value: workbook.HeaderNotes, look: lookHead})
	}
	return s.add(ln.row()...)
}

// tableRow lays out row i of a table and returns its sheet row.
func (s *sheet) tableRow(t *templates.Table, m mapping, r templates.Row) (int, error) {
	fill := lookText
	if r.Kind != templates.RowBody {
		fill = lookPlain
	}
	ln := newLine(len(s.widths), fill)
	if r.Kind == templates.RowBody {
		for c := m.first; c <= lastColumn(m, len(s.widths)); c++ {
			ln.put(c, c, cell{look: lookText})
		}
	}
	var notes []string
	var formulas []pending
	var lists [][2]int // table column, grid column
	k := 0
	for _, c := range r.Cells {
		if k >= len(t.Columns) {
			return 0, fmt.Errorf("%d columns of cells, the table has %d", k+1, len(t.Columns))
		}
		v := value(c)
		v.look = cellLook(c.Kind, r.Kind, t.Columns[k])
		text, isText := v.value.(string)
		if isText && r.Indent > 0 && k == 0 {
			v.value = strings.Repeat("    ", r.Indent) + text
		}
		if c.Prefix != "" {
			if k == 0 && m.prefix > 0 {
				ln.put(m.prefix, m.prefix, cell{value: c.Prefix, look: lookCenter})
			} else if isText {
				v.value = c.Prefix + " " + v.value.(string)
			}
		}
		if c.Note != "" {
			if m.notes > 0 {
				notes = append(notes, c.Note)
			} else if isText {
				v.value = strings.TrimSpace(v.value.(string) + "\n" + c.Note)
			}
		}
		first, last := m.span(k, c.Span)
		ln.put(first, last, v)
		if c.Formula != nil {
			formulas = append(formulas, pending{col: first, f: c.Formula})
		}
		if r.Kind == templates.RowBody && max(c.Span, 1) == 1 && choices(t.Columns[k]) != nil {
			lists = append(lists, [2]int{k, first})
		}
		k += max(c.Span, 1)
	}
	if m.notes > 0 && len(notes) > 0 {
		ln.put(m.notes, m.notes, cell{value: strings.Join(notes, "; "), look: lookNoteCell})
	}
	cells := ln.row()
	n := s.add(cells...)
	for _, l := range lists {
		s.dropList(choices(t.Columns[l[0]])).add(l[1], n)
	}
	for _, f := range formulas {
		f.row = n
		f.cell = cellIndex(cells, f.col)
		s.pending = append(s.pending, f)
	}
	return n, nil
}

// cellIndex is the index in cells of the cell that starts at column col.
func cellIndex(cells []cell, col int) int {
	at := 1
	for i, c := range cells {
		if at == col {
			return i
		}
		at += c.columns()
	}
	return -1
}

// cellLook is the look of a cell by its kind, its row's kind and column.
func cellLook(k templates.CellKind, rk templates.RowKind, col templates.Column) look {
	switch rk {
	case templates.RowGroup:
		return lookGroup
	case templates.RowSubtotal, templates.RowTotal, templates.RowNote:
		if k.Numeric() {
			return lookTotal
		}
		return lookTotalLabel
	}
	switch {
	case k.Numeric():
		return lookNumber
	case k == templates.CellCode:
		return lookCellCode
	case k == templates.CellCheck || col.Center:
		return lookCenter
	}
	return lookText
}

// value is a cell's value: a number with its number format, the check
// mark, or text (a list's items one per line).
func value(c templates.Cell) cell {
	switch {
	case c.Kind.Numeric():
		if c.Text == "" && c.Formula == nil {
			return cell{}
		}
		n := c.Num
		if c.Kind == templates.CellPercent {
			n = n.Div(decimal.FromInt(100), int32(c.Num.Scale()+2))
		}
		return cell{value: n.Float64(), numFmt: numberFormat(c)}
	case c.Kind == templates.CellCheck:
		if c.Checked {
			return cell{value: templates.CheckMark}
		}
		return cell{}
	}
	lines := c.Items
	if c.Text != "" {
		lines = append([]string{c.Text}, lines...)
	}
	return cell{value: strings.Join(lines, "\n")}
}

// numberFormat shows a number with thousands separators and the decimals
// it is printed with in the other formats (597.5 -> #,##0.0).
func numberFormat(c templates.Cell) string {
	places := c.Num.Scale()
	if dot := strings.LastIndexByte(c.Text, '.'); dot >= 0 {
		places = len(strings.TrimRight(c.Text[dot+1:], "%"))
	}
	decimals := ""
	if places > 0 {
		decimals = "." + strings.Repeat("0", places)
	}
	switch c.Kind {
	case templates.CellMoney:
		return "$#,##0" + decimalsAtLeast(decimals, 2)
	case templates.CellPercent:
		return "0" + decimals + "%"
	}
	return "#,##0" + decimals
}

func decimalsAtLeast(d string, n int) string {
	if len(d) < n+1 {
		return "." + strings.Repeat("0", n)
	}
	return d
}
