// Package templatestest provides layout documents for renderer tests, the
// way net/http/httptest serves net/http tests, and finds blocks in a
// layout (find.go), so tests in every package read one the same way.
package templatestest

import (
	"fmt"
	"strings"

	"github.com/wpsgen/wpsgen/templates"
)

// Sample returns a small hybrid layout that exercises every block the
// schedule and RTI parts hold: checkboxes, hours columns, custom items, a
// specialization, course groups by year with decimal hours, and non-Latin
// text.
func Sample() *templates.Layout { return SampleOf(templates.Hybrid) }

// SampleOf returns the sample with the hours columns and totals of an
// approach: time-based, job functions 1 and C1 state 1,200.5 and 800 hours
// and S1 none; competency-based, no hours at all.
func SampleOf(approach string) *templates.Layout {
	hours := map[string][][]string{
		templates.Hybrid:    {{"1000", "1300.5"}, {"1000", "1300"}, {"0", "0"}},
		templates.TimeBased: {{"1200.5"}, {"800"}, {""}},
	}[approach]
	if hours == nil {
		hours = [][]string{nil, nil, nil}
	}
	jfs := []jobFunction{
		{
			id: "1", title: "Properly applies diagnosis and procedure codes to medical charts, records and related documents",
			typ: "Core", level: "Basic", hours: hours[0],
			competencies: []competency{
				{letter: "A", text: "Enters or confirms code(s) associated with medical diagnosis(es), procedures, and services", typ: "Core", rti: true, ojt: true},
				{letter: "B", text: "Ensures medical codes reflect medical record documentation", typ: "Core", ojt: true},
			},
		},
		{
			id: "C1", title: "Maintains the release-of-information log", typ: "Optional", custom: true, hours: hours[1],
			competencies: []competency{
				{letter: "A", text: "Logs each request and disclosure — Ελληνικά, Кириллица, Tiếng Việt", typ: "Optional", ojt: true, custom: true},
			},
		},
	}
	spec := []jobFunction{{
		id: "S1", title: "Processes requests for release of patient health information", typ: "Core", hours: hours[2],
		competencies: []competency{
			{letter: "A", text: "Verifies patient authorization and requester identity", typ: "Core", ojt: true},
		},
	}}
	l := layout(approach, jfs, spec)
	SetCourses(l, 2, SampleCourses()...)
	return l
}

// SampleCourses are the sample's courses: a course of 12.5 hours, a title
// a spreadsheet must not take for a formula, a course number with a
// leading zero, and objectives of about 700 characters.
func SampleCourses() []Group {
	return []Group{
		{Label: "Year 1", Courses: []Course{
			{Title: "Medical Terminology", Number: "HIT 101", Hours: "45", Objectives: []string{"Build and decode medical terms from prefixes, roots and suffixes", "Spell and pronounce common terms"}},
			{Title: "=SUM(A1:A9) is text, not a formula", Number: "0414", Hours: "12.5"},
		}},
		{Label: "Year 2", Courses: []Course{
			{Title: "ICD-10-CM and CPT Coding", Number: "HIT 210", Hours: "597.5", Objectives: []string{strings.Repeat("Assign diagnosis and procedure codes from documentation. ", 12)}},
		}},
	}
}

// Large returns a hybrid layout with n job functions of m competencies
// each (10 to 12.5 hours each) and no specialization, for page-break and
// performance tests.
func Large(n, m int) *templates.Layout { return LargeOf(templates.Hybrid, n, m) }

// LargeOf is Large with the hours of an approach: time-based, 1,400 hours
// a job function; competency-based, none.
func LargeOf(approach string, n, m int) *templates.Layout {
	hours := map[string][]string{templates.Hybrid: {"10", "12.5"}, templates.TimeBased: {"1400"}}[approach]
	var jfs []jobFunction
	for i := 1; i <= n; i++ {
		jf := jobFunction{
			id:    fmt.Sprint(i),
			title: fmt.Sprintf("Work process %d with a title long enough to wrap onto a second line of the table heading in the PDF", i),
			typ:   "Core", hours: hours,
		}
		for j := 0; j < m; j++ {
			jf.competencies = append(jf.competencies, competency{
				letter: letters(j), text: fmt.Sprintf("Competency %d.%s: performs the task to the standard set by the sponsor", i, letters(j)),
				typ: "Core", rti: j%2 == 0, ojt: true,
			})
		}
		jfs = append(jfs, jf)
	}
	l := layout(approach, jfs, nil)
	SetCourses(l, 2, SampleCourses()...)
	return l
}

// layout is the sample's document around job functions (spec: the
// specialization's; none, no specialization) and an empty course table.
func layout(approach string, jfs, spec []jobFunction) *templates.Layout {
	const sponsor = "Bệnh viện Đa khoa Łódź — Όμιλος Здоровье"
	const occupation = "Medical Records and Health Information Technicians/Medical Coders"
	box := func(label string, boxes ...templates.Checkbox) templates.Field {
		return templates.BoxField(label, boxes...)
	}
	schedule := []templates.Block{
		&templates.Heading{Level: 1, Text: "WORK PROCESS SCHEDULE", Bookmark: true},
		&templates.Heading{Level: 2, Text: occupation},
		&templates.FieldList{Aside: true, Fields: []templates.Field{
			{Label: "O*NET Code", Value: "29-2072.00", Kind: templates.FieldCode, Path: "occupation.onet"},
			{Label: "RAPIDS Code", Value: "1114HY", Kind: templates.FieldCode, Path: "occupation.rapids"},
		}},
		&templates.FieldList{Fields: []templates.Field{
			{Label: "Job title", Value: "Medical Coder"},
			{Label: "Level", Value: "Basic"},
			{Label: "Specialization", Value: "Release of Information Specialist"},
			box("Stackable program", templates.Checkbox{Label: "yes", Checked: true}, templates.Checkbox{Label: "no"}),
			{Label: "Base occupation name", Value: "Medical Records and Health Information Technicians"},
			{Label: "Company contact", Value: "Nguyễn Thị Hương, Apprenticeship Coordinator"},
			{Label: "Address", Value: "ul. Piotrkowska 104, 90-001 Łódź"},
			{Label: "Phone", Value: "+1 651 555 0100"},
			{Label: "Email", Value: "apprenticeship@example.org"},
			box("Apprenticeship type", templates.Checkbox{Label: "Competency-Based", Checked: approach == templates.CompetencyBased},
				templates.Checkbox{Label: "Time-Based", Checked: approach == templates.TimeBased}, templates.Checkbox{Label: "Hybrid", Checked: approach == templates.Hybrid}),
			{Label: "Term", Value: "2,000 to 2,600.5 hours of on-the-job learning, plus demonstrated competency"},
			{Label: "Prerequisites", Value: "High school diploma or GED; 18 years of age"},
		}},
	}
	for _, jf := range jfs {
		schedule = append(schedule, jf.table())
	}
	if len(spec) > 0 {
		schedule = append(schedule, &templates.Heading{Level: 2, Text: "Type of Specialization: Release of Information Specialist", Bookmark: true, Key: "head"})
		for _, jf := range spec {
			schedule = append(schedule, jf.table())
		}
	}
	switch approach {
	case templates.TimeBased:
		schedule = append(schedule, totalsTable([]string{"Total OJL hours"}, append(jfs, spec...)))
	case templates.Hybrid:
		schedule = append(schedule, totalsTable([]string{"Total OJL hours (minimum)", "Total OJL hours (maximum)"}, append(jfs, spec...)))
	}
	rti := []templates.Block{
		&templates.Heading{Level: 1, Text: "RELATED TECHNICAL INSTRUCTION PLAN", Bookmark: true},
		&templates.FieldList{Fields: []templates.Field{
			{Label: "Provider", Value: "Example Community College"},
			{Label: "Address", Value: "1 College Way, Saint Paul, MN 55101"},
			{Label: "Phone", Value: "+1 651 555 0199"},
			{Label: "Email", Value: "rti@example.edu"},
		}},
		&templates.FieldList{Fields: []templates.Field{{Label: "Apprentices paid for RTI hours", Value: "Yes"}, {Label: "Schedule", Value: "Outside work hours"}}},
		courseTable(),
		&templates.Signature{
			SponsorTitle: "Sponsor: " + sponsor,
			SponsorLines: []string{"Sponsor signature", "Printed name", "Title", "Date"},
			AgencyTitle:  "For Registration Agency use",
			AgencyLines:  []string{"Registered by", "Signature", "Title", "Date", "Registration number"},
		},
	}
	return &templates.Layout{
		Name:   "sample",
		Header: templates.PageHeader{Sponsor: sponsor, Occupation: "Medical Coder", RAPIDS: "1114HY"},
		Footer: templates.PageFooter{Revision: "Revision 2, 2026-11-01"},
		Meta: templates.Meta{
			Title: "Work Process Schedule: Medical Coder", Subject: occupation, Author: sponsor,
			Keywords: "O*NET 29-2072.00, RAPIDS 1114HY", Language: "en-US",
		},
		Parts: []templates.Part{{Name: "Work Process Schedule", Blocks: schedule}, {Name: "RTI Plan", Blocks: rti}},
	}
}

// letters returns the competency letter for index i: A..Z, AA, AB, ...
func letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// Empty returns the layout of a document that states nothing: blank
// titles, codes and fields, no job function and no course, so only the
// blocks every document has (the RTI plan's heading, the course table's
// total and the signatures) have texts.
func Empty() *templates.Layout {
	l := &templates.Layout{
		Meta: templates.Meta{Title: "Work Process Schedule: ", Language: "en-US"},
		Parts: []templates.Part{
			{Name: "Work Process Schedule", Blocks: []templates.Block{
				&templates.Heading{Level: 1, Bookmark: true},
				&templates.Heading{Level: 2},
				&templates.FieldList{Aside: true, Fields: []templates.Field{
					{Label: "O*NET Code", Kind: templates.FieldCode, Path: "occupation.onet"},
					{Label: "RAPIDS Code", Kind: templates.FieldCode, Path: "occupation.rapids"},
				}},
				&templates.FieldList{},
			}},
			{Name: "RTI Plan", Blocks: []templates.Block{
				&templates.Heading{Level: 1, Text: "RELATED TECHNICAL INSTRUCTION PLAN", Bookmark: true},
				courseTable(),
				&templates.Signature{SponsorTitle: "Sponsor"},
			}},
		},
	}
	SetCourses(l, 0)
	return l
}
