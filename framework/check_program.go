package framework

import (
	"fmt"
	"slices"
	"strings"

	"github.com/wpsgen/wpsgen/framework/decimal"
)

// Rules about what a program includes: its framework, occupation,
// references and deliveries.

// Rule ids of this file.
const (
	RuleUnknownRef     = "unknown-ref"
	RuleCoreMissing    = "core-missing"
	RuleNoDelivery     = "no-delivery"
	RuleInterimCred    = "interim-credential"
	RuleBaseOccupation = "base-occupation"
	RuleApproach       = "approach"
)

var ruleUnknownRef = Rule{
	ID: RuleUnknownRef, Severity: Error,
	Summary: "a program names a job function, competency, specialization, covers or after reference that does not exist",
	Why:     "Additions must say custom: true, so a typo of a real id is an error, not new content.",
	Program: all(checkScheduleRefs, checkInterimRefs, checkWageStepRefs, checkCoversRefs),
}

var ruleCoreMissing = Rule{
	ID: RuleCoreMissing, Severity: Error,
	Summary: "a core job function, a core competency of an included job function, or a core item of the chosen specialization is missing",
	Why:     "Core items of a framework are required; only optional ones may be crossed off.",
	Program: checkCoreMissing,
}

var ruleNoDelivery = Rule{
	ID: RuleNoDelivery, Severity: Error,
	Summary: "an included competency has neither rti nor ojt",
	Why:     "The form marks every competency as taught by related instruction, on the job, or both.",
	Program: checkNoDelivery,
}

var ruleInterimCred = Rule{
	ID: RuleInterimCred, Severity: Error,
	Summary: "interim credentials in a time-based program; an interim credential earned after more hours of on-the-job learning (after_hours) than the term's maximum",
	Why:     "29 CFR 29.5(b)(16): interim credentials exist only in competency-based and hybrid programs.",
	Program: checkInterimCredentials,
}

var ruleBaseOccupation = Rule{
	ID: RuleBaseOccupation, Severity: Error,
	Summary: "stackable: true or a specialization without base_occupation",
	Why:     "The form asks for the base occupation name of a stackable or specialized program.",
	Program: checkBaseOccupation,
}

var ruleApproach = Rule{
	ID: RuleApproach, Severity: Error,
	Summary: "the program's approach is not one the framework allows",
	Why:     "A framework may be published for some approaches only.",
	Program: checkApproach,
}

func checkApproach(c *checker) {
	p, fw := c.p, c.res
	if fw == nil || !p.Approach.Set || fw.AllowsApproach(p.Approach.Value) {
		return
	}
	var allowed []string
	for _, a := range fw.Approaches {
		allowed = append(allowed, a.Value)
	}
	c.report(RuleApproach, p.Approach.Pos, "framework %s allows the approaches %s, not %s", fw.ID.Value, strings.Join(allowed, ", "), p.Approach.Value)
}

func checkBaseOccupation(c *checker) {
	occ := c.p.Occupation
	if (!occ.Stackable.Value && !occ.Specialization.Set) || occ.BaseOccupation.Set {
		return
	}
	why, pos := "stackable: true", occ.Stackable.Pos
	if occ.Specialization.Set {
		why, pos = "a specialization", occ.Specialization.Pos
	}
	c.report(RuleBaseOccupation, pos, "a program with %s needs occupation.base_occupation (the base occupation name printed on the form)", why)
}

// checkCoreMissing reports core framework items the program leaves out.
func checkCoreMissing(c *checker) {
	s := c.s
	p, fw := s.Program, s.Framework
	if fw == nil {
		return
	}
	listed := map[string]*ScheduledJobFunction{}
	for _, item := range s.Items {
		listed[item.Src.ID.Value] = item
	}
	missingJF := func(jf *JobFunction, what string) {
		if _, ok := listed[jf.ID.Value]; ok || !jf.IsCore() {
			return
		}
		c.report(RuleCoreMissing, p.KeyPos("job_functions"), "core job function %s %q%s is missing; add it to job_functions (only optional items may be left out)", jf.ID.Value, truncate(jf.Title.Value, 60), what)
	}
	for _, jf := range fw.JobFunctions {
		missingJF(jf, "")
	}
	if s.Specialization != nil {
		for _, jf := range s.Specialization.JobFunctions {
			missingJF(jf, " of the specialization "+s.Specialization.ID.Value)
		}
	}
	for _, item := range s.Items {
		if item.Def == nil {
			continue
		}
		have := map[string]bool{}
		for _, sc := range item.Src.Competencies {
			have[sc.ID.Value] = true
		}
		for _, comp := range item.Def.Competencies {
			if comp.IsCore() && !have[comp.ID.Value] {
				c.report(RuleCoreMissing, item.Src.ID.Pos, "core competency %s.%s %q is missing from job function %s; add it to its competencies", item.Src.ID.Value, comp.ID.Value, truncate(comp.Text.Value, 60), item.Src.ID.Value)
			}
		}
	}
}

func checkNoDelivery(c *checker) {
	for _, item := range c.s.Items {
		for _, sc := range item.Competencies {
			if !sc.noDelivery {
				continue
			}
			cs := sc.Src
			pos := cs.ID.Pos
			if cs.Has("delivery") {
				pos = cs.KeyPos("delivery")
			}
			c.report(RuleNoDelivery, pos, "competency %s has no delivery; add delivery: [rti], [ojt] or [rti, ojt]", item.Ref(sc))
		}
	}
}

// checkInterimCredentials: only competency-based and hybrid programs, and
// earned within the term.
func checkInterimCredentials(c *checker) {
	p := c.p
	if len(p.InterimCredentials) > 0 && p.Approach.Value == TimeBased {
		c.report(RuleInterimCred, p.KeyPos("interim_credentials"), "interim credentials are only for competency-based and hybrid programs; this program is time-based")
		return
	}
	most, ok := termMaxHours(p)
	if !ok {
		return
	}
	for _, ic := range p.InterimCredentials {
		if n := ic.AfterHours; n.Set && n.Dec.Cmp(most) > 0 {
			c.report(RuleInterimCred, n.Pos, "interim credential %q is earned after %s hours of on-the-job learning, more than the term's %s hours; it must be earned within the term", truncate(ic.Title.Value, 60), n.Dec.Format(), most.Format())
		}
	}
}

// termMaxHours returns the most hours of on-the-job learning the term
// allows: hybrid max_hours, time-based hours, competency-based hours or
// months at 2,000 hours a year; ok is false when the term is unknown.
func termMaxHours(p *Program) (decimal.Decimal, bool) {
	t := p.Term
	if t == nil || !termInRange(t) {
		return decimal.Decimal{}, false
	}
	if p.Approach.Value == Hybrid {
		return t.MaxHours.Dec, t.MaxHours.Set
	}
	if p.Approach.Value == CompetencyBased && t.Hours.Set {
		return t.Hours.Dec, true
	}
	tw, ok := termTwelfths(p)
	return tw.Div(decTwelve, 4), ok
}

// checkInterimRefs: the job functions interim credentials certify must be
// in the schedule.
func checkInterimRefs(c *checker) {
	for _, ic := range c.p.InterimCredentials {
		c.checkJobFunctionRefs(ic.After, fmt.Sprintf("after of interim credential %q", ic.Title.Value))
	}
}

func checkWageStepRefs(c *checker) {
	if c.p.Wages == nil {
		return
	}
	for _, st := range c.p.Wages.Steps {
		c.checkJobFunctionRefs(st.Competencies, "a wage step")
	}
}

// checkJobFunctionRefs checks references to the program's job functions.
func (c *checker) checkJobFunctionRefs(refs []String, what string) {
	ids := make([]string, 0, len(c.p.JobFunctions))
	for _, jf := range c.p.JobFunctions {
		ids = append(ids, jf.ID.Value)
	}
	for _, r := range refs {
		if r.Set && !slices.Contains(ids, r.Value) {
			c.report(RuleUnknownRef, r.Pos, "%s names job function %q, which the program does not include%s", what, r.Value, suggestIn(r.Value, ids))
		}
	}
}

// scheduleRefs returns the schedule's competencies by address ("1.A"), and
// the addresses in schedule order; made on first use, once for the rules
// that read them. The caller must not change them.
func scheduleRefs(s *Schedule) (map[string]*ScheduledCompetency, []string) {
	if s.refs != nil {
		return s.refs, s.refList
	}
	s.refs = map[string]*ScheduledCompetency{}
	for _, item := range s.Items {
		for _, sc := range item.Competencies {
			ref := item.Ref(sc)
			s.refs[ref] = sc
			s.refList = append(s.refList, ref)
		}
	}
	return s.refs, s.refList
}

// checkCoversRefs reports a covers reference to no competency of the
// program: one the framework has but the program leaves out, or one that
// does not exist (with the closest that does). Without the framework the
// schedule is unknown: nothing to check against.
func checkCoversRefs(c *checker) {
	s, rti := c.s, c.p.RTI
	if rti == nil || s.Framework == nil {
		return
	}
	refs, all := scheduleRefs(s)
	for _, course := range rti.Courses {
		for _, r := range course.Covers {
			if _, ok := refs[r.Value]; !r.Set || ok {
				continue
			}
			jfID, letter, _ := strings.Cut(r.Value, ".")
			if def, _ := s.Framework.JobFunction(jfID); def != nil && competencyByID(def, letter) != nil {
				c.report(RuleUnknownRef, r.Pos, "course %q covers %s, which the program does not include; add it to job function %s or remove it from covers", course.Title.Value, r.Value, jfID)
				continue
			}
			c.report(RuleUnknownRef, r.Pos, "course %q covers %q, which is not a competency of this program%s; write JOBFUNCTION.COMPETENCY, e.g. \"1.A\"", course.Title.Value, r.Value, suggestIn(r.Value, all))
		}
	}
}

// checkScheduleRefs reports the specialization, job functions and
// competencies the framework does not have (or, for a job function of a
// specialization, does not offer this program).
func checkScheduleRefs(c *checker) {
	p, fw, s := c.p, c.res, c.s
	if fw == nil {
		return
	}
	if occ := p.Occupation; occ.Specialization.Set && s.Specialization == nil {
		c.report(RuleUnknownRef, occ.Specialization.Pos, "framework %s has no specialization %q%s", fw.ID.Value, occ.Specialization.Value, suggestIn(occ.Specialization.Value, specializationIDs(fw)))
	}
	for _, src := range p.JobFunctions {
		if !src.ID.Set || !idRE().MatchString(src.ID.Value) || src.Custom.Value {
			continue
		}
		def, spec := fw.JobFunction(src.ID.Value)
		switch {
		case def == nil:
			c.report(RuleUnknownRef, src.ID.Pos, "framework %s has no job function %q%s; for an addition of your own, add custom: true",
				fw.ID.Value, src.ID.Value, suggestIn(src.ID.Value, frameworkJobFunctionIDs(fw, s.Specialization)))
		case spec != nil && spec != s.Specialization:
			c.report(RuleUnknownRef, src.ID.Pos, "job function %s belongs to the specialization %q, which this program does not choose (occupation.specialization)", src.ID.Value, spec.ID.Value)
		}
	}
	for _, item := range s.Items {
		if item.Def == nil {
			continue
		}
		for _, cs := range item.Src.Competencies {
			if cs.ID.Set && letterRE().MatchString(cs.ID.Value) && !cs.Custom.Value && competencyByID(item.Def, cs.ID.Value) == nil {
				c.report(RuleUnknownRef, cs.ID.Pos, "job function %s of the framework has no competency %q%s; for an addition of your own, add custom: true",
					item.Src.ID.Value, cs.ID.Value, suggestIn(cs.ID.Value, competencyIDs(item.Def)))
			}
		}
	}
}

// checkScheduleKeys reports what a custom item lacks (a title, a text) and
// what a framework item must not restate (it comes from the framework).
func checkScheduleKeys(c *checker) {
	for _, item := range c.s.Items {
		src := item.Src
		if item.Custom && !src.Title.Set {
			c.report(RuleSchema, src.ID.Pos, "custom job function %s needs a title", src.ID.Value)
		}
		if item.Def != nil {
			for _, k := range []string{"title", "type", "level"} {
				if src.Has(k) {
					c.report(RuleSchema, src.KeyPos(k), "%s of job function %s comes from the framework; remove it, or make this a custom job function with a new id", k, src.ID.Value)
				}
			}
		}
		for _, sc := range item.Competencies {
			cs, ref := sc.Src, item.Ref(sc)
			if sc.Custom && !cs.Text.Set {
				c.report(RuleSchema, cs.ID.Pos, "custom competency %s needs a text", ref)
			}
			if sc.Def != nil {
				for _, k := range []string{"text", "type"} {
					if cs.Has(k) {
						c.report(RuleSchema, cs.KeyPos(k), "%s of competency %s comes from the framework; remove it, or add a custom competency with a new letter", k, ref)
					}
				}
				if cs.Has("items") {
					c.report(RuleSchema, cs.KeyPos("items"), "the items of competency %s come from the framework; remove them, or add a custom competency with a new letter", ref)
				}
			}
		}
	}
}
