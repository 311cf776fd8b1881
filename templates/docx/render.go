package docx

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/wpsgen/wpsgen/templates"
)

// Options control rendering a layout.
type Options struct {
	// Created is the document's date (from revision.date or
	// SOURCE_DATE_EPOCH), never the clock.
	Created time.Time
	// Creator is the program that made the document ("wpsgen 1.2.0").
	Creator string
}

// Render draws the layout as a Word document and writes it to w: the same
// blocks, in the same order, as the PDF, each part from a new page. The
// same layout and options always give the same bytes. Nothing is written
// when it fails.
func Render(w io.Writer, l *templates.Layout, opts Options) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("docx: internal error: %v", r)
		}
	}()
	if l == nil {
		return errors.New("docx: no document to render")
	}
	d, err := New(Meta{
		Title:     l.Meta.Title,
		Subject:   l.Meta.Subject,
		Author:    l.Meta.Author,
		Keywords:  l.Meta.Keywords,
		Language:  l.Meta.Language,
		Created:   opts.Created,
		Generator: opts.Creator,
	})
	if err != nil {
		return err
	}
	d.Header(pageHeader(l.Header))
	d.Footer(l.Footer.Revision)
	for i, part := range l.Parts {
		if i > 0 {
			d.PageBreak()
		}
		if err := d.blocks(part.Blocks); err != nil {
			return fmt.Errorf("docx: %s: %w", part.Name, err)
		}
	}
	return d.Write(w)
}

// pageHeader is the running header: sponsor and occupation at the left,
// the RAPIDS code at the right, as on the PDF's pages.
func pageHeader(h templates.PageHeader) (left, right string) {
	left = h.Sponsor
	if h.Occupation != "" {
		if left != "" {
			left += " · "
		}
		left += h.Occupation
	}
	if h.RAPIDS != "" {
		right = "RAPIDS Code: " + h.RAPIDS
	}
	return left, right
}

// blocks draws a part's blocks in order. The drawer knows block types,
// never sections; an unknown block is an error.
func (d *Document) blocks(blocks []templates.Block) error {
	// A table's title is a heading one level under the last section's
	// (job functions under the part title, or under the specialization),
	// as the PDF nests them in its outline.
	under := 2
	for _, blk := range blocks {
		switch b := blk.(type) {
		case *templates.Heading:
			if b.Bookmark {
				under = min(max(b.Level, 1), 2) + 1
			}
			// A heading the PDF puts in its outline is a Word heading
			// style, so it is in the navigation pane and a tagged PDF's
			// structure; the others (the occupation under the title) are
			// bold lines.
			if b.Bookmark {
				d.Heading(min(max(b.Level, 1), 3), b.Text)
			} else {
				d.Subheading(b.Text)
			}
		case *templates.Paragraph:
			d.Paragraph(b.Text, paragraphStyle(b.Style))
		case *templates.FieldList:
			d.Fields(fields(b.Fields))
		case *templates.List:
			d.List(items(b.Items))
		case *templates.Table:
			t := table(b)
			t.TitleHeading = under
			d.Table(t)
		case *templates.Signature:
			// The sponsor's name is a heading, so the signatures are in
			// the navigation pane as they are in the PDF's outline.
			if b.SponsorTitle != "" {
				d.Heading(2, b.SponsorTitle)
			}
			d.Signature(Slots{Labels: b.SponsorLines}, Slots{Title: b.AgencyTitle, Labels: b.AgencyLines, Boxed: true})
		default:
			return fmt.Errorf("unknown block %T", blk)
		}
		if d.err != nil {
			return d.err
		}
	}
	return nil
}

func paragraphStyle(s templates.ParagraphStyle) Style {
	switch s {
	case templates.StyleStrong:
		return Bold
	case templates.StyleNote, templates.StyleLegal:
		return Note
	}
	return Normal
}

// fields are a field list's rows: an email is a mailto: link, a list of
// several values a bulleted list, an empty value a line to fill in.
func fields(fs []templates.Field) []Field {
	out := make([]Field, len(fs))
	for i, f := range fs {
		out[i] = Field{Label: f.Label + ":", Value: f.Value}
		switch {
		case f.Kind == templates.FieldEmail && f.Value != "":
			out[i].Link = "mailto:" + f.Value
		case f.Kind == templates.FieldItems && len(f.Items) > 1:
			out[i].Items = f.Items
		}
	}
	return out
}

func items(in []templates.ListItem) []Item {
	out := make([]Item, len(in))
	for i, it := range in {
		out[i] = Item{Text: it.Text, Children: items(it.Items)}
	}
	return out
}

// table is a layout table as a Word table: numbers right-aligned as their
// printed text, check cells as the check mark, totals shaded and bold,
// a group label kept with its first row and a note row's row kept with it.
func table(t *templates.Table) Table {
	out := Table{Title: t.Title, Details: t.Details, Box: t.Box}
	for _, c := range t.Columns {
		out.Columns = append(out.Columns, Column{Header: c.Header, Width: c.Width, Align: alignments[c.Align()]})
	}
	for i, r := range t.Rows {
		row := Row{Indent: r.Indent}
		switch r.Kind {
		case templates.RowGroup:
			row.Bold, row.Shade, row.KeepNext = true, ShadeGroup, true
		case templates.RowSubtotal:
			row.Bold, row.Shade = true, ShadeSubtotal
		case templates.RowTotal:
			row.Bold, row.Shade = true, ShadeTotal
		case templates.RowNote:
			row.Bold = true
		}
		if i+1 < len(t.Rows) && t.Rows[i+1].Kind == templates.RowNote {
			row.KeepNext = true
		}
		col := 0
		for _, c := range r.Cells {
			span := max(c.Span, 1)
			cell := Cell{Text: c.Text, Span: c.Span, Prefix: c.Prefix, Items: c.Items, Note: c.Note, Align: alignments[c.Kind.Align()]}
			switch {
			case c.Kind == templates.CellCheck:
				cell.Text = ""
				if c.Checked {
					cell.Text = templates.CheckMark
				}
			case col < len(t.Columns) && t.Columns[col].Center && span == 1:
				cell.Align = Center
			case r.Kind != templates.RowBody && r.Kind != templates.RowGroup && c.Kind == templates.CellText && span > 1:
				cell.Align = Right // a total's label sits against its number
			}
			if t.Box && c.Kind == templates.CellText {
				row.Shade = ShadeTotal
			}
			row.Cells = append(row.Cells, cell)
			col += span
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// alignments maps the layout's alignment to Word's.
var alignments = [...]Align{templates.AlignLeft: Left, templates.AlignCenter: Center, templates.AlignRight: Right}
