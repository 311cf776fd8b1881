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

// layout lays d out into pages of drawing operations, each with its
// header and footer.
func layout(fs fonts, d *templates.Document) [][]op {
	f, ph := paginate(fs, d)
	decorate(f, ph, d.Footer)
	return f.pages
}

// paginate lays the content of d out into pages, leaving room for the
// page header it returns and the footer.
func paginate(fs fonts, d *templates.Document) (*flow, pageHeader) {
	ph := newPageHeader(fs, d.Header)
	b := &builder{fonts: fs, flow: newFlow(fs, ph.bottom, contentBottom)}
	b.titleBlock(d)
	b.headerFields(d)
	for i := range d.JobFunctions {
		b.flow.space(gapBlock)
		b.jobFunction(&d.JobFunctions[i], nil, 1)
	}
	b.specialization(d.Specialization)
	// The totals include the specialization's hours: they follow it.
	b.totals(d.Totals)
	b.rtiPlan(&d.RTI)
	b.signatures(&d.Signature, d.Header.Sponsor)
	return b.flow, ph
}

// builder turns the document's parts into tables on the flow.
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

// columnHeader returns the shaded column header row of t.
func (b *builder) columnHeader(t *table, names []string, aligns []align) row {
	cells := make([]cell, len(names))
	for i, name := range names {
		cells[i] = boxed(b.cell(t, i, 1, name, stColHead), shadeColHead, aligns[i])
	}
	return row{cells: cells}
}

// continuedRow returns the row that starts a table's continuation on a
// new page: "title (continued)" across all columns.
func (b *builder) continuedRow(t *table, title string) row {
	return row{cells: []cell{boxed(b.cell(t, 0, len(t.cols), title+" (continued)", stHeading), shadeHeading, alignLeft)}}
}

// rule draws a full-width rule below the last block and moves past it.
func (b *builder) rule(width float64) {
	f := b.flow
	f.y += 2
	f.line(contentLeft, f.y, contentRight, f.y, inkText, width)
	f.y += gapBlock
}

// titleBlock prints the form title, the occupation and its codes.
func (b *builder) titleBlock(d *templates.Document) {
	t := &table{x: contentLeft, cols: []float64{contentWidth - 170, 170}}
	code := func(label, value string) cell {
		if value == "" {
			value = blank
		}
		c := b.cell(t, 1, 1, label+": "+value, stLabel)
		c.align = alignRight
		return c
	}
	t.body = []row{
		{cells: []cell{b.cell(t, 0, 1, d.Title, stTitle), code("O*NET Code", d.ONET)}},
		{cells: []cell{b.cell(t, 0, 1, d.Occupation, stSubtitle), code("RAPIDS Code", d.RAPIDS)}},
	}
	b.flow.bookmark("Work Process Schedule", 0)
	t.place(b.flow)
	b.rule(1.2)
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

// headerFields prints the form's header fields, checkbox fields included.
func (b *builder) headerFields(d *templates.Document) {
	t := b.fieldsTable()
	for _, fd := range d.Fields {
		t.body = append(t.body, b.fieldRow(t, fd))
	}
	t.place(b.flow)
}

// totals prints the hours totals, kept together, at the right.
func (b *builder) totals(totals []templates.Total) {
	if len(totals) == 0 {
		return
	}
	t := &table{x: contentRight - 260, cols: []float64{180, 80}}
	for _, tot := range totals {
		t.body = append(t.body, row{cells: []cell{
			boxed(b.cell(t, 0, 1, tot.Label, stLabel), shadeTotal, alignLeft),
			boxed(b.number(t, 1, 1, tot.Hours.String(), stBodyBold), 0, alignRight),
		}})
	}
	b.flow.space(gapBlock)
	b.keepTogether(t)
	t.place(b.flow)
}

// keepTogether starts a new page unless all of t fits on the current one
// (or t is taller than a page anyway).
func (b *builder) keepTogether(t *table) {
	if h := rowsHeight(t.lead) + rowsHeight(t.header) + rowsHeight(t.body); h <= b.flow.capacity() {
		b.flow.ensure(h)
	}
}

// specialization prints the "Type of Specialization" section: its heading
// kept with the first job function table.
func (b *builder) specialization(s *templates.Specialization) {
	if s == nil {
		return
	}
	b.flow.space(gapSection)
	t := &table{x: contentLeft, cols: []float64{contentWidth}}
	heading := []row{{cells: []cell{b.cell(t, 0, 1, "Type of Specialization: "+s.Title, stSection)}}}
	if len(s.JobFunctions) == 0 {
		t.bookmarks = []bookmark{{"Type of Specialization: " + s.Title, 1}}
		t.body = heading
		t.place(b.flow)
		return
	}
	for i := range s.JobFunctions {
		if i > 0 {
			b.flow.space(gapBlock)
		}
		b.jobFunction(&s.JobFunctions[i], heading, 2)
		heading = nil
	}
}

// sectionTitle prints a section title with a rule under it.
func (b *builder) sectionTitle(title string) {
	b.paragraph(title, stSection)
	b.rule(1.2)
}

// paragraph prints text across the content width.
func (b *builder) paragraph(s string, st style) {
	t := &table{x: contentLeft, cols: []float64{contentWidth}}
	t.body = []row{{cells: []cell{b.cell(t, 0, 1, s, st)}}}
	t.place(b.flow)
}
