package templates

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
)

// Build lays out a validated program. name is the output base name. The
// schedule must come from a validation without errors (framework resolved).
func Build(s *framework.Schedule, name string) *Document {
	p, fw := s.Program, s.Framework
	occ := p.Occupation
	onet := or(occ.ONET, fw.ONET)
	rapids := or(occ.RAPIDS, fw.RAPIDS)
	d := &Document{
		Name:       name,
		Header:     PageHeader{Sponsor: p.Sponsor.Name.Value, Occupation: occ.JobTitle.Value, RAPIDS: rapids},
		Footer:     PageFooter{Revision: revisionText(p.Revision)},
		Title:      "WORK PROCESS SCHEDULE",
		Occupation: fw.Title.Value,
		ONET:       onet,
		RAPIDS:     rapids,
		Approach:   p.Approach.Value,
		Signature: SignatureBlock{
			SponsorLines: []string{"Sponsor signature", "Printed name", "Title", "Date"},
			AgencyTitle:  "For Registration Agency use",
			AgencyLines:  []string{"Registered by", "Signature", "Title", "Date", "Registration number"},
		},
	}
	d.Fields = headerFields(s)
	for _, item := range s.Items {
		jf := jobFunction(item, p.Approach.Value)
		if item.InSpec {
			if d.Specialization == nil {
				d.Specialization = &Specialization{Title: s.Specialization.Title.Value}
			}
			d.Specialization.JobFunctions = append(d.Specialization.JobFunctions, jf)
		} else {
			d.JobFunctions = append(d.JobFunctions, jf)
		}
	}
	if d.Specialization == nil && s.Specialization != nil {
		d.Specialization = &Specialization{Title: s.Specialization.Title.Value}
	}
	d.Totals = totals(p, d.Specialization != nil && len(d.Specialization.JobFunctions) > 0)
	d.RTI = rtiPlan(p)
	return d
}

func or(a, b framework.String) string {
	if a.Set {
		return a.Value
	}
	return b.Value
}

func revisionText(r *framework.Revision) string {
	if r == nil {
		return ""
	}
	parts := []string{}
	if r.Number.Set {
		parts = append(parts, "Revision "+r.Number.Value)
	}
	if r.Date.Set {
		parts = append(parts, r.Date.Value)
	}
	return strings.Join(parts, ", ")
}

// headerFields are the form's header block, in the form's order.
func headerFields(s *framework.Schedule) []Field {
	p := s.Program
	occ := p.Occupation
	sponsor := p.Sponsor.Name.Value
	if p.Sponsor.Number.Set {
		sponsor += " (registration " + p.Sponsor.Number.Value + ")"
	}
	spec := ""
	if s.Specialization != nil {
		spec = s.Specialization.Title.Value
	}
	var contact, phone, email string
	if c := p.Sponsor.Contact; c != nil {
		contact = joinNonEmpty(", ", c.Name.Value, c.Title.Value)
		phone, email = c.Phone.Value, c.Email.Value
	}
	prereq := make([]string, 0, len(p.Prerequisites))
	for _, x := range p.Prerequisites {
		prereq = append(prereq, x.Value)
	}
	stackable := occ.Stackable.Value
	approach := func(label, value string) Checkbox { return Checkbox{Label: label, Checked: p.Approach.Value == value} }
	return []Field{
		{Label: "Sponsor", Value: sponsor},
		{Label: "Job title", Value: occ.JobTitle.Value},
		{Label: "Level", Value: occ.Level.Value},
		{Label: "Specialization", Value: spec},
		BoxField("Stackable program", Checkbox{Label: "yes", Checked: stackable}, Checkbox{Label: "no", Checked: !stackable}),
		{Label: "Base occupation name", Value: occ.BaseOccupation.Value},
		{Label: "Company contact", Value: contact},
		{Label: "Address", Value: p.Sponsor.Address.Value},
		{Label: "Phone", Value: phone},
		{Label: "Email", Value: email},
		BoxField("Apprenticeship type", approach("Competency-Based", CompetencyBased), approach("Time-Based", TimeBased), approach("Hybrid", Hybrid)),
		{Label: "Term", Value: termText(p)},
		{Label: "Prerequisites", Value: strings.Join(prereq, "; ")},
	}
}

func joinNonEmpty(sep string, parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), sep)
}

// termText states the term in words and numbers.
func termText(p *framework.Program) string {
	t := p.Term
	years := ""
	if y, ok := framework.TermYears(p); ok {
		years = fmt.Sprintf(" (%s)", plural(y, "year"))
	}
	switch p.Approach.Value {
	case TimeBased:
		return fmt.Sprintf("%s hours%s of on-the-job learning; time-based", FormatHours(t.Hours.Value), years)
	case Hybrid:
		return fmt.Sprintf("%s to %s hours%s of on-the-job learning, with demonstrated competency; hybrid",
			FormatHours(t.MinHours.Value), FormatHours(t.MaxHours.Value), years)
	default:
		length := plural(int(t.Months.Value), "month")
		if !t.Months.Set {
			length = plural(int(t.Years.Value), "year")
			if t.Years.Value != float64(int(t.Years.Value)) {
				length = t.Years.Text + " years"
			}
		} else if t.Months.Value != float64(int(t.Months.Value)) {
			length = t.Months.Text + " months"
		}
		// A competency-based term may be stated in hours, alone or with
		// its months or years (printed, never summed).
		if hours := FormatHours(t.Hours.Value) + " hours"; t.Hours.Set && (t.Months.Set || t.Years.Set) {
			length += " (" + hours + ")"
		} else if t.Hours.Set {
			length = hours
		}
		return length + " of on-the-job learning; progress by demonstrated competency"
	}
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return FormatHours(float64(n)) + " " + unit + "s"
}

func typeLabel(core bool) string {
	if core {
		return "Core"
	}
	return "Optional"
}

func jobFunction(item *framework.ScheduledJobFunction, approach string) JobFunction {
	src := item.Src
	jf := JobFunction{
		ID:      src.ID.Value,
		Heading: "JOB FUNCTION " + src.ID.Value + ": " + item.Title,
		Title:   item.Title,
		Type:    typeLabel(item.Core),
		Level:   item.Level,
		Custom:  item.Custom,
	}
	switch approach {
	case TimeBased:
		jf.Hours = &Hours{src.Hours.Value}
	case Hybrid:
		jf.MinHours, jf.MaxHours = &Hours{src.MinHours.Value}, &Hours{src.MaxHours.Value}
	}
	for _, c := range item.Competencies {
		jf.Competencies = append(jf.Competencies, Competency{
			Letter: c.Src.ID.Value, Text: c.Text, Type: typeLabel(c.Core),
			RTI: c.RTI, OJT: c.OJT, Custom: c.Custom,
		})
	}
	return jf
}

func toHours(r *big.Rat) Hours {
	f, _ := r.Float64()
	return Hours{f}
}

// totals are the schedule's computed OJL hours, over every job function
// (the specialization's included, which the label says when there are some).
func totals(p *framework.Program, withSpecialization bool) []Total {
	hours, lo, hi := framework.ScheduleHours(p)
	scope := ""
	if withSpecialization {
		scope = ", including the specialization"
	}
	switch p.Approach.Value {
	case TimeBased:
		return []Total{{"Total OJL hours" + scope, toHours(hours)}}
	case Hybrid:
		return []Total{{"Total OJL hours (minimum" + scope + ")", toHours(lo)}, {"Total OJL hours (maximum" + scope + ")", toHours(hi)}}
	}
	return nil
}

func rtiPlan(p *framework.Program) RTIPlan {
	var plan RTIPlan
	rti := p.RTI
	if rti == nil {
		rti = &framework.RTIPlan{}
	}
	if pr := rti.Provider; pr != nil {
		for _, f := range []Field{{Label: "Provider", Value: pr.Name.Value}, {Label: "Address", Value: pr.Address.Value}, {Label: "Phone", Value: pr.Phone.Value}, {Label: "Email", Value: pr.Email.Value}} {
			if f.Value != "" {
				plan.Provider = append(plan.Provider, f)
			}
		}
	}
	if rti.Paid.Set {
		plan.Notes = append(plan.Notes, Field{Label: "Apprentices paid for RTI hours", Value: map[bool]string{true: "Yes", false: "No"}[rti.Paid.Value]})
	}
	if rti.Schedule.Set {
		plan.Notes = append(plan.Notes, Field{Label: "Schedule", Value: map[string]string{
			"during-work": "During work hours", "outside-work": "Outside work hours", "both": "During and outside work hours",
		}[rti.Schedule.Value]})
	}
	plan.Groups = courseGroups(rti.Courses)
	total := new(big.Rat)
	for _, c := range rti.Courses {
		total.Add(total, c.Hours.Rat())
	}
	plan.Total = toHours(total)
	if y, ok := framework.TermYears(p); ok {
		plan.Years = y
		// An average, not a stated number: shown to two decimals.
		perYear, _ := new(big.Rat).Quo(total, big.NewRat(int64(y), 1)).Float64()
		plan.HoursPerYear = Hours{math.Round(perYear*100) / 100}
	}
	return plan
}

// courseGroups groups courses by year (in year order, courses without a
// year last) with exact subtotals; one unlabelled group when no course has a year.
func courseGroups(courses []*framework.Course) []CourseGroup {
	anyYear := slices.ContainsFunc(courses, func(c *framework.Course) bool { return c.Year.Set })
	type group struct {
		key      float64 // year; +inf-like for "no year"
		label    string
		courses  []Course
		subtotal *big.Rat
	}
	var groups []*group
	find := func(c *framework.Course) *group {
		key, label := 1e18, "Other courses"
		if !anyYear {
			label = ""
		} else if c.Year.Set {
			key, label = c.Year.Value, "Year "+c.Year.Text
		}
		for _, g := range groups {
			if g.key == key {
				return g
			}
		}
		g := &group{key: key, label: label, subtotal: new(big.Rat)}
		groups = append(groups, g)
		return g
	}
	for _, c := range courses {
		g := find(c)
		objectives := make([]string, 0, len(c.Objectives))
		for _, o := range c.Objectives {
			objectives = append(objectives, o.Value)
		}
		g.courses = append(g.courses, Course{Title: c.Title.Value, Number: c.Number.Value, Hours: Hours{c.Hours.Value}, Objectives: objectives})
		g.subtotal.Add(g.subtotal, c.Hours.Rat())
	}
	slices.SortStableFunc(groups, func(a, b *group) int { return cmp.Compare(a.key, b.key) })
	out := make([]CourseGroup, 0, len(groups))
	for _, g := range groups {
		out = append(out, CourseGroup{Label: g.label, Courses: g.courses, Subtotal: toHours(g.subtotal)})
	}
	return out
}
