package framework

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework/decimal"
)

// TestScheduleTotalsExact checks that hours add up as written: digits a
// float64 would drop are kept, 0.1 + 0.2 is 0.3, and -0 is 0.
func TestScheduleTotalsExact(t *testing.T) {
	cases := []struct {
		hours []string
		want  string
	}{
		{[]string{"1000.123456789123456789", "1000"}, "2000.123456789123456789"},
		{[]string{"0.1", "0.2"}, "0.3"},
		{[]string{"-0", "0"}, "0"},
		{[]string{"1_000", "1e3"}, "2000"},
		{[]string{"864.09", "0.01"}, "864.1"},
	}
	for _, c := range cases {
		var b strings.Builder
		b.WriteString("kind: program\njob_functions:\n")
		for _, h := range c.hours {
			fmt.Fprintf(&b, "  - {hours: %s}\n", h)
		}
		p := Parse("n.yaml", []byte(b.String())).Program
		if got, _, _ := ScheduleTotals(p); got.String() != c.want {
			t.Errorf("hours %v add up to %s, want %s", c.hours, got, c.want)
		}
	}
}

// TestTermMismatchPrintsExactSum checks a message prints a sum exactly,
// not rounded through a float.
func TestTermMismatchPrintsExactSum(t *testing.T) {
	p := Parse("n.yaml", []byte("kind: program\napproach: time-based\nterm: {hours: 2000}\njob_functions:\n  - {id: \"1\", hours: 1000.123456789123456789}\n  - {id: \"2\", hours: 1000}\n")).Program
	c := &checker{p: p}
	checkTermMismatch(c)
	if len(c.findings) != 1 || !strings.Contains(c.findings[0].Message, "add up to 2000.123456789123456789;") {
		t.Errorf("findings %v, want one term-mismatch with the exact sum", c.findings)
	}
}

// TestNoDocumentFormatImported keeps validation independent of the
// documents: framework and its packages import nothing under templates.
func TestNoDocumentFormatImported(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "github.com/wpsgen/wpsgen/templates") {
			t.Errorf("framework imports %s; validation must not depend on a document format", dep)
		}
	}
	if !strings.Contains(string(out), "github.com/wpsgen/wpsgen/framework\n") {
		t.Errorf("go list -deps did not list the framework package itself:\n%s", out)
	}
}

// TestFindingsCapped checks that a file keeps at most MaxFindings findings,
// counts the rest, and still fails when its only error sorts past the cap.
func TestFindingsCapped(t *testing.T) {
	dir := t.TempDir()
	fw, err := os.ReadFile("testdata/fw/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mini.yaml"), fw, 0o644); err != nil {
		t.Fatal(err)
	}
	const courses = MaxFindings + 100
	var b strings.Builder
	b.WriteString("kind: program\nframework: mini.yaml\nsponsor: {name: Example Clinic}\noccupation: {job_title: Medical Coder}\n" +
		"approach: time-based\nterm: {hours: 2000}\nratio: {apprentices: 1, journeyworkers: 1}\n" +
		"job_functions:\n  - {id: \"1\", hours: 2000, competencies: [{id: A}, {id: B}]}\nrti:\n  courses:\n")
	for i := range courses {
		fmt.Fprintf(&b, "    - {title: Course %d, hours: 1, year: 2}\n", i) // a course-year warning each
	}
	b.WriteString("    - {title: Last, hours: 0}\n") // the one error, on the last line
	path := filepath.Join(dir, "many.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := testLoader().Validate(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != MaxFindings || res.Omitted != courses+1-MaxFindings {
		t.Fatalf("kept %d findings, omitted %d; want %d and %d", len(res.Findings), res.Omitted, MaxFindings, courses+1-MaxFindings)
	}
	if res.OK(false) {
		t.Error("the file's error was omitted: it validates as OK")
	}
	if last := res.Findings[MaxFindings-1]; last.Rule != RuleHoursRange {
		t.Errorf("the last kept finding is %s, want the hours-range error", last)
	}
	for i := 1; i < len(res.Findings); i++ {
		if compareFindings(res.Findings[i-1], res.Findings[i]) > 0 {
			t.Fatalf("findings out of order at %d: %s before %s", i, res.Findings[i-1], res.Findings[i])
		}
	}
}

func TestTermYears(t *testing.T) {
	num := func(v float64) Number {
		d := decimal.MustParse(strconv.FormatFloat(v, 'g', -1, 64))
		return Number{Dec: d, Text: d.String(), Set: true}
	}
	cases := []struct {
		name     string
		approach string
		term     Term
		want     int
		ok       bool
	}{
		{"time-based one year", TimeBased, Term{Hours: num(2000)}, 1, true},
		{"time-based just over", TimeBased, Term{Hours: num(2000.5)}, 2, true},
		{"time-based four years", TimeBased, Term{Hours: num(8000)}, 4, true},
		{"time-based short", TimeBased, Term{Hours: num(500)}, 1, true},
		{"time-based zero", TimeBased, Term{Hours: num(0)}, 0, false},
		{"time-based without hours", TimeBased, Term{Months: num(12)}, 0, false},
		{"hybrid uses the maximum", Hybrid, Term{MinHours: num(2000), MaxHours: num(4001)}, 3, true},
		{"DOL hybrid example", Hybrid, Term{MinHours: num(7920), MaxHours: num(9380)}, 5, true},
		{"hybrid without maximum", Hybrid, Term{MinHours: num(2000)}, 0, false},
		{"competency-based months", CompetencyBased, Term{Months: num(18)}, 2, true},
		{"competency-based 12 months", CompetencyBased, Term{Months: num(12)}, 1, true},
		{"competency-based short", CompetencyBased, Term{Months: num(6)}, 1, true},
		{"competency-based years", CompetencyBased, Term{Years: num(1.5)}, 2, true},
		{"competency-based months win", CompetencyBased, Term{Months: num(24), Years: num(1)}, 2, true},
		{"competency-based hours", CompetencyBased, Term{Hours: num(2000)}, 1, true},
		{"competency-based hours just over", CompetencyBased, Term{Hours: num(2000.5)}, 2, true},
		{"competency-based months win over hours", CompetencyBased, Term{Months: num(12), Hours: num(6000)}, 1, true},
		{"competency-based without term", CompetencyBased, Term{}, 0, false},
		{"unknown approach", "", Term{Hours: num(2000)}, 0, false},
		{"twenty years", TimeBased, Term{Hours: num(40000)}, 20, true},
		{"over twenty years", TimeBased, Term{Hours: num(40000.5)}, 0, false},
		{"months overflowing an int", CompetencyBased, Term{Months: num(9.3e18)}, 0, false},
		{"under one week", CompetencyBased, Term{Years: num(1e-300)}, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			term := c.term
			p := &Program{Approach: String{Value: c.approach, Set: c.approach != ""}, Term: &term}
			got, ok := TermYears(p)
			if got != c.want || ok != c.ok {
				t.Errorf("TermYears = %d, %v; want %d, %v", got, ok, c.want, c.ok)
			}
		})
	}
}

func TestWholeYear(t *testing.T) {
	for text, want := range map[string]bool{"1": true, "2.0": true, "1e300": true, "1.5": false, "0": false, "-1": false, "1e-300": false} {
		if got := wholeYear(Number{Dec: decimal.MustParse(text), Text: text, Set: true}); got != want {
			t.Errorf("wholeYear(%s) = %v, want %v", text, got, want)
		}
	}
}
