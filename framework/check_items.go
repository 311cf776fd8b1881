package framework

// The sub-items of competencies (schema rule): the documents indent them
// under their competency, and the forms nest at most A. -> 1. -> a.

// maxItemLevels is how deep a competency's sub-items may nest, counting
// the competency itself.
const maxItemLevels = 3

// checkItemLevels reports items nested deeper than maxItemLevels; level is
// the level of the items listed (a competency's own items are level 2).
func (c *checker) checkItemLevels(items []Item, level int, owner string) {
	for _, it := range items {
		if len(it.Items) == 0 {
			continue
		}
		if level == maxItemLevels {
			c.report(RuleSchema, it.KeyPos("items"), "the sub-item %q of %s has items of its own, a 4th level; items nest at most %d levels counting the competency (A. -> 1. -> a.)", truncate(it.Text.Value, 40), owner, maxItemLevels)
			continue
		}
		c.checkItemLevels(it.Items, level+1, owner)
	}
}

func checkFrameworkItems(c *checker) {
	for _, jf := range frameworkJobFunctions(c.fw) {
		for _, comp := range jf.Competencies {
			c.checkItemLevels(comp.Items, 2, "competency "+jf.ID.Value+"."+comp.ID.Value)
		}
	}
}

// checkProgramItems: a program gives items to its custom competencies
// only; a framework competency's items come from the framework (reported
// by checkScheduleKeys).
func checkProgramItems(c *checker) {
	for _, jf := range c.p.JobFunctions {
		for _, comp := range jf.Competencies {
			c.checkItemLevels(comp.Items, 2, "competency "+jf.ID.Value+"."+comp.ID.Value)
		}
	}
}
