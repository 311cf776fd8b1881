package framework

import (
	"testing"

	"github.com/wpsgen/wpsgen/framework/decimal"
)

// n is a written number for the table tests below.
func n(text string) Number {
	d := decimal.MustParse(text)
	return Number{Dec: d, Text: text, Set: true, Pos: Pos{File: "t.yaml", Line: 1, Col: 1}}
}

// TestProbationExact checks the probation limits at their exact edges in
// every unit: 25% of a 2,000-hour term is 500 hours, 3 months, 13 weeks or
// 91.25 days; a year is 2,000 hours, 12 months, 52 weeks or 365 days.
func TestProbationExact(t *testing.T) {
	year := &Term{Hours: n("2000")}
	long := &Term{Hours: n("8000")}
	cbHours := &Term{Hours: n("2000")}
	for _, c := range []struct {
		name     string
		approach string
		term     *Term
		pr       Probation
		want     bool // reported
	}{
		{"500 hours of 2,000", TimeBased, year, Probation{Hours: n("500")}, false},
		{"500.01 hours of 2,000", TimeBased, year, Probation{Hours: n("500.01")}, true},
		{"3 months of 2,000 hours", TimeBased, year, Probation{Months: n("3")}, false},
		{"3.01 months of 2,000 hours", TimeBased, year, Probation{Months: n("3.01")}, true},
		{"13 weeks of 2,000 hours", TimeBased, year, Probation{Weeks: n("13")}, false},
		{"13.01 weeks of 2,000 hours", TimeBased, year, Probation{Weeks: n("13.01")}, true},
		{"91.25 days of 2,000 hours", TimeBased, year, Probation{Days: n("91.25")}, false},
		{"91.26 days of 2,000 hours", TimeBased, year, Probation{Days: n("91.26")}, true},
		{"365 days of 8,000 hours", TimeBased, long, Probation{Days: n("365")}, false},
		{"366 days of 8,000 hours", TimeBased, long, Probation{Days: n("366")}, true},
		{"52 weeks of 8,000 hours", TimeBased, long, Probation{Weeks: n("52")}, false},
		{"53 weeks of 8,000 hours", TimeBased, long, Probation{Weeks: n("53")}, true},
		{"13 weeks of a competency-based 2,000-hour term", CompetencyBased, cbHours, Probation{Weeks: n("13")}, false},
		{"14 weeks of a competency-based 2,000-hour term", CompetencyBased, cbHours, Probation{Weeks: n("14")}, true},
		{"a hybrid minimum of 2,500 hours: 625", Hybrid, &Term{MinHours: n("2500"), MaxHours: n("3500")}, Probation{Hours: n("625")}, false},
		{"two units are the schema rule's", TimeBased, year, Probation{Weeks: n("40"), Days: n("300")}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			pr := c.pr
			ch := &checker{p: &Program{Approach: String{Value: c.approach, Set: true}, Term: c.term, Probation: &pr}}
			checkProbation(ch)
			if got := len(ch.findings) > 0; got != c.want {
				t.Errorf("reported %v, want %v: %v", got, c.want, ch.findings)
			}
		})
	}
}

// TestWageStepsIncrease checks the order of steps by what each gives:
// percent, rate, or dollars computed from the journeyworker rate.
func TestWageStepsIncrease(t *testing.T) {
	for _, c := range []struct {
		name  string
		jr    Number
		steps []*WageStep
		want  int // findings of the wages rule
	}{
		{"percents up", n("30"), []*WageStep{{Percent: n("55")}, {Percent: n("65")}}, 0},
		{"percents equal", n("30"), []*WageStep{{Percent: n("55")}, {Percent: n("55")}}, 1},
		{"rates up", Number{}, []*WageStep{{Rate: n("24.60")}, {Rate: n("26.85")}}, 0},
		{"rates down", Number{}, []*WageStep{{Rate: n("24.60")}, {Rate: n("24.59")}}, 1},
		{"percent then a higher rate", n("30"), []*WageStep{{Percent: n("55")}, {Rate: n("16.51")}}, 0},
		{"percent then the same dollars", n("30"), []*WageStep{{Percent: n("55")}, {Rate: n("16.50")}}, 1},
		{"rate then a lower percent", n("28"), []*WageStep{{Rate: n("16.80")}, {Percent: n("59.9")}}, 1},
		{"percent and rate without a journeyworker rate", Number{}, []*WageStep{{Percent: n("90")}, {Rate: n("1")}}, 0},
		{"months down", n("30"), []*WageStep{{Percent: n("60"), Months: n("12")}, {Percent: n("65"), Months: n("6")}}, 1},
		{"a label, then months", n("28"), []*WageStep{{Rate: n("16.80")}, {Rate: n("18.20"), Months: n("6")}}, 0},
		{"hours 0, then job functions", n("31.75"), []*WageStep{{Percent: n("60"), Hours: n("0")}, {Percent: n("70"), Competencies: []String{{Value: "1", Set: true}}}}, 0},
		{"a negative rate", Number{}, []*WageStep{{Rate: n("-1")}}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			ch := &checker{p: &Program{Wages: &Wages{JourneyworkerRate: c.jr, Steps: c.steps}}}
			checkWages(ch)
			if len(ch.findings) != c.want {
				t.Errorf("%d findings, want %d: %v", len(ch.findings), c.want, ch.findings)
			}
		})
	}
}

// TestProbationText checks the probation as the documents print it.
func TestProbationText(t *testing.T) {
	for _, c := range []struct {
		pr   *Probation
		want string
	}{
		{&Probation{Weeks: n("12")}, "12 weeks"},
		{&Probation{Hours: n("1500")}, "1,500 hours"},
		{&Probation{Months: n("1")}, "1 month"},
		{&Probation{Days: n("90")}, "90 days"},
		{&Probation{Hours: n("500"), Months: n("3")}, ""},
		{&Probation{}, ""},
		{nil, ""},
	} {
		if got := ProbationText(c.pr); got != c.want {
			t.Errorf("ProbationText(%+v) = %q, want %q", c.pr, got, c.want)
		}
	}
}
