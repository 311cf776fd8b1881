package pdf

import (
	"fmt"

	"github.com/wpsgen/wpsgen/templates"
)

// RTI course table columns: course name, number, hours, learning objectives.
var courseCols = []float64{142, 80, 52, contentWidth - 142 - 80 - 52}

// rtiPlan prints the Related Technical Instruction plan on a new page.
func (b *builder) rtiPlan(p *templates.RTIPlan) {
	if !b.flow.atTop() {
		b.flow.newPage()
	}
	b.flow.bookmark("Related Technical Instruction Plan", 0)
	b.sectionTitle("RELATED TECHNICAL INSTRUCTION PLAN")
	for _, fields := range [][]templates.Field{p.Provider, p.Notes} {
		if len(fields) == 0 {
			continue
		}
		t := b.fieldsTable()
		for _, fd := range fields {
			t.body = append(t.body, b.fieldRow(t, fd))
		}
		t.place(b.flow)
		b.flow.space(gapSmall)
	}
	b.flow.space(gapBlock)
	b.courseTable(p)
}

// courseTable prints the courses, grouped with subtotals when the groups
// have labels, and the total hours.
func (b *builder) courseTable(p *templates.RTIPlan) {
	t := &table{x: contentLeft, cols: courseCols}
	t.cont = []row{b.continuedRow(t, "RELATED TECHNICAL INSTRUCTION PLAN")}
	t.header = []row{b.columnHeader(t,
		[]string{"Course name", "Course number", "Hours", "Learning objectives"},
		[]align{alignLeft, alignLeft, alignRight, alignLeft})}
	for _, g := range p.Groups {
		if g.Label != "" {
			t.body = append(t.body, row{keepWithNext: true, cells: []cell{boxed(b.cell(t, 0, 4, g.Label, stBodyBold), shadeGroup, alignLeft)}})
		}
		for _, c := range g.Courses {
			t.body = append(t.body, b.courseRow(t, c))
		}
		if g.Label != "" {
			t.body = append(t.body, b.sumRow(t, "Subtotal, "+g.Label, g.Subtotal, shadeSubtotal))
		}
	}
	t.body = append(t.body, b.sumRow(t, "Total RTI hours", p.Total, shadeTotal))
	if p.Years > 0 {
		// The average belongs to the total: a row of the table, never
		// left alone at the top of the next page.
		t.body[len(t.body)-1].keepWithNext = true
		years := "years"
		if p.Years == 1 {
			years = "year"
		}
		t.body = append(t.body, row{cells: []cell{b.cell(t, 0, 4, fmt.Sprintf("%s hours per year over %d %s of term", p.HoursPerYear, p.Years, years), stBodyBold)}})
		t.notes = 1
	}
	t.place(b.flow)
}

// courseRow returns a course's row, its learning objectives as a bulleted
// list.
func (b *builder) courseRow(t *table, c templates.Course) row {
	var objectives []line
	width, indent := t.textWidth(3, 1), b.fonts.width("• ", stBody)+1
	for _, o := range c.Objectives {
		objectives = append(objectives, b.hanging("•", o, stBody, width, indent)...)
	}
	return row{cells: []cell{
		boxed(b.cell(t, 0, 1, c.Title, stBody), 0, alignLeft),
		boxed(b.cell(t, 1, 1, c.Number, stBody), 0, alignLeft),
		boxed(b.number(t, 2, 1, c.Hours.String(), stBody), 0, alignRight),
		boxed(cell{lines: objectives}, 0, alignLeft),
	}}
}

// sumRow returns a subtotal or total row of the course table.
func (b *builder) sumRow(t *table, label string, h templates.Hours, shade uint8) row {
	return row{cells: []cell{
		boxed(b.cell(t, 0, 2, label, stBodyBold), shade, alignRight),
		boxed(b.number(t, 2, 1, h.String(), stBodyBold), shade, alignRight),
		boxed(cell{}, shade, alignLeft),
	}}
}
