package xlsx

import (
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/wpsgen/wpsgen/templates"
)

// Excel's limits on formulas.
const (
	maxArgs          = 255  // arguments of one function
	maxFormulaLength = 8192 // characters of a formula
)

// columnRange is the reference to rows first..last of column col, e.g. "F5:F9".
func columnRange(col, first, last int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return fmt.Sprintf("%s%d:%s%d", name, first, name, last)
}

// cellRef is the reference to one cell, e.g. "C12".
func cellRef(col, row int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return fmt.Sprintf("%s%d", name, row)
}

// absRef is the absolute reference to one cell, e.g. "$C$12".
func absRef(col, row int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return fmt.Sprintf("$%s$%d", name, row)
}

// sumFormula is a SUM over refs (without the leading "="). More than 255
// references are summed in nested SUMs, as Excel allows no more arguments;
// no references sum to 0.
func sumFormula(refs []string) string {
	if len(refs) == 0 {
		return "0"
	}
	if len(refs) <= maxArgs {
		return "SUM(" + strings.Join(refs, ",") + ")"
	}
	var parts []string
	for len(refs) > 0 {
		n := min(maxArgs, len(refs))
		parts = append(parts, sumFormula(refs[:n]))
		refs = refs[n:]
	}
	return sumFormula(parts)
}

// formulas writes every formula cell of every sheet, now that every table
// has its place. The cached value is the one the layout computed exactly.
func (b *book) formulas() error {
	for _, s := range b.sheets {
		for _, p := range s.pending {
			text, err := b.formula(s, p.f)
			if err != nil {
				return fmt.Errorf("%s sheet, cell %s: %w", s.name, cellRef(p.col, p.row), err)
			}
			if len(text) > maxFormulaLength {
				return fmt.Errorf("%s sheet, cell %s: formula is longer than Excel's %d characters", s.name, cellRef(p.col, p.row), maxFormulaLength)
			}
			s.rows[p.row-1].cells[p.cell].formula = text
		}
		s.pending = nil
	}
	return nil
}

// at is a cell of the workbook.
type at struct {
	sheet    *sheet
	col, row int
}

// locate returns the cell a reference names (its first row for a range)
// and the table it is in.
func (b *book) locate(r templates.Ref, row int) (at, *placed, error) {
	p := b.tables[r.Table]
	if p == nil {
		return at{}, nil, fmt.Errorf("no table %q", r.Table)
	}
	if row == templates.TitleRow {
		if r.Col < 1 || r.Col > len(p.m.titleCols) || p.titleRow == 0 {
			return at{}, nil, fmt.Errorf("%s has no title cell %d", r.Table, r.Col)
		}
		return at{p.sheet, p.m.titleCols[r.Col-1], p.titleRow}, p, nil
	}
	if r.Col < 0 || r.Col >= len(p.m.cols) || row < 0 || row >= len(p.rows) {
		return at{}, nil, fmt.Errorf("%s has no cell in column %d, row %d", r.Table, r.Col, row)
	}
	col, _ := p.m.span(r.Col, 1)
	return at{p.sheet, col, p.rows[row]}, p, nil
}

// ref writes a reference from a formula on sheet s.
func ref(s *sheet, a at, text string) string {
	if a.sheet == s {
		return text
	}
	return "'" + strings.ReplaceAll(a.sheet.name, "'", "''") + "'!" + text
}

// formula is the A1 formula of f, placed on sheet s.
func (b *book) formula(s *sheet, f *templates.Formula) (string, error) {
	switch f.Op {
	case templates.OpSum:
		return b.sum(s, f.Refs)
	case templates.OpProduct, templates.OpDivide:
		var cells []string
		for _, r := range f.Refs {
			if isRange(r) {
				return "", fmt.Errorf("a product or quotient takes single cells")
			}
			a, _, err := b.locate(r, r.Row)
			if err != nil {
				return "", err
			}
			cells = append(cells, ref(s, a, cellRef(a.col, a.row)))
		}
		if f.Op == templates.OpProduct {
			if len(cells) == 0 {
				return "", fmt.Errorf("a product of nothing")
			}
			return fmt.Sprintf("ROUND(%s,%d)", strings.Join(cells, "*"), f.Places), nil
		}
		if len(cells) != 1 || f.By == 0 {
			return "", fmt.Errorf("a quotient takes one cell and a divisor")
		}
		return fmt.Sprintf("ROUND(%s/%d,%d)", cells[0], f.By, f.Places), nil
	}
	return "", fmt.Errorf("unknown formula %d", f.Op)
}

// sum is a sum over refs in the fewest arguments. A run of rows is one
// range, a SUBTOTAL(9, range) when it holds subtotals (which SUBTOTAL
// skips, being SUBTOTALs themselves). Single cells of one column are
// joined into a range when no other number lies between them.
func (b *book) sum(s *sheet, refs []templates.Ref) (string, error) {
	var pieces []string
	type key struct {
		sheet *sheet
		col   int
	}
	singles := map[key][]int{}
	var keys []key
	for _, r := range refs {
		a, p, err := b.locate(r, r.Row)
		if err != nil {
			return "", err
		}
		if !isRange(r) {
			k := key{a.sheet, a.col}
			if _, ok := singles[k]; !ok {
				keys = append(keys, k)
			}
			singles[k] = append(singles[k], a.row)
			continue
		}
		z, _, err := b.locate(r, r.ToRow)
		if err != nil {
			return "", err
		}
		text := ref(s, a, columnRange(a.col, a.row, z.row))
		for _, row := range p.t.Rows[r.Row : r.ToRow+1] {
			if row.Kind == templates.RowSubtotal {
				text = "SUBTOTAL(9," + text + ")"
				break
			}
		}
		pieces = append(pieces, text)
	}
	for _, k := range keys {
		rows := singles[k]
		sort.Ints(rows)
		numbers := k.sheet.numbers[k.col]
		for i := 0; i < len(rows); {
			j := i
			for j+1 < len(rows) && adjacent(numbers, rows[j], rows[j+1]) {
				j++
			}
			a := at{k.sheet, k.col, rows[i]}
			if j == i {
				pieces = append(pieces, ref(s, a, cellRef(k.col, rows[i])))
			} else {
				pieces = append(pieces, ref(s, a, columnRange(k.col, rows[i], rows[j])))
			}
			i = j + 1
		}
	}
	if len(pieces) == 1 && strings.HasPrefix(pieces[0], "SUBTOTAL(") {
		return pieces[0], nil
	}
	if len(pieces) == 1 && !strings.Contains(pieces[0], "!") {
		// A sum of one range may be a subtotal: a total over a range with
		// it inside skips it only if it is a SUBTOTAL too.
		p := pieces[0]
		if !strings.Contains(p, ":") {
			p += ":" + p
		}
		return "SUBTOTAL(9," + p + ")", nil
	}
	return sumFormula(pieces), nil
}

// isRange reports whether r names a run of rows, not one cell.
func isRange(r templates.Ref) bool { return r.Row >= 0 && r.ToRow > r.Row }

// adjacent reports whether rows a < b of a column have no number between
// them: numbers lists the column's rows that hold numbers, ascending.
func adjacent(numbers []int, a, b int) bool {
	i := sort.SearchInts(numbers, a)
	return i+1 < len(numbers) && numbers[i] == a && numbers[i+1] == b
}
