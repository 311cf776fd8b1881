package xlsx_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
	"github.com/wpsgen/wpsgen/templates/xlsx"
)

// appendixScript prints the Appendix A sheet's cells as openpyxl reads
// them: value (formula or constant), cached value and number format.
const appendixScript = `
import json, sys, openpyxl
path = sys.argv[1]
wf = openpyxl.load_workbook(path)
wv = openpyxl.load_workbook(path, data_only=True)
assert wf.sheetnames[:3] == ["Appendix A", "Work Process Schedule", "RTI Plan"], wf.sheetnames
out = []
ws = wf["Appendix A"]
for row in ws.iter_rows():
    for c in row:
        if c.value is None:
            continue
        out.append({"cell": c.coordinate, "type": c.data_type, "value": str(c.value),
                    "cached": wv["Appendix A"][c.coordinate].value, "format": c.number_format})
json.dump(out, sys.stdout)
`

type appendixCell struct {
	Cell, Type, Value, Format string
	Cached                    any
}

// The five real documents' Appendix A sheets, as a script reads them: the
// wage rates a percent gives are live formulas carrying the value the PDF
// prints, in a currency format; percents in a percent format; the texts
// of the sections as the PDF prints them.
func TestOpenpyxlReadsAppendixA(t *testing.T) {
	templatestest.Python(t) // skips without openpyxl
	cases := []struct {
		path     string
		texts    []string
		formulas map[float64]bool // cached values of ROUND(percent*rate) cells
		numbers  map[float64]string
	}{
		{"../../examples/plumber-0432HY.yaml", []string{"1st period: 1,600 – 2,000 hours of OJL", "The first 1,500 hours of OJL.", "4. APPRENTICE WAGE SCHEDULE"},
			map[float64]bool{16.5: true, 19.5: true, 22.5: true, 25.5: true}, map[float64]string{30: "$#,##0.00", 0.55: "0%"}},
		{"../../examples/elevator-0174.yaml", []string{"Entry", "6 months."}, nil, map[float64]string{24.6: "$#,##0.00", 37.84: "$#,##0.00"}},
		{"../../templates/testdata/programs/data-analyst-2099CB.yaml", []string{"12 weeks.", "2 Apprentices to 1 Journeyworker (2:1)"},
			map[float64]bool{19.05: true, 22.23: true, 25.4: true, 28.58: true}, nil},
		{"../../templates/testdata/programs/hvac-0637HY.yaml", []string{"After 18 months", "3 months."}, nil, map[float64]string{20.3: "$#,##0.00", 0.725: "0.0%"}},
		{"../../templates/testdata/programs/pipe-fitter-0414S-R.yaml", []string{"7,000 – 8,000 hours of OJL", "90 days."},
			map[float64]bool{16.73: true, 30.11: true}, nil},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			res, err := framework.NewLoader().Validate(c.path)
			if err != nil {
				t.Fatal(err)
			}
			if !res.OK(false) {
				t.Fatalf("does not validate: %v", res.Findings)
			}
			var b strings.Builder
			if err := xlsx.Render(&b, templates.Build(res.Schedule, "appendix"), xlsx.Options{Created: created}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "appendix.xlsx")
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := templatestest.Openpyxl(t, appendixScript, path)
			if err != nil {
				t.Fatalf("openpyxl: %v", err)
			}
			var cells []appendixCell
			if err := json.Unmarshal(out, &cells); err != nil {
				t.Fatal(err)
			}
			texts := map[string]bool{}
			formulas := map[float64]bool{}
			numbers := map[float64]string{}
			for _, x := range cells {
				switch x.Type {
				case "f":
					v, ok := x.Cached.(float64)
					if !ok || !strings.HasPrefix(x.Value, "=ROUND(") || x.Format != "$#,##0.00" {
						t.Errorf("%s: %s cached %v format %q", x.Cell, x.Value, x.Cached, x.Format)
					}
					formulas[v] = true
				case "n":
					v, _ := x.Cached.(float64)
					numbers[v] = x.Format
				default:
					texts[x.Value] = true
				}
			}
			for _, w := range c.texts {
				if !texts[w] {
					t.Errorf("no cell holds %q", w)
				}
			}
			for v := range c.formulas {
				if !formulas[v] {
					t.Errorf("no wage formula computes %v (formulas: %v)", v, formulas)
				}
			}
			for v, f := range c.numbers {
				if got, ok := numbers[v]; !ok || got != f {
					t.Errorf("number %v: format %q (found %v), want %q", v, got, ok, f)
				}
			}
		})
	}
}
