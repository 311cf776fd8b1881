package xlsx_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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

func TestOpenpyxlReadsCachedValuesAndText(t *testing.T) {
	py := templatestest.Python(t)
	d := templatestest.Sample()
	path := filepath.Join(t.TempDir(), "sample.xlsx")
	if err := os.WriteFile(path, render(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", openpyxlScript, path).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var cells []pyCell
	if err := json.Unmarshal(out, &cells); err != nil {
		t.Fatalf("openpyxl output: %v", err)
	}

	want := totals(d)
	codes := map[string]bool{d.ONET: true, d.RAPIDS: true, "0414": true, "HIT 101": true}
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
