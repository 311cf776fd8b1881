package templates

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

// Build lays out a validated program in print order: the Appendix A part
// (appendix*.go), the Work Process Schedule part (schedule.go) and the
// RTI Plan part (appendix_rti.go). name is the output base name. The
// schedule must come from a validation without errors (framework
// resolved).
func Build(s *framework.Schedule, name string) *Layout {
	p, fw := s.Program, s.Framework
	occ := p.Occupation
	rapids := or(occ.RAPIDS, fw.RAPIDS)
	return &Layout{
		Name:   name,
		Header: PageHeader{Sponsor: p.Sponsor.Name.Value, Occupation: occ.JobTitle.Value, RAPIDS: rapids},
		Footer: PageFooter{Revision: revisionText(p.Revision)},
		// The title names the job title (or the occupation), the author is
		// the sponsor, the keywords the codes.
		Meta: Meta{
			Title:    "Work Process Schedule: " + or2(occ.JobTitle.Value, fw.Title.Value),
			Subject:  fw.Title.Value,
			Author:   p.Sponsor.Name.Value,
			Keywords: codes(or(occ.ONET, fw.ONET), rapids),
			Language: "en-US",
		},
		Parts: []Part{appendixPart(s), schedulePart(s), rtiPart(p)},
	}
}

// BuildDocument is the section model Build lays out: what tests compare
// documents with until the build writes the layout directly.
func BuildDocument(s *framework.Schedule, name string) *Document {
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
		schedule:   s,
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
	// Path and Shown say which program keys a field shows, for a workbook
	// read back by wpsgen import (package framework/workbook).
	var contactName, contactTitle string
	if c := p.Sponsor.Contact; c != nil {
		contactName, contactTitle = c.Name.Value, c.Title.Value
	}
	specID := ""
	if s.Specialization != nil {
		specID = s.Specialization.ID.Value
	}
	return []Field{
		{Label: "Sponsor", Value: sponsor, Path: workbook.FieldSponsor, Shown: []string{p.Sponsor.Name.Value, p.Sponsor.Number.Value}},
		{Label: "Job title", Value: occ.JobTitle.Value, Path: "occupation.job_title"},
		{Label: "Level", Value: occ.Level.Value, Path: "occupation.level"},
		{Label: "Specialization", Value: spec, Path: workbook.FieldSpecialization, Shown: []string{specID}},
		withPath(BoxField("Stackable program", Checkbox{Label: "yes", Checked: stackable}, Checkbox{Label: "no", Checked: !stackable}), workbook.FieldStackable),
		{Label: "Base occupation name", Value: occ.BaseOccupation.Value, Path: "occupation.base_occupation"},
		{Label: "Company contact", Value: contact, Path: workbook.FieldContact, Shown: []string{contactName, contactTitle}},
		{Label: "Address", Value: p.Sponsor.Address.Value, Path: "sponsor.address"},
		{Label: "Phone", Value: phone, Path: "sponsor.contact.phone"},
		{Label: "Email", Value: email, Kind: FieldEmail, Path: "sponsor.contact.email"},
		withPath(BoxField("Apprenticeship type", approach("Competency-Based", CompetencyBased), approach("Time-Based", TimeBased), approach("Hybrid", Hybrid)), workbook.FieldApproach),
		{Label: "Term", Value: termText(p), Path: workbook.FieldTerm},
		{Label: "Prerequisites", Value: strings.Join(prereq, "; "), Kind: FieldItems, Items: prereq, Path: workbook.FieldPrerequisites},
	}
}

// withPath gives a field the program key it shows.
func withPath(f Field, path string) Field {
	f.Path = path
	return f
}

func joinNonEmpty(sep string, parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), sep)
}

// termText states the term as the program states it. The years of term
// are computed (hours / 2,000, rounded up) for the RTI plan only: the
// term line never shows a number the program did not state.
func termText(p *framework.Program) string {
	t := p.Term
	switch p.Approach.Value {
	case TimeBased:
		return fmt.Sprintf("%s hours of on-the-job learning; time-based", t.Hours.Dec.Format())
	case Hybrid:
		return fmt.Sprintf("%s to %s hours of on-the-job learning, with demonstrated competency; hybrid",
			t.MinHours.Dec.Format(), t.MaxHours.Dec.Format())
	default:
		length := plural(t.Months.Dec, "month")
		if !t.Months.Set {
			length = plural(t.Years.Dec, "year")
		}
		// A competency-based term may be stated in hours, alone or with
		// its months or years (printed, never summed).
		if hours := t.Hours.Dec.Format() + " hours"; t.Hours.Set && (t.Months.Set || t.Years.Set) {
			length += " (" + hours + ")"
		} else if t.Hours.Set {
			length = hours
		}
		return length + " of on-the-job learning; progress by demonstrated competency"
	}
}

func plural(n decimal.Decimal, unit string) string {
	if n.Cmp(decimal.FromInt(1)) == 0 {
		return "1 " + unit
	}
	return n.Format() + " " + unit + "s"
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
		jf.Hours = &Hours{src.Hours.Dec}
	case Hybrid:
		jf.MinHours, jf.MaxHours = &Hours{src.MinHours.Dec}, &Hours{src.MaxHours.Dec}
	}
	for _, c := range item.Competencies {
		jf.Competencies = append(jf.Competencies, Competency{
			Letter: c.Src.ID.Value, Text: c.Text, Type: typeLabel(c.Core),
			RTI: c.RTI, OJT: c.OJT, Custom: c.Custom, Items: competencyItems(c),
		})
	}
	return jf
}

// totals are the schedule's computed OJL hours, over every job function
// (the specialization's included, which the label says when there are some).
func totals(p *framework.Program, withSpecialization bool) []Total {
	hours, lo, hi := framework.ScheduleTotals(p)
	scope := ""
	if withSpecialization {
		scope = ", including the specialization"
	}
	switch p.Approach.Value {
	case TimeBased:
		return []Total{{"Total OJL hours" + scope, Hours{hours}}}
	case Hybrid:
		return []Total{{"Total OJL hours (minimum" + scope + ")", Hours{lo}}, {"Total OJL hours (maximum" + scope + ")", Hours{hi}}}
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
		for _, f := range []Field{
			{Label: "Provider", Value: pr.Name.Value, Path: "rti.provider.name"},
			{Label: "Address", Value: pr.Address.Value, Path: "rti.provider.address"},
			{Label: "Phone", Value: pr.Phone.Value, Path: "rti.provider.phone"},
			{Label: "Email", Value: pr.Email.Value, Kind: FieldEmail, Path: "rti.provider.email"},
		} {
			if f.Value != "" {
				plan.Provider = append(plan.Provider, f)
			}
		}
	}
	if rti.Paid.Set {
		plan.Notes = append(plan.Notes, Field{Label: "Apprentices paid for RTI hours", Value: map[bool]string{true: "Yes", false: "No"}[rti.Paid.Value], Path: workbook.FieldPaid})
	}
	if rti.Schedule.Set {
		plan.Notes = append(plan.Notes, Field{Label: "Schedule", Value: workbook.ScheduleWords[rti.Schedule.Value], Path: workbook.FieldSchedule})
	}
	plan.Groups = courseGroups(rti.Courses)
	total := framework.RTITotal(p)
	plan.Total = Hours{total}
	if y, ok := framework.TermYears(p); ok {
		plan.Years = y
		// An average, not a stated number: shown to two decimals.
		plan.HoursPerYear = Hours{total.Div(decimal.FromInt(int64(y)), 2)}
	}
	return plan
}

// courseGroups groups courses by year (in year order, courses without a
// year last) with exact subtotals; one unlabelled group when no course has a year.
func courseGroups(courses []*framework.Course) []CourseGroup {
	anyYear := slices.ContainsFunc(courses, func(c *framework.Course) bool { return c.Year.Set })
	type group struct {
		year     decimal.Decimal
		noYear   bool // "Other courses": after every year
		label    string
		yearText string
		courses  []Course
		subtotal decimal.Decimal
	}
	var groups []*group
	byKey := map[string]*group{}
	find := func(c *framework.Course) *group {
		key, g := "", &group{noYear: true, label: "Other courses"}
		if !anyYear {
			g.label = ""
		} else if c.Year.Set {
			key, g = c.Year.Dec.String(), &group{year: c.Year.Dec, label: "Year " + c.Year.Text, yearText: c.Year.Text}
		}
		if old, ok := byKey[key]; ok {
			return old
		}
		byKey[key] = g
		groups = append(groups, g)
		return g
	}
	for i, c := range courses {
		g := find(c)
		objectives := make([]string, 0, len(c.Objectives))
		for _, o := range c.Objectives {
			objectives = append(objectives, o.Value)
		}
		g.courses = append(g.courses, Course{Index: i, Title: c.Title.Value, Number: c.Number.Value, Hours: Hours{c.Hours.Dec}, Objectives: objectives})
		g.subtotal = g.subtotal.Add(c.Hours.Dec)
	}
	slices.SortStableFunc(groups, func(a, b *group) int {
		if a.noYear != b.noYear {
			return cmp.Compare(boolInt(a.noYear), boolInt(b.noYear))
		}
		return a.year.Cmp(b.year)
	})
	out := make([]CourseGroup, 0, len(groups))
	for _, g := range groups {
		out = append(out, CourseGroup{Label: g.label, Year: g.yearText, Courses: g.courses, Subtotal: Hours{g.subtotal}})
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
