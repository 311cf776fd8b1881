package xlsx_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// openpyxlScript prints every non-empty cell of the workbook as openpyxl
// reads it: with formulas, and with cached values only (data_only=True,
// what a script or pandas sees).
const openpyxlScript = `
import json, sys, openpyxl
path = sys.argv[1]
wf = openpyxl.load_workbook(path)
wv = openpyxl.load_workbook(path, data_only=True)
out = []
for ws in wf.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            v = wv[ws.title][c.coordinate].value
            out.append({"sheet": ws.title, "cell": c.coordinate, "type": c.data_type,
                        "value": str(c.value), "cached": v, "pytype": type(v).__name__})
json.dump(out, sys.stdout)
`

// pyCell is one cell as openpyxl reads it.
type pyCell struct {
	Sheet, Cell, Type, Value, PyType string
	Cached                           any
}

// openpyxlCells renders d and returns every cell as openpyxl reads it.
func openpyxlCells(t *testing.T, d *templates.Layout) []pyCell {
	t.Helper()
	templatestest.Python(t) // skips without openpyxl
	path := filepath.Join(t.TempDir(), "sample.xlsx")
	if err := os.WriteFile(path, render(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := templatestest.Openpyxl(t, openpyxlScript, path)
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var cells []pyCell
	if err := json.Unmarshal(out, &cells); err != nil {
		t.Fatalf("openpyxl output: %v", err)
	}
	return cells
}

func TestOpenpyxlReadsCachedValuesAndText(t *testing.T) {
	d := templatestest.Sample()
	cells := openpyxlCells(t, d)

	want := totals(d)
	codes := map[string]bool{"29-2072.00": true, "1114HY": true, "0414": true, "HIT 101": true}
	labels := map[string]string{} // sheet!row -> column A text
	for _, c := range cells {
		if strings.HasPrefix(c.Cell, "A") {
			labels[c.Sheet+"!"+strings.TrimLeft(c.Cell, "ABCDEFGH")] = c.Value
		}
	}
	formulas := 0
	for _, c := range cells {
		switch {
		case c.Type == "f":
			formulas++
			label := labels[c.Sheet+"!"+strings.TrimLeft(c.Cell, "ABCDEFGH")]
			v, ok := c.Cached.(float64)
			if !ok {
				t.Errorf("%s!%s %s (%s): cached value %v (%s), want a number", c.Sheet, c.Cell, c.Value, label, c.Cached, c.PyType)
				continue
			}
			matched := false
			for _, w := range want {
				if w.sheet == c.Sheet && strings.HasPrefix(label, w.label) {
					matched = true
					if v != w.value {
						t.Errorf("%s!%s (%s): cached %v, want %v", c.Sheet, c.Cell, label, v, w.value)
					}
				}
			}
			if !matched {
				t.Errorf("%s!%s holds formula %s on a row that is no total (%q)", c.Sheet, c.Cell, c.Value, label)
			}
		case codes[c.Value]:
			if c.Type != "s" || c.PyType != "str" {
				t.Errorf("code %q in %s!%s reads as %s/%s, want a string", c.Value, c.Sheet, c.Cell, c.Type, c.PyType)
			}
			delete(codes, c.Value)
		case strings.HasPrefix(c.Value, "=") && c.Type != "f":
			if c.PyType != "str" || c.Cached != c.Value {
				t.Errorf("text %q in %s!%s reads back as %v (%s)", c.Value, c.Sheet, c.Cell, c.Cached, c.PyType)
			}
		}
	}
	if formulas != len(want) {
		t.Errorf("openpyxl sees %d formulas, want %d totals", formulas, len(want))
	}
	if len(codes) > 0 {
		t.Errorf("codes not found: %v", codes)
	}
}

// TestOpenpyxlHybridTotalsUnderTheirColumns checks, as a script reads the
// workbook, that each OJL total of a hybrid program stands in the column
// it sums: the minimum under "Min hours", the maximum under "Max hours",
// with nothing in the other hours column of its row.
func TestOpenpyxlHybridTotalsUnderTheirColumns(t *testing.T) {
	cells := openpyxlCells(t, templatestest.Sample())
	const sheet = "Work Process Schedule"
	column := func(ref string) string { return strings.TrimRight(ref, "0123456789") }
	row := func(ref string) string { return strings.TrimLeft(ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") }
	headerCol := map[string]string{} // "Min hours" -> its column
	labels := map[string]string{}    // row -> column A text
	byRow := map[string][]pyCell{}
	for _, c := range cells {
		if c.Sheet != sheet {
			continue
		}
		if c.Value == "Min hours" || c.Value == "Max hours" {
			headerCol[c.Value] = column(c.Cell)
		}
		if column(c.Cell) == "A" {
			labels[row(c.Cell)] = c.Value
		}
		byRow[row(c.Cell)] = append(byRow[row(c.Cell)], c)
	}
	if headerCol["Min hours"] == "" || headerCol["Min hours"] == headerCol["Max hours"] {
		t.Fatalf("hours headers in columns %v, want Min and Max hours in two columns", headerCol)
	}
	found := 0
	for r, label := range labels {
		var header string
		switch {
		case strings.HasPrefix(label, "Total OJL hours (minimum"):
			header = "Min hours"
		case strings.HasPrefix(label, "Total OJL hours (maximum"):
			header = "Max hours"
		default:
			continue
		}
		found++
		want := headerCol[header]
		for _, c := range byRow[r] {
			if c.Type != "f" {
				continue
			}
			if column(c.Cell) != want {
				t.Errorf("%q: total in column %s, want %s under %q", label, column(c.Cell), want, header)
			}
			if refs := cellRefs.FindAllStringSubmatch(c.Value, -1); len(refs) == 0 || slices.ContainsFunc(refs, func(m []string) bool { return m[1] != want }) {
				t.Errorf("%q: formula %s does not sum column %s", label, c.Value, want)
			}
		}
		for _, c := range byRow[r] {
			if column(c.Cell) == headerCol[otherHours(header)] {
				t.Errorf("%q: %s holds %q, want nothing under %q", label, c.Cell, c.Value, otherHours(header))
			}
		}
	}
	if found != 2 {
		t.Errorf("found %d hybrid OJL totals, want 2", found)
	}
}

// cellRefs finds the cell references of a formula and their columns.
var cellRefs = regexp.MustCompile(`\b([A-Z]{1,3})[0-9]+\b`)

func otherHours(h string) string {
	if h == "Min hours" {
		return "Max hours"
	}
	return "Min hours"
}
