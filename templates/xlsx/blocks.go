package xlsx

import (
	"fmt"
	"strings"

	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/templates"
)

// signHeight is the height, in points, of a line to sign or write on: the
// PDF's room to sign above its lines.
const signHeight = 24

// part lays out a part's blocks as a sheet, in order.
func (b *book) part(p templates.Part, name string) (*sheet, error) {
	s := &sheet{name: name, grid: newGrid(p.Blocks)}
	s.widths = s.grid.widths
	lead := 0 // row of a heading to keep with the table after it
	for i, blk := range p.Blocks {
		switch x := blk.(type) {
		case *templates.Heading:
			if x.Level > 1 && s.next() > 1 {
				s.blank()
			}
			lead = s.heading(x)
			if x.Key != "" {
				s.key(lead, x.Key)
			}
		case *templates.Paragraph:
			look := lookValue
			switch x.Style {
			case templates.StyleStrong:
				look = lookStrong
			case templates.StyleNote, templates.StyleLegal:
				look = lookNote
			}
			r := s.add(cell{value: x.Text, look: look, span: len(s.widths)})
			if x.Key != nil {
				s.key(r, x.Key.Key, x.Key.Shown...)
			}
		case *templates.FieldList:
			for _, f := range x.Fields {
				s.field(f)
			}
			if !isAside(p.Blocks, i) {
				s.blank()
			}
		case *templates.List:
			s.list(x.Items, 0)
			s.blank()
		case *templates.Table:
			if err := b.table(s, x, lead); err != nil {
				return nil, err
			}
			s.blank()
		case *templates.Signature:
			s.signature(x)
		default:
			return nil, fmt.Errorf("unknown block %T", blk)
		}
		if _, ok := blk.(*templates.Heading); !ok {
			lead = 0
		}
	}
	return s, nil
}

// isAside reports whether block i is an aside field list followed by more
// header fields, which then continue it without a blank row.
func isAside(blocks []templates.Block, i int) bool {
	f, ok := blocks[i].(*templates.FieldList)
	if !ok || !f.Aside || i+1 >= len(blocks) {
		return false
	}
	_, next := blocks[i+1].(*templates.FieldList)
	return next
}

// heading lays out a heading over the whole width and returns its row.
func (s *sheet) heading(h *templates.Heading) int {
	look := lookStrong
	switch h.Level {
	case 1:
		look = lookTitle
	case 2:
		look = lookSubtitle
	}
	return s.add(cell{value: h.Text, look: look, span: len(s.widths)})
}

// labelSpan is how many columns a field label takes: the first columns
// that are together at least labelWidth wide, leaving one for the value.
func (s *sheet) labelSpan() int {
	w := 0.0
	for i, x := range s.widths {
		w += x
		if w >= labelWidth {
			return min(i+1, max(len(s.widths)-1, 1))
		}
	}
	return max(len(s.widths)-1, 1)
}

// field lays out a labelled value: the label on the left, the value over
// the rest of the row. A list's items are lines of the cell; a code is text.
func (s *sheet) field(f templates.Field) {
	n := s.labelSpan()
	value := cell{value: f.Value, look: lookValue, span: len(s.widths) - n}
	switch f.Kind {
	case templates.FieldCode:
		value.look = lookCode
	case templates.FieldItems:
		value.value = strings.Join(f.Items, "\n")
	case templates.FieldEmail:
		if f.Value != "" {
			value.link, value.look = "mailto:"+f.Value, lookLink
		}
	}
	if len(s.widths) == 1 {
		s.add(cell{value: f.Label + ": " + f.Value, look: lookValue})
		return
	}
	r := s.add(cell{value: f.Label, look: lookLabel, span: n}, value)
	if f.Path != "" {
		shown := f.Value
		if f.Kind == templates.FieldItems {
			shown = strings.Join(f.Items, "\n")
		}
		s.key(r, KeyField+f.Path, append([]string{shown}, f.Shown...)...)
	}
}

// list lays out a bulleted list, one item a row, nested items indented.
func (s *sheet) list(items []templates.ListItem, depth int) {
	for _, it := range items {
		s.add(cell{value: strings.Repeat("    ", depth) + "• " + it.Text, look: lookValue, span: len(s.widths)})
		s.list(it.Items, depth+1)
	}
}

// signature lays out the sponsor's lines to sign and the registration
// agency's block, each line a label and a blank line to write on.
func (s *sheet) signature(sig *templates.Signature) {
	first := s.next()
	block := func(title string, lines []string) {
		if title != "" {
			s.key(s.add(cell{value: title, look: lookSubtitle, span: len(s.widths)}), workbook.KeySignature)
		}
		for _, l := range lines {
			n := s.labelSpan()
			r := s.add(cell{value: l, look: lookLabel, span: n}, cell{look: lookSignLine, span: len(s.widths) - n})
			s.key(r, workbook.KeySignature)
			s.atLeast(r, signHeight)
		}
	}
	block(sig.SponsorTitle, sig.SponsorLines)
	s.keeps = append(s.keeps, keep{first, s.next() - 1})
	if sig.AgencyTitle == "" && len(sig.AgencyLines) == 0 {
		return
	}
	s.blank()
	first = s.next()
	block(sig.AgencyTitle, sig.AgencyLines)
	s.keeps = append(s.keeps, keep{first, s.next() - 1})
}
