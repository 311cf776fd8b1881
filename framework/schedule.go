package framework

import (
	"fmt"
	"strconv"
	"strings"
)

// Schedule is a program joined with its framework: every included job
// function and competency with the text, type and delivery that apply.
// Rules and the document layout both read it, so they agree.
type Schedule struct {
	Program        *Program
	Framework      *Resolved // nil when the framework could not be resolved
	Specialization *Specialization
	Items          []*ScheduledJobFunction

	refs    map[string]*ScheduledCompetency // by address; see scheduleRefs
	refList []string
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

	noDelivery bool   // neither the program nor the framework gives a delivery
	ref        string // the address, made once: several rules ask for it
}

// Ref returns the address of c, one of s's competencies, e.g. "1.A".
func (s *ScheduledJobFunction) Ref(c *ScheduledCompetency) string {
	if c.ref != "" {
		return c.ref
	}
	return s.Src.ID.Value + "." + c.Src.ID.Value
}

// joinSchedule resolves each listed job function and competency against
// the framework. It reports nothing: what it cannot resolve is left out of
// the schedule, and the rules (bad-id, duplicate-id, unknown-ref, schema)
// say why.
func (c *checker) joinSchedule() *Schedule {
	p, fw := c.p, c.res
	s := &Schedule{Program: p, Framework: fw}
	if occ := p.Occupation; fw != nil && occ.Specialization.Set {
		s.Specialization = fw.Specialization(occ.Specialization.Value)
	}
	for _, src := range p.JobFunctions {
		if !src.ID.Set || !idRE().MatchString(src.ID.Value) {
			continue
		}
		item := &ScheduledJobFunction{Src: src, Custom: src.Custom.Value}
		switch {
		case item.Custom:
			item.Title, item.Level = src.Title.Value, src.Level.Value
			item.Core = src.Type.Value != Optional
		case fw == nil:
			continue
		default:
			def, spec := fw.JobFunction(src.ID.Value)
			if def == nil || (spec != nil && spec != s.Specialization) {
				continue
			}
			item.Def, item.InSpec = def, spec != nil
			item.Title, item.Level, item.Core = def.Title.Value, def.Level.Value, def.IsCore()
		}
		item.Competencies = scheduleCompetencies(item)
		s.Items = append(s.Items, item)
	}
	return s
}

func specializationIDs(fw *Resolved) []string {
	var ids []string
	for _, s := range fw.Specializations {
		ids = append(ids, s.ID.Value)
	}
	return ids
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

// scheduleCompetencies joins a job function's listed competencies with the
// framework's, leaving out those with a bad letter or no definition.
func scheduleCompetencies(item *ScheduledJobFunction) []*ScheduledCompetency {
	var out []*ScheduledCompetency
	for _, cs := range item.Src.Competencies {
		if !cs.ID.Set || !letterRE().MatchString(cs.ID.Value) {
			continue
		}
		sc := &ScheduledCompetency{Src: cs, Custom: item.Custom || cs.Custom.Value, ref: item.Src.ID.Value + "." + cs.ID.Value}
		if sc.Custom {
			sc.Text, sc.Core = cs.Text.Value, cs.Type.Value != Optional
		} else if item.Def != nil {
			if sc.Def = competencyByID(item.Def, cs.ID.Value); sc.Def == nil {
				continue
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
		sc.noDelivery = len(delivery) == 0 // invalid items are schema findings
		out = append(out, sc)
	}
	return out
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
