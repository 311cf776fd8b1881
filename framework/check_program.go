package framework

import (
	"fmt"
	"github.com/wpsgen/wpsgen/framework/decimal"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
)

// OJL and term facts of 29 CFR 29.4/29.5 and DOL policy.
const (
	HoursPerYear        = 2000 // one year of on-the-job learning
	MinOJLHours         = 2000 // time-based minimum; hybrid minimum of the minimums
	MinCompetencyMonths = 12   // competency-based OJL component
	RTIHoursPerYear     = 144  // recommended related instruction per year
)

// Schedule is a program joined with its framework: every included job
// function and competency with the text, type and delivery that apply.
// Rules and the document layout both read it, so they agree.
type Schedule struct {
	Program        *Program
	Framework      *Resolved // nil when the framework could not be resolved
	Specialization *Specialization
	Items          []*ScheduledJobFunction
}

// ScheduledJobFunction is one job function as the program includes it.
type ScheduledJobFunction struct {
	Src          *ProgramJobFunction
	Def          *JobFunction // the framework's; nil for a custom job function
	InSpec       bool         // belongs to the chosen specialization
	Title        string
	Core         bool
	Level        string
	Custom       bool
	Competencies []*ScheduledCompetency
}

// ScheduledCompetency is one competency as the program includes it.
type ScheduledCompetency struct {
	Src    *ProgramCompetency
	Def    *Competency // nil for a custom competency
	Text   string
	Core   bool
	Custom bool
	RTI    bool
	OJT    bool
}

// Ref returns the competency's address, e.g. "1.A".
func (s *ScheduledJobFunction) Ref(c *ScheduledCompetency) string {
	return s.Src.ID.Value + "." + c.Src.ID.Value
}

// checkProgram runs every program rule. fw is nil when the framework
// reference failed; the rules that need it are skipped.
func (c *checker) checkProgram(p *Program, fw *Resolved) *Schedule {
	c.checkPrintable(p)
	s := &Schedule{Program: p, Framework: fw}
	occ := p.Occupation
	c.checkONET(occ.ONET, occ.JobTitle)
	c.checkRAPIDS(occ.RAPIDS)
	if fw != nil {
		if p.Approach.Set && !fw.AllowsApproach(p.Approach.Value) {
			var allowed []string
			for _, a := range fw.Approaches {
				allowed = append(allowed, a.Value)
			}
			c.report(RuleApproach, p.Approach.Pos, "framework %s allows the approaches %s, not %s", fw.ID.Value, strings.Join(allowed, ", "), p.Approach.Value)
		}
		c.checkCodesAgainstFramework(p, fw)
		if occ.Specialization.Set {
			s.Specialization = fw.Specialization(occ.Specialization.Value)
			if s.Specialization == nil {
				c.report(RuleUnknownRef, occ.Specialization.Pos, "framework %s has no specialization %q%s", fw.ID.Value, occ.Specialization.Value, suggestIn(occ.Specialization.Value, specializationIDs(fw)))
			}
		}
	}
	if (occ.Stackable.Value || occ.Specialization.Set) && !occ.BaseOccupation.Set {
		why := "stackable: true"
		pos := occ.Stackable.Pos
		if occ.Specialization.Set {
			why, pos = "a specialization", occ.Specialization.Pos
		}
		c.report(RuleBaseOccupation, pos, "a program with %s needs occupation.base_occupation (the base occupation name printed on the form)", why)
	}

	c.buildSchedule(s)
	if fw != nil {
		c.checkCoreMissing(s)
	}
	c.checkHours(s)
	c.checkTerm(p)
	c.checkProbation(p)
	c.checkInterimCredentials(p, s)
	c.checkWages(p, s)
	c.checkRTI(p, s)
	return s
}

func specializationIDs(fw *Resolved) []string {
	var ids []string
	for _, s := range fw.Specializations {
		ids = append(ids, s.ID.Value)
	}
	return ids
}

// maxListed is how many known ids a hint lists in full.
const maxListed = 8

// suggestIn returns a hint for an unknown reference s: " (did you mean "X"?)"
// for a likely typo, else " (it has "A", "B")" when there are few known ids,
// else the closest one. A one-character id is never taken for a typo of
// another: every other letter is one edit away.
func suggestIn(s string, known []string) string {
	if len(known) == 0 {
		return ""
	}
	if best := closest(s, known, true); best != "" && (len([]rune(s)) > 1 || strings.EqualFold(s, best)) {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	if len(known) <= maxListed {
		quoted := make([]string, len(known))
		for i, k := range known {
			quoted[i] = strconv.Quote(k)
		}
		return " (it has " + strings.Join(quoted, ", ") + ")"
	}
	return fmt.Sprintf(" (did you mean %q?)", closest(s, known, false))
}

// checkCodesAgainstFramework compares the program's O*NET and RAPIDS codes
// (or the framework's, which apply by default) with the framework and approach.
func (c *checker) checkCodesAgainstFramework(p *Program, fw *Resolved) {
	occ := p.Occupation
	if occ.ONET.Set {
		if fw.ONET.Set && occ.ONET.Value != fw.ONET.Value && knownONET(occ.ONET.Value) && !isSuccessor(fw.ONET.Value, occ.ONET.Value) {
			c.report(RuleONETMismatch, occ.ONET.Pos, "O*NET code %s differs from the framework's %s (%s)", occ.ONET.Value, fw.ONET.Value, fw.ID.Value)
		}
	} else if succ, ok := legacyONET(fw.ONET.Value); ok {
		c.report(RuleONETLegacy, p.Framework.Pos, "the framework's O*NET code %s was replaced in the 2019 O*NET-SOC taxonomy by %s; set occupation.onet to the current code", fw.ONET.Value, succ)
	}
	rapids, pos := occ.RAPIDS, occ.RAPIDS.Pos
	if !rapids.Set {
		rapids, pos = fw.RAPIDS, p.Approach.Pos
	}
	if !rapids.Set || !p.Approach.Set {
		return
	}
	suffix, ok := RAPIDSSuffix(rapids.Value)
	if !ok || suffixApproach[suffix] == p.Approach.Value {
		return
	}
	has := "has no approach suffix (time-based)"
	if suffix != "" {
		has = fmt.Sprintf("ends in %s (%s)", suffix, suffixApproach[suffix])
	}
	want := map[string]string{CompetencyBased: "end in CB", Hybrid: "end in HY", TimeBased: "have no CB or HY suffix"}[p.Approach.Value]
	where := ""
	if !occ.RAPIDS.Set {
		where = " (the framework's code; set occupation.rapids)"
	}
	c.report(RuleRAPIDSApproach, pos, "RAPIDS code %s %s but the program is %s, whose codes %s%s", rapids.Value, has, p.Approach.Value, want, where)
}

// buildSchedule resolves each listed job function and competency against
// the framework, reporting unknown references, duplicates, bad ids and
// missing deliveries.
func (c *checker) buildSchedule(s *Schedule) {
	p, fw := s.Program, s.Framework
	var ids []String
	for _, jf := range p.JobFunctions {
		ids = append(ids, jf.ID)
	}
	c.checkDuplicates(ids, "job function id", "")
	for _, src := range p.JobFunctions {
		if !src.ID.Set || !c.checkJobFunctionID(src.ID) {
			continue
		}
		item := &ScheduledJobFunction{Src: src, Custom: src.Custom.Value}
		if item.Custom {
			c.customJobFunction(s, item)
		} else if fw != nil && !c.frameworkJobFunction(s, item) {
			continue
		} else if fw == nil {
			continue
		}
		c.scheduleCompetencies(item)
		s.Items = append(s.Items, item)
	}
}

func (c *checker) customJobFunction(s *Schedule, item *ScheduledJobFunction) {
	src := item.Src
	if s.Framework != nil {
		if def, _ := s.Framework.JobFunction(src.ID.Value); def != nil {
			c.report(RuleDuplicateID, src.ID.Pos, "custom job function %s has the id of the framework's job function %s; choose a new id such as \"C1\"", src.ID.Value, src.ID.Value)
		}
	}
	if !src.Title.Set {
		c.report(RuleSchema, src.ID.Pos, "custom job function %s needs a title", src.ID.Value)
	}
	item.Title, item.Level = src.Title.Value, src.Level.Value
	item.Core = src.Type.Value != Optional
}

// frameworkJobFunction links a listed job function to the framework's; it
// reports and returns false when there is none.
func (c *checker) frameworkJobFunction(s *Schedule, item *ScheduledJobFunction) bool {
	src, fw := item.Src, s.Framework
	def, spec := fw.JobFunction(src.ID.Value)
	if def == nil {
		c.report(RuleUnknownRef, src.ID.Pos, "framework %s has no job function %q%s; for an addition of your own, add custom: true",
			fw.ID.Value, src.ID.Value, suggestIn(src.ID.Value, frameworkJobFunctionIDs(fw, s.Specialization)))
		return false
	}
	if spec != nil && spec != s.Specialization {
		c.report(RuleUnknownRef, src.ID.Pos, "job function %s belongs to the specialization %q, which this program does not choose (occupation.specialization)", src.ID.Value, spec.ID.Value)
		return false
	}
	for _, k := range []string{"title", "type", "level"} {
		if src.Has(k) {
			c.report(RuleSchema, src.KeyPos(k), "%s of job function %s comes from the framework; remove it, or make this a custom job function with a new id", k, src.ID.Value)
		}
	}
	item.Def, item.InSpec = def, spec != nil
	item.Title, item.Level, item.Core = def.Title.Value, def.Level.Value, def.IsCore()
	return true
}

func frameworkJobFunctionIDs(fw *Resolved, spec *Specialization) []string {
	ids := make([]string, 0, len(fw.JobFunctions))
	for _, jf := range fw.JobFunctions {
		ids = append(ids, jf.ID.Value)
	}
	if spec != nil {
		for _, jf := range spec.JobFunctions {
			ids = append(ids, jf.ID.Value)
		}
	}
	return ids
}

func (c *checker) scheduleCompetencies(item *ScheduledJobFunction) {
	var letters []String
	for _, cs := range item.Src.Competencies {
		letters = append(letters, cs.ID)
	}
	c.checkDuplicates(letters, "competency id", " in job function "+item.Src.ID.Value)
	for _, cs := range item.Src.Competencies {
		if !cs.ID.Set || !c.checkLetter(cs.ID) {
			continue
		}
		sc := &ScheduledCompetency{Src: cs, Custom: item.Custom || cs.Custom.Value}
		ref := item.Src.ID.Value + "." + cs.ID.Value
		if sc.Custom {
			if item.Def != nil && competencyByID(item.Def, cs.ID.Value) != nil {
				c.report(RuleDuplicateID, cs.ID.Pos, "custom competency %s has the id of the framework's competency %s; choose the next free letter", ref, ref)
			}
			if !cs.Text.Set {
				c.report(RuleSchema, cs.ID.Pos, "custom competency %s needs a text", ref)
			}
			sc.Text, sc.Core = cs.Text.Value, cs.Type.Value != Optional
		} else if item.Def != nil {
			sc.Def = competencyByID(item.Def, cs.ID.Value)
			if sc.Def == nil {
				c.report(RuleUnknownRef, cs.ID.Pos, "job function %s of the framework has no competency %q%s; for an addition of your own, add custom: true",
					item.Src.ID.Value, cs.ID.Value, suggestIn(cs.ID.Value, competencyIDs(item.Def)))
				continue
			}
			for _, k := range []string{"text", "type"} {
				if cs.Has(k) {
					c.report(RuleSchema, cs.KeyPos(k), "%s of competency %s comes from the framework; remove it, or add a custom competency with a new letter", k, ref)
				}
			}
			sc.Text, sc.Core = sc.Def.Text.Value, sc.Def.IsCore()
		}
		delivery := cs.Delivery
		if !cs.Has("delivery") && sc.Def != nil {
			delivery = sc.Def.Delivery
		}
		for _, d := range delivery {
			sc.RTI = sc.RTI || d.Value == RTI
			sc.OJT = sc.OJT || d.Value == OJT
		}
		if !sc.RTI && !sc.OJT && len(delivery) == 0 { // invalid items are schema findings
			pos := cs.ID.Pos
			if cs.Has("delivery") {
				pos = cs.KeyPos("delivery")
			}
			c.report(RuleNoDelivery, pos, "competency %s has no delivery; add delivery: [rti], [ojt] or [rti, ojt]", ref)
		}
		item.Competencies = append(item.Competencies, sc)
	}
}

func competencyByID(jf *JobFunction, id string) *Competency {
	for _, c := range jf.Competencies {
		if c.ID.Value == id {
			return c
		}
	}
	return nil
}

func competencyIDs(jf *JobFunction) []string {
	ids := make([]string, 0, len(jf.Competencies))
	for _, c := range jf.Competencies {
		ids = append(ids, c.ID.Value)
	}
	return ids
}

// checkCoreMissing reports core framework items the program leaves out.
func (c *checker) checkCoreMissing(s *Schedule) {
	p, fw := s.Program, s.Framework
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

// checkHours checks the hours of each job function against the approach.
func (c *checker) checkHours(s *Schedule) {
	approach := s.Program.Approach.Value
	for _, jf := range s.Program.JobFunctions {
		if !jf.ID.Set {
			continue // a job function without an id is a schema finding; nothing can name it
		}
		id := jf.ID.Value
		for _, n := range []Number{jf.Hours, jf.MinHours, jf.MaxHours} {
			if n.Set && n.Value < 0 {
				c.report(RuleHoursRange, n.Pos, "hours of job function %s are %s; hours cannot be negative", id, n.Text)
			}
		}
		switch approach {
		case TimeBased:
			if !written(jf.Hours) {
				pos := jf.ID.Pos
				if jf.Has("hours") {
					pos = jf.KeyPos("hours") // the empty key left to fill in
				}
				c.report(RuleHoursMissing, pos, "job function %s has no hours; a time-based schedule gives the approximate hours of each work process", id)
			}
			c.notFor(jf, approach, "min_hours", "max_hours")
		case Hybrid:
			if !written(jf.MinHours) || !written(jf.MaxHours) {
				pos := jf.ID.Pos
				if k := map[bool]string{true: "max_hours", false: "min_hours"}[written(jf.MinHours)]; jf.Has(k) {
					pos = jf.KeyPos(k) // the empty key left to fill in
				}
				c.report(RuleHoursMissing, pos, "job function %s needs min_hours and max_hours; a hybrid schedule gives a range of hours for each work process", id)
			}
			if jf.MinHours.Set && jf.MaxHours.Set && jf.MinHours.Value > jf.MaxHours.Value {
				c.report(RuleHoursRange, jf.MinHours.Pos, "job function %s: min_hours %s is more than max_hours %s", id, jf.MinHours.Text, jf.MaxHours.Text)
			}
			c.notFor(jf, approach, "hours")
		case CompetencyBased:
			c.notFor(jf, approach, "hours", "min_hours", "max_hours")
		}
	}
}

// notFor reports hours keys that do not belong to the approach: they would
// not be printed, and a user who wrote them expects them to count.
func (c *checker) notFor(jf *ProgramJobFunction, approach string, keys ...string) {
	for _, k := range keys {
		if jf.Has(k) {
			want := map[string]string{TimeBased: "hours", Hybrid: "min_hours and max_hours", CompetencyBased: "no hours"}[approach]
			c.report(RuleSchema, jf.KeyPos(k), "%s does not apply to a %s program (job functions there take %s)", k, approach, want)
		}
	}
}

// termKeys are the term keys each approach takes.
var termKeys = map[string][]string{
	TimeBased:       {"hours"},
	Hybrid:          {"min_hours", "max_hours"},
	CompetencyBased: {"months", "years"},
}

var termKeysText = map[string]string{TimeBased: "hours", Hybrid: "min_hours and max_hours", CompetencyBased: "months or years"}

// checkTermKeys reports term keys of another approach (they would be
// silently ignored) and a competency-based term given twice.
func (c *checker) checkTermKeys(p *Program) {
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

// sum adds numbers exactly.
func sum(ns []Number) *big.Rat {
	total := new(big.Rat)
	for _, n := range ns {
		if n.Set {
			total.Add(total, n.Rat())
		}
	}
	return total
}

// ScheduleHours returns the exact sums of hours, min_hours and max_hours.
func ScheduleHours(p *Program) (hours, minHours, maxHours *big.Rat) {
	var h, lo, hi []Number
	for _, jf := range p.JobFunctions {
		h, lo, hi = append(h, jf.Hours), append(lo, jf.MinHours), append(hi, jf.MaxHours)
	}
	return sum(h), sum(lo), sum(hi)
}

// ScheduleTotals returns the exact sums of the job functions' hours,
// min_hours and max_hours, as every document prints them.
func ScheduleTotals(p *Program) (hours, minHours, maxHours decimal.Decimal) {
	for _, jf := range p.JobFunctions {
		hours = hours.Add(jf.Hours.Dec)
		minHours = minHours.Add(jf.MinHours.Dec)
		maxHours = maxHours.Add(jf.MaxHours.Dec)
	}
	return hours, minHours, maxHours
}

// RTITotal returns the exact sum of the courses' hours.
func RTITotal(p *Program) decimal.Decimal {
	var total decimal.Decimal
	if p.RTI != nil {
		for _, c := range p.RTI.Courses {
			total = total.Add(c.Hours.Dec)
		}
	}
	return total
}

func ratLess(a *big.Rat, b float64) bool { return a.Cmp(new(big.Rat).SetFloat64(b)) < 0 }

// written reports whether a number has a value in the file, valid or not: a
// value that is not a number is a schema finding, not a missing value.
func written(n Number) bool { return n.Set || !n.Pos.IsZero() }

// readable reports whether every written number of ns is a number, so a
// total computed from them is the file's total (else totals are not checked:
// the schema finding comes first).
func readable(ns []Number) bool {
	for _, n := range ns {
		if written(n) && !n.Set {
			return false
		}
	}
	return true
}

// scheduleComplete reports whether the schedule's totals can be checked:
// every job function gives the hours its approach needs, as numbers. When
// one does not, hours-missing or schema says so and the totals are unknown.
func scheduleComplete(p *Program) bool {
	for _, jf := range p.JobFunctions {
		switch p.Approach.Value {
		case TimeBased:
			if !jf.Hours.Set {
				return false
			}
		case Hybrid:
			if !jf.MinHours.Set || !jf.MaxHours.Set {
				return false
			}
		}
	}
	return true
}

// checkTerm checks the stated term against the approach and the schedule.
func (c *checker) checkTerm(p *Program) {
	t := p.Term
	c.checkTermKeys(p)
	hours, lo, hi := ScheduleHours(p)
	totals := scheduleComplete(p)
	switch p.Approach.Value {
	case TimeBased:
		if !written(t.Hours) {
			c.report(RuleTermMissing, t.Pos, "a time-based term needs hours (the total on-the-job learning hours)")
		} else if t.Hours.Set && totals && t.Hours.Rat().Cmp(hours) != 0 {
			c.report(RuleTermMismatch, t.Hours.Pos, "term.hours is %s but the job functions' hours add up to %s; make them agree", t.Hours.Text, FormatNumber(hours))
		}
		if totals && ratLess(hours, MinOJLHours) {
			c.report(RuleOJLMinimum, p.KeyPos("job_functions"), "the schedule totals %s hours of on-the-job learning; a time-based program needs at least %d", FormatNumber(hours), MinOJLHours)
		}
	case Hybrid:
		if !written(t.MinHours) || !written(t.MaxHours) {
			c.report(RuleTermMissing, t.Pos, "a hybrid term needs min_hours and max_hours")
		}
		if t.MinHours.Set && totals && t.MinHours.Rat().Cmp(lo) != 0 {
			c.report(RuleTermMismatch, t.MinHours.Pos, "term.min_hours is %s but the job functions' min_hours add up to %s; make them agree", t.MinHours.Text, FormatNumber(lo))
		}
		if t.MaxHours.Set && totals && t.MaxHours.Rat().Cmp(hi) != 0 {
			c.report(RuleTermMismatch, t.MaxHours.Pos, "term.max_hours is %s but the job functions' max_hours add up to %s; make them agree", t.MaxHours.Text, FormatNumber(hi))
		}
		if t.MinHours.Set && t.MaxHours.Set && t.MinHours.Value > t.MaxHours.Value {
			c.report(RuleHoursRange, t.MinHours.Pos, "term.min_hours %s is more than term.max_hours %s", t.MinHours.Text, t.MaxHours.Text)
		}
		if totals && ratLess(lo, MinOJLHours) {
			c.report(RuleOJLMinimum, p.KeyPos("job_functions"), "the job functions' min_hours total %s; a hybrid program needs at least %d hours of on-the-job learning", FormatNumber(lo), MinOJLHours)
		}
	case CompetencyBased:
		if !written(t.Months) && !written(t.Years) {
			c.report(RuleTermMissing, t.Pos, "a competency-based term needs months or years")
		} else if m := termMonths(t); (t.Months.Set || t.Years.Set) && m < MinCompetencyMonths {
			pos := t.Months.Pos
			if !t.Months.Set {
				pos = t.Years.Pos
			}
			c.report(RuleCompetencyTerm, pos, "the term is %s months; a competency-based program should have an on-the-job learning component of at least %d months", formatFloat(m), MinCompetencyMonths)
		}
	}
	for _, n := range []Number{t.Hours, t.MinHours, t.MaxHours, t.Months, t.Years} {
		if n.Set && n.Value < 0 {
			c.report(RuleHoursRange, n.Pos, "the term cannot be negative (%s)", n.Text)
		}
	}
}

func termMonths(t *Term) float64 {
	if t.Months.Set {
		return t.Months.Value
	}
	return t.Years.Value * 12
}

func formatFloat(f float64) string { return FormatNumber(new(big.Rat).SetFloat64(f)) }

// TermHours returns the term in OJL hours (hybrid: the maximum; competency
// based: months converted at 2,000 hours a year), and false when unknown.
func TermHours(p *Program) (float64, bool) {
	t := p.Term
	switch p.Approach.Value {
	case TimeBased:
		return t.Hours.Value, t.Hours.Set
	case Hybrid:
		return t.MaxHours.Value, t.MaxHours.Set
	case CompetencyBased:
		if t.Months.Set || t.Years.Set {
			return termMonths(t) * HoursPerYear / 12, true
		}
	}
	return 0, false
}

// TermYears returns the years of term for the RTI recommendation: OJL hours
// / 2,000 or months / 12, rounded up (at least 1), and false when unknown.
func TermYears(p *Program) (int, bool) {
	t := p.Term
	switch p.Approach.Value {
	case TimeBased, Hybrid:
		h, ok := TermHours(p)
		if !ok || h <= 0 {
			return 0, false
		}
		return max(1, int(math.Ceil(h/HoursPerYear))), true
	case CompetencyBased:
		if !t.Months.Set && !t.Years.Set {
			return 0, false
		}
		return max(1, int(math.Ceil(termMonths(t)/12))), true
	}
	return 0, false
}

// checkProbation: at most 25% of the term and at most one year.
func (c *checker) checkProbation(p *Program) {
	pr := p.Probation
	if pr == nil {
		return
	}
	if written(pr.Hours) == written(pr.Months) {
		c.report(RuleSchema, pr.Pos, "probation takes hours or months (one of them)")
		return
	}
	if !pr.Hours.Set && !pr.Months.Set {
		return // written, but not a number: a schema finding already
	}
	term, ok := TermHours(p)
	if p.Approach.Value == Hybrid && p.Term.MinHours.Set {
		term, ok = p.Term.MinHours.Value, true // the shortest term a hybrid apprentice may serve
	}
	probHours, n := pr.Hours.Value, pr.Hours
	if pr.Months.Set {
		probHours, n = pr.Months.Value*HoursPerYear/12, pr.Months
	}
	switch {
	case n.Value < 0:
		c.report(RuleHoursRange, n.Pos, "probation cannot be negative (%s)", n.Text)
	case probHours > HoursPerYear:
		c.report(RuleProbation, n.Pos, "probation of %s is longer than one year (2,000 hours or 12 months), the most 29 CFR 29.5(b)(8) allows", probationText(pr))
	case ok && term > 0 && probHours > term/4:
		c.report(RuleProbation, n.Pos, "probation of %s is more than 25%% of the term (%s); at most %s", probationText(pr), termText(p, term), quarterText(pr, term))
	}
}

func probationText(pr *Probation) string {
	if pr.Months.Set {
		return pr.Months.Text + " months"
	}
	return pr.Hours.Text + " hours"
}

func termText(p *Program, hours float64) string {
	if p.Approach.Value == CompetencyBased {
		return formatFloat(termMonths(p.Term)) + " months"
	}
	return formatFloat(hours) + " hours"
}

func quarterText(pr *Probation, termHours float64) string {
	if pr.Months.Set {
		return formatFloat(termHours/4*12/HoursPerYear) + " months"
	}
	return formatFloat(termHours/4) + " hours"
}

// checkInterimCredentials: only competency-based and hybrid programs; the
// job functions they certify must be in the schedule.
func (c *checker) checkInterimCredentials(p *Program, s *Schedule) {
	if len(p.InterimCredentials) > 0 && p.Approach.Value == TimeBased {
		c.report(RuleInterimCred, p.KeyPos("interim_credentials"), "interim credentials are only for competency-based and hybrid programs; this program is time-based")
	}
	for _, ic := range p.InterimCredentials {
		c.checkJobFunctionRefs(ic.After, s, fmt.Sprintf("after of interim credential %q", ic.Title.Value))
	}
}

// checkJobFunctionRefs checks references to the program's job functions.
func (c *checker) checkJobFunctionRefs(refs []String, s *Schedule, what string) {
	ids := make([]string, 0, len(s.Program.JobFunctions))
	for _, jf := range s.Program.JobFunctions {
		ids = append(ids, jf.ID.Value)
	}
	for _, r := range refs {
		if r.Set && !slices.Contains(ids, r.Value) {
			c.report(RuleUnknownRef, r.Pos, "%s names job function %q, which the program does not include%s", what, r.Value, suggestIn(r.Value, ids))
		}
	}
}

// checkWages: a positive rate, percents up to 100, strictly increasing steps.
func (c *checker) checkWages(p *Program, s *Schedule) {
	w := p.Wages
	if w == nil {
		return
	}
	if w.JourneyworkerRate.Set && w.JourneyworkerRate.Value <= 0 {
		c.report(RuleWages, w.JourneyworkerRate.Pos, "journeyworker_rate is %s; it must be more than 0", w.JourneyworkerRate.Text)
	}
	var prev *WageStep
	for _, st := range w.Steps {
		if st.Percent.Set && (st.Percent.Value > 100 || st.Percent.Value <= 0) {
			c.report(RuleWages, st.Percent.Pos, "wage step percent is %s; it must be more than 0 and at most 100 (percent of the journeyworker rate)", st.Percent.Text)
		}
		if st.Hours.Set && st.Hours.Value < 0 {
			c.report(RuleHoursRange, st.Hours.Pos, "wage step hours are %s; hours cannot be negative", st.Hours.Text)
		}
		c.checkJobFunctionRefs(st.Competencies, s, "a wage step")
		if hasHours, hasComps := st.Has("hours"), st.Has("competencies"); hasHours == hasComps {
			c.report(RuleWages, st.Pos, "a wage step takes hours (after how many hours it applies) or competencies (the job functions that earn it), one of them")
		}
		if prev != nil {
			if st.Percent.Set && prev.Percent.Set && st.Percent.Value <= prev.Percent.Value {
				c.report(RuleWages, st.Percent.Pos, "wage step of %s%% does not increase on the step before (%s%%); steps must increase", st.Percent.Text, prev.Percent.Text)
			}
			if st.Hours.Set && prev.Hours.Set && st.Hours.Value <= prev.Hours.Value {
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

// checkRTI checks the RTI plan: course hours and numbers, the stated total,
// covers references, coverage of RTI competencies and the yearly hours.
func (c *checker) checkRTI(p *Program, s *Schedule) {
	rti := p.RTI
	total := new(big.Rat)
	if rti != nil {
		var numbers []String
		var hours []Number
		for _, course := range rti.Courses {
			numbers = append(numbers, course.Number)
			hours = append(hours, course.Hours)
			if course.Hours.Set && course.Hours.Value <= 0 {
				c.report(RuleHoursRange, course.Hours.Pos, "course %q has %s hours; a course needs more than 0 hours", course.Title.Value, course.Hours.Text)
			}
			if y := course.Year; y.Set && (y.Value < 1 || y.Value != math.Trunc(y.Value)) {
				c.report(RuleSchema, y.Pos, "year must be a whole number from 1 (the year or level of the course), found %s", y.Text)
			}
		}
		c.checkDuplicates(numbers, "course number", "")
		if s.Framework != nil { // without it the schedule is unknown: nothing to check against
			c.checkCoverage(rti, s)
		}
		if !readable(hours) {
			return
		}
		total = sum(hours)
		if rti.TotalHours.Set && rti.TotalHours.Rat().Cmp(total) != 0 {
			c.report(RuleRTITotal, rti.TotalHours.Pos, "rti.total_hours is %s but the courses' hours add up to %s; make them agree", rti.TotalHours.Text, FormatNumber(total))
		}
	}
	years, ok := TermYears(p)
	if !ok {
		return
	}
	want := float64(RTIHoursPerYear * years)
	if ratLess(total, want) {
		pos := p.Pos
		if rti != nil {
			pos = rti.Pos
			if rti.TotalHours.Set {
				pos = rti.TotalHours.Pos
			}
		}
		c.report(RuleRTIHours, pos, "related instruction totals %s hours over %d year(s) of term; at least %d hours per year (%s in all) is recommended", FormatNumber(total), years, RTIHoursPerYear, formatFloat(want))
	}
}

// unknownCover reports a covers reference to no competency of the program:
// one the framework has but the program leaves out, or one that does not
// exist (with the closest that does).
func (c *checker) unknownCover(course *Course, r String, s *Schedule, all []string) {
	jfID, letter, _ := strings.Cut(r.Value, ".")
	if def, _ := s.Framework.JobFunction(jfID); def != nil && competencyByID(def, letter) != nil {
		c.report(RuleUnknownRef, r.Pos, "course %q covers %s, which the program does not include; add it to job function %s or remove it from covers", course.Title.Value, r.Value, jfID)
		return
	}
	c.report(RuleUnknownRef, r.Pos, "course %q covers %q, which is not a competency of this program%s; write JOBFUNCTION.COMPETENCY, e.g. \"1.A\"", course.Title.Value, r.Value, suggestIn(r.Value, all))
}

func (c *checker) checkCoverage(rti *RTIPlan, s *Schedule) {
	refs := map[string]*ScheduledCompetency{}
	var all []string
	for _, item := range s.Items {
		for _, sc := range item.Competencies {
			ref := item.Ref(sc)
			refs[ref] = sc
			all = append(all, ref)
		}
	}
	covered := map[string]bool{}
	usesCovers := false
	for _, course := range rti.Courses {
		for _, r := range course.Covers {
			usesCovers = true
			if !r.Set {
				continue
			}
			if _, ok := refs[r.Value]; !ok {
				c.unknownCover(course, r, s, all)
				continue
			}
			covered[r.Value] = true
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

// checkBenchmark warns when the OJL total is below the framework's
// benchmark hours for the program's approach.
func (c *checker) checkBenchmark(p *Program, fw *Resolved) {
	if fw == nil || fw.BenchmarkHours == nil {
		return
	}
	b := fw.BenchmarkHours
	if !scheduleComplete(p) {
		return
	}
	hours, lo, _ := ScheduleHours(p)
	var total *big.Rat
	var bench Number
	switch p.Approach.Value {
	case TimeBased:
		total, bench = hours, b.TimeBased
	case Hybrid:
		total, bench = lo, b.Hybrid.Low()
	case CompetencyBased:
		if h, ok := TermHours(p); ok {
			total, bench = new(big.Rat).SetFloat64(h), b.CompetencyBased
		}
	}
	if total == nil || !bench.Set || total.Cmp(bench.Rat()) >= 0 {
		return
	}
	c.report(RuleBenchmarkHours, p.KeyPos("term"), "the program's on-the-job learning (%s hours) is below the framework's benchmark of %s hours for a %s program", FormatNumber(total), bench.Text, p.Approach.Value)
}
