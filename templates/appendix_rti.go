package templates

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

// rtiPart is the Related Technical Instruction plan: the provider and the
// notes (only what the program gives), the course outline, then the
// signatures that end the document.
func rtiPart(p *framework.Program) Part {
	blocks := []Block{&Heading{Level: 1, Text: "RELATED TECHNICAL INSTRUCTION PLAN", Bookmark: true}}
	rti := p.RTI
	if rti == nil {
		rti = &framework.RTIPlan{}
	}
	var provider, notes []Field
	if pr := rti.Provider; pr != nil {
		for _, f := range []Field{
			{Label: "Provider", Value: pr.Name.Value, Path: "rti.provider.name"},
			{Label: "Address", Value: pr.Address.Value, Path: "rti.provider.address"},
			{Label: "Phone", Value: pr.Phone.Value, Path: "rti.provider.phone"},
			{Label: "Email", Value: pr.Email.Value, Kind: FieldEmail, Path: "rti.provider.email"},
		} {
			if f.Value != "" {
				provider = append(provider, f)
			}
		}
	}
	if rti.Paid.Set {
		notes = append(notes, Field{Label: "Apprentices paid for RTI hours", Value: map[bool]string{true: "Yes", false: "No"}[rti.Paid.Value], Path: workbook.FieldPaid})
	}
	if rti.Schedule.Set {
		notes = append(notes, Field{Label: "Schedule", Value: workbook.ScheduleWords[rti.Schedule.Value], Path: workbook.FieldSchedule})
	}
	for _, fs := range [][]Field{provider, notes} {
		if len(fs) > 0 {
			blocks = append(blocks, &FieldList{Fields: fs})
		}
	}
	blocks = append(blocks, rtiOutline(p), &Signature{
		SponsorTitle: strings.TrimSuffix("Sponsor: "+p.Sponsor.Name.Value, ": "),
		SponsorLines: []string{"Sponsor signature", "Printed name", "Title", "Date"},
		AgencyTitle:  "For Registration Agency use",
		AgencyLines:  []string{"Registered by", "Signature", "Title", "Date", "Registration number"},
	})
	return Part{Name: "RTI Plan", Blocks: blocks}
}

// newCourseTable is the RTI plan's course table with its columns and no
// rows: the course name, number, hours and learning objectives.
func newCourseTable() *Table {
	return &Table{
		ID:        coursesTable,
		HeaderKey: workbook.KeyCourses,
		Continued: "RELATED TECHNICAL INSTRUCTION PLAN (continued)",
		Columns: []Column{
			{Header: "Course name", Kind: CellText, Width: 142},
			{Header: "Course number", Kind: CellCode, Width: 80},
			{Header: "Hours", Kind: CellHours, Width: 52},
			{Header: "Learning objectives", Kind: CellText, Width: 248},
		},
	}
}

// rtiOutline is the related instruction outline: the courses grouped by
// named level or by year with a subtotal each, the total (one range: the
// subtotals are skipped) and the hours per year of term. Under a course's
// title: "Elective", its own provider (on the group's row when the
// group's courses share it) and its note.
func rtiOutline(p *framework.Program) *Table {
	const hoursCol = 2
	t := newCourseTable()
	var courses []*framework.Course
	if p.RTI != nil {
		courses = p.RTI.Courses
	}
	index := map[*framework.Course]int{} // a course's place in rti.courses
	for i, c := range courses {
		index[c] = i
	}
	for _, g := range groupCourses(courses) {
		// A provider every course of a labelled group names is said once,
		// on the group's row, as the Standards do.
		shared := ""
		if g.label != "" {
			shared = sharedProvider(g.courses)
		}
		if g.label != "" {
			// A course added under a year's group is read back with that
			// year, under a level's with that level; under "Other
			// courses", with neither.
			key := workbook.KeyGroup
			switch {
			case g.other || len(g.courses) == 0:
			case g.courses[0].Level.Value != "":
				key = workbook.KeyLevel + g.courses[0].Level.Value
			default:
				key += g.courses[0].Year.Text
			}
			label := g.label
			if shared != "" {
				label += " — Provider: " + shared
			}
			t.Rows = append(t.Rows, Row{Kind: RowGroup, Cells: []Cell{{Kind: CellText, Span: 4, Text: label}}, Key: &RowKey{Key: key}})
		}
		first := len(t.Rows)
		var subtotal decimal.Decimal
		for _, c := range g.courses {
			subtotal = subtotal.Add(c.Hours.Dec)
			t.Rows = append(t.Rows, Row{Cells: []Cell{
				{Kind: CellText, Text: c.Title.Value, Note: courseNote(c, shared == "")},
				{Kind: CellCode, Text: c.Number.Value},
				hoursCell(c.Hours.Dec),
				{Kind: CellText, Items: idValues(c.Objectives)},
			}, Key: &RowKey{Key: workbook.KeyCourse + strconv.Itoa(index[c]), Shown: []string{
				c.Title.Value, c.Number.Value, c.Hours.Dec.String(), strings.Join(idValues(c.Objectives), "\n")}}})
		}
		if g.label != "" {
			sub := hoursCell(subtotal)
			sub.Formula = &Formula{Op: OpSum, Refs: rangeRefs(coursesTable, hoursCol, first, len(t.Rows)-1)}
			t.Rows = append(t.Rows, Row{Kind: RowSubtotal, Cells: []Cell{{Kind: CellText, Span: 2, Text: "Subtotal, " + g.label}, sub, {Kind: CellText}}, Key: totalKey})
		}
	}
	total := framework.RTITotal(p)
	tc := hoursCell(total)
	tc.Formula = &Formula{Op: OpSum, Refs: rangeRefs(coursesTable, hoursCol, 0, len(t.Rows)-1)}
	t.Rows = append(t.Rows, Row{Kind: RowTotal, Cells: []Cell{{Kind: CellText, Span: 2, Text: "Total RTI hours"}, tc, {Kind: CellText}}, Key: totalKey})
	if y, ok := framework.TermYears(p); ok {
		years := "years"
		if y == 1 {
			years = "year"
		}
		// An average, not a stated number: shown to two decimals.
		perYear := hoursCell(total.Div(decimal.FromInt(int64(y)), 2))
		perYear.Formula = &Formula{Op: OpDivide, Refs: []Ref{{Table: coursesTable, Col: hoursCol, Row: len(t.Rows) - 1}}, By: int64(y), Places: 2}
		t.Rows = append(t.Rows, Row{Kind: RowNote, Cells: []Cell{
			{Kind: CellText, Span: 2, Text: fmt.Sprintf("Hours per year (%d %s of term)", y, years)},
			perYear,
			{Kind: CellText},
		}, Key: totalKey})
	}
	return t
}

// sharedProvider is the provider every course names, or "".
func sharedProvider(courses []*framework.Course) string {
	p := courses[0].Provider.Value
	for _, c := range courses[1:] {
		if c.Provider.Value != p {
			return ""
		}
	}
	return p
}

// courseNote is what is printed under a course's title, a line each; the
// provider only when its group does not name it.
func courseNote(c *framework.Course, provider bool) string {
	var lines []string
	if c.Elective.Value {
		lines = append(lines, "Elective")
	}
	if provider && c.Provider.Value != "" {
		lines = append(lines, "Provider: "+c.Provider.Value)
	}
	if c.Note.Value != "" {
		lines = append(lines, c.Note.Value)
	}
	return strings.Join(lines, "\n")
}

type courseGroup struct {
	label   string
	year    decimal.Decimal
	other   bool // courses with neither a level nor a year: last
	courses []*framework.Course
}

// groupCourses groups courses for the outline. When a course names a
// level, groups are the levels (a course with a year only is under "Year
// N") in the order they first appear, as the Standards list them. Else,
// when a course has a year, groups are the years in year order. Courses
// with neither are "Other courses", last. With neither anywhere, one
// unlabelled group.
func groupCourses(courses []*framework.Course) []*courseGroup {
	anyLevel := slices.ContainsFunc(courses, func(c *framework.Course) bool { return c.Level.Value != "" })
	anyYear := slices.ContainsFunc(courses, func(c *framework.Course) bool { return c.Year.Set })
	var groups []*courseGroup
	byLabel := map[string]*courseGroup{}
	for _, c := range courses {
		g := &courseGroup{other: true, label: "Other courses"}
		switch {
		case c.Level.Value != "":
			g = &courseGroup{label: c.Level.Value}
		case c.Year.Set:
			g = &courseGroup{label: "Year " + c.Year.Text, year: c.Year.Dec}
		case !anyLevel && !anyYear:
			g.label = ""
		}
		key := g.label
		if !g.other && c.Level.Value == "" {
			key = "\x00year " + c.Year.Dec.String() // Year 1 and Year 1.0 are one year
		}
		if old, ok := byLabel[key]; ok {
			g = old
		} else {
			byLabel[key] = g
			groups = append(groups, g)
		}
		g.courses = append(g.courses, c)
	}
	slices.SortStableFunc(groups, func(a, b *courseGroup) int {
		if a.other != b.other {
			return cmp.Compare(boolInt(a.other), boolInt(b.other))
		}
		if anyLevel {
			return 0
		}
		return a.year.Cmp(b.year)
	})
	return groups
}
