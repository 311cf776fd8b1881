package xlsx

import (
	"fmt"
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

// totalCell returns a total: a formula cell that carries the model's value
// as its cached value, so a reader that does not calculate still sees it.
// The value is the one the build computed exactly; the cell stores it as a
// spreadsheet number. A formula Excel cannot hold is an error (the
// formulas here are a few ranges, so it never happens for a valid program).
func totalCell(what, formula string, value templates.Hours) (cell, error) {
	if len(formula) > maxFormulaLength {
		return cell{}, fmt.Errorf("%s: formula is longer than Excel's %d characters", what, maxFormulaLength)
	}
	return cell{value: value.Float64(), formula: formula, look: lookTotal}, nil
}

// subtotalFormula adds the numbers of one range, skipping the cells that
// are SUBTOTALs themselves: a total over a whole table with its group
// subtotals inside stays one short range, however many groups there are.
func subtotalFormula(col, first, last int) string {
	if last < first {
		return "0"
	}
	return "SUBTOTAL(9," + columnRange(col, first, last) + ")"
}
