package framework

import "fmt"

// Rule ids of this file.
const (
	RuleDuplicateID = "duplicate-id"
	RuleBadID       = "bad-id"
)

var ruleDuplicateID = Rule{
	ID: RuleDuplicateID, Severity: Error,
	Summary:   "two job functions, two competencies in one job function, two specializations or two courses with the same id/number",
	Why:       "A competency is addressed as JOBFUNCTION.COMPETENCY; duplicates make references ambiguous.",
	Framework: checkFrameworkDuplicates,
	Program:   all(checkProgramDuplicates, checkCourseNumbers),
}

var ruleBadID = Rule{
	ID: RuleBadID, Severity: Error,
	Summary:   "a competency id that is not a letter sequence (A..Z, AA..), an id with characters outside [A-Za-z0-9-]",
	Why:       "The form letters competencies A, B, C ...; ids appear in references such as 1.A.",
	Framework: checkFrameworkIDs,
	Program:   checkProgramIDs,
}

func checkFrameworkDuplicates(c *checker) {
	fw := c.fw
	var specIDs []String
	for _, s := range fw.Specializations {
		specIDs = append(specIDs, s.ID)
	}
	c.checkDuplicates(specIDs, "specialization id", "")
	// Job function ids are unique across the base and every specialization:
	// a program names them without saying where they come from.
	all := frameworkJobFunctions(fw)
	c.checkDuplicates(jobFunctionIDs(all), "job function id", "")
	for _, jf := range all {
		letters := make([]String, 0, len(jf.Competencies))
		for _, comp := range jf.Competencies {
			letters = append(letters, comp.ID)
		}
		c.checkDuplicates(letters, "competency id", " in job function "+jf.ID.Value)
	}
}

func checkCourseNumbers(c *checker) {
	if c.p.RTI == nil {
		return
	}
	var numbers []String
	for _, course := range c.p.RTI.Courses {
		numbers = append(numbers, course.Number)
	}
	c.checkDuplicates(numbers, "course number", "")
}

func checkFrameworkIDs(c *checker) {
	c.checkSlug(c.fw.ID, "framework id")
	for _, s := range c.fw.Specializations {
		c.checkSlug(s.ID, "specialization id")
	}
	for _, jf := range frameworkJobFunctions(c.fw) {
		c.checkJobFunctionID(jf.ID)
		for _, comp := range jf.Competencies {
			c.checkLetter(comp.ID)
		}
	}
}

// checkDuplicates reports every id that repeats an earlier one; what names
// the ids ("job function id") and where their scope (" in job function 1").
func (c *checker) checkDuplicates(ids []String, what, where string) {
	seen := map[string]String{}
	for _, id := range ids {
		if !id.Set {
			continue
		}
		if first, dup := seen[id.Value]; dup {
			c.report(RuleDuplicateID, id.Pos, "%s %q is used twice%s (first at line %d); each must be unique", what, id.Value, where, first.Pos.Line)
			continue
		}
		seen[id.Value] = id
	}
}

// checkSlug checks a framework or specialization id.
func (c *checker) checkSlug(s String, what string) {
	if s.Set && !slugRE().MatchString(s.Value) {
		c.report(RuleBadID, s.Pos, "%s %q must use lowercase letters, digits and dashes (e.g. %q)", what, s.Value, slugify(s.Value))
	}
}

func slugify(s string) string {
	out := []rune{}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			out = append(out, r)
		case r >= 'A' && r <= 'Z':
			out = append(out, r+'a'-'A')
		case len(out) > 0 && out[len(out)-1] != '-':
			out = append(out, '-')
		}
	}
	if len(out) == 0 {
		return "my-framework"
	}
	return string(out)
}

// checkJobFunctionID checks a job function id: letters, digits and dashes.
func (c *checker) checkJobFunctionID(s String) bool {
	if s.Set && !idRE().MatchString(s.Value) {
		c.report(RuleBadID, s.Pos, "job function id %q may only use letters, digits and dashes (e.g. \"1\", \"S1\", \"C1\")", s.Value)
		return false
	}
	return true
}

// checkLetter checks a competency id: a letter sequence A..Z, AA, AB, ...
func (c *checker) checkLetter(s String) bool {
	if s.Set && !letterRE().MatchString(s.Value) {
		hint := ""
		if up := []rune(s.Value); len(up) > 0 && letterRE().MatchString(string(toUpper(up))) {
			hint = fmt.Sprintf(" (e.g. %q)", string(toUpper(up)))
		}
		c.report(RuleBadID, s.Pos, "competency id %q must be a capital letter sequence: A..Z, then AA, AB, ...%s", s.Value, hint)
		return false
	}
	return true
}

// checkProgramIDs checks the program's job function ids, and the letters of
// the job functions that joined the schedule.
func checkProgramIDs(c *checker) {
	for _, jf := range c.p.JobFunctions {
		c.checkJobFunctionID(jf.ID)
	}
	for _, item := range c.s.Items {
		for _, cs := range item.Src.Competencies {
			c.checkLetter(cs.ID)
		}
	}
}

// checkProgramDuplicates reports repeated job function ids and letters, and
// custom additions that take the id of a framework item.
func checkProgramDuplicates(c *checker) {
	var ids []String
	for _, jf := range c.p.JobFunctions {
		ids = append(ids, jf.ID)
	}
	c.checkDuplicates(ids, "job function id", "")
	for _, item := range c.s.Items {
		letters := make([]String, 0, len(item.Src.Competencies))
		for _, cs := range item.Src.Competencies {
			letters = append(letters, cs.ID)
		}
		id := item.Src.ID.Value
		c.checkDuplicates(letters, "competency id", " in job function "+id)
		if item.Custom && c.res != nil {
			if def, _ := c.res.JobFunction(id); def != nil {
				c.report(RuleDuplicateID, item.Src.ID.Pos, "custom job function %s has the id of the framework's job function %s; choose a new id such as \"C1\"", id, id)
			}
		}
		for _, sc := range item.Competencies {
			if ref := item.Ref(sc); sc.Custom && item.Def != nil && competencyByID(item.Def, sc.Src.ID.Value) != nil {
				c.report(RuleDuplicateID, sc.Src.ID.Pos, "custom competency %s has the id of the framework's competency %s; choose the next free letter", ref, ref)
			}
		}
	}
}
