package templatestest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/wpsgen/wpsgen/framework/decimal"
	"github.com/wpsgen/wpsgen/framework/workbook"
	"github.com/wpsgen/wpsgen/templates"
)

// The fixtures are layouts written here, not built from a program: a
// renderer test states exactly the blocks it draws (texts no program
// could hold, numbers no rule allows), and the layout build has golden
// files of its own. What follows lays out the fixtures' few kinds of table
// in the build's shape: the job function tables, the OJL totals and the
// course table.

// jobFunction is a job function table of a fixture. hours are its hours
// columns' values ("" leaves a cell empty): one for a time-based fixture,
// two for a hybrid one, none for a competency-based one.
type jobFunction struct {
	id, title, typ, level string
	custom                bool
	hours                 []string
	competencies          []competency
}

type competency struct {
	letter, text, typ string
	rti, ojt, custom  bool
}

// hoursHeaders are the hours columns' headers, and hoursWords what the
// details say before each value, by the number of columns.
var (
	hoursHeaders = [][]string{nil, {"Hours"}, {"Min hours", "Max hours"}}
	hoursWords   = [][]string{nil, {""}, {"Min ", "Max "}}
)

func hours(v string) decimal.Decimal { return decimal.MustParse(v) }

func hoursCell(v decimal.Decimal) templates.Cell {
	return templates.Cell{Kind: templates.CellHours, Num: v, Text: templates.Hours{Dec: v}.String()}
}

func mark(on bool) string {
	if on {
		return templates.CheckMark
	}
	return ""
}

// table lays out a job function the way the build does.
func (jf jobFunction) table() *templates.Table {
	t := &templates.Table{
		ID:        "JF_" + jf.id,
		Title:     "JOB FUNCTION " + jf.id + ": " + jf.title,
		Continued: "JOB FUNCTION " + jf.id + " (continued)",
		HeaderKey: workbook.KeyHead,
		TitleKey:  &templates.RowKey{Key: workbook.KeyJobFunction + jf.id},
		Columns: []templates.Column{
			{Header: "Competencies", Kind: templates.CellText, Width: 358},
			{Header: "Core or Optional", Kind: templates.CellText, Width: 84, Center: true, Choices: []string{"Core", "Optional"}},
			{Header: "RTI", Kind: templates.CellCheck, Width: 40},
			{Header: "OJT", Kind: templates.CellCheck, Width: 40},
		},
	}
	details := []string{jf.typ}
	if jf.custom {
		details[0] += " (custom)"
	}
	var notes, stated []string
	if jf.level != "" {
		details = append(details, "Level: "+jf.level)
		notes = append(notes, "Level: "+jf.level)
	}
	if jf.custom {
		notes = append(notes, "Custom")
	}
	for k, h := range jf.hours {
		c := templates.Cell{Kind: templates.CellHours}
		if h != "" {
			c = hoursCell(hours(h))
			stated = append(stated, hoursWords[len(jf.hours)][k]+c.Text)
			t.TitleKey.Shown = append(t.TitleKey.Shown, hours(h).String())
		} else {
			t.TitleKey.Shown = append(t.TitleKey.Shown, "")
		}
		t.TitleCells = append(t.TitleCells, c)
		t.TitleColumns = append(t.TitleColumns, templates.Column{Header: hoursHeaders[len(jf.hours)][k], Kind: templates.CellHours, Width: 52})
	}
	if len(stated) > 0 {
		details = append(details, "Hours: "+strings.Join(stated, " – "))
	}
	t.Details = strings.Join(details, "   ·   ")
	t.TitleCells = append(t.TitleCells, templates.Cell{Kind: templates.CellText, Text: jf.typ, Note: strings.Join(notes, "; ")})
	t.TitleColumns = append(t.TitleColumns, t.Columns[1])
	t.TitleKey.Shown = append(t.TitleKey.Shown, jf.typ, jf.title, jf.level)
	for _, c := range jf.competencies {
		typ := templates.Cell{Kind: templates.CellText, Text: c.typ}
		if c.custom {
			typ.Note = "(custom)"
		}
		t.Rows = append(t.Rows, templates.Row{Cells: []templates.Cell{
			{Kind: templates.CellText, Prefix: c.letter + ".", Text: c.text},
			typ,
			{Kind: templates.CellCheck, Checked: c.rti},
			{Kind: templates.CellCheck, Checked: c.ojt},
		}, Key: &templates.RowKey{Key: workbook.KeyCompetency + jf.id + "." + c.letter, Shown: []string{mark(c.rti), mark(c.ojt), c.typ, c.text}}})
	}
	return t
}

// totalsTable is the OJL totals box: a row per label, each the sum of
// that hours column over the job functions' title cells.
func totalsTable(labels []string, jfs []jobFunction) *templates.Table {
	t := &templates.Table{ID: "OJL_Totals", Box: true, Columns: []templates.Column{{Kind: templates.CellText, Width: 180}, {Kind: templates.CellHours, Width: 80}}}
	for k, label := range labels {
		var sum decimal.Decimal
		f := &templates.Formula{Op: templates.OpSum}
		for _, jf := range jfs {
			if h := jf.hours[k]; h != "" {
				sum = sum.Add(hours(h))
			}
			f.Refs = append(f.Refs, templates.Ref{Table: "JF_" + jf.id, Row: templates.TitleRow, Col: 1 + k})
		}
		c := hoursCell(sum)
		c.Formula = f
		t.Rows = append(t.Rows, templates.Row{Kind: templates.RowTotal, Cells: []templates.Cell{{Kind: templates.CellText, Text: label}, c}, Key: totalKey})
	}
	return t
}

var totalKey = &templates.RowKey{Key: workbook.KeyTotal}

// Course is a row of a fixture's course table; Hours is a decimal.
type Course struct {
	Title, Number, Hours string
	Objectives           []string
}

// Group is a run of courses under a label ("Year 1"), with a subtotal;
// the one group of a table without labels has Label "".
type Group struct {
	Label   string
	Courses []Course
}

// SetCourses replaces the course table of l with one of groups, laid out
// as the build does: a subtotal per labelled group, the total (one range:
// subtotals are skipped) and, when years is more than 0, the hours per
// year of term. The numbers are computed here, exactly.
func SetCourses(l *templates.Layout, years int, groups ...Group) {
	const id, hoursCol = "RTI_Courses", 2
	t := Table(l, id)
	if t == nil {
		panic("templatestest: the layout has no course table")
	}
	t.Rows = nil
	span := func(text string) templates.Cell { return templates.Cell{Kind: templates.CellText, Span: 2, Text: text} }
	sum := func(first int) *templates.Formula { // nothing to add up: no range
		f := &templates.Formula{Op: templates.OpSum}
		if last := len(t.Rows) - 1; last >= first {
			f.Refs = []templates.Ref{{Table: id, Col: hoursCol, Row: first, ToRow: last}}
		}
		return f
	}
	var total decimal.Decimal
	index := 0
	for _, g := range groups {
		year := strings.TrimPrefix(g.Label, "Year ")
		if g.Label != "" {
			t.Rows = append(t.Rows, templates.Row{Kind: templates.RowGroup, Cells: []templates.Cell{{Kind: templates.CellText, Span: 4, Text: g.Label}}, Key: &templates.RowKey{Key: workbook.KeyGroup + year}})
		}
		first := len(t.Rows)
		var sub decimal.Decimal
		for _, c := range g.Courses {
			h := decimal.Decimal{}
			if c.Hours != "" {
				h = hours(c.Hours)
			}
			sub = sub.Add(h)
			t.Rows = append(t.Rows, templates.Row{Cells: []templates.Cell{
				{Kind: templates.CellText, Text: c.Title},
				{Kind: templates.CellCode, Text: c.Number},
				hoursCell(h),
				{Kind: templates.CellText, Items: c.Objectives},
			}, Key: &templates.RowKey{Key: workbook.KeyCourse + strconv.Itoa(index), Shown: []string{c.Title, c.Number, h.String(), strings.Join(c.Objectives, "\n")}}})
			index++
		}
		total = total.Add(sub)
		if g.Label != "" {
			c := hoursCell(sub)
			c.Formula = sum(first)
			t.Rows = append(t.Rows, templates.Row{Kind: templates.RowSubtotal, Cells: []templates.Cell{span("Subtotal, " + g.Label), c, {Kind: templates.CellText}}, Key: totalKey})
		}
	}
	c := hoursCell(total)
	c.Formula = sum(0)
	t.Rows = append(t.Rows, templates.Row{Kind: templates.RowTotal, Cells: []templates.Cell{span("Total RTI hours"), c, {Kind: templates.CellText}}, Key: totalKey})
	if years > 0 {
		unit := "years"
		if years == 1 {
			unit = "year"
		}
		c := hoursCell(total.Div(decimal.FromInt(int64(years)), 2))
		c.Formula = &templates.Formula{Op: templates.OpDivide, Refs: []templates.Ref{{Table: id, Col: hoursCol, Row: len(t.Rows) - 1}}, By: int64(years), Places: 2}
		t.Rows = append(t.Rows, templates.Row{Kind: templates.RowNote, Cells: []templates.Cell{span(fmt.Sprintf("Hours per year (%d %s of term)", years, unit)), c, {Kind: templates.CellText}}, Key: totalKey})
	}
}

// courseTable is an empty course table, as the build starts one.
func courseTable() *templates.Table {
	return &templates.Table{
		ID:        "RTI_Courses",
		HeaderKey: workbook.KeyCourses,
		Continued: "RELATED TECHNICAL INSTRUCTION PLAN (continued)",
		Columns: []templates.Column{
			{Header: "Course name", Kind: templates.CellText, Width: 142},
			{Header: "Course number", Kind: templates.CellCode, Width: 80},
			{Header: "Hours", Kind: templates.CellHours, Width: 52},
			{Header: "Learning objectives", Kind: templates.CellText, Width: 248},
		},
	}
}
