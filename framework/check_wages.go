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
	Summary: "wage steps whose percent, rate, hours or months do not increase, a percent outside (0, 100], a rate that is not positive, or a step that starts after the term ends",
	Why:     "29 CFR 29.5(b)(5): a progressively increasing schedule of wages.",
	Program: checkWages,
}

var ruleWageRate = Rule{
	ID: RuleWageRate, Severity: Warning,
	Summary: "wage steps are given in percent and wages has no journeyworker_rate, or a step gives a rate that is not its percent of journeyworker_rate",
	Why:     "29 CFR 29.5(b)(5) lets wages be a percentage of the journeyworker wage rate, so the schedule is valid; without journeyworker_rate no dollar amount can be computed, and the document shows percentages only. A step giving both a percent and a rate that disagree prints two different wages for the same step, and which one the apprentice is paid cannot be told.",
	Program: checkWageRate,
}

var ruleRatio = Rule{
	ID: RuleRatio, Severity: Error,
	Summary: "ratio with 0 (or fewer) apprentices or journeyworkers",
	Why:     "29 CFR 29.5(b)(7): the standards state a numeric ratio of apprentices to journeyworkers that ensures proper supervision; a ratio with no journeyworker supervises no one, and one with no apprentice trains no one.",
	Program: checkRatio,
}

var hundred = decimal.FromInt(100)

// stepWhens are the keys that say when a wage step applies; a step gives
// one of them, or none and a label.
var stepWhens = []string{"hours", "period", "months", "competencies"}

// checkWageStepKeys: each step has an amount (percent and/or rate) and one
// way of saying when it applies.
func checkWageStepKeys(c *checker) {
	if c.p.Wages == nil {
		return
	}
	for _, st := range c.p.Wages.Steps {
		if !written(st.Percent) && !written(st.Rate) {
			c.report(RuleSchema, st.Pos, "a wage step needs percent (of the journeyworker rate) or rate (dollars per hour), or both")
		}
		// A key left empty counts as absent, as everywhere in the format.
		given := map[string]bool{"hours": written(st.Hours), "period": st.Period != nil, "months": written(st.Months), "competencies": len(st.Competencies) > 0}
		var first string
		for _, k := range stepWhens {
			if !given[k] {
				continue
			}
			if first != "" {
				c.report(RuleSchema, st.KeyPos(k), "a wage step says once when it applies: one of hours, period, months or competencies, not both %s and %s", first, k)
				continue
			}
			first = k
		}
		if first == "" && !st.Label.Set {
			c.report(RuleSchema, st.Pos, "a wage step needs when it applies (hours, period, months or competencies) or a label naming it")
		}
	}
}

// checkWages: positive rates, percents up to 100, and each step higher than
// the one before.
func checkWages(c *checker) {
	w := c.p.Wages
	if w == nil {
		return
	}
	if w.JourneyworkerRate.Set && w.JourneyworkerRate.Dec.Sign() <= 0 {
		c.report(RuleWages, w.JourneyworkerRate.Pos, "journeyworker_rate is %s; it must be more than 0", w.JourneyworkerRate.Text)
	}
	most, termKnown := termMaxHours(c.p)
	var prev *WageStep
	for _, st := range w.Steps {
		// A step that starts after the term ends never applies: usually a
		// typo in its hours, or a term that was shortened.
		if termKnown && st.Hours.Set && st.Hours.Dec.Cmp(most) > 0 {
			c.report(RuleWages, st.Hours.Pos, "wage step at %s hours starts after the term's %s hours of on-the-job learning, so it never applies; a step must start within the term", st.Hours.Dec.Format(), most.Format())
		}
		if st.Percent.Set && (st.Percent.Dec.Cmp(hundred) > 0 || st.Percent.Dec.Sign() <= 0) {
			c.report(RuleWages, st.Percent.Pos, "wage step percent is %s; it must be more than 0 and at most 100 (percent of the journeyworker rate)", st.Percent.Text)
		}
		if st.Rate.Set && st.Rate.Dec.Sign() <= 0 {
			c.report(RuleWages, st.Rate.Pos, "wage step rate is %s; it must be more than 0 (dollars per hour)", st.Rate.Text)
		}
		if prev != nil {
			c.checkStepIncreases(w, prev, st)
		}
		prev = st
	}
}

// checkStepIncreases compares a step with the one before in what both
// give: percent with percent, rate with rate, and otherwise (a percent
// step next to a rate step) dollars, when the journeyworker rate turns the
// percent into dollars. Steps saying when they apply differently (a label,
// then months) are not compared in time: only the same measure orders.
func (c *checker) checkStepIncreases(w *Wages, prev, st *WageStep) {
	switch {
	case st.Percent.Set && prev.Percent.Set:
		if st.Percent.Dec.Cmp(prev.Percent.Dec) <= 0 {
			c.report(RuleWages, st.Percent.Pos, "wage step of %s%% does not increase on the step before (%s%%); steps must increase", st.Percent.Text, prev.Percent.Text)
		}
	case st.Rate.Set && prev.Rate.Set:
		if st.Rate.Dec.Cmp(prev.Rate.Dec) <= 0 {
			c.report(RuleWages, st.Rate.Pos, "wage step of %s does not increase on the step before (%s); steps must increase", st.Rate.Dec.Money(), prev.Rate.Dec.Money())
		}
	case w.JourneyworkerRate.Set && w.JourneyworkerRate.Dec.Sign() > 0:
		cur, before := stepDollars(w, st), stepDollars(w, prev)
		if cur != nil && before != nil && cur.Cmp(*before) <= 0 {
			at := st.Rate.Pos
			if !st.Rate.Set {
				at = st.Percent.Pos
			}
			c.report(RuleWages, at, "wage step of %s an hour does not increase on the step before (%s an hour); steps must increase", cur.Round(2).Money(), before.Round(2).Money())
		}
	}
	if st.Hours.Set && prev.Hours.Set && st.Hours.Dec.Cmp(prev.Hours.Dec) <= 0 {
		c.report(RuleWages, st.Hours.Pos, "wage step at %s hours does not come after the step before (%s hours); steps must increase", st.Hours.Text, prev.Hours.Text)
	}
	if st.Months.Set && prev.Months.Set && st.Months.Dec.Cmp(prev.Months.Dec) <= 0 {
		c.report(RuleWages, st.Months.Pos, "wage step after %s months does not come after the step before (%s months); steps must increase", st.Months.Text, prev.Months.Text)
	}
	if len(st.Competencies) > 0 && len(prev.Competencies) > 0 && !strictSuperset(st.Competencies, prev.Competencies) {
		c.report(RuleWages, st.KeyPos("competencies"), "wage step of %s must require every job function of the step before and more; steps must increase", stepAmount(st))
	}
}

// stepDollars returns a step's exact hourly rate: its rate, or its percent
// of the journeyworker rate (unrounded); nil when it has neither.
func stepDollars(w *Wages, st *WageStep) *decimal.Decimal {
	switch {
	case st.Rate.Set:
		return &st.Rate.Dec
	case st.Percent.Set:
		d := st.Percent.Dec.Mul(w.JourneyworkerRate.Dec).Div(hundred, 6)
		return &d
	}
	return nil
}

// stepAmount names a step by its amount as written: "60%" or "$24.60".
func stepAmount(st *WageStep) string {
	if st.Percent.Set {
		return st.Percent.Text + "%"
	}
	return st.Rate.Dec.Money()
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
// to take the percent of, and each step whose rate and percent disagree.
func checkWageRate(c *checker) {
	w := c.p.Wages
	if w == nil {
		return
	}
	if written(w.JourneyworkerRate) {
		checkRateMatchesPercent(c, w)
		return
	}
	for _, st := range w.Steps {
		if st.Percent.Set {
			c.report(RuleWageRate, st.Percent.Pos, "wage step of %s%% has no journeyworker_rate to take the percent of, so the document cannot show its hourly rate; add wages.journeyworker_rate", st.Percent.Text)
			return
		}
	}
}

// checkRateMatchesPercent: a step giving both percent and rate must give
// the rate the percent makes of the journeyworker rate, in cents (the
// cents the documents print). A percent or rate the wages rule refuses is
// not compared.
func checkRateMatchesPercent(c *checker, w *Wages) {
	jr := w.JourneyworkerRate.Dec
	if !w.JourneyworkerRate.Set || jr.Sign() <= 0 {
		return
	}
	for _, st := range w.Steps {
		if !st.Percent.Set || !st.Rate.Set || st.Percent.Dec.Sign() <= 0 || st.Percent.Dec.Cmp(hundred) > 0 || st.Rate.Dec.Sign() <= 0 {
			continue
		}
		want := st.Percent.Dec.Mul(jr).Div(hundred, 2)
		if got := st.Rate.Dec.Round(2); got.Cmp(want) != 0 {
			c.report(RuleWageRate, st.Rate.Pos, "wage step rate is %s, but its percent, %s%% of the journeyworker rate %s, is %s; give the rate %s, or only one of percent and rate", got.Money(), st.Percent.Text, jr.Money(), want.Money(), want.Money())
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
