package framework

import (
	"github.com/wpsgen/wpsgen/framework/decimal"
)

// The schedule arithmetic that rules and documents share. Every value is an
// exact decimal.Decimal taken from the text the user wrote (Number.Dec), so a
// total printed by a document is the total a rule compared.

// OJL and term facts of 29 CFR 29.4/29.5 and DOL policy.
const (
	HoursPerYear        = 2000 // one year of on-the-job learning
	MinOJLHours         = 2000 // time-based minimum; hybrid minimum of the minimums
	MinCompetencyMonths = 12   // competency-based OJL component
	RTIHoursPerYear     = 144  // recommended related instruction per year
	MaxTermYears        = 20   // a longer term is a typo, not an apprenticeship
	HoursPerWeek        = 40   // a shorter term is a typo, not an apprenticeship
)

var (
	decHoursPerYear = decimal.FromInt(HoursPerYear)
	decTwelve       = decimal.FromInt(12)
)

// ScheduleTotals returns the exact sums of the job functions' hours,
// min_hours and max_hours, as every document prints them.
func ScheduleTotals(p *Program) (hours, minHours, maxHours decimal.Decimal) {
	for _, jf := range p.JobFunctions {
		hours = hours.Add(jf.Hours.Dec)
		minHours = minHours.Add(jf.MinHours.Dec)
		maxHours = maxHours.Add(jf.MaxHours.Dec)
	}
	return hours, minHours, maxHours
}

// RTITotal returns the exact sum of the courses' hours.
func RTITotal(p *Program) decimal.Decimal {
	var total decimal.Decimal
	if p.RTI != nil {
		for _, c := range p.RTI.Courses {
			total = total.Add(c.Hours.Dec)
		}
	}
	return total
}

// sumNumbers adds the numbers that are set.
func sumNumbers(ns []Number) decimal.Decimal {
	var total decimal.Decimal
	for _, n := range ns {
		total = total.Add(n.Dec) // an unset Number's Dec is 0
	}
	return total
}

// termMonths returns a competency-based term in months: months, or years
// × 12, or (a term stated in hours only) hours counting 2,000 as a year.
// The months of an hours-only term may be a long decimal: compare it, and
// round it only to print.
func termMonths(t *Term) decimal.Decimal {
	switch {
	case t.Months.Set:
		return t.Months.Dec
	case t.Years.Set:
		return t.Years.Dec.Mul(decTwelve)
	}
	return t.Hours.Dec.Mul(decTwelve).Div(decHoursPerYear, 6)
}

// termTwelfths returns the term's on-the-job learning in twelfths of an
// hour (hours × 12, or months × 2,000 for a competency-based term, a month
// being 2,000/12 hours), so hours and months compare exactly without a
// division. For a hybrid program it is the minimum: the shortest term an
// apprentice may serve. ok is false when the term is unknown.
func termTwelfths(p *Program) (tw decimal.Decimal, ok bool) {
	t := p.Term
	switch p.Approach.Value {
	case TimeBased:
		return t.Hours.Dec.Mul(decTwelve), t.Hours.Set
	case Hybrid:
		if t.MinHours.Set {
			return t.MinHours.Dec.Mul(decTwelve), true
		}
		return t.MaxHours.Dec.Mul(decTwelve), t.MaxHours.Set
	case CompetencyBased:
		if t.Months.Set || t.Years.Set {
			return termMonths(t).Mul(decHoursPerYear), true
		}
		if t.Hours.Set {
			return t.Hours.Dec.Mul(decTwelve), true
		}
	}
	return decimal.Decimal{}, false
}

// termYearsValue is the number TermYears rounds up: OJL hours / 2,000
// (hybrid: the maximum) or months / 12, as (numerator, denominator).
func termYearsValue(p *Program) (num, den decimal.Decimal, ok bool) {
	t := p.Term
	switch p.Approach.Value {
	case TimeBased:
		return t.Hours.Dec, decHoursPerYear, t.Hours.Set && t.Hours.Dec.Sign() > 0
	case Hybrid:
		return t.MaxHours.Dec, decHoursPerYear, t.MaxHours.Set && t.MaxHours.Dec.Sign() > 0
	case CompetencyBased:
		if !t.Months.Set && !t.Years.Set {
			return t.Hours.Dec, decHoursPerYear, t.Hours.Set && t.Hours.Dec.Sign() > 0
		}
		return termMonths(t), decTwelve, true
	}
	return decimal.Decimal{}, decimal.Decimal{}, false
}

// TermYears returns the years of term for the RTI recommendation: OJL hours
// / 2,000 or months / 12, rounded up (at least 1), and false when unknown
// or not a plausible length (the term-range rule reports it).
func TermYears(p *Program) (int, bool) {
	num, den, ok := termYearsValue(p)
	if !ok || !termInRange(p.Term) {
		return 0, false
	}
	years := ceilDiv(num, den)
	if years.Cmp(decimal.FromInt(MaxTermYears)) > 0 {
		return 0, false
	}
	n, _ := years.Int64() // at most MaxTermYears: fits
	return max(1, int(n)), true
}

// ceilDiv returns a / b rounded up to a whole number; b > 0.
func ceilDiv(a, b decimal.Decimal) decimal.Decimal {
	q := a.Div(b, 0)
	if q.Mul(b).Cmp(a) < 0 {
		q = q.Add(decimal.FromInt(1))
	}
	return q
}

// termBounds are the term length bounds in the unit of each term key: more
// than max is over MaxTermYears; value × per less than week is under one week.
var termBounds = map[string]struct{ max, per, week decimal.Decimal }{
	"hours":     {decimal.FromInt(MaxTermYears * HoursPerYear), decimal.FromInt(1), decimal.FromInt(HoursPerWeek)},
	"min_hours": {decimal.FromInt(MaxTermYears * HoursPerYear), decimal.FromInt(1), decimal.FromInt(HoursPerWeek)},
	"max_hours": {decimal.FromInt(MaxTermYears * HoursPerYear), decimal.FromInt(1), decimal.FromInt(HoursPerWeek)},
	"months":    {decimal.FromInt(MaxTermYears * 12), decimal.FromInt(52), decimal.FromInt(12)},
	"years":     {decimal.FromInt(MaxTermYears), decimal.FromInt(52), decimal.FromInt(1)},
}

// termNumbers returns the term's numbers by key, in the order docs/format.md lists them.
func termNumbers(t *Term) []struct {
	key string
	n   Number
} {
	return []struct {
		key string
		n   Number
	}{{"hours", t.Hours}, {"min_hours", t.MinHours}, {"max_hours", t.MaxHours}, {"months", t.Months}, {"years", t.Years}}
}

// termLength says whether a term value is over MaxTermYears (+1), under
// one week (-1), or neither (0). Zero and negative values are left to the
// rules about missing and negative terms.
func termLength(key string, n Number) int {
	b := termBounds[key]
	switch {
	case !n.Set || n.Dec.Sign() <= 0:
		return 0
	case n.Dec.Cmp(b.max) > 0:
		return 1
	case n.Dec.Mul(b.per).Cmp(b.week) < 0:
		return -1
	}
	return 0
}

// termInRange reports whether no term value is too long or too short to be
// a term, so the rules that compute with the term can trust it.
func termInRange(t *Term) bool {
	for _, kn := range termNumbers(t) {
		if termLength(kn.key, kn.n) != 0 {
			return false
		}
	}
	return true
}

// written reports whether a number has a value in the file, valid or not: a
// value that is not a number is a schema finding, not a missing value.
func written(n Number) bool { return n.Set || !n.Pos.IsZero() }

// readable reports whether every written number of ns is a number, so a
// total computed from them is the file's total (else totals are not checked:
// the schema finding comes first).
func readable(ns []Number) bool {
	for _, n := range ns {
		if written(n) && !n.Set {
			return false
		}
	}
	return true
}

// scheduleComplete reports whether the schedule's totals can be checked:
// every job function gives the hours its approach needs, as numbers. When
// one does not, hours-missing or schema says so and the totals are unknown.
func scheduleComplete(p *Program) bool {
	for _, jf := range p.JobFunctions {
		switch p.Approach.Value {
		case TimeBased:
			if !jf.Hours.Set {
				return false
			}
		case Hybrid:
			if !jf.MinHours.Set || !jf.MaxHours.Set {
				return false
			}
		}
	}
	return true
}
