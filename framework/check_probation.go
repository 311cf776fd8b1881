package framework

import "github.com/wpsgen/wpsgen/framework/decimal"

// RuleProbation is the id of the probation rule.
const RuleProbation = "probation"

var ruleProbation = Rule{
	ID: RuleProbation, Severity: Error,
	Summary: "probation longer than 25% of the term or longer than one year (2,000 hours, 12 months, 52 weeks or 365 days)",
	Why:     "29 CFR 29.5(b)(8): probation at most 25% of the term or one year, whichever is shorter.",
	Program: checkProbation,
}

// probationUnits are the units a probation may be stated in, in the order
// of the format reference, with how many of them make a year: the year of
// on-the-job learning (2,000 hours) for hours, the calendar for the others.
var probationUnits = []struct {
	key     string
	perYear decimal.Decimal
}{
	{"hours", decHoursPerYear},
	{"months", decTwelve},
	{"weeks", decimal.FromInt(52)},
	{"days", decimal.FromInt(365)},
}

func probationNumbers(pr *Probation) []Number {
	return []Number{pr.Hours, pr.Months, pr.Weeks, pr.Days}
}

// probationNumber returns the probation's one number, its unit's index in
// probationUnits, and whether it is written as exactly one number; the
// schema rule reports the rest.
func probationNumber(pr *Probation) (Number, int, bool) {
	if pr == nil {
		return Number{}, 0, false
	}
	found, at := 0, -1
	for i, n := range probationNumbers(pr) {
		if written(n) {
			found, at = found+1, i
		}
	}
	if found != 1 {
		return Number{}, 0, false
	}
	n := probationNumbers(pr)[at]
	return n, at, n.Set
}

// checkProbationKeys: exactly one unit. Two units would be two periods, and
// no document could say which one applies.
func checkProbationKeys(c *checker) {
	pr := c.p.Probation
	if pr == nil {
		return
	}
	var first string
	empty := false
	for i, n := range probationNumbers(pr) {
		key := probationUnits[i].key
		switch {
		case !written(n) && pr.Has(key):
			c.report(RuleSchema, pr.KeyPos(key), "probation.%s needs a value", key)
			empty = true
		case !written(n):
		case first != "":
			c.report(RuleSchema, pr.KeyPos(key), "probation takes one of hours, months, weeks or days, not both %s and %s", first, key)
		default:
			first = key
		}
	}
	if first == "" && !empty {
		c.report(RuleSchema, pr.Pos, "probation needs its length: one of hours, months, weeks or days")
	}
}

func checkProbationNegative(c *checker) {
	if n, unit, ok := probationNumber(c.p.Probation); ok && n.Dec.Sign() < 0 {
		c.report(RuleHoursRange, n.Pos, "probation cannot be negative (%s)", probationText(n, unit))
	}
}

// checkProbation: at most one year, and at most 25% of the term. The
// probation is compared as a fraction of a year (its number over its
// unit's per-year count) with the term in twelfths of an hour (a year is
// 24,000 of them), cross-multiplied, so every unit compares exactly.
func checkProbation(c *checker) {
	p := c.p
	pr := p.Probation
	n, unit, ok := probationNumber(pr)
	if !ok || n.Dec.Sign() < 0 {
		return
	}
	perYear := probationUnits[unit].perYear
	if n.Dec.Cmp(perYear) > 0 {
		c.report(RuleProbation, n.Pos, "probation of %s is longer than one year (2,000 hours, 12 months, 52 weeks or 365 days), the most 29 CFR 29.5(b)(8) allows", probationText(n, unit))
		return
	}
	termTw, ok := termTwelfths(p)
	if !ok || termTw.Sign() <= 0 || !termInRange(p.Term) {
		return
	}
	yearTw := decHoursPerYear.Mul(decTwelve)
	if n.Dec.Mul(yearTw).Mul(decimal.FromInt(4)).Cmp(termTw.Mul(perYear)) > 0 {
		quarter := termTw.Mul(perYear).Div(yearTw.Mul(decimal.FromInt(4)), 4)
		c.report(RuleProbation, n.Pos, "probation of %s is more than 25%% of the term (%s); at most %s", probationText(n, unit), termText(p, termTw), unitText(quarter.String(), unit))
	}
}

// ProbationText says a probation as the documents print it ("12 weeks",
// "1,500 hours"), or "" when it is not written as exactly one number.
func ProbationText(pr *Probation) string {
	n, unit, ok := probationNumber(pr)
	if !ok {
		return ""
	}
	return unitText(n.Dec.Format(), unit)
}

func probationText(n Number, unit int) string { return unitText(n.Text, unit) }

// unitText writes a number with its unit, singular for exactly 1.
func unitText(num string, unit int) string {
	key := probationUnits[unit].key
	if num == "1" {
		key = key[:len(key)-1]
	}
	return num + " " + key
}

// termText prints the term a probation is compared with: months for a
// competency-based term in months or years, else hours. tw is in twelfths
// of an hour.
func termText(p *Program, tw decimal.Decimal) string {
	if t := p.Term; p.Approach.Value == CompetencyBased && (t.Months.Set || t.Years.Set) {
		return termMonths(t).String() + " months"
	}
	return tw.Div(decTwelve, 4).String() + " hours"
}
