// Package templatestest provides layout documents for renderer tests, the
// way net/http/httptest serves net/http tests.
package templatestest

import (
	"fmt"
	"strings"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/templates"
)

// Sample returns a small hybrid document that exercises every part of the
// layout: checkboxes, hours columns, custom items, a specialization, course
// groups by year with decimal hours, and non-Latin text.
func Sample() *templates.Document {
	h := func(v string) *templates.Hours { return &templates.Hours{Dec: decimal.MustParse(v)} }
	return &templates.Document{
		Name:       "sample",
		Header:     templates.PageHeader{Sponsor: "Bệnh viện Đa khoa Łódź — Όμιλος Здоровье", Occupation: "Medical Coder", RAPIDS: "1114HY"},
		Footer:     templates.PageFooter{Revision: "Revision 2, 2026-11-01"},
		Title:      "WORK PROCESS SCHEDULE",
		Occupation: "Medical Records and Health Information Technicians/Medical Coders",
		ONET:       "29-2072.00",
		RAPIDS:     "1114HY",
		Fields: []templates.Field{
			{Label: "Job title", Value: "Medical Coder"},
			{Label: "Level", Value: "Basic"},
			{Label: "Specialization", Value: "Release of Information Specialist"},
			templates.BoxField("Stackable program", templates.Checkbox{Label: "yes", Checked: true}, templates.Checkbox{Label: "no"}),
			{Label: "Base occupation name", Value: "Medical Records and Health Information Technicians"},
			{Label: "Company contact", Value: "Nguyễn Thị Hương, Apprenticeship Coordinator"},
			{Label: "Address", Value: "ul. Piotrkowska 104, 90-001 Łódź"},
			{Label: "Phone", Value: "+1 651 555 0100"},
			{Label: "Email", Value: "apprenticeship@example.org"},
			templates.BoxField("Apprenticeship type", templates.Checkbox{Label: "Competency-Based"}, templates.Checkbox{Label: "Time-Based"}, templates.Checkbox{Label: "Hybrid", Checked: true}),
			{Label: "Term", Value: "2,000 to 2,600.5 hours of on-the-job learning, plus demonstrated competency"},
			{Label: "Prerequisites", Value: "High school diploma or GED; 18 years of age"},
		},
		Approach: templates.Hybrid,
		JobFunctions: []templates.JobFunction{
			{
				ID: "1", Heading: "JOB FUNCTION 1: Properly applies diagnosis and procedure codes to medical charts, records and related documents",
				Title: "Properly applies diagnosis and procedure codes to medical charts, records and related documents",
				Type:  "Core", Level: "Basic", MinHours: h("1000"), MaxHours: h("1300.5"),
				Competencies: []templates.Competency{
					{Letter: "A", Text: "Enters or confirms code(s) associated with medical diagnosis(es), procedures, and services", Type: "Core", RTI: true, OJT: true},
					{Letter: "B", Text: "Ensures medical codes reflect medical record documentation", Type: "Core", OJT: true},
				},
			},
			{
				ID: "C1", Heading: "JOB FUNCTION C1: Maintains the release-of-information log",
				Title: "Maintains the release-of-information log", Type: "Optional", Custom: true,
				MinHours: h("1000"), MaxHours: h("1300"),
				Competencies: []templates.Competency{
					{Letter: "A", Text: "Logs each request and disclosure — Ελληνικά, Кириллица, Tiếng Việt", Type: "Optional", OJT: true, Custom: true},
				},
			},
		},
		Totals: []templates.Total{
			{Label: "Total OJL hours (minimum)", Hours: templates.Hours{Dec: decimal.MustParse("2000")}},
			{Label: "Total OJL hours (maximum)", Hours: templates.Hours{Dec: decimal.MustParse("2600.5")}},
		},
		Specialization: &templates.Specialization{
			Title: "Release of Information Specialist",
			JobFunctions: []templates.JobFunction{{
				ID: "S1", Heading: "JOB FUNCTION S1: Processes requests for release of patient health information",
				Title: "Processes requests for release of patient health information", Type: "Core",
				MinHours: h("0"), MaxHours: h("0"),
				Competencies: []templates.Competency{
					{Letter: "A", Text: "Verifies patient authorization and requester identity", Type: "Core", OJT: true},
				},
			}},
		},
		RTI: templates.RTIPlan{
			Provider: []templates.Field{
				{Label: "Provider", Value: "Example Community College"},
				{Label: "Address", Value: "1 College Way, Saint Paul, MN 55101"},
				{Label: "Phone", Value: "+1 651 555 0199"},
				{Label: "Email", Value: "rti@example.edu"},
			},
			Notes: []templates.Field{{Label: "Apprentices paid for RTI hours", Value: "Yes"}, {Label: "Schedule", Value: "Outside work hours"}},
			Groups: []templates.CourseGroup{
				{Label: "Year 1", Subtotal: templates.Hours{Dec: decimal.MustParse("57.5")}, Courses: []templates.Course{
					{Title: "Medical Terminology", Number: "HIT 101", Hours: templates.Hours{Dec: decimal.MustParse("45")}, Objectives: []string{"Build and decode medical terms from prefixes, roots and suffixes", "Spell and pronounce common terms"}},
					{Title: "=SUM(A1:A9) is text, not a formula", Number: "0414", Hours: templates.Hours{Dec: decimal.MustParse("12.5")}},
				}},
				{Label: "Year 2", Subtotal: templates.Hours{Dec: decimal.MustParse("597.5")}, Courses: []templates.Course{
					{Title: "ICD-10-CM and CPT Coding", Number: "HIT 210", Hours: templates.Hours{Dec: decimal.MustParse("597.5")}, Objectives: []string{strings.Repeat("Assign diagnosis and procedure codes from documentation. ", 12)}},
				}},
			},
			Total:        templates.Hours{Dec: decimal.MustParse("655")},
			Years:        2,
			HoursPerYear: templates.Hours{Dec: decimal.MustParse("327.5")},
		},
		Signature: templates.SignatureBlock{
			SponsorLines: []string{"Sponsor signature", "Printed name", "Title", "Date"},
			AgencyTitle:  "For Registration Agency use",
			AgencyLines:  []string{"Registered by", "Signature", "Title", "Date", "Registration number"},
		},
	}
}

// Large returns a document with n job functions of m competencies each, for
// page-break and performance tests.
func Large(n, m int) *templates.Document {
	d := Sample()
	d.Specialization = nil
	d.JobFunctions = nil
	for i := 1; i <= n; i++ {
		jf := templates.JobFunction{
			ID:       fmt.Sprint(i),
			Title:    fmt.Sprintf("Work process %d with a title long enough to wrap onto a second line of the table heading in the PDF", i),
			Type:     "Core",
			MinHours: &templates.Hours{Dec: decimal.MustParse("10")},
			MaxHours: &templates.Hours{Dec: decimal.MustParse("12.5")},
		}
		jf.Heading = "JOB FUNCTION " + jf.ID + ": " + jf.Title
		for j := 0; j < m; j++ {
			jf.Competencies = append(jf.Competencies, templates.Competency{
				Letter: letters(j), Text: fmt.Sprintf("Competency %d.%s: performs the task to the standard set by the sponsor", i, letters(j)),
				Type: "Core", RTI: j%2 == 0, OJT: true,
			})
		}
		d.JobFunctions = append(d.JobFunctions, jf)
	}
	d.Totals = []templates.Total{
		{Label: "Total OJL hours (minimum)", Hours: templates.Hours{Dec: decimal.FromInt(int64(10 * n))}},
		{Label: "Total OJL hours (maximum)", Hours: templates.Hours{Dec: decimal.MustParse("12.5").Mul(decimal.FromInt(int64(n)))}},
	}
	return d
}

// letters returns the competency letter for index i: A..Z, AA, AB, ...
func letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
