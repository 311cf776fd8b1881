package framework

import "github.com/wpsgen/wpsgen/framework/decimal"

// Rules about the related technical instruction plan.

// Rule ids of this file.
const (
	RuleRTITotal    = "rti-total"
	RuleRTIHours    = "rti-hours"
	RuleRTICoverage = "rti-coverage"
	RuleCourseYear  = "course-year"
)

var ruleRTITotal = Rule{
	ID: RuleRTITotal, Severity: Error,
	Summary: "rti.total_hours is stated and differs from the sum of course hours",
	Why:     "Totals are computed, never typed.",
	Program: checkRTITotal,
}

var ruleRTIHours = Rule{
	ID: RuleRTIHours, Severity: Warning,
	Summary: "RTI hours below 144 per year of term",
	Why:     "29 CFR 29.5(b)(4): at least 144 hours of related instruction per year is recommended.",
	Program: checkRTIHours,
}

var ruleRTICoverage = Rule{
	ID: RuleRTICoverage, Severity: Warning,
	Summary: "courses use covers, and a competency delivered by rti is covered by no course",
	Why:     "Every competency taught by related instruction should be taught by some course.",
	Program: checkRTICoverage,
}

var ruleCourseYear = Rule{
	ID: RuleCourseYear, Severity: Warning,
	Summary: "a course's year is after the last year of the term",
	Why:     "The RTI plan groups courses by year of the term (2,000 hours of on-the-job learning, or 12 months, each); a course placed after the term ends is usually a typo, though an apprentice who works part time may take longer than the term's years.",
	Program: checkCourseYear,
}

// courseHours returns the courses' hours, and whether every one written is
// a number, so their sum is the plan's total (else the schema finding
// comes first and totals are not checked).
func courseHours(rti *RTIPlan) ([]Number, bool) {
	hours := make([]Number, 0, len(rti.Courses))
	for _, course := range rti.Courses {
		hours = append(hours, course.Hours)
	}
	return hours, readable(hours)
}

func checkCourseHours(c *checker) {
	if c.p.RTI == nil {
		return
	}
	for _, course := range c.p.RTI.Courses {
		if course.Hours.Set && course.Hours.Dec.Sign() <= 0 {
			c.report(RuleHoursRange, course.Hours.Pos, "course %q has %s hours; a course needs more than 0 hours", course.Title.Value, course.Hours.Text)
		}
	}
}

// wholeYear reports whether a course year is a whole number from 1 (Dec
// keeps no trailing fractional zeros, so 2.0 is whole).
func wholeYear(y Number) bool { return y.Dec.Scale() == 0 && y.Dec.Sign() > 0 }

func checkCourseYearWhole(c *checker) {
	if c.p.RTI == nil {
		return
	}
	for _, course := range c.p.RTI.Courses {
		if y := course.Year; y.Set && !wholeYear(y) {
			c.report(RuleSchema, y.Pos, "year must be a whole number from 1 (the year or level of the course), found %s", y.Text)
		}
	}
}

func checkCourseYear(c *checker) {
	if c.p.RTI == nil {
		return
	}
	years, ok := TermYears(c.p)
	if !ok {
		return
	}
	for _, course := range c.p.RTI.Courses {
		if y := course.Year; y.Set && wholeYear(y) && y.Dec.Cmp(decimal.FromInt(int64(years))) > 0 {
			c.report(RuleCourseYear, y.Pos, "course %q is in year %s, but the term has %d year(s); put it in a year of the term", course.Title.Value, y.Text, years)
		}
	}
}

func checkRTITotal(c *checker) {
	rti := c.p.RTI
	if rti == nil || !rti.TotalHours.Set {
		return
	}
	hours, ok := courseHours(rti)
	if !ok {
		return
	}
	if total := sumNumbers(hours); rti.TotalHours.Dec.Cmp(total) != 0 {
		c.report(RuleRTITotal, rti.TotalHours.Pos, "rti.total_hours is %s but the courses' hours add up to %s; make them agree", rti.TotalHours.Text, total)
	}
}

func checkRTIHours(c *checker) {
	p := c.p
	rti := p.RTI
	var total decimal.Decimal
	if rti != nil {
		hours, ok := courseHours(rti)
		if !ok {
			return
		}
		total = sumNumbers(hours)
	}
	years, ok := TermYears(p)
	if !ok {
		return
	}
	want := decimal.FromInt(int64(RTIHoursPerYear * years))
	if total.Cmp(want) >= 0 {
		return
	}
	pos := p.Pos
	if rti != nil {
		pos = rti.Pos
		if rti.TotalHours.Set {
			pos = rti.TotalHours.Pos
		}
	}
	c.report(RuleRTIHours, pos, "related instruction totals %s hours over %d year(s) of term; at least %d hours per year (%s in all) is recommended", total, years, RTIHoursPerYear, want)
}

// checkRTICoverage: when courses say what they cover, every competency
// delivered by rti should be covered by one.
func checkRTICoverage(c *checker) {
	s, rti := c.s, c.p.RTI
	if rti == nil || s.Framework == nil {
		return
	}
	refs, _ := scheduleRefs(s)
	covered := map[string]bool{}
	usesCovers := false
	for _, course := range rti.Courses {
		for _, r := range course.Covers {
			usesCovers = true
			if _, ok := refs[r.Value]; r.Set && ok {
				covered[r.Value] = true
			}
		}
	}
	if !usesCovers {
		return
	}
	for _, item := range s.Items {
		for _, sc := range item.Competencies {
			if ref := item.Ref(sc); sc.RTI && !covered[ref] {
				c.report(RuleRTICoverage, sc.Src.ID.Pos, "competency %s is delivered by rti but no course covers it; add %q to a course's covers", ref, ref)
			}
		}
	}
}
