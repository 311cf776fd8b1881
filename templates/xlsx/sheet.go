package xlsx

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/templates"
)

// cell is one value of a sheet being laid out, possibly spanning (merged
// across) several columns.
type cell struct {
	value   any    // string, float64 or nil; "" is written as an empty cell
	formula string // without the leading "="; value is its cached result
	look    look
	numFmt  string // number format of a number; "" = General
	span    int    // columns covered; 0 means 1
	link    string // a URL the cell links to ("mailto:" for an email)
}

// columns returns how many columns the cell covers.
func (c cell) columns() int { return max(c.span, 1) }

// row is one row of a sheet: cells from column A, left to right.
type row struct {
	cells  []cell
	height float64 // points written; 0 = the reader sizes the row
	est    float64 // points the row is estimated to take, for page breaks
}

// pending is a formula cell whose formula is written once every sheet is
// laid out.
type pending struct {
	row, cell int // 1-based row, index of the cell in it
	col       int // 1-based column
	f         *templates.Formula
}

// keep is a run of rows to print on one page when it fits.
type keep struct{ first, last int }

// sheet is one worksheet laid out in memory, then streamed to the workbook
// in one pass (rows must reach excelize's stream writer in order, and
// formulas may refer to rows laid out after them).
type sheet struct {
	name   string
	grid   grid
	widths []float64 // column widths, from column A
	rows   []row

	freeze int    // rows kept in view at the top when scrolling
	titles [2]int // first and last row printed on every page; 0 = none (see paginate)
	lists  []*dropList
	keeps  []keep
	spans  []keep // the rows of each table with column headers
	breaks []int  // rows that start a printed page
	names  []definedName

	pending []pending
	numbers map[int][]int // per column, the rows holding numbers, ascending
	links   []link

	header, footer string // printed page header and footer

	// keys are the rows' round trip keys (roundtrip.go), written in a
	// hidden column when roundTrip is set.
	keys      map[int]keyed
	roundTrip bool
}

// link is a hyperlink from the cell at column col, row r.
type link struct {
	col, r int
	url    string
}

// definedName is a workbook-wide name for a range of the sheet.
type definedName struct {
	name  string
	first [2]int // column, row
	last  [2]int
}

// add appends a row and returns its 1-based row number. Text too long for
// one cell continues in the rows below (splitRow).
func (s *sheet) add(cells ...cell) int {
	first := s.next()
	for _, r := range splitRow(cells) {
		height, est := s.fit(r)
		s.rows = append(s.rows, row{cells: r, height: height, est: est})
	}
	col := 1
	for _, c := range cells {
		if _, ok := c.value.(float64); ok || c.formula != "" {
			s.number(col, first)
		}
		if c.link != "" {
			s.links = append(s.links, link{col, first, c.link})
		}
		col += c.columns()
	}
	return first
}

// number records that column col of row r holds a number.
func (s *sheet) number(col, r int) {
	if s.numbers == nil {
		s.numbers = map[int][]int{}
	}
	s.numbers[col] = append(s.numbers[col], r)
}

// blank appends an empty row.
func (s *sheet) blank() { s.add() }

// next returns the row number the next add will return.
func (s *sheet) next() int { return len(s.rows) + 1 }

// atLeast raises row r to at least height points, e.g. to leave room to sign.
func (s *sheet) atLeast(r int, height float64) {
	if r >= 1 && r <= len(s.rows) {
		s.rows[r-1].height = max(s.rows[r-1].height, height)
		s.rows[r-1].est = max(s.rows[r-1].est, height)
	}
}

// list returns the drop-down list of values, adding it on first use.
func (s *sheet) dropList(values []string) *dropList {
	for _, l := range s.lists {
		if slices.Equal(l.values, values) {
			return l
		}
	}
	l := &dropList{values: values, prompt: "Choose " + strings.Join(values, " or ") + ", or leave the cell blank."}
	s.lists = append(s.lists, l)
	return l
}

// dropList is a data validation list: the cells it covers accept only its
// values (or blank), chosen from a drop-down.
type dropList struct {
	values []string
	prompt string   // error message shown for any other value
	cells  [][2]int // column, row
}

// add puts the cell at column col, row r under the list.
func (l *dropList) add(col, r int) { l.cells = append(l.cells, [2]int{col, r}) }

// sqref is the list's range: per column, runs of consecutive rows as
// ranges, e.g. "C5:C7 C10 D5:D7".
func (l *dropList) sqref() string {
	cells := append([][2]int(nil), l.cells...)
	sort.Slice(cells, func(i, j int) bool {
		if cells[i][0] != cells[j][0] {
			return cells[i][0] < cells[j][0]
		}
		return cells[i][1] < cells[j][1]
	})
	var refs []string
	for i := 0; i < len(cells); {
		j := i
		for j+1 < len(cells) && cells[j+1][0] == cells[i][0] && cells[j+1][1] <= cells[j][1]+1 {
			j++
		}
		if cells[j][1] == cells[i][1] {
			refs = append(refs, cellRef(cells[i][0], cells[i][1]))
		} else {
			refs = append(refs, columnRange(cells[i][0], cells[i][1], cells[j][1]))
		}
		i = j + 1
	}
	return strings.Join(refs, " ")
}

// write streams the sheet into f, which already has a worksheet of that
// name, with its print setup and data validations.
func (s *sheet) write(f *excelize.File, st *styles) error {
	// Sheet-level settings go first: the stream writer copies them from the
	// worksheet when it starts and when it is flushed.
	if err := s.setup(f); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	// excelize puts each new column before the ones already set: set them
	// right to left so that they are stored in order, as Excel expects.
	if s.roundTrip {
		if err := sw.SetColVisible(s.keyColumn(), s.keyColumn(), false); err != nil {
			return err
		}
	}
	for i := len(s.widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, s.widths[i]); err != nil {
			return err
		}
	}
	if s.freeze > 0 {
		top := cellRef(1, s.freeze+1)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: s.freeze, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
		}); err != nil {
			return err
		}
	}
	for i, r := range s.rows {
		if err := s.writeRow(sw, i+1, r, st); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// writeRow streams row number n, merging the cells that span columns.
func (s *sheet) writeRow(sw *excelize.StreamWriter, n int, r row, st *styles) error {
	if len(r.cells) == 0 && r.height == 0 {
		return nil
	}
	var values []any
	for _, c := range r.cells {
		id, err := st.id(c.look, c.numFmt)
		if err != nil {
			return err
		}
		first := len(values) + 1
		values = append(values, excelize.Cell{StyleID: id, Formula: c.formula, Value: cellValue(c.value)})
		for k := 1; k < c.columns(); k++ {
			values = append(values, excelize.Cell{StyleID: id})
		}
		if c.columns() > 1 {
			if err := sw.MergeCell(cellRef(first, n), cellRef(len(values), n)); err != nil {
				return err
			}
		}
	}
	if len(values) > len(s.widths) {
		return fmt.Errorf("sheet %q row %d: %d columns, the sheet has %d", s.name, n, len(values), len(s.widths))
	}
	if k := s.keyCell(n); s.roundTrip && k != nil {
		for len(values) < s.keyColumn()-1 {
			values = append(values, nil)
		}
		values = append(values, k)
	}
	return sw.SetRow(cellRef(1, n), values, excelize.RowOpts{Height: r.height})
}

// cellValue is what the stream writer stores: strings always as strings
// (never parsed as formulas or numbers), numbers as numbers, nothing for an
// empty string.
func cellValue(v any) any {
	if s, ok := v.(string); ok && s == "" {
		return nil
	}
	return v
}

// setup applies the sheet's used range, print setup, page header and
// footer, print titles, page breaks, defined names and data validations.
func (s *sheet) setup(f *excelize.File) error {
	letter, landscape, one, zero := 1, "landscape", 1, 0
	if err := f.SetPageLayout(s.name, &excelize.PageLayoutOptions{
		Size: &letter, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return err
	}
	// The margins page breaks are chosen for (Excel's defaults), written
	// so every reader uses them.
	side, edge, band := marginSide, marginEdge, marginBand
	if err := f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &band, Footer: &band,
	}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if len(s.rows) > 0 && len(s.widths) > 0 {
		if err := f.SetSheetDimension(s.name, "A1:"+cellRef(len(s.widths), len(s.rows))); err != nil {
			return err
		}
	}
	if err := f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{OddHeader: s.header, OddFooter: s.footer}); err != nil {
		return err
	}
	quoted := "'" + strings.ReplaceAll(s.name, "'", "''") + "'"
	if s.titles[0] > 0 {
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("%s!$%d:$%d", quoted, s.titles[0], s.titles[1]),
			Scope:    s.name,
		}); err != nil {
			return err
		}
	}
	for _, n := range s.names {
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name:     n.name,
			RefersTo: quoted + "!" + absRef(n.first[0], n.first[1]) + ":" + absRef(n.last[0], n.last[1]),
		}); err != nil {
			return fmt.Errorf("defined name %s: %w", n.name, err)
		}
	}
	for _, r := range s.breaks {
		if err := f.InsertPageBreak(s.name, cellRef(1, r)); err != nil {
			return err
		}
	}
	for _, l := range s.lists {
		if err := s.addList(f, l); err != nil {
			return err
		}
	}
	// Links live outside the cells (the worksheet's hyperlinks and their
	// relationships), which the stream writer copies when it is flushed.
	for _, l := range s.links {
		if err := f.SetCellHyperLink(s.name, cellRef(l.col, l.r), l.url, "External"); err != nil {
			return fmt.Errorf("link %s: %w", l.url, err)
		}
	}
	return nil
}

// addList adds a drop-down list validation over the list's cells.
func (s *sheet) addList(f *excelize.File, l *dropList) error {
	if len(l.cells) == 0 {
		return nil
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = l.sqref()
	if err := dv.SetDropList(l.values); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "Invalid value", l.prompt)
	return f.AddDataValidation(s.name, dv)
}
