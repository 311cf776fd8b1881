package templates

import (
	"fmt"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

// The Work Process Schedule part: the title and codes, the form's header
// fields, a table per job function (the specialization's after its
// heading), and the OJL totals, which follow the specialization because
// they include its hours.

// The tables of a schedule are named for formulas and defined names.
const (
	totalsTable  = "OJL_Totals"
	coursesTable = "RTI_Courses"
)

// schedulePart is the Work Process Schedule part of a validated schedule.
func schedulePart(s *framework.Schedule) Part {
	p := s.Program
	approach := p.Approach.Value
	blocks := []Block{
		&Heading{Level: 1, Text: "WORK PROCESS SCHEDULE", Bookmark: true},
		&Heading{Level: 2, Text: s.Framework.Title.Value},
		&FieldList{Aside: true, Fields: []Field{
			{Label: "O*NET Code", Value: or(p.Occupation.ONET, s.Framework.ONET), Kind: FieldCode, Path: "occupation.onet"},
			{Label: "RAPIDS Code", Value: or(p.Occupation.RAPIDS, s.Framework.RAPIDS), Kind: FieldCode, Path: "occupation.rapids"},
		}},
		&FieldList{Fields: headerFields(s)},
	}
	hoursCols := hoursColumns(approach)
	sumRefs := make([][]Ref, len(hoursCols)) // per hours column, the title cells of every job function
	add := func(inSpec bool) int {
		n := 0
		for _, item := range s.Items {
			if item.InSpec != inSpec {
				continue
			}
			t := jobFunctionTable(item, approach)
			for k := range hoursCols {
				sumRefs[k] = append(sumRefs[k], Ref{Table: t.ID, Row: TitleRow, Col: 1 + k})
			}
			blocks = append(blocks, t)
			n++
		}
		return n
	}
	add(false)
	specJFs := 0 // a job function is the specialization's only when one is chosen
	if s.Specialization != nil {
		blocks = append(blocks, &Heading{Level: 2, Text: "Type of Specialization: " + s.Specialization.Title.Value, Bookmark: true, Key: workbook.KeyHead})
		specJFs = add(true)
	}
	if t := totalsTableOf(p, specJFs > 0, sumRefs); t != nil {
		blocks = append(blocks, t)
	}
	return Part{Name: "Work Process Schedule", Blocks: blocks}
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

// totalsTableOf is the schedule's computed OJL hours, over every job
// function (the specialization's included, which the label says when there
// are some), each a sum of the job functions' title cells; nil for a
// competency-based program, which states no hours.
func totalsTableOf(p *framework.Program, withSpecialization bool, sumRefs [][]Ref) *Table {
	hours, lo, hi := framework.ScheduleTotals(p)
	scope := ""
	if withSpecialization {
		scope = ", including the specialization"
	}
	type total struct {
		label string
		hours decimal.Decimal
	}
	var totals []total
	switch p.Approach.Value {
	case TimeBased:
		totals = []total{{"Total OJL hours" + scope, hours}}
	case Hybrid:
		totals = []total{{"Total OJL hours (minimum" + scope + ")", lo}, {"Total OJL hours (maximum" + scope + ")", hi}}
	default:
		return nil
	}
	t := &Table{ID: totalsTable, Box: true, Columns: []Column{{Kind: CellText, Width: 180}, {Kind: CellHours, Width: 80}}}
	for k, tot := range totals {
		c := hoursCell(tot.hours)
		c.Formula = &Formula{Op: OpSum, Refs: sumRefs[k]} // a column per total
		t.Rows = append(t.Rows, Row{Kind: RowTotal, Cells: []Cell{{Kind: CellText, Text: tot.label}, c}, Key: totalKey})
	}
	return t
}

// hoursColumns are the hours a job function states, by approach.
func hoursColumns(approach string) []string {
	switch approach {
	case TimeBased:
		return []string{"Hours"}
	case Hybrid:
		return []string{"Min hours", "Max hours"}
	}
	return nil
}

func hoursCell(h decimal.Decimal) Cell {
	return Cell{Kind: CellHours, Num: h, Text: h.Format()}
}

// jobFunctionTableID is a job function table's stable name: "JF_1", "JF_S1".
func jobFunctionTableID(id string) string {
	var b strings.Builder
	b.WriteString("JF_")
	for _, r := range id {
		if r < 0x80 && (r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

func typeLabel(core bool) string {
	if core {
		return "Core"
	}
	return "Optional"
}

// jobFunctionTable is one work process: its title and details, and a row
// per competency with its letter, type and RTI and OJT marks, its
// sub-items under it.
func jobFunctionTable(item *framework.ScheduledJobFunction, approach string) *Table {
	id, typ := item.Src.ID.Value, typeLabel(item.Core)
	t := &Table{
		ID:        jobFunctionTableID(id),
		Title:     "JOB FUNCTION " + id + ": " + item.Title,
		Details:   jobFunctionDetails(item, approach),
		Continued: "JOB FUNCTION " + id + " (continued)",
		Columns: []Column{
			{Header: "Competencies", Kind: CellText, Width: 358},
			{Header: "Core or Optional", Kind: CellText, Width: 84, Center: true, Choices: []string{"Core", "Optional"}},
			{Header: "RTI", Kind: CellCheck, Width: 40},
			{Header: "OJT", Kind: CellCheck, Width: 40},
		},
	}
	// The title row's values: the hours first (so sums name them by the
	// same position in every table), then the type, whose note is the
	// level and whether the sponsor added the job function.
	hours := jobFunctionHours(item.Src, approach)
	for k, h := range hoursColumns(approach) {
		t.TitleCells = append(t.TitleCells, hoursCell(hours[k]))
		t.TitleColumns = append(t.TitleColumns, Column{Header: h, Kind: CellHours, Width: 52})
	}
	var notes []string
	if item.Level != "" {
		notes = append(notes, "Level: "+item.Level)
	}
	if item.Custom {
		notes = append(notes, "Custom")
	}
	t.TitleCells = append(t.TitleCells, Cell{Kind: CellText, Text: typ, Note: strings.Join(notes, "; ")})
	t.TitleColumns = append(t.TitleColumns, t.Columns[1])
	// What a workbook's reader compares an edited table with: the hours
	// as written, the type and title; each competency's marks, type and
	// text.
	t.HeaderKey = workbook.KeyHead
	t.TitleKey = &RowKey{Key: workbook.KeyJobFunction + id}
	for _, h := range hours {
		t.TitleKey.Shown = append(t.TitleKey.Shown, h.String())
	}
	t.TitleKey.Shown = append(t.TitleKey.Shown, typ, item.Title, item.Level)
	for _, c := range item.Competencies {
		letter, ctyp := c.Src.ID.Value, typeLabel(c.Core)
		typCell := Cell{Kind: CellText, Text: ctyp}
		if c.Custom {
			typCell.Note = "(custom)"
		}
		t.Rows = append(t.Rows, Row{Cells: []Cell{
			{Kind: CellText, Prefix: letter + ".", Text: c.Text},
			typCell,
			{Kind: CellCheck, Checked: c.RTI},
			{Kind: CellCheck, Checked: c.OJT},
		}, Key: &RowKey{Key: workbook.KeyCompetency + id + "." + letter, Shown: []string{mark(c.RTI), mark(c.OJT), ctyp, c.Text}}})
		t.Rows = append(t.Rows, itemRows(competencyItems(c), 1, workbook.KeyItem+id+"."+letter)...)
	}
	return t
}

// jobFunctionHours are the hours a job function states, one per hours
// column of the approach.
func jobFunctionHours(jf *framework.ProgramJobFunction, approach string) []decimal.Decimal {
	switch approach {
	case TimeBased:
		return []decimal.Decimal{jf.Hours.Dec}
	case Hybrid:
		return []decimal.Decimal{jf.MinHours.Dec, jf.MaxHours.Dec}
	}
	return nil
}

// jobFunctionDetails is the line under a job function's title: core or
// optional, level, custom, and its hours.
func jobFunctionDetails(item *framework.ScheduledJobFunction, approach string) string {
	kind := typeLabel(item.Core)
	if item.Custom {
		kind += " (custom)"
	}
	parts := []string{kind}
	if item.Level != "" {
		parts = append(parts, "Level: "+item.Level)
	}
	hours := jobFunctionHours(item.Src, approach)
	if len(hours) == 2 {
		parts = append(parts, "Hours: Min "+hours[0].Format()+" – Max "+hours[1].Format())
	} else if len(hours) == 1 {
		parts = append(parts, "Hours: "+hours[0].Format())
	}
	return strings.Join(parts, "   ·   ")
}
