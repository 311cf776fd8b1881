package framework

// checkFramework runs the rules that apply to a framework file on its own
// and against its resolved base (nil when it extends nothing).
func (c *checker) checkFramework(fw *Framework, base *Resolved) {
	c.checkSlug(fw.ID, "framework id")
	c.checkONET(fw.ONET, fw.Title)
	c.checkRAPIDS(fw.RAPIDS)
	c.checkPrintable(fw)

	c.checkJobFunctions(fw.JobFunctions)
	var specIDs []String
	all := fw.JobFunctions
	for _, s := range fw.Specializations {
		specIDs = append(specIDs, s.ID)
		c.checkSlug(s.ID, "specialization id")
		c.checkJobFunctions(s.JobFunctions)
		all = append(all, s.JobFunctions...)
	}
	c.checkDuplicates(specIDs, "specialization id", "")
	// Job function ids are unique across the base and every specialization:
	// a program names them without saying where they come from.
	c.checkDuplicates(jobFunctionIDs(all), "job function id", "")

	for _, course := range fw.Courses {
		c.checkRange(course.Hours, "course hours", true)
	}
	if b := fw.BenchmarkHours; b != nil {
		c.checkNonNegative(b.TimeBased, "benchmark_hours.time_based")
		c.checkNonNegative(b.CompetencyBased, "benchmark_hours.competency_based")
		c.checkRange(b.Hybrid, "benchmark_hours.hybrid", false)
	}
	if base != nil {
		c.checkExtends(fw, base)
	}
}

func jobFunctionIDs(jfs []*JobFunction) []String {
	ids := make([]String, 0, len(jfs))
	for _, jf := range jfs {
		ids = append(ids, jf.ID)
	}
	return ids
}

// checkJobFunctions checks ids and letters within a list of job functions.
func (c *checker) checkJobFunctions(jfs []*JobFunction) {
	for _, jf := range jfs {
		c.checkJobFunctionID(jf.ID)
		letters := make([]String, 0, len(jf.Competencies))
		for _, comp := range jf.Competencies {
			c.checkLetter(comp.ID)
			letters = append(letters, comp.ID)
		}
		c.checkDuplicates(letters, "competency id", " in job function "+jf.ID.Value)
	}
}

// checkExtends reports an extension that redefines, removes or weakens a
// base item. It can only add: new job functions, specializations, courses.
func (c *checker) checkExtends(fw *Framework, base *Resolved) {
	from := base.ID.Value
	check := func(jf *JobFunction) {
		old, _ := base.JobFunction(jf.ID.Value)
		if old == nil {
			return
		}
		if old.IsCore() && !jf.IsCore() {
			c.report(RuleExtendsConflict, jf.Type.Pos, "job function %s is core in %s and cannot be made optional by an extending framework", jf.ID.Value, from)
			return
		}
		c.report(RuleExtendsConflict, jf.ID.Pos, "job function %s is already defined by %s; an extending framework may only add job functions (use a new id)", jf.ID.Value, from)
	}
	for _, jf := range fw.JobFunctions {
		check(jf)
	}
	for _, s := range fw.Specializations {
		if base.Specialization(s.ID.Value) != nil {
			c.report(RuleExtendsConflict, s.ID.Pos, "specialization %q is already defined by %s; an extending framework may only add specializations (use a new id)", s.ID.Value, from)
			continue
		}
		for _, jf := range s.JobFunctions {
			check(jf)
		}
	}
}

func (c *checker) checkNonNegative(n Number, what string) {
	if n.Set && n.Value < 0 {
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
		if n.Value < 0 || (positive && n.Value == 0) {
			c.report(RuleHoursRange, n.Pos, "%s is %s; it must be more than 0", what, n.Text)
			return
		}
	}
	if r.Min.Set && r.Max.Set && r.Min.Value > r.Max.Value {
		c.report(RuleHoursRange, r.Min.Pos, "%s: min %s is more than max %s; swap them", what, r.Min.Text, r.Max.Text)
	}
}
