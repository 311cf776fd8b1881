package templates

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

// totalKey marks a computed row, which a workbook's reader never reads.
var totalKey = &RowKey{Key: workbook.KeyTotal}

// mark is how a workbook's reader compares an RTI or OJT mark.
func mark(on bool) string {
	if on {
		return CheckMark
	}
	return ""
}

// rangeRefs is rows first..last of one column, or nothing when empty.
func rangeRefs(table string, col, first, last int) []Ref {
	if last < first {
		return nil
	}
	return []Ref{{Table: table, Col: col, Row: first, ToRow: last}}
}

// Evaluate computes a formula over the layout's tables, exactly: what a
// spreadsheet computes from the cells the formula names. Tests compare it
// with the Num the build wrote.
func (l *Layout) Evaluate(f *Formula) (decimal.Decimal, error) {
	tables := map[string]*Table{}
	for _, p := range l.Parts {
		for _, b := range p.Blocks {
			if t, ok := b.(*Table); ok {
				tables[t.ID] = t
			}
		}
	}
	var nums []decimal.Decimal
	for _, r := range f.Refs {
		t := tables[r.Table]
		if t == nil {
			return decimal.Decimal{}, fmt.Errorf("no table %q", r.Table)
		}
		to := r.Row // the title row is one cell, whatever ToRow says
		if r.Row >= 0 {
			to = max(r.ToRow, r.Row)
		}
		for row := r.Row; row <= to; row++ {
			c, kind, err := t.cellAt(row, r.Col)
			if err != nil {
				return decimal.Decimal{}, fmt.Errorf("%s: %w", r.Table, err)
			}
			if f.Op == OpSum && r.ToRow > r.Row && kind == RowSubtotal {
				continue
			}
			if f.Op == OpProduct && c.Kind == CellPercent {
				c.Num = c.Num.Div(decimal.FromInt(100), int32(c.Num.Scale())+2)
			}
			nums = append(nums, c.Num)
		}
	}
	switch f.Op {
	case OpSum:
		return decimal.Sum(nums...), nil
	case OpProduct:
		p := decimal.FromInt(1)
		for _, n := range nums {
			p = p.Mul(n)
		}
		return p.Round(f.Places), nil
	case OpDivide:
		if len(nums) != 1 || f.By == 0 {
			return decimal.Decimal{}, fmt.Errorf("divide takes one cell and a divisor")
		}
		return nums[0].Div(decimal.FromInt(f.By), f.Places), nil
	}
	return decimal.Decimal{}, fmt.Errorf("unknown formula %d", f.Op)
}

// cellAt returns the cell of t in row (TitleRow for the title row) that
// covers column col, and the row's kind.
func (t *Table) cellAt(row, col int) (Cell, RowKind, error) {
	if row == TitleRow {
		if col < 1 || col > len(t.TitleCells) {
			return Cell{}, RowBody, fmt.Errorf("no title cell in column %d", col)
		}
		return t.TitleCells[col-1], RowBody, nil
	}
	if row < 0 || row >= len(t.Rows) {
		return Cell{}, RowBody, fmt.Errorf("no row %d", row)
	}
	at := 0
	for _, c := range t.Rows[row].Cells {
		if col < at+max(c.Span, 1) {
			return c, t.Rows[row].Kind, nil
		}
		at += max(c.Span, 1)
	}
	return Cell{}, RowBody, fmt.Errorf("row %d has no column %d", row, col)
}

// MarshalJSON names each block's type ({"Heading": {...}}), so the golden
// layouts say what each block is.
func (p Part) MarshalJSON() ([]byte, error) {
	blocks := make([]map[string]Block, len(p.Blocks))
	for i, b := range p.Blocks {
		blocks[i] = map[string]Block{strings.TrimPrefix(fmt.Sprintf("%T", b), "*templates."): b}
	}
	return json.Marshal(struct {
		Name   string
		Blocks []map[string]Block
	}{p.Name, blocks})
}
