package docx

import (
	"fmt"

	gd "github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// Align places a column's text within its cells.
type Align int

const (
	Left Align = iota
	Center
	Right
)

// Column is one table column; Width is relative to the other columns'.
type Column struct {
	Header string
	Width  float64
	Align  Align
}

// Row is one table row. Shade gives it a light background (totals, group
// rows); Indent indents the first cell by that many steps.
type Row struct {
	Cells  []string
	Bold   bool
	Shade  bool
	Indent int
}

// Table is a bordered table. Title, when set, is a first row spanning all
// columns; it repeats with the column headers at the top of every page the
// table runs onto, which is how a reader on page 3 knows what the table is.
type Table struct {
	Title   string
	Columns []Column
	Rows    []Row
}

const (
	shadeHeader = "D9D9D9"
	shadeRow    = "F2F2F2"
	indentStep  = 220 // twips per Row.Indent step
)

// Table adds t. Its header rows repeat on every page (w:tblHeader) and no
// row splits across a page break (w:cantSplit).
func (d *Document) Table(t Table) {
	if len(t.Columns) == 0 {
		d.fail(fmt.Errorf("docx: table %q has no columns", t.Title))
		return
	}
	widths, err := columnWidths(t.Columns)
	if err != nil {
		d.fail(fmt.Errorf("docx: table %q: %w", t.Title, err))
		return
	}
	for i, r := range t.Rows {
		if len(r.Cells) > len(t.Columns) {
			d.fail(fmt.Errorf("docx: table %q row %d has %d cells for %d columns", t.Title, i+1, len(r.Cells), len(t.Columns)))
			return
		}
	}
	tbl := d.root.AddTable()
	tbl.Style("TableGrid")
	tbl.Width(textWidth, stypes.TableWidthDxa)
	tbl.Layout(stypes.TableLayoutFixed)
	grid := make([]uint64, len(widths))
	for i, w := range widths {
		grid[i] = uint64(w)
	}
	tbl.Grid(grid...)

	if t.Title != "" {
		row := tbl.AddRow()
		markHeader(rowCT(tbl))
		c := row.AddCell()
		c.Width(textWidth, stypes.TableWidthDxa)
		c.ColSpan(len(t.Columns))
		c.BackgroundColor(shadeHeader)
		p := c.AddEmptyPara()
		tight(p.GetCT())
		keepNext(p.GetCT())
		addText(p, t.Title, Bold)
	}
	row := tbl.AddRow()
	markHeader(rowCT(tbl))
	for i, col := range t.Columns {
		c := row.AddCell()
		c.Width(widths[i], stypes.TableWidthDxa)
		c.BackgroundColor(shadeHeader)
		p := c.AddEmptyPara()
		cellPara(p, col.Align, 0)
		addText(p, col.Header, Bold)
	}
	for _, r := range t.Rows {
		row := tbl.AddRow()
		rowCT(tbl).Property.CantSplit = &ctypes.OnOff{}
		style := Normal
		if r.Bold {
			style = Bold
		}
		for i := range t.Columns {
			c := row.AddCell()
			c.Width(widths[i], stypes.TableWidthDxa)
			if r.Shade {
				c.BackgroundColor(shadeRow)
			}
			text, indent := "", 0
			if i < len(r.Cells) {
				text = r.Cells[i]
			}
			if i == 0 {
				indent = r.Indent
			}
			p := c.AddEmptyPara()
			cellPara(p, t.Columns[i].Align, indent)
			addText(p, text, style)
		}
	}
	d.spacer()
}

// columnWidths turns relative widths into twips that add up to the text
// width exactly, so Word and LibreOffice lay the table out alike.
func columnWidths(cols []Column) ([]int, error) {
	var sum float64
	for _, c := range cols {
		if !(c.Width > 0) {
			return nil, fmt.Errorf("column %q has width %v; widths must be positive", c.Header, c.Width)
		}
		sum += c.Width
	}
	out := make([]int, len(cols))
	used := 0
	for i, c := range cols {
		if i == len(cols)-1 {
			out[i] = textWidth - used
			break
		}
		out[i] = int(float64(textWidth)*c.Width/sum + 0.5)
		used += out[i]
	}
	return out, nil
}

// rowCT is the XML of the table's last row; godocx's Row keeps it private.
func rowCT(t *gd.Table) *ctypes.Row {
	rc := t.GetCT().RowContents
	return rc[len(rc)-1].Row
}

func markHeader(r *ctypes.Row) {
	r.Property.Header = &ctypes.OnOff{}
	r.Property.CantSplit = &ctypes.OnOff{}
}

func cellPara(p *gd.Paragraph, a Align, indent int) {
	ct := p.GetCT()
	tight(ct)
	switch a {
	case Center:
		p.Justification(stypes.JustificationCenter)
	case Right:
		p.Justification(stypes.JustificationRight)
	}
	if indent > 0 {
		left := indent * indentStep
		ct.Property.Indent = &ctypes.Indent{Left: &left}
	}
}
