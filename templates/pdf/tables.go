package pdf

import (
	"github.com/wpsgen/wpsgen/templates"
)

// boxWidth is the width of a Box table (the OJL totals), at the right edge.
const boxWidth = 260.0

// table lays out a Table block: its title and details in a shaded lead row
// (after any lead rows of a section heading), the column headers repeated
// with Continued on every page it runs onto, and its rows by kind.
func (b *builder) table(bt *templates.Table, lead []row, level int) *table {
	width, x := contentWidth, contentLeft
	if bt.Box {
		width, x = boxWidth, contentRight-boxWidth
	}
	t := &table{x: x, cols: scale(bt.Columns, width)}
	t.lead = append(t.lead, lead...)
	if bt.Title != "" {
		heading := boxed(b.cell(t, 0, len(t.cols), bt.Title, stHeading), shadeHeading, alignLeft)
		if bt.Details != "" {
			heading.lines = append(heading.lines, b.lines(bt.Details, stBody, t.textWidth(0, len(t.cols)))...)
		}
		t.lead = append(t.lead, row{cells: []cell{heading}})
		t.bookmarks = append(t.bookmarks, bookmark{b.fonts.clean(bt.Title, regular), level})
	}
	if bt.Continued != "" {
		t.cont = []row{{cells: []cell{boxed(b.cell(t, 0, len(t.cols), bt.Continued, stHeading), shadeHeading, alignLeft)}}}
	}
	if hasHeaders(bt.Columns) {
		cells := make([]cell, len(bt.Columns))
		for i, c := range bt.Columns {
			cells[i] = boxed(b.cell(t, i, 1, c.Header, stColHead), shadeColHead, alignments[c.Align()])
		}
		t.header = []row{{cells: cells}}
	}
	indent := b.prefixIndent(bt, t.textWidth(0, 1)*maxLetterShare)
	for _, r := range bt.Rows {
		t.body = append(t.body, b.row(t, bt, r, indent))
		if r.Kind == templates.RowNote {
			t.notes++
			if n := len(t.body); n >= 2 {
				t.body[n-2].keepWithNext = true
			}
		}
	}
	return t
}

// scale turns column width shares into points across width.
func scale(cols []templates.Column, width float64) []float64 {
	total := 0.0
	for _, c := range cols {
		total += c.Width
	}
	out := make([]float64, len(cols))
	for i, c := range cols {
		if total > 0 {
			out[i] = width * c.Width / total
		} else {
			out[i] = width / float64(len(cols))
		}
	}
	return out
}

func hasHeaders(cols []templates.Column) bool {
	for _, c := range cols {
		if c.Header != "" {
			return true
		}
	}
	return false
}

// alignments maps the layout's alignment to the PDF's.
var alignments = [...]align{templates.AlignLeft: alignLeft, templates.AlignCenter: alignCenter, templates.AlignRight: alignRight}

// prefixIndent is how far cell texts hang after their prefixes (competency
// letters), so they line up after the widest prefix that fits in limit.
func (b *builder) prefixIndent(bt *templates.Table, limit float64) float64 {
	w := 0.0
	for _, r := range bt.Rows {
		for _, c := range r.Cells {
			if c.Prefix == "" {
				continue
			}
			if pw := b.fonts.width(b.fonts.clean(c.Prefix, stBody.face), stBody); pw+4 <= limit {
				w = max(w, pw)
			}
		}
	}
	return w + 4
}

// row lays out one row of a table by its kind: group labels shaded and
// kept with the next row, subtotals and totals shaded and bold.
func (b *builder) row(t *table, bt *templates.Table, r templates.Row, indent float64) row {
	st, shade := stBody, uint8(0)
	switch r.Kind {
	case templates.RowGroup:
		st, shade = stBodyBold, shadeGroup
	case templates.RowSubtotal:
		st, shade = stBodyBold, shadeSubtotal
	case templates.RowTotal:
		st, shade = stBodyBold, shadeTotal
	case templates.RowNote:
		st = stBodyBold
	}
	out := row{keepWithNext: r.Kind == templates.RowGroup}
	col := 0
	for _, c := range r.Cells {
		span := max(c.Span, 1)
		pc := b.tableCell(t, col, span, c, st, indent)
		if col == 0 && r.Indent > 0 {
			pc = b.nested(t, span, c, st, indent, float64(r.Indent)*rowIndent)
		}
		a := alignments[c.Kind.Align()]
		if col < len(bt.Columns) && bt.Columns[col].Center && span == 1 {
			a = alignCenter
		}
		if r.Kind != templates.RowBody && r.Kind != templates.RowGroup && c.Kind == templates.CellText && span > 1 {
			a = alignRight // a total's label sits against its number
		}
		if bt.Box && c.Kind == templates.CellText {
			st := stLabel
			pc = b.cell(t, col, span, c.Text, st)
			shade = shadeTotal
		}
		cellShade := shade
		if bt.Box && c.Kind != templates.CellText {
			cellShade = 0
		}
		out.cells = append(out.cells, boxed(pc, cellShade, a))
		col += span
	}
	return out
}

// tableCell is one cell's content: text with its hanging prefix and note,
// a list of items, a number on one line, or the check mark.
func (b *builder) tableCell(t *table, col, span int, c templates.Cell, st style, indent float64) cell {
	width := t.textWidth(col, span)
	switch {
	case c.Kind.Numeric():
		if c.Text == "" {
			return cell{span: span}
		}
		return b.number(t, col, span, c.Text, st)
	case c.Kind == templates.CellCheck:
		if !c.Checked {
			return cell{span: span}
		}
		return b.cell(t, col, span, checkOn, stBodyBold)
	}
	var out cell
	out.span = span
	switch {
	case c.Prefix == "":
		if c.Text != "" || len(c.Items) == 0 {
			out.lines = b.lines(c.Text, st, width)
		}
	case b.fonts.width(b.fonts.clean(c.Prefix, st.face), st)+4 <= indent:
		out.lines = b.hanging(c.Prefix, c.Text, st, width, indent)
	default:
		// A prefix too long to hang the text after: on lines of its own,
		// broken to fit, and the text under it.
		out.lines = append(b.lines(c.Prefix, st, width), b.hanging("", c.Text, st, width, indent)...)
	}
	hang := b.fonts.width("• ", st) + 1
	for _, item := range c.Items {
		out.lines = append(out.lines, b.hanging("•", item, st, width, hang)...)
	}
	if c.Note != "" {
		out.lines = append(out.lines, b.lines(c.Note, stNote, width)...)
	}
	return out
}

// rowIndent is how far a nested row's first cell (a competency's
// sub-item) moves right per level.
const rowIndent = 14.0

// nested is a first cell moved right by shift: its text wrapped to the
// narrower width, its prefix and lines drawn shift points in.
func (b *builder) nested(t *table, span int, c templates.Cell, st style, indent, shift float64) cell {
	width := t.textWidth(0, span) - shift
	var out cell
	out.span = span
	out.lines = b.hanging(c.Prefix, c.Text, st, width, b.fonts.width(b.fonts.clean(c.Prefix, st.face), st)+4)
	if c.Note != "" {
		out.lines = append(out.lines, b.lines(c.Note, stNote, width)...)
	}
	for i := range out.lines {
		out.lines[i].offset = shift
	}
	return out
}

// maxLetterShare is the largest part of a column that prefixes (competency
// ids) may take: a longer prefix gets lines of its own instead of pushing
// the text out.
const maxLetterShare = 0.25
