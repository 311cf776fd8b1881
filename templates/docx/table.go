package docx

import (
	"fmt"

	gd "github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// Align places text within its cells.
type Align int

const (
	// Auto is a column's default (left) and, on a cell, its column's.
	Auto Align = iota
	Left
	Center
	Right
)

// Column is one table column; Width is relative to the other columns'.
type Column struct {
	Header string
	Width  float64
	Align  Align
}

// Cell is one table cell. Span is the number of columns it covers (0 = 1).
// Prefix hangs before the text (a competency letter "A."), Items follow it
// as a bulleted list, and Note is a smaller line under them.
type Cell struct {
	Text   string
	Span   int
	Align  Align
	Prefix string
	Items  []string
	Note   string
}

// Cells returns one plain cell per text.
func Cells(texts ...string) []Cell {
	out := make([]Cell, len(texts))
	for i, t := range texts {
		out[i] = Cell{Text: t}
	}
	return out
}

// Row is one table row. Shade is a background colour ("F2F2F2", "" for
// none); Indent indents the first cell by that many steps; KeepNext keeps
// the row on the page of the row after it (a group label with its first
// course).
type Row struct {
	Cells    []Cell
	Bold     bool
	Shade    string
	Indent   int
	KeepNext bool
}

// Table is a bordered table. Title, when set, is a first row spanning all
// columns, with Details under it; it repeats with the column headers at
// the top of every page the table runs onto, which is how a reader on page
// 3 knows what the table is. A table whose columns have no headers has no
// header row. Box makes a small table at the right margin, kept on one
// page (the OJL totals). TitleHeading, 1 to 3, sets the title in that
// Word heading style, so the navigation pane and a tagged PDF list the
// table (a job function) as a section; 0 keeps it a plain bold line.
type Table struct {
	Title        string
	TitleHeading int
	Details      string
	Box          bool
	Columns      []Column
	Rows         []Row
}

// Shades of rows, light to dark.
const (
	ShadeSubtotal = "F7F7F7"
	ShadeGroup    = "F2F2F2"
	ShadeTotal    = "E4E4E4"
	shadeHeader   = "D9D9D9"
	indentStep    = 220  // twips per Row.Indent step
	boxWidth      = 5200 // twips: the PDF's 260 pt
	prefixHang    = 400  // twips the text hangs after a prefix
)

// Table adds t. Its title and header rows repeat on every page
// (w:tblHeader) and no row splits across a page break (w:cantSplit).
func (d *Document) Table(t Table) {
	if len(t.Columns) == 0 {
		d.fail(fmt.Errorf("docx: table %q has no columns", t.Title))
		return
	}
	width := textWidth
	if t.Box {
		width = boxWidth
	}
	widths, err := columnWidths(t.Columns, width)
	if err != nil {
		d.fail(fmt.Errorf("docx: table %q: %w", t.Title, err))
		return
	}
	for i, r := range t.Rows {
		n := 0
		for _, c := range r.Cells {
			n += max(c.Span, 1)
		}
		if n > len(t.Columns) {
			d.fail(fmt.Errorf("docx: table %q row %d covers %d columns of %d", t.Title, i+1, n, len(t.Columns)))
			return
		}
	}
	d.tableBreak()
	tbl := d.root.AddTable()
	tbl.Style("TableGrid")
	tbl.Width(width, stypes.TableWidthDxa)
	tbl.Layout(stypes.TableLayoutFixed)
	if t.Box {
		tbl.GetCT().TableProp.Justification = ctypes.NewGenSingleStrVal(stypes.JustificationRight)
	}
	grid := make([]uint64, len(widths))
	for i, w := range widths {
		grid[i] = uint64(w)
	}
	tbl.Grid(grid...)
	// A box is short: every row is kept with the next, so it stays on one
	// page.
	keep := t.Box

	if t.Title != "" {
		row := tbl.AddRow()
		markHeader(rowCT(tbl))
		c := row.AddCell()
		c.Width(width, stypes.TableWidthDxa)
		c.ColSpan(len(t.Columns))
		c.BackgroundColor(shadeHeader)
		p := c.AddEmptyPara()
		if n := t.TitleHeading; n >= 1 && n <= 3 {
			p.Style(fmt.Sprintf("Heading%d", n))
		}
		tight(p.GetCT())
		keepNext(p.GetCT())
		addText(p, t.Title, boldBody)
		if t.Details != "" {
			p := c.AddEmptyPara()
			tight(p.GetCT())
			keepNext(p.GetCT())
			addText(p, t.Details, Normal)
		}
	}
	if hasHeaders(t.Columns) {
		row := tbl.AddRow()
		markHeader(rowCT(tbl))
		for i, col := range t.Columns {
			c := row.AddCell()
			c.Width(widths[i], stypes.TableWidthDxa)
			c.BackgroundColor(shadeHeader)
			p := c.AddEmptyPara()
			cellPara(p, col.Align, 0)
			keepNext(p.GetCT())
			addText(p, col.Header, Bold)
		}
	}
	for ri, r := range t.Rows {
		row := tbl.AddRow()
		rowCT(tbl).Property.CantSplit = &ctypes.OnOff{}
		style := Normal
		if r.Bold {
			style = Bold
		}
		kn := r.KeepNext || keep && ri < len(t.Rows)-1
		col := 0
		for i, cell := range r.Cells {
			span := max(cell.Span, 1)
			c := row.AddCell()
			c.Width(sum(widths[col:col+span]), stypes.TableWidthDxa)
			if span > 1 {
				c.ColSpan(span)
			}
			if r.Shade != "" {
				c.BackgroundColor(r.Shade)
			}
			align := cell.Align
			if align == Auto {
				align = t.Columns[col].Align
			}
			indent := 0
			if i == 0 {
				indent = r.Indent
			}
			d.cellContent(c, cell, align, indent, style, kn)
			col += span
		}
		// Cells the row leaves out are empty, so every row fills the grid.
		for ; col < len(t.Columns); col++ {
			c := row.AddCell()
			c.Width(widths[col], stypes.TableWidthDxa)
			if r.Shade != "" {
				c.BackgroundColor(r.Shade)
			}
			d.cellContent(c, Cell{}, Left, 0, style, kn)
		}
	}
	d.spacer()
}

// cellContent fills a cell: the prefix and text, its items as a bulleted
// list, its note. A cell always holds at least one paragraph.
func (d *Document) cellContent(c *gd.Cell, cell Cell, a Align, indent int, s Style, keep bool) {
	para := func() *gd.Paragraph {
		p := c.AddEmptyPara()
		cellPara(p, a, indent)
		if keep {
			keepNext(p.GetCT())
		}
		return p
	}
	if cell.Text != "" || cell.Prefix != "" || len(cell.Items) == 0 {
		p := para().GetCT()
		if cell.Prefix != "" {
			// The text hangs after the prefix: a tab to the hanging indent.
			left, hang := indent*indentStep+prefixHang, uint64(prefixHang)
			p.Property.Indent = &ctypes.Indent{Left: &left, Hanging: &hang}
			addRuns(p, cell.Prefix, s)
			p.Children = append(p.Children, ctypes.ParagraphChild{Run: &ctypes.Run{Children: []ctypes.RunChild{{Tab: &ctypes.Empty{}}}}})
		}
		addRuns(p, cell.Text, s)
	}
	for _, it := range cell.Items {
		p := para()
		p.Numbering(d.bullets(), 0)
		// Narrower than a body list's indent: cells are narrow.
		left, hang := indent*indentStep+280, uint64(200)
		p.GetCT().Property.Indent = &ctypes.Indent{Left: &left, Hanging: &hang}
		addRuns(p.GetCT(), it, s)
	}
	if cell.Note != "" {
		addRuns(para().GetCT(), cell.Note, Note)
	}
}

func hasHeaders(cols []Column) bool {
	for _, c := range cols {
		if c.Header != "" {
			return true
		}
	}
	return false
}

func sum(ws []int) int {
	n := 0
	for _, w := range ws {
		n += w
	}
	return n
}

// columnWidths turns relative widths into twips that add up to the text
// width exactly, so Word and LibreOffice lay the table out alike.
func columnWidths(cols []Column, total int) ([]int, error) {
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
			out[i] = total - used
			break
		}
		out[i] = int(float64(total)*c.Width/sum + 0.5)
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
