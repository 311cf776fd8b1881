package pdf

import (
	"fmt"
	"strings"

	"github.com/wpsgen/wpsgen/templates"
)

// paginate lays the document's blocks out into pages, leaving room for the
// page header it returns and the footer. Each part after the first starts
// on a new page. The renderer knows block types, never sections.
// An unknown block is a bug in the build: it panics, and Render reports it
// as an internal error.
func paginate(fs fonts, l *templates.Layout) (*flow, pageHeader) {
	ph := newPageHeader(fs, l.Header)
	b := &builder{fonts: fs, flow: newFlow(fs, ph.bottom, contentBottom)}
	for i, part := range l.Parts {
		if i > 0 && !b.flow.atTop() {
			b.flow.newPage()
		}
		if err := b.blocks(part.Blocks); err != nil {
			panic(fmt.Sprintf("%s: %v", part.Name, err))
		}
	}
	return b.flow, ph
}

// blocks places a part's blocks in order. A heading that opens a section
// (level 2) is kept with the table after it and nests that table's outline
// entry under its own.
func (b *builder) blocks(blocks []templates.Block) error {
	var lead []row // a section heading waiting for its table
	level := 1     // outline level of the next table
	var leadMark *bookmark
	for i := 0; i < len(blocks); i++ {
		switch blk := blocks[i].(type) {
		case *templates.Heading:
			switch {
			case blk.Level == 1 && i+1 < len(blocks) && isAside(blocks[i+1:]):
				n := b.titleBlock(blocks[i:])
				i += n - 1
			case blk.Level == 1:
				b.mark(blk, 0)
				b.paragraph(blk.Text, stSection)
				b.rule(1.2)
			default:
				b.flow.space(gapSection)
				t := &table{x: contentLeft, cols: []float64{contentWidth}}
				heading := row{cells: []cell{b.cell(t, 0, 1, blk.Text, stSection)}}
				if _, next := nextTable(blocks[i+1:]); next {
					lead, level = []row{heading}, 2
					if blk.Bookmark {
						leadMark = &bookmark{outlineText(b.fonts.clean(blk.Text, regular)), 1}
					}
					continue
				}
				// Kept with the first lines of the block after it.
				b.flow.ensure(heading.height() + gapSmall + 2*stBody.lineHeight() + 2*padY)
				b.mark(blk, 1)
				t.body = []row{heading}
				t.place(b.flow)
			}
		case *templates.Paragraph:
			b.flow.space(gapSmall)
			b.paragraph(blk.Text, paragraphStyle(blk.Style))
		case *templates.FieldList:
			t := b.fieldsTable()
			for _, fd := range blk.Fields {
				t.body = append(t.body, b.fieldRow(t, fd))
			}
			t.place(b.flow)
			b.flow.space(gapSmall)
		case *templates.List:
			b.list(blk.Items)
		case *templates.Table:
			t := b.table(blk, lead, level)
			if leadMark != nil {
				t.bookmarks = append([]bookmark{*leadMark}, t.bookmarks...)
				leadMark = nil
			}
			lead = nil
			if blk.Box {
				b.flow.space(gapBlock)
				b.keepTogether(t)
			} else if t.lead == nil || len(t.lead) == 1 {
				b.flow.space(gapBlock)
			}
			t.place(b.flow)
		case *templates.Signature:
			b.signatures(blk)
		default:
			return fmt.Errorf("unknown block %T", blk)
		}
	}
	return nil
}

// mark adds an outline entry for a heading that asks for one.
func (b *builder) mark(h *templates.Heading, level int) {
	if h.Bookmark {
		b.flow.bookmark(outlineText(h.Text), level)
	}
}

// outlineText is a heading as an outline entry: "WORK PROCESS SCHEDULE"
// reads "Work Process Schedule".
func outlineText(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		switch {
		case len([]rune(w)) == 1 && i == len(words)-1:
			words[i] = strings.ToUpper(w) // a letter that names something: "Appendix A"
		case len(w) > 0 && (i == 0 || i == len(words)-1 || !smallWord[w]):
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

var smallWord = map[string]bool{"of": true, "and": true, "the": true, "for": true, "a": true, "an": true, "to": true}

func isAside(blocks []templates.Block) bool {
	for _, blk := range blocks {
		switch x := blk.(type) {
		case *templates.Heading:
			continue
		case *templates.FieldList:
			return x.Aside
		}
		return false
	}
	return false
}

func nextTable(blocks []templates.Block) (*templates.Table, bool) {
	if len(blocks) == 0 {
		return nil, false
	}
	t, ok := blocks[0].(*templates.Table)
	return t, ok
}

func paragraphStyle(s templates.ParagraphStyle) style {
	switch s {
	case templates.StyleStrong:
		return stBodyBold
	case templates.StyleNote, templates.StyleLegal:
		return stNote
	}
	return stBody
}

// titleBlock prints the headings on the left and the aside fields (the
// codes) on the right, then a rule. It returns how many blocks it used.
func (b *builder) titleBlock(blocks []templates.Block) int {
	t := &table{x: contentLeft, cols: []float64{contentWidth - 170, 170}}
	var heads []*templates.Heading
	n := 0
	var aside *templates.FieldList
	for _, blk := range blocks {
		n++
		if h, ok := blk.(*templates.Heading); ok {
			heads = append(heads, h)
			continue
		}
		aside = blk.(*templates.FieldList)
		break
	}
	if heads[0].Bookmark {
		b.flow.bookmark(outlineText(heads[0].Text), 0)
	}
	for i := 0; i < max(len(heads), len(aside.Fields)); i++ {
		r := row{cells: []cell{{}, {}}}
		if i < len(heads) {
			st := stSubtitle
			if heads[i].Level == 1 {
				st = stTitle
			}
			r.cells[0] = b.cell(t, 0, 1, heads[i].Text, st)
		}
		if i < len(aside.Fields) {
			fd := aside.Fields[i]
			value := fd.Value
			if value == "" {
				value = blank
			}
			c := b.cell(t, 1, 1, fd.Label+": "+value, stLabel)
			c.align = alignRight
			r.cells[1] = c
		}
		t.body = append(t.body, r)
	}
	t.place(b.flow)
	b.rule(1.2)
	return n
}

// list prints a bulleted list, nested items indented under their parent.
func (b *builder) list(items []templates.ListItem) {
	t := &table{x: contentLeft, cols: []float64{contentWidth}}
	var add func(items []templates.ListItem, depth int)
	add = func(items []templates.ListItem, depth int) {
		indent := float64(depth) * 12
		width, hang := t.textWidth(0, 1)-indent, b.fonts.width("• ", stBody)+1
		for _, it := range items {
			lines := b.hanging("•", it.Text, stBody, width, hang)
			for k := range lines {
				lines[k].indent += indent
			}
			t.body = append(t.body, row{cells: []cell{{lines: lines}}})
			add(it.Items, depth+1)
		}
	}
	add(items, 0)
	t.place(b.flow)
}
