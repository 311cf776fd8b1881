package pdf

import (
	"strings"

	"github.com/wpsgen/wpsgen/templates"
)

// Job function table columns: competency, core or optional, RTI, OJT.
var jobFunctionCols = []float64{contentWidth - 84 - 2*40, 84, 40, 40}

// jobFunction prints one job function table, with an outline entry at
// level; lead rows (the specialization's heading, which gets its own entry
// one level up) are kept on the page with the table's start.
func (b *builder) jobFunction(jf *templates.JobFunction, lead []row, level int) {
	t := &table{x: contentLeft, cols: jobFunctionCols}
	if len(lead) > 0 {
		t.bookmarks = append(t.bookmarks, bookmark{lineText(lead[0]), level - 1})
	}
	t.bookmarks = append(t.bookmarks, bookmark{jf.Heading, level})
	heading := boxed(b.cell(t, 0, 4, jf.Heading, stHeading), shadeHeading, alignLeft)
	if details := jobFunctionDetails(jf); details != "" {
		heading.lines = append(heading.lines, b.lines(details, stBody, t.textWidth(0, 4))...)
	}
	t.lead = append(append([]row(nil), lead...), row{cells: []cell{heading}})
	t.cont = []row{b.continuedRow(t, "JOB FUNCTION "+jf.ID)}
	t.header = []row{b.columnHeader(t,
		[]string{"Competencies", "Core or Optional", "RTI", "OJT"},
		[]align{alignLeft, alignCenter, alignCenter, alignCenter})}
	indent := b.letterIndent(jf.Competencies, t.textWidth(0, 1)*maxLetterShare)
	for _, c := range jf.Competencies {
		t.body = append(t.body, b.competencyRow(t, c, indent))
	}
	t.place(b.flow)
}

// jobFunctionDetails returns the line under a job function's heading:
// core or optional, level, custom, and its hours.
func jobFunctionDetails(jf *templates.JobFunction) string {
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
	if h := jobFunctionHours(jf); h != "" {
		parts = append(parts, "Hours: "+h)
	}
	return strings.Join(parts, "   ·   ")
}

// jobFunctionHours returns a job function's hours: "400" (time-based) or
// "Min 300 – Max 350" (hybrid); empty when it has none.
func jobFunctionHours(jf *templates.JobFunction) string {
	var parts []string
	if jf.Hours != nil {
		parts = append(parts, jf.Hours.String())
	}
	if jf.MinHours != nil {
		parts = append(parts, "Min "+jf.MinHours.String())
	}
	if jf.MaxHours != nil {
		parts = append(parts, "Max "+jf.MaxHours.String())
	}
	return strings.Join(parts, " – ")
}

// maxLetterShare is the largest part of the competency column that ids may
// take: a longer id gets lines of its own instead of pushing the text out.
const maxLetterShare = 0.25

// letterIndent returns how far competency texts are indented so that they
// line up after the widest letter that fits in limit points.
func (b *builder) letterIndent(cs []templates.Competency, limit float64) float64 {
	w := 0.0
	for _, c := range cs {
		if lw := b.fonts.width(b.fonts.clean(c.Letter+".", stBody.face), stBody); lw+4 <= limit {
			w = max(w, lw)
		}
	}
	return w + 4
}

// competencyRow returns a competency's row: letter and text, core or
// optional (and "(custom)"), and the RTI and OJT marks.
func (b *builder) competencyRow(t *table, c templates.Competency, indent float64) row {
	width := t.textWidth(0, 1)
	var text cell
	if letter := c.Letter + "."; b.fonts.width(b.fonts.clean(letter, stBody.face), stBody)+4 <= indent {
		text.lines = b.hanging(letter, c.Text, stBody, width, indent)
	} else {
		// An id too long to hang the text after: on lines of its own,
		// broken to fit, and the text under it.
		text.lines = append(b.lines(letter, stBody, width), b.hanging("", c.Text, stBody, width, indent)...)
	}
	kind := b.cell(t, 1, 1, c.Type, stBody)
	if c.Custom {
		kind.lines = append(kind.lines, b.lines("(custom)", stNote, t.textWidth(1, 1))...)
	}
	mark := func(on bool, col int) cell {
		if !on {
			return boxed(cell{}, 0, alignCenter)
		}
		return boxed(b.cell(t, col, 1, checkOn, stBodyBold), 0, alignCenter)
	}
	return row{cells: []cell{
		boxed(text, 0, alignLeft), boxed(kind, 0, alignCenter), mark(c.RTI, 2), mark(c.OJT, 3),
	}}
}

// lineText is the text of a row's first cell, its lines joined.
func lineText(r row) string {
	var parts []string
	for _, l := range r.cells[0].lines {
		parts = append(parts, l.text)
	}
	return strings.Join(parts, " ")
}
