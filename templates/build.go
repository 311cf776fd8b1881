package templates

import (
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

func or(a, b framework.String) string {
	if a.Set {
		return a.Value
	}
	return b.Value
}

func or2(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// codes are the document's keywords: "O*NET 29-2072.00, RAPIDS 1114HY".
func codes(onet, rapids string) string {
	var k []string
	if onet != "" {
		k = append(k, "O*NET "+onet)
	}
	if rapids != "" {
		k = append(k, "RAPIDS "+rapids)
	}
	return strings.Join(k, ", ")
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

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
