package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/wpsgen/wpsgen/templates"
)

// Columns of the course table.
const (
	colCourse = iota + 1
	colNumber
	colCourseHours
	colObjectives
)

// rtiWidths are the widths of the course table's columns, in characters.
var rtiWidths = []float64{36, 14, 10, 70}

// Texts of the RTI Plan sheet.
const (
	rtiTitle      = "Related Technical Instruction Plan"
	rtiTotalLabel = "Total RTI hours"
	signHeight    = 30 // points: room to sign or write on a line
)

// plan lays out the RTI Plan sheet.
type plan struct {
	sheet
	d *templates.Document
}

// rtiSheet lays out the RTI Plan: title, provider and notes, the course
// table with group subtotals, the total and hours per year, then the
// signature block and the registration agency's block, which end the
// document as in the PDF.
func rtiSheet(d *templates.Document) (*sheet, error) {
	p := &plan{d: d}
	p.name = SheetRTI
	p.widths = rtiWidths
	p.header = pageHeader(d.Header.Sponsor, d.Header.Occupation, d.Header.RAPIDS)
	p.footer = pageFooter(d.Footer.Revision)

	p.add(cell{value: rtiTitle, look: lookTitle, span: len(p.widths)})
	p.add(cell{value: d.Occupation, look: lookSubtitle, span: len(p.widths)})
	p.blank()
	for _, f := range append(append([]templates.Field(nil), d.RTI.Provider...), d.RTI.Notes...) {
		r := p.field(f.Label, f.Value, 1)
		if f.Path != "" {
			p.key(r, KeyField+f.Path, f.Value)
		}
	}
	if len(d.RTI.Provider)+len(d.RTI.Notes) > 0 {
		p.blank()
	}
	head := p.add(cell{value: "Course name", look: lookHead}, cell{value: "Course number", look: lookHead},
		cell{value: "Hours", look: lookHead}, cell{value: "Learning objectives", look: lookHead})
	p.freeze, p.titles = head, [2]int{head, head}
	p.key(head, KeyCourses)

	if err := p.courses(); err != nil {
		return nil, err
	}
	p.signature()
	return &p.sheet, nil
}

// courses lays out the course groups, each with a label row and a subtotal
// row when it has a label, then the total and the hours per year of term.
func (p *plan) courses() error {
	rti := p.d.RTI
	start := p.next()
	for _, g := range rti.Groups {
		if g.Label != "" {
			p.key(p.add(cell{value: g.Label, look: lookGroup, span: len(p.widths)}), KeyGroup+g.Year)
		}
		first := p.next()
		for _, c := range g.Courses {
			p.course(c)
		}
		if g.Label != "" {
			label := g.Label + " subtotal"
			c, err := totalCell(label, subtotalFormula(colCourseHours, first, p.next()-1), g.Subtotal)
			if err != nil {
				return err
			}
			p.key(p.add(cell{value: label, look: lookTotalLabel, span: colCourseHours - 1}, c), KeyTotal)
		}
	}
	total, err := totalCell(rtiTotalLabel, subtotalFormula(colCourseHours, start, p.next()-1), rti.Total)
	if err != nil {
		return err
	}
	r := p.add(cell{value: rtiTotalLabel, look: lookTotalLabel, span: colCourseHours - 1}, total)
	p.key(r, KeyTotal)
	if rti.Years > 0 {
		label := fmt.Sprintf("Hours per year (%s of term)", plural(rti.Years, "year"))
		// An average: the build rounds it to two decimals, and so does the formula.
		formula := fmt.Sprintf("ROUND(%s/%d,2)", cellRef(colCourseHours, r), rti.Years)
		per, err := totalCell(label, formula, rti.HoursPerYear)
		if err != nil {
			return err
		}
		p.key(p.add(cell{value: label, look: lookTotalLabel, span: colCourseHours - 1}, per), KeyTotal)
	}
	return nil
}

// course lays out one course row: the number is text, the hours a number,
// the objectives one per line.
func (p *plan) course(c templates.Course) {
	objectives := strings.Join(c.Objectives, "\n")
	r := p.add(cell{value: c.Title, look: lookText}, cell{value: c.Number, look: lookCellCode},
		cell{value: c.Hours.Float64(), look: lookHours}, cell{value: objectives, look: lookText})
	p.key(r, KeyCourse+strconv.Itoa(c.Index), c.Title, c.Number, hoursText(&c.Hours), objectives)
}

// signature lays out the sponsor's signature lines and the registration
// agency's blank block.
func (p *plan) signature() {
	sig := p.d.Signature
	p.blank()
	for _, l := range sig.SponsorLines {
		p.signLine(l)
	}
	if sig.AgencyTitle == "" && len(sig.AgencyLines) == 0 {
		return
	}
	p.blank()
	p.add(cell{value: sig.AgencyTitle, look: lookSubtitle, span: len(p.widths)})
	for _, l := range sig.AgencyLines {
		p.signLine(l)
	}
}

// signLine lays out a label and a blank line to write on.
func (p *plan) signLine(label string) {
	r := p.add(cell{value: label, look: lookLabel}, cell{look: lookSignLine, span: len(p.widths) - 1})
	p.atLeast(r, signHeight)
}

// plural writes a count with its noun: "1 year", "2 years".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
