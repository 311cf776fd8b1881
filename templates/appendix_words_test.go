package templates

import (
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
)

func TestNumberWords(t *testing.T) {
	for n, want := range map[int64]string{
		0: "zero", 1: "one", 4: "four", 12: "twelve", 19: "nineteen", 20: "twenty", 48: "forty-eight",
		100: "one hundred", 240: "two hundred forty", 999: "nine hundred ninety-nine", 1000: "1,000",
	} {
		if got := numberWords(n); got != want {
			t.Errorf("numberWords(%d) = %q, want %q", n, got, want)
		}
	}
	if got := countWords(1, "year"); got != "one (1) year" {
		t.Errorf("countWords(1) = %q", got)
	}
	if got := countWords(4, "year"); got != "four (4) years" {
		t.Errorf("countWords(4) = %q", got)
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 101: "101st", 111: "111th"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

func num(s string) framework.Number {
	return framework.Number{Dec: decimal.MustParse(s), Text: s, Set: true}
}

func str(s string) framework.String { return framework.String{Value: s, Set: true} }

func TestStepWhen(t *testing.T) {
	eight := decimal.FromInt(8000)
	steps := []*framework.WageStep{
		{Hours: num("0")},
		{Hours: num("1000")},
		{Hours: num("7000")},
	}
	cases := []struct {
		name    string
		steps   []*framework.WageStep
		i, per  int
		termMax *decimal.Decimal
		want    string
	}{
		{"hours to the next step", steps, 0, 0, &eight, "0 – 1,000 hours of OJL"},
		{"last hours step to the term", steps, 2, 0, &eight, "7,000 – 8,000 hours of OJL"},
		{"last hours step, no term hours", steps, 2, 0, nil, "From 7,000 hours of OJL"},
		{"start, then other steps", []*framework.WageStep{{Hours: num("0")}, {Months: num("6")}}, 0, 0, nil, "From the start"},
		{"period range", []*framework.WageStep{{Period: &framework.Period{MinHours: num("1600"), MaxHours: num("2000")}}}, 0, 2, nil, "2nd period: 1,600 – 2,000 hours of OJL"},
		{"period length", []*framework.WageStep{{Period: &framework.Period{MinHours: num("2000")}}}, 0, 1, nil, "1st period: 2,000 hours of OJL"},
		{"months", []*framework.WageStep{{Months: num("6")}}, 0, 0, nil, "After 6 months"},
		{"one month", []*framework.WageStep{{Months: num("1")}}, 0, 0, nil, "After 1 month"},
		{"zero months", []*framework.WageStep{{Months: num("0")}}, 0, 0, nil, "From the start"},
		{"one job function", []*framework.WageStep{{Competencies: []framework.String{str("3")}}}, 0, 0, nil, "On completing job function 3"},
		{"job functions", []*framework.WageStep{{Competencies: []framework.String{str("1"), str("2"), str("4")}}}, 0, 0, nil, "On completing job functions 1, 2 and 4"},
		{"label", []*framework.WageStep{{Label: str("Entry")}}, 0, 0, nil, "Entry"},
		{"label and months", []*framework.WageStep{{Label: str("Level 2"), Months: num("12")}}, 0, 0, nil, "Level 2 — After 12 months"},
	}
	for _, c := range cases {
		if got := stepWhen(c.steps, c.i, c.per, c.termMax); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestTermSentence(t *testing.T) {
	courses := &framework.RTIPlan{Courses: []*framework.Course{{Hours: num("100")}, {Hours: num("44.5")}}}
	jfs := []*framework.ProgramJobFunction{
		{Hours: num("3000"), MinHours: num("2500"), MaxHours: num("3500")},
		{Hours: num("1000"), MinHours: num("500"), MaxHours: num("700")},
	}
	cases := []struct {
		name string
		p    *framework.Program
		want string
	}{
		{"time-based", &framework.Program{Approach: str(TimeBased), Term: &framework.Term{Hours: num("4000")}, JobFunctions: jfs, RTI: courses},
			"The term of the occupation is approximately two (2) years with an OJL attainment of 4,000 hours, supplemented by the minimum required 144.5 hours of related instruction (minimum 144 hours annually)."},
		{"hybrid rounds the most hours to whole years", &framework.Program{Approach: str(Hybrid), Term: &framework.Term{MinHours: num("3000"), MaxHours: num("4200")}, JobFunctions: jfs, RTI: courses},
			"The term of the occupation is approximately two (2) years with an OJL attainment of 3,000 – 4,200 hours, supplemented by the minimum required 144.5 hours of related instruction (minimum 144 hours annually)."},
		{"competency-based in months, no courses", &framework.Program{Approach: str(CompetencyBased), Term: &framework.Term{Months: num("18")}},
			"The term of the occupation is approximately eighteen (18) months, progressing by demonstrated competency."},
		{"competency-based in years", &framework.Program{Approach: str(CompetencyBased), Term: &framework.Term{Years: num("1")}, RTI: courses},
			"The term of the occupation is approximately one (1) year, progressing by demonstrated competency, supplemented by the minimum required 144.5 hours of related instruction (minimum 144 hours annually)."},
		{"competency-based in hours", &framework.Program{Approach: str(CompetencyBased), Term: &framework.Term{Hours: num("2000")}},
			"The term of the occupation is approximately one (1) year with an OJL attainment of not less than 2,000 hours."},
		{"competency-based in half years", &framework.Program{Approach: str(CompetencyBased), Term: &framework.Term{Years: num("1.5")}},
			"The term of the occupation is approximately 1.5 years, progressing by demonstrated competency."},
	}
	for _, c := range cases {
		if got := termSentence(c.p); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
