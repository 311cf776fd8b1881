// Package docx builds Word documents (Office Open XML) from simple blocks:
// headings, paragraphs, label/value fields, nested lists, tables whose header
// rows repeat on every page, signature lines, a running header and footer
// with "Page X of Y", and the document properties.
//
// The body is built with github.com/gomutex/godocx, which gives real Word
// structures (styles, tables, numbering, hyperlinks). What it has no API for
// (header and footer parts, core properties) is written here as package parts,
// and Write repacks the archive so the same document always gives the same
// bytes.
package docx

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gomutex/godocx"
	gd "github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// Meta is what Word shows under File > Info > Properties.
type Meta struct {
	Title    string
	Subject  string
	Author   string // the sponsor
	Keywords string
	// Language is a BCP 47 tag such as "en-US"; it is the proofing language
	// of every run and the package's dc:language. Empty means en-US.
	Language string
	// Created is recorded as both created and modified date and as the
	// archive's entry times. It must come from the input (revision date or
	// SOURCE_DATE_EPOCH), never the clock, or output is not reproducible.
	// The zero time records 1980-01-01, the earliest date a zip can hold.
	Created time.Time
	// Generator names the program in docProps/app.xml, e.g. "wpsgen 1.2".
	Generator string
}

// Style selects the look of a Paragraph.
type Style int

const (
	Normal Style = iota
	Note         // smaller text for notes and legends
	Bold
	Subtitle // bold, a size up

	// boldBody is bold at the body size whatever the paragraph's style:
	// a table title in a heading style looks like the others.
	boldBody Style = 100
)

// Field is one label/value line; Link makes the value a hyperlink (use
// "mailto:" for email addresses). Items, when set, are shown as a bulleted
// list instead of Value. An empty value is a line to fill in by hand.
type Field struct {
	Label, Value, Link string
	Items              []string
}

// Item is a list entry with optional nested entries.
type Item struct {
	Text     string
	Children []Item
}

// Document is a Word document under construction. Its methods record the
// first error instead of returning it, so a drawer can add blocks in a row;
// Write then returns that error and writes nothing.
type Document struct {
	root   *gd.RootDoc
	meta   Meta
	header [2]string // left, right
	footer string
	bullet int // numbering instance shared by all bulleted lists
	// newPage is set by PageBreak: the next paragraph added starts a page.
	newPage bool
	err     error
}

// Page geometry in twentieths of a point (twips): US Letter, margins like
// the PDF's 45 pt sides.
const (
	pageW       = 12240
	pageH       = 15840
	marginSide  = 900
	marginTopBt = 864
	marginHdrFt = 432
	textWidth   = pageW - 2*marginSide
	// font sizes in half-points
	sizeNormal   = 20
	sizeNote     = 16
	sizeSubtitle = 22
)

// FontName is the font the styles name. LibreOffice and Word substitute a
// metric-similar font where it is not installed.
const FontName = "DejaVu Sans"

// New starts an empty US Letter document.
func New(m Meta) (*Document, error) {
	if m.Language == "" {
		m.Language = "en-US"
	}
	root, err := godocx.NewDocument()
	if err != nil {
		return nil, fmt.Errorf("docx: open the base document: %w", err)
	}
	d := &Document{root: root, meta: m}
	if err := d.setupPackage(); err != nil {
		return nil, err
	}
	d.setupStyles()
	d.setupSection()
	return d, nil
}

func (d *Document) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// Header sets the text at the top of every page: left at the left margin,
// right at the right one.
func (d *Document) Header(left, right string) { d.header = [2]string{left, right} }

// Footer sets the text at the bottom left of every page; "Page X of Y"
// is always at the bottom right.
func (d *Document) Footer(text string) { d.footer = text }

// Heading adds a heading paragraph with Word's built-in "Heading 1..3"
// style, so it appears in the navigation pane and the accessibility
// checker sees the document's structure.
func (d *Document) Heading(level int, text string) {
	if level < 1 || level > 3 {
		d.fail(fmt.Errorf("docx: heading level %d is not 1, 2 or 3", level))
		return
	}
	p, err := d.root.AddHeading(text, uint(level))
	if err != nil {
		d.fail(err)
		return
	}
	d.startPage(p.GetCT())
	keepNext(p.GetCT())
}

// Subheading adds a bold line kept with the block after it, for a title
// that is not a section of its own (the occupation under the document
// title): it is not a heading style, so it stays out of the navigation
// pane.
func (d *Document) Subheading(text string) {
	p := d.para()
	keepNext(p.GetCT())
	addRuns(p.GetCT(), text, Subtitle)
}

// Paragraph adds a paragraph of text; line breaks in text start new lines
// within the paragraph.
func (d *Document) Paragraph(text string, s Style) {
	p := d.para()
	addText(p, text, s)
}

// addText adds text as runs, "\n" becoming a line break.
func addText(p *gd.Paragraph, text string, s Style) {
	addRuns(p.GetCT(), text, s)
}

func addRuns(ct *ctypes.Paragraph, text string, s Style) {
	for i, line := range strings.Split(text, "\n") {
		run := &ctypes.Run{Property: runProp(s)}
		if i > 0 {
			run.Children = append(run.Children, ctypes.RunChild{Break: &ctypes.Break{}})
		}
		run.Children = append(run.Children, ctypes.RunChild{Text: ctypes.TextFromString(line)})
		ct.Children = append(ct.Children, ctypes.ParagraphChild{Run: run})
	}
}

func runProp(s Style) *ctypes.RunProperty {
	switch s {
	case Bold:
		return &ctypes.RunProperty{Bold: &ctypes.OnOff{}, BoldCS: &ctypes.OnOff{}}
	case Note:
		return &ctypes.RunProperty{Size: ctypes.NewFontSize(sizeNote), SizeCs: ctypes.NewFontSizeCS(sizeNote)}
	case boldBody:
		return &ctypes.RunProperty{Bold: &ctypes.OnOff{}, BoldCS: &ctypes.OnOff{},
			Size: ctypes.NewFontSize(sizeNormal), SizeCs: ctypes.NewFontSizeCS(sizeNormal)}
	case Subtitle:
		return &ctypes.RunProperty{Bold: &ctypes.OnOff{}, BoldCS: &ctypes.OnOff{},
			Size: ctypes.NewFontSize(sizeSubtitle), SizeCs: ctypes.NewFontSizeCS(sizeSubtitle)}
	}
	return nil
}

// Fields adds label/value lines as a borderless two-column table, so values
// line up and a person can edit them in place.
func (d *Document) Fields(fs []Field) {
	if len(fs) == 0 {
		return
	}
	labelW := textWidth * 3 / 10
	d.tableBreak()
	t := d.root.AddTable()
	t.Width(textWidth, stypes.TableWidthDxa)
	t.Layout(stypes.TableLayoutFixed)
	t.Grid(uint64(labelW), uint64(textWidth-labelW))
	for _, f := range fs {
		row := t.AddRow()
		rowCT(t).Property.CantSplit = &ctypes.OnOff{}
		lc := row.AddCell()
		lc.Width(labelW, stypes.TableWidthDxa)
		lp := lc.AddEmptyPara()
		tight(lp.GetCT())
		addText(lp, f.Label, Bold)
		vc := row.AddCell()
		vc.Width(textWidth-labelW, stypes.TableWidthDxa)
		switch {
		case len(f.Items) > 0:
			for _, it := range f.Items {
				p := vc.AddEmptyPara()
				tight(p.GetCT())
				p.Numbering(d.bullets(), 0)
				left, hang := 280, uint64(200)
				p.GetCT().Property.Indent = &ctypes.Indent{Left: &left, Hanging: &hang}
				addText(p, it, Normal)
			}
		case f.Value == "":
			// A line to write on, as on the printed form.
			vc.Borders(nil, nil, ctypes.NewCellBorder(stypes.BorderStyleSingle, "000000", "0", 4), nil, nil, nil, nil, nil)
			tight(vc.AddEmptyPara().GetCT())
		case f.Link != "":
			vp := vc.AddEmptyPara()
			tight(vp.GetCT())
			vp.AddLink(f.Value, f.Link)
		default:
			vp := vc.AddEmptyPara()
			tight(vp.GetCT())
			addText(vp, f.Value, Normal)
		}
	}
	d.spacer()
}

// List adds a bulleted list; Children nest one level deeper each.
func (d *Document) List(items []Item) {
	d.listLevel(items, 0)
}

// bullets is the numbering instance every bulleted list shares.
func (d *Document) bullets() int {
	if d.bullet == 0 {
		// 2 is the library's multilevel bullet definition.
		d.bullet = d.root.NewListInstance(2)
	}
	return d.bullet
}

func (d *Document) listLevel(items []Item, level int) {
	if level > 8 {
		d.fail(errors.New("docx: lists nest at most 9 levels"))
		return
	}
	for _, it := range items {
		p := d.para()
		p.Style("ListParagraph")
		p.Numbering(d.bullets(), level)
		tight(p.GetCT())
		addText(p, it.Text, Normal)
		d.listLevel(it.Children, level+1)
	}
}

// PageBreak makes the next block start a new page. The break is Word's
// "page break before" on that block's first paragraph, not a break
// character in a paragraph of its own: such a paragraph, pushed to the
// next page when the page before is full, breaks again and leaves a page
// with nothing on it but the running header and footer. A PageBreak with
// no block after it adds nothing.
func (d *Document) PageBreak() {
	d.newPage = true
	d.dropTrailingSpacers()
}

// dropTrailingSpacers removes the empty paragraphs that end the body. They
// only keep consecutive tables apart; before a new page, one pushed down
// by a full page would be alone on the page before the break.
func (d *Document) dropTrailingSpacers() {
	b := d.root.Document.Body
	for n := len(b.Children); n > 0 && isEmpty(b.Children[n-1].Para); n-- {
		b.Children = b.Children[:n-1]
	}
}

func isEmpty(p *gd.Paragraph) bool { return p != nil && len(p.GetCT().Children) == 0 }

// closeBody ends the body with a hairline paragraph when it would end
// with a table or an empty paragraph. Word always ends a document after a
// table with a paragraph mark; a full-height one after a table that fills
// the last page would make a page of its own.
func (d *Document) closeBody() {
	b := d.root.Document.Body
	if n := len(b.Children); n > 0 && b.Children[n-1].Table != nil {
		d.root.AddEmptyParagraph()
	}
	if len(b.Children) == 0 || !isEmpty(b.Children[len(b.Children)-1].Para) {
		return
	}
	p := b.Children[len(b.Children)-1].Para.GetCT()
	ensurePPr(p)
	line, exact := 20, stypes.LineSpacingRuleExact
	p.Property.Spacing = &ctypes.Spacing{Before: new(uint64), After: new(uint64), Line: &line, LineRule: &exact}
	p.Property.RunProperty = &ctypes.RunProperty{Size: ctypes.NewFontSize(2), SizeCs: ctypes.NewFontSizeCS(2)}
}

// para adds a body paragraph, starting a new page if PageBreak asked for
// one.
func (d *Document) para() *gd.Paragraph {
	p := d.root.AddEmptyParagraph()
	d.startPage(p.GetCT())
	return p
}

// startPage gives p the page break PageBreak asked for, if any.
func (d *Document) startPage(p *ctypes.Paragraph) {
	if !d.newPage {
		return
	}
	d.newPage = false
	ensurePPr(p)
	p.Property.PageBreakBefore = &ctypes.OnOff{}
}

// tableBreak starts a new page before a table if PageBreak asked for one.
// Word and LibreOffice do not agree on a page break before a paragraph in
// a table cell, so it is an empty line of its own, kept with the table:
// at the top of the new page, it can never leave one blank.
func (d *Document) tableBreak() {
	if !d.newPage {
		return
	}
	p := d.para().GetCT()
	tight(p)
	keepNext(p)
}

// Slots is a block of lines to sign or fill in: Title, then for each label
// a line with the label under it, two to a row. Boxed draws a border
// around the block (the registration agency's).
type Slots struct {
	Title  string
	Labels []string
	Boxed  bool
}

// Signature adds signature blocks one under the other, kept on one page
// together (Word moves them to the next page rather than split them).
func (d *Document) Signature(blocks ...Slots) {
	for i, b := range blocks {
		d.slots(b.Title, b.Labels, b.Boxed, i < len(blocks)-1)
	}
}

// slots adds one signature block; more keeps its last row and the space
// after it with the next block.
func (d *Document) slots(title string, labels []string, boxed, more bool) {
	const cols = 2
	d.tableBreak()
	t := d.root.AddTable()
	t.Width(textWidth, stypes.TableWidthDxa)
	t.Layout(stypes.TableLayoutFixed)
	half := textWidth / cols
	t.Grid(uint64(half), uint64(textWidth-half))
	if boxed {
		b := func() *ctypes.Border { return ctypes.NewCellBorder(stypes.BorderStyleSingle, "000000", "0", 6) }
		t.GetCT().TableProp.Borders = &ctypes.TableBorders{Top: b(), Left: b(), Bottom: b(), Right: b()}
	}
	rows := (len(labels) + cols - 1) / cols
	if title != "" {
		row := t.AddRow()
		rowCT(t).Property.CantSplit = &ctypes.OnOff{}
		c := row.AddCell()
		c.Width(textWidth, stypes.TableWidthDxa)
		c.ColSpan(cols)
		p := c.AddEmptyPara()
		tight(p.GetCT())
		space := uint64(120)
		p.GetCT().Property.Spacing.Before = &space
		keepNext(p.GetCT())
		addText(p, title, Bold)
	}
	for r := range rows {
		row := t.AddRow()
		rowCT(t).Property.CantSplit = &ctypes.OnOff{}
		for k := range cols {
			c := row.AddCell()
			c.Width(half, stypes.TableWidthDxa)
			i := r*cols + k
			// Room to sign, then the rule: a bottom border on an empty
			// paragraph, so the line is as wide as the cell.
			rule := c.AddEmptyPara().GetCT()
			ensurePPr(rule)
			space := uint64(480)
			rule.Property.Spacing = &ctypes.Spacing{Before: &space, After: new(uint64)}
			rule.Property.Indent = &ctypes.Indent{Right: ptr(240)}
			if i < len(labels) {
				rule.Property.Border = &ctypes.ParaBorder{Bottom: ctypes.NewCellBorder(stypes.BorderStyleSingle, "000000", "1", 6)}
			}
			keepNext(rule)
			lp := c.AddEmptyPara()
			tight(lp.GetCT())
			if r < rows-1 || more {
				keepNext(lp.GetCT())
			}
			if i < len(labels) {
				addText(lp, labels[i], Note)
			}
		}
	}
	sp := d.para().GetCT()
	tight(sp)
	if more {
		keepNext(sp)
	}
}

func ptr[T any](v T) *T { return &v }

// spacer adds an empty paragraph so consecutive tables do not merge into one.
func (d *Document) spacer() {
	p := d.para()
	tight(p.GetCT())
}

func ensurePPr(p *ctypes.Paragraph) {
	if p.Property == nil {
		p.Property = ctypes.DefaultParaProperty()
	}
}

func keepNext(p *ctypes.Paragraph) {
	ensurePPr(p)
	p.Property.KeepNext = &ctypes.OnOff{}
}

// tight removes the paragraph spacing the base styles add, for table cells
// and list items.
func tight(p *ctypes.Paragraph) {
	ensurePPr(p)
	var after uint64 = 40
	p.Property.Spacing = &ctypes.Spacing{Before: new(uint64), After: &after}
}
