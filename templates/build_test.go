package templates_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// buildExample validates a program file and lays it out.
func buildExample(t testing.TB, path string) *templates.Layout {
	t.Helper()
	res, err := framework.NewLoader().Validate(path)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK(false) || res.Schedule == nil {
		t.Fatalf("%s does not validate: %v", path, res.Findings)
	}
	return templates.Build(res.Schedule, strings.TrimSuffix(filepath.Base(path), ".yaml"))
}

// programs are the example and test programs (templatestest.Programs).
func programs(t testing.TB) []string {
	t.Helper()
	paths, err := templatestest.Programs("..")
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// checkGolden compares v, as indented JSON, with the golden file of the
// program at path (testdata/golden/<name><suffix>), which -update rewrites;
// what names v in the message.
func checkGolden(t *testing.T, what, path, suffix string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(path), ".yaml")+suffix)
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./templates -update)", err)
	}
	if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(got)) {
		t.Errorf("%s of %s differs from %s; if the change is intended run go test ./templates -update and review the diff", what, path, golden)
	}
}

// TestBuildTotals checks the computed totals against sums made here from the
// numbers the layout prints, so the golden files cannot pin a wrong number.
func TestBuildTotals(t *testing.T) {
	for _, p := range programs(t) {
		t.Run(filepath.Base(p), func(t *testing.T) {
			l := buildExample(t, p)
			approach := ""
			checked := 0
			for _, c := range templatestest.Field(l, "Work Process Schedule", "Apprenticeship type").Boxes {
				if c.Checked {
					approach = c.Label
					checked++
				}
			}
			if checked != 1 {
				t.Errorf("%d apprenticeship type boxes checked, want 1", checked)
			}
			// Each hours column of the job function tables, summed here.
			sums := map[string]decimal.Decimal{}
			for _, jf := range templatestest.JobFunctions(l) {
				for k, col := range jf.TitleColumns {
					if col.Kind == templates.CellHours {
						sums[col.Header] = sums[col.Header].Add(jf.TitleCells[k].Num)
					}
				}
			}
			var totals []decimal.Decimal
			if tb := templatestest.Table(l, "OJL_Totals"); tb != nil {
				for _, r := range tb.Rows {
					totals = append(totals, r.Cells[1].Num)
				}
			}
			want := map[string][]decimal.Decimal{
				"Time-Based": {sums["Hours"]},
				"Hybrid":     {sums["Min hours"], sums["Max hours"]},
			}[approach]
			if len(totals) != len(want) {
				t.Errorf("%s program has totals %v, want %v", approach, totals, want)
			}
			for i := range min(len(totals), len(want)) {
				if totals[i].Cmp(want[i]) != 0 {
					t.Errorf("%s program has totals %v, want %v", approach, totals, want)
				}
			}
			// The course table's subtotals and total, against its courses.
			var rti, sub decimal.Decimal
			for _, r := range templatestest.Table(l, "RTI_Courses").Rows {
				switch r.Kind {
				case templates.RowGroup:
					sub = decimal.Decimal{}
				case templates.RowBody:
					sub, rti = sub.Add(r.Cells[2].Num), rti.Add(r.Cells[2].Num)
				case templates.RowSubtotal:
					if sub.Cmp(r.Cells[1].Num) != 0 {
						t.Errorf("%q is %v, its courses add to %v", r.Cells[0].Text, r.Cells[1].Num, sub)
					}
				case templates.RowTotal:
					if rti.Cmp(r.Cells[1].Num) != 0 {
						t.Errorf("RTI total %v, courses add to %v", r.Cells[1].Num, rti)
					}
				}
			}
		})
	}
}

// Hours print exactly as written, grouped; an average is rounded once, to
// two decimals, in the build.
func TestHoursString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0", "0"}, {"12.5", "12.5"}, {"597.50", "597.5"}, {"2000", "2,000"}, {"7920", "7,920"},
		{"1234567.25", "1,234,567.25"}, {"-0", "0"}, {"1000.123456789123456789", "1,000.123456789123456789"},
	} {
		if got := (templates.Hours{Dec: decimal.MustParse(tc.in)}).String(); got != tc.want {
			t.Errorf("Hours(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
