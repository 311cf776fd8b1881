package framework

import (
	"slices"

	"github.com/wpsgen/wpsgen/framework/decimal"
)

// Rules about the stated term: present, consistent with the schedule, long
// enough, and a plausible length at all.

// Rule ids of this file.
const (
	RuleTermMismatch   = "term-mismatch"
	RuleTermMissing    = "term-missing"
	RuleTermRange      = "term-range"
	RuleOJLMinimum     = "ojl-minimum"
	RuleBenchmarkHours = "benchmark-hours"
	RuleCompetencyTerm = "competency-term"
)

var ruleTermMismatch = Rule{
	ID: RuleTermMismatch, Severity: Error,
	Summary: "the stated term disagrees with the schedule's total",
	Why:     "Totals are computed, never typed: a DOL-certified hybrid schedule states 7,920-8,920 hours while its table totals 7,920-9,380.",
	Program: checkTermMismatch,
}

var ruleTermMissing = Rule{
	ID: RuleTermMissing, Severity: Error,
	Summary: "term lacks the field its approach needs (hours; min_hours and max_hours; months, years or hours)",
	Why:     "29 CFR 29.5(b)(2): the standards state the term of apprenticeship.",
	Program: checkTermMissing,
}

var ruleTermRange = Rule{
	ID: RuleTermRange, Severity: Error,
	Summary: "a term longer than 20 years (40,000 hours, 240 months) or shorter than one week (40 hours)",
	Why:     "A term of apprenticeship is at least 2,000 hours of on-the-job learning (29 CFR 29.4) and runs a few years; a term over 20 years or under a week is a mistyped number (a misplaced decimal point or exponent), and every total and per-year figure computed from it would be wrong.",
	Program: checkTermRange,
}

var ruleOJLMinimum = Rule{
	ID: RuleOJLMinimum, Severity: Error,
	Summary: "time-based total below 2,000 hours; hybrid sum of minimums below 2,000 hours",
	Why:     "29 CFR 29.4: at least 2,000 hours of on-the-job learning.",
	Program: checkOJLMinimum,
}

var ruleBenchmarkHours = Rule{
	ID: RuleBenchmarkHours, Severity: Warning,
	Summary: "the OJL total is below the framework's benchmark_hours for the approach",
	Why:     "The framework records DOL's hours for the occupation.",
	Program: checkBenchmark,
}

var ruleCompetencyTerm = Rule{
	ID: RuleCompetencyTerm, Severity: Warning,
	Summary: "competency-based term shorter than 12 months",
	Why:     "DOL policy: a competency-based program has an on-the-job component of at least 12 months.",
	Program: checkCompetencyTerm,
}

// termKeys are the term keys each approach takes.
var termKeys = map[string][]string{
	TimeBased:       {"hours"},
	Hybrid:          {"min_hours", "max_hours"},
	CompetencyBased: {"months", "years", "hours"},
}

var termKeysText = map[string]string{TimeBased: "hours", Hybrid: "min_hours and max_hours", CompetencyBased: "months, years or hours"}

// checkTermKeysApply reports term keys of another approach (they would be
// silently ignored) and a competency-based term given twice.
func checkTermKeysApply(c *checker) {
	p := c.p
	t := p.Term
	want, ok := termKeys[p.Approach.Value]
	if !ok {
		return
	}
	for _, k := range []string{"hours", "min_hours", "max_hours", "months", "years"} {
		if t.Has(k) && !slices.Contains(want, k) {
			c.report(RuleSchema, t.KeyPos(k), "term.%s does not apply to a %s program (its term takes %s)", k, p.Approach.Value, termKeysText[p.Approach.Value])
		}
	}
	if p.Approach.Value == CompetencyBased && t.Has("months") && t.Has("years") {
		c.report(RuleSchema, t.KeyPos("years"), "the term takes months or years, not both")
	}
}

func checkTermMissing(c *checker) {
	t := c.p.Term
	switch c.p.Approach.Value {
	case TimeBased:
		if !written(t.Hours) {
			c.report(RuleTermMissing, t.Pos, "a time-based term needs hours (the total on-the-job learning hours)")
		}
	case Hybrid:
		if !written(t.MinHours) || !written(t.MaxHours) {
			c.report(RuleTermMissing, t.Pos, "a hybrid term needs min_hours and max_hours")
		}
	case CompetencyBased:
		if !written(t.Months) && !written(t.Years) && !written(t.Hours) {
			c.report(RuleTermMissing, t.Pos, "a competency-based term needs months or years (or the hours the standards state)")
		}
	}
}

func checkTermMismatch(c *checker) {
	p := c.p
	t := p.Term
	if !scheduleComplete(p) {
		return
	}
	hours, lo, hi := ScheduleTotals(p)
	mismatch := func(n Number, key, what string, total decimal.Decimal) {
		if n.Set && n.Dec.Cmp(total) != 0 {
			c.report(RuleTermMismatch, n.Pos, "term.%s is %s but the job functions' %s add up to %s; make them agree", key, n.Text, what, total)
		}
	}
	switch p.Approach.Value {
	case TimeBased:
		mismatch(t.Hours, "hours", "hours", hours)
	case Hybrid:
		mismatch(t.MinHours, "min_hours", "min_hours", lo)
		mismatch(t.MaxHours, "max_hours", "max_hours", hi)
	}
}

func checkOJLMinimum(c *checker) {
	p := c.p
	if !scheduleComplete(p) {
		return
	}
	hours, lo, _ := ScheduleTotals(p)
	minimum := decimal.FromInt(MinOJLHours)
	switch p.Approach.Value {
	case TimeBased:
		if hours.Cmp(minimum) < 0 {
			c.report(RuleOJLMinimum, p.KeyPos("job_functions"), "the schedule totals %s hours of on-the-job learning; a time-based program needs at least %d", hours, MinOJLHours)
		}
	case Hybrid:
		if lo.Cmp(minimum) < 0 {
			c.report(RuleOJLMinimum, p.KeyPos("job_functions"), "the job functions' min_hours total %s; a hybrid program needs at least %d hours of on-the-job learning", lo, MinOJLHours)
		}
	}
}

// checkTermNegative reports a negative term and a hybrid term whose minimum
// is above its maximum.
func checkTermNegative(c *checker) {
	t := c.p.Term
	for _, kn := range termNumbers(t) {
		if kn.n.Set && kn.n.Dec.Sign() < 0 {
			c.report(RuleHoursRange, kn.n.Pos, "the term cannot be negative (%s)", kn.n.Text)
		}
	}
	if c.p.Approach.Value == Hybrid && t.MinHours.Set && t.MaxHours.Set && t.MinHours.Dec.Cmp(t.MaxHours.Dec) > 0 {
		c.report(RuleHoursRange, t.MinHours.Pos, "term.min_hours %s is more than term.max_hours %s", t.MinHours.Text, t.MaxHours.Text)
	}
}

var termRangeText = map[string][2]string{
	"hours":     {"40,000 hours", " (40 hours)"},
	"min_hours": {"40,000 hours", " (40 hours)"},
	"max_hours": {"40,000 hours", " (40 hours)"},
	"months":    {"240 months", ""},
	"years":     {"20 years", ""},
}

func checkTermRange(c *checker) {
	for _, kn := range termNumbers(c.p.Term) {
		switch termLength(kn.key, kn.n) {
		case 1:
			c.report(RuleTermRange, kn.n.Pos, "term.%s is %s, more than %d years (%s); a term that long is a mistyped number: check it", kn.key, kn.n.Text, MaxTermYears, termRangeText[kn.key][0])
		case -1:
			c.report(RuleTermRange, kn.n.Pos, "term.%s is %s, less than one week%s; a term that short is a mistyped number: check it", kn.key, kn.n.Text, termRangeText[kn.key][1])
		}
	}
}

func checkCompetencyTerm(c *checker) {
	t := c.p.Term
	if c.p.Approach.Value != CompetencyBased || !(t.Months.Set || t.Years.Set || t.Hours.Set) || !termInRange(t) {
		return
	}
	// Compared in twelfths of an hour (months × 2,000 = hours × 12): exact
	// for a term in hours too.
	if tw, _ := termTwelfths(c.p); tw.Cmp(decimal.FromInt(MinCompetencyMonths*HoursPerYear)) < 0 {
		m := termMonths(t)
		pos, what := t.Months.Pos, m.String()+" months"
		switch {
		case t.Months.Set:
		case t.Years.Set:
			pos = t.Years.Pos
		default:
			pos, what = t.Hours.Pos, t.Hours.Text+" hours ("+m.Round(2).String()+" months at 2,000 hours a year)"
		}
		c.report(RuleCompetencyTerm, pos, "the term is %s; a competency-based program should have an on-the-job learning component of at least %d months", what, MinCompetencyMonths)
	}
}

// checkBenchmark warns when the OJL total is below the framework's
// benchmark hours for the program's approach.
func checkBenchmark(c *checker) {
	p, fw := c.p, c.res
	if fw == nil || fw.BenchmarkHours == nil || !scheduleComplete(p) {
		return
	}
	b := fw.BenchmarkHours
	hours, lo, _ := ScheduleTotals(p)
	var total decimal.Decimal
	var bench Number
	below := false
	switch p.Approach.Value {
	case TimeBased:
		total, bench = hours, b.TimeBased
		below = bench.Set && total.Cmp(bench.Dec) < 0
	case Hybrid:
		total, bench = lo, b.Hybrid.Low()
		below = bench.Set && total.Cmp(bench.Dec) < 0
	case CompetencyBased:
		tw, ok := termTwelfths(p)
		if !ok || !termInRange(p.Term) {
			return
		}
		// Compared exactly in twelfths of an hour; the total is rounded for print only.
		total, bench = tw.Div(decTwelve, 2), b.CompetencyBased
		below = bench.Set && tw.Cmp(bench.Dec.Mul(decTwelve)) < 0
	}
	if below {
		c.report(RuleBenchmarkHours, p.KeyPos("term"), "the program's on-the-job learning (%s hours) is below the framework's benchmark of %s hours for a %s program", total, bench.Text, p.Approach.Value)
	}
}
