package framework

import "github.com/wpsgen/wpsgen/framework/decimal"

// Rules about pay and supervision: the wage schedule and the ratio.

// Rule ids of this file.
const (
	RuleWages    = "wages"
	RuleWageRate = "wage-rate"
	RuleRatio    = "ratio"
)

var ruleWages = Rule{
	ID: RuleWages, Severity: Error,
	Summary: "wage steps not strictly increasing, a percent above 100, or a rate that is not positive",
	Why:     "29 CFR 29.5(b)(5): a progressively increasing schedule of wages.",
	Program: checkWages,
}

var ruleWageRate = Rule{
	ID: RuleWageRate, Severity: Warning,
	Summary: "wage steps are given in percent and wages has no journeyworker_rate",
	Why:     "29 CFR 29.5(b)(5) lets wages be a percentage of the journeyworker wage rate, so the schedule is valid; without journeyworker_rate no dollar amount can be computed, and the document shows percentages only.",
	Program: checkWageRate,
}

var ruleRatio = Rule{
	ID: RuleRatio, Severity: Error,
	Summary: "ratio with 0 (or fewer) apprentices or journeyworkers",
	Why:     "29 CFR 29.5(b)(7): the standards state a numeric ratio of apprentices to journeyworkers that ensures proper supervision; a ratio with no journeyworker supervises no one, and one with no apprentice trains no one.",
	Program: checkRatio,
}

var hundred = decimal.FromInt(100)

// checkWages: a positive rate, percents up to 100, strictly increasing steps.
func checkWages(c *checker) {
	w := c.p.Wages
	if w == nil {
		return
	}
	if w.JourneyworkerRate.Set && w.JourneyworkerRate.Dec.Sign() <= 0 {
		c.report(RuleWages, w.JourneyworkerRate.Pos, "journeyworker_rate is %s; it must be more than 0", w.JourneyworkerRate.Text)
	}
	var prev *WageStep
	for _, st := range w.Steps {
		if st.Percent.Set && (st.Percent.Dec.Cmp(hundred) > 0 || st.Percent.Dec.Sign() <= 0) {
			c.report(RuleWages, st.Percent.Pos, "wage step percent is %s; it must be more than 0 and at most 100 (percent of the journeyworker rate)", st.Percent.Text)
		}
		if hasHours, hasComps := st.Has("hours"), st.Has("competencies"); hasHours == hasComps {
			c.report(RuleWages, st.Pos, "a wage step takes hours (after how many hours it applies) or competencies (the job functions that earn it), one of them")
		}
		if prev != nil {
			if st.Percent.Set && prev.Percent.Set && st.Percent.Dec.Cmp(prev.Percent.Dec) <= 0 {
				c.report(RuleWages, st.Percent.Pos, "wage step of %s%% does not increase on the step before (%s%%); steps must increase", st.Percent.Text, prev.Percent.Text)
			}
			if st.Hours.Set && prev.Hours.Set && st.Hours.Dec.Cmp(prev.Hours.Dec) <= 0 {
				c.report(RuleWages, st.Hours.Pos, "wage step at %s hours does not come after the step before (%s hours); steps must increase", st.Hours.Text, prev.Hours.Text)
			}
			if len(st.Competencies) > 0 && len(prev.Competencies) > 0 && !strictSuperset(st.Competencies, prev.Competencies) {
				c.report(RuleWages, st.KeyPos("competencies"), "wage step of %s%% must require every job function of the step before and more; steps must increase", st.Percent.Text)
			}
		}
		prev = st
	}
}

// strictSuperset reports whether a names every id of b and at least one more.
func strictSuperset(a, b []String) bool {
	has := map[string]bool{}
	for _, x := range a {
		has[x.Value] = true
	}
	for _, x := range b {
		if !has[x.Value] {
			return false
		}
		delete(has, x.Value)
	}
	return len(has) > 0
}

// checkWageRate reports, once, percent steps without a journeyworker rate
// to take the percent of.
func checkWageRate(c *checker) {
	w := c.p.Wages
	if w == nil || written(w.JourneyworkerRate) {
		return
	}
	for _, st := range w.Steps {
		if st.Percent.Set {
			c.report(RuleWageRate, st.Percent.Pos, "wage step of %s%% has no journeyworker_rate to take the percent of, so the document cannot show its hourly rate; add wages.journeyworker_rate", st.Percent.Text)
			return
		}
	}
}

func checkRatio(c *checker) {
	r := c.p.Ratio
	if r == nil {
		return
	}
	for _, side := range []struct {
		n    Number
		name string
	}{{r.Apprentices, "apprentices"}, {r.Journeyworkers, "journeyworkers"}} {
		if side.n.Set && side.n.Dec.Sign() <= 0 {
			c.report(RuleRatio, side.n.Pos, "ratio.%s is %s; a ratio needs at least one apprentice and one journeyworker", side.name, side.n.Text)
		}
	}
}
