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
func buildExample(t testing.TB, path string) *templates.Document {
	t.Helper()
	res, err := framework.NewLoader().Validate(path)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK(false) || res.Schedule == nil {
		t.Fatalf("%s does not validate: %v", path, res.Findings)
	}
	return templates.BuildDocument(res.Schedule, strings.TrimSuffix(filepath.Base(path), ".yaml"))
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
// program itself, so the golden files cannot pin a wrong number.
func TestBuildTotals(t *testing.T) {
	for _, p := range programs(t) {
		t.Run(filepath.Base(p), func(t *testing.T) {
			d := buildExample(t, p)
			var hours, lo, hi decimal.Decimal
			all := d.JobFunctions
			if d.Specialization != nil {
				all = append(append([]templates.JobFunction(nil), all...), d.Specialization.JobFunctions...)
			}
			for _, jf := range all {
				if jf.Hours != nil {
					hours = hours.Add(jf.Hours.Dec)
				}
				if jf.MinHours != nil {
					lo, hi = lo.Add(jf.MinHours.Dec), hi.Add(jf.MaxHours.Dec)
				}
			}
			switch d.Approach {
			case templates.TimeBased:
				if len(d.Totals) != 1 || d.Totals[0].Hours.Dec.Cmp(hours) != 0 {
					t.Errorf("totals %v, want %v", d.Totals, hours)
				}
			case templates.Hybrid:
				if len(d.Totals) != 2 || d.Totals[0].Hours.Dec.Cmp(lo) != 0 || d.Totals[1].Hours.Dec.Cmp(hi) != 0 {
					t.Errorf("totals %v, want %v-%v", d.Totals, lo, hi)
				}
			default:
				if len(d.Totals) != 0 {
					t.Errorf("competency-based program has totals %v", d.Totals)
				}
			}
			var rti decimal.Decimal
			for _, g := range d.RTI.Groups {
				var sub decimal.Decimal
				for _, c := range g.Courses {
					sub = sub.Add(c.Hours.Dec)
				}
				if sub.Cmp(g.Subtotal.Dec) != 0 {
					t.Errorf("group %q subtotal %v, courses add to %v", g.Label, g.Subtotal, sub)
				}
				rti = rti.Add(sub)
			}
			if rti.Cmp(d.RTI.Total.Dec) != 0 {
				t.Errorf("RTI total %v, courses add to %v", d.RTI.Total, rti)
			}
			checked := 0
			for _, f := range d.Fields {
				if f.Label == "Apprenticeship type" {
					for _, c := range f.Boxes {
						if c.Checked {
							checked++
						}
					}
				}
			}
			if checked != 1 {
				t.Errorf("%d apprenticeship type boxes checked, want 1", checked)
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
