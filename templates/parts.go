package templates

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
)

// Layout returns the document as generic blocks, in print order: the Work
// Process Schedule part (title, codes, header fields, one table per job
// function, the specialization, the OJL totals) and the RTI Plan part
// (provider, notes, the course table with its subtotals, total and hours
// per year, the signatures). Every number and formula is decided here.
func (d *Document) Layout() *Layout {
	parts := []Part{d.schedulePart(), d.rtiPart()}
	if d.schedule != nil { // a document built from a program (not a test's)
		parts = append([]Part{appendixPart(d.schedule)}, parts...)
	}
	return &Layout{
		Name:   d.Name,
		Header: d.Header,
		Footer: d.Footer,
		Meta:   d.Meta(),
		Parts:  parts,
	}
}

// Meta is the document's properties: its title names the job title (or
// the occupation), the author is the sponsor, the keywords its codes.
func (d *Document) Meta() Meta {
	return Meta{
		Title:    "Work Process Schedule: " + or2(d.Header.Occupation, d.Occupation),
		Subject:  d.Occupation,
		Author:   d.Header.Sponsor,
		Keywords: codes(d.ONET, d.RAPIDS),
		Language: "en-US",
	}
}

func or2(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

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

// The tables of a schedule are named for formulas and defined names.
const (
	totalsTable  = "OJL_Totals"
	coursesTable = "RTI_Courses"
)

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

func (d *Document) schedulePart() Part {
	p := Part{Name: "Work Process Schedule"}
	p.Blocks = append(p.Blocks,
		&Heading{Level: 1, Text: d.Title, Bookmark: true},
		&Heading{Level: 2, Text: d.Occupation},
		&FieldList{Aside: true, Fields: []Field{
			{Label: "O*NET Code", Value: d.ONET, Kind: FieldCode, Path: "occupation.onet"},
			{Label: "RAPIDS Code", Value: d.RAPIDS, Kind: FieldCode, Path: "occupation.rapids"},
		}},
		&FieldList{Fields: d.Fields},
	)
	hoursCols := hoursColumns(d.Approach)
	var sumRefs [][]Ref // per hours column, the title cells of every job function
	sumRefs = make([][]Ref, len(hoursCols))
	add := func(jfs []JobFunction) {
		for i := range jfs {
			t := jobFunctionTable(&jfs[i], hoursCols)
			for k := range hoursCols {
				sumRefs[k] = append(sumRefs[k], Ref{Table: t.ID, Row: TitleRow, Col: 1 + k})
			}
			p.Blocks = append(p.Blocks, t)
		}
	}
	add(d.JobFunctions)
	if s := d.Specialization; s != nil {
		p.Blocks = append(p.Blocks, &Heading{Level: 2, Text: "Type of Specialization: " + s.Title, Bookmark: true, Key: workbook.KeyHead})
		add(s.JobFunctions)
	}
	// The totals include the specialization's hours: they follow it.
	if len(d.Totals) > 0 {
		t := &Table{ID: totalsTable, Box: true, Columns: []Column{{Kind: CellText, Width: 180}, {Kind: CellHours, Width: 80}}}
		for k, tot := range d.Totals {
			c := hoursCell(tot.Hours)
			if k < len(sumRefs) {
				c.Formula = &Formula{Op: OpSum, Refs: sumRefs[k]}
			}
			t.Rows = append(t.Rows, Row{Kind: RowTotal, Cells: []Cell{{Kind: CellText, Text: tot.Label}, c}, Key: totalKey})
		}
		p.Blocks = append(p.Blocks, t)
	}
	return p
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

func hoursCell(h Hours) Cell {
	return Cell{Kind: CellHours, Num: h.Dec, Text: h.String()}
}

// jobFunctionTable is one work process: its title and details, and a row
// per competency with its letter, type and RTI and OJT marks.
func jobFunctionTable(jf *JobFunction, hoursCols []string) *Table {
	t := &Table{
		ID:        jobFunctionTableID(jf.ID),
		Title:     jf.Heading,
		Details:   jobFunctionDetails(jf),
		Continued: "JOB FUNCTION " + jf.ID + " (continued)",
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
	hours := []*Hours{jf.Hours}
	if len(hoursCols) == 2 {
		hours = []*Hours{jf.MinHours, jf.MaxHours}
	}
	for k, h := range hoursCols {
		c := Cell{Kind: CellHours}
		if k < len(hours) && hours[k] != nil {
			c = hoursCell(*hours[k])
		}
		t.TitleCells = append(t.TitleCells, c)
		t.TitleColumns = append(t.TitleColumns, Column{Header: h, Kind: CellHours, Width: 52})
	}
	var notes []string
	if jf.Level != "" {
		notes = append(notes, "Level: "+jf.Level)
	}
	if jf.Custom {
		notes = append(notes, "Custom")
	}
	t.TitleCells = append(t.TitleCells, Cell{Kind: CellText, Text: jf.Type, Note: strings.Join(notes, "; ")})
	t.TitleColumns = append(t.TitleColumns, t.Columns[1])
	// What a workbook's reader compares an edited table with: the hours
	// as written, the type and title; each competency's marks, type and
	// text.
	t.HeaderKey = workbook.KeyHead
	t.TitleKey = &RowKey{Key: workbook.KeyJobFunction + jf.ID}
	for k := range hoursCols {
		shown := ""
		if k < len(hours) && hours[k] != nil {
			shown = hours[k].Dec.String()
		}
		t.TitleKey.Shown = append(t.TitleKey.Shown, shown)
	}
	t.TitleKey.Shown = append(t.TitleKey.Shown, jf.Type, jf.Title, jf.Level)
	for _, c := range jf.Competencies {
		typ := Cell{Kind: CellText, Text: c.Type}
		if c.Custom {
			typ.Note = "(custom)"
		}
		t.Rows = append(t.Rows, Row{Cells: []Cell{
			{Kind: CellText, Prefix: c.Letter + ".", Text: c.Text},
			typ,
			{Kind: CellCheck, Checked: c.RTI},
			{Kind: CellCheck, Checked: c.OJT},
		}, Key: &RowKey{Key: workbook.KeyCompetency + jf.ID + "." + c.Letter, Shown: []string{mark(c.RTI), mark(c.OJT), c.Type, c.Text}}})
		t.Rows = append(t.Rows, itemRows(c.Items, 1, workbook.KeyItem+jf.ID+"."+c.Letter)...)
	}
	return t
}

// jobFunctionDetails is the line under a job function's title: core or
// optional, level, custom, and its hours.
func jobFunctionDetails(jf *JobFunction) string {
	var parts []string
	kind := jf.Type
	if jf.Custom {
		kind = strings.TrimSpace(kind + " (custom)")
	}
	if kind != "" {
		parts = append(parts, kind)
	}
	if jf.Level != "" {
		parts = append(parts, "Level: "+jf.Level)
	}
	var hours []string
	if jf.Hours != nil {
		hours = append(hours, jf.Hours.String())
	}
	if jf.MinHours != nil {
		hours = append(hours, "Min "+jf.MinHours.String())
	}
	if jf.MaxHours != nil {
		hours = append(hours, "Max "+jf.MaxHours.String())
	}
	if len(hours) > 0 {
		parts = append(parts, "Hours: "+strings.Join(hours, " – "))
	}
	return strings.Join(parts, "   ·   ")
}

func (d *Document) rtiPart() Part {
	p := Part{Name: "RTI Plan"}
	p.Blocks = append(p.Blocks, &Heading{Level: 1, Text: "RELATED TECHNICAL INSTRUCTION PLAN", Bookmark: true})
	if len(d.RTI.Provider) > 0 {
		p.Blocks = append(p.Blocks, &FieldList{Fields: d.RTI.Provider})
	}
	if len(d.RTI.Notes) > 0 {
		p.Blocks = append(p.Blocks, &FieldList{Fields: d.RTI.Notes})
	}
	courses := courseTable(&d.RTI)
	if d.schedule != nil {
		courses = rtiOutline(d.schedule.Program)
	}
	p.Blocks = append(p.Blocks, courses)
	p.Blocks = append(p.Blocks, &Signature{
		SponsorTitle: strings.TrimSuffix("Sponsor: "+d.Header.Sponsor, ": "),
		SponsorLines: d.Signature.SponsorLines,
		AgencyTitle:  d.Signature.AgencyTitle,
		AgencyLines:  d.Signature.AgencyLines,
	})
	return p
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

// courseTable is the RTI plan's courses, grouped by year with subtotals,
// the total (one range: subtotals are skipped) and the hours per year.
func courseTable(rti *RTIPlan) *Table {
	const hoursCol = 2
	t := newCourseTable()
	for _, g := range rti.Groups {
		if g.Label != "" {
			t.Rows = append(t.Rows, Row{Kind: RowGroup, Cells: []Cell{{Kind: CellText, Span: 4, Text: g.Label}}, Key: &RowKey{Key: workbook.KeyGroup + g.Year}})
		}
		first := len(t.Rows)
		for _, c := range g.Courses {
			t.Rows = append(t.Rows, Row{Cells: []Cell{
				{Kind: CellText, Text: c.Title},
				{Kind: CellCode, Text: c.Number},
				hoursCell(c.Hours),
				{Kind: CellText, Items: c.Objectives},
			}, Key: &RowKey{Key: workbook.KeyCourse + strconv.Itoa(c.Index), Shown: []string{c.Title, c.Number, c.Hours.Dec.String(), strings.Join(c.Objectives, "\n")}}})
		}
		if g.Label != "" {
			sub := hoursCell(g.Subtotal)
			sub.Formula = &Formula{Op: OpSum, Refs: rangeRefs(coursesTable, hoursCol, first, len(t.Rows)-1)}
			t.Rows = append(t.Rows, Row{Kind: RowSubtotal, Cells: []Cell{{Kind: CellText, Span: 2, Text: "Subtotal, " + g.Label}, sub, {Kind: CellText}}, Key: totalKey})
		}
	}
	total := hoursCell(rti.Total)
	total.Formula = &Formula{Op: OpSum, Refs: rangeRefs(coursesTable, hoursCol, 0, len(t.Rows)-1)}
	t.Rows = append(t.Rows, Row{Kind: RowTotal, Cells: []Cell{{Kind: CellText, Span: 2, Text: "Total RTI hours"}, total, {Kind: CellText}}, Key: totalKey})
	if rti.Years > 0 {
		years := "years"
		if rti.Years == 1 {
			years = "year"
		}
		t.Rows = append(t.Rows, Row{Kind: RowNote, Cells: []Cell{
			{Kind: CellText, Span: 2, Text: fmt.Sprintf("Hours per year (%d %s of term)", rti.Years, years)},
			{Kind: CellHours, Num: rti.HoursPerYear.Dec, Text: rti.HoursPerYear.String(),
				Formula: &Formula{Op: OpDivide, Refs: []Ref{{Table: coursesTable, Col: hoursCol, Row: len(t.Rows) - 1}}, By: int64(rti.Years), Places: 2}},
			{Kind: CellText},
		}, Key: totalKey})
	}
	return t
}

// totalKey marks a computed row, which a workbook's reader never reads.
var totalKey = &RowKey{Key: workbook.KeyTotal}

// mark is how a workbook's reader compares an RTI or OJT mark.
func mark(on bool) string {
	if on {
		return CheckMark
	}
	return ""
}

// rangeRefs is rows first..last of one column, or nothing when empty.
func rangeRefs(table string, col, first, last int) []Ref {
	if last < first {
		return nil
	}
	return []Ref{{Table: table, Col: col, Row: first, ToRow: last}}
}

// Evaluate computes a formula over the layout's tables, exactly: what a
// spreadsheet computes from the cells the formula names. Tests compare it
// with the Num the build wrote.
func (l *Layout) Evaluate(f *Formula) (decimal.Decimal, error) {
	tables := map[string]*Table{}
	for _, p := range l.Parts {
		for _, b := range p.Blocks {
			if t, ok := b.(*Table); ok {
				tables[t.ID] = t
			}
		}
	}
	var nums []decimal.Decimal
	for _, r := range f.Refs {
		t := tables[r.Table]
		if t == nil {
			return decimal.Decimal{}, fmt.Errorf("no table %q", r.Table)
		}
		to := r.Row // the title row is one cell, whatever ToRow says
		if r.Row >= 0 {
			to = max(r.ToRow, r.Row)
		}
		for row := r.Row; row <= to; row++ {
			c, kind, err := t.cellAt(row, r.Col)
			if err != nil {
				return decimal.Decimal{}, fmt.Errorf("%s: %w", r.Table, err)
			}
			if f.Op == OpSum && r.ToRow > r.Row && kind == RowSubtotal {
				continue
			}
			if f.Op == OpProduct && c.Kind == CellPercent {
				c.Num = c.Num.Div(decimal.FromInt(100), int32(c.Num.Scale())+2)
			}
			nums = append(nums, c.Num)
		}
	}
	switch f.Op {
	case OpSum:
		return decimal.Sum(nums...), nil
	case OpProduct:
		p := decimal.FromInt(1)
		for _, n := range nums {
			p = p.Mul(n)
		}
		return p.Round(f.Places), nil
	case OpDivide:
		if len(nums) != 1 || f.By == 0 {
			return decimal.Decimal{}, fmt.Errorf("divide takes one cell and a divisor")
		}
		return nums[0].Div(decimal.FromInt(f.By), f.Places), nil
	}
	return decimal.Decimal{}, fmt.Errorf("unknown formula %d", f.Op)
}

// cellAt returns the cell of t in row (TitleRow for the title row) that
// covers column col, and the row's kind.
func (t *Table) cellAt(row, col int) (Cell, RowKind, error) {
	if row == TitleRow {
		if col < 1 || col > len(t.TitleCells) {
			return Cell{}, RowBody, fmt.Errorf("no title cell in column %d", col)
		}
		return t.TitleCells[col-1], RowBody, nil
	}
	if row < 0 || row >= len(t.Rows) {
		return Cell{}, RowBody, fmt.Errorf("no row %d", row)
	}
	at := 0
	for _, c := range t.Rows[row].Cells {
		if col < at+max(c.Span, 1) {
			return c, t.Rows[row].Kind, nil
		}
		at += max(c.Span, 1)
	}
	return Cell{}, RowBody, fmt.Errorf("row %d has no column %d", row, col)
}

// MarshalJSON names each block's type ({"Heading": {...}}), so the golden
// layouts say what each block is.
func (p Part) MarshalJSON() ([]byte, error) {
	blocks := make([]map[string]Block, len(p.Blocks))
	for i, b := range p.Blocks {
		blocks[i] = map[string]Block{strings.TrimPrefix(fmt.Sprintf("%T", b), "*templates."): b}
	}
	return json.Marshal(struct {
		Name   string
		Blocks []map[string]Block
	}{p.Name, blocks})
}
