package templatestest

import (
	"strings"

	"github.com/wpsgen/wpsgen/templates"
)

// Blocks returns the blocks of type T in l, in print order.
func Blocks[T templates.Block](l *templates.Layout) []T {
	var out []T
	for _, p := range l.Parts {
		for _, b := range p.Blocks {
			if x, ok := b.(T); ok {
				out = append(out, x)
			}
		}
	}
	return out
}

// Table returns the table of l with the id ("JF_1", "RTI_Courses"), or nil.
func Table(l *templates.Layout, id string) *templates.Table {
	for _, t := range Blocks[*templates.Table](l) {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// JobFunctions returns the job function tables of l, in print order (the
// specialization's last).
func JobFunctions(l *templates.Layout) []*templates.Table {
	var out []*templates.Table
	for _, t := range Blocks[*templates.Table](l) {
		if strings.HasPrefix(t.ID, "JF_") {
			out = append(out, t)
		}
	}
	return out
}

// Heading returns the first heading of l whose text starts with prefix,
// or nil.
func Heading(l *templates.Layout, prefix string) *templates.Heading {
	for _, h := range Blocks[*templates.Heading](l) {
		if strings.HasPrefix(h.Text, prefix) {
			return h
		}
	}
	return nil
}

// Fields returns the fields of the part named part ("" for every part),
// the codes beside the title included, in print order, as pointers a test
// may edit.
func Fields(l *templates.Layout, part string) []*templates.Field {
	var out []*templates.Field
	for _, p := range l.Parts {
		if part != "" && p.Name != part {
			continue
		}
		for _, b := range p.Blocks {
			if fl, ok := b.(*templates.FieldList); ok {
				for i := range fl.Fields {
					out = append(out, &fl.Fields[i])
				}
			}
		}
	}
	return out
}

// Field returns the first field of the part named part ("" for any) with
// the label, or nil.
func Field(l *templates.Layout, part, label string) *templates.Field {
	for _, f := range Fields(l, part) {
		if f.Label == label {
			return f
		}
	}
	return nil
}

// Signature returns the signature block of l, or nil.
func Signature(l *templates.Layout) *templates.Signature {
	if s := Blocks[*templates.Signature](l); len(s) > 0 {
		return s[0]
	}
	return nil
}

// Totals returns the computed rows of l's tables (totals, subtotals and
// the hours per year), each with its label and number, in print order.
func Totals(l *templates.Layout) []Total {
	var out []Total
	for _, t := range Blocks[*templates.Table](l) {
		for _, r := range t.Rows {
			if r.Kind != templates.RowTotal && r.Kind != templates.RowSubtotal && r.Kind != templates.RowNote {
				continue
			}
			for _, c := range r.Cells {
				if c.Kind.Numeric() {
					out = append(out, Total{Table: t.ID, Label: r.Cells[0].Text, Cell: c})
					break
				}
			}
		}
	}
	return out
}

// Total is a computed row of a table: its label and its number's cell.
type Total struct {
	Table string
	Label string
	Cell  templates.Cell
}
