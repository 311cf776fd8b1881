package framework

import (
	"strconv"
	"testing"

	"github.com/wpsgen/wpsgen/framework/decimal"
)

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
		{"competency-based without term", CompetencyBased, Term{Hours: num(2000)}, 0, false},
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
