package framework

import "slices"

// Rules about the hours of each job function, and the hours and ranges
// every other part of a file states.

// Rule ids of this file.
const (
	RuleHoursMissing = "hours-missing"
	RuleHoursRange   = "hours-range"
)

var ruleHoursMissing = Rule{
	ID: RuleHoursMissing, Severity: Error,
	Summary: "time-based: a job function without hours; hybrid: without min_hours/max_hours",
	Why:     "29 CFR 29.5(b)(2): the work process schedule gives the approximate time spent in each work process.",
	Program: checkHoursMissing,
}

var ruleHoursRange = Rule{
	ID: RuleHoursRange, Severity: Error,
	Summary:   "negative hours (or months, weeks, days); min_hours > max_hours; a course with zero or negative hours",
	Why:       "Hours are non-negative; a range runs from its minimum to its maximum.",
	Framework: checkFrameworkHours,
	Program:   all(checkJobFunctionHours, checkTermNegative, checkProbationNegative, checkWageStepHours, checkInterimHours, checkCourseHours),
}

// scheduleJobFunctions returns the program's job functions that have an id:
// one without is a schema finding, and nothing can name it.
func scheduleJobFunctions(p *Program) []*ProgramJobFunction {
	var out []*ProgramJobFunction
	for _, jf := range p.JobFunctions {
		if jf.ID.Set {
			out = append(out, jf)
		}
	}
	return out
}

func checkHoursMissing(c *checker) {
	for _, jf := range scheduleJobFunctions(c.p) {
		id := jf.ID.Value
		switch c.p.Approach.Value {
		case TimeBased:
			if !written(jf.Hours) {
				pos := jf.ID.Pos
				if jf.Has("hours") {
					pos = jf.KeyPos("hours") // the empty key left to fill in
				}
				c.report(RuleHoursMissing, pos, "job function %s has no hours; a time-based schedule gives the approximate hours of each work process", id)
			}
		case Hybrid:
			if !written(jf.MinHours) || !written(jf.MaxHours) {
				pos := jf.ID.Pos
				if k := map[bool]string{true: "max_hours", false: "min_hours"}[written(jf.MinHours)]; jf.Has(k) {
					pos = jf.KeyPos(k) // the empty key left to fill in
				}
				c.report(RuleHoursMissing, pos, "job function %s needs min_hours and max_hours; a hybrid schedule gives a range of hours for each work process", id)
			}
		}
	}
}

func checkJobFunctionHours(c *checker) {
	for _, jf := range scheduleJobFunctions(c.p) {
		id := jf.ID.Value
		for _, n := range []Number{jf.Hours, jf.MinHours, jf.MaxHours} {
			if n.Set && n.Dec.Sign() < 0 {
				c.report(RuleHoursRange, n.Pos, "hours of job function %s are %s; hours cannot be negative", id, n.Text)
			}
		}
		if c.p.Approach.Value == Hybrid && jf.MinHours.Set && jf.MaxHours.Set && jf.MinHours.Dec.Cmp(jf.MaxHours.Dec) > 0 {
			c.report(RuleHoursRange, jf.MinHours.Pos, "job function %s: min_hours %s is more than max_hours %s", id, jf.MinHours.Text, jf.MaxHours.Text)
		}
	}
}

// hoursKeys are the job function hours keys each approach takes.
var hoursKeys = map[string]struct {
	keys []string
	text string
}{
	TimeBased:       {[]string{"hours"}, "hours"},
	Hybrid:          {[]string{"min_hours", "max_hours"}, "min_hours and max_hours"},
	CompetencyBased: {nil, "no hours"},
}

// checkHoursKeysApply reports hours keys that do not belong to the approach: they
// would not be printed, and a user who wrote them expects them to count.
func checkHoursKeysApply(c *checker) {
	approach := c.p.Approach.Value
	want, ok := hoursKeys[approach]
	if !ok {
		return
	}
	for _, jf := range scheduleJobFunctions(c.p) {
		for _, k := range []string{"hours", "min_hours", "max_hours"} {
			if jf.Has(k) && !slices.Contains(want.keys, k) {
				c.report(RuleSchema, jf.KeyPos(k), "%s does not apply to a %s program (job functions there take %s)", k, approach, want.text)
			}
		}
	}
}

func checkWageStepHours(c *checker) {
	if c.p.Wages == nil {
		return
	}
	for _, st := range c.p.Wages.Steps {
		if st.Hours.Set && st.Hours.Dec.Sign() < 0 {
			c.report(RuleHoursRange, st.Hours.Pos, "wage step hours are %s; hours cannot be negative", st.Hours.Text)
		}
		if st.Months.Set && st.Months.Dec.Sign() < 0 {
			c.report(RuleHoursRange, st.Months.Pos, "wage step months are %s; months cannot be negative", st.Months.Text)
		}
		if pd := st.Period; pd != nil {
			c.checkNonNegative(pd.MinHours, "period.min_hours of a wage step")
			c.checkNonNegative(pd.MaxHours, "period.max_hours of a wage step")
			if pd.MinHours.Set && pd.MaxHours.Set && pd.MinHours.Dec.Cmp(pd.MaxHours.Dec) > 0 {
				c.report(RuleHoursRange, pd.MinHours.Pos, "wage step period: min_hours %s is more than max_hours %s; swap them", pd.MinHours.Text, pd.MaxHours.Text)
			}
		}
	}
}

func checkInterimHours(c *checker) {
	for _, ic := range c.p.InterimCredentials {
		c.checkNonNegative(ic.AfterHours, "after_hours of an interim credential")
		c.checkNonNegative(ic.AfterRTIHours, "after_rti_hours of an interim credential")
	}
}

func checkFrameworkHours(c *checker) {
	for _, course := range c.fw.Courses {
		c.checkRange(course.Hours, "course hours", true)
	}
	if b := c.fw.BenchmarkHours; b != nil {
		c.checkNonNegative(b.TimeBased, "benchmark_hours.time_based")
		c.checkNonNegative(b.CompetencyBased, "benchmark_hours.competency_based")
		c.checkRange(b.Hybrid, "benchmark_hours.hybrid", false)
	}
}

func (c *checker) checkNonNegative(n Number, what string) {
	if n.Set && n.Dec.Sign() < 0 {
		c.report(RuleHoursRange, n.Pos, "%s is %s; hours cannot be negative", what, n.Text)
	}
}

// checkRange checks a number-or-{min, max} value; positive requires > 0.
func (c *checker) checkRange(r Range, what string, positive bool) {
	if !r.Set {
		return
	}
	for _, n := range []Number{r.Value, r.Min, r.Max} {
		if !n.Set {
			continue
		}
		if n.Dec.Sign() < 0 || (positive && n.Dec.Sign() == 0) {
			c.report(RuleHoursRange, n.Pos, "%s is %s; it must be more than 0", what, n.Text)
			return
		}
	}
	if r.Min.Set && r.Max.Set && r.Min.Dec.Cmp(r.Max.Dec) > 0 {
		c.report(RuleHoursRange, r.Min.Pos, "%s: min %s is more than max %s; swap them", what, r.Min.Text, r.Max.Text)
	}
}
