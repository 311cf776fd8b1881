package framework

import "github.com/wpsgen/wpsgen/framework/decimal"

// RuleProbation is the id of the probation rule.
const RuleProbation = "probation"

var ruleProbation = Rule{
	ID: RuleProbation, Severity: Error,
	Summary: "probation longer than 25% of the term or longer than one year",
	Why:     "29 CFR 29.5(b)(8): probation at most 25% of the term or one year, whichever is shorter.",
	Program: checkProbation,
}

// probationNumber returns the probation's one number (hours or months) when
// it is written as exactly one number; the schema rule reports the rest.
func probationNumber(pr *Probation) (Number, bool) {
	if pr == nil || written(pr.Hours) == written(pr.Months) {
		return Number{}, false
	}
	if pr.Months.Set {
		return pr.Months, true
	}
	return pr.Hours, pr.Hours.Set
}

func checkProbationKeys(c *checker) {
	if pr := c.p.Probation; pr != nil && written(pr.Hours) == written(pr.Months) {
		c.report(RuleSchema, pr.Pos, "probation takes hours or months (one of them)")
	}
}

func checkProbationNegative(c *checker) {
	if n, ok := probationNumber(c.p.Probation); ok && n.Dec.Sign() < 0 {
		c.report(RuleHoursRange, n.Pos, "probation cannot be negative (%s)", n.Text)
	}
}

// checkProbation: at most one year, and at most 25% of the term. Hours
// and months are compared in twelfths of an hour (a month is 2,000/12
// hours), so the comparison is exact.
func checkProbation(c *checker) {
	p := c.p
	pr := p.Probation
	n, ok := probationNumber(pr)
	if !ok || n.Dec.Sign() < 0 {
		return
	}
	probTw := n.Dec.Mul(decTwelve)
	if pr.Months.Set {
		probTw = n.Dec.Mul(decHoursPerYear)
	}
	if probTw.Cmp(decHoursPerYear.Mul(decTwelve)) > 0 {
		c.report(RuleProbation, n.Pos, "probation of %s is longer than one year (2,000 hours or 12 months), the most 29 CFR 29.5(b)(8) allows", probationText(pr))
		return
	}
	termTw, ok := termTwelfths(p)
	if !ok || termTw.Sign() <= 0 || !termInRange(p.Term) {
		return
	}
	if probTw.Mul(decimal.FromInt(4)).Cmp(termTw) > 0 {
		c.report(RuleProbation, n.Pos, "probation of %s is more than 25%% of the term (%s); at most %s", probationText(pr), termText(p, termTw), quarterText(pr, termTw))
	}
}

func probationText(pr *Probation) string {
	if pr.Months.Set {
		return pr.Months.Text + " months"
	}
	return pr.Hours.Text + " hours"
}

// termText prints the term a probation is compared with: months for a
// competency-based term, else hours. tw is in twelfths of an hour.
func termText(p *Program, tw decimal.Decimal) string {
	if p.Approach.Value == CompetencyBased {
		return termMonths(p.Term).String() + " months"
	}
	return tw.Div(decTwelve, 4).String() + " hours"
}

// quarterText prints 25% of the term in the probation's unit.
func quarterText(pr *Probation, tw decimal.Decimal) string {
	if pr.Months.Set {
		return tw.Div(decimal.FromInt(4*HoursPerYear), 4).String() + " months"
	}
	return tw.Div(decimal.FromInt(4*12), 4).String() + " hours"
}
