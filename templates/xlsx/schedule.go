package xlsx

import (
	"fmt"
	"strings"

	"github.com/wpsgen/wpsgen/templates"
)

// Columns of a job function table. The hours columns of the approach (none,
// one or two) follow OJT, and the notes column comes last.
const (
	colLetter = iota + 1
	colText
	colType
	colRTI
	colOJT
	colHours // first hours column
)

// Column widths of a job function table, in characters.
const (
	widthLetter = 7
	widthText   = 62
	widthType   = 11
	widthMark   = 6
	widthHours  = 10
	widthNotes  = 14
)

// Values of the drop-down columns: a competency is Core or Optional, and
// its RTI and OJT cells hold the mark or nothing.
const mark = templates.CheckMark

var (
	typeValues = []string{"Core", "Optional"}
	markValues = []string{mark}
)

// customNote marks, in the notes column, a sponsor's own job function or
// competency (not from the framework).
const customNote = "Custom"

// schedule lays out the Work Process Schedule sheet.
type schedule struct {
	sheet
	d      *templates.Document
	hours  []string  // headings of the hours columns
	types  *dropList // Core or Optional cells
	marks  *dropList // RTI and OJT cells
	blocks [][2]int  // first and last row of each run of job function tables
}

// scheduleSheet lays out the Work Process Schedule: title block, header
// fields, one table per job function, totals, then the specialization.
func scheduleSheet(d *templates.Document) (*sheet, error) {
	hours, err := hoursColumns(d.Approach)
	if err != nil {
		return nil, err
	}
	if len(d.Totals) > len(hours) {
		return nil, fmt.Errorf("%d totals, but %s tables have %d hours columns", len(d.Totals), d.Approach, len(hours))
	}
	s := &schedule{
		d:     d,
		hours: hours,
		types: &dropList{values: typeValues, prompt: "Choose Core or Optional."},
		marks: &dropList{values: markValues, prompt: "Choose " + mark + " or leave the cell blank."},
	}
	s.name = SheetSchedule
	s.widths = scheduleWidths(len(hours))
	s.lists = []*dropList{s.types, s.marks}
	s.header = pageHeader(d.Header.Sponsor, d.Header.Occupation, d.Header.RAPIDS)
	s.footer = pageFooter(d.Footer.Revision)

	// The title block stays in view and is printed on every page; each
	// table repeats its own column headings, as on the form.
	last := s.titleBlock()
	s.freeze, s.titles = last, [2]int{1, last}
	s.headerFields()
	s.tables(d.JobFunctions)
	if sp := d.Specialization; sp != nil {
		s.key(s.add(cell{value: "Type of Specialization", look: lookLabel, span: 2},
			cell{value: sp.Title, look: lookSubtitle, span: len(s.widths) - 2}), KeyHead)
		s.blank()
		s.tables(sp.JobFunctions)
	}
	// The totals include the specialization's hours: they follow it.
	totals := s.reserveTotals()
	if err := s.fillTotals(totals); err != nil {
		return nil, err
	}
	return &s.sheet, nil
}

// hoursColumns returns the headings of the hours columns of an approach.
func hoursColumns(approach string) ([]string, error) {
	switch approach {
	case templates.CompetencyBased:
		return nil, nil
	case templates.TimeBased:
		return []string{"Hours"}, nil
	case templates.Hybrid:
		return []string{"Min hours", "Max hours"}, nil
	}
	return nil, fmt.Errorf("unknown approach %q", approach)
}

// jobHours returns a job function's hours, one per hours column.
func (s *schedule) jobHours(jf templates.JobFunction) []*templates.Hours {
	switch len(s.hours) {
	case 1:
		return []*templates.Hours{jf.Hours}
	case 2:
		return []*templates.Hours{jf.MinHours, jf.MaxHours}
	}
	return nil
}

// scheduleWidths returns the column widths for n hours columns.
func scheduleWidths(n int) []float64 {
	w := []float64{widthLetter, widthText, widthType, widthMark, widthMark}
	for range n {
		w = append(w, widthHours)
	}
	return append(w, widthNotes)
}

// titleBlock lays out the title and occupation, with the O*NET and RAPIDS
// codes (text cells) on the right, and returns its last row.
func (s *schedule) titleBlock() int {
	mid := len(s.widths) - 4
	s.add(cell{value: s.d.Title, look: lookTitle, span: 2},
		cell{value: "O*NET code", look: lookLabel, span: mid},
		cell{value: s.d.ONET, look: lookCode, span: 2})
	s.add(cell{value: s.d.Occupation, look: lookSubtitle, span: 2},
		cell{value: "RAPIDS code", look: lookLabel, span: mid},
		cell{value: s.d.RAPIDS, look: lookCode, span: 2})
	last := len(s.rows)
	s.blank()
	return last
}

// headerFields lays out the form's fields, checkbox fields included.
func (s *schedule) headerFields() {
	for _, f := range s.d.Fields {
		r := s.field(f.Label, f.Value, 2)
		if f.Path != "" {
			s.key(r, KeyField+f.Path, f.Value)
		}
	}
	s.blank()
}

// tables lays out one table per job function, a blank row after each, and
// records the rows they take for the totals.
func (s *schedule) tables(jfs []templates.JobFunction) {
	if len(jfs) == 0 {
		return
	}
	first := s.next()
	for i, jf := range jfs {
		if i > 0 {
			s.blank()
		}
		s.table(jf)
	}
	s.blocks = append(s.blocks, [2]int{first, s.next() - 1})
	s.blank()
}

// table lays out one job function: column headings, the job function's
// heading row (with its type, hours and notes), and a row per competency.
func (s *schedule) table(jf templates.JobFunction) {
	heads := []cell{
		{value: "Letter", look: lookHead}, {value: "Competency", look: lookHead},
		{value: "Core or Optional", look: lookHead}, {value: "RTI", look: lookHead}, {value: "OJT", look: lookHead},
	}
	for _, h := range s.hours {
		heads = append(heads, cell{value: h, look: lookHead})
	}
	s.key(s.add(append(heads, cell{value: "Notes", look: lookHead})...), KeyHead)

	heading := []cell{
		{value: jf.Heading, look: lookHeading, span: 2}, {value: jf.Type, look: lookHeadingCenter},
		{look: lookHeadingCenter}, {look: lookHeadingCenter},
	}
	for _, h := range s.jobHours(jf) {
		heading = append(heading, cell{value: hoursValue(h), look: lookHeadingHours})
	}
	r := s.add(append(heading, cell{value: notes(jf.Level, jf.Custom), look: lookHeadingCenter})...)
	s.types.add(colType, r)
	var hours []string
	for _, h := range s.jobHours(jf) {
		hours = append(hours, hoursText(h))
	}
	s.key(r, KeyJobFunction+jf.ID, hours...)

	for _, c := range jf.Competencies {
		s.competency(jf.ID, c)
	}
}

// competency lays out one competency row.
func (s *schedule) competency(jfID string, c templates.Competency) {
	cells := []cell{
		{value: c.Letter, look: lookCenter}, {value: c.Text, look: lookText}, {value: c.Type, look: lookCenter},
		{value: markIf(c.RTI), look: lookCenter}, {value: markIf(c.OJT), look: lookCenter},
	}
	for range s.hours {
		cells = append(cells, cell{look: lookHours})
	}
	r := s.add(append(cells, cell{value: notes("", c.Custom), look: lookCenter})...)
	s.key(r, KeyCompetency+jfID+"."+c.Letter, markIf(c.RTI), markIf(c.OJT))
	s.types.add(colType, r)
	s.marks.add(colRTI, r)
	s.marks.add(colOJT, r)
}

// hoursValue is the cell value of optional hours: a number, or nothing.
func hoursValue(h *templates.Hours) any {
	if h == nil {
		return nil
	}
	return h.Float64()
}

// markIf returns the RTI/OJT mark when b is true, else nothing.
func markIf(b bool) string {
	if b {
		return mark
	}
	return ""
}

// notes is the notes cell: the level and the custom marker, when given.
func notes(level string, custom bool) string {
	var parts []string
	if level != "" {
		parts = append(parts, "Level: "+level)
	}
	if custom {
		parts = append(parts, customNote)
	}
	return strings.Join(parts, "; ")
}

// reserveTotals lays out a row per total, its label spanning the columns
// left of the hours; fillTotals writes their formulas.
func (s *schedule) reserveTotals() []int {
	var rows []int
	for _, t := range s.d.Totals {
		cells := []cell{{value: t.Label, look: lookTotalLabel, span: colHours - 1}}
		for range s.hours {
			cells = append(cells, cell{})
		}
		r := s.add(cells...)
		s.key(r, KeyTotal)
		rows = append(rows, r)
	}
	if len(rows) > 0 {
		s.blank()
	}
	return rows
}

// fillTotals writes total i (in row rows[i]) as a SUM of hours column i over
// every job function table, the specialization's included, with the
// document's total as its cached value.
func (s *schedule) fillTotals(rows []int) error {
	for i, t := range s.d.Totals {
		var refs []string
		for _, b := range s.blocks {
			refs = append(refs, columnRange(colHours+i, b[0], b[1]))
		}
		c, err := totalCell(t.Label, sumFormula(refs), t.Hours)
		if err != nil {
			return err
		}
		// Cell 0 is the label; cell 1+i is hours column i.
		if err := s.set(rows[i], 1+i, c); err != nil {
			return err
		}
	}
	return nil
}
