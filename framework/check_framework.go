package framework

// RuleExtendsConflict is the id of the rule about extending frameworks.
const RuleExtendsConflict = "extends-conflict"

var ruleExtendsConflict = Rule{
	ID: RuleExtendsConflict, Severity: Error,
	Summary:   "an extending framework redefines, removes or weakens (core -> optional) a base item",
	Why:       "A customized framework may add to the published one, never change what it requires.",
	Framework: checkExtends,
}

// checkExtends reports an extension that redefines, removes or weakens a
// base item. It can only add: new job functions, specializations, courses.
func checkExtends(c *checker) {
	fw, base := c.fw, c.base
	if base == nil {
		return
	}
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
