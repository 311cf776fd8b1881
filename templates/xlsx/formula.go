package xlsx

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
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
// (want) as its cached value, so a reader that does not calculate still sees
// it. got is what the formula computes from the cells it reads; when it
// differs from want the sheet would contradict itself, so totalCell fails.
func totalCell(what, formula string, want, got float64) (cell, error) {
	if !sameHours(want, got) {
		return cell{}, fmt.Errorf("%s: the document says %v hours but its rows add up to %v", what, want, got)
	}
	if len(formula) > maxFormulaLength {
		return cell{}, fmt.Errorf("%s: formula is longer than Excel's %d characters", what, maxFormulaLength)
	}
	return cell{value: want, formula: formula, look: lookTotal}, nil
}

// sameHours reports whether two numbers of hours are equal up to the
// rounding of adding them up in a different order.
func sameHours(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}
