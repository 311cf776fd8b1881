package pdf

import (
	"github.com/wpsgen/wpsgen/templates"
)

// Text styles of the document body.
var (
	stTitle    = style{face: bold, size: 16, color: inkText}
	stSubtitle = style{face: bold, size: 11, color: inkText}
	stSection  = style{face: bold, size: 12, color: inkText}
	stHeading  = style{face: bold, size: 9.5, color: inkText}
	stLabel    = style{face: bold, size: 9, color: inkText}
	stColHead  = style{face: bold, size: 8, color: inkText}
	stBody     = style{face: regular, size: 9, color: inkText}
	stBodyBold = style{face: bold, size: 9, color: inkText}
	stNote     = style{face: regular, size: 8, color: inkMuted}
)

// Shades of table backgrounds.
const (
	shadeHeading  uint8 = 212 // job function heading rows
	shadeColHead  uint8 = 232 // column header rows
	shadeGroup    uint8 = 242 // course group rows
	shadeSubtotal uint8 = 247 // subtotal rows
	shadeTotal    uint8 = 228 // total rows
)

// Vertical spacing between blocks, in points.
const (
	gapSmall   = 6.0
	gapBlock   = 12.0
	gapSection = 20.0
)

const (
	blank   = "____________"      // a value to fill in by hand
	checkOn = templates.CheckMark // RTI / OJT mark, as in every format
)

// layout lays l out into pages of drawing operations, each with its
// header and footer.
func layout(fs fonts, l *templates.Layout) [][]op {
	f, ph := paginate(fs, l)
	decorate(f, ph, l.Footer)
	return f.pages
}

// builder turns the document's blocks into tables on the flow.
type builder struct {
	fonts fonts
	flow  *flow
}

// lines cleans and wraps s into cell lines of style st, width points wide.
func (b *builder) lines(s string, st style, width float64) []line {
	texts := b.fonts.wrap(b.fonts.clean(s, st.face), st, width)
	lines := make([]line, len(texts))
	for i, t := range texts {
		lines[i] = line{text: t, style: st}
	}
	return lines
}

// hanging returns s as lines hanging indent points right of prefix.
func (b *builder) hanging(prefix, s string, st style, width, indent float64) []line {
	lines := b.lines(s, st, width-indent)
	for i := range lines {
		lines[i].indent = indent
	}
	lines[0].prefix = b.fonts.clean(prefix, st.face)
	return lines
}

// cell returns a cell of table t at column col, spanning span columns,
// holding s wrapped to fit.
func (b *builder) cell(t *table, col, span int, s string, st style) cell {
	return cell{span: span, lines: b.lines(s, st, t.textWidth(col, span))}
}

// minNumberSize is the smallest type a number is shrunk to so that it fits
// its cell on one line.
const minNumberSize = 4.0

// number returns a cell of t holding the number s on one line: a number is
// never broken across lines (a reader would see "1,012.7" and "5"), so one
// too wide for its column is set smaller. Only a number too wide even at
// the smallest size is broken, rather than drawn outside the cell.
func (b *builder) number(t *table, col, span int, s string, st style) cell {
	width := t.textWidth(col, span)
	if w := b.fonts.width(b.fonts.clean(s, st.face), st); w > width {
		st.size = max(minNumberSize, st.size*width/w*0.98) // a little under: widths round
	}
	return cell{span: span, lines: b.lines(s, st, width)}
}

// boxed returns c outlined as a table cell, with a background shade (0 for
// none) and an alignment.
func boxed(c cell, shade uint8, a align) cell {
	c.border, c.shade, c.align = boxBorder, shade, a
	return c
}

// rule draws a full-width rule below the last block and moves past it.
func (b *builder) rule(width float64) {
	f := b.flow
	f.y += 2
	f.line(contentLeft, f.y, contentRight, f.y, inkText, width)
	f.y += gapBlock
}

// fieldLabelWidth is the width of the label column of form fields.
const fieldLabelWidth = 170.0

// fieldsTable returns a two-column form block: a label and a value on a
// line to fill in (a blank value leaves the line empty).
func (b *builder) fieldsTable() *table {
	return &table{x: contentLeft, cols: []float64{fieldLabelWidth, contentWidth - fieldLabelWidth}}
}

// fieldRow returns a form row: label, and value written on a fill-in line.
// An email is a mailto: link; a list of several items is a bulleted list.
func (b *builder) fieldRow(t *table, fd templates.Field) row {
	v := b.cell(t, 1, 1, fd.Value, stBody)
	switch {
	case fd.Kind == templates.FieldEmail && fd.Value != "":
		v.link = "mailto:" + fd.Value
	case fd.Kind == templates.FieldItems && len(fd.Items) > 1:
		width, indent := t.textWidth(1, 1), b.fonts.width("• ", stBody)+1
		v.lines = nil
		for _, item := range fd.Items {
			v.lines = append(v.lines, b.hanging("•", item, stBody, width, indent)...)
		}
	}
	v.border = fillInLine
	return row{cells: []cell{b.cell(t, 0, 1, fd.Label+":", stLabel), v}}
}

// keepTogether starts a new page unless all of t fits on the current one
// (or t is taller than a page anyway).
func (b *builder) keepTogether(t *table) {
	if h := rowsHeight(t.lead) + rowsHeight(t.header) + rowsHeight(t.body); h <= b.flow.capacity() {
		b.flow.ensure(h)
	}
}

// paragraph prints text across the content width.
func (b *builder) paragraph(s string, st style) {
	t := &table{x: contentLeft, cols: []float64{contentWidth}}
	t.body = []row{{cells: []cell{b.cell(t, 0, 1, s, st)}}}
	t.place(b.flow)
}
